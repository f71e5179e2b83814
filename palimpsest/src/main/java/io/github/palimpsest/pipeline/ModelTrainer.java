package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.MatchModelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link MatchModel} without labelled pairs, in two stages (see {@code docs/model.md}):
 * <ol>
 *   <li>{@link #estimateU}: {@code u} from the levels of record pairs drawn at random (nearly all of them
 *       non-matches), deterministic for the {@linkplain Builder#seed seed};</li>
 *   <li>{@link #estimateMAndPrior}: {@code m} and the prior λ by expectation–maximisation over the
 *       counted comparison vectors of the blocked candidate pairs, starting from a caller's estimate of λ
 *       (for example, from pairs that agree on a strong identifier); then, if the builder says so, {@code u}
 *       loses the matches the random pairs held, λ of them distributed as {@code m} ({@link #withoutMatches}).</li>
 * </ol>
 * {@link #train} runs both. Example:
 * <pre>{@code
 * ModelTrainer trainer = ModelTrainer.builder()
 *     .comparison(surname).comparison(dateOfBirth).termFrequencyLevel("surname", 0)
 *     .seed(42).build();
 * MatchModel model = trainer.train(records.size(), (i, j) -> levels(records.get(i), records.get(j)),
 *                                  candidateVectors, 1e-5);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the same inputs and seed always give the same model, bit for bit.
 */
public final class ModelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);
    /** Random pairs per sampling chunk: each chunk has its own random stream, split from the seed. */
    static final int U_CHUNK = 1 << 14;

    /**
     * The comparison levels of the pair of records at indexes {@code left} and {@code right}, one level
     * per comparison in the trainer's order. The trainer reads the array before the next call, so an
     * implementation may reuse one array; it must be safe to call from the training thread (with
     * {@link #estimateUInParallel}, each task has its own instance).
     */
    @FunctionalInterface
    public interface PairLevels {
        /** The levels of the pair ({@code left != right}, both in {@code [0, recordCount)}). */
        int[] levels(int left, int right);
    }

    private final ImmutableList<String> names;
    private final ImmutableList<ImmutableList<ComparisonLevel>> levels;
    private final ImmutableList<Integer> termFrequencyLevels;
    private final long seed;
    private final long uSamplePairs;
    private final int maxIterations;
    private final double tolerance;
    private final boolean fixU;
    private final boolean removeSampledMatches;
    private final double smoothing;
    private final boolean monotoneLevels;

    private ModelTrainer(Builder b) {
        this.names = ImmutableList.copyOf(b.names);
        this.levels = b.levels.stream().map(ImmutableList::copyOf).collect(ImmutableList.toImmutableList());
        this.termFrequencyLevels = ImmutableList.copyOf(b.termFrequencyLevels);
        this.seed = b.seed;
        this.uSamplePairs = b.uSamplePairs;
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
        this.fixU = b.fixU;
        this.removeSampledMatches = b.removeSampledMatches;
        this.smoothing = b.smoothing;
        this.monotoneLevels = b.monotoneLevels;
    }

    /**
     * A builder with the defaults: seed 0, 1,000,000 u pairs, at most 1,000 EM iterations, tolerance 1e-6,
     * u estimated among the candidates during EM ({@code fixU(false)}), Laplace smoothing 1.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Both stages: {@link #estimateU} then {@link #estimateMAndPrior}, with λ defined over the
     * {@code n(n−1)/2} pairs of the pool.
     */
    public MatchModel train(int recordCount, PairLevels pairs, ComparisonVectors candidates, double initialPrior) {
        MatchModel start = estimateU(recordCount, pairs, initialPrior);
        return estimateMAndPrior(start, candidates, pairCount(recordCount));
    }

    /** {@code n(n−1)/2}, the number of unordered pairs of distinct records. */
    public static long pairCount(int recordCount) {
        checkArgument(recordCount >= 0, "record count must not be negative, got %s", recordCount);
        return (long) recordCount * (recordCount - 1) / 2;
    }

    /**
     * Estimates {@code u} from pairs of distinct records drawn uniformly at random (with replacement);
     * when the pool has no more pairs than the sample size, every pair is compared once instead. Counts of
     * each non-neutral level are Laplace-smoothed; neutral outcomes are not counted. The few true matches
     * among random pairs are ignored, as they barely move {@code u}.
     *
     * <p>The sample is drawn in fixed chunks of {@value #U_CHUNK} pairs, chunk {@code k} from the
     * {@code k}-th {@link SplittableRandom#split() split} of {@code SplittableRandom(seed)}, so the pairs
     * drawn depend on the seed alone; this method draws them on the calling thread.
     *
     * @return a model with the sampled {@code u}, the given prior, and a starting {@code m} that falls by a
     *         factor of 4 from each level to the next
     * @throws IllegalArgumentException if there are fewer than two records or {@code pairs} returns a
     *                                  malformed level array
     */
    public MatchModel estimateU(int recordCount, PairLevels pairs, double initialPrior) {
        checkNotNull(pairs, "pairs");
        return estimateU(recordCount, () -> pairs, initialPrior, false);
    }

    /**
     * {@link #estimateU(int, PairLevels, double)} on several threads: the fixed chunks of the sample are
     * compared in parallel (in the fork–join pool the call runs in, or the common pool), each with a
     * {@link PairLevels} of its own from {@code pairsPerTask}, and their counts are added up in chunk order.
     * The model is the same, bit for bit, as the sequential method's, whatever the number of threads.
     *
     * @param pairsPerTask gives a {@link PairLevels} to each task; each is used by one thread at a time
     */
    public MatchModel estimateUInParallel(int recordCount, Supplier<? extends PairLevels> pairsPerTask,
            double initialPrior) {
        checkNotNull(pairsPerTask, "pairsPerTask");
        return estimateU(recordCount, pairsPerTask, initialPrior, true);
    }

    private MatchModel estimateU(int recordCount, Supplier<? extends PairLevels> pairsPerTask, double initialPrior,
            boolean parallel) {
        checkArgument(recordCount >= 2, "u needs at least two records, got %s", recordCount);
        long total = pairCount(recordCount);
        double[][] counts;
        if (total <= uSamplePairs) {
            // Every pair once: task k takes the pairs whose left record is k, k + T, k + 2T, ...
            int tasks = (int) Math.min(recordCount, 64);
            counts = countInTasks(tasks, parallel, pairsPerTask, (task, pairs, sink) -> {
                for (int i = task; i < recordCount; i += tasks) {
                    for (int j = i + 1; j < recordCount; j++) {
                        count(sink, pairs.levels(i, j));
                    }
                }
            });
        } else {
            int chunks = (int) ((uSamplePairs + U_CHUNK - 1) / U_CHUNK);
            SplittableRandom root = new SplittableRandom(seed);
            SplittableRandom[] streams = new SplittableRandom[chunks];
            for (int k = 0; k < chunks; k++) {
                streams[k] = root.split();
            }
            counts = countInTasks(chunks, parallel, pairsPerTask, (chunk, pairs, sink) -> {
                SplittableRandom random = streams[chunk];
                long size = Math.min(U_CHUNK, uSamplePairs - (long) chunk * U_CHUNK);
                for (long k = 0; k < size; k++) {
                    int i = random.nextInt(recordCount);
                    int j = random.nextInt(recordCount - 1);
                    // Uniform over ordered pairs of distinct records, hence over unordered ones.
                    count(sink, pairs.levels(i, j >= i ? j + 1 : j));
                }
            });
        }
        LOG.info("estimated u from {} record pairs", Math.min(total, uSamplePairs));
        MatchModelBuilder model = MatchModel.builder().prior(initialPrior);
        for (int c = 0; c < names.size(); c++) {
            boolean[] neutral = neutralMask(levels.get(c));
            double[] u = new double[neutral.length];
            ExpectationMaximisation.update(u, counts[c], neutral, smoothing);
            model.comparison(names.get(c), levels.get(c), startingM(neutral), u);
            if (termFrequencyLevels.get(c) >= 0) {
                model.termFrequencyLevel(names.get(c), levels.get(c).get(termFrequencyLevels.get(c)));
            }
        }
        return model.build();
    }

    /** Counts one task's pairs into its own array of level counts. */
    @FunctionalInterface
    private interface CountTask {
        void run(int task, PairLevels pairs, long[][] sink);
    }

    /**
     * Runs the tasks, each counting into its own arrays, and adds the counts up in task order. Counts are
     * integers, so the sum is exact whatever the order; the fixed order is for the reader's peace of mind.
     */
    private double[][] countInTasks(int tasks, boolean parallel, Supplier<? extends PairLevels> pairsPerTask,
            CountTask work) {
        long[][][] perTask = new long[tasks][][];
        IntStream indexes = IntStream.range(0, tasks);
        (parallel ? indexes.parallel() : indexes).forEach(task -> {
            long[][] sink = new long[names.size()][];
            for (int c = 0; c < sink.length; c++) {
                sink[c] = new long[levels.get(c).size()];
            }
            work.run(task, checkNotNull(pairsPerTask.get(), "pairsPerTask returned null"), sink);
            perTask[task] = sink;
        });
        double[][] counts = new double[names.size()][];
        for (int c = 0; c < counts.length; c++) {
            long[] sum = new long[levels.get(c).size()];
            for (long[][] task : perTask) {
                for (int l = 0; l < sum.length; l++) {
                    sum[l] += task[c][l];
                }
            }
            counts[c] = new double[sum.length];
            for (int l = 0; l < sum.length; l++) {
                counts[c][l] = sum[l];
            }
        }
        return counts;
    }

    private void count(long[][] counts, int[] pairLevels) {
        checkArgument(pairLevels.length == counts.length,
                "expected %s levels (one per comparison), got %s", counts.length, pairLevels.length);
        for (int c = 0; c < counts.length; c++) {
            int l = pairLevels[c];
            if (l < 0 || l >= counts[c].length) {
                throw new IllegalArgumentException(String.format("level %s of comparison '%s' is out of range "
                        + "[0, %s)", l, names.get(c), counts[c].length));
            }
            counts[c][l]++;
        }
    }

    /**
     * Estimates {@code m} and λ by expectation–maximisation over the candidate pairs, starting from
     * {@code startModel}'s {@code m}, {@code u} and prior.
     *
     * <p>EM works on the match proportion among candidates, {@code π = λ · totalPairs / candidates}
     * (assuming blocking keeps nearly every true match), and converts back at the end. By default EM also
     * fits a separate {@code u} for the candidate pairs, which agree more often than random pairs because
     * blocking chose them; that {@code u} is used only during training and the returned model keeps
     * {@code startModel}'s (sampled) {@code u}, which is the right one to score with the prior λ over all pairs,
     * with {@linkplain Builder#removeSampledMatches the matches among the sampled pairs taken out} if the builder
     * says so ({@link #withoutMatches}: {@code startModel}'s {@code u} is taken to be the level distribution over
     * pairs drawn at random, as {@link #estimateU} gives it).
     * With {@linkplain Builder#fixU fixed u} (as Splink does) only {@code m} and π move.
     *
     * @param totalPairs the number of pairs λ is defined over, {@link #pairCount(int) n(n−1)/2}
     * @throws IllegalArgumentException if the vectors do not fit the model or outnumber {@code totalPairs}
     */
    public MatchModel estimateMAndPrior(MatchModel startModel, ComparisonVectors candidates, long totalPairs) {
        IndexedModel start = IndexedModel.of(startModel);
        int n = start.comparisonCount();
        checkArgument(candidates.comparisonCount() == n, "the vectors have %s comparisons but the model %s",
                candidates.comparisonCount(), n);
        checkArgument(candidates.totalCount() <= totalPairs,
                "%s candidate pairs cannot exceed the %s pairs of the pool", candidates.totalCount(), totalPairs);
        if (candidates.totalCount() == 0) {
            LOG.warn("no candidate pairs: m and the prior keep their starting values");
            return startModel;
        }
        boolean[][] neutral = new boolean[n][];
        double[][] m = new double[n][];
        double[][] u = new double[n][];
        for (int c = 0; c < n; c++) {
            checkArgument(candidates.levelCount(c) == start.levels(c).size(),
                    "comparison '%s' has %s levels in the model but %s in the vectors",
                    startModel.comparisonNames().get(c), start.levels(c).size(), candidates.levelCount(c));
            neutral[c] = neutralMask(start.levels(c));
            m[c] = new double[neutral[c].length];
            u[c] = new double[neutral[c].length];
            for (int l = 0; l < neutral[c].length; l++) {
                m[c][l] = start.m(c, l);
                u[c][l] = start.u(c, l);
            }
        }
        double scale = (double) totalPairs / candidates.totalCount();
        // The starting proportion is capped at 0.5: a larger guess means the caller's λ overcounts. With
        // monotone levels the classes cannot swap, so a start from pairs that surely match may be larger.
        double proportion = ExpectationMaximisation.clamp(startModel.prior() * scale);
        if (!monotoneLevels) {
            proportion = Math.min(proportion, 0.5);
        }
        ExpectationMaximisation em = new ExpectationMaximisation(candidates, neutral, m, u, proportion, smoothing);
        em.run(maxIterations, tolerance, !fixU, monotoneLevels);
        LOG.info("EM over {} candidate pairs ({} patterns): {} iterations, {}; match proportion {}",
                candidates.totalCount(), candidates.distinctCount(), em.iterations,
                em.converged ? "converged" : "stopped at the iteration limit", em.proportion);
        double prior = em.proportion / scale;
        MatchModelBuilder model = MatchModel.builder().prior(prior)
                .minimumTermFrequency(startModel.minimumTermFrequency());
        int[] levelCounts = new int[n];
        for (int c = 0; c < n; c++) {
            levelCounts[c] = neutral[c].length;
        }
        boolean[][] seen = levelsSeen(candidates, levelCounts);
        // The u the random pairs gave, less the matches among them; floored where a level was never seen.
        double floor = Math.max(smoothing / Math.min(totalPairs, uSamplePairs), ExpectationMaximisation.MIN_PROBABILITY);
        for (int c = 0; c < n; c++) {
            double[] strangers = removeSampledMatches ? withoutMatches(u[c], em.m[c], prior, neutral[c], floor) : u[c];
            model.comparison(startModel.comparisonNames().get(c), start.levels(c), withoutUnseenEvidence(em.m[c],
                    strangers, neutral[c], seen[c]), strangers);
            int tf = start.termFrequencyLevel(c).orElse(-1);
            if (tf >= 0) {
                model.termFrequencyLevel(startModel.comparisonNames().get(c), start.levels(c).get(tf));
            }
        }
        return model.build();
    }

    /** Whether any candidate pair takes each level: {@code [c][l]}, given each comparison's level count. */
    static boolean[][] levelsSeen(ComparisonVectors candidates, int[] levelCounts) {
        boolean[][] seen = new boolean[levelCounts.length][];
        for (int c = 0; c < levelCounts.length; c++) {
            seen[c] = new boolean[levelCounts[c]];
        }
        for (int i = 0; i < candidates.distinctCount(); i++) {
            int[] pattern = candidates.pattern(i);
            for (int c = 0; c < pattern.length; c++) {
                seen[c][pattern[c]] = true;
            }
        }
        return seen;
    }

    /**
     * The level distribution among non-matches, from the one among record pairs drawn at random: those pairs
     * include matches in the proportion {@code prior} (λ over all pairs), distributed as {@code m}, so the
     * random pairs' distribution is {@code λ·m + (1 − λ)·u} and {@code u = (random − λ·m) / (1 − λ)}. In a
     * large pool λ is tiny and this changes nothing; in a small pool where people have many records
     * (historical data, a few thousand records of a few hundred people) the matches among random pairs are
     * most of those that agree on a rare value, and leaving them in would make agreement look common among
     * strangers. A level the subtraction empties gets {@code floor}, the u of a level never seen in the
     * sample; the result is renormalised over the non-neutral levels.
     */
    static double[] withoutMatches(double[] random, double[] m, double prior, boolean[] neutral, double floor) {
        double[] u = new double[random.length];
        double sum = 0;
        for (int l = 0; l < u.length; l++) {
            if (!neutral[l]) {
                u[l] = Math.max((random[l] - prior * m[l]) / (1 - prior), floor);
                sum += u[l];
            }
        }
        for (int l = 0; l < u.length; l++) {
            u[l] = neutral[l] ? random[l] : u[l] / sum;
        }
        return u;
    }

    /**
     * {@code m} with each level that no candidate pair takes lowered to at most its {@code u}, renormalised.
     * Such a level's m is only the pseudo-count over the expected matches, while its u is the pseudo-count
     * over a million sampled pairs, so their ratio would give a level never observed about +7 bits of
     * evidence for a match. Blocking keeps nearly every true match among the candidates, so a level none of
     * them takes is no evidence for one.
     */
    static double[] withoutUnseenEvidence(double[] m, double[] u, boolean[] neutral, boolean[] seen) {
        double[] capped = m.clone();
        double sum = 0;
        for (int l = 0; l < capped.length; l++) {
            if (!neutral[l]) {
                if (!seen[l]) {
                    capped[l] = Math.min(capped[l], u[l]);
                }
                sum += capped[l];
            }
        }
        for (int l = 0; l < capped.length; l++) {
            if (!neutral[l]) {
                capped[l] /= sum;
            }
        }
        return capped;
    }

    static boolean[] neutralMask(List<ComparisonLevel> comparisonLevels) {
        boolean[] mask = new boolean[comparisonLevels.size()];
        for (int l = 0; l < mask.length; l++) {
            mask[l] = comparisonLevels.get(l).isNeutral();
        }
        return mask;
    }

    /** A starting m that favours the most similar levels: 4^−k for the k-th non-neutral level, normalised. */
    private static double[] startingM(boolean[] neutral) {
        double[] m = new double[neutral.length];
        double sum = 0;
        double next = 1;
        for (int l = 0; l < m.length; l++) {
            if (!neutral[l]) {
                m[l] = next;
                sum += next;
                next /= 4;
            }
        }
        for (int l = 0; l < m.length; l++) {
            m[l] = neutral[l] ? 1.0 : m[l] / sum;
        }
        return m;
    }

    /** Configures a {@link ModelTrainer}; not thread-safe. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<List<ComparisonLevel>> levels = new ArrayList<>();
        private final List<Integer> termFrequencyLevels = new ArrayList<>();
        private long seed;
        private long uSamplePairs = 1_000_000;
        private int maxIterations = 1000;
        private double tolerance = 1e-6;
        private boolean fixU;
        private boolean removeSampledMatches;
        private double smoothing = 1.0;
        private boolean monotoneLevels;

        private Builder() {
        }

        /** Adds a comparison (name and levels); the order of calls is the order of level arrays. */
        public Builder comparison(Comparison<?> comparison) {
            return comparison(comparison.name(), comparison.levels());
        }

        /** Adds a comparison by name and levels, most similar first, exactly one neutral. */
        public Builder comparison(String name, List<ComparisonLevel> comparisonLevels) {
            checkArgument(!names.contains(name), "comparison name '%s' appears twice", name);
            names.add(name);
            levels.add(ImmutableList.copyOf(comparisonLevels));
            termFrequencyLevels.add(-1);
            return this;
        }

        /** Marks an added comparison's exact-match level for term-frequency adjustment in the trained model. */
        public Builder termFrequencyLevel(String comparisonName, int exactLevel) {
            int c = names.indexOf(comparisonName);
            checkArgument(c >= 0, "no comparison named '%s' has been added", comparisonName);
            termFrequencyLevels.set(c, exactLevel);
            return this;
        }

        /** The seed for sampling u pairs (default 0). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** How many random pairs to compare for u (default 1,000,000); must be positive. */
        public Builder uSamplePairs(long count) {
            checkArgument(count > 0, "uSamplePairs must be positive, got %s", count);
            this.uSamplePairs = count;
            return this;
        }

        /** The most EM iterations to run (default 1,000; each visits every distinct pattern once); must be positive. */
        public Builder maxIterations(int count) {
            checkArgument(count > 0, "maxIterations must be positive, got %s", count);
            this.maxIterations = count;
            return this;
        }

        /** EM stops when no probability changes by this much or more in an iteration (default 1e-6). */
        public Builder tolerance(double value) {
            checkArgument(value > 0, "tolerance must be positive, got %s", value);
            this.tolerance = value;
            return this;
        }

        /**
         * Whether u stays at its sampled values during EM (default false); see {@link #estimateMAndPrior}.
         * Fix it only when the candidate pairs' non-matches agree about as often as random pairs do, that
         * is when no compared field took part in choosing the candidates; otherwise EM mistakes the extra
         * agreement blocking creates for matches (docs/model.md shows by how much).
         */
        public Builder fixU(boolean value) {
            this.fixU = value;
            return this;
        }

        /**
         * Whether {@link #estimateMAndPrior} takes the matches among the sampled pairs out of {@code u}
         * ({@link ModelTrainer#withoutMatches}; default false: the sampled {@code u} is kept). Right for
         * {@code u}, but it also raises the weight of agreeing on a home, which postcode and address count
         * twice; a caller whose model takes a household's shared weight back (a household class) should.
         */
        public Builder removeSampledMatches(boolean value) {
            this.removeSampledMatches = value;
            return this;
        }

        /** The pseudo-count added to every non-neutral level's count (Laplace smoothing; default 1, ≥ 0). */
        public Builder laplaceSmoothing(double pseudoCount) {
            checkArgument(pseudoCount >= 0 && Double.isFinite(pseudoCount),
                    "laplaceSmoothing must be finite and not negative, got %s", pseudoCount);
            this.smoothing = pseudoCount;
            return this;
        }

        /**
         * Whether EM keeps every comparison's levels meaningful (default false): {@code m/u} never rises from
         * one non-neutral level to the next, most similar first, so the most similar level always weighs for
         * a match and the least similar against. The trainer's levels must be ordered by similarity. With it
         * the starting match proportion among candidates is not capped at 0.5 (the classes cannot swap).
         */
        public Builder monotoneLevels(boolean value) {
            this.monotoneLevels = value;
            return this;
        }

        /**
         * Builds the trainer.
         *
         * @throws IllegalArgumentException if no comparison was added, or one has no or several neutral levels
         */
        public ModelTrainer build() {
            checkArgument(!names.isEmpty(), "a trainer needs at least one comparison");
            for (int c = 0; c < names.size(); c++) {
                checkArgument(levels.get(c).size() >= 2 && levels.get(c).stream()
                                .filter(ComparisonLevel::isNeutral).count() == 1,
                        "comparison '%s' needs at least two levels, exactly one of them neutral", names.get(c));
            }
            return new ModelTrainer(this);
        }
    }
}
