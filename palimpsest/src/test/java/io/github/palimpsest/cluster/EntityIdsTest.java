package io.github.palimpsest.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.pipeline.Clusterer;
import io.github.palimpsest.pipeline.Clustering;
import io.github.palimpsest.pipeline.ScoredLink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EntityIdsTest {
    private static final Clusterer CLUSTERER = Clusterer.builder().threshold(4).build();
    private static final EntityIds IDS = EntityIds.people();

    /** Record ids and links among them. */
    record Run(List<String> recordIds, List<ScoredLink> links) {}

    @Provide
    Arbitrary<Run> runs() {
        return Arbitraries.integers().between(2, 20).flatMap(n -> {
            Arbitrary<List<String>> ids = Arbitraries.strings().withCharRange('A', 'F').ofLength(4).set().ofSize(n)
                    .map(ArrayList::new);
            Arbitrary<ScoredLink> link = Combinators.combine(Arbitraries.integers().between(0, n - 1),
                    Arbitraries.integers().between(0, n - 1), Arbitraries.of(2.0, 6.0, 9.0))
                    .as((a, b, w) -> a.equals(b) ? new ScoredLink(0, 1, w) : new ScoredLink(a, b, w));
            return Combinators.combine(ids, link.list().ofMaxSize(2 * n)).as(Run::new);
        });
    }

    private static List<String> entityOfRecord(Run run) {
        Clustering c = CLUSTERER.cluster(run.recordIds().size(), run.links(), List.of());
        List<String> ids = c.entityIds(IDS, run.recordIds());
        List<String> perRecord = new ArrayList<>();
        for (int r = 0; r < c.recordCount(); r++) {
            perRecord.add(ids.get(c.clusterOf(r)));
        }
        return perRecord;
    }

    @Property(tries = 300)
    void addingAnUnrelatedRecordChangesNoExistingId(@ForAll("runs") Run run) {
        List<String> before = entityOfRecord(run);
        List<String> ids = new ArrayList<>(run.recordIds());
        ids.add("NEW-RECORD");

        List<String> after = entityOfRecord(new Run(ids, run.links()));

        assertEquals(before, after.subList(0, before.size()));
        assertTrue(!before.contains(after.get(before.size())), "the newcomer gets a new id");
    }

    @Property(tries = 300)
    void addingARecordWithALargerIdToAClusterKeepsItsId(@ForAll("runs") Run run) {
        List<String> before = entityOfRecord(run);
        List<String> ids = new ArrayList<>(run.recordIds());
        ids.add("ZZZZ"); // sorts after every generated id (letters A to F)
        List<ScoredLink> links = new ArrayList<>(run.links());
        links.add(new ScoredLink(0, ids.size() - 1, 9));

        List<String> after = entityOfRecord(new Run(ids, links));

        assertEquals(before, after.subList(0, before.size()));
        assertEquals(before.get(0), after.get(ids.size() - 1));
    }

    @Property(tries = 300)
    void idsAreUniquePerClusterAndDeterministic(@ForAll("runs") Run run) {
        Clustering c = CLUSTERER.cluster(run.recordIds().size(), run.links(), List.of());
        List<String> ids = c.entityIds(IDS, run.recordIds());
        assertEquals(c.clusterCount(), new HashSet<>(ids).size());
        assertEquals(ids, c.entityIds(IDS, new ArrayList<>(run.recordIds())));
    }

    @Test
    void aMergedClusterKeepsTheIdOfTheSmallerAnchor() {
        List<String> recordIds = List.of("MET-0042", "KNT-0007", "GMP-0311");
        Clustering apart = CLUSTERER.cluster(3, List.of(new ScoredLink(0, 1, 9)), List.of());
        Clustering merged = CLUSTERER.cluster(3, List.of(new ScoredLink(0, 1, 9), new ScoredLink(1, 2, 9)), List.of());

        String before = apart.entityIds(IDS, recordIds).get(apart.clusterOf(2));
        String after = merged.entityIds(IDS, recordIds).get(0);

        assertEquals(IDS.idFor("GMP-0311"), before);
        assertEquals(before, after, "GMP-0311 sorts first, so the merged person keeps its id");
    }

    @Test
    void idsArePrefixedCrockfordBase32OfFiftyBits() {
        String id = IDS.idFor("MET-2003-00017");
        assertTrue(id.matches("P-[0-9A-HJKMNP-TV-Z]{10}"), id);
        assertEquals(id, EntityIds.people().idFor("MET-2003-00017"));
        assertNotEquals(id, IDS.idFor("MET-2003-00018"));
        assertTrue(EntityIds.withPrefix("V-").idFor("x").startsWith("V-"));
    }

    @Test
    void duplicateRecordIdsAreRejected() {
        Clustering c = CLUSTERER.cluster(2, List.of(), List.of());
        assertThrows(IllegalArgumentException.class, () -> c.entityIds(IDS, List.of("R1", "R1")));
        assertThrows(IllegalArgumentException.class, () -> c.entityIds(IDS, List.of("R1")));
    }

    @Test
    void peopleGivenByTheirRecordIdsAreNamedByTheirSmallestRecordId() {
        List<String> ids = IDS.assign(List.of(List.of("MET-0042", "GMP-0311"), List.of("KNT-0007")));
        assertEquals(List.of(IDS.idFor("GMP-0311"), IDS.idFor("KNT-0007")), ids);
        assertThrows(IllegalArgumentException.class, () -> IDS.assign(List.of(List.of("R1"), List.of("R1"))));
        assertThrows(IllegalArgumentException.class, () -> IDS.assign(List.of(List.of())));
    }

    @Property(tries = 100)
    void theTypedAssignmentAgreesWithTheClusteringsOwn(@ForAll("runs") Run run) {
        Clustering c = CLUSTERER.cluster(run.recordIds().size(), run.links(), List.of());
        List<List<String>> people = new ArrayList<>();
        for (int k = 0; k < c.clusterCount(); k++) {
            List<String> members = new ArrayList<>();
            for (int r : c.members(k)) {
                members.add(run.recordIds().get(r));
            }
            people.add(members);
        }
        assertEquals(c.entityIds(IDS, run.recordIds()), IDS.assign(people));
    }
}
