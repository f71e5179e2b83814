package io.github.palimpsest;

import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.MatchModelBuilder;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a model's household class (see {@link MatchModel#householdAdjustment(int[])}) by EM over the candidate
 * pairs, keeping the trained match/stranger likelihood ratio of each pair (term frequencies included) as it
 * is. Only pairs that share a home (postcode in full or address exact) can belong to the class: unconfined,
 * at a million records it absorbed strangers too (docs/accuracy.md). Stateless.
 */
final class HouseholdClass {
    private static final Logger LOG = LoggerFactory.getLogger(HouseholdClass.class);

    static final List<String> HOME = List.of("postcode", "address");
    static final List<String> DISTINGUISHING = List.of("forename", "dob");
    /** Relatives are different people: they share these no more often than strangers do (h = u). */
    static final List<String> PERSONAL_IDENTIFIERS = List.of("pnc_id", "cro_number", "ni_number", "driving_licence");
    private static final int ITERATIONS = 30;
    /** Fewer household-like pairs than this to start from, and the class is not fitted. */
    private static final int MINIMUM_START = 50;
    /** Pairs this strong are matches beyond doubt; they do not seed the class. */
    private static final double START_MAX_BAYES_FACTOR_BITS = 30;
    private static final double LN2 = Math.log(2);

    private HouseholdClass() {
    }

