package io.github.palimpsest.pipeline;

import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.score.Explanation;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.TermFrequencies;
import java.util.List;
import java.util.OptionalInt;

/**
 * A {@link MatchModel} read by position: comparison {@code c} is the {@code c}-th of
 * {@link MatchModel#comparisonNames()}, level {@code l} the {@code l}-th of its levels, and a pair is an array
 * of one level index per comparison. This is how the pipeline scores millions of pairs without a lookup per
 * value; an embedding developer reads a model by {@link io.github.palimpsest.compare.Comparison} and
 * {@link ComparisonLevel} instead ({@link MatchModel#m(io.github.palimpsest.compare.Comparison, ComparisonLevel)}
 * and its neighbours). Not API: the package is not exported.
 *
 * <p>{@link #of(MatchModel)} gives the view; the implementation lives in {@code MatchModel} (it reads the
 * model's private tables), which hands it over through {@link LibraryAccess}. A view is cheap: a caller that
 * scores many pairs takes it once.
 */
public interface IndexedModel {

    /** No term frequency supplied for a comparison: {@link #matchWeight(int[], double[])} makes no adjustment. */
    double NO_TERM_FREQUENCY = Double.NaN;

    /** The index-based view of {@code model}. */
    static IndexedModel of(MatchModel model) {
        return LibraryAccess.indexed(model);
    }

    /** The model this view reads. */
    MatchModel model();

    /** The number of comparisons; level arrays passed to this model have this length. */
    int comparisonCount();

    /** The position of a comparison by name, or empty when the model has no such comparison. */
    OptionalInt indexOf(String comparisonName);

    /** The levels of comparison {@code c}, most similar first. */
    List<ComparisonLevel> levels(int c);

    /** {@code m} of level {@code l} of comparison {@code c} (1.0 for the neutral level). */
    double m(int c, int l);

    /** {@code u} of level {@code l} of comparison {@code c} (1.0 for the neutral level). */
    double u(int c, int l);

    /** The weight {@code log2(m/u)} of level {@code l} of comparison {@code c}, exactly 0 when neutral. */
    double levelWeight(int c, int l);

    /** The exact-match level of comparison {@code c} if it takes term-frequency adjustment, else empty. */
    OptionalInt termFrequencyLevel(int c);

    /**
     * The match weight of a pair: prior weight plus the weight of each comparison's level, plus the
     * {@linkplain #householdAdjustment(int[]) relatives' adjustment}.
     *
     * @param levelsOfPair one level index per comparison, in model order
     * @throws IllegalArgumentException if the array has the wrong length or a level is out of range
     */
    double matchWeight(int[] levelsOfPair);

    /**
     * The match weight of a pair with term-frequency adjustment. For each comparison that takes it and
     * whose level is its exact-match level, {@code termFrequencies[c]} (the relative frequency of the
     * shared value, see {@link TermFrequencies}) replaces that level's {@code u}; it is floored at
     * {@link MatchModel#minimumTermFrequency()}. Pass {@link #NO_TERM_FREQUENCY} (NaN) where no frequency is
     * known.
     *
     * @throws IllegalArgumentException if an array has the wrong length, a level is out of range, or a term
     *                                  frequency is outside [0, 1] and not NaN
     */
    double matchWeight(int[] levelsOfPair, double[] termFrequencies);

    /** Whether comparison {@code c} at its first level marks two records as sharing a home. */
    boolean isHomeComparison(int c);

    /**
     * Whether comparison {@code c} tells relatives apart: a pair can be two relatives of one home only when
     * at least one such comparison is not evidence for a match.
     */
    boolean isDistinguishingComparison(int c);

    /** Whether comparison {@code c} at its first level is what relatives apart share (the surname). */
    boolean isKinComparison(int c);

    /** The household class's probability of level {@code l} of comparison {@code c}; 1.0 at neutral levels, NaN without a class. */
    double h(int c, int l);

