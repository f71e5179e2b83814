package io.github.palimpsest.score;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.pipeline.LibraryAccess;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * A Fellegi–Sunter match model: for each comparison, the probability of each level among matching pairs
 * ({@code m}) and among non-matching pairs ({@code u}), and the prior probability λ that two records drawn
 * at random from the pool are the same person.
 *
 * <p>All weights are in bits (log base 2). The weight of a level is {@code log2(m/u)}; a neutral level
 * (missing or purged data) weighs exactly 0. The prior weight is {@code log2(λ/(1−λ))}, and the match
 * weight of a pair is the prior weight plus the weight of the level it falls in for each comparison,
 * summed in comparison order. {@link #probability(double)} turns a weight into a probability.
 *
 * <p>Term-frequency adjustment: a comparison may name its exact-match level. When a pair falls in that
 * level and the caller supplies the relative frequency {@code tf} of the shared value, the level's
 * {@code u} is replaced by {@code tf} (floored at {@link #minimumTermFrequency()}), so agreeing on a rare
 * surname counts for more than agreeing on a common one. The difference is shown separately as the
 * term-frequency adjustment {@code log2(u/tf)}.
 *
 * <p>For the non-neutral levels of a comparison, {@code m} and {@code u} each sum to 1: they are
 * distributions conditional on both values being usable. A neutral level's {@code m} and {@code u} are
 * both reported as 1.0, the convention that makes its weight {@code log2(1/1) = 0}.
 *
 * <p>Immutable, thread-safe and serializable. Logarithms use {@link StrictMath}, so a model gives the same
 * weights, to the last bit, on every platform. A model is read by {@link Comparison} and {@link ComparisonLevel}
 * ({@link #levels(Comparison)}, {@link #m(Comparison, ComparisonLevel)}, ...); the linker itself scores pairs
 * through an index-based view that is not part of the API. Example:
 * <pre>{@code
 * SurnameComparison surname = SurnameComparison.standard();
 * MatchModel model = linker.train(records);
 * for (ComparisonLevel level : model.levels(surname)) {
 *     lines.add(level.label() + ": m " + model.m(surname, level) + ", u " + model.u(surname, level)
 *             + ", weight " + model.levelWeight(surname, level) + " bits");
 * }
 * model.save(Path.of("model.json"));
 * }</pre>
 */
public final class MatchModel implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final double LN2 = StrictMath.log(2.0);

    static {
        LibraryAccess.installIndexedModels(MatchModel::indexed);
    }

    private final double prior;
    private final double priorWeight;
    private final double minimumTermFrequency;
    private final ImmutableList<String> names;
    private final ImmutableList<ImmutableList<ComparisonLevel>> levels;
    private final double[][] m;
    private final double[][] u;
    private final double[][] weights;
    private final int[] termFrequencyLevels;
    /** The household class and the class of relatives apart, either or both possibly absent. */
    private final Relatives relatives;
    /** How training went when it did not go as planned (a fallback), or empty. */
    private final String trainingNote;

    MatchModel(MatchModelBuilder b) {
        this.prior = b.prior;
        this.trainingNote = b.trainingNote;
        this.priorWeight = log2(prior / (1.0 - prior));
        this.minimumTermFrequency = b.minimumTermFrequency;
        this.names = ImmutableList.copyOf(b.names);
        ImmutableList.Builder<ImmutableList<ComparisonLevel>> lv = ImmutableList.builder();
        b.levels.forEach(l -> lv.add(ImmutableList.copyOf(l)));
        this.levels = lv.build();
        int n = names.size();
        this.m = new double[n][];
        this.u = new double[n][];
        this.weights = new double[n][];
        this.termFrequencyLevels = b.termFrequencyLevels.stream().mapToInt(Integer::intValue).toArray();
        for (int c = 0; c < n; c++) {
            int k = levels.get(c).size();
            m[c] = new double[k];
            u[c] = new double[k];
            weights[c] = new double[k];
            for (int l = 0; l < k; l++) {
                boolean neutral = levels.get(c).get(l).isNeutral();
                m[c][l] = neutral ? 1.0 : b.m.get(c)[l];
                u[c][l] = neutral ? 1.0 : b.u.get(c)[l];
                // Neutral levels weigh exactly 0: missing data is no evidence either way.
                weights[c][l] = neutral ? 0.0 : log2(m[c][l] / u[c][l]);
            }
        }
        this.relatives = new Relatives(b, names, levels, u);
    }

    /** A builder for a model; see {@link MatchModelBuilder} for what {@code build()} validates. */
    public static MatchModelBuilder builder() {
        return new MatchModelBuilder();
    }

    /** A builder holding this model's parameters, to derive a changed model. */
    public MatchModelBuilder toBuilder() {
        MatchModelBuilder b = builder().prior(prior).minimumTermFrequency(minimumTermFrequency);
        for (int c = 0; c < names.size(); c++) {
            b.comparison(names.get(c), levels.get(c), m[c], u[c]);
            if (termFrequencyLevels[c] >= 0) {
                b.termFrequencyLevel(names.get(c), termFrequencyLevels[c]);
            }
        }
        relatives.addTo(b, names);
        return b.trainingNote(trainingNote);
    }

    /**
     * What training could not do and what was used instead, e.g. "training failed its health check (...):
     * the bundled default model, prior scaled to the pool"; empty for a model trained as planned. Saved
     * in the model's JSON as {@code "training"}; not part of {@link #equals}, which compares parameters.
     */
    public String trainingNote() {
        return trainingNote;
    }

    /** This model with a training note (see {@link #trainingNote()}). */
    public MatchModel withTrainingNote(String note) {
        return toBuilder().trainingNote(note).build();
    }

    /**
     * This model moved to a pool of another size. Each class prior (the match prior λ, and the household
     * and relatives-apart classes' shares) is the chance that two records drawn at random from the pool
     * belong to that class. A record's expected number of partners in each class does not depend on the
     * pool's size, so the priors fall as the pool grows: each is multiplied by
     * {@code (trainedRecords − 1) / (poolRecords − 1)}. Everything else (m, u, h, k, term-frequency levels)
     * is unchanged, because it describes pairs of one class, not how many there are.
     *
     * <p>For a model trained on one pool and used on a much larger one, such as the bundled model in a
     * large {@code LinkIndex}: with the same priors it would link too readily there.
     *
     * @param trainedRecords the number of records in the pool the model was trained on, at least 2
     * @param poolRecords    the number of records in the pool it will score, at least 2
     * @throws IllegalArgumentException if a count is below 2, or the scaled priors leave no room for
     *                                  non-matches (their sum reaches 1)
     */
    public MatchModel scaledToPool(long trainedRecords, long poolRecords) {
        checkArgument(trainedRecords >= 2 && poolRecords >= 2,
                "a pool has at least 2 records, got %s and %s", trainedRecords, poolRecords);
        double factor = (trainedRecords - 1.0) / (poolRecords - 1.0);
        MatchModelBuilder b = toBuilder().prior(prior * factor);
        b.householdPrior *= factor;
        b.kinPrior *= factor;
        return b.build();
    }

    /** Log base 2, computed with {@link StrictMath} so every platform gives the same bits. */
    static double log2(double x) {
        return StrictMath.log(x) / LN2;
    }

    /**
     * The probability corresponding to a match weight: {@code 2^w / (1 + 2^w)}. Monotone non-decreasing,
     * in [0, 1]; {@code +∞} gives 1 and {@code −∞} gives 0.
     */
    public static double probability(double weight) {
        // 1 / (1 + 2^-w) is the same quantity and never overflows to ∞/∞.
        return 1.0 / (1.0 + StrictMath.pow(2.0, -weight));
    }

    /** The prior λ: the probability that two records drawn at random from the pool are the same person. */
    public double prior() {
        return prior;
    }

    /** {@code log2(λ / (1 − λ))}, the starting point of every pair's match weight. */
    public double priorWeight() {
        return priorWeight;
    }

    /** The floor applied to term frequencies, so that a value never seen before cannot give an infinite weight. */
    public double minimumTermFrequency() {
        return minimumTermFrequency;
    }

    /** The comparison names, in the order of the level arrays. */
    public List<String> comparisonNames() {
        return names;
    }

    /**
     * The levels of a comparison of this model, most similar first.
     *
     * @throws IllegalArgumentException if the model has no comparison of that {@linkplain Comparison#name() name}
     */
    public List<ComparisonLevel> levels(Comparison<?> comparison) {
        return levels.get(comparisonIndex(comparison));
    }

    /**
     * {@code m} of a level of a comparison: the probability of the level among matching pairs (1.0 for a
     * neutral level).
     *
     * @throws IllegalArgumentException if the model has no such comparison, or the comparison no such level
     */
    public double m(Comparison<?> comparison, ComparisonLevel level) {
        int c = comparisonIndex(comparison);
        return m[c][levelIndex(c, level)];
    }

    /**
     * {@code u} of a level of a comparison: the probability of the level among non-matching pairs (1.0 for a
     * neutral level).
     *
     * @throws IllegalArgumentException if the model has no such comparison, or the comparison no such level
     */
    public double u(Comparison<?> comparison, ComparisonLevel level) {
        int c = comparisonIndex(comparison);
        return u[c][levelIndex(c, level)];
    }

    /**
     * The weight {@code log2(m/u)} of a level of a comparison, in bits; exactly 0 for a neutral level.
     *
     * @throws IllegalArgumentException if the model has no such comparison, or the comparison no such level
     */
    public double levelWeight(Comparison<?> comparison, ComparisonLevel level) {
        int c = comparisonIndex(comparison);
        return weights[c][levelIndex(c, level)];
    }

    private int comparisonIndex(Comparison<?> comparison) {
        int c = names.indexOf(comparison.name());
        checkArgument(c >= 0, "the model has no comparison '%s'; it has %s", comparison.name(), names);
        return c;
    }

    private int levelIndex(int c, ComparisonLevel level) {
        int l = levels.get(c).indexOf(level);
        checkArgument(l >= 0, "comparison '%s' has no level %s", names.get(c), level);
        return l;
    }

    /** This model read by comparison and level index (see {@link IndexedModel}). */
    IndexedModel indexed() {
        return new Indexed();
    }

    /**
     * Whether the model has a household class: a third class of pairs, besides matches and strangers, for
     * relatives who share a home, against which a pair that shares one is weighed (see {@code docs/model.md}).
     */
    public boolean hasHouseholdClass() {
        return relatives.has(Relatives.HOUSEHOLD);
    }

    /** The household class's share of all pairs; 0 without one. */
    public double householdPrior() {
        return relatives.prior(Relatives.HOUSEHOLD);
    }

    /**
     * {@link IndexedModel#householdAdjustment(int[], double[])} for arguments already checked: the one class of relatives
     * the pair can belong to, its level weights and the match weight's term-frequency adjustments summed.
     */
    private double relativesAdjustment(int[] levelsOfPair, double[] termFrequencies) {
        int cls = relatives.classOf(levelsOfPair, weights);
        if (cls == Relatives.NONE) {
            return 0.0;
        }
        double[][] classWeights = relatives.levelWeights(cls);
        double bits = 0;
        for (int c = 0; c < levelsOfPair.length; c++) {
            int l = levelsOfPair[c];
            bits += classWeights[c][l]
                    + (termFrequencies == null ? 0.0 : termFrequencyBits(c, l, termFrequencies[c]));
        }
        return relatives.adjustmentForWeight(cls, bits, prior);
    }

    /**
     * Whether the model has a class of relatives apart: relatives who share a surname but no home, such as
     * twins at different addresses (see {@code docs/model.md}).
     */
    public boolean hasRelativesApartClass() {
        return relatives.has(Relatives.APART);
    }

    /** The class of relatives apart's share of all pairs; 0 without one. */
    public double relativesApartPrior() {
        return relatives.prior(Relatives.APART);
    }

    private double termFrequencyBits(int c, int l, double tf) {
        if (l != termFrequencyLevels[c] || Double.isNaN(tf)) {
            return 0.0;
        }
        // Splink's approach: u for agreement on value x is the chance a random record also has x, tf(x).
        return log2(u[c][l] / Math.max(tf, minimumTermFrequency));
    }

    /**
     * The {@link IndexedModel} of this model: its tables read by comparison and level index, for the pipeline.
     * Installed into {@link LibraryAccess} below, so that it is reachable from the library's other packages
     * without being API.
     */
    private final class Indexed implements IndexedModel {

        @Override
        public MatchModel model() {
            return MatchModel.this;
        }

        @Override
        public int comparisonCount() {
            return names.size();
        }

        @Override
        public OptionalInt indexOf(String comparisonName) {
            int i = names.indexOf(comparisonName);
            return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
        }

        @Override
        public List<ComparisonLevel> levels(int c) {
            checkElementIndex(c, names.size(), "comparison");
            return levels.get(c);
        }

        @Override
        public double m(int c, int l) {
            checkLevel(c, l);
            return m[c][l];
        }

        @Override
        public double u(int c, int l) {
            checkLevel(c, l);
            return u[c][l];
        }

        @Override
        public double levelWeight(int c, int l) {
            checkLevel(c, l);
            return weights[c][l];
        }

        @Override
        public OptionalInt termFrequencyLevel(int c) {
            checkElementIndex(c, names.size(), "comparison");
            return termFrequencyLevels[c] < 0 ? OptionalInt.empty() : OptionalInt.of(termFrequencyLevels[c]);
        }

        @Override
        public double matchWeight(int[] levelsOfPair) {
            checkLevels(levelsOfPair);
            double total = priorWeight;
            for (int c = 0; c < levelsOfPair.length; c++) {
                total += weights[c][levelsOfPair[c]];
            }
            return total + relativesAdjustment(levelsOfPair, null);
        }

        @Override
        public boolean isHomeComparison(int c) {
            checkElementIndex(c, names.size(), "comparison");
            return relatives.isHome(c);
        }

        @Override
        public boolean isDistinguishingComparison(int c) {
            checkElementIndex(c, names.size(), "comparison");
            return relatives.isDistinguishing(c);
        }

        @Override
        public double h(int c, int l) {
            checkLevel(c, l);
            return relatives.probability(Relatives.HOUSEHOLD, c, l);
        }

        @Override
        public double householdLevelWeight(int c, int l) {
            checkLevel(c, l);
            return relatives.levelWeight(Relatives.HOUSEHOLD, c, l);
        }

        @Override
        public double householdAdjustment(int[] levelsOfPair) {
            return householdAdjustment(levelsOfPair, null);
        }

        @Override
        public double householdAdjustment(int[] levelsOfPair, double[] termFrequencies) {
            checkLevels(levelsOfPair);
            if (termFrequencies != null) {
                checkFrequencies(termFrequencies);
            }
            return relativesAdjustment(levelsOfPair, termFrequencies);
        }

        @Override
        public boolean isKinComparison(int c) {
            checkElementIndex(c, names.size(), "comparison");
            return relatives.isKin(c);
        }

        @Override
        public double k(int c, int l) {
            checkLevel(c, l);
            return relatives.probability(Relatives.APART, c, l);
        }

        @Override
        public double relativesApartLevelWeight(int c, int l) {
            checkLevel(c, l);
            return relatives.levelWeight(Relatives.APART, c, l);
        }

        @Override
        public double relativesApartAdjustmentForWeight(double kinBits) {
            return relatives.adjustmentForWeight(Relatives.APART, kinBits, prior);
        }

        @Override
        public double householdAdjustmentForWeight(double householdBits) {
            return relatives.adjustmentForWeight(Relatives.HOUSEHOLD, householdBits, prior);
        }

        @Override
        public double matchWeight(int[] levelsOfPair, double[] termFrequencies) {
            checkLevels(levelsOfPair);
            checkFrequencies(termFrequencies);
            double total = priorWeight;
            for (int c = 0; c < levelsOfPair.length; c++) {
                int l = levelsOfPair[c];
                total += weights[c][l] + termFrequencyBits(c, l, termFrequencies[c]);
            }
            return total + relativesAdjustment(levelsOfPair, termFrequencies);
        }

        @Override
        public Explanation explain(int[] levelsOfPair) {
            double[] none = new double[names.size()];
            Arrays.fill(none, NO_TERM_FREQUENCY);
            return explain(levelsOfPair, none);
        }

        @Override
        public Explanation explain(int[] levelsOfPair, double[] termFrequencies) {
            checkLevels(levelsOfPair);
            checkFrequencies(termFrequencies);
            ImmutableList.Builder<Explanation.Row> rows = ImmutableList.builder();
            for (int c = 0; c < levelsOfPair.length; c++) {
                int l = levelsOfPair[c];
                ComparisonLevel level = levels.get(c).get(l);
                rows.add(new Explanation.Row(names.get(c), level.label(), level.isNeutral(), weights[c][l],
                        termFrequencyBits(c, l, termFrequencies[c])));
            }
            return new Explanation(prior, priorWeight, rows.build(), relativesAdjustment(levelsOfPair, termFrequencies),
                    relatives.classOf(levelsOfPair, weights) == Relatives.APART);
        }

        @Override
        public double termFrequencyAdjustment(int c, double termFrequency) {
            checkElementIndex(c, names.size(), "comparison");
            checkArgument(Double.isNaN(termFrequency) || termFrequency >= 0 && termFrequency <= 1,
                    "a term frequency must be in [0, 1] or NaN, got %s", termFrequency);
            return termFrequencyLevels[c] < 0 ? 0.0 : termFrequencyBits(c, termFrequencyLevels[c], termFrequency);
        }
    }

    /** This model as pretty-printed, versioned JSON (see {@code docs/model.md}); numbers round-trip exactly. */
    public String toJson() {
        return ModelJson.write(this);
    }

    /**
     * Reads a model from the JSON written by {@link #toJson()}, validating it fully.
     *
     * @throws ModelFormatException if the text is not valid JSON, is not a Palimpsest model of a known
     *                              version, or describes an invalid model; the message says where and why
     */
    public static MatchModel fromJson(String json) {
        return ModelJson.read(json);
    }

    /** Writes {@link #toJson()} to a file in UTF-8, replacing it. */
    public void save(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /**
     * Reads a model file written by {@link #save(Path)}.
     *
     * @throws ModelFormatException if the file's content is not a valid model, or the file is far larger than
     *                              any model (so a data file given by mistake is not read into memory); the
     *                              message names the file
     */
    public static MatchModel load(Path file) throws IOException {
        long size = Files.size(file);
        // Up to 4 UTF-8 bytes a character: a file this large cannot hold a model text the reader would accept.
        if (size > 4L * ModelJson.MAX_CHARS) {
            throw new ModelFormatException(file + ": " + size + " bytes is not a model file (a model has at most "
                    + ModelJson.MAX_CHARS + " characters)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ModelFormatException(file + ": not UTF-8 text, so not a model file", e);
        }
        try {
            return fromJson(text);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(file + ": " + e.getMessage(), e);
        }
    }

    private void checkLevel(int c, int l) {
        checkElementIndex(c, names.size(), "comparison");
        checkElementIndex(l, weights[c].length, "level");
    }

    private void checkLevels(int[] levelsOfPair) {
        checkArgument(levelsOfPair.length == names.size(),
                "expected %s levels (one per comparison), got %s", names.size(), levelsOfPair.length);
        for (int c = 0; c < levelsOfPair.length; c++) {
            int l = levelsOfPair[c];
            if (l < 0 || l >= weights[c].length) {
                throw new IllegalArgumentException("level " + l + " of comparison '" + names.get(c)
                        + "' is out of range: it has " + weights[c].length + " levels");
            }
        }
    }

    private void checkFrequencies(double[] termFrequencies) {
        checkArgument(termFrequencies.length == names.size(),
                "expected %s term frequencies (one per comparison, NaN for none), got %s",
                names.size(), termFrequencies.length);
        for (double tf : termFrequencies) {
            checkArgument(Double.isNaN(tf) || (tf >= 0 && tf <= 1),
                    "a term frequency must be in [0, 1] or NaN for none, got %s", tf);
        }
    }

    /** Two models are equal when every parameter is equal (doubles compared bit for bit). */
    @Override
    public boolean equals(Object o) {
        return o instanceof MatchModel other
                && Double.compare(prior, other.prior) == 0
                && Double.compare(minimumTermFrequency, other.minimumTermFrequency) == 0
                && names.equals(other.names)
                && levels.equals(other.levels)
                && Arrays.deepEquals(m, other.m)
                && Arrays.deepEquals(u, other.u)
                && Arrays.equals(termFrequencyLevels, other.termFrequencyLevels)
                && relatives.equals(other.relatives);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {prior, names, Arrays.deepHashCode(m), Arrays.deepHashCode(u)});
    }

    /** A short description: prior and comparison names, e.g. {@code MatchModel[prior=1.0E-4, surname, dob]}. */
    @Override
    public String toString() {
        return "MatchModel[prior=" + prior + ", " + String.join(", ", names) + "]";
    }
}
