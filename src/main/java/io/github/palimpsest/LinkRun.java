package io.github.palimpsest;

import io.github.palimpsest.block.Blocker;
import io.github.palimpsest.block.CandidatePairs;
import io.github.palimpsest.cluster.Clusterer;
import io.github.palimpsest.cluster.Clustering;
import io.github.palimpsest.cluster.EntityIds;
import io.github.palimpsest.cluster.ScoredLinks;
import io.github.palimpsest.cluster.PersonConflicts;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.TermFrequencyComparison;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.ComparisonVectors;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.ModelTrainer;
import io.github.palimpsest.score.TrainingHealth;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the pipeline over one pool of records (see {@link Linker}); used once, by one thread. The
 * parallel stages split the candidate pairs into fixed chunks and write only their own positions, so the
 * result does not depend on scheduling.
 */
final class LinkRun {
    private static final Logger LOG = LoggerFactory.getLogger(LinkRun.class);
    /** The Laplace pseudo-count of counted u: the one {@link ModelTrainer} adds to sampled u by default. */
    private static final double COUNTED_U_PSEUDO_COUNT = 1.0;
    /** Pairs per parallel task: large enough to amortise scheduling, small enough to balance two cores. */
    private static final int CHUNK = 1 << 13;

    private final Linker config;
    private final int comparisonCount;
    private final Comparison<ComparableRecord>[] comparisons;
    private final int[] levelCounts;
    private final Map<String, Duration> stageTimes = new LinkedHashMap<>();
    private ForkJoinPool pool;

    private int n;
    private ComparableRecord[] comparable;
    private CandidatePairs candidates;
    /** levels[c][k]: the level of comparison c for candidate pair k. */
    private byte[][] levels;
    private MatchModel model;
    /** termFrequency[c][record]: the frequency of the record's value for comparison c, or null for none. */
    private double[][] termFrequency;
    private double[] weights;
    /** The last model the health check scored, and its weights for the candidates. */
    private MatchModel checkedModel;
    private double[] checkedWeights;
    /** Candidate pairs that share a valid PNC ID, CRO number or NI number (counted while comparing). */
    private long sharingStrongIdentifier;
    /** The run's review decisions over its records, set when clustering starts. */
    private Reviewing reviewing;

    @SuppressWarnings("unchecked")
    LinkRun(Linker config) {
        this.config = config;
        this.comparisonCount = config.comparisons.size();
        this.comparisons = config.comparisons.toArray(new Comparison[0]);
        this.levelCounts = config.comparisons.stream().mapToInt(c -> c.levels().size()).toArray();
    }

    /** Prepares, blocks, compares and trains: the model a full run would train, without scoring. */
    MatchModel trainOnly(List<PersonRecord> records) {
        pool = new ForkJoinPool(config.threads);
        try {
            prepare(records);
            blockAndCompare();
            stage("train", () -> {
                model = train();
                return String.format("prior %.3g", model.prior());
            });
            return model;
        } finally {
            pool.shutdown();
        }
    }

    /** The whole pipeline over person records, with entities that hold them. */
    LinkResult run(List<PersonRecord> records) {
        pool = new ForkJoinPool(config.threads);
        try {
            prepare(records);
            CompactLinkResult compact = link();
            // Entities hold the person records themselves; building them is the rest of the pattern stage.
            long started = System.nanoTime();
            LinkResult result = LinkResult.of(compact, records);
            stageTimes.merge("pattern", Duration.ofNanos(System.nanoTime() - started), Duration::plus);
            return result.withStatistics(statistics(compact.statistics()));
        } finally {
            pool.shutdown();
        }
    }

    /** The whole pipeline over records already prepared. */
    CompactLinkResult run(ComparableRecord[] prepared) {
        pool = new ForkJoinPool(config.threads);
        try {
            comparable = prepared;
            n = prepared.length;
            return link();
        } finally {
            pool.shutdown();
        }
    }

    /** The statistics with the stage times as they stand now. */
    private LinkStatistics statistics(LinkStatistics s) {
        return new LinkStatistics(s.records(), s.candidatePairs(), s.links(), s.people(),
                s.peopleSeenByMoreThanOneForce(), s.constraintRejections(), s.isModelTrained(), stageTimes,
                s.trainingNote());
    }

