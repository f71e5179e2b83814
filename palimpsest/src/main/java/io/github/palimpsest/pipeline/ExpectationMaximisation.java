package io.github.palimpsest.pipeline;

/**
 * Expectation–maximisation for the two-class Fellegi–Sunter mixture over counted comparison vectors
 * (Winkler's EM approach to estimating m; see docs/model.md). Each distinct pattern is visited once per
 * iteration and weighted by its count. Neutral levels contribute a factor of 1 to both likelihoods and
 * are left out of the m (and u) denominators: missing data carries no information about match status.
 *
 * <p>Not thread-safe; one instance per training run. Deterministic: patterns are visited in the fixed
 * lexicographic order of {@link ComparisonVectors}.
 */
final class ExpectationMaximisation {

    /** Keeps the match proportion away from 0 and 1, where its logit is infinite. */
    static final double MIN_PROPORTION = 1e-12;
    /** Floor for every m and u after smoothing, so that no weight is infinite. */
    static final double MIN_PROBABILITY = 1e-12;

    private final ComparisonVectors vectors;
    private final boolean[][] neutral;
    private final double smoothing;

    double proportion;
    final double[][] m;
    final double[][] u;
    int iterations;
    boolean converged;

    ExpectationMaximisation(ComparisonVectors vectors, boolean[][] neutral, double[][] m, double[][] u,
                            double proportion, double smoothing) {
        this.vectors = vectors;
        this.neutral = neutral;
        this.m = deepCopy(m);
        this.u = deepCopy(u);
        this.proportion = proportion;
        this.smoothing = smoothing;
    }

    /** Runs until no parameter moves more than {@code tolerance} or {@code maxIterations} is reached. */
    void run(int maxIterations, double tolerance, boolean estimateU) {
        run(maxIterations, tolerance, estimateU, false);
    }

    /**
     * As {@link #run(int, double, boolean)}; with {@code monotone}, every M-step also keeps each comparison's
     * levels meaningful: {@code m/u} does not rise from one non-neutral level to the next (levels are most
     * similar first), so the most similar level has {@code m ≥ u} and the least similar {@code m ≤ u}.
     * Without it EM can settle on a "match" class that disagrees on names (docs/model.md, "Health check").
     */
    void run(int maxIterations, double tolerance, boolean estimateU, boolean monotone) {
        int n = neutral.length;
        double[][] mAcc = new double[n][];
        double[][] uAcc = new double[n][];
        double[][] logRatio = new double[n][];
        for (int c = 0; c < n; c++) {
            mAcc[c] = new double[neutral[c].length];
            uAcc[c] = new double[neutral[c].length];
            logRatio[c] = new double[neutral[c].length];
        }
        while (iterations < maxIterations) {
            iterations++;
            for (int c = 0; c < n; c++) {
                for (int l = 0; l < logRatio[c].length; l++) {
                    logRatio[c][l] = neutral[c][l] ? 0.0 : StrictMath.log(m[c][l] / u[c][l]);
                    mAcc[c][l] = 0;
                    uAcc[c][l] = 0;
                }
            }
            double logitPrior = StrictMath.log(proportion / (1 - proportion));
            double matched = 0;
            // E-step: the posterior probability that pairs with each pattern match, times their count.
            for (int d = 0; d < vectors.distinctCount(); d++) {
                int[] pattern = vectors.pattern(d);
                double logOdds = logitPrior;
                for (int c = 0; c < n; c++) {
                    logOdds += logRatio[c][pattern[c]];
                }
                double posterior = 1.0 / (1.0 + StrictMath.exp(-logOdds));
                double count = vectors.countAt(d);
                double asMatch = count * posterior;
                double asNonMatch = count - asMatch;
                matched += asMatch;
                for (int c = 0; c < n; c++) {
                    mAcc[c][pattern[c]] += asMatch;
                    uAcc[c][pattern[c]] += asNonMatch;
                }
            }
            // M-step: expected counts become probabilities, smoothed and floored.
            double change = 0;
            double newProportion = clamp(matched / vectors.totalCount());
            change = Math.max(change, Math.abs(newProportion - proportion));
            proportion = newProportion;
            for (int c = 0; c < n; c++) {
                double[] before = m[c].clone();
                update(m[c], mAcc[c], neutral[c], smoothing);
                if (estimateU) {
                    change = Math.max(change, update(u[c], uAcc[c], neutral[c], smoothing));
                }
                if (monotone) {
                    monotoneRatios(m[c], u[c], neutral[c]);
                }
                for (int l = 0; l < before.length; l++) {
                    change = Math.max(change, Math.abs(m[c][l] - before[l]));
                }
            }
            if (change < tolerance) {
                converged = true;
                return;
            }
        }
    }

