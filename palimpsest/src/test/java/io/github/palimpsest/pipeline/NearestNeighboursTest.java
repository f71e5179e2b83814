package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class NearestNeighboursTest {
    /** Records are arrays of tokens. */
    private static final BiConsumer<String[], Consumer<String>> TOKENS = (r, sink) -> Arrays.stream(r).forEach(sink);

    private static NearestNeighbours<String[]> search(int perRecord, int budget) {
        return NearestNeighbours.of("test", TOKENS, perRecord, budget);
    }

    @Test
    void pairsARecordWithTheOneSharingItsRarestTokens() {
        List<String[]> records = new ArrayList<>();
        records.add(new String[] {"common", "rare-a", "rare-b"});
        records.add(new String[] {"common", "rare-a", "rare-b"}); // shares two rare tokens with record 0
        for (int i = 0; i < 20; i++) {
            records.add(new String[] {"common", "filler-" + i});
        }
        long[] pairs = search(1, 100).pairs(records, false);
        assertTrue(Arrays.binarySearch(pairs, CandidatePairs.pack(0, 1)) >= 0, Arrays.toString(pairs));
    }

    @Test
    void eachRecordProposesAtMostPerRecordNeighbours() {
        List<String[]> records = randomRecords(300, 7);
        int perRecord = 3;
        long[] pairs = search(perRecord, 1_000).pairs(records, false);
        assertTrue(pairs.length <= perRecord * records.size(), "pairs " + pairs.length);
        for (long pair : pairs) {
            assertTrue(CandidatePairs.left(pair) < CandidatePairs.right(pair));
        }
        for (int k = 1; k < pairs.length; k++) {
            assertTrue(pairs[k - 1] < pairs[k], "sorted and distinct");
        }
    }

    @Test
    void theSameInParallelAsInSequence() {
        List<String[]> records = randomRecords(5_000, 11);
        assertArrayEquals(search(5, 500).pairs(records, false), search(5, 500).pairs(records, true));
    }

    @Test
    void onlyMarkedRecordsSearch() {
        List<String[]> records = randomRecords(400, 3);
        boolean[] from = new boolean[records.size()];
        for (int i = 0; i < from.length; i += 7) {
            from[i] = true;
        }
        long[] pairs = search(4, 1_000).pairs(records, from, false);
        assertTrue(pairs.length > 0);
        for (long pair : pairs) {
            assertTrue(from[CandidatePairs.left(pair)] || from[CandidatePairs.right(pair)]);
        }
    }

    @Test
    void aTokenTooCommonForTheBudgetIsNotVisited() {
        // Every record shares only "everyone", whose postings exceed the budget: no pairs at all.
        List<String[]> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(new String[] {"everyone", "own-" + i});
        }
        assertEquals(0, search(3, 20).pairs(records, false).length);
        assertTrue(search(3, 100).pairs(records, false).length > 0);
    }

    /** Postings of every record's tokens, as a caller such as the index keeps them. */
    private static NearestNeighbours.Postings postingsOf(NearestNeighbours<String[]> search, List<String[]> records) {
        Map<Long, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            for (long token : search.tokenHashes(records.get(i))) {
                postings.computeIfAbsent(token, t -> new ArrayList<>()).add(i);
            }
        }
        return new NearestNeighbours.Postings() {
            @Override
            public int count(long token) {
                return postings.getOrDefault(token, List.of()).size();
            }

            @Override
            public int[] members(long token) {
                return postings.getOrDefault(token, List.of()).stream().mapToInt(Integer::intValue).toArray();
            }
        };
    }

    /**
     * The search from one record over postings the caller keeps (an index's) finds what the batch search
     * finds from that record, ties to the smaller index in both: the same weights, budget and ranking.
     */
    @Test
    void oneRecordOverKeptPostingsFindsWhatTheBatchSearchFinds() {
        List<String[]> records = randomRecords(600, 13);
        NearestNeighbours<String[]> search = search(4, 60);
        NearestNeighbours.Postings kept = postingsOf(search, records);
        int searched = 0;
        for (int i = 0; i < records.size(); i += 5) {
            boolean[] from = new boolean[records.size()];
            from[i] = true;
            int self = i;
            TreeSet<Integer> batch = new TreeSet<>();
            for (long pair : search.pairs(records, from, false)) {
                batch.add(CandidatePairs.left(pair) == self ? CandidatePairs.right(pair) : CandidatePairs.left(pair));
            }
            TreeSet<Integer> one = new TreeSet<>();
            for (int j : search.nearest(search.tokenHashes(records.get(i)), records.size(), kept, j -> j == self,
                    Integer::compare)) {
                one.add(j);
            }
            assertEquals(batch, one, "record " + i);
            searched += batch.isEmpty() ? 0 : 1;
        }
        assertTrue(searched > 100, "searched " + searched);
    }

    /**
     * What a search spread over machines does: {@link NearestNeighbours#visitedTokens} picks the tokens whose
     * postings to fetch, and {@link NearestNeighbours#nearest} over those tokens and postings alone finds what
     * it finds over all of them; the visited postings stay within the budget.
     */
    @Test
    void theVisitedTokensAloneGiveTheSameNeighbours() {
        List<String[]> records = randomRecords(600, 17);
        NearestNeighbours<String[]> search = search(4, 60);
        NearestNeighbours.Postings kept = postingsOf(search, records);
        int found = 0;
        for (int i = 0; i < records.size(); i += 3) {
            int self = i;
            long[] tokens = search.tokenHashes(records.get(i));
            long[] visited = search.visitedTokens(tokens, kept);
            long postingsVisited = 0;
            for (long token : visited) {
                assertTrue(kept.count(token) >= 2, "a token no other record carries is not visited");
                postingsVisited += kept.count(token);
            }
            assertTrue(postingsVisited <= search.postingBudget(), "record " + i + ": " + postingsVisited);
            long[] sortedVisited = visited.clone();
            Arrays.sort(sortedVisited);
            int[] all = search.nearest(tokens, records.size(), kept, j -> j == self, Integer::compare);
            int[] fromVisited = search.nearest(sortedVisited, records.size(), kept, j -> j == self, Integer::compare);
            assertArrayEquals(all, fromVisited, "record " + i);
            found += all.length > 0 ? 1 : 0;
        }
        assertTrue(found > 100, "found " + found);
    }

    @Test
    void tokenHashesAreDistinctAndSorted() {
        long[] hashes = search(1, 10).tokenHashes(new String[] {"b", "a", "b", "", "c"});
        assertEquals(3, hashes.length);
        for (int k = 1; k < hashes.length; k++) {
            assertTrue(hashes[k - 1] < hashes[k]);
        }
    }

    @Test
    void refusesMeaninglessSettings() {
        assertThrows(IllegalArgumentException.class, () -> search(0, 10));
        assertThrows(IllegalArgumentException.class, () -> search(10, 5));
    }

    @Test
    void reportsItsPairs() {
        List<String[]> records = randomRecords(100, 5);
        CandidatePairs found = search(2, 100).candidates(records, false);
        assertEquals(found.size(), found.report().rules().get(0).pairs());
        assertEquals("test", found.report().rules().get(0).name());
    }

    private static List<String[]> randomRecords(int count, long seed) {
        Random random = new Random(seed);
        List<String[]> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] tokens = new String[5];
            for (int t = 0; t < tokens.length; t++) {
                tokens[t] = "t" + t + "-" + random.nextInt(60);
            }
            records.add(tokens);
        }
        return records;
    }
}