    private void prepare(List<PersonRecord> records) {
        n = records.size();
        stage("prepare", () -> {
            ComparableRecordFactory factory = ComparableRecordFactory.create();
            comparable = inPool(() -> IntStream.range(0, n).parallel()
                    .mapToObj(i -> factory.of(records.get(i))).toArray(ComparableRecord[]::new));
            return String.format("%,d records", n);
        });
    }

    private void blockAndCompare() {
        stage("block", () -> {
            Blocker<ComparableRecord> blocker = Blocker.<ComparableRecord>builder().rules(config.blockingRules)
                    .maxBlockSize(config.maxBlockSize).parallel(config.threads > 1).build();
            candidates = inPool(() -> blocker.candidates(Arrays.asList(comparable)));
            return String.format("%,d candidate pairs", candidates.size());
        });
        stage("compare", () -> {
            compareCandidates();
            return String.format("%,d pairs × %d comparisons", candidates.size(), comparisonCount);
        });
    }

    private CompactLinkResult link() {
        blockAndCompare();
        Optional<MatchModel> given = config.modelFor(n);
        boolean trained = given.isEmpty();
        if (trained) {
            stage("train", () -> {
                model = train();
                return String.format("prior %.3g", model.prior());
            });
        } else {
            model = given.get();
            if (config.model.isEmpty()) {
                LOG.warn("{}", model.trainingNote());
            }
        }
        stage("score", () -> {
            if (termFrequency == null) {
                termFrequency = termFrequencies();
            }
            // The health check has already scored the candidates with the model that passed it.
            weights = model == checkedModel ? checkedWeights : scoring().weights(model, termFrequency);
            return String.format("%,d pairs", weights.length);
        });
        int[] linkIndexes = linksAtOrAboveThreshold();
        Clustering[] clustering = new Clustering[1];
        stage("cluster", () -> {
            clustering[0] = cluster(linkIndexes);
            return String.format("%,d people", clustering[0].clusterCount());
        });
        CompactLinkResult[] result = new CompactLinkResult[1];
        stage("pattern", () -> {
            result[0] = assemble(clustering[0], linkIndexes, trained);
            return String.format("%,d people seen by more than one force",
                    result[0].statistics().peopleSeenByMoreThanOneForce());
        });
        return result[0].withStatistics(statistics(result[0].statistics()));
    }

    private void stage(String name, Supplier<String> work) {
        config.listener.stageStarted(name);
        long started = System.nanoTime();
        String summary = work.get();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        stageTimes.put(name, elapsed);
        LOG.info("{}: {} in {} ms", name, summary, elapsed.toMillis());
        config.listener.stageFinished(name, elapsed, summary);
    }

    private <T> T inPool(Supplier<T> work) {
        return pool.submit(work::get).join();
    }

    private double[][] termFrequencies() {
        return PairScoring.termFrequencies(model, config.comparisons, comparable, config.adjustsTermFrequencies(n));
    }

    private PairScoring scoring() {
        return new PairScoring(candidates, levels, levelCounts, n, this::runChunks);
    }

    private void runChunks(int size, PairScoring.Range work) {
        int chunks = (size + CHUNK - 1) / CHUNK;
        inPool(() -> {
            IntStream.range(0, chunks).parallel().forEach(chunk ->
                    work.run(chunk * CHUNK, Math.min(size, (chunk + 1) * CHUNK)));
            return null;
        });
    }

    /** Fills {@link #levels}, and counts the pairs sharing a strong identifier while both records are at hand. */
    private void compareCandidates() {
        int pairs = candidates.size();
        levels = new byte[comparisonCount][pairs];
        long[] sharingPerChunk = new long[(pairs + CHUNK - 1) / CHUNK];
        runChunks(pairs, (from, to) -> {
            long sharing = 0;
            for (int k = from; k < to; k++) {
                long pair = candidates.pair(k);
                ComparableRecord a = comparable[CandidatePairs.left(pair)];
                ComparableRecord b = comparable[CandidatePairs.right(pair)];
                for (int c = 0; c < comparisonCount; c++) {
                    levels[c][k] = (byte) checkedLevel(c, a, b);
                }
                if (Anchors.sharesStrongIdentifier(a, b)) {
                    sharing++;
                }
            }
            sharingPerChunk[from / CHUNK] = sharing;
        });
        sharingStrongIdentifier = Arrays.stream(sharingPerChunk).sum();
    }

