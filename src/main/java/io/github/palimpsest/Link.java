package io.github.palimpsest;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.score.Explanation;

/**
 * A scored pair of records at or above the linking threshold: the two record ids, the match weight in
 * bits, its probability, and the explanation that adds up to that weight.
 *
 * <p>{@code matchWeight} equals {@code explanation.totalWeight()} and {@code probability} equals
 * {@code explanation.probability()} exactly: the same numbers wherever a link is shown. Immutable and
 * thread-safe.
 *
 * @param leftId      the id of the record that came first in the input
 * @param rightId     the id of the other record
 * @param matchWeight the match weight in bits (log2 of the posterior odds), prior and term-frequency
 *                    adjustment included
 * @param probability {@code 2^w / (1 + 2^w)} of the match weight
 * @param explanation prior plus one row per comparison, totalling {@code matchWeight}
 */
public record Link(String leftId, String rightId, double matchWeight, double probability, Explanation explanation) {

    /** Checks that nothing is null. */
    public Link {
        checkNotNull(leftId, "leftId");
        checkNotNull(rightId, "rightId");
        checkNotNull(explanation, "explanation");
    }

    /**
     * The one-line per-comparison breakdown, as {@code LINKS.csv} shows it in its {@code evidence} column,
     * e.g. {@code prior -13.29; surname exact +8.89 (tf +2.30); dob exact +10.20 = 5.80 → 0.9824}.
     */
    public String evidence() {
        return explanation.summary();
    }

    /** The ids and the weight; the explanation holds no personal data either, but is long. */
    @Override
    public String toString() {
        return "Link[" + leftId + " ~ " + rightId + ", " + String.format(java.util.Locale.ROOT, "%.2f", matchWeight)
                + " bits]";
    }
}
