/**
 * Palimpsest: cross-force record matching.
 *
 * <p>Only the public API packages are exported. The command-line tool is the module
 * {@code io.github.palimpsest.cli} (artifact palimpsest-cli), the synthetic generator the module
 * {@code io.github.palimpsest.testkit} (artifact palimpsest-testkit): the library requires neither picocli nor
 * jqwik.
 */
module io.github.palimpsest {
    requires org.apache.commons.text;
    requires org.apache.commons.codec;
    requires org.apache.commons.csv;
    requires com.google.common;
    requires com.google.gson;
    requires org.slf4j;

    exports io.github.palimpsest;
    exports io.github.palimpsest.record;
    exports io.github.palimpsest.normalise;
    exports io.github.palimpsest.block;
    exports io.github.palimpsest.compare;
    exports io.github.palimpsest.score;
    exports io.github.palimpsest.cluster;
    exports io.github.palimpsest.pattern;
    exports io.github.palimpsest.privacy;
    exports io.github.palimpsest.index;
    exports io.github.palimpsest.vet;
    exports io.github.palimpsest.review;

    // Helpers shared with the command-line tool only (number formatting): not the embedding developer's API.
    exports io.github.palimpsest.internal to io.github.palimpsest.cli;

    // The bundled demo scenario (resources only, no classes): the CLI's `demo` reads it from this module, and
    // a resource in a module's package is encapsulated unless the package is opened.
    opens io.github.palimpsest.demo to io.github.palimpsest.cli;
}
