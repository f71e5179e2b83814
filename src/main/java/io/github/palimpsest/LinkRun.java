package io.github.palimpsest;

import io.github.palimpsest.block.Blocker;
import io.github.palimpsest.block.CandidatePairs;
import io.github.palimpsest.cluster.Clusterer;
import io.github.palimpsest.cluster.Clustering;
import io.github.palimpsest.cluster.EntityIds;
import io.github.palimpsest.cluster.ScoredLinks;
import io.github.palimpsest.cluster.PersonConflicts;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.compare.TermFrequencyComparison;
import io.github.palimpsest.pattern.Evidence;
import io.github.palimpsest.pattern.Pattern;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.ComparisonVectors;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.ModelTrainer;
import io.github.palimpsest.score.TermFrequencies;
import java.time.Duration;
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
 * One run of the pipeline over one list of records (see {@link Linker}); used once, by one thread. The
 * parallel stages split the candidate pairs into fixed chunks and write only their own positions, so the
 * result does not depend on scheduling.
 */
final class LinkRun {
    private static final Logger LOG = LoggerFactory.getLogger(LinkRun.class);
    /** Pairs per parallel task: large enough to amortise scheduling, small enough to balance two cores. */
    private static final int CHUNK = 1 << 13;

    private final Linker config;
    private final List<PersonRecord> records;
    private final int n;
    private final int comparisonCount;
    private final Map<String, Duration> stageTimes = new LinkedHashMap<>();
    private ForkJoinPool pool;

    private ComparableRecord[] comparable;
    private CandidatePairs candidates;
    /** levels[c][k]: the level of comparison c for candidate pair k. */
    private byte[][] levels;
    private MatchModel model;
    /** termFrequency[c][record]: the frequency of the record's value for comparison c, or null for none. */
    private double[][] termFrequency;
    private double[] weights;
    private List<Link> links;
    private List<Entity> entities;
    private int multiForce;

    LinkRun(Linker config, List<PersonRecord> records) {
        this.config = config;
        this.records = records;
        this.n = records.size();
        this.comparisonCount = config.comparisons.size();
    }

    /** Prepares, blocks, compares and trains: the model a full run would train, without scoring. */
    MatchModel trainOnly() {
        pool = new ForkJoinPool(config.threads);
        try {
            prepareBlockCompare();
            stage("train", () -> {
                model = train();
                return String.format("prior %.3g", model.prior());
            });
            return model;
        } finally {
            pool.shutdown();
        }
    }

    private void prepareBlockCompare() {
        stage("prepare", () -> {
            comparable = inPool(() -> IntStream.range(0, n).parallel()
                    .mapToObj(i -> ComparableRecord.of(records.get(i))).toArray(ComparableRecord[]::new));
            return String.format("%,d records", n);
        });
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

    LinkResult run() {
        pool = new ForkJoinPool(config.threads);
        try {
            prepareBlockCompare();
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
                    LOG.info("{} records are fewer than {} to train on: using the bundled default model", n,
                            config.minimumTrainingRecords);
                }
            }
            stage("score", () -> {
                termFrequency = termFrequencies();
                weights = score();
                return String.format("%,d pairs", weights.length);
            });
            int[] linkIndexes = linksAtOrAboveThreshold();
            Clustering[] clustering = new Clustering[1];
            stage("cluster", () -> {
                clustering[0] = cluster(linkIndexes);
                return String.format("%,d people", clustering[0].clusterCount());
            });
            stage("pattern", () -> {
                assemble(clustering[0], linkIndexes);
                return String.format("%,d people seen by more than one force", multiForce);
            });
            LinkStatistics statistics = new LinkStatistics(n, candidates.size(), links.size(), entities.size(),
                    multiForce, clustering[0].constraintRejections(), trained, stageTimes);
            return new LinkResult(entities, links, model, config.thresholdWeight, statistics, candidates.report());
        } finally {
            pool.shutdown();
        }
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

