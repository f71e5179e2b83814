package io.github.palimpsest.spark;

import java.io.Serializable;

/**
 * A scored candidate pair: input positions and match weight, and for a pair offered to clustering (at or above
 * the supported-link weight) also record ids, levels and term frequencies; a pair below it is kept by weight
 * only, for the support of a supported link, and those fields are null.
 */
final class ScoredPair implements Serializable {
    private static final long serialVersionUID = 1L;

    final long left;
    final long right;
    final String leftId;
    final String rightId;
    final double weight;
    /** The level of each comparison, for the evidence; null for a pair kept by weight only. */
    final byte[] levels;
    /** The left record's term frequencies, for the evidence; null for a pair kept by weight only. */
    final double[] termFrequencies;

    ScoredPair(long left, long right, String leftId, String rightId, double weight, byte[] levels,
            double[] termFrequencies) {
        this.left = left;
        this.right = right;
        this.leftId = leftId;
        this.rightId = rightId;
        this.weight = weight;
        this.levels = levels;
        this.termFrequencies = termFrequencies;
    }

    /** A pair by its positions and weight only, without its evidence. */
    static ScoredPair weightOnly(long left, long right, double weight) {
        return new ScoredPair(left, right, null, null, weight, null, null);
    }
}