    /**
     * The model with a household class fitted, or the model unchanged when its comparisons lack the ones the
     * class needs or too few pairs look like relatives of one home.
     *
     * @param model     the trained two-class model
     * @param levels    each comparison's level for each candidate pair ({@code levels[c][k]})
     * @param weights   each candidate pair's match weight under {@code model}
     * @param termFrequencyBits each candidate pair's term-frequency adjustments, summed, in bits: they count for
     *                  the household class as for a match (see {@link MatchModel#householdAdjustment(int[], double[])})
     * @param records   the number of records in the pool
     */
    static MatchModel fit(MatchModel model, byte[][] levels, double[] weights, double[] termFrequencyBits, int records) {
        List<String> names = model.comparisonNames();
        int forename = names.indexOf("forename");
        int surname = names.indexOf("surname");
        int dob = names.indexOf("dob");
        int postcode = names.indexOf("postcode");
        int address = names.indexOf("address");
        if (forename < 0 || surname < 0 || dob < 0 || postcode < 0 || address < 0 || weights.length == 0) {
            LOG.info("household class not fitted: the comparisons lack forename, surname, dob, postcode or address");
            return model;
        }
        int c = names.size();
        int pairs = weights.length;
        double priorWeight = model.priorWeight();
        boolean[] homeComparison = new boolean[c];
        boolean[] distinguishing = new boolean[c];
        double[][] levelWeights = new double[c][];
        for (int k = 0; k < c; k++) {
            homeComparison[k] = HOME.contains(names.get(k));
            distinguishing[k] = DISTINGUISHING.contains(names.get(k));
            levelWeights[k] = new double[model.levels(k).size()];
            for (int l = 0; l < levelWeights[k].length; l++) {
                levelWeights[k][l] = model.levelWeight(k, l);
            }
        }
        boolean[] home = new boolean[pairs];
        double[][] counts = new double[c][];
        for (int k = 0; k < c; k++) {
            counts[k] = new double[model.levels(k).size()];
        }
        long start = 0;
        for (int p = 0; p < pairs; p++) {
            home[p] = eligible(homeComparison, distinguishing, levelWeights, levels, p);
            if (home[p] && levels[surname][p] == 0 && (levels[forename][p] != 0 || levels[dob][p] != 0)
                    && weights[p] - priorWeight < START_MAX_BAYES_FACTOR_BITS) {
                start++;
                for (int k = 0; k < c; k++) {
                    counts[k][levels[k][p]]++;
                }
            }
        }
        if (start < MINIMUM_START) {
            LOG.info("household class not fitted: {} candidate pairs look like relatives of one home", start);
            return model;
        }
        double[][] logRatio = new double[c][];
        for (int k = 0; k < c; k++) {
            logRatio[k] = new double[counts[k].length];
        }
        double[][] h = normalise(model, counts, logRatio);
        double shareHousehold = (double) start / pairs;
        double shareMatch = 0.5 * (1 - shareHousehold);
        double shareStranger = 1 - shareMatch - shareHousehold;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            for (double[] row : counts) {
                Arrays.fill(row, 0);
            }
            double sumMatch = 0;
            double sumHousehold = 0;
            for (int p = 0; p < pairs; p++) {
                double logMatch = (weights[p] - priorWeight) * LN2;
                double logHousehold = Double.NEGATIVE_INFINITY;
                if (home[p]) {
                    logHousehold = termFrequencyBits[p] * LN2;
                    for (int k = 0; k < c; k++) {
                        logHousehold += logRatio[k][levels[k][p]];
                    }
                }
                double top = Math.max(Math.max(logMatch, logHousehold), 0);
                double m = shareMatch * Math.exp(logMatch - top);
                double r = home[p] ? shareHousehold * Math.exp(logHousehold - top) : 0;
                double s = shareStranger * Math.exp(-top);
                double sum = m + r + s;
                sumMatch += m / sum;
                if (r > 0) {
                    double responsibility = r / sum;
                    sumHousehold += responsibility;
                    for (int k = 0; k < c; k++) {
                        counts[k][levels[k][p]] += responsibility;
                    }
                }
            }
            h = normalise(model, counts, logRatio);
            shareMatch = sumMatch / pairs;
            shareHousehold = sumHousehold / pairs;
            shareStranger = Math.max(0, 1 - shareMatch - shareHousehold);
        }
        double allPairs = records * (records - 1.0) / 2;
        double householdPrior = shareHousehold * pairs / allPairs;
        if (!(householdPrior > 0) || model.prior() + householdPrior >= 1) {
            LOG.info("household class not fitted: its share came out at {}", householdPrior);
            return model;
        }
        MatchModelBuilder b = model.toBuilder();
        for (int k = 0; k < c; k++) {
            b.h(names.get(k), h[k]);
        }
        LOG.info("household class: {} of the candidate pairs, prior {} over all pairs (starting from {} pairs)",
                String.format("%.4f", shareHousehold), String.format("%.3g", householdPrior), start);
        return b.householdClass(householdPrior, HOME, DISTINGUISHING).build();
    }

    /**
     * Whether candidate pair {@code k} can be two relatives of one home: some home comparison is at its first
     * level, and some distinguishing comparison is not evidence for a match (a relative differs from the
     * person in forename or date of birth: twins, a parent and child, siblings; agreeing on both is one
     * person). The batch's scoring and this fit share it; {@link MatchModel#householdAdjustment(int[])} is
     * the same rule for one pair.
     */
    static boolean eligible(boolean[] homeComparison, boolean[] distinguishing, double[][] levelWeights,
                            byte[][] levels, int k) {
        boolean atHome = false;
        boolean differs = false;
        for (int c = 0; c < levels.length; c++) {
            int l = levels[c][k];
            atHome |= homeComparison[c] && l == 0;
            differs |= distinguishing[c] && levelWeights[c][l] <= 0;
        }
        return atHome && differs;
    }

    /**
     * h over each comparison's non-neutral levels, as m and u are (Laplace-smoothed by half a pair), and
     * {@code ln(h/u)} into {@code logRatio} (0 at neutral levels, which are no evidence).
     */
    private static double[][] normalise(MatchModel model, double[][] counts, double[][] logRatio) {
        double[][] h = new double[counts.length][];
        for (int k = 0; k < counts.length; k++) {
            int levelCount = counts[k].length;
            h[k] = new double[levelCount];
            double total = 0;
            int usable = 0;
            for (int l = 0; l < levelCount; l++) {
                if (!model.levels(k).get(l).isNeutral()) {
                    total += counts[k][l];
                    usable++;
                }
            }
            boolean fixed = PERSONAL_IDENTIFIERS.contains(model.comparisonNames().get(k));
            for (int l = 0; l < levelCount; l++) {
                boolean neutral = model.levels(k).get(l).isNeutral();
                h[k][l] = neutral ? 1.0 : fixed ? model.u(k, l) : (counts[k][l] + 0.5) / (total + 0.5 * usable);
                logRatio[k][l] = neutral ? 0.0 : Math.log(h[k][l] / model.u(k, l));
            }
        }
        return h;
    }
}
