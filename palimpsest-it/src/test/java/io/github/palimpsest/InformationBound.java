package io.github.palimpsest;

import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.TermFrequencyComparison;
import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.pipeline.PairCounting;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.RecordCsvReader;
import io.github.palimpsest.score.MatchModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much of the accuracy lost as a pool grows is in the records themselves: the best pairwise F1 that
 * any classifier of candidate pairs could reach if all it knew of a pair were what the standard comparisons
 * see, beside the default linker's pairwise F1 on the same pairs. A diagnostic main, not a test:
 *
 * <pre>
 * ./mvnw -o -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.InformationBound \
 *     -Dbench.args="r1.csv t1.csv [r2.csv t2.csv ...]" -Dbench.heap=-Xmx10g
 * </pre>
 *
 * <p>What a pair's classifier may know is its <em>evidence</em>: the level of each standard comparison
 * and, where a name agrees exactly, how common that name is in the pool (the binary order of magnitude of
 * its count, as term-frequency adjustment uses it). Pairs with the same evidence cannot be told apart by
 * such a classifier, so the best it can do is to link all or none of them. Tallying true and false
 * candidate pairs per evidence (from the truth), and linking evidence in order of its share of true pairs
 * while F1 rises, gives the most any such classifier reaches on these pairs: the <em>bound</em>. It is
 * measured in-sample, so it is optimistic where one evidence value holds few pairs; the files given are
 * pooled, so that ten 10k pools tally about as many pairs as one 100k pool. A true pair that no blocking
 * rule makes a candidate counts as missed, for the bound and the linker alike.
 *
 * <p>The linker's figures are pairwise too: a candidate pair is linked when its match weight reaches the
 * threshold, before clustering (its clusters' F1, the usual figure, is printed beside). The bound sees the
 * same comparisons as the model but is told the truth; what the linker loses against it is what training
 * without labels and the independence of comparisons cost. If the bound falls with the pool as the
 * linker does, the fall is in the records (more strangers share a name), not in the linker.
 */
public final class InformationBound {
    private InformationBound() {
    }

    public static void main(String[] args) {
        int threads = Runtime.getRuntime().availableProcessors();
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        List<Comparison<ComparableRecord>> comparisons = Defaults.comparisons();
        Map<String, long[]> tally = new HashMap<>();
        long allTrue = 0;
        long linkerTrue = 0;
        long linkerFalse = 0;
        long clusterTrue = 0;
        long clusterPredicted = 0;
        long records = 0;
        for (int f = 0; f + 1 < args.length; f += 2) {
            List<ComparableRecord> pool = RecordCsvReader.create()
                    .readRecords(List.of(Path.of(args[f])), factory::of, threads);
            records += pool.size();
            int[] entity = ScaleAccuracyBenchmark.entities(pool, Path.of(args[f + 1]));
            CompactLinkResult result = Linker.builder().threads(threads).build().linkComparable(pool);
            long[] links = linkedPairs(result, pool);
            int[] predicted = new int[pool.size()];
            for (int r = 0; r < predicted.length; r++) {
                predicted[r] = result.entityOf(r);
            }
            PairwiseMetrics clusters = PairCounting.of(entity, predicted);
            allTrue += clusters.truePairs();
            clusterTrue += clusters.correctPairs();
            clusterPredicted += clusters.predictedPairs();
            MatchModel model = result.model();
            int[][] nameCounts = nameCounts(pool, comparisons, model);
            CandidatePairs candidates = Blocker.<ComparableRecord>builder().rules(Defaults.blockingRules()).build()
                    .candidates(pool);
            StringBuilder key = new StringBuilder();
            for (int k = 0; k < candidates.size(); k++) {
                long pair = candidates.pair(k);
                int left = CandidatePairs.left(pair);
                int right = CandidatePairs.right(pair);
                key.setLength(0);
                for (int c = 0; c < comparisons.size(); c++) {
                    int level = comparisons.get(c).level(pool.get(left), pool.get(right));
                    key.append((char) ('0' + level));
                    if (nameCounts[c] != null && IndexedModel.of(model).termFrequencyLevel(c).orElse(-1) == level) {
                        // The order of magnitude of the name's count: what a term frequency tells a classifier.
                        key.append('^').append(31 - Integer.numberOfLeadingZeros(Math.max(1, nameCounts[c][left])));
                    }
                }
                boolean match = entity[left] == entity[right];
                tally.computeIfAbsent(key.toString(), x -> new long[2])[match ? 1 : 0]++;
                if (Arrays.binarySearch(links, pair) >= 0) {
                    if (match) {
                        linkerTrue++;
                    } else {
                        linkerFalse++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s: %,d records, %,d candidate pairs%n", args[f], pool.size(),
                    candidates.size());
        }
        double linkerF1 = 2.0 * linkerTrue / (2.0 * linkerTrue + linkerFalse + (allTrue - linkerTrue));
        double clusterPrecision = clusterTrue / (double) clusterPredicted;
        double clusterRecall = clusterTrue / (double) allTrue;
        System.out.printf(Locale.ROOT, "pooled: %,d records, %,d true pairs, %,d evidence values%n", records, allTrue,
                tally.size());
        System.out.printf(Locale.ROOT, "linker, pairs at or above the threshold: precision %.5f recall %.5f F1 %.5f%n",
                linkerTrue / (double) (linkerTrue + linkerFalse), linkerTrue / (double) allTrue, linkerF1);
        System.out.printf(Locale.ROOT, "linker, clusters: precision %.5f recall %.5f F1 %.5f%n", clusterPrecision,
                clusterRecall, 2 * clusterPrecision * clusterRecall / (clusterPrecision + clusterRecall));
        bound(tally, allTrue);
    }

    /** Links evidence values in order of purity while F1 rises; prints the best F1 and where it is reached. */
    private static void bound(Map<String, long[]> tally, long allTrue) {
        List<long[]> values = new ArrayList<>(tally.values());
        // Purest first: compare t1/(t1+f1) with t2/(t2+f2) without division.
        values.sort((a, b) -> Long.compare(b[1] * (a[0] + a[1]), a[1] * (b[0] + b[1])));
        long tp = 0;
        long fp = 0;
        double best = 0;
        long bestTp = 0;
        long bestFp = 0;
        double purityAtBest = 1;
        long tpAt95 = 0;
        long fpAt95 = 0;
        for (long[] v : values) {
            if (v[1] >= 0.95 * (v[0] + v[1])) {
                tpAt95 += v[1];
                fpAt95 += v[0];
            }
            tp += v[1];
            fp += v[0];
            double f1 = 2.0 * tp / (2.0 * tp + fp + (allTrue - tp));
            if (f1 > best) {
                best = f1;
                bestTp = tp;
                bestFp = fp;
                purityAtBest = v[1] / (double) (v[0] + v[1]);
            }
        }
        System.out.printf(Locale.ROOT, "bound: precision %.5f recall %.5f F1 %.5f (evidence linked down to %.3f true)%n",
                bestTp / (double) (bestTp + bestFp), bestTp / (double) allTrue, best, purityAtBest);
        System.out.printf(Locale.ROOT, "bound at the linker's threshold (evidence at least 0.95 true): precision %.5f"
                + " recall %.5f F1 %.5f%n", tpAt95 / (double) (tpAt95 + fpAt95), tpAt95 / (double) allTrue,
                2.0 * tpAt95 / (2.0 * tpAt95 + fpAt95 + (allTrue - tpAt95)));
        long candidatesTrue = values.stream().mapToLong(v -> v[1]).sum();
        System.out.printf(Locale.ROOT, "true pairs never a candidate: %,d (%.4f)%n", allTrue - candidatesTrue,
                (allTrue - candidatesTrue) / (double) allTrue);
    }

    /** Per comparison with term-frequency adjustment, each record's count of its value in the pool; else null. */
    private static int[][] nameCounts(List<ComparableRecord> pool, List<Comparison<ComparableRecord>> comparisons,
            MatchModel model) {
        int[][] counts = new int[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            if (IndexedModel.of(model).termFrequencyLevel(c).isPresent()
                    && comparisons.get(c) instanceof TermFrequencyComparison<ComparableRecord> tf) {
                Map<String, Integer> seen = new HashMap<>();
                String[] values = new String[pool.size()];
                for (int r = 0; r < values.length; r++) {
                    values[r] = tf.termFrequencyValue(pool.get(r));
                    if (values[r] != null && !values[r].isBlank()) {
                        seen.merge(values[r], 1, Integer::sum);
                    }
                }
                counts[c] = new int[values.length];
                for (int r = 0; r < values.length; r++) {
                    counts[c][r] = values[r] == null ? 0 : seen.getOrDefault(values[r], 0);
                }
            }
        }
        return counts;
    }

    private static long[] linkedPairs(CompactLinkResult result, List<ComparableRecord> pool) {
        Map<String, Integer> index = new HashMap<>();
        for (int r = 0; r < pool.size(); r++) {
            index.put(pool.get(r).recordId(), r);
        }
        long[] links = new long[result.linkCount()];
        for (int k = 0; k < links.length; k++) {
            Link link = result.link(k);
            links[k] = CandidatePairs.pack(index.get(link.leftId()), index.get(link.rightId()));
        }
        Arrays.sort(links);
        return links;
    }
}
