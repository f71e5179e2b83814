package io.github.palimpsest.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.Entity;
import io.github.palimpsest.cluster.EntityIds;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Eight threads add, update, remove and match at once (and two more only read): no change is lost, no reader
 * sees half a change, and the final people equal a batch run over the surviving records.
 */
class LinkIndexConcurrencyTest {
    private static final int WRITERS = 8;
    private static final int READERS = 2;
    private static final MatchModel MODEL = IndexFixtures.model();
    private static final EntityIds IDS = EntityIds.people();

    @Test
    void concurrentWritersAndReadersLoseNothingAndEndWhereABatchRunWould() throws Exception {
        List<PersonRecord> pool = IndexFixtures.generated(220, 21);
        LinkIndex index = IndexFixtures.exactIncrementalIndex(MODEL).build();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + READERS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger matches = new AtomicInteger();
        try {
            List<Future<Map<String, PersonRecord>>> writers = new ArrayList<>();
            for (int t = 0; t < WRITERS; t++) {
                int thread = t;
                writers.add(threads.submit(() -> {
                    start.await();
                    return write(index, pool, thread, matches);
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < READERS; t++) {
                Random random = new Random(100 + t);
                readers.add(threads.submit(() -> {
                    start.await();
                    while (writing.get()) {
                        checkSnapshot(index.entityIds());
                        checkMatch(index.match(pool.get(random.nextInt(pool.size()))));
                        matches.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            Map<String, PersonRecord> survivors = new TreeMap<>();
            for (Future<Map<String, PersonRecord>> writer : writers) {
                survivors.putAll(writer.get(120, TimeUnit.SECONDS));
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }

            assertEquals(survivors.size(), index.size(), "no add or remove was lost");
            for (PersonRecord expected : survivors.values()) {
                assertEquals(expected.inputColumns(), index.record(expected.recordId()).orElseThrow().inputColumns(),
                        "no update was lost");
            }
            List<PersonRecord> records = List.copyOf(survivors.values());
            IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIdsWithoutSearch(records, MODEL),
                    index.entityIds());
            assertEquals(new TreeSet<>(index.entityIds().values()).size(), index.entityCount());
            assertTrue(matches.get() > WRITERS * 50, "readers ran alongside the writers: " + matches.get());
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * One writer's work: it owns every eighth record of the pool, adds them all in a shuffled order and,
     * in between, updates, removes, re-adds and matches. Returns what it left in the index.
     */
    private static Map<String, PersonRecord> write(LinkIndex index, List<PersonRecord> pool, int thread,
            AtomicInteger matches) {
        Random random = new Random(thread);
        List<PersonRecord> mine = new ArrayList<>();
        for (int k = thread; k < pool.size(); k += WRITERS) {
            mine.add(pool.get(k));
        }
        Collections.shuffle(mine, random);
        Map<String, PersonRecord> present = new LinkedHashMap<>();
        List<PersonRecord> removed = new ArrayList<>();
        for (PersonRecord record : mine) {
            index.add(record);
            present.put(record.recordId(), record);
            List<String> ids = new ArrayList<>(present.keySet());
            String victim = ids.get(random.nextInt(ids.size()));
            switch (random.nextInt(8)) {
                case 0 -> {
                    index.remove(victim);
                    removed.add(present.remove(victim));
                }
                case 1 -> {
                    PersonRecord content = pool.get(random.nextInt(pool.size()));
                    PersonRecord updated = content.toBuilder().recordId(victim).build();
                    index.update(updated);
                    present.put(victim, updated);
                }
                case 2 -> {
                    if (!removed.isEmpty()) {
                        PersonRecord back = removed.remove(removed.size() - 1);
                        index.add(back);
                        present.put(back.recordId(), back);
                    }
                }
                default -> {
                    checkMatch(index.match(pool.get(random.nextInt(pool.size()))));
                    matches.incrementAndGet();
                }
            }
        }
        return present;
    }

    /** A match result is one snapshot: every candidate's person is shown and holds it; ids fit the records. */
    private static void checkMatch(MatchResult result) {
        for (MatchCandidate c : result.candidates()) {
            Entity person = result.entity(c.entityId()).orElseThrow(() -> new AssertionError("no person " + c));
            assertTrue(person.recordIds().contains(c.recordId()), c + " is not in " + person);
        }
        for (Entity person : result.entities()) {
            assertEquals(IDS.idFor(Collections.min(person.recordIds())), person.id(), "the id of " + person);
            assertEquals(Set.copyOf(person.recordIds()),
                    Set.copyOf(person.pattern().events().stream().map(PatternEvent::recordId).toList()));
        }
    }

    /** A snapshot of all entity ids: each person's id derives from its smallest record id. */
    private static void checkSnapshot(Map<String, String> entityIds) {
        Map<String, String> smallest = new HashMap<>();
        entityIds.forEach((record, entity) -> smallest.merge(entity, record, (a, b) -> a.compareTo(b) <= 0 ? a : b));
        smallest.forEach((entity, record) -> assertEquals(IDS.idFor(record), entity));
    }
}
