package io.github.palimpsest.score;

import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.pipeline.IndexedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random but valid models, level arrays and term frequencies for the property tests. */
final class RandomModels {

    /** Characters that stress the JSON writer: quotes, escapes, control characters, non-ASCII. */
    private static final String AWKWARD = "ab \"\\/\t\n\u0001\u001féß∅中😀";

    private RandomModels() {
    }

    static Arbitrary<MatchModel> models() {
        return Arbitraries.randomValue(RandomModels::model);
    }

    static MatchModel model(Random random) {
        MatchModelBuilder b = MatchModel.builder().prior(prior(random));
        if (random.nextBoolean()) {
            b.minimumTermFrequency(Math.pow(10, -1 - random.nextInt(12)) * (1 + random.nextDouble()));
        }
        int comparisons = 1 + random.nextInt(5);
        for (int c = 0; c < comparisons; c++) {
            int levelCount = 2 + random.nextInt(5);
            int neutral = random.nextInt(levelCount);
            List<ComparisonLevel> levels = new ArrayList<>();
            for (int l = 0; l < levelCount; l++) {
                levels.add(new ComparisonLevel("L" + l + text(random), l == neutral));
            }
            String name = "c" + c + text(random);
            b.comparison(name, levels, distribution(random, levelCount, neutral),
                    distribution(random, levelCount, neutral));
            if (random.nextBoolean()) {
                b.termFrequencyLevel(name, levels.get(neutral == 0 ? 1 : 0));
            }
        }
        return b.build();
    }

    private static double prior(Random random) {
        double p = Math.pow(10, -random.nextInt(15)) * random.nextDouble();
        return p > 0 && p < 1 ? p : 0.5;
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(AWKWARD.codePoints().toArray()[random.nextInt((int) AWKWARD.codePoints().count())]);
        }
        return s.toString();
    }

    /** Probabilities over the non-neutral levels spanning many orders of magnitude, summing to 1. */
    private static double[] distribution(Random random, int levelCount, int neutral) {
        double[] p = new double[levelCount];
        double sum = 0;
        for (int l = 0; l < levelCount; l++) {
            if (l != neutral) {
                p[l] = Math.exp(-random.nextDouble() * 40);
                sum += p[l];
            }
        }
        for (int l = 0; l < levelCount; l++) {
            p[l] = l == neutral ? 1.0 : p[l] / sum;
        }
        return p;
    }

    static int[] levels(MatchModel model, Random random) {
        int[] levels = new int[IndexedModel.of(model).comparisonCount()];
        for (int c = 0; c < levels.length; c++) {
            levels[c] = random.nextInt(IndexedModel.of(model).levels(c).size());
        }
        return levels;
    }

    static double[] termFrequencies(MatchModel model, Random random) {
        double[] tfs = new double[IndexedModel.of(model).comparisonCount()];
        for (int c = 0; c < tfs.length; c++) {
            int kind = random.nextInt(4);
            tfs[c] = kind == 0 ? IndexedModel.NO_TERM_FREQUENCY : kind == 1 ? 0.0 : random.nextDouble();
        }
        return tfs;
    }
}
