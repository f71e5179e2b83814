/**
 * Palimpsest: cross-force record matching.
 *
 * <p>Only the public API packages are exported; the command-line tool's package is opened to picocli
 * alone, which the library does not require at run time.
 */
module io.github.palimpsest {
    requires org.apache.commons.text;
    requires org.apache.commons.codec;
    requires org.apache.commons.csv;
    requires com.google.common;
    requires org.slf4j;
    requires static info.picocli;
    requires static net.jqwik.api;

    exports io.github.palimpsest;
    exports io.github.palimpsest.record;
    exports io.github.palimpsest.normalise;
    exports io.github.palimpsest.block;
    exports io.github.palimpsest.compare;
    exports io.github.palimpsest.score;
    exports io.github.palimpsest.cluster;
    exports io.github.palimpsest.pattern;
    exports io.github.palimpsest.synthetic;
    exports io.github.palimpsest.privacy;
    exports io.github.palimpsest.index;
    exports io.github.palimpsest.vet;
    exports io.github.palimpsest.review;

    opens io.github.palimpsest.cli to info.picocli;
}
