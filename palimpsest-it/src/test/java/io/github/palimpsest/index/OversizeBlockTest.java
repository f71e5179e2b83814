package io.github.palimpsest.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidates the index reads from its oversize blocks' look-up structures ({@link OversizeBlock}: window
 * order, sub-block postings, members that pair with all, kept as records come and go) are those a full scan of
 * each block finds, as the batch blocker takes them: every member of a block within the maximum; in an
 * oversize block, the members sharing a split key of the record where at most the maximum do, and the
 * record's sorted window over the whole block (ties by record id) where one of the two has no split key;
 * then, for a record that does not pair with all, only the members that do. Checked for every record and for
 * held-out probes after adds, removals and updates in random order, and after a save and load (the structures
 * then built from records still in their saved form) and more changes.
 */
class OversizeBlockTest {
    /** The index's smallest maximum block size, and a window of 4: most blocks of ~1,200 records are oversize. */
    private static final int MAX_BLOCK_SIZE = 10;
    private static final int WINDOW = 4;

    @Test
    void candidatesFromTheStructuresAreThoseOfAFullScanThroughChangesAndALoad(@TempDir Path dir) throws IOException {
        List<PersonRecord> generated = IndexFixtures.generated(600, 7);
        List<PersonRecord> pool = new ArrayList<>();
        List<PersonRecord> probes = new ArrayList<>();
        for (int k = 0; k < generated.size(); k++) {
            (k % 20 == 0 ? probes : pool).add(generated.get(k));
        }
        Random random = new Random(11);
        Collections.shuffle(pool, random);
        LinkIndex index = LinkIndex.builder().model(IndexFixtures.model()).maxBlockSize(MAX_BLOCK_SIZE)
                .windowSize(WINDOW).neighboursPerRecord(0).build();
        Map<String, PersonRecord> current = new LinkedHashMap<>();
        for (PersonRecord record : pool) {
            index.add(record);
            current.put(record.recordId(), record);
            churn(index, current, generated, random);
        }
        int oversize = assertCandidatesAsAFullScan(index, current.values(), probes);
        assertTrue(oversize > 500, "the oversize path is exercised: " + oversize + " oversize blocks met");

        Path file = dir.resolve("oversize.idx");
        index.save(file);
        LinkIndex loaded = LinkIndex.load(file);
        for (int k = 0; k < 150; k++) {
            churn(loaded, current, generated, random);
        }
        assertCandidatesAsAFullScan(loaded, current.values(), probes);
    }

    /** Now and then a removal, or an update with another record's content under the same id. */
    private static void churn(LinkIndex index, Map<String, PersonRecord> current, List<PersonRecord> contents,
            Random random) {
        int roll = random.nextInt(8);
        List<String> ids = new ArrayList<>(current.keySet());
        String victim = ids.get(random.nextInt(ids.size()));
        if (roll == 0 && ids.size() > 1) {
            index.remove(victim);
            current.remove(victim);
        } else if (roll == 1) {
            PersonRecord updated = contents.get(random.nextInt(contents.size())).toBuilder().recordId(victim).build();
            index.update(updated);
            current.put(victim, updated);
        }
    }

    /** Asserts for every indexed record and every probe; returns how many oversize blocks were met. */
    private static int assertCandidatesAsAFullScan(LinkIndex index, java.util.Collection<PersonRecord> indexed,
            List<PersonRecord> probes) {
        IndexCore core = index.core();
        int oversize = 0;
        List<PersonRecord> all = new ArrayList<>(indexed);
        all.addAll(probes);
        for (PersonRecord record : all) {
            PreparedRecord p = PreparedRecord.of(record, core.config.blockingRules);
            int exclude = core.slotOf(record.recordId());
            Set<Integer> expected = new TreeSet<>();
            oversize += fullScan(core, p, exclude, expected);
            Set<Integer> actual = new TreeSet<>();
            for (int s : new Scoring(core).candidates(p, exclude)) {
                assertTrue(actual.add(s), "a candidate once");
            }
            assertEquals(names(core, expected), names(core, actual), "candidates of " + record.recordId());
        }
        return oversize;
    }

    /**
     * The reference: each block read in full, the members' keys computed afresh from their records (no cache),
     * an oversize block's window taken by sorting the whole block with the record in it.
     */
    private static int fullScan(IndexCore core, PreparedRecord p, int exclude, Set<Integer> found) {
        int oversize = 0;
        for (int k = 0; k < p.keyHashes.length; k++) {
            int ruleIndex = p.keyRules[k];
            BlockingRule<ComparableRecord> rule = core.config.blockingRules.get(ruleIndex);
            List<Integer> block = new ArrayList<>();
            for (int s : core.postings.members(p.keyHashes[k])) {
                if (s != exclude) {
                    block.add(s);
                }
            }
            java.util.function.IntPredicate paired = s -> rule.pairsWithAll(p.comparable)
                    || rule.pairsWithAll(core.comparable(s));
            int max = Math.min(core.config.maxBlockSize, rule.maxBlockSize());
            if (block.isEmpty()) {
                continue;
            }
            if (block.size() + 1 <= max) {
                block.stream().filter(paired::test).forEach(found::add);
                continue;
            }
            oversize++;
            Set<Integer> near = new HashSet<>();
            long[] probeKeys = splitKeys(p.comparable, ruleIndex, core);
            for (long key : probeKeys) {
                List<Integer> sub = new ArrayList<>();
                for (int s : block) {
                    if (java.util.Arrays.binarySearch(splitKeys(core.comparable(s), ruleIndex, core), key) >= 0) {
                        sub.add(s);
                    }
                }
                if (sub.size() + 1 <= max) {
                    near.addAll(sub);
                }
            }
            List<Integer> sorted = new ArrayList<>(block);
            sorted.add(-1);
            java.util.function.Function<Integer, String> orderingKey = s -> {
                String key = rule.orderingKey(s < 0 ? p.comparable : core.comparable(s));
                return key == null ? "" : key;
            };
            sorted.sort(Comparator.comparing(orderingKey)
                    .thenComparing(s -> s < 0 ? p.recordId() : core.recordId(s)));
            int at = sorted.indexOf(-1);
            for (int j = Math.max(0, at - (WINDOW - 1)); j <= Math.min(sorted.size() - 1, at + WINDOW - 1); j++) {
                int s = sorted.get(j);
                if (j != at && (probeKeys.length == 0 || splitKeys(core.comparable(s), ruleIndex, core).length == 0)) {
                    near.add(s);
                }
            }
            near.stream().filter(paired::test).forEach(found::add);
        }
        return oversize;
    }

    private static long[] splitKeys(ComparableRecord record, int ruleIndex, IndexCore core) {
        return PreparedRecord.splitHashes(record, new int[] {ruleIndex}, core.config.blockingRules);
    }

    private static Set<String> names(IndexCore core, Set<Integer> slots) {
        Set<String> ids = new TreeSet<>();
        slots.forEach(s -> ids.add(core.recordId(s)));
        return ids;
    }
}
