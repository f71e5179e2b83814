package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.palimpsest.block.BlockingRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Oversize blocks (sorted window, sub-blocks by split keys, records that pair with all) against a
 * brute-force reading of {@link Blocker}'s description, and the same on all workers as on one: the blocks
 * of a rule, and the rules themselves, are built on several workers at once.
 */
class OversizeBlockingProperties {
    /** Three workers, so that rules built ahead and blocks split side by side really interleave. */
    private static final Parallel WORKERS = new Parallel(3);

    /** Five small-domain fields per record; a negative value is missing. */
    @Provide
    Arbitrary<List<int[]>> records() {
        Arbitrary<int[]> record = Arbitraries.integers().between(-1, 3).array(int[].class).ofSize(5);
        return record.list().ofMaxSize(80);
    }

    private static List<BlockingRule<int[]>> rules() {
        return List.of(
                // split by field 1, ordered by field 2
                BlockingRule.<int[]>of("a", (r, keys) -> {
                    if (r[0] >= 0) {
                        keys.accept("a" + r[0]);
                    }
                }, r -> Integer.toString(r[2])).withSplitKeys((r, keys) -> {
                    if (r[1] >= 0) {
                        keys.accept("s" + r[1]);
                    }
                }),
                // two keys and two split keys a record, pairing only through records missing field 4
                BlockingRule.<int[]>of("b", (r, keys) -> {
                    if (r[3] >= 0) {
                        keys.accept("b" + r[3]);
                    }
                    if (r[0] >= 0) {
                        keys.accept("b" + r[0]);
                    }
                }, r -> Integer.toString(r[1]), r -> r[4] < 0).withSplitKeys((r, keys) -> {
                    if (r[2] >= 0) {
                        keys.accept("s" + r[2]);
                    }
                    if (r[1] >= 0) {
                        keys.accept("t" + r[1]);
                    }
                }),
                // the window alone
                BlockingRule.<int[]>of("c", (r, keys) -> {
                    if (r[4] >= 0) {
                        keys.accept("c" + r[4]);
                    }
                }, r -> r[0] + "|" + r[3]));
    }

    private static Blocker<int[]> blocker(int maxBlockSize, int window, boolean parallel) {
        return Blocker.<int[]>builder().rules(rules()).maxBlockSize(maxBlockSize).windowSize(window)
                .parallel(parallel).build();
    }

    @Property(tries = 300)
    void sameOnAllWorkersAsOnOne(@ForAll("records") List<int[]> records,
            @ForAll @IntRange(min = 2, max = 6) int maxBlockSize, @ForAll @IntRange(min = 2, max = 4) int window) {
        int w = Math.min(window, maxBlockSize);
        // On a run's workers, as the pipeline calls it (rules built ahead), and from a plain thread.
        CandidatePairs parallel = WORKERS.call(() -> blocker(maxBlockSize, w, true).candidates(records));
        CandidatePairs outside = blocker(maxBlockSize, w, true).candidates(records);
        CandidatePairs sequential = blocker(maxBlockSize, w, false).candidates(records);
        assertArrayEquals(sequential.toArray(), parallel.toArray());
        assertEquals(sequential.report(), parallel.report());
        assertArrayEquals(sequential.toArray(), outside.toArray());
        assertEquals(sequential.report(), outside.report());
    }

    @Property(tries = 300)
    void pairsAreThoseTheDescriptionGives(@ForAll("records") List<int[]> records,
            @ForAll @IntRange(min = 2, max = 6) int maxBlockSize, @ForAll @IntRange(min = 2, max = 4) int window) {
        int w = Math.min(window, maxBlockSize);
        CandidatePairs pairs = WORKERS.call(() -> blocker(maxBlockSize, w, true).candidates(records));
        Set<Long> expected = new TreeSet<>();
        for (BlockingRule<int[]> rule : rules()) {
            expected.addAll(reference(rule, records, maxBlockSize, w));
        }
        assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), pairs.toArray());
    }

    /** One rule's pairs, straight from the description of {@link Blocker} and {@link BlockingRule}. */
    private static Set<Long> reference(BlockingRule<int[]> rule, List<int[]> records, int maxBlockSize, int w) {
        Map<String, Set<Integer>> blocks = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            int record = i;
            rule.keys(records.get(i), key -> blocks.computeIfAbsent(key, k -> new TreeSet<>()).add(record));
        }
        Set<Long> pairs = new TreeSet<>();
        for (Set<Integer> block : blocks.values()) {
            List<Integer> members = new ArrayList<>(block);
            if (members.size() <= maxBlockSize) {
                for (int x = 0; x < members.size(); x++) {
                    for (int y = x + 1; y < members.size(); y++) {
                        add(rule, records, pairs, members.get(x), members.get(y));
                    }
                }
                continue;
            }
            // The window, by ordering key then record index, pairs where one of the two has no split key.
            List<Integer> order = new ArrayList<>(members);
            order.sort(Comparator.<Integer, String>comparing(i -> rule.orderingKey(records.get(i)))
                    .thenComparingInt(i -> i));
            for (int p = 0; p < order.size(); p++) {
                for (int q = p + 1; q < Math.min(order.size(), p + w); q++) {
                    if (splitKeys(rule, records, order.get(p)).isEmpty()
                            || splitKeys(rule, records, order.get(q)).isEmpty()) {
                        add(rule, records, pairs, order.get(p), order.get(q));
                    }
                }
            }
            // Sub-blocks: the members sharing a split key that a member pairing with all has, 2 to max of them.
            Map<String, List<Integer>> subBlocks = new TreeMap<>();
            for (int member : members) {
                for (String key : splitKeys(rule, records, member)) {
                    subBlocks.computeIfAbsent(key, k -> new ArrayList<>()).add(member);
                }
            }
            for (List<Integer> sub : subBlocks.values()) {
                boolean reachable = sub.stream().anyMatch(i -> rule.pairsWithAll(records.get(i)));
                if (reachable && sub.size() >= 2 && sub.size() <= maxBlockSize) {
                    for (int x = 0; x < sub.size(); x++) {
                        for (int y = x + 1; y < sub.size(); y++) {
                            add(rule, records, pairs, sub.get(x), sub.get(y));
                        }
                    }
                }
            }
        }
        return pairs;
    }

    private static Set<String> splitKeys(BlockingRule<int[]> rule, List<int[]> records, int record) {
        Set<String> keys = new TreeSet<>();
        rule.splitKeys(records.get(record), keys::add);
        return keys;
    }

    private static void add(BlockingRule<int[]> rule, List<int[]> records, Set<Long> pairs, int a, int b) {
        if (rule.pairsWithAll(records.get(a)) || rule.pairsWithAll(records.get(b))) {
            pairs.add((long) Math.min(a, b) << 32 | Math.max(a, b));
        }
    }
}
