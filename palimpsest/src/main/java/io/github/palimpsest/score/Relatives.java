package io.github.palimpsest.score;

import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.pipeline.RelativesRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A model's classes of relatives, beside matches and strangers: the household class (relatives of one home)
 * and the class of relatives apart (a surname shared, no home). Each has a prior over all pairs and level
 * probabilities per comparison; a pair is weighed against at most one of them, chosen by
 * {@link #classOf}. Immutable; part of {@link MatchModel}, which documents the rules.
 */
final class Relatives {
    /** No class of relatives applies to the pair ({@link RelativesRule}'s classes). */
    static final int NONE = RelativesRule.NONE;
    static final int HOUSEHOLD = RelativesRule.HOUSEHOLD;
    static final int APART = RelativesRule.APART;

    /** Prior per class, 0 for a class the model lacks. */
    private final double[] priors;
    /** Level probabilities per class, comparison and level (1.0 at neutral levels); null for a missing class. */
    private final double[][][] probabilities;
    /** {@code log2(p/u)} per class, comparison and level (0 at neutral levels); null for a missing class. */
    private final double[][][] weights;
    private final boolean[] home;
    private final boolean[] distinguishing;
    private final boolean[] kin;

    Relatives(MatchModelBuilder b, List<String> names, List<? extends List<ComparisonLevel>> levels, double[][] u) {
        int n = names.size();
        priors = new double[] {b.householdPrior, b.kinPrior};
        home = new boolean[n];
        distinguishing = new boolean[n];
        kin = new boolean[n];
        for (int c = 0; c < n; c++) {
            home[c] = priors[HOUSEHOLD] > 0 && b.homeComparisons.contains(names.get(c));
            distinguishing[c] = priors[HOUSEHOLD] > 0 && b.distinguishingComparisons.contains(names.get(c));
            kin[c] = priors[APART] > 0 && b.kinComparisons.contains(names.get(c));
        }
        probabilities = new double[2][][];
        weights = new double[2][][];
        List<Map<String, double[]>> given = List.of(b.h, b.k);
        for (int cls = HOUSEHOLD; cls <= APART; cls++) {
            if (priors[cls] > 0) {
                probabilities[cls] = levelsOf(given.get(cls), names, levels);
                weights[cls] = weightsOf(probabilities[cls], levels, u);
            }
        }
    }

    /** A class's level probabilities per comparison, as given, with 1.0 at neutral levels. */
    private static double[][] levelsOf(Map<String, double[]> given, List<String> names,
                                       List<? extends List<ComparisonLevel>> levels) {
        double[][] p = new double[names.size()][];
        for (int c = 0; c < p.length; c++) {
            double[] levelsGiven = given.get(names.get(c));
            p[c] = new double[levels.get(c).size()];
            for (int l = 0; l < p[c].length; l++) {
                p[c][l] = levels.get(c).get(l).isNeutral() ? 1.0 : levelsGiven[l];
            }
        }
        return p;
    }

    /** {@code log2(p/u)} per comparison and level, exactly 0 at neutral levels. */
    private static double[][] weightsOf(double[][] p, List<? extends List<ComparisonLevel>> levels, double[][] u) {
        double[][] w = new double[p.length][];
        for (int c = 0; c < p.length; c++) {
            w[c] = new double[p[c].length];
            for (int l = 0; l < w[c].length; l++) {
                w[c][l] = levels.get(c).get(l).isNeutral() ? 0.0 : MatchModel.log2(p[c][l] / u[c][l]);
            }
        }
        return w;
    }

    boolean has(int cls) {
        return priors[cls] > 0;
    }

    double prior(int cls) {
        return priors[cls];
    }

    /** A class's probability of a level; NaN when the model lacks the class. */
    double probability(int cls, int c, int l) {
        return probabilities[cls] == null ? Double.NaN : probabilities[cls][c][l];
    }

    /** A class's {@code log2(p/u)} of a level; 0 when the model lacks the class. */
    double levelWeight(int cls, int c, int l) {
        return weights[cls] == null ? 0.0 : weights[cls][c][l];
    }

    /** A class's level weights, per comparison and level; only for a class the model has. */
    double[][] levelWeights(int cls) {
        return weights[cls];
    }

    boolean isHome(int c) {
        return home[c];
    }

    boolean isDistinguishing(int c) {
        return distinguishing[c];
    }

    boolean isKin(int c) {
        return kin[c];
    }

    /**
     * Which class a pair can belong to, by {@link RelativesRule} (the one rule the batch's scoring and the
     * fits of the classes use too), limited to the classes this model has.
     *
     * @param matchWeights the model's {@code log2(m/u)} per comparison and level
     */
    int classOf(int[] levelsOfPair, double[][] matchWeights) {
        if (!has(HOUSEHOLD)) {
            return NONE;
        }
        int cls = RelativesRule.classOf(home, distinguishing, kin, matchWeights, levelsOfPair);
        return cls == APART && !has(APART) ? NONE : cls;
    }

    /**
     * What a class takes off the match weight of a pair that can belong to it, from the sum of its level
     * weights and term-frequency adjustments: {@code -log2(1 + prior·2^bits / (1 − λ))}. 0 without the class.
     */
    double adjustmentForWeight(int cls, double bits, double lambda) {
        if (priors[cls] == 0) {
            return 0.0;
        }
        double ratio = priors[cls] * StrictMath.pow(2.0, bits) / (1.0 - lambda);
        return -MatchModel.log2(1.0 + ratio);
    }

    /** Puts both classes, as this model has them, into a builder. */
    void addTo(MatchModelBuilder b, List<String> names) {
        if (has(HOUSEHOLD)) {
            for (int c = 0; c < names.size(); c++) {
                b.h(names.get(c), probabilities[HOUSEHOLD][c]);
            }
            b.householdClass(priors[HOUSEHOLD], pick(names, home), pick(names, distinguishing));
        }
        if (has(APART)) {
            for (int c = 0; c < names.size(); c++) {
                b.k(names.get(c), probabilities[APART][c]);
            }
            b.relativesApartClass(priors[APART], pick(names, kin));
        }
    }

    private static List<String> pick(List<String> names, boolean[] member) {
        List<String> picked = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (member[c]) {
                picked.add(names.get(c));
            }
        }
        return picked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Relatives other
                && Arrays.equals(priors, other.priors)
                && Arrays.deepEquals(probabilities, other.probabilities)
                && Arrays.equals(home, other.home)
                && Arrays.equals(distinguishing, other.distinguishing)
                && Arrays.equals(kin, other.kin);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(priors);
    }
}
