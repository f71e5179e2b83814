package io.github.palimpsest.pipeline;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.TermFrequencyComparison;
import io.github.palimpsest.score.MatchModel;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the one linking pipeline over one pool of records, for every kind of record: block → compare →
 * train (with the health check, the monotone retry and the fallback to the bundled model) → score →
 * cluster. The batch linker, the token linker and the training of a model for the link index all go
 * through it; what differs by the kind of record comes from its {@link RecordKind}. Used once, by one
 * thread; the parallel stages work on fixed chunks ({@link Parallel}), so the result does not depend on the
 * number of threads.
 *
 * <p>The stages are called in order by the front end, which reads the results ({@link #candidates()},
 * {@link #levels()}, {@link #model()}, {@link #weights()}, {@link #clustering()}) to build its own result
 * type. Internal: this package is not exported.
 *
 * @param <R> the record type
 */
public final class PipelineRun<R> {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);

    private final RunSettings settings;
    private final RecordKind<R> kind;
    private final Object[] records;
    private final List<R> recordList;
    /** The source of each record, or null when every pair may link. */
    private final int[] sourceOf;
    private final int n;
    private final Comparison<R>[] comparisons;
    private final List<Comparison<R>> comparisonList;
    private final int comparisonCount;
    private final int[] levelCounts;
    private final Parallel parallel;
    private final Stages stages;

    private Candidates candidates;
    /** levels[c][k]: the level of comparison c for candidate pair k. */
    private byte[][] levels;
    /** Per comparison, which levels some candidate pair takes (from the vectors training counts). */
    private boolean[][] levelsSeen;
    /** Candidate pairs that share a strong identifier (counted while comparing). */
    private long anchorPairs;
    /**
     * anchor[k]: whether candidate pair k shares a strong identifier, found while comparing (the records are
     * in cache then); for the candidates as blocked, before the search adds any.
     */
    private boolean[] anchor;
    private MatchModel model;
    private boolean trained;
    /**
     * Each comparison's value frequencies per record, once counted: they depend on the records alone, and
     * the run asks for them under several models (health check, household class, scoring), each a pass over
     * every record's value on one thread.
     */
    private final double[][] frequencyTables;
    /** termFrequency[c][record]: the frequency of the record's value for comparison c, or null for none. */
    private double[][] termFrequency;
    private double[] weights;
    /** The last model the health check scored, and its weights for the candidates. */
    private MatchModel checkedModel;
    private double[] checkedWeights;
    private ScoredLinks links;
    /** The links clustering used, as indexes of candidates (see {@link #usedLinks()}). */
    private int[] usedLinks;
    private Clustering clustering;

    /**
     * A run over {@code records} (not copied: the caller must not change them during the run).
     *
     * @param sourceOf the source of each record when only pairs across sources may link, else null
     */
    @SuppressWarnings("unchecked")
    public PipelineRun(RunSettings settings, RecordKind<R> kind, List<R> records, int[] sourceOf, Parallel parallel,
                       Stages stages) {
        this.settings = settings;
        this.kind = kind;
        this.records = records.toArray();
        this.recordList = (List<R>) Arrays.asList(this.records);
        this.sourceOf = sourceOf;
        this.n = this.records.length;
        this.comparisonList = List.copyOf(kind.comparisons());
        this.comparisons = comparisonList.toArray(new Comparison[0]);
        this.comparisonCount = comparisons.length;
        this.levelCounts = comparisonList.stream().mapToInt(c -> c.levels().size()).toArray();
        this.parallel = parallel;
        this.stages = stages;
        this.frequencyTables = new double[comparisonCount][];
        parallel.onProgress(stages::progress);
    }

    @SuppressWarnings("unchecked")
    private R record(int i) {
        return (R) records[i];
    }

    // ---------------------------------------------------------------- block and compare

    /** Blocks and compares: the candidates and their levels. */
    public PipelineRun<R> blockAndCompare() {
        stages.run("block", () -> {
            Blocker<R> blocker = blocker(kind, settings);
            CandidatePairs blocked = parallel.call(() -> blocker.candidates(recordList));
            // Linking sources, not deduplicating: pairs within one source are never compared.
            candidates = sourceOf == null ? Candidates.of(blocked) : Candidates.acrossSources(blocked, sourceOf);
            return sourceOf == null ? String.format("%,d candidate pairs", candidates.size())
                    : String.format("%,d candidate pairs across sources (%,d blocked)", candidates.size(),
                            blocked.size());
        });
        stages.run("compare", () -> {
            compareCandidates();
            return String.format("%,d pairs × %d comparisons", candidates.size(), comparisonCount);
        });
        return this;
    }

    /** The blocker of a run: the kind's rules under the settings. */
    public static <R> Blocker<R> blocker(RecordKind<R> kind, RunSettings settings) {
        return Blocker.<R>builder().rules(kind.blockingRules()).maxBlockSize(settings.maxBlockSize())
                .parallel(settings.threads() > 1).build();
    }

    /** The kind's nearest-neighbour search under the settings; empty when the settings or the kind have none. */
    public static <R> Optional<NearestNeighbours<R>> nearestNeighbours(RecordKind<R> kind, RunSettings settings) {
        return settings.neighboursPerRecord() == 0 ? Optional.empty()
                : kind.nearestNeighbours(settings.neighboursPerRecord());
    }

    /**
     * Adds, compared, the pairs of the kind's nearest-neighbour search from every record that no blocked pair
     * links under the chosen model, where blocking did not already propose them. It runs after the model is
     * chosen, for two reasons. Training sees the blocked pairs only: the search's pairs are mostly
     * non-matches of partial agreement, and training on them would make the model depend on how many
     * neighbours were asked for rather than on the data. And a record that its blocked pairs already link
     * is in a person; the records left alone are the ones blocking may have failed (every name misspelt
     * somewhere, the date of birth missing on one side), so only they search, which keeps the cost to a
     * fraction of the pool.
     */
    public PipelineRun<R> searchNeighbours() {
        Optional<NearestNeighbours<R>> search = nearestNeighbours(kind, settings);
        if (search.isEmpty() || n < 2) {
            return this;
        }
        stages.run("search", () -> {
            if (termFrequency == null) {
                termFrequency = termFrequencies(model);
            }
            // The health check's weights when it scored this model; kept for the blocked pairs after the search.
            double[] blockedWeights = model == checkedModel ? checkedWeights
                    : scoring().weights(model, termFrequency);
            boolean[] unlinked = unlinkedRecords(blockedWeights);
            CandidatePairs found = parallel.call(() -> search.get().candidates(recordList, unlinked,
                    settings.threads() > 1));
            long[] fresh = candidates.missing(found.toArray(), sourceOf);
            byte[][] freshLevels = new byte[comparisonCount][fresh.length];
            parallel.chunks(fresh.length, (from, to) -> {
                for (int k = from; k < to; k++) {
                    R a = record(CandidatePairs.left(fresh[k]));
                    R b = record(CandidatePairs.right(fresh[k]));
                    for (int c = 0; c < comparisonCount; c++) {
                        freshLevels[c][k] = (byte) checkedLevel(c, a, b);
                    }
                }
            });
            int before = candidates.size();
            int[] positions = candidates.mergePositions(fresh);
            byte[][] merged = new byte[comparisonCount][];
            byte[][] old = levels;
            parallel.tasks(comparisonCount, c -> { // each comparison's column on its own, side by side
                merged[c] = new byte[before + fresh.length];
                merge(old[c], freshLevels[c], positions, merged[c]);
                old[c] = null; // free as we go: a large pool's levels are the run's largest arrays
            });
            levels = merged;
            candidates = candidates.with(fresh, positions, found.report().rules().get(0));
            // Every pair's weight depends on that pair alone: the blocked pairs keep theirs, the fresh are scored.
            double[] weighed = new double[before + fresh.length];
            merge(blockedWeights, positions, weighed);
            scoring().weightsAt(model, termFrequency, positions, weighed);
            checkedModel = model;
            checkedWeights = weighed;
            int searching = 0;
            for (boolean u : unlinked) {
                searching += u ? 1 : 0;
            }
            return String.format("%,d records without a link searched, %,d pairs found, %,d new", searching,
                    found.size(), fresh.length);
        });
        return this;
    }

    /** The records that no candidate pair at or above the threshold links, under the chosen model. */
    private boolean[] unlinkedRecords(double[] blockedWeights) {
        double threshold = settings.thresholdWeight();
        boolean[] unlinked = new boolean[n];
        Arrays.fill(unlinked, true);
        for (int k = 0; k < blockedWeights.length; k++) {
            if (blockedWeights[k] >= threshold) {
                long pair = candidates.pair(k);
                unlinked[CandidatePairs.left(pair)] = false;
                unlinked[CandidatePairs.right(pair)] = false;
            }
        }
        return unlinked;
    }

    /** Lays {@code old} into {@code out} around {@code freshPositions}, which it leaves as they are. */
    private static void merge(double[] old, int[] freshPositions, double[] out) {
        int o = 0;
        int f = 0;
        for (int k = 0; k < out.length; k++) {
            if (f < freshPositions.length && freshPositions[f] == k) {
                f++;
            } else {
                out[k] = old[o++];
            }
        }
    }

    /** Lays {@code old} and {@code fresh} into {@code out}, the fresh values at {@code freshPositions}. */
    private static void merge(byte[] old, byte[] fresh, int[] freshPositions, byte[] out) {
        int o = 0;
        int f = 0;
        for (int k = 0; k < out.length; k++) {
            if (f < fresh.length && freshPositions[f] == k) {
                out[k] = fresh[f++];
            } else {
                out[k] = old[o++];
            }
        }
    }

    /** Fills {@link #levels}, and counts the anchor pairs while both records are at hand. */
    private void compareCandidates() {
        int pairs = candidates.size();
        levels = new byte[comparisonCount][pairs];
        long[] anchorsPerChunk = new long[(pairs + Parallel.CHUNK - 1) / Parallel.CHUNK];
        boolean[] anchored = new boolean[pairs];
        parallel.chunks(pairs, (from, to) -> {
            long anchors = 0;
            for (int k = from; k < to; k++) {
                long pair = candidates.pair(k);
                R a = record(CandidatePairs.left(pair));
                R b = record(CandidatePairs.right(pair));
                for (int c = 0; c < comparisonCount; c++) {
                    levels[c][k] = (byte) checkedLevel(c, a, b);
                }
                if (kind.sharesStrongIdentifier(a, b)) {
                    anchored[k] = true;
                    anchors++;
                }
            }
            anchorsPerChunk[from / Parallel.CHUNK] = anchors;
        });
        anchorPairs = Arrays.stream(anchorsPerChunk).sum();
        anchor = anchored;
    }

    /**
     * Whether each candidate pair shares a strong identifier ({@link RecordKind#sharesStrongIdentifier}):
     * as found while comparing, or found again (in parallel) once the search has added candidates.
     */
    public boolean[] anchors() {
        if (anchor.length != candidates.size()) {
            boolean[] found = new boolean[candidates.size()];
            parallel.chunks(found.length, (from, to) -> {
                for (int k = from; k < to; k++) {
                    long pair = candidates.pair(k);
                    found[k] = kind.sharesStrongIdentifier(record(CandidatePairs.left(pair)),
                            record(CandidatePairs.right(pair)));
                }
            });
            return found;
        }
        return anchor;
    }

    private int checkedLevel(int c, R a, R b) {
        int level = comparisons[c].level(a, b);
        if (level < 0 || level >= levelCounts[c]) {
            throw new IllegalStateException("comparison '" + comparisons[c].name() + "' returned level " + level
                    + ", outside its " + levelCounts[c] + " levels");
        }
        return level;
    }

    // ---------------------------------------------------------------- model

    /**
     * Picks the model: the supplied one, else the kind's bundled model for a pool too small to train on,
     * else one trained on the candidates ({@link #train()}, the "train" stage).
     */
    public PipelineRun<R> chooseModel(Optional<MatchModel> supplied) {
        Optional<MatchModel> given = modelWithoutTraining(supplied, n);
        trained = given.isEmpty();
        if (trained) {
            trainStage();
        } else {
            model = given.get();
            if (supplied.isEmpty()) {
                if (model.trainingNote().isEmpty()) {
                    LOG.info("{} records are fewer than {} to train on: scoring with the bundled model", n,
                            settings.minimumTrainingRecords());
                } else {
                    LOG.warn("{}", model.trainingNote());
                }
            }
        }
        return this;
    }

    /**
     * The model a run over {@code recordCount} records uses without training: the supplied one, else — for a
     * pool smaller than the training minimum — the kind's bundled model when it fits, else none.
     */
    public static <R> Optional<MatchModel> modelWithoutTraining(Optional<MatchModel> supplied, RunSettings settings,
                                                                RecordKind<R> kind, int recordCount) {
        if (supplied.isPresent()) {
            return supplied;
        }
        return recordCount < settings.minimumTrainingRecords() ? kind.smallPoolModel(recordCount) : Optional.empty();
    }

    private Optional<MatchModel> modelWithoutTraining(Optional<MatchModel> supplied, int recordCount) {
        return modelWithoutTraining(supplied, settings, kind, recordCount);
    }

    /** Blocks, compares and trains, ignoring any supplied model and the small-pool model: the trained model. */
    public MatchModel trainOnly() {
        blockAndCompare();
        trained = true;
        trainStage();
        return model;
    }

    private void trainStage() {
        stages.run("train", () -> {
            model = train();
            return String.format("prior %.3g", model.prior());
        });
    }

    /**
     * Trains on the candidates, then checks the model's health ({@link TrainingHealth}). A model that fails is
     * retrained once with monotone levels from the pairs that surely match; if that fails too, the run falls
     * back to the kind's bundled model when one fits the comparisons, else keeps the retrained one. Either way
     * the warning is logged and kept in the model's {@linkplain MatchModel#trainingNote() note}.
     */
    private MatchModel train() {
        if (n < 2) {
            throw new IllegalArgumentException("training a model needs at least two records, got " + n
                    + "; supply a trained model instead");
        }
        long totalPairs = Math.max(1, comparablePairs());
        int[] sure = surePairs();
        double surePrior = Math.min(0.5, Math.max(1, sure.length) / (double) totalPairs);
        double prior = kind.priorStart() == RecordKind.PriorStart.SURE_PAIRS ? surePrior : anchorPrior(totalPairs);
        ModelTrainer first = trainer(false);
        MatchModel start = parallel.call(() -> first.estimateUInParallel(n, () -> {
            int[] scratch = new int[comparisonCount];
            return (i, j) -> {
                for (int c = 0; c < comparisonCount; c++) {
                    scratch[c] = checkedLevel(c, record(i), record(j));
                }
                return scratch;
            };
        }, prior));
        ComparisonVectors vectors = countVectors();
        levelsSeen = ModelTrainer.levelsSeen(vectors, levelCounts);
        MatchModel fitted = fit(first, start, vectors, totalPairs);
        Optional<String> problem = healthProblem(fitted, sure, totalPairs);
        if (problem.isEmpty()) {
            return fitted;
        }
        LOG.warn("the trained model failed its health check ({}); retraining with monotone levels, starting "
                + "from the {} candidate pairs that surely match", problem.get(), sure.length);
        MatchModel retrained = fit(trainer(true), start.toBuilder().prior(surePrior).build(), vectors, totalPairs);
        Optional<String> again = healthProblem(retrained, sure, totalPairs);
        if (again.isEmpty()) {
            String note = "EM failed the health check (" + problem.get() + "); retrained with monotone levels";
            LOG.warn("{}: the retrained model passes", note);
            return retrained.withTrainingNote(note);
        }
        Optional<RecordKind.Fallback> fallback = kind.fallback(n);
        if (fallback.isPresent()) {
            String note = "training failed the health check (" + again.get() + "); using "
                    + fallback.get().description();
            LOG.warn(note);
            termFrequency = null;
            return fallback.get().model().withTrainingNote(note);
        }
        String note = "training failed the health check (" + again.get()
                + ") and no bundled model fits these comparisons; links may be missing";
        LOG.warn(note);
        return retrained.withTrainingNote(note);
    }

    /** EM for m and λ from {@code start} (sampled u), then the kind's refinements. */
    private MatchModel fit(ModelTrainer trainer, MatchModel start, ComparisonVectors vectors, long totalPairs) {
        return kind.refine(trainer.estimateMAndPrior(start, vectors, totalPairs), this);
    }

    private ModelTrainer trainer(boolean monotone) {
        ModelTrainer.Builder trainer = ModelTrainer.builder().seed(settings.seed())
                .uSamplePairs(settings.uSamplePairs()).monotoneLevels(monotone)
                .removeSampledMatches(kind.removesSampledMatches());
        for (Comparison<R> c : comparisonList) {
            trainer.comparison(c);
            if (c instanceof TermFrequencyComparison<R> tf && tf.termFrequencyLevel() >= 0) {
                trainer.termFrequencyLevel(c.name(), tf.termFrequencyLevel());
            }
        }
        return trainer.build();
    }

    /** The health check of a trained model, over the candidates as the run would score them. */
    private Optional<String> healthProblem(MatchModel candidate, int[] sure, long totalPairs) {
        model = candidate;
        termFrequency = termFrequencies(candidate);
        double[] scored = scoring().weights(candidate, termFrequency);
        checkedModel = candidate;
        checkedWeights = scored;
        return TrainingHealth.problem(candidate, comparisonList, levels, scored, sure, settings.thresholdWeight(),
                totalPairs);
    }

    /**
     * The candidate pairs that surely match: exact (most similar, non-neutral) agreement on every one of
     * forename, surname and date of birth the run compares (when it compares all three), or an anchor pair.
     */
    private int[] surePairs() {
        int[] nameAndDob = TrainingHealth.nameAndDobIndexes(comparisonList);
        boolean all = nameAndDob.length == TrainingHealth.NAME_AND_DOB.size();
        boolean[] firstNeutral = new boolean[comparisonCount];
        for (int c : nameAndDob) {
            firstNeutral[c] = comparisons[c].levels().get(0).isNeutral();
        }
        boolean[] anchored = anchors();
        int[] sure = new int[candidates.size()];
        int count = 0;
        for (int k = 0; k < candidates.size(); k++) {
            boolean agrees = all;
            for (int c : nameAndDob) {
                agrees &= levels[c][k] == 0 && !firstNeutral[c];
            }
            if (agrees || anchored[k]) {
                sure[count++] = k;
            }
        }
        LOG.info("{} candidate pairs share a strong identifier or agree exactly on names and date of birth", count);
        return Arrays.copyOf(sure, count);
    }

    /**
     * The starting λ from the anchor pairs: the candidate pairs that share a strong identifier are taken as the
     * matches (at least one), over all pairs, capped at 0.5. EM then moves it (docs/model.md, "The prior").
     */
    private double anchorPrior(long totalPairs) {
        double prior = Math.min(0.5, Math.max(1, anchorPairs) / (double) totalPairs);
        LOG.info("starting prior {} from {} candidate pairs sharing a strong identifier", prior, anchorPairs);
        return prior;
    }

    /** The pairs λ is defined over: every pair of the pool, or every pair across sources. */
    private long comparablePairs() {
        long all = ModelTrainer.pairCount(n);
        if (sourceOf == null) {
            return all;
        }
        long[] sizes = new long[Arrays.stream(sourceOf).max().orElse(0) + 1];
        for (int s : sourceOf) {
            sizes[s]++;
        }
        long within = 0;
        for (long size : sizes) {
            within += size * (size - 1) / 2;
        }
        return all - within;
    }

    /** The comparison vectors of the candidates, counted per chunk in parallel and merged in chunk order. */
    private ComparisonVectors countVectors() {
        int pairs = candidates.size();
        int chunks = Math.max(1, (pairs + Parallel.CHUNK - 1) / Parallel.CHUNK);
        ComparisonVectors.Builder[] perChunk = new ComparisonVectors.Builder[chunks];
        parallel.chunks(pairs, (from, to) -> {
            ComparisonVectors.Builder vectors = ComparisonVectors.builder(levelCounts);
            int[] vector = new int[comparisonCount];
            for (int k = from; k < to; k++) {
                for (int c = 0; c < comparisonCount; c++) {
                    vector[c] = levels[c][k];
                }
                vectors.add(vector);
            }
            perChunk[from / Parallel.CHUNK] = vectors;
        });
        ComparisonVectors.Builder all = ComparisonVectors.builder(levelCounts);
        for (ComparisonVectors.Builder chunk : perChunk) {
            if (chunk != null) {
                all.addAll(chunk);
            }
        }
        return all.build();
    }

    // ---------------------------------------------------------------- score and cluster

    /** Scores every candidate pair with the model (the health check's weights when it scored this model). */
    public PipelineRun<R> score() {
        stages.run("score", () -> {
            if (termFrequency == null) {
                termFrequency = termFrequencies(model);
            }
            weights = model == checkedModel ? checkedWeights : scoring().weights(model, termFrequency);
            return String.format("%,d pairs", weights.length);
        });
        return this;
    }

    /**
     * The candidates clustering is offered: those at or above the threshold and, with supported links on, those
     * at or above the supported-link weight (see {@link RunSettings#supportedLinkWeight()}), in candidate order.
     */
    public int[] linksToCluster() {
        double lowest = Math.min(settings.thresholdWeight(), settings.supportedLinkWeight());
        return IntStream.range(0, weights.length).filter(k -> weights[k] >= lowest).toArray();
    }

    /**
     * After {@link #cluster}, the links the result reports, as indexes of candidates in candidate order: those
     * offered at or above the threshold, and those below it that joined two clusters
     * ({@link Clustering#supportedLinks()}).
     */
    public int[] usedLinks() {
        return usedLinks;
    }

    /** Clusters the given links (indexes of candidates, in candidate order) under the kind's constraints. */
    public PipelineRun<R> cluster(int[] linkIndexes) {
        return cluster(linkIndexes, PairDecisions.NONE);
    }

    /**
     * Clusters the given links under the kind's constraints and a reviewer's decisions: must-links joined first,
     * cannot-links never overridden (see {@link Clusterer}).
     */
    public PipelineRun<R> cluster(int[] linkIndexes, PairDecisions decisions) {
        stages.run("cluster", () -> {
            links = scoredLinks(linkIndexes);
            // Built as the clusterer reads them, one record at a time, rather than a million lists at once.
            List<List<String>> keys = new AbstractList<>() {
                @Override
                public List<String> get(int r) {
                    List<String> recordKeys = new ArrayList<>(3);
                    kind.exclusiveKeys(record(r), recordKeys);
                    return recordKeys;
                }

                @Override
                public int size() {
                    return n;
                }
            };
            // Every candidate pair's weight, for the support of links below the threshold.
            PairWeights scored = (a, b) -> {
                int k = candidates.indexOf(CandidatePairs.pack(a, b));
                return k >= 0 ? weights[k] : Double.NaN;
            };
            clustering = clusterer(settings, kind).cluster(n, links, keys, kind.conflicts(recordList, model), decisions,
                    scored);
            // Without the offered links below the threshold that it left unused.
            double threshold = settings.thresholdWeight();
            long[] supported = clustering.supportedLinks();
            usedLinks = Arrays.stream(linkIndexes).filter(k -> weights[k] >= threshold
                    || Arrays.binarySearch(supported, candidates.pair(k)) >= 0).toArray();
            links = scoredLinks(usedLinks);
            return String.format("%,d people", clustering.clusterCount());
        });
        return this;
    }

    private ScoredLinks scoredLinks(int[] linkIndexes) {
        ScoredLinks.Builder built = ScoredLinks.builder(linkIndexes.length);
        for (int k : linkIndexes) {
            long pair = candidates.pair(k);
            built.add(CandidatePairs.left(pair), CandidatePairs.right(pair), weights[k]);
        }
        return built.build();
    }

    /**
     * The clusterer of a run (and of the link index, so that a link there clusters as it does here): the
     * settings' threshold and overwhelming weight, and the kind's lone-link weight.
     */
    public static Clusterer clusterer(RunSettings settings, RecordKind<?> kind) {
        Clusterer.Builder clusterer = Clusterer.builder().threshold(settings.thresholdWeight())
                .overwhelmingWeight(settings.overwhelmingWeight())
                // A birth-date conflict is resolved only by the model itself: a direct link at or above the
                // threshold, which has already weighed the dates. Chains cannot override it. (Stricter settings
                // only cost recall, FEBRL's included, with no gain in precision.)
                .conflictOverrideWeight(settings.thresholdWeight());
        kind.loneLinkWeight().ifPresent(clusterer::loneLinkWeight);
        clusterer.supportedLinkWeight(settings.supportedLinkWeight());
        return clusterer.build();
    }

    // ---------------------------------------------------------------- what the kind and the front ends read

    /** Each candidate pair's match weight under {@code model}, with this run's term frequencies. */
    public PairScoring scoring() {
        return new PairScoring(candidates, levels, levelCounts, n, parallel::chunks);
    }

    /**
     * Per comparison that takes term-frequency adjustment in {@code forModel}, each record's value frequency
     * ({@code [c][record]}); null rows for the others, and all rows null for a pool too small to adjust.
     */
    public double[][] termFrequencies(MatchModel forModel) {
        return PairScoring.termFrequencies(forModel, comparisonList, recordList, settings.adjustsTermFrequencies(n),
                frequencyTables, parallel::tasks);
    }

    public RunSettings settings() {
        return settings;
    }

    public Parallel parallel() {
        return parallel;
    }

    public Stages stages() {
        return stages;
    }

    /** The records, in input order. */
    public List<R> records() {
        return recordList;
    }

    public R recordAt(int i) {
        return record(i);
    }

    public int recordCount() {
        return n;
    }

    public List<Comparison<R>> comparisons() {
        return comparisonList;
    }

    public Candidates candidates() {
        return candidates;
    }

    /** {@code levels[c][k]}: the level of comparison c for candidate pair k. */
    public byte[][] levels() {
        return levels;
    }

    /** {@code levelsSeen()[c][l]}: whether some candidate pair takes level l of comparison c (set by training). */
    public boolean[][] levelsSeen() {
        return levelsSeen;
    }

    public MatchModel model() {
        return model;
    }

    /** Whether the model was trained on these records (not supplied, not the small-pool model). */
    public boolean isTrained() {
        return trained;
    }

    /** {@code [c][record]}, as {@link #termFrequencies} gave them for the model scored with. */
    public double[][] termFrequency() {
        return termFrequency;
    }

    public double[] weights() {
        return weights;
    }

    public ScoredLinks links() {
        return links;
    }

    public Clustering clustering() {
        return clustering;
    }
}
