package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClustererTest {
    private static final Clusterer CLUSTERER = Clusterer.builder().threshold(4).overwhelmingWeight(25).build();
    /** As the person linker clusters: a lone link below 15 bits does not join two multi-record clusters. */
    private static final Clusterer PERSON = Clusterer.builder().threshold(4).overwhelmingWeight(25)
            .loneLinkWeight(PersonConflicts.LONE_LINK_WEIGHT).build();

    @Test
    void aChainOfWeakLinksDoesNotJoinTwoDifferentPncIds() {
        // 0 and 2 hold different PNC IDs; 1 has none and links weakly to both.
        List<ScoredLink> links = List.of(new ScoredLink(0, 1, 6), new ScoredLink(1, 2, 6));
        List<List<String>> keys = List.of(List.of("pnc:1979/0163001B"), List.of(), List.of("pnc:1981/0042117K"));

        Clustering people = CLUSTERER.cluster(3, links, keys);

        assertNotEquals(people.clusterOf(0), people.clusterOf(2));
        assertEquals(people.clusterOf(0), people.clusterOf(1), "ties go to the smaller pair, (0,1) before (1,2)");
        assertEquals(1, people.constraintRejections());
    }

    @Test
    void conflictingRecordsAreNotChainedTogetherThroughAThird() {
        // A parent (0) and a child (2) of the same name and address both resemble an undated record (1).
        RecordConflicts parentAndChild = (a, b) -> (a == 0 && b == 2) || (a == 2 && b == 0);
        ScoredLinks links = ScoredLinks.of(List.of(new ScoredLink(0, 1, 9), new ScoredLink(1, 2, 8)));
        Clusterer clusterer = Clusterer.builder().threshold(4).conflictOverrideWeight(4).build();

        Clustering people = clusterer.cluster(3, links, List.of(List.of(), List.of(), List.of()), parentAndChild);

        assertEquals(people.clusterOf(0), people.clusterOf(1), "the stronger link wins the undated record");
        assertNotEquals(people.clusterOf(1), people.clusterOf(2));
        assertEquals(1, people.constraintRejections());
    }

    @Test
    void aConflictThatAThirdRecordBridgesDoesNotKeepClustersApart() {
        // Records 0 and 1 conflict; record 2, in 1's cluster, is one keying error from both (a bridge) when
        // bridging is on. Record 3 joins 0 by a weak link only.
        RecordConflicts plain = (a, b) -> (a == 0 && b == 1) || (a == 1 && b == 0);
        RecordConflicts bridged = new RecordConflicts() {
            @Override
            public boolean conflict(int a, int b) {
                return plain.conflict(a, b);
            }

            @Override
            public boolean bridges(int third, int a, int b) {
                return third == 2;
            }
        };
        ScoredLinks links = ScoredLinks.of(List.of(new ScoredLink(1, 2, 30), new ScoredLink(0, 2, 26),
                new ScoredLink(0, 3, 9)));
        List<List<String>> noKeys = List.of(List.of(), List.of(), List.of(), List.of());
        Clusterer clusterer = Clusterer.builder().threshold(4).build();

        Clustering apart = clusterer.cluster(4, links, noKeys, plain);
        assertNotEquals(apart.clusterOf(0), apart.clusterOf(1), "no direct overwhelming link between 0 and 1");
        Clustering together = clusterer.cluster(4, links, noKeys, bridged);
        assertEquals(together.clusterOf(0), together.clusterOf(1));
        assertEquals(together.clusterOf(0), together.clusterOf(3));
        assertEquals(0, together.constraintRejections());
    }

    @Test
    void aDirectLinkAtTheOverrideWeightResolvesAConflict() {
        RecordConflicts conflicting = (a, b) -> a != b;
        ScoredLinks links = ScoredLinks.of(List.of(new ScoredLink(0, 1, 9)));
        List<List<String>> noKeys = List.of(List.of(), List.of());

        assertEquals(1, Clusterer.builder().threshold(4).conflictOverrideWeight(9).build()
                .cluster(2, links, noKeys, conflicting).clusterCount());
        assertEquals(2, Clusterer.builder().threshold(4).conflictOverrideWeight(9.5).build()
                .cluster(2, links, noKeys, conflicting).clusterCount());
    }

    @Test
    void theStrongerLinkDecidesWhereTheRecordWithoutAnIdGoes() {
        List<ScoredLink> links = List.of(new ScoredLink(0, 1, 6), new ScoredLink(1, 2, 9));
        List<List<String>> keys = List.of(List.of("pnc:A"), List.of(), List.of("pnc:B"));

        Clustering people = CLUSTERER.cluster(3, links, keys);

        assertEquals(people.clusterOf(1), people.clusterOf(2));
        assertNotEquals(people.clusterOf(0), people.clusterOf(1));
    }

    @Test
    void anOverwhelmingDirectLinkJoinsDifferentIdentifiers() {
        // Same person, one PNC mistyped by a force: everything else agrees overwhelmingly.
        List<ScoredLink> links = List.of(new ScoredLink(0, 1, 31));
        List<List<String>> keys = List.of(List.of("pnc:A"), List.of("pnc:B"));

        Clustering people = CLUSTERER.cluster(2, links, keys);

        assertEquals(1, people.clusterCount());
        assertEquals(1, people.overrides());
    }

    @Test
    void anOverwhelmingLinkDoesNotVouchForOtherConflictingRecords() {
        // 0 (A) and 1 (B) are joined overwhelmingly; 2 (A) links weakly to 1 (B): 1 and 2 conflict directly.
        List<ScoredLink> links = List.of(new ScoredLink(0, 1, 31), new ScoredLink(1, 2, 10), new ScoredLink(0, 2, 10));
        List<List<String>> keys = List.of(List.of("pnc:A"), List.of("pnc:B"), List.of("pnc:A"));

        Clustering people = CLUSTERER.cluster(3, links, keys);

        assertEquals(people.clusterOf(0), people.clusterOf(1));
        assertNotEquals(people.clusterOf(1), people.clusterOf(2));
    }

    @Test
    void differentTypesNeverConflict() {
        List<List<String>> keys = List.of(List.of("pnc:A", "cro:1"), List.of("pnc:A", "ni:QQ123456C"));

        Clustering people = CLUSTERER.cluster(2, List.of(new ScoredLink(0, 1, 5)), keys);

        assertEquals(1, people.clusterCount());
    }

    @Test
    void recordsWithoutLinksStaySingletons() {
        Clustering people = CLUSTERER.cluster(5, List.of(new ScoredLink(3, 1, 8), new ScoredLink(0, 4, 3.9)),
                List.of());

        assertEquals(4, people.clusterCount());
        assertArrayEquals(new int[] {0, 1, 2, 1, 3}, people.clusterOfRecords());
        assertArrayEquals(new int[] {1, 3}, people.members(1));
    }

    @Test
    void theChainGuardKeepsTwoPairsApartWhenOnlyABorderlineLinkJoinsThem() {
        List<ScoredLink> links = List.of(new ScoredLink(0, 1, 12), new ScoredLink(2, 3, 12), new ScoredLink(1, 2, 5));
        Clusterer guarded = Clusterer.builder().threshold(4).multiRecordMergeWeight(8).build();

        assertEquals(2, guarded.cluster(4, links, List.of()).clusterCount());
        assertEquals(1, guarded.cluster(4, links, List.of()).chainGuardRejections());
        assertEquals(1, CLUSTERER.cluster(4, links, List.of()).clusterCount());
    }

    @Test
    void twoPeopleWithSeveralRecordsEachAreNotJoinedByOneBorderlineLink() {
        // Twins: each has two records that agree with each other; one record of each resembles the other's.
        List<ScoredLink> links = List.of(new ScoredLink(0, 1, 30), new ScoredLink(2, 3, 30), new ScoredLink(1, 2, 6));

        Clustering people = PERSON.cluster(4, links, List.of());

        assertEquals(2, people.clusterCount());
        assertNotEquals(people.clusterOf(1), people.clusterOf(2));
        assertEquals(15.0, PERSON.loneLinkWeight());
        assertEquals(1, CLUSTERER.cluster(4, links, List.of()).clusterCount(), "off by default");
    }

    @Test
    void aSecondLinkOrAStrongOneJoinsThemAndALoneRecordNeedsNeither() {
        List<ScoredLink> twoLinks = List.of(new ScoredLink(0, 1, 30), new ScoredLink(2, 3, 30),
                new ScoredLink(1, 2, 6), new ScoredLink(0, 3, 4.5));
        assertEquals(1, PERSON.cluster(4, twoLinks, List.of()).clusterCount(),
                "the weaker second link, offered later, corroborates the first");
        List<ScoredLink> strong = List.of(new ScoredLink(0, 1, 30), new ScoredLink(2, 3, 30), new ScoredLink(1, 2, 15));
        assertEquals(1, PERSON.cluster(4, strong, List.of()).clusterCount());
        List<ScoredLink> duplicate = List.of(new ScoredLink(0, 1, 30), new ScoredLink(2, 3, 30),
                new ScoredLink(1, 2, 6), new ScoredLink(2, 1, 6));
        assertEquals(2, PERSON.cluster(4, duplicate, List.of()).clusterCount(), "one link given twice is one link");
        List<ScoredLink> single = List.of(new ScoredLink(0, 1, 30), new ScoredLink(1, 2, 5));
        assertEquals(1, PERSON.cluster(3, single, List.of()).clusterCount(), "a record on its own joins by any link");
        Clusterer always = Clusterer.builder().threshold(4).loneLinkWeight(Double.POSITIVE_INFINITY).build();
        assertEquals(2, always.cluster(4, strong, List.of()).clusterCount());
    }

    @Test
    void aProbabilityThresholdIsConvertedToBits() {
        assertEquals(0.0, Clusterer.builder().thresholdProbability(0.5).build().threshold(), 1e-12);
        assertEquals(Math.log(19) / Math.log(2), Clusterer.builder().thresholdProbability(0.95).build().threshold(),
                1e-12);
    }

    @Test
    void misuseFailsFastWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> new ScoredLink(1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new ScoredLink(0, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CLUSTERER.cluster(2, List.of(new ScoredLink(0, 2, 5)), List.of()));
        assertThrows(IllegalArgumentException.class, () -> CLUSTERER.cluster(2, List.of(), List.of(List.of())));
        assertThrows(IllegalArgumentException.class, () -> CLUSTERER.cluster(1, List.of(), List.of(List.of("nocolon"))));
        assertThrows(IllegalStateException.class, () -> Clusterer.builder().threshold(10).overwhelmingWeight(5).build());
        assertThrows(IllegalArgumentException.class, () -> Clusterer.builder().thresholdProbability(1));
    }
}
