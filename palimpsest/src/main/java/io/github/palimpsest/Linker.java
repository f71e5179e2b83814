package io.github.palimpsest;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.pipeline.ModelFit;
import io.github.palimpsest.pipeline.PersonKind;
import io.github.palimpsest.pipeline.PipelineRun;
import io.github.palimpsest.pipeline.RunSettings;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.review.ReviewDecisions;
import io.github.palimpsest.score.Explanation;
import io.github.palimpsest.score.MatchModel;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links person records from several forces into people: the whole pipeline behind one call.
 *
 * <pre>{@code
 * Linker linker = Linker.builder().thresholdProbability(0.95).seed(42).build();
 * LinkResult result = linker.link(records);
 * for (Entity person : result.entities()) { ... person.pattern().events() ... }
 * }</pre>
 *
 * <p>Stages ({@code docs/pipeline.md}): each record is precomputed once as a {@link ComparableRecord};
 * blocking rules propose candidate pairs; every comparison puts every candidate pair in one of its levels;
 * unless a model is supplied, training estimates u from random
 * pairs and m and λ by expectation–maximisation over the candidates; each pair is scored (with
 * term-frequency adjustment for {@link io.github.palimpsest.compare.TermFrequencyComparison}s); pairs at or
 * above the threshold are clustered under the constraint that different valid PNC IDs, CRO numbers and NI
 * numbers stay apart; clusters get stable entity ids; and each person's records become a
 * {@linkplain io.github.palimpsest.pattern.Pattern pattern}.
 *
 * <p><b>Determinism.</b> The same records in the same order with the same configuration give the same
 * result, bit for bit, whatever the number of threads: u sampling is seeded, EM runs over sorted
 * patterns, and every parallel stage writes to positions fixed by the input.
 *
 * <p><b>Threads.</b> {@link #link} runs its parallel stages on a fork–join pool of {@link #threads()}
 * workers that lives for the call. Sorting inside blocking uses the JVM's common pool.
 *
 * <p>Immutable and thread-safe: {@link #link} may be called from several threads at once.
 */
public final class Linker {
    private static final Logger LOG = LoggerFactory.getLogger(Linker.class);

    /** Stage names, as reported to a {@link StageListener} and in {@link LinkStatistics#stageTimes()}. */
    public static final List<String> STAGES =
            List.of("prepare", "block", "compare", "train", "search", "score", "cluster", "pattern");

    /**
     * Hears when each stage of a run starts and finishes, e.g. to show progress on a terminal. Called on the
     * thread that called {@link #link}; a listener shared by concurrent runs must be thread-safe.
     */
    public interface StageListener {
        /** A stage (one of {@link #STAGES}) is starting. */
        default void stageStarted(String stage) {
        }

        /** A stage has finished after {@code elapsed}; {@code summary} is a short count, e.g. "1,204 pairs". */
        default void stageFinished(String stage, Duration elapsed, String summary) {
        }

        /**
         * Within a stage, {@code done} of {@code total} units of its current pass are finished (candidate pairs
         * compared or scored): called from worker threads, often, so it must be cheap and thread-safe. A stage
         * may make several passes, each counted from zero.
         */
        default void stageProgress(String stage, long done, long total) {
        }
    }

    private static final StageListener SILENT = new StageListener() {
    };

    final ImmutableList<Comparison<ComparableRecord>> comparisons;
    final ImmutableList<BlockingRule<ComparableRecord>> blockingRules;
    /** The settings every front end shares, checked once by their builder. */
    final RunSettings settings;
    /** What plain person records bring to the one pipeline. */
    final PersonKind kind;
    final Optional<MatchModel> model;
    /** The largest block paired exhaustively (as {@link RunSettings#maxBlockSize()}). */
    final int maxBlockSize;
    final StageListener listener;
    final ReviewDecisions decisions;
    /** The lower bound of the review band as a weight in bits, or NaN when no band is kept. */
    final double reviewThresholdWeight;

    private Linker(Builder b) {
        this.comparisons = ImmutableList.copyOf(b.comparisons);
        this.blockingRules = ImmutableList.copyOf(b.blockingRules);
        this.settings = b.settings.build();
        this.kind = new PersonKind(comparisons, blockingRules, settings);
        this.model = b.model;
        this.maxBlockSize = settings.maxBlockSize();
        this.listener = b.listener;
        this.decisions = b.decisions;
        this.reviewThresholdWeight = Double.isNaN(b.reviewThresholdProbability) ? Double.NaN
                : StrictMath.log(b.reviewThresholdProbability / (1 - b.reviewThresholdProbability)) / StrictMath.log(2);
    }

    /**
     * A builder with the standard person comparisons and blocking rules, threshold probability 0.95, seed 0,
     * no supplied model (the model is trained on the records linked), one thread per core, 1,000,000 random
     * pairs for u, blocks of at most 1,000 records paired exhaustively, an overwhelming weight of 20 bits
     * and term-frequency adjustment on.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Links records into people.
     *
     * @param records the records, with unique record ids; their order fixes the order of the result
     * @return every record in exactly one entity, the links at or above the threshold, the model used and
     *         the run's statistics
     * @throws IllegalArgumentException if a record id repeats, or no model was supplied and there are fewer
     *                                  than two records to train one on
     */
    public LinkResult link(List<PersonRecord> records) {
        checkNotNull(records, "records");
        List<PersonRecord> copy = List.copyOf(records);
        checkUniqueIds(copy, PersonRecord::recordId);
        checkArgument(modelFor(copy.size()).isPresent() || copy.size() >= 2,
                "training a model needs at least two records, got %s; supply a trained model with model(...)",
                copy.size());
        return new LinkRun(this).run(copy);
    }

    /**
     * Links records already in their comparable form, holding no {@link PersonRecord}: the way to link a
     * large pool (a million records in a few hundred megabytes; see {@code docs/performance.md}). Prepare
     * the records with one {@link ComparableRecordFactory} per pool, or read them straight from files with
     * {@link io.github.palimpsest.record.RecordCsvReader#readRecords(List, java.util.function.Function, int)}.
     * The entity ids, links, weights and patterns are those {@link #link} gives for the same records.
     *
     * <pre>{@code
     * ComparableRecordFactory factory = ComparableRecordFactory.create();
     * List<ComparableRecord> prepared = RecordCsvReader.create().readRecords(files, factory::of, 2);
     * CompactLinkResult result = linker.linkComparable(prepared);
     * }</pre>
     *
     * @param records the prepared records, with unique record ids; their order fixes the order of the result
     * @throws IllegalArgumentException as {@link #link} does
     */
    public CompactLinkResult linkComparable(List<ComparableRecord> records) {
        ComparableRecord[] copy = checkedCopy(records);
        checkArgument(modelFor(copy.length).isPresent() || copy.length >= 2,
                "training a model needs at least two records, got %s; supply a trained model with model(...)",
                copy.length);
        return new LinkRun(this).run(copy);
    }

    /**
     * The model a run over {@code recordCount} records uses without training: the supplied one, else — for
     * a pool smaller than {@link Builder#minimumTrainingRecords(int)} linked with the standard comparisons —
     * the bundled default model, else none (the run trains on its input).
     */
    Optional<MatchModel> modelFor(int recordCount) {
        return PipelineRun.modelWithoutTraining(model, settings, kind, recordCount);
    }

    /**
     * Trains a model on records without linking them: the first stages of {@link #link} (prepare, block,
     * compare, train), ignoring any supplied model. Use it to train once on a large pool and then link
     * smaller batches with {@code Linker.builder().model(model)}. A pool smaller than
     * {@link Builder#minimumTrainingRecords(int)} with the standard comparisons gives the bundled default model
     * with a warning, as {@link #link} does; a trained model that fails the health check is replaced as in
     * {@link #link} (docs/model.md, "Health check"), and {@link MatchModel#trainingNote()} says so.
     *
     * @throws IllegalArgumentException if a record id repeats or there are fewer than two records
     */
    public MatchModel train(List<PersonRecord> records) {
        checkNotNull(records, "records");
        List<PersonRecord> copy = List.copyOf(records);
        checkUniqueIds(copy, PersonRecord::recordId);
        Optional<MatchModel> bundled = bundledInsteadOfTraining(copy.size());
        if (bundled.isPresent()) {
            return bundled.get();
        }
        checkArgument(copy.size() >= 2, "training a model needs at least two records, got %s", copy.size());
        return new LinkRun(this).trainOnly(copy);
    }

    /**
     * Trains a model on records already in their comparable form, as {@link #train} does on person records
     * (the same model for the same records, fallback and health check included), without preparing them
     * again: for a caller that holds the prepared records already, such as the Spark module's driver, which
     * receives its training sample from the tasks that prepared it.
     *
     * @throws IllegalArgumentException if a record id repeats or there are fewer than two records
     */
    public MatchModel trainComparable(List<ComparableRecord> records) {
        ComparableRecord[] copy = checkedCopy(records);
        Optional<MatchModel> bundled = bundledInsteadOfTraining(copy.length);
        if (bundled.isPresent()) {
            return bundled.get();
        }
        checkArgument(copy.length >= 2, "training a model needs at least two records, got %s", copy.length);
        return new LinkRun(this).trainOnly(copy);
    }

    /**
     * Explains how a model scores any two records, linked or not: "why were these two kept apart?". The
     * explanation has no term-frequency adjustment (that needs the pool's frequencies; the weights of
     * {@link LinkResult#links()} include it).
     *
     * @throws IllegalArgumentException if the model does not fit this linker's comparisons
     */
    public Explanation explain(PersonRecord left, PersonRecord right, MatchModel model) {
        checkNotNull(left, "left");
        checkNotNull(right, "right");
        ModelFit.check(checkNotNull(model, "model"), comparisons, "linker");
        ComparableRecord a = ComparableRecord.of(left);
        ComparableRecord b = ComparableRecord.of(right);
        int[] levels = new int[comparisons.size()];
        for (int c = 0; c < levels.length; c++) {
            levels[c] = comparisons.get(c).level(a, b);
        }
        return IndexedModel.of(model).explain(levels);
    }

    /**
     * The bundled model, with its warning, when the pool is too small to train on (the same fallback as
     * {@link #link}: a few dozen records give EM too little to estimate anything); empty otherwise.
     */
    private Optional<MatchModel> bundledInsteadOfTraining(int recordCount) {
        Optional<MatchModel> bundled = PipelineRun.modelWithoutTraining(Optional.empty(), settings, kind, recordCount);
        bundled.ifPresent(m -> LOG.warn("{}", m.trainingNote()));
        return bundled;
    }

    /** The prepared records as an array, each present and with a record id no other has. */
    private static ComparableRecord[] checkedCopy(List<ComparableRecord> records) {
        checkNotNull(records, "records");
        ComparableRecord[] copy = records.toArray(new ComparableRecord[0]);
        for (ComparableRecord r : copy) {
            checkNotNull(r, "record");
        }
        checkUniqueIds(Arrays.asList(copy), ComparableRecord::recordId);
        return copy;
    }

    private static <R> void checkUniqueIds(List<R> records, Function<R, String> recordId) {
        Set<String> ids = new HashSet<>(Math.max(16, records.size() * 4 / 3 + 1));
        for (R r : records) {
            checkArgument(ids.add(recordId.apply(r)),
                    "record id '%s' appears more than once; record ids must be unique within a run", recordId.apply(r));
        }
    }

    /** The comparisons, in the order of the model's level arrays. */
    public List<Comparison<ComparableRecord>> comparisons() {
        return comparisons;
    }

    /** The blocking rules, in the order their pairs are counted as new. */
    public List<BlockingRule<ComparableRecord>> blockingRules() {
        return blockingRules;
    }

    /** The probability at or above which a pair is a link. */
    public double thresholdProbability() {
        return settings.thresholdProbability();
    }

    /** The threshold as a match weight in bits, {@code log2(p / (1 − p))}. */
    public double thresholdWeight() {
        return settings.thresholdWeight();
    }

    /** The seed of u sampling. */
    public long seed() {
        return settings.seed();
    }

    /** The supplied model, or empty when each run trains its own. */
    public Optional<MatchModel> model() {
        return model;
    }

    /** The number of worker threads a run uses. */
    public int threads() {
        return settings.threads();
    }

    /** The configuration, without the comparison internals. */
    @Override
    public String toString() {
        return "Linker[comparisons=" + comparisons.size() + ", blockingRules=" + blockingRules.size()
                + ", threshold=" + settings.thresholdProbability() + ", seed=" + settings.seed() + ", model="
                + (model.isPresent() ? "supplied" : "trained per run") + ", threads=" + settings.threads() + "]";
    }

    /** Configures a {@link Linker}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private List<Comparison<ComparableRecord>> comparisons = PersonKind.standardComparisons();
        private List<BlockingRule<ComparableRecord>> blockingRules = PersonKind.standardBlockingRules();
        private final RunSettings.Builder settings = RunSettings.builder();
        private Optional<MatchModel> model = Optional.empty();
        private StageListener listener = SILENT;
        private ReviewDecisions decisions = ReviewDecisions.none();
        private double reviewThresholdProbability = Double.NaN;

        private Builder() {
        }

        /**
         * A reviewer's decisions to honour (default: none): a match puts its two records in one person whatever
         * their score and identifiers; a non-match keeps its two records in different people, even through
         * chains of other links. Decisions naming a record id not among the records linked are left out, logged
         * at WARN and listed by {@link CompactLinkResult#unknownDecisions()}. The links a decision made or broke
         * say so ({@link Link#decision()}). See docs/review.md.
         */
        public Builder decisions(ReviewDecisions value) {
            this.decisions = checkNotNull(value, "decisions");
            return this;
        }

        /**
         * Keeps the pairs a reviewer should look at (default: none kept): candidate pairs scored at or above this
         * probability and below the threshold, and links a clustering constraint refused, as
         * {@link CompactLinkResult#reviewPairs()}. In (0, 1) and below the threshold ({@link #build()} checks).
         */
        public Builder reviewThresholdProbability(double probability) {
            checkArgument(probability > 0 && probability < 1, "review threshold must be in (0, 1), got %s",
                    probability);
            this.reviewThresholdProbability = probability;
            return this;
        }

        /**
         * Replaces the comparisons. Names must be unique; each comparison has at most 127 levels (levels are
         * stored as bytes, one per candidate pair and comparison).
         */
        public Builder comparisons(List<? extends Comparison<ComparableRecord>> value) {
            this.comparisons = RunSettings.checkComparisons(value);
            return this;
        }

        /** Replaces the blocking rules; names must be unique. */
        public Builder blockingRules(List<? extends BlockingRule<ComparableRecord>> value) {
            this.blockingRules = RunSettings.checkBlockingRules(value);
            return this;
        }

        /** The probability at or above which a pair is a link (default 0.95); in (0, 1). */
        public Builder thresholdProbability(double probability) {
            settings.thresholdProbability(probability);
            return this;
        }

        /** The seed of u sampling (default 0): the same seed gives the same model and result. */
        public Builder seed(long value) {
            settings.seed(value);
            return this;
        }

        /**
         * A trained model to score with instead of training one per run. Its comparisons must be the
         * linker's, by name and level labels, in the same order; {@link #build()} checks.
         */
        public Builder model(MatchModel value) {
            this.model = Optional.of(checkNotNull(value, "model"));
            return this;
        }

        /** Worker threads for the parallel stages (default: the number of cores); at least 1. */
        public Builder threads(int count) {
            settings.threads(count);
            return this;
        }

        /** Random record pairs compared to estimate u (default 1,000,000); positive. */
        public Builder uSamplePairs(long count) {
            settings.uSamplePairs(count);
            return this;
        }

        /**
         * The largest block paired exhaustively (default 1,000; at least 10, the sub-blocking window); larger
         * ones are sub-blocked with a sorted window and reported.
         */
        public Builder maxBlockSize(int size) {
            settings.maxBlockSize(size);
            return this;
        }

        /**
         * How many nearest neighbours a record is paired with when its blocked pairs leave it without a link
         * (default 10; 0 turns the search off): the records that share the most of its rare tokens (name
         * trigrams, date of birth parts, postcode, address and e-mail words, phone, identifiers), so that
         * records of one person that agree exactly on no blocking key are still compared. The model is
         * trained on the blocked pairs before the search (docs/comparisons-and-blocking.md).
         */
        public Builder neighboursPerRecord(int count) {
            settings.neighboursPerRecord(count);
            return this;
        }

        /**
         * The weight in bits a direct link needs to join two records with different valid PNC IDs, CRO
         * numbers or NI numbers (default 20; raised to the threshold if below it).
         */
        public Builder overwhelmingWeight(double bits) {
            settings.overwhelmingWeight(bits);
            return this;
        }

        /**
         * Whether agreement on a value is weighted by how rare the value is in the records linked (default
         * true). Pools smaller than {@link #minimumTrainingRecords(int)} are never adjusted: their
         * frequencies are no finer than one in the pool's size.
         */
        public Builder termFrequencyAdjustment(boolean value) {
            settings.termFrequencyAdjustment(value);
            return this;
        }

        /**
         * Whether training also fits a household class (default true): a third explanation, besides match
         * and stranger, for pairs that share a home: relatives of one name and address who differ in
         * forename or generation, whom a two-class model links because they agree on everything else. It is
         * fitted by EM over the candidate pairs after the usual training, needs the standard
         * {@code forename}, {@code surname}, {@code dob}, {@code postcode} and {@code address} comparisons
         * (without them it is skipped), and is saved with the model. See docs/model.md, "Household class".
         */
        public Builder householdClass(boolean fit) {
            settings.householdClass(fit);
            return this;
        }

        /**
         * Whether a link below the threshold, but more likely than not (a weight of 0 bits or more), may join a
         * record, or a cluster of records, to a person of two or more records whose records support it (default
         * true): the scored pairs between the two, that link and at least one more, must weigh for a match on
         * average (mean weight at or above 0 bits), and no constraint may stand in the way. Such a link never
         * joins two people who each have several records and never overrides a constraint. A record that
         * resembles several records of one person moderately is then linked to that person, where one pair
         * alone would not reach the threshold. The Spark linker and the incremental {@code LinkIndex} make them
         * too ({@code LinkIndexBuilder.supportedLinks}, same default), so an index's people equal a batch run's
         * with this on or off alike. See docs/blocking-and-clustering.md, "Supported links".
         */
        public Builder supportedLinks(boolean on) {
            settings.supportedLinks(on);
            return this;
        }

        /**
         * The smallest pool the linker trains a model on (default 1,000 records). A smaller pool, linked
         * without a supplied model, uses the bundled default model when the comparisons are the standard
         * ones (it is trained on generated fictional cross-force data; see docs/model.md), and is never
         * term-frequency adjusted.
         */
        public Builder minimumTrainingRecords(int count) {
            // One limit for both: a pool too small to train on is too small to count term frequencies over.
            settings.minimumTrainingRecords(count).minimumTermFrequencyRecords(count);
            return this;
        }

        /** Hears stage starts and ends (default: none). */
        public Builder stageListener(StageListener value) {
            this.listener = checkNotNull(value, "listener");
            return this;
        }

        /**
         * The linker.
         *
         * @throws IllegalStateException if there are no comparisons or no blocking rules
         * @throws IllegalArgumentException if a supplied model does not fit the comparisons
         */
        public Linker build() {
            if (comparisons.isEmpty()) {
                throw new IllegalStateException("a linker needs at least one comparison");
            }
            if (blockingRules.isEmpty()) {
                throw new IllegalStateException("a linker needs at least one blocking rule");
            }
            model.ifPresent(m -> ModelFit.check(m, comparisons, "linker"));
            double threshold = settings.build().thresholdProbability();
            checkArgument(Double.isNaN(reviewThresholdProbability) || reviewThresholdProbability < threshold,
                    "the review threshold %s must be below the link threshold %s", reviewThresholdProbability,
                    threshold);
            return new Linker(this);
        }
    }
}
