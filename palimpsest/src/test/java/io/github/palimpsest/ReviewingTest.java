package io.github.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.pipeline.PairDecisions;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.review.ReviewDecisions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewingTest {

    @Test
    void decisionsBecomeConstraintsOverKnownRecordsOnly() {
        ReviewDecisions decided = ReviewDecisions.of(List.of(ReviewDecision.match("A", "B"),
                ReviewDecision.nonMatch("B", "C"), ReviewDecision.nonMatch("A", "Z")));
        Map<String, Integer> index = Map.of("A", 0, "B", 1, "C", 2);

        PairDecisions pairs = Reviewing.pairDecisions(decided, id -> index.getOrDefault(id, -1));

        assertTrue(pairs.isMustLink(1, 0));
        assertTrue(pairs.isCannotLink(2, 1));
        assertEquals(1, pairs.cannotLinkCount());
    }
}
