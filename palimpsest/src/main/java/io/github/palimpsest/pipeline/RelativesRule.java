package io.github.palimpsest.pipeline;

/**
 * The one rule that says which class of relatives a pair can belong to, whether the model has that class yet
 * or not: {@link #HOUSEHOLD} when some home comparison is at its first level and some distinguishing
 * comparison is not evidence for a match (weight 0 or less: a relative differs from the person in forename
 * or date of birth — twins, a parent and child, siblings; agreeing on both is one person); {@link #APART}
 * when no home comparison is at its first level, a kin comparison (the surname) is, and a distinguishing
 * comparison is clearly against a match (a negative weight; away from home a missing date of birth is no
 * sign of two people); else {@link #NONE}.
 *
 * <p>The model's one-pair weight ({@code MatchModel.matchWeight}, through its {@code Relatives}), the
 * pipeline's column-wise scoring ({@link PairScoring}) and the fits of the classes ({@link HouseholdClass})
 * all call this method, so the three cannot drift apart. Stateless.
 */
public final class RelativesRule {
    /** No class of relatives applies to the pair. */
    public static final int NONE = -1;
    /** Relatives of one home. */
    public static final int HOUSEHOLD = 0;
    /** Relatives apart: a surname shared, no home. */
    public static final int APART = 1;

    private RelativesRule() {
    }

    /**
     * The class of relatives a pair can belong to.
     *
     * @param home           per comparison, whether its first level means a shared home
     * @param distinguishing per comparison, whether it tells relatives apart (forename, date of birth)
     * @param kin            per comparison, whether relatives apart share it (the surname)
     * @param levelWeights   the model's {@code log2(m/u)} per comparison and level
     * @param levelsOfPair   the pair's level per comparison
     */
    public static int classOf(boolean[] home, boolean[] distinguishing, boolean[] kin, double[][] levelWeights,
                              int[] levelsOfPair) {
        boolean atHome = false;
        boolean differs = false;
        boolean differsClearly = false;
        boolean kinAgree = false;
        for (int c = 0; c < levelsOfPair.length; c++) {
            int l = levelsOfPair[c];
            atHome |= home[c] && l == 0;
            differs |= distinguishing[c] && levelWeights[c][l] <= 0;
            differsClearly |= distinguishing[c] && levelWeights[c][l] < 0;
            kinAgree |= kin[c] && l == 0;
        }
        if (atHome) {
            return differs ? HOUSEHOLD : NONE;
        }
        return kinAgree && differsClearly ? APART : NONE;
    }

    /** {@link #classOf(boolean[], boolean[], boolean[], double[][], int[])} of candidate pair {@code k}, read from columns. */
    public static int classOf(boolean[] home, boolean[] distinguishing, boolean[] kin, double[][] levelWeights,
                              byte[][] levels, int k, int[] scratch) {
        for (int c = 0; c < scratch.length; c++) {
            scratch[c] = levels[c][k];
        }
        return classOf(home, distinguishing, kin, levelWeights, scratch);
    }
}
