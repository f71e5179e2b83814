package io.github.palimpsest.pipeline;

/**
 * The match weight of any pair of records that was scored (in a batch run: the candidate pairs), so that
 * clustering can weigh every scored pair between two clusters, not only the link that offers to join them.
 */
@FunctionalInterface
public interface PairWeights {
    /** No pair scored: clustering then sees only the links it is given. */
    PairWeights NONE = (a, b) -> Double.NaN;

    /** The weight in bits of the pair {@code {a, b}}, or {@code NaN} when the pair was not scored. */
    double weight(int a, int b);
}
