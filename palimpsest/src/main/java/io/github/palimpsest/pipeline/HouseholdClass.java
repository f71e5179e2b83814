package io.github.palimpsest.pipeline;

import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.MatchModelBuilder;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a model's household class and its class of relatives apart (see
 * {@link IndexedModel#householdAdjustment(int[], double[])}) by EM over the candidate
 * pairs, keeping the trained match/stranger likelihood ratio of each pair (term frequencies included) as it
 * is. Only pairs that share a home (postcode in full or address exact) can belong to the household class:
 * unconfined, in a large pool it takes strangers too (docs/model.md, "Household class"); only pairs that share a
 * surname and no home, and differ clearly in forename or date of birth, can be relatives apart. Stateless.
 */
public final class HouseholdClass {
    private static final Logger LOG = LoggerFactory.getLogger(HouseholdClass.class);

    static final List<String> HOME = ModelPart.keys(ModelPart.HOME);
    static final List<String> DISTINGUISHING = ModelPart.keys(ModelPart.DISTINGUISHING);
    /** What relatives apart share: the surname (at its first level, exact). */
    static final List<String> KIN = ModelPart.keys(ModelPart.KIN);
    /** Relatives are different people: they share these no more often than strangers do (h = u, k = u). */
    static final List<String> PERSONAL_IDENTIFIERS = ModelPart.keys(ModelPart.PERSONAL_IDENTIFIERS);
    private static final int ITERATIONS = 30;
    /** Fewer household-like pairs than this to start from, and the class is not fitted. */
    private static final int MINIMUM_START = 50;
    /** Pairs this strong are matches beyond doubt; they do not seed the class. */
    private static final double START_MAX_BAYES_FACTOR_BITS = 30;
    private static final double LN2 = Math.log(2);
    /** Pairs per chunk of the EM's sums: fixed, so that the sums do not depend on the number of threads. */
    private static final int CHUNK = 1 << 14;

    /** Runs {@code count} chunks, {@code chunk.accept(i)} for each, in any order and on any threads. */
    @FunctionalInterface
    public interface Parallel {
        void chunks(int count, java.util.function.IntConsumer chunk);
    }

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
     *                  the household class as for a match (see {@link IndexedModel#householdAdjustment(int[], double[])})
     * @param records   the number of records in the pool
     * @param parallel  runs the EM's chunks of pairs, on one thread or several
     */
    public static MatchModel fit(MatchModel model, byte[][] levels, double[] weights, double[] termFrequencyBits, int records,
                          Parallel parallel) {
        Comparisons k = Comparisons.of(model, weights.length);
        if (k == null) {
            LOG.info("household class not fitted: the comparisons lack forename, surname, dob, postcode or address");
            return model;
        }
        int pairs = weights.length;
        boolean[] eligible = new boolean[pairs];
        boolean[] seed = new boolean[pairs];
        parallel.chunks((pairs + CHUNK - 1) / CHUNK, chunk -> {
            int[] scratch = new int[levels.length];
            for (int p = chunk * CHUNK, end = Math.min(pairs, p + CHUNK); p < end; p++) {
                eligible[p] = RelativesRule.classOf(k.home, k.distinguishing, k.kin, k.levelWeights, levels, p,
                        scratch) == HOUSEHOLD;
                seed[p] = eligible[p] && levels[k.surname][p] == 0
                        && (levels[k.forename][p] != 0 || levels[k.dob][p] != 0)
                        && weights[p] - model.priorWeight() < START_MAX_BAYES_FACTOR_BITS;
            }
        });
        Fit fit = em(model, levels, weights, termFrequencyBits, eligible, seed, records, "household class", parallel);
        if (fit == null) {
            return model;
        }
        MatchModelBuilder b = model.toBuilder();
        for (int c = 0; c < model.comparisonNames().size(); c++) {
            b.h(model.comparisonNames().get(c), fit.levels[c]);
        }
        return b.householdClass(fit.prior, HOME, DISTINGUISHING).build();
    }

    /**
     * The model with a class of relatives apart fitted beside its household class: pairs that share no home
     * but a surname, and differ clearly (a negative weight) in forename or date of birth, such as twins or
     * siblings at different addresses. Fitted by the same EM over the candidate pairs, with each pair's
     * match/stranger ratio, household adjustment included, kept as it is; the model unchanged without a
     * household class or with too few such pairs.
     *
     * @param weights each candidate pair's match weight under {@code model} (household class included)
     */
    public static MatchModel fitRelativesApart(MatchModel model, byte[][] levels, double[] weights, double[] termFrequencyBits,
                                        int records, Parallel parallel) {
        Comparisons k = Comparisons.of(model, weights.length);
        if (k == null || !model.hasHouseholdClass()) {
            return model;
        }
        int pairs = weights.length;
        boolean[] eligible = new boolean[pairs];
        boolean[] seed = new boolean[pairs];
        parallel.chunks((pairs + CHUNK - 1) / CHUNK, chunk -> {
            int[] scratch = new int[levels.length];
            for (int p = chunk * CHUNK, end = Math.min(pairs, p + CHUNK); p < end; p++) {
                eligible[p] = RelativesRule.classOf(k.home, k.distinguishing, k.kin, k.levelWeights, levels, p,
                        scratch) == APART;
                seed[p] = eligible[p] && weights[p] - model.priorWeight() < START_MAX_BAYES_FACTOR_BITS;
            }
        });
        Fit fit = em(model, levels, weights, termFrequencyBits, eligible, seed, records, "class of relatives apart",
                parallel);
        if (fit == null || model.prior() + model.householdPrior() + fit.prior >= 1) {
            return model;
        }
        MatchModelBuilder b = model.toBuilder();
        for (int c = 0; c < model.comparisonNames().size(); c++) {
            b.k(model.comparisonNames().get(c), fit.levels[c]);
        }
        return b.relativesApartClass(fit.prior, KIN).build();
    }

    /** The comparisons the relatives' classes need, by index, or null when one is missing. */
    private record Comparisons(int forename, int surname, int dob, boolean[] home, boolean[] distinguishing,
                               boolean[] kin, double[][] levelWeights) {
        static Comparisons of(MatchModel model, int pairs) {
            List<String> names = model.comparisonNames();
            int forename = ModelPart.FORENAME.indexIn(names);
            int surname = ModelPart.SURNAME.indexIn(names);
            int dob = ModelPart.DATE_OF_BIRTH.indexIn(names);
            if (forename < 0 || surname < 0 || dob < 0 || ModelPart.POSTCODE.indexIn(names) < 0
                    || ModelPart.ADDRESS.indexIn(names) < 0
                    || pairs == 0) {
                return null;
            }
            int c = names.size();
            boolean[] home = new boolean[c];
            boolean[] distinguishing = new boolean[c];
            boolean[] kin = new boolean[c];
            double[][] levelWeights = new double[c][];
            IndexedModel indexed = IndexedModel.of(model);
            for (int k = 0; k < c; k++) {
                home[k] = HOME.contains(names.get(k));
                distinguishing[k] = DISTINGUISHING.contains(names.get(k));
                kin[k] = KIN.contains(names.get(k));
                levelWeights[k] = new double[indexed.levels(k).size()];
                for (int l = 0; l < levelWeights[k].length; l++) {
                    levelWeights[k][l] = indexed.levelWeight(k, l);
                }
            }
            return new Comparisons(forename, surname, dob, home, distinguishing, kin, levelWeights);
        }
    }

    /** A fitted class: its share of all pairs and its level probabilities. */
    private record Fit(double prior, double[][] levels) {}

    /**
     * EM over the candidate pairs for a third class confined to the {@code eligible} pairs, started from the
     * {@code seed} pairs' levels, with each pair's match/stranger log-ratio ({@code weights} less the prior)
     * kept. Null when too few seeds or the share comes out empty.
     */
    private static Fit em(MatchModel model, byte[][] levels, double[] weights, double[] termFrequencyBits,
                          boolean[] eligible, boolean[] seed, int records, String what, Parallel parallel) {
        IndexedModel indexed = IndexedModel.of(model);
        int c = indexed.comparisonCount();
        int pairs = weights.length;
        double priorWeight = model.priorWeight();
        double[][] counts = new double[c][];
        for (int k = 0; k < c; k++) {
            counts[k] = new double[indexed.levels(k).size()];
        }
        long start = 0;
        for (int p = 0; p < pairs; p++) {
            if (seed[p]) {
                start++;
                for (int k = 0; k < c; k++) {
                    counts[k][levels[k][p]]++;
                }
            }
        }
        if (start < MINIMUM_START) {
            LOG.info("{} not fitted: {} candidate pairs to start from", what, start);
            return null;
        }
        double[][] logRatio = new double[c][];
        for (int k = 0; k < c; k++) {
            logRatio[k] = new double[counts[k].length];
        }
        double[][] h = normalise(model, counts, logRatio);
        double shareHousehold = (double) start / pairs;
        double shareMatch = 0.5 * (1 - shareHousehold);
        double shareStranger = 1 - shareMatch - shareHousehold;
        // Each iteration's sums are taken per fixed chunk of pairs, on as many threads as the caller gives,
        // and added in chunk order: the same bits on one thread or many.
        int chunks = (pairs + CHUNK - 1) / CHUNK;
        // Levels and log-ratios are laid out flat: comparison k's levels start at offset[k] in the per-chunk
        // counts and in the log-ratios, and each eligible pair's cells (offset[k] + its level) are copied once
        // into a row of their own, so that each iteration reads one short row per eligible pair instead of one
        // byte from each of c columns of all pairs. The sums are taken in the same order as over the columns:
        // the same bits.
        int[] offset = new int[c + 1];
        for (int k = 0; k < c; k++) {
            offset[k + 1] = offset[k] + counts[k].length;
        }
        int cells = offset[c];
        int[] chunkFirstRow = new int[chunks + 1];
        for (int chunk = 0; chunk < chunks; chunk++) {
            int inChunk = 0;
            for (int p = chunk * CHUNK, end = Math.min(pairs, p + CHUNK); p < end; p++) {
                if (eligible[p]) {
                    inChunk++;
                }
            }
            chunkFirstRow[chunk + 1] = chunkFirstRow[chunk] + inChunk;
        }
        char[] rows = new char[chunkFirstRow[chunks] * c];
        double[] chunkCounts = new double[chunks * cells];
        double[] chunkMatch = new double[chunks];
        double[] chunkHousehold = new double[chunks];
        // A pair outside the class has top = max(logMatch, 0), so one of its two exponentials is exp(0) = 1 and
        // the other, exp(-|logMatch|), is the same in every iteration: taken once here, the same bits as before.
        double[] otherExp = new double[pairs];
        // For a pair in the class, top = max(logMatch, logHousehold, 0) changes with every iteration, but
        // whichever of the three it is makes its own exponential exp(0) = 1, and where it is logMatch or 0 a
        // second one is exp(-logMatch) or exp(logMatch), which do not change: taken once here per eligible
        // pair (by row), the same bits as taken in each iteration. Each iteration then takes one
        // exponential per pair, or two where top is logHousehold, instead of three.
        int eligibleCount = chunkFirstRow[chunks];
        double[] expMatch = new double[eligibleCount];
        double[] expMinusMatch = new double[eligibleCount];
        double[] tfStart = new double[eligibleCount];
        double[] logHouseholdOf = new double[eligibleCount];
        parallel.chunks(chunks, chunk -> {
            int e = chunkFirstRow[chunk];
            int row = e * c;
            for (int p = chunk * CHUNK, end = Math.min(pairs, p + CHUNK); p < end; p++) {
                double logMatch = (weights[p] - priorWeight) * LN2;
                if (!eligible[p]) {
                    double top = Math.max(logMatch, 0);
                    otherExp[p] = logMatch >= top ? Math.exp(-top) : Math.exp(logMatch - top);
                } else {
                    for (int k = 0; k < c; k++) {
                        rows[row++] = (char) (offset[k] + levels[k][p]);
                    }
                    tfStart[e] = termFrequencyBits[p] * LN2;
                    expMatch[e] = Math.exp(logMatch);
                    expMinusMatch[e] = Math.exp(-logMatch);
                    e++;
                }
            }
        });
        double[] flatRatio = new double[cells];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            for (int k = 0; k < c; k++) {
                System.arraycopy(logRatio[k], 0, flatRatio, offset[k], counts[k].length);
            }
            double sm = shareMatch;
            double sh = shareHousehold;
            double ss = shareStranger;
            parallel.chunks(chunks, chunk -> {
                int base = chunk * cells;
                Arrays.fill(chunkCounts, base, base + cells, 0);
                double sumMatch = 0;
                double sumHousehold = 0;
                // Each eligible pair's log-ratio of the class first, in a pass of their own: the sums of
                // different pairs do not wait on each other, as they would between the exponentials.
                for (int e = chunkFirstRow[chunk], last = chunkFirstRow[chunk + 1], row = e * c; e < last; e++) {
                    double logHousehold = tfStart[e];
                    for (int k = 0; k < c; k++) {
                        logHousehold += flatRatio[rows[row++]];
                    }
                    logHouseholdOf[e] = logHousehold;
                }
                int row = chunkFirstRow[chunk] * c;
                int e = chunkFirstRow[chunk];
                for (int p = chunk * CHUNK, end = Math.min(pairs, p + CHUNK); p < end; p++) {
                    if (!eligible[p]) {
                        double m;
                        double s;
                        if (weights[p] - priorWeight >= 0) {
                            m = sm;
                            s = ss * otherExp[p];
                        } else {
                            m = sm * otherExp[p];
                            s = ss;
                        }
                        sumMatch += m / (m + s);
                        continue;
                    }
                    double logMatch = (weights[p] - priorWeight) * LN2;
                    double logHousehold = logHouseholdOf[e];
                    double top = Math.max(Math.max(logMatch, logHousehold), 0);
                    double m;
                    double r;
                    double s;
                    if (top == 0) { // +0.0: logMatch - top is logMatch, and -top is -0.0
                        m = sm * expMatch[e];
                        r = sh * Math.exp(logHousehold - top);
                        s = ss; // exp(-0.0) = 1
                    } else if (top == logMatch) {
                        m = sm; // exp(0) = 1
                        r = sh * Math.exp(logHousehold - top);
                        s = ss * expMinusMatch[e];
                    } else if (top == logHousehold) {
                        m = sm * Math.exp(logMatch - top);
                        r = sh; // exp(0) = 1
                        s = ss * Math.exp(-top);
                    } else { // not a number: as it comes
                        m = sm * Math.exp(logMatch - top);
                        r = sh * Math.exp(logHousehold - top);
                        s = ss * Math.exp(-top);
                    }
                    e++;
                    double sum = m + r + s;
                    sumMatch += m / sum;
                    if (r > 0) {
                        double responsibility = r / sum;
                        sumHousehold += responsibility;
                        for (int k = 0; k < c; k++) {
                            chunkCounts[base + rows[row + k]] += responsibility;
                        }
                    }
                    row += c;
                }
                chunkMatch[chunk] = sumMatch;
                chunkHousehold[chunk] = sumHousehold;
            });
            for (double[] row : counts) {
                Arrays.fill(row, 0);
            }
            double sumMatch = 0;
            double sumHousehold = 0;
            for (int chunk = 0; chunk < chunks; chunk++) {
                sumMatch += chunkMatch[chunk];
                sumHousehold += chunkHousehold[chunk];
                for (int k = 0; k < c; k++) {
                    for (int l = 0; l < counts[k].length; l++) {
                        counts[k][l] += chunkCounts[chunk * cells + offset[k] + l];
                    }
                }
            }
            h = normalise(model, counts, logRatio);
            shareMatch = sumMatch / pairs;
            shareHousehold = sumHousehold / pairs;
            shareStranger = Math.max(0, 1 - shareMatch - shareHousehold);
        }
        double allPairs = records * (records - 1.0) / 2;
        double prior = shareHousehold * pairs / allPairs;
        if (!(prior > 0) || model.prior() + prior >= 1) {
            LOG.info("{} not fitted: its share came out at {}", what, prior);
            return null;
        }
        LOG.info("{}: {} of the candidate pairs, prior {} over all pairs (starting from {} pairs)", what,
                String.format("%.4f", shareHousehold), String.format("%.3g", prior), start);
        return new Fit(prior, h);
    }

    /** The classes of {@link RelativesRule}. */
    static final int HOUSEHOLD = RelativesRule.HOUSEHOLD;
    static final int APART = RelativesRule.APART;

    /**
     * h over each comparison's non-neutral levels, as m and u are (Laplace-smoothed by half a pair), and
     * {@code ln(h/u)} into {@code logRatio} (0 at neutral levels, which are no evidence).
     */
    private static double[][] normalise(MatchModel model, double[][] counts, double[][] logRatio) {
        IndexedModel indexed = IndexedModel.of(model);
        double[][] h = new double[counts.length][];
        for (int k = 0; k < counts.length; k++) {
            int levelCount = counts[k].length;
            h[k] = new double[levelCount];
            double total = 0;
            int usable = 0;
            for (int l = 0; l < levelCount; l++) {
                if (!indexed.levels(k).get(l).isNeutral()) {
                    total += counts[k][l];
                    usable++;
                }
            }
            boolean fixed = PERSONAL_IDENTIFIERS.contains(model.comparisonNames().get(k));
            for (int l = 0; l < levelCount; l++) {
                boolean neutral = indexed.levels(k).get(l).isNeutral();
                h[k][l] = neutral ? 1.0 : fixed ? indexed.u(k, l) : (counts[k][l] + 0.5) / (total + 0.5 * usable);
                logRatio[k][l] = neutral ? 0.0 : Math.log(h[k][l] / indexed.u(k, l));
            }
        }
        return h;
    }
}
