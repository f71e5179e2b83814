package io.github.palimpsest.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.NearestNeighbours;
import io.github.palimpsest.pipeline.PersonKind;
import io.github.palimpsest.pipeline.PipelineRun;
import io.github.palimpsest.pipeline.RunSettings;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The index's people equal a batch run's over the same records: built in bulk, a batch run's with the
 * nearest-neighbour search; fed one record at a time with the search off, a batch run's without it, whatever
 * order the records arrive in and whatever was removed or updated on the way; and with the search on, each
 * record searches as a batch run would from it over the records indexed at that moment.
 */
class LinkIndexProperties {
    private static final MatchModel MODEL = IndexFixtures.model();
    /** Generated pools of about 300 people (900 records), by seed. */
    private static final int PEOPLE = 300;

    @Property(tries = 12)
    void theSamePeopleAsABatchRunWhateverTheInsertionOrder(@ForAll @IntRange(min = 1, max = 4) int poolSeed,
            @ForAll long orderSeed) {
        List<PersonRecord> pool = IndexFixtures.generated(PEOPLE, poolSeed);
        List<PersonRecord> order = new ArrayList<>(pool);
        Collections.shuffle(order, new Random(orderSeed));
        LinkIndex index = IndexFixtures.exactIncrementalIndex(MODEL).build();
        order.forEach(index::add);
        IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIdsWithoutSearch(pool, MODEL), index.entityIds());
        assertEquals(pool.size(), index.size());
    }

    /** Built in bulk, with the default search, whatever the order the records are given in. */
    @Property(tries = 6)
    void builtInBulkTheSamePeopleAsABatchRunWithTheSearch(@ForAll @IntRange(min = 1, max = 4) int poolSeed,
            @ForAll long orderSeed) {
        List<PersonRecord> pool = IndexFixtures.generated(PEOPLE, poolSeed);
        List<PersonRecord> order = new ArrayList<>(pool);
        Collections.shuffle(order, new Random(orderSeed));
        LinkIndex index = IndexFixtures.exactIndex(MODEL).build(order);
        IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIds(pool, MODEL), index.entityIds());
        assertEquals(pool.size(), index.size());
        assertEquals(0, index.boundedChangeCount());
    }

    /**
     * A record added to an index that no blocked candidate links searches exactly as a batch run's search
     * would from it over the indexed records and itself: the same neighbours, weights by the counts of that
     * moment, ties to the smaller record id. One record in ten is held back and offered to the index built
     * from the rest, one at a time in random order (earlier probes are indexed by the time later ones search).
     */
    @Property(tries = 4)
    void aRecordSearchesAsABatchRunFromItWouldOverThePoolOfThatMoment(
            @ForAll @IntRange(min = 1, max = 4) int poolSeed, @ForAll long orderSeed) {
        List<PersonRecord> generated = IndexFixtures.generated(PEOPLE, poolSeed);
        List<PersonRecord> pool = new ArrayList<>();
        List<PersonRecord> probes = new ArrayList<>();
        for (int k = 0; k < generated.size(); k++) {
            (k % 10 == 0 ? probes : pool).add(generated.get(k));
        }
        Collections.shuffle(probes, new Random(orderSeed));
        LinkIndex index = IndexFixtures.exactIndex(MODEL).build(pool);
        NearestNeighbours<ComparableRecord> batch = PipelineRun.nearestNeighbours(
                new PersonKind(PersonKind.standardComparisons(), PersonKind.standardBlockingRules(),
                        RunSettings.builder().build()), RunSettings.builder().build()).orElseThrow();
        int searched = 0;
        for (PersonRecord probe : probes) {
            PreparedRecord prepared = PreparedRecord.of(probe, index.core().config);
            Set<String> indexed = new TreeSet<>();
            for (int slot : new Scoring(index.core()).neighbours(prepared, -1, new int[0])) {
                indexed.add(index.core().recordId(slot));
            }
            List<PersonRecord> now = new ArrayList<>(pool);
            now.add(probe);
            now.sort(Comparator.comparing(PersonRecord::recordId));
            int at = now.indexOf(probe);
            boolean[] from = new boolean[now.size()];
            from[at] = true;
            Set<String> expected = new TreeSet<>();
            batch.candidates(now.stream().map(ComparableRecord::of).toList(), from, false).forEach(pair -> {
                int other = CandidatePairs.left(pair) == at ? CandidatePairs.right(pair) : CandidatePairs.left(pair);
                expected.add(now.get(other).recordId());
            });
            assertEquals(expected, indexed, probe.recordId());
            searched += expected.isEmpty() ? 0 : 1;
            index.add(probe);
            pool.add(probe);
        }
        assertEquals(probes.size(), searched, "every probe shares some tokens with the pool");
    }

    @Property(tries = 8)
    void theSamePeopleAsABatchRunOverTheSurvivorsOfRemovalsAndUpdates(@ForAll @IntRange(min = 1, max = 4) int poolSeed,
            @ForAll long seed) {
        List<PersonRecord> pool = IndexFixtures.generated(PEOPLE, poolSeed);
        Random random = new Random(seed);
        List<PersonRecord> order = new ArrayList<>(pool);
        Collections.shuffle(order, random);
        LinkIndex index = IndexFixtures.exactIncrementalIndex(MODEL).build();
        Map<String, PersonRecord> current = new LinkedHashMap<>();
        for (PersonRecord record : order) {
            index.add(record);
            current.put(record.recordId(), record);
            // Now and then, change or remove an earlier record while the pool is still growing.
            int roll = random.nextInt(10);
            List<String> ids = new ArrayList<>(current.keySet());
            String victim = ids.get(random.nextInt(ids.size()));
            if (roll == 0) {
                index.remove(victim);
                current.remove(victim);
            } else if (roll == 1) {
                // New content: another record's fields under the victim's id (a re-keyed or corrected record).
                PersonRecord content = pool.get(random.nextInt(pool.size()));
                PersonRecord updated = content.toBuilder().recordId(victim).build();
                index.update(updated);
                current.put(victim, updated);
            }
        }
        List<PersonRecord> survivors = List.copyOf(current.values());
        IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIdsWithoutSearch(survivors, MODEL), index.entityIds());
        assertEquals(survivors.size(), index.size());
    }

    /**
     * With a re-clustering budget small enough that many changes are bounded, every person is still linked
     * and sound, every change says whether it was exact, and the index counts the bounded ones; a run in which
     * no change was bounded equals the batch run.
     */
    @Property(tries = 6)
    void underATinyBudgetThePeopleStaySoundAndBoundedChangesAreCounted(
            @ForAll @IntRange(min = 1, max = 4) int poolSeed, @ForAll long orderSeed,
            @ForAll @IntRange(min = 1, max = 6) int budget) {
        List<PersonRecord> pool = IndexFixtures.generated(PEOPLE, poolSeed);
        List<PersonRecord> order = new ArrayList<>(pool);
        Collections.shuffle(order, new Random(orderSeed));
        LinkIndex index = IndexFixtures.exactIncrementalIndex(MODEL).maxReclusterLinks(budget).build();
        long bounded = 0;
        for (PersonRecord record : order) {
            if (!index.add(record).isExact()) {
                bounded++;
            }
        }
        assertEquals(bounded, index.boundedChangeCount());
        LargeComponentTest.assertSoundPeople(index);
        if (bounded == 0) {
            IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIdsWithoutSearch(pool, MODEL), index.entityIds());
        }
        assertEquals(pool.size(), index.size());
        // Then removals and updates (another record's content under the same id), which split people.
        Random random = new Random(orderSeed);
        for (int k = 0; k < 60; k++) {
            String victim = order.get(random.nextInt(order.size())).recordId();
            if (index.record(victim).isEmpty()) {
                continue;
            }
            ChangeReport change = random.nextBoolean() ? index.remove(victim)
                    : index.update(pool.get(random.nextInt(pool.size())).toBuilder().recordId(victim).build());
            if (!change.isExact()) {
                bounded++;
            }
        }
        assertEquals(bounded, index.boundedChangeCount());
        LargeComponentTest.assertSoundPeople(index);
    }
}
