package io.github.palimpsest.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The index's people equal a batch run's over the same records, whatever order the records arrive in and
 * whatever was removed or updated on the way.
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
        LinkIndex index = IndexFixtures.exactIndex(MODEL).build();
        order.forEach(index::add);
        IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIds(pool, MODEL), index.entityIds());
        assertEquals(pool.size(), index.size());
    }

    @Property(tries = 8)
    void theSamePeopleAsABatchRunOverTheSurvivorsOfRemovalsAndUpdates(@ForAll @IntRange(min = 1, max = 4) int poolSeed,
            @ForAll long seed) {
        List<PersonRecord> pool = IndexFixtures.generated(PEOPLE, poolSeed);
        Random random = new Random(seed);
        List<PersonRecord> order = new ArrayList<>(pool);
        Collections.shuffle(order, random);
        LinkIndex index = IndexFixtures.exactIndex(MODEL).build();
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
        IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIds(survivors, MODEL), index.entityIds());
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
        LinkIndex index = IndexFixtures.exactIndex(MODEL).maxReclusterLinks(budget).build();
        long bounded = 0;
        for (PersonRecord record : order) {
            if (!index.add(record).isExact()) {
                bounded++;
            }
        }
        assertEquals(bounded, index.boundedChangeCount());
        LargeComponentTest.assertSoundPeople(index);
        if (bounded == 0) {
            IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIds(pool, MODEL), index.entityIds());
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
