package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.block.BlockingReport;
import io.github.palimpsest.block.BlockingRule;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntBinaryOperator;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Candidate generation that needs no exact key: each record is paired with the few records that share the
 * most informative of its tokens. Blocking rules find pairs that agree exactly on some key; records of one
 * person that agree on no key (a misspelt surname and no date of birth, names swapped and a postcode
 * missing) are never compared by them, however much else they share. This search pairs them.
 *
 * <p><b>How.</b> A record's tokens are small pieces of its values (for a person: the letter trigrams of its
 * names, the parts of its date of birth, its postcode and address words). A token shared by {@code df}
 * records weighs {@code ln(n / df)}, its inverse document frequency, so a rare trigram or a full date of
 * birth counts for more than a common one. For each record the search adds up, over every other record,
 * the weights of the tokens the two share, and pairs the record with the {@link #perRecord()} records of
 * highest total (ties to the lower index). So every record gets its nearest neighbours whatever its values
 * look like, and the cost in pairs is at most {@code perRecord} per record, at any scale.
 *
 * <p><b>Cost guard.</b> A record's tokens are visited rarest first, and the visit stops before the
 * records it has touched would exceed the {@link #postingBudget() posting budget}: common tokens (a trigram
 * of "smith" among a million records) cost most and tell least, so they are the ones left out. The work is
 * therefore at most {@code postingBudget} additions per record, linear in the number of records.
 *
 * <p><b>One record at a time.</b> An index that keeps its own postings asks for one record's neighbours with
 * {@link #nearest}: the same tokens, weights, rarest-first budget and ranking, read from postings it keeps
 * up to date as records come and go (see {@link Postings}).
 *
 * <p>Immutable and thread-safe; the pairs depend only on the records, never on thread timing.
 *
 * @param <R> the record type
 */
public final class NearestNeighbours<R> {
    private final String name;
    private final BlockingRule<R> tokens;
    private final int perRecord;
    private final int postingBudget;

    private NearestNeighbours(String name, BlockingRule<R> tokens, int perRecord, int postingBudget) {
        this.name = name;
        this.tokens = tokens;
        this.perRecord = perRecord;
        this.postingBudget = postingBudget;
    }

    /**
     * A search with the given name (for the blocking report), token function, neighbours per record and
     * posting budget.
     *
     * @param tokens emits a record's tokens; like a blocking rule's keys, tokens must be deterministic and the
     *     empty string is ignored
     * @throws IllegalArgumentException if the name is blank, {@code perRecord} is below 1 or the budget below
     *     {@code perRecord}
     */
    public static <R> NearestNeighbours<R> of(String name, BiConsumer<? super R, Consumer<String>> tokens,
            int perRecord, int postingBudget) {
        checkArgument(perRecord >= 1, "perRecord must be at least 1, got %s", perRecord);
        checkArgument(postingBudget >= perRecord, "postingBudget must be at least perRecord (%s), got %s",
                perRecord, postingBudget);
        return new NearestNeighbours<>(name, BlockingRule.of(name, tokens), perRecord, postingBudget);
    }

    /** The name in the blocking report. */
    public String name() {
        return name;
    }

    /** The most records each record is paired with. */
    public int perRecord() {
        return perRecord;
    }

    /** The most (token, record) postings visited for one record. */
    public int postingBudget() {
        return postingBudget;
    }

    /**
     * Each record of {@code records} paired with its nearest neighbours, with a one-line report.
     *
     * @param parallel whether to use all cores; the pairs are the same either way
     */
    public CandidatePairs candidates(List<R> records, boolean parallel) {
        return candidates(records, null, parallel);
    }

    /** As {@link #candidates(List, boolean)}, searching only from the records {@code from} marks (all when null). */
    public CandidatePairs candidates(List<R> records, boolean[] from, boolean parallel) {
        checkNotNull(records, "records");
        long[] pairs = pairs(records, from, parallel);
        int unpaired = Blocker.recordsWithoutPairs(records.size(), pairs);
        BlockingReport report = new BlockingReport(records.size(), List.of(new BlockingReport.RuleSummary(name,
                records.size() - unpaired, 0, 0, 0, pairs.length, pairs.length)), List.of(), pairs.length, unpaired);
        return new CandidatePairs(records.size(), pairs, report);
    }

    /** Sorted, distinct packed pairs (see {@link CandidatePairs#pack}): each record with its nearest neighbours. */
    long[] pairs(List<R> records, boolean parallel) {
        return pairs(records, null, parallel);
    }

    long[] pairs(List<R> records, boolean[] searchFrom, boolean parallel) {
        int n = records.size();
        if (n < 2) {
            return new long[0];
        }
        int recordBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        long recordMask = (1L << recordBits) - 1;
        long[] unsorted = RuleBlocks.keyEntries(tokens, records, recordBits, parallel);
        long[] entries = LongArrays.sortHashed(unsorted, unsorted.length, parallel);
        int entryCount = LongArrays.dedupeSorted(entries, entries.length);

        // Runs of equal token hash are the postings; each record lists the runs (tokens) it is in.
        int[] runStarts = new int[entryCount + 1];
        int runs = 0;
        int[] tokenCount = new int[n + 1];
        for (int start = 0, end; start < entryCount; start = end) {
            long hash = entries[start] >>> recordBits;
            end = start + 1;
            while (end < entryCount && entries[end] >>> recordBits == hash) {
                end++;
            }
            runStarts[runs++] = start;
            if (end - start >= 2) { // a token no other record has cannot pair
                for (int k = start; k < end; k++) {
                    tokenCount[(int) (entries[k] & recordMask) + 1]++;
                }
            }
        }
        runStarts[runs] = entryCount;
        for (int r = 0; r < n; r++) {
            tokenCount[r + 1] += tokenCount[r];
        }
        int[] recordRuns = new int[tokenCount[n]];
        int[] filled = new int[n];
        for (int run = 0; run < runs; run++) {
            int start = runStarts[run];
            int end = runStarts[run + 1];
            if (end - start >= 2) {
                for (int k = start; k < end; k++) {
                    int record = (int) (entries[k] & recordMask);
                    recordRuns[tokenCount[record] + filled[record]++] = run;
                }
            }
        }
        float[] weights = new float[runs];
        for (int run = 0; run < runs; run++) {
            weights[run] = weight(n, runStarts[run + 1] - runStarts[run]);
        }

        int slices = parallel ? Math.max(1, Math.min(n / 1024, Runtime.getRuntime().availableProcessors() * 4)) : 1;
        long[][] slicePairs = new long[slices][];
        IntStream sliceIndexes = IntStream.range(0, slices);
        (parallel ? sliceIndexes.parallel() : sliceIndexes).forEach(slice -> {
            int from = (int) ((long) n * slice / slices);
            int to = (int) ((long) n * (slice + 1) / slices);
            slicePairs[slice] = neighboursOf(searchFrom, from, to, n, entries, recordMask, runStarts, recordRuns, tokenCount,
                    weights);
        });
        long total = 0;
        for (long[] p : slicePairs) {
            total += p.length;
        }
        long[] pairs = new long[Math.toIntExact(total)];
        int at = 0;
        for (long[] p : slicePairs) {
            System.arraycopy(p, 0, pairs, at, p.length);
            at += p.length;
        }
        LongArrays.sort(pairs, pairs.length, parallel);
        return Arrays.copyOf(pairs, LongArrays.dedupeSorted(pairs, pairs.length));
    }

    /** The pairs of records {@code [from, to)} with their nearest neighbours. */
    private long[] neighboursOf(boolean[] searchFrom, int from, int to, int n, long[] entries, long recordMask, int[] runStarts,
            int[] recordRuns, int[] tokenOffsets, float[] weights) {
        float[] score = new float[n];
        int[] touched = new int[64];
        long[] out = new long[Math.max(16, (to - from) * Math.min(perRecord, 4))];
        int outSize = 0;
        int[] bestRecord = new int[perRecord];
        float[] bestScore = new float[perRecord];
        for (int i = from; i < to; i++) {
            if (searchFrom != null && !searchFrom[i]) {
                continue;
            }
            int tokensFrom = tokenOffsets[i];
            int tokensTo = tokenOffsets[i + 1];
            if (tokensFrom == tokensTo) {
                continue;
            }
            int[] own = Arrays.copyOfRange(recordRuns, tokensFrom, tokensTo);
            // Rarest first: sort by posting length, then run, packed into longs.
            long[] byLength = new long[own.length];
            for (int t = 0; t < own.length; t++) {
                byLength[t] = (long) (runStarts[own[t] + 1] - runStarts[own[t]]) << 32 | own[t];
            }
            Arrays.sort(byLength);
            int touchedCount = 0;
            int visits = withinBudget(byLength);
            for (int v = 0; v < visits; v++) {
                int run = (int) byLength[v];
                float weight = weights[run];
                for (int k = runStarts[run], end = runStarts[run + 1]; k < end; k++) {
                    int j = (int) (entries[k] & recordMask);
                    if (j == i) {
                        continue;
                    }
                    if (score[j] == 0f) {
                        if (touchedCount == touched.length) {
                            touched = Arrays.copyOf(touched, touchedCount * 2);
                        }
                        touched[touchedCount++] = j;
                    }
                    score[j] += weight;
                }
            }
            int kept = 0;
            for (int t = 0; t < touchedCount; t++) {
                int j = touched[t];
                float s = score[j];
                score[j] = 0f;
                // Insert into the best list, kept in descending score, ascending index order.
                kept = offer(s, j, bestScore, bestRecord, kept, null);
            }
            if (outSize + kept > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, outSize + kept));
            }
            for (int b = 0; b < kept; b++) {
                out[outSize++] = CandidatePairs.pack(i, bestRecord[b]);
            }
        }
        return Arrays.copyOf(out, outSize);
    }

    /**
     * How many of a record's tokens, sorted rarest first as {@code postingCount << 32 | token}, the search
     * visits: it stops before the postings visited would exceed the budget.
     */
    private int withinBudget(long[] byLength) {
        long visited = 0;
        for (int t = 0; t < byLength.length; t++) {
            int length = (int) (byLength[t] >>> 32);
            if (visited + length > postingBudget) {
                return t;
            }
            visited += length;
        }
        return byLength.length;
    }

    /** The weight of a token that {@code df} of {@code n} records carry: its inverse document frequency. */
    static float weight(int n, int df) {
        return (float) Math.log((double) n / df);
    }

    /**
     * Offers record {@code j} of score {@code s} to the best list, kept in descending score and, among equal
     * scores, ascending {@code tieOrder} (ascending index when null): the one ranking both searches use.
     *
     * @return the new number of records in the list
     */
    private int offer(float s, int j, float[] bestScore, int[] bestRecord, int kept, IntBinaryOperator tieOrder) {
        if (kept == perRecord && !better(s, j, bestScore[kept - 1], bestRecord[kept - 1], tieOrder)) {
            return kept;
        }
        int position = kept == perRecord ? kept - 1 : kept++;
        while (position > 0 && better(s, j, bestScore[position - 1], bestRecord[position - 1], tieOrder)) {
            bestScore[position] = bestScore[position - 1];
            bestRecord[position] = bestRecord[position - 1];
            position--;
        }
        bestScore[position] = s;
        bestRecord[position] = j;
        return kept;
    }

    private static boolean better(float score, int record, float otherScore, int otherRecord,
            IntBinaryOperator tieOrder) {
        return score > otherScore || score == otherScore
                && (tieOrder == null ? record < otherRecord : tieOrder.applyAsInt(record, otherRecord) < 0);
    }

    // ---------------------------------------------------------------- one record against kept postings

    /**
     * The distinct 64-bit hashes of a record's tokens, ascending: the keys under which an index keeps the
     * postings {@link #nearest} reads. Deterministic, so an index can recompute them to remove a record.
     */
    public long[] tokenHashes(R record) {
        long[][] hashes = {new long[32]};
        int[] count = {0};
        tokens.keys(record, token -> {
            if (token != null && !token.isEmpty()) {
                if (count[0] == hashes[0].length) {
                    hashes[0] = Arrays.copyOf(hashes[0], count[0] * 2);
                }
                hashes[0][count[0]++] = KeyBuffer.hash64(token);
            }
        });
        long[] sorted = Arrays.copyOf(hashes[0], count[0]);
        Arrays.sort(sorted);
        return Arrays.copyOf(sorted, LongArrays.dedupeSorted(sorted, sorted.length));
    }

    /**
     * Postings kept by the caller (an index), for {@link #nearest}: for each token hash, the records that
     * carry it, as ints of the caller's choosing (an index's slots).
     */
    public interface Postings {
        /** How many records of the pool carry the token, the searching record included. */
        int count(long token);

        /** The records that carry the token; the searching record may be among them (it is skipped). */
        int[] members(long token);
    }

    /**
     * One record's nearest neighbours in a pool whose postings the caller keeps: the search of
     * {@link #candidates} from that record, with the same weights ({@code ln(records / count)}), the same
     * rarest-first posting budget and the same ranking, ties to the record {@code tieOrder} puts first.
     *
     * @param tokens the record's {@link #tokenHashes}
     * @param records the number of records in the pool, the searching record included
     * @param skip the records never to return (the searching record itself, a record it replaces)
     * @return at most {@link #perRecord()} records, nearest first
     */
    public int[] nearest(long[] tokens, int records, Postings postings, IntPredicate skip,
            IntBinaryOperator tieOrder) {
        checkNotNull(tokens, "tokens");
        long[] byLength = rarestFirst(tokens, postings);
        int visits = withinBudget(byLength);
        // The records touched are at most the budget: a small open-addressing table, not an array per pool.
        int capacity = Integer.highestOneBit(Math.max(16, postingBudget * 2) - 1) << 1;
        int[] keys = new int[capacity];
        Arrays.fill(keys, -1);
        float[] scores = new float[capacity];
        int mask = capacity - 1;
        for (int v = 0; v < visits; v++) {
            int length = (int) (byLength[v] >>> 32);
            long token = tokens[(int) byLength[v]];
            float w = weight(records, length);
            for (int j : postings.members(token)) {
                if (j < 0 || skip.test(j)) {
                    continue;
                }
                int p = (j * 0x9E3779B9 >>> 7) & mask;
                while (keys[p] != -1 && keys[p] != j) {
                    p = (p + 1) & mask;
                }
                keys[p] = j;
                scores[p] += w;
            }
        }
        int[] bestRecord = new int[perRecord];
        float[] bestScore = new float[perRecord];
        int kept = 0;
        for (int p = 0; p < capacity; p++) {
            if (keys[p] != -1) {
                kept = offer(scores[p], keys[p], bestScore, bestRecord, kept, tieOrder);
            }
        }
        return Arrays.copyOf(bestRecord, kept);
    }

    /**
     * The tokens {@link #nearest} visits for a record, in the order it visits them: those another record also
     * carries, rarest first (ties in the order of {@code tokens}), up to the posting budget. A search spread
     * over many machines picks with it which postings to fetch; {@link #nearest} over just these tokens and
     * their postings then gives the record's neighbours.
     *
     * @param tokens the record's {@link #tokenHashes}
     * @param postings only {@link Postings#count} is asked
     */
    public long[] visitedTokens(long[] tokens, Postings postings) {
        checkNotNull(tokens, "tokens");
        long[] byLength = rarestFirst(tokens, postings);
        long[] visited = new long[withinBudget(byLength)];
        for (int v = 0; v < visited.length; v++) {
            visited[v] = tokens[(int) byLength[v]];
        }
        return visited;
    }

    /** The tokens another record carries, as {@code postingCount << 32 | index in tokens}, rarest first. */
    private static long[] rarestFirst(long[] tokens, Postings postings) {
        long[] byLength = new long[tokens.length];
        int shared = 0;
        for (int t = 0; t < tokens.length; t++) {
            int count = postings.count(tokens[t]);
            if (count >= 2) { // a token no other record has cannot pair
                byLength[shared++] = (long) count << 32 | t;
            }
        }
        byLength = Arrays.copyOf(byLength, shared);
        Arrays.sort(byLength);
        return byLength;
    }

    @Override
    public String toString() {
        return "NearestNeighbours[" + name + ", perRecord=" + perRecord + ", postingBudget=" + postingBudget + "]";
    }
}
