package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.block.BlockingReport;
import io.github.palimpsest.block.BlockingRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class BlockerProperties {

    /** Three small-domain fields per record; a negative value is missing. Field 2 may carry two keys. */
    @Provide
    Arbitrary<List<int[]>> records() {
        Arbitrary<int[]> record = Arbitraries.integers().between(-2, 6).array(int[].class).ofSize(4);
        return record.list().ofMaxSize(60);
    }

    private static List<BlockingRule<int[]>> rules() {
        return List.of(
                BlockingRule.of("a", (r, keys) -> {
                    if (r[0] >= 0) {
                        keys.accept("a" + r[0]);
                    }
                }),
                BlockingRule.of("b+c", (r, keys) -> {
                    if (r[1] >= 0 && r[2] >= 0) {
                        keys.accept(r[1] + "|" + r[2]);
                    }
                }, r -> Integer.toString(r[3])),
                // two keys per record, sometimes the same one twice
                BlockingRule.of("c-or-d", (r, keys) -> {
                    if (r[2] >= 0) {
                        keys.accept("x" + r[2]);
                    }
                    if (r[3] >= 0) {
                        keys.accept("x" + r[3]);
                    }
                }),
                // pairs only where one of the two records pairs with all (field 1 missing)
                BlockingRule.of("d-through-missing-b", (r, keys) -> {
                    if (r[3] >= 0) {
                        keys.accept("p" + r[3]);
                    }
                }, r -> Integer.toString(r[0]), r -> r[1] < 0));
    }

    private static Set<Long> bruteForce(List<int[]> records, BlockingRule<int[]> rule) {
        List<Set<String>> keys = new ArrayList<>();
        for (int[] r : records) {
            Set<String> k = new HashSet<>();
            rule.keys(r, k::add);
            keys.add(k);
        }
        Set<Long> pairs = new TreeSet<>();
        for (int i = 0; i < records.size(); i++) {
            for (int j = i + 1; j < records.size(); j++) {
                Set<String> shared = new HashSet<>(keys.get(i));
                shared.retainAll(keys.get(j));
                if (!shared.isEmpty() && (rule.pairsWithAll(records.get(i)) || rule.pairsWithAll(records.get(j)))) {
                    pairs.add((long) i << 32 | j);
                }
            }
        }
        return pairs;
    }

    private static Blocker<int[]> blocker(int maxBlockSize, int window, boolean parallel) {
        return Blocker.<int[]>builder().rules(rules()).maxBlockSize(maxBlockSize).windowSize(window)
                .parallel(parallel).build();
    }

    @Property(tries = 300)
    void candidatesAreExactlyTheUnionOfEveryRulesSharedKeys(@ForAll("records") List<int[]> records) {
        CandidatePairs pairs = blocker(1_000, 10, true).candidates(records);

        Set<Long> expected = new TreeSet<>();
        List<BlockingReport.RuleSummary> summaries = pairs.report().rules();
        long newSoFar = 0;
        for (int r = 0; r < rules().size(); r++) {
            Set<Long> rulePairs = bruteForce(records, rules().get(r));
            assertEquals(rulePairs.size(), summaries.get(r).pairs(), "pairs of rule " + r);
            int before = expected.size();
            expected.addAll(rulePairs);
            assertEquals(expected.size() - before, summaries.get(r).newPairs(), "new pairs of rule " + r);
            newSoFar += summaries.get(r).newPairs();
        }
        assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), pairs.toArray());
        assertEquals(newSoFar, pairs.size());
        assertEquals(pairs.size(), pairs.report().candidatePairs());
    }

    @Property(tries = 300)
    void everyPairAppearsOnceWithTheSmallerIndexOnTheLeft(@ForAll("records") List<int[]> records) {
        CandidatePairs pairs = blocker(1_000, 10, true).candidates(records);
        for (int k = 0; k < pairs.size(); k++) {
            long p = pairs.pair(k);
            assertTrue(CandidatePairs.left(p) < CandidatePairs.right(p));
            assertTrue(CandidatePairs.right(p) < records.size());
            if (k > 0) {
                assertTrue(pairs.pair(k - 1) < p, "strictly ascending, hence distinct");
            }
            assertTrue(pairs.contains(CandidatePairs.right(p), CandidatePairs.left(p)));
        }
    }

    @Property(tries = 200)
    void outputIsTheSameSequentialOrParallelAndRunToRun(@ForAll("records") List<int[]> records,
            @ForAll @IntRange(min = 2, max = 6) int maxBlockSize) {
        CandidatePairs parallel = blocker(maxBlockSize, 2, true).candidates(records);
        CandidatePairs sequential = blocker(maxBlockSize, 2, false).candidates(records);
        CandidatePairs again = blocker(maxBlockSize, 2, true).candidates(records);
        assertArrayEquals(sequential.toArray(), parallel.toArray());
        assertArrayEquals(parallel.toArray(), again.toArray());
        assertEquals(sequential.report(), parallel.report());
    }

    @Property(tries = 300)
    void skewGuardOnlyDropsPairsOfReportedOversizeBlocks(@ForAll("records") List<int[]> records,
            @ForAll @IntRange(min = 2, max = 5) int maxBlockSize, @ForAll @IntRange(min = 2, max = 5) int window) {
        if (window > maxBlockSize) {
            window = maxBlockSize;
        }
        CandidatePairs guarded = blocker(maxBlockSize, window, true).candidates(records);
        Set<Long> all = new TreeSet<>();
        for (BlockingRule<int[]> rule : rules()) {
            all.addAll(bruteForce(records, rule));
        }
        // never a pair that no rule justifies
        guarded.forEach(p -> assertTrue(all.contains(p)));
        for (BlockingReport.OversizeBlock block : guarded.report().oversizeBlocks()) {
            assertTrue(block.size() > maxBlockSize);
            assertEquals(RuleBlocks.windowPairs(block.size(), window), block.pairs());
            assertTrue(block.pairs() <= (long) block.size() * (window - 1));
            assertTrue(!block.key().isEmpty(), "the key is kept for the caller");
        }
        // every pair sharing a key whose block is not oversize is kept; and each oversize block is reported
        long reported = 0;
        for (BlockingRule<int[]> rule : rules()) {
            java.util.Map<String, List<Integer>> blocks = new java.util.TreeMap<>();
            for (int i = 0; i < records.size(); i++) {
                int record = i;
                Set<String> keys = new TreeSet<>();
                rule.keys(records.get(i), keys::add);
                keys.forEach(k -> blocks.computeIfAbsent(k, x -> new ArrayList<>()).add(record));
            }
            for (List<Integer> block : blocks.values()) {
                if (block.size() > maxBlockSize) {
                    // A block none of whose records pairs with all makes no pair, so is neither split nor reported.
                    if (block.stream().anyMatch(i -> rule.pairsWithAll(records.get(i)))) {
                        reported++;
                    }
                    continue;
                }
                for (int x = 0; x < block.size(); x++) {
                    for (int y = x + 1; y < block.size(); y++) {
                        boolean paired = rule.pairsWithAll(records.get(block.get(x))) || rule.pairsWithAll(records.get(block.get(y)));
                        assertTrue(!paired || guarded.contains(block.get(x), block.get(y)),
                                "pair of an ordinary block lost");
                    }
                }
            }
        }
        assertEquals(reported, guarded.report().oversizeBlocks().size(), "every oversize block is reported");
    }

    @Property(tries = 300)
    void recallMatchesABruteForceCount(@ForAll("records") List<int[]> records,
            @ForAll("entities") int[] entitySeed) {
        CandidatePairs pairs = blocker(1_000, 10, true).candidates(records);
        int[] entity = new int[records.size()];
        for (int i = 0; i < entity.length; i++) {
            entity[i] = entitySeed[i % entitySeed.length];
        }
        long truePairs = 0;
        long found = 0;
        for (int i = 0; i < entity.length; i++) {
            for (int j = i + 1; j < entity.length; j++) {
                if (entity[i] == entity[j]) {
                    truePairs++;
                    if (pairs.contains(i, j)) {
                        found++;
                    }
                }
            }
        }
        double expected = truePairs == 0 ? 1.0 : (double) found / truePairs;
        assertEquals(expected, pairs.recall(entity), 1e-12);
        assertEquals(truePairs, CandidatePairs.truePairCount(entity));
    }

    @Provide
    Arbitrary<int[]> entities() {
        return Arbitraries.integers().between(-3, 8).array(int[].class).ofMinSize(1).ofMaxSize(60);
    }
}
