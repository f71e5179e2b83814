package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A scored candidate pair: two record indexes and the pair's total match weight in bits (log2 of the
 * Bayes factor, prior included), as the scoring model reports it. The order of the two records does not
 * matter. For millions of links prefer the columnar {@link ScoredLinks}.
 *
 * @param left one record index (non-negative)
 * @param right the other record index (non-negative, different from {@code left})
 * @param matchWeight the total match weight in bits; never NaN ({@code ±Infinity} allowed)
 */
public record ScoredLink(int left, int right, double matchWeight) {

    /** Checks the indexes and the weight. */
    public ScoredLink {
        checkArgument(left >= 0 && right >= 0 && left != right,
                "a link needs two different non-negative record indexes, got %s and %s", left, right);
        checkArgument(!Double.isNaN(matchWeight), "the match weight of link %s-%s is NaN", left, right);
    }
}