    private void runChunks(int size, ChunkWork work) {
        int chunks = (size + CHUNK - 1) / CHUNK;
        inPool(() -> {
            IntStream.range(0, chunks).parallel().forEach(chunk ->
                    work.run(chunk * CHUNK, Math.min(size, (chunk + 1) * CHUNK)));
            return null;
        });
    }

    @FunctionalInterface
    private interface ChunkWork {
        void run(int from, int to);
    }

    private void compareCandidates() {
        int pairs = candidates.size();
        levels = new byte[comparisonCount][pairs];
        List<Comparison<ComparableRecord>> comparisons = config.comparisons;
        runChunks(pairs, (from, to) -> {
            for (int k = from; k < to; k++) {
                long pair = candidates.pair(k);
                ComparableRecord a = comparable[CandidatePairs.left(pair)];
                ComparableRecord b = comparable[CandidatePairs.right(pair)];
                for (int c = 0; c < comparisonCount; c++) {
                    levels[c][k] = (byte) checkedLevel(comparisons.get(c), a, b);
                }
            }
        });
    }

    private static int checkedLevel(Comparison<ComparableRecord> comparison, ComparableRecord a, ComparableRecord b) {
        int level = comparison.level(a, b);
        if (level < 0 || level >= comparison.levels().size()) {
            throw new IllegalStateException("comparison '" + comparison.name() + "' returned level " + level
                    + ", outside its " + comparison.levels().size() + " levels");
        }
        return level;
    }

    private MatchModel train() {
        ModelTrainer.Builder trainer = ModelTrainer.builder().seed(config.seed).uSamplePairs(config.uSamplePairs);
        for (Comparison<ComparableRecord> c : config.comparisons) {
            trainer.comparison(c);
            if (c instanceof TermFrequencyComparison<ComparableRecord> tf && tf.termFrequencyLevel() >= 0) {
                trainer.termFrequencyLevel(c.name(), tf.termFrequencyLevel());
            }
        }
        int[] scratch = new int[comparisonCount];
        ModelTrainer.PairLevels pairLevels = (i, j) -> {
            for (int c = 0; c < comparisonCount; c++) {
                scratch[c] = checkedLevel(config.comparisons.get(c), comparable[i], comparable[j]);
            }
            return scratch;
        };
        return withAnchoredM(trainer.build().train(n, pairLevels, countVectors(), initialPrior()));
    }

    /** Fewest anchor pairs (sharing a PNC ID, CRO or NI number) for their levels to replace EM's m. */
    static final int MINIMUM_ANCHOR_PAIRS = 200;
    /** The comparisons whose agreement defines an anchor pair, so whose m anchors cannot tell. */
    private static final java.util.Set<String> ANCHOR_COMPARISONS = java.util.Set.of("pnc_id", "cro_number", "ni_number");

