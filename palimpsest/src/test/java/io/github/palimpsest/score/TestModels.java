package io.github.palimpsest.score;

import io.github.palimpsest.compare.ComparisonLevel;
import java.util.List;

/** Small models shared by the score tests. */
public final class TestModels {

    public static final List<ComparisonLevel> FOUR_LEVELS = List.of(ComparisonLevel.of("exact"), ComparisonLevel.of("close"),
            ComparisonLevel.of("else"), ComparisonLevel.neutral("missing"));

    /** True m and u for three comparisons of four levels (the last neutral), as used by the EM tests. */
    public static final double[][] TRUE_M = {{0.85, 0.10, 0.05, 1}, {0.70, 0.20, 0.10, 1}, {0.90, 0.07, 0.03, 1}};
    public static final double[][] TRUE_U = {{0.01, 0.05, 0.94, 1}, {0.02, 0.10, 0.88, 1}, {0.05, 0.15, 0.80, 1}};
    public static final String[] NAMES = {"surname", "forename", "dob"};

    private TestModels() {
    }

    /** surname (tf on "exact"), forename and dob, with the true m and u above and prior 1e-4. */
    public static MatchModel threeComparisons() {
        return withParameters(TRUE_M, TRUE_U, 1e-4);
    }

    public static MatchModel withParameters(double[][] m, double[][] u, double prior) {
        MatchModelBuilder b = MatchModel.builder().prior(prior);
        for (int c = 0; c < NAMES.length; c++) {
            b.comparison(NAMES[c], FOUR_LEVELS, m[c], u[c]);
        }
        return b.termFrequencyLevel("surname", FOUR_LEVELS.get(0)).build();
    }
}
