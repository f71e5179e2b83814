package io.github.palimpsest;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.score.Explanation;

/**
 * A scored pair of records at or above the linking threshold (or joined by a reviewer's match decision,
 * whatever its score): the two record ids, the match weight in bits, its probability, the explanation that
 * adds up to that weight, and whether a review decision made or broke it.
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
 * @param decision    what a reviewer's decision did to the link ({@link Decision#NONE} without one)
 */
public record Link(String leftId, String rightId, double matchWeight, double probability, Explanation explanation,
                   Decision decision) {

    /** What a review decision ({@link io.github.palimpsest.review.ReviewDecisions}) did to a link. */
    public enum Decision {
        /** No decision touches the link. */
        NONE(""),
        /** A reviewer decided the pair is one person: the link joins them whatever its score. */
        MATCH("match"),
        /** A reviewer decided the pair is two people: the link was refused. */
        NON_MATCH("non-match"),
        /** The link was refused because it would put a pair a reviewer decided are two people in one person. */
        KEPT_APART("kept apart by a non-match");

        private final String text;

        Decision(String text) {
            this.text = text;
        }

        /** The text of the links CSV's {@code decision} column: empty, match, non-match or kept apart... */
        public String text() {
            return text;
        }
    }

    /** Checks that nothing is null. */
    public Link {
        checkNotNull(leftId, "leftId");
        checkNotNull(rightId, "rightId");
        checkNotNull(explanation, "explanation");
        checkNotNull(decision, "decision");
    }

    /** A link no review decision touches. */
    public Link(String leftId, String rightId, double matchWeight, double probability, Explanation explanation) {
        this(leftId, rightId, matchWeight, probability, explanation, Decision.NONE);
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
