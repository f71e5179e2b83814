package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.cluster.PairwiseMetrics;
import java.util.Arrays;

/**
 * {@link PairwiseMetrics} of two labellings by record index: the int path behind
 * {@link PairwiseMetrics#of(java.util.Map, java.util.Map)}, public here for the benchmarks and reports that
 * hold labels as arrays of millions of ints. Counted from cluster sizes, never by enumerating pairs: one
 * sort of each labelling and of the contingency cells.
 */
public final class PairCounting {

    private PairCounting() {
    }

    /**
     * The metrics of two labellings of the same records, by index.
     *
     * @param trueEntity       for each record, any int naming its true entity
     * @param predictedCluster for each record, any int naming its predicted cluster
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static PairwiseMetrics of(int[] trueEntity, int[] predictedCluster) {
        checkNotNull(trueEntity, "trueEntity");
        checkNotNull(predictedCluster, "predictedCluster");
        checkArgument(trueEntity.length == predictedCluster.length,
                "%s true labels but %s predicted labels", trueEntity.length, predictedCluster.length);
        long[] cells = new long[trueEntity.length];
        for (int r = 0; r < cells.length; r++) {
            cells[r] = (long) trueEntity[r] << 32 | (predictedCluster[r] & 0xFFFFFFFFL);
        }
        return new PairwiseMetrics(pairsWithin(trueEntity), pairsWithin(predictedCluster), pairsWithin(cells));
    }

    private static long pairsWithin(int[] labels) {
        long[] widened = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            widened[i] = labels[i];
        }
        return pairsWithin(widened);
    }

    /** Σ s(s−1)/2 over the runs of equal values. */
    private static long pairsWithin(long[] labels) {
        long[] sorted = labels.clone();
        Arrays.sort(sorted);
        long pairs = 0;
        for (int start = 0, end; start < sorted.length; start = end) {
            end = start + 1;
            while (end < sorted.length && sorted[end] == sorted[start]) {
                end++;
            }
            long size = end - start;
            pairs += size * (size - 1) / 2;
        }
        return pairs;
    }
}
