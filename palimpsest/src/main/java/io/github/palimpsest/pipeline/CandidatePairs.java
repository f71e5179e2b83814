package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.block.BlockingReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;

/**
 * The candidate pairs of a blocking run: each unordered pair of record indexes at most once, however many
 * rules produced it, held compactly as a sorted {@code long[]} in which pair {@code (i, j)}, {@code i < j},
 * is packed as {@code (long) i << 32 | j}. Ascending packed order is therefore ascending {@code (i, j)}
 * order, which makes iteration deterministic and {@link #contains} a binary search.
 *
 * <p>Immutable and thread-safe. Memory: 8 bytes a pair.
 *
 * <pre>{@code
 * CandidatePairs pairs = blocker.candidates(records);
 * pairs.forEach(p -> score(records.get(CandidatePairs.left(p)), records.get(CandidatePairs.right(p))));
 * }</pre>
 */
public final class CandidatePairs {
    private final int recordCount;
    private final long[] pairs;
    private final BlockingReport report;

    CandidatePairs(int recordCount, long[] sortedDistinctPairs, BlockingReport report) {
        this.recordCount = recordCount;
        this.pairs = sortedDistinctPairs;
        this.report = report;
    }

    /** The record index on the left of a packed pair: the smaller one. */
    public static int left(long pair) {
        return (int) (pair >>> 32);
    }

    /** The record index on the right of a packed pair: the larger one. */
    public static int right(long pair) {
        return (int) pair;
    }

    /**
     * Packs the unordered pair {@code {a, b}} the way this class stores it.
     *
     * @throws IllegalArgumentException if {@code a == b} or either is negative
     */
    public static long pack(int a, int b) {
        checkArgument(a >= 0 && b >= 0 && a != b, "a pair needs two different non-negative indexes, got %s and %s",
                a, b);
        return a < b ? (long) a << 32 | b : (long) b << 32 | a;
    }

    /** The number of records that were blocked (indexes run from 0 to {@code recordCount() - 1}). */
    public int recordCount() {
        return recordCount;
    }

    /** The number of distinct candidate pairs. */
    public int size() {
        return pairs.length;
    }

    /**
     * The {@code k}-th pair in ascending order, packed; split it with {@link #left} and {@link #right}.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= k < size()}
     */
    public long pair(int k) {
        checkElementIndex(k, pairs.length);
        return pairs[k];
    }

    /** Whether the unordered pair {@code {a, b}} is a candidate. */
    public boolean contains(int a, int b) {
        if (a == b || a < 0 || b < 0) {
            return false;
        }
        return Arrays.binarySearch(pairs, pack(a, b)) >= 0;
    }

    /** The position of the packed pair among these pairs, or a negative number when it is not a candidate. */
    int indexOf(long pair) {
        return Arrays.binarySearch(pairs, pair);
    }

    /** The packed pairs in ascending order; a sequential stream that the caller may make parallel. */
    public LongStream stream() {
        return Arrays.stream(pairs);
    }

    /** Gives each packed pair to {@code action}, in ascending order, on the calling thread. */
    public void forEach(LongConsumer action) {
        checkNotNull(action, "action");
        for (long pair : pairs) {
            action.accept(pair);
        }
    }

    /**
     * The pairs of both, each once, over the same records; the report lists the rules of both, with the
     * totals of the union.
     *
     * @throws IllegalArgumentException if the two cover different numbers of records
     */
    public CandidatePairs union(CandidatePairs other) {
        checkArgument(recordCount == other.recordCount, "pairs over %s and %s records", recordCount,
                other.recordCount);
        long[] all = LongArrays.union(pairs, other.pairs);
        List<BlockingReport.RuleSummary> rules = new ArrayList<>(report.rules());
        rules.addAll(other.report.rules());
        List<BlockingReport.OversizeBlock> oversize = new ArrayList<>(report.oversizeBlocks());
        oversize.addAll(other.report.oversizeBlocks());
        return new CandidatePairs(recordCount, all, new BlockingReport(recordCount, rules, oversize, all.length,
                Blocker.recordsWithoutPairs(recordCount, all)));
    }

    /** A copy of the packed pairs in ascending order. */
    public long[] toArray() {
        return pairs.clone();
    }

    /** What each rule contributed, and the oversize blocks and how they were sub-blocked. */
    public BlockingReport report() {
        return report;
    }

    /**
     * Blocking recall against ground truth: the fraction of true pairs (two records of the same entity)
     * that are candidates. The number of true pairs is counted per entity as {@code s(s-1)/2} from entity
     * sizes, so a large entity costs nothing quadratic. When there are no true pairs at all the recall is
     * 1 (nothing was missed).
     *
     * @param entityOfRecord for each record index, any int naming its true entity (equal ints, same entity)
     * @throws IllegalArgumentException if the array's length is not {@link #recordCount()}
     */
    public double recall(int[] entityOfRecord) {
        checkNotNull(entityOfRecord, "entityOfRecord");
        checkArgument(entityOfRecord.length == recordCount,
                "entityOfRecord has %s entries but %s records were blocked", entityOfRecord.length, recordCount);
        long truePairs = truePairCount(entityOfRecord);
        if (truePairs == 0) {
            return 1.0;
        }
        long found = 0;
        for (long pair : pairs) {
            if (entityOfRecord[left(pair)] == entityOfRecord[right(pair)]) {
                found++;
            }
        }
        return (double) found / truePairs;
    }

    /** The number of unordered pairs of records that share an entity, without enumerating them. */
    static long truePairCount(int[] entityOfRecord) {
        int[] sorted = entityOfRecord.clone();
        Arrays.sort(sorted);
        long count = 0;
        for (int start = 0, end; start < sorted.length; start = end) {
            end = start + 1;
            while (end < sorted.length && sorted[end] == sorted[start]) {
                end++;
            }
            long size = end - start;
            count += size * (size - 1) / 2;
        }
        return count;
    }

    /** Counts only; no record or key content. */
    @Override
    public String toString() {
        return "CandidatePairs[records=" + recordCount + ", pairs=" + pairs.length + "]";
    }
}
