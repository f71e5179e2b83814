package io.github.palimpsest.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times {@link Clusterer} over the candidate pairs of the blocking benchmark, with synthetic weights
 * (not a test; called by {@code io.github.palimpsest.block.BlockingBenchmark}). A true pair scores about
 * 14 bits and a false one about -10, both with wide noise, so some false pairs clear the threshold and
 * the exclusive PNC keys have work to do. The weights of different pairs are independent, unlike a real
 * model's, so the F1 printed is a sanity check of the plumbing, not a measure of accuracy.
 */
public final class ClusteringBenchmark {
    private ClusteringBenchmark() {}

    /** Scores every candidate pair, clusters, and prints time, cluster count and pairwise F1. */
    public static void run(CandidatePairs pairs, int[] entityOfRecord, int[] pncOfRecord, long seed) {
        int n = entityOfRecord.length;
        SplittableRandom random = new SplittableRandom(seed);
        ScoredLinks.Builder builder = ScoredLinks.builder(pairs.size());
        pairs.forEach(p -> {
            int a = CandidatePairs.left(p);
            int b = CandidatePairs.right(p);
            double weight = entityOfRecord[a] == entityOfRecord[b]
                    ? 14 + 5 * random.nextGaussian() : -10 + 4 * random.nextGaussian();
            builder.add(a, b, weight);
        });
        ScoredLinks links = builder.build();
        List<List<String>> keys = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            keys.add(pncOfRecord[r] >= 0 ? List.of("pnc:" + pncOfRecord[r]) : List.of());
        }
        Clusterer clusterer = Clusterer.builder().thresholdProbability(0.95).overwhelmingWeight(25).build();
        clusterer.cluster(n, links, keys); // warm-up, so the timed run measures compiled code
        long started = System.nanoTime();
        Clustering clustering = clusterer.cluster(n, links, keys);
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] counts = pairCounts(clustering.clusterOfRecords(), entityOfRecord);
        double precision = (double) counts[0] / counts[1];
        double recall = (double) counts[0] / counts[2];
        System.out.println(String.format(Locale.ROOT,
                "clustering: %.2f s wall for %,d links over %,d records, %,.0f links/s, %,d clusters, "
                        + "%,d merges refused by PNC keys, %,d overrides; pairwise precision %.4f recall %.4f F1 %.4f",
                seconds, links.size(), n, links.size() / seconds, clustering.clusterCount(),
                clustering.constraintRejections(), clustering.overrides(), precision, recall,
                2 * precision * recall / (precision + recall)));
    }

    /** {true positive pairs, predicted pairs, true pairs}, from group sizes without enumerating pairs. */
    static long[] pairCounts(int[] cluster, int[] entity) {
        int n = cluster.length;
        long[] both = new long[n];
        for (int r = 0; r < n; r++) {
            both[r] = (long) cluster[r] << 32 | entity[r];
        }
        return new long[] {pairsWithin(both), pairsWithin(Arrays.stream(cluster).asLongStream().toArray()),
            pairsWithin(Arrays.stream(entity).asLongStream().toArray())};
    }

    private static long pairsWithin(long[] groups) {
        Arrays.sort(groups);
        long pairs = 0;
        for (int start = 0, end; start < groups.length; start = end) {
            end = start + 1;
            while (end < groups.length && groups[end] == groups[start]) {
                end++;
            }
            pairs += (long) (end - start) * (end - start - 1) / 2;
        }
        return pairs;
    }
}
