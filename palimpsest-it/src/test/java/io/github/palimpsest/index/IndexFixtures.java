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
     * Record id to entity id from a batch run with the same model, no term-frequency adjustment and the
     * default nearest-neighbour search, over the records in record-id order (the order the index breaks exact
     * ties in): what an index built in bulk ({@link LinkIndexBuilder#build(java.util.Collection)}) equals.
     */
    static Map<String, String> batchEntityIds(List<PersonRecord> records, MatchModel model) {
        return batchEntityIds(records, model, Linker.builder());
    }

    /**
     * As {@link #batchEntityIds}, without the nearest-neighbour search: what an index fed one record at a
     * time with the search off equals, whatever the order. With the search on, a record added one at a time
     * searches among the records already there, so its neighbours depend on the order (docs/index.md).
     */
    static Map<String, String> batchEntityIdsWithoutSearch(List<PersonRecord> records, MatchModel model) {
        return batchEntityIds(records, model, Linker.builder().neighboursPerRecord(0));
    }

    /** Record id to entity id from the batch linker configured by {@code linker}, over the records in record-id order. */
    static Map<String, String> batchEntityIds(List<PersonRecord> records, MatchModel model,
            Linker.Builder linker) {
        List<PersonRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(PersonRecord::recordId));
        LinkResult result = linker.model(model).termFrequencyAdjustment(false).threads(1).build().link(sorted);
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

    /** An index whose people equal a batch run's: the model given, no term-frequency adjustment. */
    static LinkIndexBuilder exactIndex(MatchModel model) {
        return LinkIndex.builder().model(model).termFrequencyAdjustment(false);
    }

    /** {@link #exactIndex} without the search: records added one at a time equal a batch run without it. */
    static LinkIndexBuilder exactIncrementalIndex(MatchModel model) {
        return exactIndex(model).neighboursPerRecord(0);
    }
}
