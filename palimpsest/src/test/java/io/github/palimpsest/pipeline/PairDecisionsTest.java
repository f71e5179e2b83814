package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.cluster.RefusalReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairDecisionsTest {
    private static final Clusterer CLUSTERER = Clusterer.builder().threshold(4).overwhelmingWeight(25).build();
    private static final List<List<String>> NO_KEYS = List.of();

    @Test
    void aCannotLinkSplitsAChainSoThatItsEndsStayApart() {
        // A–B–C, both links strong: without a decision one person.
        ScoredLinks links = ScoredLinks.of(List.of(new ScoredLink(0, 1, 30), new ScoredLink(1, 2, 28)));
        assertEquals(1, CLUSTERER.cluster(3, links).clusterCount());

        Clustering people = CLUSTERER.cluster(3, links, NO_KEYS, RecordConflicts.NONE,
                PairDecisions.builder().cannotLink(0, 2).build());

        assertNotEquals(people.clusterOf(0), people.clusterOf(2));
        assertEquals(people.clusterOf(0), people.clusterOf(1), "the stronger link keeps B with A");
        assertEquals(1, people.decisionRejections());
        RefusedLink refused = people.refusedLinks().get(0);
        assertEquals(RefusalReason.DECISION, refused.reason());
        assertEquals(1, refused.left());
        assertEquals(2, refused.right());
    }

    @Test
    void aCannotLinkIsNeverOverriddenEvenByAnOverwhelmingDirectLink() {
        ScoredLinks links = ScoredLinks.of(List.of(new ScoredLink(0, 1, 60)));

        Clustering people = CLUSTERER.cluster(2, links, NO_KEYS, RecordConflicts.NONE,
                PairDecisions.builder().cannotLink(1, 0).build());

        assertEquals(2, people.clusterCount());
    }

    @Test
    void aMustLinkJoinsRecordsWithoutAnyLinkAndDespiteDifferentIdentifiers() {
        List<List<String>> keys = List.of(List.of("pnc:A"), List.of("pnc:B"), List.of());

        Clustering people = CLUSTERER.cluster(3, ScoredLinks.builder(0).build(), keys, RecordConflicts.NONE,
                PairDecisions.builder().mustLink(0, 1).build());

        assertEquals(people.clusterOf(0), people.clusterOf(1));
        assertEquals(2, people.clusterCount());
        assertEquals(1, people.decidedMerges());
    }

    @Test
    void mustLinksThatChainAcrossACannotLinkAreRefused() {
        PairDecisions contradictory = PairDecisions.builder().mustLink(0, 1).mustLink(1, 2).cannotLink(0, 2).build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CLUSTERER.cluster(3,
                ScoredLinks.builder(0).build(), NO_KEYS, RecordConflicts.NONE, contradictory));
        assertTrue(e.getMessage().contains("cannot-link"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PairDecisions.builder().mustLink(3, 4).cannotLink(4, 3).build());
    }

    @Test
    void noDecisionsClusterAsBefore() {
        ScoredLinks links = ScoredLinks.of(List.of(new ScoredLink(0, 1, 6), new ScoredLink(1, 2, 6)));
        List<List<String>> keys = List.of(List.of("pnc:A"), List.of(), List.of("pnc:B"));

        assertEquals(CLUSTERER.cluster(3, links, keys),
                CLUSTERER.cluster(3, links, keys, RecordConflicts.NONE, PairDecisions.NONE));
        assertEquals(RefusalReason.CONFLICTING_IDENTIFIERS,
                CLUSTERER.cluster(3, links, keys).refusedLinks().get(0).reason());
    }

    @Test
    void aDecisionBeyondTheRecordsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CLUSTERER.cluster(2, ScoredLinks.builder(0).build(),
                NO_KEYS, RecordConflicts.NONE, PairDecisions.builder().cannotLink(0, 2).build()));
    }
}
