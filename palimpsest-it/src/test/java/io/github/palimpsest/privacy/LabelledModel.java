package io.github.palimpsest.privacy;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.MatchModelBuilder;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A match model over tombstones whose m and u are counted from generated data with its ground truth
 * (m over every pair of records of one person, u over random pairs of different people), Laplace-smoothed.
 * For tests and experiments; a deployment trains its model with {@code ModelTrainer}.
 */
final class LabelledModel {

    final MatchModel model;
    final double[][] mCounts;
    final double[][] uCounts;

    private LabelledModel(MatchModel model, double[][] m, double[][] u) {
        this.model = model;
        this.mCounts = m;
        this.uCounts = u;
    }

    static LabelledModel estimate(List<Comparison<Tombstone>> comparisons, List<SyntheticRecord> records,
                                  List<Tombstone> tombstones, int randomPairs, long seed) {
        double[][] m = counts(comparisons);
        double[][] u = counts(comparisons);
        Map<String, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byEntity.computeIfAbsent(records.get(i).entityId(), k -> new ArrayList<>()).add(i);
        }
        long matchPairs = 0;
        for (List<Integer> group : byEntity.values()) {
            for (int a = 0; a < group.size(); a++) {
                for (int b = a + 1; b < group.size(); b++) {
                    add(m, comparisons, tombstones.get(group.get(a)), tombstones.get(group.get(b)));
                    matchPairs++;
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < randomPairs; k++) {
            int i = random.nextInt(records.size());
            int j = random.nextInt(records.size());
            if (!records.get(i).entityId().equals(records.get(j).entityId())) {
                add(u, comparisons, tombstones.get(i), tombstones.get(j));
            }
        }
        long n = records.size();
        double prior = matchPairs / (n * (n - 1) / 2.0);
        MatchModelBuilder b = MatchModel.builder().prior(prior);
        for (int c = 0; c < comparisons.size(); c++) {
            b.comparison(comparisons.get(c), distribution(m[c], comparisons.get(c)),
                    distribution(u[c], comparisons.get(c)));
        }
        return new LabelledModel(b.build(), m, u);
    }

    private static double[][] counts(List<Comparison<Tombstone>> comparisons) {
        double[][] c = new double[comparisons.size()][];
        for (int i = 0; i < c.length; i++) {
            c[i] = new double[comparisons.get(i).levels().size()];
        }
        return c;
    }

    private static void add(double[][] counts, List<Comparison<Tombstone>> comparisons, Tombstone a, Tombstone b) {
        for (int c = 0; c < comparisons.size(); c++) {
            counts[c][comparisons.get(c).level(a, b)]++;
        }
    }

    private static double[] distribution(double[] counts, Comparison<Tombstone> comparison) {
        double[] p = new double[counts.length];
        double total = 0;
        for (int l = 0; l < counts.length; l++) {
            if (!comparison.levels().get(l).isNeutral()) {
                total += counts[l] + 1;
            }
        }
        for (int l = 0; l < counts.length; l++) {
            p[l] = comparison.levels().get(l).isNeutral() ? 1 : (counts[l] + 1) / total;
        }
        return p;
    }
}