    /**
     * Re-estimates m for every comparison but the anchoring identifiers from the candidate pairs that share
     * a valid PNC ID, CRO or NI number: pairs that are, with rare exceptions, the same person. EM alone
     * learns m over all candidate pairs, and relatives who share a surname, an address and a phone — twins,
     * a parent and child of the same name — form a tight group of near-agreeing pairs that EM partly counts
     * as matches; that inflates m of "different forename" and "different date of birth" and so weakens the
     * very evidence that keeps relatives apart. Counting levels over anchor pairs (Laplace-smoothed) is the
     * deterministic-rule estimate Splink-style training uses for m; with too few anchors EM's m stands.
     */
    private MatchModel withAnchoredM(MatchModel trained) {
        long[][] counts = new long[comparisonCount][];
        for (int c = 0; c < comparisonCount; c++) {
            counts[c] = new long[config.comparisons.get(c).levels().size()];
        }
        int anchors = 0;
        for (int k = 0; k < candidates.size(); k++) {
            long pair = candidates.pair(k);
            if (sharesStrongIdentifier(comparable[CandidatePairs.left(pair)], comparable[CandidatePairs.right(pair)])) {
                anchors++;
                for (int c = 0; c < comparisonCount; c++) {
                    counts[c][levels[c][k]]++;
                }
            }
        }
        if (anchors < MINIMUM_ANCHOR_PAIRS) {
            LOG.info("{} anchor pairs: m as estimated by EM", anchors);
            return trained;
        }
        var builder = trained.toBuilder();
        for (int c = 0; c < comparisonCount; c++) {
            Comparison<ComparableRecord> comparison = config.comparisons.get(c);
            if (ANCHOR_COMPARISONS.contains(comparison.name())) {
                continue;
            }
            List<ComparisonLevel> comparisonLevels = comparison.levels();
            long informative = 0;
            int informativeLevels = 0;
            for (int l = 0; l < comparisonLevels.size(); l++) {
                if (!comparisonLevels.get(l).isNeutral()) {
                    informative += counts[c][l];
                    informativeLevels++;
                }
            }
            if (informative == 0) {
                continue;
            }
            double[] m = new double[comparisonLevels.size()];
            for (int l = 0; l < m.length; l++) {
                m[l] = comparisonLevels.get(l).isNeutral() ? 1.0
                        : (counts[c][l] + 1.0) / (informative + informativeLevels);
            }
            builder.m(comparison.name(), m);
        }
        LOG.info("m re-estimated from {} anchor pairs", anchors);
        return builder.build();
    }

    /** The comparison vectors of the candidates, counted per chunk in parallel and merged in chunk order. */
    private ComparisonVectors countVectors() {
        int pairs = candidates.size();
        int chunks = Math.max(1, (pairs + CHUNK - 1) / CHUNK);
        int[] levelCounts = config.comparisons.stream().mapToInt(c -> c.levels().size()).toArray();
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
        long sharing = 0;
        for (int k = 0; k < candidates.size(); k++) {
            long pair = candidates.pair(k);
            if (sharesStrongIdentifier(comparable[CandidatePairs.left(pair)], comparable[CandidatePairs.right(pair)])) {
                sharing++;
            }
        }
        double prior = Math.min(0.5, Math.max(1, sharing) / (double) ModelTrainer.pairCount(n));
        LOG.info("starting prior {} from {} candidate pairs sharing a strong identifier", prior, sharing);
        return prior;
    }

    static boolean sharesStrongIdentifier(ComparableRecord a, ComparableRecord b) {
        return same(a.pncId(), b.pncId()) || same(a.croNumber(), b.croNumber()) || same(a.niNumber(), b.niNumber());
    }

    private static boolean same(String a, String b) {
        return !a.isEmpty() && a.equals(b);
    }

