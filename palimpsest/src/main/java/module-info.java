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
}