    private int checkedLevel(int c, ComparableRecord a, ComparableRecord b) {
        int level = comparisons[c].level(a, b);
        if (level < 0 || level >= levelCounts[c]) {
            throw new IllegalStateException("comparison '" + comparisons[c].name() + "' returned level " + level
                    + ", outside its " + levelCounts[c] + " levels");
        }
        return level;
    }

    /**
     * Trains on the candidates, then checks the model's health ({@link TrainingHealth}). A model that fails
     * is retrained once with monotone levels from the pairs that surely match; if that fails too, the run
     * falls back to the bundled default model, its prior scaled to the pool (standard comparisons only).
     * Either way the warning is logged and kept in the model's {@linkplain MatchModel#trainingNote() note}.
     */
    private MatchModel train() {
        ModelTrainer built = trainer(false);
        double prior = initialPrior();
        ComparisonVectors vectors = countVectors();
        MatchModel start = inPool(() -> built.estimateUInParallel(n, () -> {
            int[] scratch = new int[comparisonCount];
            return (i, j) -> {
                for (int c = 0; c < comparisonCount; c++) {
                    scratch[c] = checkedLevel(c, comparable[i], comparable[j]);
                }
                return scratch;
            };
        }, prior));
        MatchModel first = fit(built, start, vectors);
        int[] sure = surePairs(config.comparisons, comparable, candidates, levels);
        Optional<String> problem = healthProblem(first, sure);
        if (problem.isEmpty()) {
            return first;
        }
        LOG.warn("the trained model failed its health check ({}); retraining with monotone levels, starting "
                + "from the {} candidate pairs that surely match", problem.get(), sure.length);
        double surePrior = Math.min(0.5, Math.max(1, sure.length) / (double) ModelTrainer.pairCount(n));
        MatchModel retrained = fit(trainer(true), start.toBuilder().prior(surePrior).build(), vectors);
        Optional<String> again = healthProblem(retrained, sure);
        if (again.isEmpty()) {
            String note = "EM failed the health check (" + problem.get() + "); retrained with monotone levels";
            LOG.warn("{}: the retrained model passes", note);
            return retrained.withTrainingNote(note);
        }
        if (config.comparisons.equals(Defaults.comparisons())) {
            String note = "training failed the health check (" + again.get()
                    + "); using the bundled default model, its prior scaled to " + n + " records";
            LOG.warn(note);
            termFrequency = null;
            return DefaultModel.scaledTo(n).withTrainingNote(note);
        }
        String note = "training failed the health check (" + again.get()
                + ") and no default model fits these comparisons; links may be missing";
        LOG.warn(note);
        return retrained.withTrainingNote(note);
    }

    /**
     * The candidate pairs that surely match: exact (most similar, non-neutral) agreement on every one of
     * forename, surname and date of birth the linker compares (when it compares all three), or a shared
     * valid PNC ID, CRO or NI number.
     */
    private static int[] surePairs(List<Comparison<ComparableRecord>> comparisons, ComparableRecord[] comparable,
                           CandidatePairs candidates, byte[][] levels) {
        int[] nameAndDob = TrainingHealth.nameAndDobIndexes(comparisons);
        int[] sure = new int[candidates.size()];
        int count = 0;
        for (int k = 0; k < candidates.size(); k++) {
            boolean agrees = nameAndDob.length == TrainingHealth.NAME_AND_DOB.size();
            for (int c : nameAndDob) {
                agrees &= levels[c][k] == 0 && !comparisons.get(c).levels().get(0).isNeutral();
            }
            long pair = candidates.pair(k);
            if (agrees || Anchors.sharesStrongIdentifier(comparable[CandidatePairs.left(pair)],
                    comparable[CandidatePairs.right(pair)])) {
                sure[count++] = k;
            }
        }
        return java.util.Arrays.copyOf(sure, count);
    }

    private ModelTrainer trainer(boolean monotone) {
        ModelTrainer.Builder trainer = ModelTrainer.builder().seed(config.seed).uSamplePairs(config.uSamplePairs)
                .monotoneLevels(monotone);
        for (Comparison<ComparableRecord> c : config.comparisons) {
            trainer.comparison(c);
            if (c instanceof TermFrequencyComparison<ComparableRecord> tf && tf.termFrequencyLevel() >= 0) {
                trainer.termFrequencyLevel(c.name(), tf.termFrequencyLevel());
            }
        }
        return trainer.build();
    }