    /**
     * Turns counts per level into probabilities over the non-neutral levels: Laplace smoothing (add
     * {@code smoothing} to every count), then a floor, then renormalisation. Neutral entries become 1.
     *
     * @return the largest change of any probability
     */
    static double update(double[] probabilities, double[] counts, boolean[] neutral, double smoothing) {
        double total = 0;
        int informative = 0;
        for (int l = 0; l < counts.length; l++) {
            if (!neutral[l]) {
                total += counts[l] + smoothing;
                informative++;
            }
        }
        double[] fresh = new double[counts.length];
        double sum = 0;
        for (int l = 0; l < counts.length; l++) {
            if (!neutral[l]) {
                double p = total > 0 ? (counts[l] + smoothing) / total : 1.0 / informative;
                fresh[l] = Math.max(p, MIN_PROBABILITY);
                sum += fresh[l];
            }
        }
        double change = 0;
        for (int l = 0; l < counts.length; l++) {
            double p = neutral[l] ? 1.0 : fresh[l] / sum;
            change = Math.max(change, Math.abs(p - probabilities[l]));
            probabilities[l] = p;
        }
        return change;
    }

    /**
     * Pool-adjacent-violators over the non-neutral levels in order: where {@code m/u} rises from one level
     * to the next, the run of levels is pooled to the common ratio {@code Σm/Σu}, so each level's m becomes
     * that ratio times its u. The isotonic (non-increasing) fit of the ratios weighted by u; it keeps
     * {@code Σm}, so m stays a distribution.
     */
    static void monotoneRatios(double[] m, double[] u, boolean[] neutral) {
        int[] index = new int[m.length];
        int count = 0;
        for (int l = 0; l < m.length; l++) {
            if (!neutral[l]) {
                index[count++] = l;
            }
        }
        // Blocks of pooled levels: start (position in index), summed m and summed u.
        int[] start = new int[count + 1];
        double[] sumM = new double[count];
        double[] sumU = new double[count];
        int blocks = 0;
        for (int p = 0; p < count; p++) {
            start[blocks] = p;
            sumM[blocks] = m[index[p]];
            sumU[blocks] = u[index[p]];
            blocks++;
            // Pool while the newer block's ratio exceeds the one before it.
            while (blocks > 1 && sumM[blocks - 1] * sumU[blocks - 2] > sumM[blocks - 2] * sumU[blocks - 1]) {
                sumM[blocks - 2] += sumM[blocks - 1];
                sumU[blocks - 2] += sumU[blocks - 1];
                blocks--;
            }
        }
        start[blocks] = count;
        for (int b = 0; b < blocks; b++) {
            if (start[b + 1] - start[b] > 1) {
                double ratio = sumM[b] / sumU[b];
                for (int p = start[b]; p < start[b + 1]; p++) {
                    m[index[p]] = ratio * u[index[p]];
                }
            }
        }
    }

    static double clamp(double proportion) {
        return Math.min(Math.max(proportion, MIN_PROPORTION), 1 - MIN_PROPORTION);
    }

    static double[][] deepCopy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }
}
