package io.github.palimpsest.index;

import io.github.palimpsest.pipeline.DefaultModel;
import io.github.palimpsest.Entity;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.synthetic.SyntheticForces;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Generated fictional records and batch reference runs for the index tests. */
final class IndexFixtures {
    private IndexFixtures() {
    }

    /** Fictional cross-force records of {@code people} generated people (about three records each). */
    static List<PersonRecord> generated(int people, long seed) {
        return SyntheticForces.builder().people(people).seed(seed).build().stream().map(generated -> generated.toPersonRecord(SyntheticForces.DEFAULT_REFERENCE_DATE)).toList();
    }

    /** The bundled model: the one the batch linker uses for small pools. */
    static MatchModel model() {
        return DefaultModel.standard();
    }

    /**
     * Record id to entity id from a batch run with the same model, no term-frequency adjustment, over the
     * records in record-id order (the order the index breaks exact ties in).
     */
    static Map<String, String> batchEntityIds(List<PersonRecord> records, MatchModel model) {
        List<PersonRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(PersonRecord::recordId));
        // The index blocks by rules alone: the batch run's nearest-neighbour search is not in it yet.
        LinkResult result = Linker.builder().model(model).termFrequencyAdjustment(false).threads(1)
                .neighboursPerRecord(0).build().link(sorted);
        Map<String, String> ids = new HashMap<>();
        for (Entity entity : result.entities()) {
            for (String id : entity.recordIds()) {
                ids.put(id, entity.id());
            }
        }
        return ids;
    }

    /** Fails with the first few records whose entity ids differ, rather than two whole maps. */
    static void assertSamePeople(Map<String, String> expected, Map<String, String> actual) {
        List<String> differing = new ArrayList<>();
        for (String id : new java.util.TreeSet<>(expected.keySet())) {
            if (!expected.get(id).equals(actual.get(id))) {
                differing.add(id + ": expected " + expected.get(id) + " but was " + actual.get(id));
            }
        }
        for (String id : actual.keySet()) {
            if (!expected.containsKey(id)) {
                differing.add(id + ": not expected");
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(differing.isEmpty(), () -> differing.size()
                + " records differ, e.g. " + differing.subList(0, Math.min(5, differing.size())));
    }

    static LinkIndexBuilder exactIndex(MatchModel model) {
        return LinkIndex.builder().model(model).termFrequencyAdjustment(false);
    }
}
