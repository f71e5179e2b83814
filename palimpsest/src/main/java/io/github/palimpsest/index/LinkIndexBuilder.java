package io.github.palimpsest.index;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.block.PersonBlockingRules;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.PersonComparisons;
import io.github.palimpsest.pipeline.ModelFit;
import io.github.palimpsest.pipeline.PersonKind;
import io.github.palimpsest.pipeline.RunSettings;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.review.ReviewDecisions;
import io.github.palimpsest.score.MatchModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Configures a {@link LinkIndex}. Not thread-safe; {@link #build()} may be called more than once. */
public final class LinkIndexBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(LinkIndexBuilder.class);
    /**
     * Bounds the batch re-clustering done under the write lock to a small fraction of a second (a sort and the
     * constraint checks per link; the cost per link is in docs/results.md); generated pools have components of
     * a few links, far below it.
     */
    static final int DEFAULT_MAX_RECLUSTER_LINKS = 4_096;

    private List<Comparison<ComparableRecord>> comparisons = PersonKind.standardComparisons();
    private List<BlockingRule<ComparableRecord>> blockingRules = PersonKind.standardBlockingRules();
    private Optional<MatchModel> model = Optional.empty();
    /** The settings the index shares with the batch and token linkers, checked as they are there. */
    private RunSettings.Builder settings = RunSettings.builder();
    private int windowSize = 10;
    private int maxCandidates = 10;
    /** Empty until set: then a loaded index keeps the budget its file records (see {@link #load}). */
    private OptionalInt maxReclusterLinks = OptionalInt.empty();
    private int expectedRecords = 1_024;
    private ReviewDecisions decisions = ReviewDecisions.none();

    LinkIndexBuilder() {
    }

    /** Replaces the comparisons (default: {@link PersonComparisons#standard()}); names must be unique. */
    public LinkIndexBuilder comparisons(List<? extends Comparison<ComparableRecord>> value) {
        this.comparisons = RunSettings.checkComparisons(value);
        return this;
    }

    /** Replaces the blocking rules (default: {@link PersonBlockingRules#standard()}); at most 256, names unique. */
    public LinkIndexBuilder blockingRules(List<? extends BlockingRule<ComparableRecord>> value) {
        checkNotNull(value, "blockingRules");
        // A posting records its rule in one byte.
        checkArgument(value.size() <= 256, "at most 256 blocking rules, got %s", value.size());
        this.blockingRules = RunSettings.checkBlockingRules(value);
        return this;
    }

    /**
     * The trained model to score with, used as it is. Without one, an index with the standard comparisons
     * uses the bundled default model (the one the batch linker uses for small pools), with its priors scaled
     * to {@link #expectedSize} when that is larger than the bundled model's training pool; an index with
     * other comparisons must be given a model.
     *
     * <p>Recommended for large pools: train once on the records to be indexed with the batch trainer. Its m
     * and u fit your records, where the bundled model's were fitted to generated ones; scaling the bundled
     * model's priors to the pool recovers much, not all, of the difference (docs/index.md; figures in
     * docs/results.md).
     * <pre>{@code
     * MatchModel model = Linker.builder().build().train(history);
     * LinkIndex index = LinkIndex.builder().model(model).build();
     * }</pre>
     * The model is saved with the index, so {@link #load} restores it.
     */
    public LinkIndexBuilder model(MatchModel value) {
        this.model = Optional.of(checkNotNull(value, "model"));
        return this;
    }

    /** The probability at or above which a pair is a link (default 0.95); in (0, 1). */
    public LinkIndexBuilder thresholdProbability(double probability) {
        settings.thresholdProbability(probability);
        return this;
    }

    /**
     * The weight in bits a direct link needs to join two records with different valid PNC IDs, CRO
     * numbers or NI numbers (default 20; raised to the threshold if below it).
     */
    public LinkIndexBuilder overwhelmingWeight(double bits) {
        settings.overwhelmingWeight(bits);
        return this;
    }

    /**
     * Whether agreement on a value is weighted by how rare it is among the indexed records (default
     * true; applied once 1,000 records are indexed, as in the batch linker). Turn it off for people that
     * equal a batch run's exactly (see the class comment).
     */
    public LinkIndexBuilder termFrequencyAdjustment(boolean value) {
        settings.termFrequencyAdjustment(value);
        return this;
    }

    /**
     * How many nearest neighbours a record that none of its blocked candidates links searches for (default
     * 10, as {@code Linker.Builder.neighboursPerRecord}; 0 turns the search off). The search is the batch
     * run's: the records sharing the most of the record's rare tokens (name trigrams, date-of-birth parts,
     * postcode parts, address and e-mail words, phone, identifiers), each token weighed by how few indexed
     * records carry it at the moment of the search. See {@code docs/index.md} for what it means for equality
     * with a batch run.
     */
    public LinkIndexBuilder neighboursPerRecord(int count) {
        settings.neighboursPerRecord(count);
        return this;
    }

    /**
     * Whether a link below the threshold, but more likely than not (0 bits or more), may join a record to a
     * person of two or more records whose records support it (default true), exactly as
     * {@code Linker.Builder.supportedLinks} does in a batch run: the scored pairs between the record and the
     * person, that link and at least one more, must weigh for a match on average, the record must be likelier
     * that person than any other it links to, and no constraint may stand in the way (docs/blocking-and-clustering.md,
     * "Supported links"). To weigh them, the index keeps every scored pair, not only the links: more memory
     * (figures in docs/index.md). Off, it keeps the links at or above the threshold only, and its people are
     * those of a batch run with supported links off.
     */
    public LinkIndexBuilder supportedLinks(boolean on) {
        settings.supportedLinks(on);
        return this;
    }

    /** The largest block paired exhaustively (default 1,000; at least 10); beyond it, a sorted window. */
    public LinkIndexBuilder maxBlockSize(int size) {
        settings.maxBlockSize(size);
        return this;
    }

    /** The sorted-neighbourhood window inside an oversize block (default 10, as the batch blocker's). */
    public LinkIndexBuilder windowSize(int size) {
        checkArgument(size >= 2, "windowSize must be at least 2, got %s", size);
        this.windowSize = size;
        return this;
    }

    /** The most candidates a {@link LinkIndex#match} returns (default 10); at least 1. */
    public LinkIndexBuilder maxCandidates(int count) {
        checkArgument(count >= 1, "maxCandidates must be at least 1, got %s", count);
        this.maxCandidates = count;
        return this;
    }

    /**
     * The re-clustering budget (default 4,096 links; at least 1): the most links the link-graph component of a
     * change may hold for the change to re-cluster it whole with the batch clusterer. A change whose component
     * is larger (a hostel's shared phone and address, a mis-keyed identifier linking thousands of records)
     * would otherwise hold the write lock for time that grows with the component, and every reader and
     * writer would wait. Such a change instead merges and splits only the people it touches, in time that
     * grows with those people, and its {@link ChangeReport} says so ({@link ChangeReport#isExact()} is false;
     * {@link LinkIndex#boundedChangeCount()} counts them; the 1st, 2nd, 4th, 8th and so on are logged at
     * WARN). {@code Integer.MAX_VALUE} re-clusters exactly whatever the cost.
     *
     * <p>Saved with the index. {@link #load} restores the saved budget unless this method was called on the
     * loading builder, in which case the value given here overrides it (a budget is a latency choice for the
     * machine that runs the index, which may not be the one that saved it). The override is then saved with
     * the index the next time it is saved.
     */
    public LinkIndexBuilder maxReclusterLinks(int links) {
        checkArgument(links >= 1, "maxReclusterLinks must be at least 1, got %s", links);
        this.maxReclusterLinks = OptionalInt.of(links);
        return this;
    }

    /**
     * About how many records the index will hold (default 1,024): a sizing hint for its tables and, when no
     * {@link #model} is given, the pool the bundled model is moved to. The bundled model's priors (the chance
     * that two records drawn at random are one person, or two relatives) fit its training pool of 8,926
     * records; in a larger pool they fall, because each record's expected number of partners does not grow
     * with the pool. Above 8,926 the index scales them to this size ({@link MatchModel#scaledToPool}); at
     * or below, it uses the bundled model as it is, as the batch linker does. A model given to
     * {@link #model} is never scaled.
     */
    public LinkIndexBuilder expectedSize(int records) {
        checkArgument(records >= 0, "expectedSize must not be negative, got %s", records);
        this.expectedRecords = records;
        return this;
    }

    /**
     * A reviewer's decisions the index starts with (default: none): see {@link LinkIndex#decide}, which adds
     * more later. {@link #load} adds these to the decisions the file holds.
     */
    public LinkIndexBuilder decisions(ReviewDecisions value) {
        this.decisions = checkNotNull(value, "decisions");
        return this;
    }

    /**
     * An empty index.
     *
     * @throws IllegalStateException if there are no comparisons or rules, the window exceeds the maximum
     *                               block size, or no model was given for non-standard comparisons
     * @throws IllegalArgumentException if the model does not fit the comparisons
     */
    public LinkIndex build() {
        LinkIndex index = new LinkIndex(config(resolveModel()), expectedRecords);
        index.core().decisions = decisions; // no records yet: nothing to re-cluster
        index.warmedUp();
        return index;
    }

    /**
     * An index of these records, built in bulk: the people are those of a batch run over the same records
     * sorted by id, nearest-neighbour search included (with the same model and term-frequency adjustment off;
     * see {@code docs/index.md}). Each record is added with the links of its blocked candidates; then every
     * record that no link joins searches for its nearest neighbours over the whole pool at once, as the batch
     * run searches, where records added one by one search among the records already indexed. Faster than
     * adding them one by one, and the way to build an index from history.
     *
     * @throws IllegalArgumentException if two records share an id
     * @throws IllegalStateException as {@link #build()}
     */
    public LinkIndex build(Collection<? extends PersonRecord> records) {
        checkNotNull(records, "records");
        LinkIndex index = build();
        index.bulk(records);
        return index;
    }

    /**
     * Loads an index saved by {@link LinkIndex#save}. The model, threshold, overwhelming weight,
     * term-frequency setting, block and window sizes, candidate count, nearest-neighbour and supported-link
     * settings and re-clustering budget come from the file, whatever this builder says, except that a budget set on this builder with
     * {@link #maxReclusterLinks} overrides the saved one. This builder supplies the comparisons and blocking
     * rules (code, not data), whose names must be those the file records. A file of format version 1, which
     * did not record the budget, is loaded with this builder's budget (default 4,096), as it was before; a file
     * of version 4 or earlier, which holds no scored pairs below the threshold, is loaded with supported links
     * off (logged at WARN). Scored pairs, people, blocking keys and value counts are read, not recomputed; the records are
     * rebuilt from their input fields when first used and by a background thread (see
     * {@link LinkIndex#awaitWarmUp}), so the index answers within seconds of the call.
     *
     * @throws IndexFileException if the file is not an index file, has an unknown version, is cut short
     *                            or corrupt, or names other comparisons or blocking rules
     */
    public LinkIndex load(Path file) throws IOException {
        checkNotNull(file, "file");
        long started = System.nanoTime();
        LinkIndex index = IndexFile.load(file, comparisons, blockingRules, maxReclusterLinks);
        if (!decisions.isEmpty()) {
            index.decide(decisions);
        }
        LOG.info("index loaded: {} records, {} people in {} ms", index.size(), index.entityCount(),
                (System.nanoTime() - started) / 1_000_000);
        index.startWarmUp();
        return index;
    }

    IndexConfig config(MatchModel resolved) {
        if (comparisons.isEmpty()) {
            throw new IllegalStateException("a link index needs at least one comparison");
        }
        if (blockingRules.isEmpty()) {
            throw new IllegalStateException("a link index needs at least one blocking rule");
        }
        RunSettings built = settings.build();
        if (windowSize > built.maxBlockSize()) {
            throw new IllegalStateException("windowSize " + windowSize + " exceeds maxBlockSize "
                    + built.maxBlockSize());
        }
        ModelFit.check(resolved, comparisons, "index");
        return new IndexConfig(comparisons, blockingRules, resolved, built, windowSize, maxCandidates,
                maxReclusterLinks.orElse(DEFAULT_MAX_RECLUSTER_LINKS));
    }

    private MatchModel resolveModel() {
        if (model.isPresent()) {
            return model.get();
        }
        // The batch linker's bundled model, which fits the standard comparisons only.
        Optional<MatchModel> bundled = new PersonKind(comparisons, blockingRules, settings.build())
                .indexModel(expectedRecords);
        if (bundled.isPresent()) {
            return bundled.get();
        }
        throw new IllegalStateException("an index with non-standard comparisons needs a model trained with "
                + "them: pass one to model(...), e.g. from Linker.builder().comparisons(...).build().train(records)");
    }

    LinkIndexBuilder restore(MatchModel savedModel, double threshold, double overwhelming, boolean termFrequencies,
            int blockSize, int window, int candidates, int expected, int reclusterLinks, int neighbours,
            boolean supported) {
        this.model = Optional.of(savedModel);
        this.settings = settings.build().toBuilder().thresholdProbability(threshold).overwhelmingWeight(overwhelming)
                .termFrequencyAdjustment(termFrequencies).maxBlockSize(blockSize).neighboursPerRecord(neighbours)
                .supportedLinks(supported);
        this.windowSize = window;
        this.maxCandidates = candidates;
        this.expectedRecords = expected;
        this.maxReclusterLinks = OptionalInt.of(reclusterLinks);
        return this;
    }
}
