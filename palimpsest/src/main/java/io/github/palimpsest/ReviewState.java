package io.github.palimpsest;

import io.github.palimpsest.review.ReviewDecision;
import java.util.List;

/**
 * What review decisions and the review band leave in a result: what a decision did to each link (null
 * without decisions), the decisions naming unknown records, and the pairs to review (packed, with weights,
 * levels [c][k] and the ordinal of the refusal reason, −1 for a pair below the threshold).
 */
record ReviewState(Link.Decision[] linkDecisions, List<ReviewDecision> unknownDecisions, long[] reviewPairs,
                   double[] reviewWeights, byte[][] reviewLevels, byte[] reviewRefusals) {

    static final ReviewState NONE = new ReviewState(null, List.of(), new long[0], new double[0], new byte[0][],
            new byte[0]);
}
