package io.github.palimpsest.spark;

import java.io.Serializable;

/** A candidate pair at or above the threshold: input positions, record ids, levels and match weight. */
final class ScoredPair implements Serializable {
    private static final long serialVersionUID = 1L;

    final long left;
    final long right;
    final String leftId;
    final String rightId;
    final double weight;
    /** The level of each comparison, for the evidence. */
    final byte[] levels;
    /** The left record's term frequencies, for the evidence. */
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
}