    /** Per comparison that takes term-frequency adjustment in the model, each record's value frequency. */
    private double[][] termFrequencies() {
        double[][] frequencies = new double[comparisonCount][];
        if (!config.adjustsTermFrequencies(n)) {
            return frequencies;
        }
        for (int c = 0; c < comparisonCount; c++) {
            if (model.termFrequencyLevel(c).isPresent()
                    && config.comparisons.get(c) instanceof TermFrequencyComparison<ComparableRecord> tf) {
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = tf.termFrequencyValue(comparable[i]);
                }
                TermFrequencies table = TermFrequencies.of(Arrays.asList(values));
                double[] perRecord = new double[n];
                for (int i = 0; i < n; i++) {
                    perRecord[i] = values[i] == null || values[i].isBlank()
                            ? MatchModel.NO_TERM_FREQUENCY : table.frequency(values[i]);
                }
                frequencies[c] = perRecord;
            }
        }
        return frequencies;
    }

    private double[] score() {
        double[] scores = new double[candidates.size()];
        runChunks(scores.length, (from, to) -> {
            int[] vector = new int[comparisonCount];
            double[] tf = new double[comparisonCount];
            for (int k = from; k < to; k++) {
                fill(k, vector, tf);
                scores[k] = model.matchWeight(vector, tf);
            }
        });
        return scores;
    }

    /** The levels and term frequencies of candidate pair k, as the model takes them. */
    private void fill(int k, int[] vector, double[] tf) {
        int left = CandidatePairs.left(candidates.pair(k));
        for (int c = 0; c < comparisonCount; c++) {
            vector[c] = levels[c][k];
            tf[c] = termFrequency[c] == null ? MatchModel.NO_TERM_FREQUENCY : termFrequency[c][left];
        }
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
        List<List<String>> keys = new ArrayList<>(n);
        for (ComparableRecord r : comparable) {
            List<String> recordKeys = new ArrayList<>(3);
            addKey(recordKeys, "pnc:", r.pncId());
            addKey(recordKeys, "cro:", r.croNumber());
            addKey(recordKeys, "ni:", r.niNumber());
            keys.add(recordKeys);
        }
        Clusterer clusterer = Clusterer.builder().threshold(config.thresholdWeight)
                .overwhelmingWeight(config.overwhelmingWeight)
                // A birth-date conflict is resolved only by the model itself: a direct link at or above
                // the threshold, which has already weighed the dates. Chains cannot override it. (Measured
                // against stricter settings in docs/accuracy.md: they cost FEBRL recall for no gain.)
                .conflictOverrideWeight(config.thresholdWeight)
                .build();
        return clusterer.cluster(n, links.build(), keys, PersonConflicts.birthDates(config.comparisons, i -> comparable[i]));
    }

    private static void addKey(List<String> keys, String type, String value) {
        if (!value.isEmpty()) {
            keys.add(type + value);
        }
    }

    /** Fills {@link #links}, {@link #entities} and {@link #multiForce}. */
    private void assemble(Clustering clustering, int[] linkIndexes) {
        List<String> recordIds = records.stream().map(PersonRecord::recordId).toList();
        List<String> entityIds = EntityIds.people().assign(clustering, recordIds);
        links = new ArrayList<>(linkIndexes.length);
        int[] strongest = new int[n];
        Arrays.fill(strongest, -1);
        int[] vector = new int[comparisonCount];
        double[] tf = new double[comparisonCount];
        for (int m = 0; m < linkIndexes.length; m++) {
            int k = linkIndexes[m];
            long pair = candidates.pair(k);
            int left = CandidatePairs.left(pair);
            int right = CandidatePairs.right(pair);
            fill(k, vector, tf);
            links.add(new Link(recordIds.get(left), recordIds.get(right), weights[k],
                    MatchModel.probability(weights[k]), model.explain(vector, tf)));
            if (clustering.clusterOf(left) == clustering.clusterOf(right)) {
                // Strictly greater: on equal weights the first link in pair order stays, so the choice is fixed.
                for (int end : new int[] {left, right}) {
                    if (strongest[end] < 0 || weights[k] > weights[linkIndexes[strongest[end]]]) {
                        strongest[end] = m;
                    }
                }
            }
        }
        entities = new ArrayList<>(clustering.clusterCount());
        for (int cluster = 0; cluster < clustering.clusterCount(); cluster++) {
            List<PersonRecord> members = new ArrayList<>(clustering.size(cluster));
            List<PatternEvent> events = new ArrayList<>(clustering.size(cluster));
            for (int r : clustering.members(cluster)) {
                members.add(records.get(r));
                Optional<String> linkedTo = Optional.empty();
                Optional<String> linkedBy = Optional.empty();
                if (strongest[r] >= 0) {
                    Link link = links.get(strongest[r]);
                    linkedTo = Optional.of(link.leftId().equals(recordIds.get(r)) ? link.rightId() : link.leftId());
                    linkedBy = Optional.of(Evidence.strongest(link.explanation(), config.thresholdWeight));
                }
                events.add(PatternEvent.of(records.get(r), linkedTo, linkedBy));
            }
            Entity entity = new Entity(entityIds.get(cluster), members, Pattern.of(entityIds.get(cluster), events));
            if (entity.isSeenByMoreThanOneForce()) {
                multiForce++;
            }
            entities.add(entity);
        }
    }
}
