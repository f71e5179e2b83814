package io.github.palimpsest.spark;

import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;

/**
 * A record in its comparable form, with its input position and, per comparison, the frequency of its
 * value in the pool ({@link io.github.palimpsest.pipeline.IndexedModel#NO_TERM_FREQUENCY} where none applies):
 * what a Spark task needs to compare and score a pair whose left record it is.
 */
final class Prepared implements Serializable {
    private static final long serialVersionUID = 1L;

    final long index;
    final ComparableRecord record;
    final double[] termFrequencies;

    Prepared(long index, ComparableRecord record, double[] termFrequencies) {
        this.index = index;
        this.record = record;
        this.termFrequencies = termFrequencies;
    }
}
