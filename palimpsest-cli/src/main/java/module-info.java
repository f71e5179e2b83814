/**
 * The palimpsest command-line tool: picocli commands over the library's public API. Its package is opened to
 * picocli alone, which reflects into the command classes; nothing is exported.
 */
module io.github.palimpsest.cli {
    requires io.github.palimpsest;
    requires io.github.palimpsest.testkit;
    requires info.picocli;
    requires org.apache.commons.csv;
    requires org.apache.commons.text;
    requires org.slf4j;

    opens io.github.palimpsest.cli to info.picocli;
}
