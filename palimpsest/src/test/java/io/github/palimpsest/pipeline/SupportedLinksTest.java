package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Links below the threshold that a person's other records support ({@link Clusterer.Builder#supportedLinkWeight}).
 * Records 0 and 1 are one person through a link at the threshold; record 2 is a lone record near them.
 */
class SupportedLinksTest {
    private static final Clusterer SUPPORTING = Clusterer.builder().threshold(4).overwhelmingWeight(25)
            .supportedLinkWeight(0).build();

    /** The scored pairs, each also offered to the clusterer as a link. */
    private final Map<Long, Double> scored = new HashMap<>();

    private void score(int a, int b, double weight) {
        scored.put(ConstrainedMerge.pack(a, b), weight);
    }

    private PairWeights weights() {
        return (a, b) -> scored.getOrDefault(ConstrainedMerge.pack(a, b), Double.NaN);
    }

    private ScoredLinks links() {
        List<ScoredLink> links = new ArrayList<>();
        scored.forEach((pair, w) -> links.add(new ScoredLink((int) (pair >>> 32), (int) (long) pair, w)));
        return ScoredLinks.of(links);
    }

    private Clustering cluster(int records, List<List<String>> keys) {
        return SUPPORTING.cluster(records, links(), keys, RecordConflicts.NONE, PairDecisions.NONE, weights());
    }

    @Test
    void aLoneRecordJoinsAPersonWhoseRecordsSupportItsLinkBelowTheThreshold() {
        score(0, 1, 10);
        score(1, 2, 2.5); // 85% alone: below the threshold of 4 bits
        score(0, 2, 1);
        Clustering clustering = cluster(3, List.of());
        assertEquals(1, clustering.clusterCount());
        assertArrayEquals(new long[] {ConstrainedMerge.pack(1, 2)}, clustering.supportedLinks());
        assertEquals(0, clustering.refusedLinks().size());
    }

    @Test
    void withoutPairWeightsOnlyLinksAtTheThresholdJoin() {
        score(0, 1, 10);
        score(1, 2, 2.5);
        score(0, 2, 1);
        Clustering clustering = SUPPORTING.cluster(3, links(), List.of(), RecordConflicts.NONE, PairDecisions.NONE);
        assertEquals(2, clustering.clusterCount());
        assertEquals(0, clustering.supportedLinks().length);
    }

    @Test
    void oneScoredPairIsNoSupport() {
        score(0, 1, 10);
        score(1, 2, 2.5); // the pair 0-2 was never scored (not a candidate)
        assertEquals(2, cluster(3, List.of()).clusterCount());
    }

    @Test
    void aPairThatWeighsAgainstOnAverageKeepsTheRecordOut() {
        score(0, 1, 10);
        score(1, 2, 2.5);
        score(0, 2, -3); // mean -0.25 bits
        assertEquals(2, cluster(3, List.of()).clusterCount());
        scored.put(ConstrainedMerge.pack(0, 2), -2.5); // mean 0: even, which counts as support
        assertEquals(1, cluster(3, List.of()).clusterCount());
    }

    @Test
    void aLinkLessLikelyThanNotNeverJoins() {
        score(0, 1, 10);
        score(1, 2, -0.5);
        score(0, 2, -0.2);
        assertEquals(2, cluster(3, List.of()).clusterCount());
        scored.put(ConstrainedMerge.pack(0, 2), 0.5); // just above even odds, mean 0: joins
        assertEquals(1, cluster(3, List.of()).clusterCount());
    }

    @Test
    void twoLoneRecordsAndTwoPeopleOfSeveralRecordsStayApartBelowTheThreshold() {
        score(0, 1, 3.9);
        assertEquals(2, cluster(2, List.of()).clusterCount(), "two lone records have one pair: no support");
        scored.clear();
        score(0, 1, 10);
        score(2, 3, 10);
        score(1, 2, 3.5);
        score(0, 3, 3.5);
        score(0, 2, 3.5);
        score(1, 3, 3.5);
        assertEquals(2, cluster(4, List.of()).clusterCount(), "two people of several records each");
    }

    @Test
    void aRecordAsLikeAnotherPersonIsNotJoined() {
        // Records 3 and 4 are another person, and record 2 resembles them as much as it resembles 0 and 1:
        // a record is at most one person, so each is below even odds.
        score(0, 1, 10);
        score(3, 4, 10);
        score(1, 2, 2.5);
        score(0, 2, 1);
        score(3, 2, 2.5);
        score(4, 2, 1);
        Clustering clustering = cluster(5, List.of());
        assertEquals(3, clustering.clusterCount());
        assertNotEquals(clustering.clusterOf(0), clustering.clusterOf(2));
        assertNotEquals(clustering.clusterOf(3), clustering.clusterOf(2));
        // A weaker rival leaves the record to the stronger person: 2^2.5 ≈ 5.7 ≥ 1 + 2^1.
        scored.put(ConstrainedMerge.pack(3, 2), 1.0);
        clustering = cluster(5, List.of());
        assertEquals(clustering.clusterOf(0), clustering.clusterOf(2));
    }

    @Test
    void aSupportedLinkNeverOverridesAConstraintAndIsNeverReportedAsRefused() {
        score(0, 1, 10);
        score(1, 2, 2.5);
        score(0, 2, 2);
        Clustering clustering = cluster(3, List.of(List.of("pnc:A"), List.of(), List.of("pnc:B")));
        assertEquals(2, clustering.clusterCount());
        assertTrue(clustering.refusedLinks().isEmpty());
        assertEquals(0, clustering.supportedLinks().length);
    }
}