    /** The health check of a trained model, over the candidates as the run would score them. */
    private Optional<String> healthProblem(MatchModel trained, int[] sure) {
        model = trained;
        termFrequency = termFrequencies();
        double[] scored = scoring().weights(trained, termFrequency);
        checkedModel = trained;
        checkedWeights = scored;
        return TrainingHealth.problem(trained, config.comparisons, levels, scored, sure, config.thresholdWeight,
                ModelTrainer.pairCount(n));
    }

    /** EM for m and λ from {@code start} (sampled u), then anchored m, counted u and the household class. */
    private MatchModel fit(ModelTrainer built, MatchModel start, ComparisonVectors vectors) {
        MatchModel anchored = CountedU.withCountedU(
                Anchors.withAnchoredM(built.estimateMAndPrior(start, vectors, ModelTrainer.pairCount(n)),
                        config.comparisons, comparable, candidates, levels),
                config.comparisons, candidates.report(), comparable, candidates, levels, COUNTED_U_PSEUDO_COUNT);
        if (!config.householdClass) {
            return anchored;
        }
        // The household class is fitted to the pairs as the two-class model scores them.
        model = anchored;
        termFrequency = termFrequencies();
        PairScoring scoring = scoring();
        double[] tfBits = scoring.termFrequencyBits(model, termFrequency);
        HouseholdClass.Parallel parallel = (count, chunk) -> inPool(() -> {
            IntStream.range(0, count).parallel().forEach(chunk);
            return null;
        });
        model = HouseholdClass.fit(anchored, levels, scoring.weights(model, termFrequency), tfBits, n, parallel);
        // Relatives apart are fitted to the pairs as the model with its household class scores them.
        return HouseholdClass.fitRelativesApart(model, levels, scoring.weights(model, termFrequency), tfBits, n,
                parallel);
    }

    /** The comparison vectors of the candidates, counted per chunk in parallel and merged in chunk order. */
    private ComparisonVectors countVectors() {
        int pairs = candidates.size();
        int chunks = Math.max(1, (pairs + CHUNK - 1) / CHUNK);
        ComparisonVectors.Builder[] perChunk = new ComparisonVectors.Builder[chunks];
        runChunks(pairs, (from, to) -> {
            ComparisonVectors.Builder vectors = ComparisonVectors.builder(levelCounts);
            int[] vector = new int[comparisonCount];
            for (int k = from; k < to; k++) {
                for (int c = 0; c < comparisonCount; c++) {
                    vector[c] = levels[c][k];
                }
                vectors.add(vector);
            }
            perChunk[from / CHUNK] = vectors;
        });
        ComparisonVectors.Builder all = ComparisonVectors.builder(levelCounts);
        for (ComparisonVectors.Builder chunk : perChunk) {
            if (chunk != null) {
                all.addAll(chunk);
            }
        }
        return all.build();
    }

    /**
     * The starting λ, from a deterministic rule: the candidate pairs that share a valid PNC ID, CRO number
     * or NI number are taken as the matches (at least one), over all n(n−1)/2 pairs, capped at 0.5.
     * EM then moves it (docs/model.md, "The prior").
     */
    private double initialPrior() {
        long sharing = sharingStrongIdentifier;
        double prior = Math.min(0.5, Math.max(1, sharing) / (double) ModelTrainer.pairCount(n));
        LOG.info("starting prior {} from {} candidate pairs sharing a strong identifier", prior, sharing);
        return prior;
    }

    private int[] linksAtOrAboveThreshold() {
        return IntStream.range(0, weights.length).filter(k -> weights[k] >= config.thresholdWeight).toArray();
    }

