package io.github.palimpsest.score;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the parameters of a {@link MatchModel}; {@link #build()} validates them all and fails with a
 * message that names the comparison and level at fault.
 *
 * <p>Rules checked by {@link #build()}:
 * <ul>
 *   <li>the prior λ is in (0, 1), the minimum term frequency in (0, 1];</li>
 *   <li>there is at least one comparison; names are unique and not blank;</li>
 *   <li>each comparison has at least two levels, exactly one of them neutral, with distinct labels;</li>
 *   <li>{@code m} and {@code u} have one entry per level; for non-neutral levels each is finite and in
 *       (0, 1], and each sums to 1 (within 1e-6) over the non-neutral levels. Entries at the neutral
 *       level are ignored (the model reports them as 1.0);</li>
 *   <li>a term-frequency level, when given, is a non-neutral level of a comparison of the model;</li>
 *   <li>a household class, when given, has a prior in (0, 1) with λ + its prior &lt; 1, names at least one
 *       comparison of the model as a home comparison, and gives every comparison {@code h} values that
 *       obey the same rules as {@code m};</li>
 *   <li>a class of relatives apart, when given, has a prior in (0, 1) with λ + both relatives' priors &lt; 1,
 *       needs the household class, names at least one comparison of the model as a kin comparison, and
 *       gives every comparison {@code k} values that obey the same rules as {@code m}.</li>
 * </ul>
 *
 * <p>Not thread-safe: use one builder per thread. Arrays passed in are copied.
 */
public final class MatchModelBuilder {

    /** Sums of m or u over non-neutral levels may differ from 1 by this much (rounding of hand-written files). */
    static final double SUM_TOLERANCE = 1e-6;
    /** Default floor for term frequencies: a value shared by one record in a million. */
    public static final double DEFAULT_MINIMUM_TERM_FREQUENCY = 1e-6;

    double prior = Double.NaN;
    double minimumTermFrequency = DEFAULT_MINIMUM_TERM_FREQUENCY;
    final List<String> names = new ArrayList<>();
    final List<List<ComparisonLevel>> levels = new ArrayList<>();
    final List<double[]> m = new ArrayList<>();
    final List<double[]> u = new ArrayList<>();
    final List<Integer> termFrequencyLevels = new ArrayList<>();
    double householdPrior;
    final List<String> homeComparisons = new ArrayList<>();
    final List<String> distinguishingComparisons = new ArrayList<>();
    final Map<String, double[]> h = new HashMap<>();
    double kinPrior;
    String trainingNote = "";
    final List<String> kinComparisons = new ArrayList<>();
    final Map<String, double[]> k = new HashMap<>();

    MatchModelBuilder() {
    }

    /** A note on how training went (see {@link MatchModel#trainingNote()}); empty for none. */
    public MatchModelBuilder trainingNote(String note) {
        this.trainingNote = checkNotNull(note, "note");
        return this;
    }

    /** Sets the prior λ, the probability that two records drawn at random are the same person; required. */
    public MatchModelBuilder prior(double lambda) {
        this.prior = lambda;
        return this;
    }

    /** Sets the floor for term frequencies (default {@value #DEFAULT_MINIMUM_TERM_FREQUENCY}). */
    public MatchModelBuilder minimumTermFrequency(double floor) {
        this.minimumTermFrequency = floor;
        return this;
    }

    /**
     * Adds a comparison with its levels (most similar first) and its {@code m} and {@code u}, one entry per
     * level. Comparisons are kept in the order added, which is the order of level arrays.
     */
    public MatchModelBuilder comparison(String name, List<ComparisonLevel> comparisonLevels, double[] mPerLevel,
                                        double[] uPerLevel) {
        names.add(name);
        levels.add(ImmutableList.copyOf(comparisonLevels));
        m.add(mPerLevel.clone());
        u.add(uPerLevel.clone());
        termFrequencyLevels.add(-1);
        return this;
    }

    /** Adds a comparison taking its name and levels from a {@link Comparison}. */
    public MatchModelBuilder comparison(Comparison<?> comparison, double[] mPerLevel, double[] uPerLevel) {
        return comparison(comparison.name(), comparison.levels(), mPerLevel, uPerLevel);
    }

    /**
     * Replaces the {@code m} probabilities of an already added comparison, one entry per level (for
     * re-estimating m from a subset of pairs known to be matches with high confidence).
     *
     * @throws IllegalArgumentException if no comparison of that name has been added or the length differs
     */
    public MatchModelBuilder m(String comparisonName, double[] mPerLevel) {
        return replace(m, "m", comparisonName, mPerLevel);
    }

    /**
     * Replaces the {@code u} probabilities of an already added comparison, one entry per level (for a
     * {@code u} counted over every pair rather than sampled).
     *
     * @throws IllegalArgumentException if no comparison of that name has been added or the length differs
     */
    public MatchModelBuilder u(String comparisonName, double[] uPerLevel) {
        return replace(u, "u", comparisonName, uPerLevel);
    }

    private MatchModelBuilder replace(List<double[]> probabilities, String kind, String comparisonName,
            double[] perLevel) {
        int c = names.lastIndexOf(comparisonName);
        checkArgument(c >= 0, "no comparison named '%s' has been added", comparisonName);
        checkArgument(perLevel.length == levels.get(c).size(), "comparison '%s' has %s levels, got %s %s values",
                comparisonName, levels.get(c).size(), perLevel.length, kind);
        probabilities.set(c, perLevel.clone());
        return this;
    }

    /**
     * Opts an already added comparison into term-frequency adjustment, naming its exact-match level (one of
     * its levels, e.g. {@code SurnameComparison.EXACT}; not the neutral one).
     *
     * @throws IllegalArgumentException if no comparison of that name has been added, or the level is not one
     *                                  of its levels
     */
    public MatchModelBuilder termFrequencyLevel(String comparisonName, ComparisonLevel exactLevel) {
        checkNotNull(exactLevel, "exactLevel");
        int c = names.lastIndexOf(comparisonName);
        checkArgument(c >= 0, "no comparison named '%s' has been added", comparisonName);
        int level = levels.get(c).indexOf(exactLevel);
        checkArgument(level >= 0, "comparison '%s' has no level %s", comparisonName, exactLevel.label());
        return termFrequencyLevel(comparisonName, level);
    }

    /** The same by level index, for the model file, whose levels are numbered; checked by {@link #build()}. */
    MatchModelBuilder termFrequencyLevel(String comparisonName, int exactLevel) {
        int c = names.lastIndexOf(comparisonName);
        checkArgument(c >= 0, "no comparison named '%s' has been added", comparisonName);
        termFrequencyLevels.set(c, exactLevel);
        return this;
    }

    /**
     * Adds a third class to the model, besides matches and strangers: relatives who share a home (see
     * {@code docs/model.md}). {@code prior} is the share of all pairs that are such
     * relatives; a pair counts as sharing a home when any of {@code homeComparisons} is at its first (most
     * similar) level, and it can be two relatives only when at least one of {@code distinguishing} is not
     * evidence for a match (its level weight is 0 or less): relatives differ in forename or date of birth.
     * Give each comparison's {@code h} with {@link #h}. A prior of 0 removes the class.
     */
    public MatchModelBuilder householdClass(double prior, List<String> homeComparisons,
                                            List<String> distinguishing) {
        this.householdPrior = prior;
        this.homeComparisons.clear();
        this.homeComparisons.addAll(homeComparisons);
        this.distinguishingComparisons.clear();
        this.distinguishingComparisons.addAll(distinguishing);
        return this;
    }

    /**
     * Sets the household class's level probabilities for a comparison, one entry per level, like {@code m}:
     * the share of pairs of relatives of one home that fall in each level.
     */
    public MatchModelBuilder h(String comparisonName, double[] hPerLevel) {
        h.put(comparisonName, hPerLevel.clone());
        return this;
    }

    /**
     * Adds a fourth class, besides the household class: relatives who do <em>not</em> share a home (see
     * {@code docs/model.md}), such as twins or siblings at different
     * addresses. {@code prior} is their share of all pairs; a pair can be two such relatives when none of the
     * household class's home comparisons is at its first level, some of {@code kinComparisons} (the
     * surname) is at its first level, and some of the household class's distinguishing comparisons is
     * evidence against a match (a level weight below 0). Give each comparison's {@code k} with {@link #k}.
     * A prior of 0 removes the class.
     */
    public MatchModelBuilder relativesApartClass(double prior, List<String> kinComparisons) {
        this.kinPrior = prior;
        this.kinComparisons.clear();
        this.kinComparisons.addAll(kinComparisons);
        return this;
    }

    /** Sets the class of relatives apart's level probabilities for a comparison, one entry per level, like {@code m}. */
    public MatchModelBuilder k(String comparisonName, double[] kPerLevel) {
        k.put(comparisonName, kPerLevel.clone());
        return this;
    }

    /**
     * Validates the parameters and builds the immutable model.
     *
     * @throws IllegalArgumentException if a rule in the class description is broken
     */
    public MatchModel build() {
        checkArgument(prior > 0 && prior < 1, "prior must be in (0, 1), got %s", prior);
        checkArgument(minimumTermFrequency > 0 && minimumTermFrequency <= 1,
                "minimumTermFrequency must be in (0, 1], got %s", minimumTermFrequency);
        checkArgument(!names.isEmpty(), "a model needs at least one comparison");
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c);
            checkArgument(name != null && !name.isBlank(), "comparison %s has a blank name", c);
            checkArgument(seen.add(name), "comparison name '%s' appears twice", name);
            validateComparison(name, levels.get(c), m.get(c), u.get(c), termFrequencyLevels.get(c));
        }
        if (householdPrior != 0) {
            checkArgument(householdPrior > 0 && householdPrior < 1 && prior + householdPrior < 1,
                    "household prior must be in (0, 1 - prior), got %s", householdPrior);
            checkArgument(!homeComparisons.isEmpty(), "a household class needs at least one home comparison");
            checkNamed(homeComparisons, "home");
            checkNamed(distinguishingComparisons, "distinguishing");
            checkClassLevels(h, "the household class", "h");
        }
        if (kinPrior != 0) {
            checkArgument(householdPrior > 0, "a class of relatives apart needs the household class");
            checkArgument(kinPrior > 0 && kinPrior < 1 && prior + householdPrior + kinPrior < 1,
                    "the prior of relatives apart must be in (0, 1 - prior - household prior), got %s", kinPrior);
            checkArgument(!kinComparisons.isEmpty(), "a class of relatives apart needs at least one kin comparison");
            checkNamed(kinComparisons, "kin");
            checkClassLevels(k, "the class of relatives apart", "k");
        }
        return new MatchModel(this);
    }

    /** Every comparison a class names in some role is a comparison of the model. */
    private void checkNamed(List<String> named, String role) {
        for (String name : named) {
            checkArgument(names.contains(name), "%s comparison '%s' is not a comparison of the model", role, name);
        }
    }

    /** A class of relatives gives every comparison level probabilities that obey the rules for m. */
    private void checkClassLevels(Map<String, double[]> probabilities, String what, String letter) {
        for (int c = 0; c < names.size(); c++) {
            double[] pc = probabilities.get(names.get(c));
            checkArgument(pc != null, "%s has no %s for comparison '%s'", what, letter, names.get(c));
            validateComparison(names.get(c), levels.get(c), pc, u.get(c), -1);
        }
    }

    private static void validateComparison(String name, List<ComparisonLevel> lv, double[] mc, double[] uc,
                                           int tfLevel) {
        checkArgument(lv.size() >= 2, "comparison '%s' needs at least two levels, got %s", name, lv.size());
        checkArgument(lv.stream().filter(ComparisonLevel::isNeutral).count() == 1,
                "comparison '%s' must have exactly one neutral level", name);
        checkArgument(lv.stream().map(ComparisonLevel::label).distinct().count() == lv.size(),
                "comparison '%s' has two levels with the same label", name);
        checkArgument(mc.length == lv.size() && uc.length == lv.size(),
                "comparison '%s' has %s levels but %s m and %s u values", name, lv.size(), mc.length, uc.length);
        double mSum = 0;
        double uSum = 0;
        for (int l = 0; l < lv.size(); l++) {
            if (lv.get(l).isNeutral()) {
                continue;
            }
            checkProbability(name, lv.get(l).label(), "m", mc[l]);
            checkProbability(name, lv.get(l).label(), "u", uc[l]);
            mSum += mc[l];
            uSum += uc[l];
        }
        checkArgument(Math.abs(mSum - 1) <= SUM_TOLERANCE,
                "m of the non-neutral levels of '%s' must sum to 1, got %s", name, mSum);
        checkArgument(Math.abs(uSum - 1) <= SUM_TOLERANCE,
                "u of the non-neutral levels of '%s' must sum to 1, got %s", name, uSum);
        if (tfLevel != -1) {
            checkArgument(tfLevel >= 0 && tfLevel < lv.size() && !lv.get(tfLevel).isNeutral(),
                    "term-frequency level %s of '%s' must be one of its non-neutral levels", tfLevel, name);
        }
    }

    private static void checkProbability(String name, String label, String which, double p) {
        checkArgument(p > 0 && p <= 1, "%s of level '%s' of '%s' must be in (0, 1], got %s", which, label, name, p);
    }
}
