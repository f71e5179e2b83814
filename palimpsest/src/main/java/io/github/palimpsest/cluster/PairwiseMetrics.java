package io.github.palimpsest.cluster;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.pipeline.PairCounting;
import java.util.HashMap;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of a clustering against ground truth: a pair of records counts as
 * predicted when the clustering puts both in one cluster, and as true when the truth puts both in one
 * entity.
 *
 * <p>Computed from cluster sizes, never by enumerating pairs: a cluster of {@code s} records holds
 * {@code s(s−1)/2} pairs, and the correctly predicted pairs are {@code Σ c(c−1)/2} over the cells of the
 * contingency table (records with the same true entity and the same predicted cluster). A clustering of
 * a million records costs one sort.
 *
 * <p>Conventions for empty cases: precision is 1 when no pair is predicted, recall is 1 when there is no
 * true pair, and F1 is 0 when precision and recall are both 0.
 *
 * <pre>{@code
 * PairwiseMetrics m = PairwiseMetrics.of(truthByRecordId, clusterByRecordId);
 * m.precision(); m.recall(); m.f1();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param truePairs      pairs of records that share a true entity
 * @param predictedPairs pairs of records that share a predicted cluster
 * @param correctPairs   pairs that share both
 */
public record PairwiseMetrics(long truePairs, long predictedPairs, long correctPairs) {

    /** Checks the counts are consistent. */
    public PairwiseMetrics {
        checkArgument(correctPairs >= 0 && correctPairs <= truePairs && correctPairs <= predictedPairs,
                "correct pairs (%s) must be between 0 and both true (%s) and predicted pairs (%s)",
                correctPairs, truePairs, predictedPairs);
    }

    /**
     * The metrics of two labellings keyed by record id, e.g. read from {@code record_id,entity_id} files.
     *
     * @throws IllegalArgumentException if a record id is in one map and not the other (the message names one)
     */
    public static PairwiseMetrics of(Map<String, String> truth, Map<String, String> predicted) {
        checkNotNull(truth, "truth");
        checkNotNull(predicted, "predicted");
        for (String id : predicted.keySet()) {
            checkArgument(truth.containsKey(id), "record '%s' is clustered but has no ground truth", id);
        }
        checkArgument(truth.size() == predicted.size(), "%s records have ground truth but %s are clustered",
                truth.size(), predicted.size());
        int[] trueEntity = new int[truth.size()];
        int[] predictedCluster = new int[truth.size()];
        Map<String, Integer> entityNumbers = new HashMap<>();
        Map<String, Integer> clusterNumbers = new HashMap<>();
        int r = 0;
        for (Map.Entry<String, String> e : truth.entrySet()) {
            trueEntity[r] = entityNumbers.computeIfAbsent(e.getValue(), k -> entityNumbers.size());
            predictedCluster[r] = clusterNumbers.computeIfAbsent(predicted.get(e.getKey()), k -> clusterNumbers.size());
            r++;
        }
        return PairCounting.of(trueEntity, predictedCluster);
    }

    /** Correct pairs over predicted pairs; 1 when no pair is predicted. */
    public double precision() {
        return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }

    /** Correct pairs over true pairs; 1 when there is no true pair. */
    public double recall() {
        return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }

    /** The harmonic mean of precision and recall; 0 when both are 0. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** Predicted pairs that are not true pairs. */
    public long falsePositives() {
        return predictedPairs - correctPairs;
    }

    /** True pairs that were not predicted. */
    public long falseNegatives() {
        return truePairs - correctPairs;
    }
}