    private Clustering cluster(int[] linkIndexes) {
        ScoredLinks.Builder links = ScoredLinks.builder(linkIndexes.length);
        for (int k : linkIndexes) {
            long pair = candidates.pair(k);
            links.add(CandidatePairs.left(pair), CandidatePairs.right(pair), weights[k]);
        }
        // Built as the clusterer reads them, one record at a time, rather than a million lists at once.
        List<List<String>> keys = new AbstractList<>() {
            @Override
            public List<String> get(int r) {
                ComparableRecord record = comparable[r];
                List<String> recordKeys = new ArrayList<>(3);
                addKey(recordKeys, "pnc:", record.pncId());
                addKey(recordKeys, "cro:", record.croNumber());
                addKey(recordKeys, "ni:", record.niNumber());
                return recordKeys;
            }

            @Override
            public int size() {
                return n;
            }
        };
        Clusterer clusterer = Clusterer.builder().threshold(config.thresholdWeight)
                .overwhelmingWeight(config.overwhelmingWeight)
                // A birth-date conflict is resolved only by the model itself: a direct link at or above
                // the threshold, which has already weighed the dates. Chains cannot override it. (Stricter
                // settings only cost recall, FEBRL's included, with no gain in precision: docs/accuracy.md.)
                .conflictOverrideWeight(config.thresholdWeight)
                .loneLinkWeight(PersonConflicts.LONE_LINK_WEIGHT)
                .build();
        reviewing = Reviewing.of(config.decisions, comparable);
        return clusterer.cluster(n, links.build(), keys, PersonConflicts.birthDates(config.comparisons, i -> comparable[i]),
                reviewing.pairs);
    }

    private static void addKey(List<String> keys, String type, String value) {
        if (!value.isEmpty()) {
            keys.add(type + value);
        }
    }

    /** Entity ids, each record's strongest link inside its entity, and the links kept for explanations. */
    private CompactLinkResult assemble(Clustering clustering, int[] linkIndexes, boolean trained) {
        List<ComparableRecord> recordList = CompactLinkResult.listOf(comparable);
        List<String> recordIds = new AbstractList<>() {
            @Override
            public String get(int r) {
                return comparable[r].recordId();
            }

            @Override
            public int size() {
                return n;
            }
        };
        List<String> entityIds = EntityIds.people().assign(clustering, recordIds);
        // Must-link pairs below the threshold become links too, merged in pair order.
        Reviewing.ExtraLinks extra = reviewing.extraLinks(candidates, weights, levels, config.thresholdWeight,
                config.comparisons, comparable, model, termFrequency);
        int links = linkIndexes.length + extra.pairs().length;
        long[] linkPairs = new long[links];
        double[] linkWeights = new double[links];
        byte[][] linkLevels = new byte[comparisonCount][links];
        int[] strongest = new int[n];
        Arrays.fill(strongest, -1);
        for (int m = 0, i = 0, x = 0; m < links; m++) {
            boolean fromCandidates = x == extra.pairs().length
                    || (i < linkIndexes.length && candidates.pair(linkIndexes[i]) < extra.pairs()[x]);
            long pair;
            if (fromCandidates) {
                int k = linkIndexes[i++];
                pair = candidates.pair(k);
                linkWeights[m] = weights[k];
                for (int c = 0; c < comparisonCount; c++) {
                    linkLevels[c][m] = levels[c][k];
                }
            } else {
                pair = extra.pairs()[x];
                linkWeights[m] = extra.weights()[x];
                for (int c = 0; c < comparisonCount; c++) {
                    linkLevels[c][m] = extra.levels()[c][x];
                }
                x++;
            }
            linkPairs[m] = pair;
            int left = CandidatePairs.left(pair);
            int right = CandidatePairs.right(pair);
            if (clustering.clusterOf(left) == clustering.clusterOf(right)) {
                // Strictly greater: on equal weights the first link in pair order stays, so the choice is fixed.
                if (strongest[left] < 0 || linkWeights[m] > linkWeights[strongest[left]]) {
                    strongest[left] = m;
                }
                if (strongest[right] < 0 || linkWeights[m] > linkWeights[strongest[right]]) {
                    strongest[right] = m;
                }
            }
        }
        ReviewState review = reviewing.state(linkPairs, linkWeights, linkLevels, clustering, candidates, weights, levels,
                config.thresholdWeight, config.reviewThresholdWeight);
        LinkStatistics counts = new LinkStatistics(n, candidates.size(), links, clustering.clusterCount(), 0,
                clustering.constraintRejections(), trained, stageTimes, model.trainingNote());
        CompactLinkResult result = new CompactLinkResult(recordList, clustering, entityIds, linkPairs, linkWeights,
                linkLevels, termFrequency, strongest, model, config.thresholdWeight, counts, candidates.report(), review);
        int multiForce = 0;
        for (int e = 0; e < clustering.clusterCount(); e++) {
            if (result.isSeenByMoreThanOneForce(e)) {
                multiForce++;
            }
        }
        return result.withStatistics(new LinkStatistics(n, candidates.size(), links, clustering.clusterCount(),
                multiForce, clustering.constraintRejections(), trained, stageTimes, model.trainingNote()));
    }
}
