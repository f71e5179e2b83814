package io.github.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.cluster.RefusalReason;
import io.github.palimpsest.review.ContradictoryDecisionsException;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.review.ReviewDecisions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The batch linker under review decisions, over {@link LinkerTest#smallPool()}. */
class ReviewDecisionsLinkerTest {

    private static LinkResult link(ReviewDecisions decisions) {
        return TestComparisons.linker().model(TestComparisons.handModel()).decisions(decisions).build()
                .link(LinkerTest.smallPool());
    }

    private static String person(LinkResult result, String recordId) {
        return result.entityOf(recordId).orElseThrow().id();
    }

    private static Optional<Link> linkBetween(LinkResult result, String a, String b) {
        return result.links().stream().filter(l -> (l.leftId().equals(a) && l.rightId().equals(b))
                || (l.leftId().equals(b) && l.rightId().equals(a))).findFirst();
    }

    @Test
    void aNonMatchSplitsAChainSoThatItsEndsEndApart() {
        // A3 –(PNC ID)– A1 –(surname, date of birth)– A2: one person without decisions.
        LinkResult before = link(ReviewDecisions.none());
        assertEquals(person(before, "A3"), person(before, "A2"));

        LinkResult after = link(ReviewDecisions.of(List.of(ReviewDecision.nonMatch("A3", "A2"))));

        assertNotEquals(person(after, "A3"), person(after, "A2"));
        assertTrue(person(after, "A1").equals(person(after, "A3")) || person(after, "A1").equals(person(after, "A2")));
        boolean keptApart = after.links().stream().anyMatch(l -> l.decision() == Link.Decision.KEPT_APART
                || l.decision() == Link.Decision.NON_MATCH);
        assertTrue(keptApart, "the refused link says a decision broke it");
    }

    @Test
    void aMatchJoinsTwoRecordsTheModelLeftApartAndSaysSo() {
        LinkResult before = link(ReviewDecisions.none());
        assertNotEquals(person(before, "C1"), person(before, "D1"));

        LinkResult after = link(ReviewDecisions.of(List.of(ReviewDecision.match("D1", "C1").by("a reviewer"))));

        assertEquals(person(after, "C1"), person(after, "D1"));
        Link made = linkBetween(after, "C1", "D1").orElseThrow();
        assertEquals(Link.Decision.MATCH, made.decision());
        assertTrue(made.probability() < 0.95, "the link is there because of the decision, not its score");
        assertEquals(made.matchWeight(), made.explanation().totalWeight(), 1e-9);
        assertEquals(CompactLinkResult.REVIEWED_MATCH,
                after.entityOf("D1").orElseThrow().pattern().events().stream()
                        .filter(e -> e.recordId().equals("D1")).findFirst().orElseThrow().linkedBy().orElseThrow());
    }

    @Test
    void aMatchOutranksDifferentPncIds() {
        LinkResult after = link(ReviewDecisions.of(List.of(ReviewDecision.match("A2", "B1"))));

        assertEquals(person(after, "A2"), person(after, "B1"));
    }

    @Test
    void noDecisionsChangeNothing() {
        LinkResult plain = TestComparisons.linker().model(TestComparisons.handModel()).build()
                .link(LinkerTest.smallPool());
        LinkResult none = link(ReviewDecisions.none());

        assertEquals(plain.links().stream().map(l -> l + l.evidence()).toList(),
                none.links().stream().map(l -> l + l.evidence()).toList());
        assertEquals(plain.entities().stream().map(Entity::id).toList(),
                none.entities().stream().map(Entity::id).toList());
        assertTrue(none.links().stream().allMatch(l -> l.decision() == Link.Decision.NONE));
    }

    @Test
    void decisionsOnUnknownRecordsAreReportedAndIgnored() {
        ReviewDecision unknown = ReviewDecision.nonMatch("A1", "Z9");

        LinkResult result = link(ReviewDecisions.of(List.of(unknown)));

        assertEquals(List.of(unknown.from("decision 1")), result.unknownDecisions());
        assertEquals(person(result, "A1"), person(result, "A2"));
    }

    @Test
    void contradictoryDecisionsAreRefusedNamingEveryOneInvolved() {
        ContradictoryDecisionsException bothWays = assertThrows(ContradictoryDecisionsException.class,
                () -> ReviewDecisions.of(List.of(ReviewDecision.match("A1", "A2"), ReviewDecision.nonMatch("A2", "A1"))));
        assertTrue(bothWays.getMessage().contains("decision 1") && bothWays.getMessage().contains("decision 2"),
                bothWays.getMessage());

        ContradictoryDecisionsException chain = assertThrows(ContradictoryDecisionsException.class,
                () -> ReviewDecisions.of(List.of(ReviewDecision.match("A1", "A2"), ReviewDecision.match("A2", "C1"),
                        ReviewDecision.match("D1", "B1"), ReviewDecision.nonMatch("C1", "A1"))));
        // The non-match, then the chain of matches from its first record (C1) to its second (A1).
        assertEquals(List.of("decision 4", "decision 2", "decision 1"),
                chain.decisions().stream().map(ReviewDecision::origin).toList());
        assertTrue(chain.getMessage().contains("decision 4") && chain.getMessage().contains("decision 2"),
                chain.getMessage());
    }

    @Test
    void reviewPairsPutRefusedLinksFirstThenTheMostUncertain() {
        LinkResult result = TestComparisons.linker().model(TestComparisons.handModel())
                .reviewThresholdProbability(0.001).build().link(LinkerTest.smallPool());

        List<ReviewPair> review = result.reviewPairs();

        assertFalse(review.isEmpty());
        ReviewPair first = review.get(0);
        assertEquals(Optional.of(RefusalReason.CONFLICTING_IDENTIFIERS), first.refusal(),
                "A2~B1 is above the threshold but refused by their PNC IDs");
        assertEquals(List.of("A2", "B1"), List.of(first.link().leftId(), first.link().rightId()));
        for (int k = 1; k < review.size(); k++) {
            if (!review.get(k).isRefusedLink()) {
                assertTrue(review.get(k).link().probability() < 0.95);
                assertTrue(review.get(k).link().probability() >= 0.001);
            }
            if (!review.get(k - 1).isRefusedLink()) {
                assertTrue(review.get(k - 1).uncertainty() >= review.get(k).uncertainty(),
                        "most uncertain first: " + review);
            }
        }
    }

    @Test
    void aReviewThresholdAtOrAboveTheLinkThresholdIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Linker.builder().thresholdProbability(0.9).reviewThresholdProbability(0.9).build());
    }

    @Test
    void supportedLinksAreInTheBandMarkedAsLinks() {
        List<io.github.palimpsest.record.PersonRecord> records = TestComparisons.synthetic(400, 7).stream()
                .map(TestComparisons::toRecord).toList();
        LinkResult result = TestComparisons.linker().seed(7).reviewThresholdProbability(0.5).build().link(records);
        java.util.Set<java.util.Set<String>> below = new java.util.HashSet<>();
        result.links().stream().filter(l -> l.matchWeight() < result.thresholdWeight())
                .forEach(l -> below.add(java.util.Set.of(l.leftId(), l.rightId())));
        assertFalse(below.isEmpty(), "the pool has supported links");
        java.util.Set<java.util.Set<String>> marked = new java.util.HashSet<>();
        for (ReviewPair pair : result.reviewPairs()) {
            java.util.Set<String> ids = java.util.Set.of(pair.link().leftId(), pair.link().rightId());
            assertEquals(below.contains(ids), pair.supported(), pair.toString());
            if (pair.supported()) {
                marked.add(ids);
                assertEquals(result.entityOf(pair.link().leftId()), result.entityOf(pair.link().rightId()));
            }
        }
        assertEquals(below, marked, "every supported link is in the band, for a person to confirm");
    }
}
