package io.github.palimpsest.index;

import io.github.palimpsest.compare.TermFrequencyComparison;
import io.github.palimpsest.record.ComparableRecord;
import java.util.HashMap;
import java.util.Map;

/**
 * Running value counts for the comparisons that take term-frequency adjustment: how many indexed records
 * carry each value, and how many carry any. A value's frequency is {@code count / total} over the records
 * indexed at the moment it is read, the same formula as {@link io.github.palimpsest.score.TermFrequencies}
 * over a batch pool. Not thread-safe: the index guards it with its lock.
 */
final class TermCounts {
    /** One per comparison; null where the comparison takes no adjustment. */
    private final TermFrequencyComparison<ComparableRecord>[] comparisons;
    private final Map<String, int[]>[] counts;
    private final long[] totals;

    @SuppressWarnings("unchecked")
    TermCounts(TermFrequencyComparison<ComparableRecord>[] comparisons) {
        this.comparisons = comparisons.clone();
        this.counts = new Map[comparisons.length];
        this.totals = new long[comparisons.length];
        for (int c = 0; c < comparisons.length; c++) {
            if (comparisons[c] != null) {
                counts[c] = new HashMap<>();
            }
        }
    }

    void add(ComparableRecord record) {
        change(record, 1);
    }

    void remove(ComparableRecord record) {
        change(record, -1);
    }

    private void change(ComparableRecord record, int delta) {
        for (int c = 0; c < comparisons.length; c++) {
            if (comparisons[c] == null) {
                continue;
            }
            String value = comparisons[c].termFrequencyValue(record);
            if (value == null || value.isBlank()) {
                continue;
            }
            int[] count = counts[c].computeIfAbsent(value, v -> new int[1]);
            count[0] += delta;
            totals[c] += delta;
            if (count[0] == 0) {
                counts[c].remove(value);
            }
        }
    }

    /** Calls {@code sink} with every value counted for comparison {@code c} and its count. */
    void forEach(int c, java.util.function.ObjIntConsumer<String> sink) {
        if (counts[c] != null) {
            counts[c].forEach((value, count) -> sink.accept(value, count[0]));
        }
    }

    /** Whether comparison {@code c} is counted. */
    boolean counts(int c) {
        return counts[c] != null;
    }

    /** Sets a value's count, as read from a saved index. */
    void set(int c, String value, int count) {
        int[] previous = counts[c].put(value, new int[] {count});
        totals[c] += count - (previous == null ? 0 : previous[0]);
    }

    /** The number of distinct values counted for comparison {@code c}. */
    int distinct(int c) {
        return counts[c] == null ? 0 : counts[c].size();
    }

    /**
     * Fills {@code frequencies[c]} with the frequency of {@code record}'s value for each adjusted comparison,
     * and {@link io.github.palimpsest.pipeline.IndexedModel#NO_TERM_FREQUENCY} elsewhere and for a blank value.
     */
    void frequencies(ComparableRecord record, boolean adjust, double[] frequencies) {
        for (int c = 0; c < comparisons.length; c++) {
            frequencies[c] = Double.NaN;
            if (!adjust || comparisons[c] == null) {
                continue;
            }
            String value = comparisons[c].termFrequencyValue(record);
            if (value == null || value.isBlank()) {
                continue;
            }
            int[] count = counts[c].get(value);
            frequencies[c] = count == null || totals[c] == 0 ? 0.0 : (double) count[0] / totals[c];
        }
    }
}