    /** {@code log2(h/u)} of a level, 0 at neutral levels and without a household class. */
    double householdLevelWeight(int c, int l);

    /** The class of relatives apart's probability of level {@code l} of comparison {@code c}; 1.0 at neutral levels, NaN without the class. */
    double k(int c, int l);

    /** {@code log2(k/u)} of a level, 0 at neutral levels and without a class of relatives apart. */
    double relativesApartLevelWeight(int c, int l);

    /**
     * What the household class takes off a pair's match weight, in bits (0 or negative). Two records that
     * share a home and a surname but differ in forename or generation agree on so much that a two-class
     * model links them; the household class is the third explanation for such a pair. For a pair that
     * shares a home, with {@code H} the sum of its levels' {@link #householdLevelWeight}, η the household
     * prior and λ the prior, the adjustment is {@code -log2(1 + η·2^H / (1 − λ))}: the match weight becomes
     * the log-odds of a match against both other classes. 0 for a pair that shares no home, and without a
     * household class.
     *
     * <p>With a {@linkplain MatchModel#hasRelativesApartClass class of relatives apart}, a pair that shares no
     * home but a kin comparison's first level (the surname), and whose forename or date of birth is evidence
     * against a match (a negative weight), is weighed against that class instead, in the same way with its
     * prior κ and the sum {@code K} of its {@link #relativesApartLevelWeight}s: twins or siblings at different
     * addresses, whose shared rare surname and birth date would otherwise read as one person.
     */
    double householdAdjustment(int[] levelsOfPair);

    /**
     * {@link #householdAdjustment(int[])} with term frequencies: a relative shares a surname by kinship, not
     * by chance, so against a stranger, agreement on a rare value is as much stronger evidence for the
     * household class as it is for a match. Each term-frequency adjustment the match weight gets is added to
     * {@code H} too, and the match-against-household odds stay independent of how common the shared name is.
     * Without it a rare surname at one home reads as one person, the more so the larger the pool, where a rare
     * name's adjustment is largest (docs/model.md).
     *
     * @param termFrequencies as for {@link #matchWeight(int[], double[])}
     */
    double householdAdjustment(int[] levelsOfPair, double[] termFrequencies);

    /**
     * {@link #householdAdjustment(int[])} for a pair that shares a home, from the sum {@code H} of its
     * household level weights (for callers that sum them themselves, as a batch does). 0 without a class.
     */
    double householdAdjustmentForWeight(double householdBits);

    /**
     * What the class of relatives apart takes off the match weight of a pair that can be two such relatives,
     * from the sum {@code K} of its level weights and term-frequency adjustments:
     * {@code -log2(1 + κ·2^K / (1 − λ))}, κ the class's prior. 0 without the class.
     */
    double relativesApartAdjustmentForWeight(double kinBits);

    /** {@link #explain(int[], double[])} without term frequencies. */
    Explanation explain(int[] levelsOfPair);

    /**
     * Explains a pair's match weight: the prior weight and one row per comparison (level, weight,
     * term-frequency adjustment). Its total equals {@link #matchWeight(int[], double[])} exactly.
     */
    Explanation explain(int[] levelsOfPair, double[] termFrequencies);

    /**
     * The term-frequency adjustment a pair gets on comparison {@code c} when it falls in that comparison's
     * {@linkplain #termFrequencyLevel(int) term-frequency level} and the shared value has frequency
     * {@code termFrequency}: the same number {@link #matchWeight(int[], double[])} and
     * {@link #explain(int[], double[])} add, bit for bit, so that a batch can compute it once per record
     * instead of once per pair. 0 when the comparison takes no adjustment or the frequency is
     * {@link #NO_TERM_FREQUENCY}.
     *
     * @throws IndexOutOfBoundsException if there is no comparison {@code c}
     * @throws IllegalArgumentException if the frequency is outside [0, 1] and not NaN
     */
    double termFrequencyAdjustment(int c, double termFrequency);
}
