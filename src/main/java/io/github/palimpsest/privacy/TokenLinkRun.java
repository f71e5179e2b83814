package io.github.palimpsest.privacy;

import io.github.palimpsest.block.Blocker;
import io.github.palimpsest.block.CandidatePairs;
import io.github.palimpsest.cluster.Clusterer;
import io.github.palimpsest.cluster.Clustering;
import io.github.palimpsest.cluster.RecordConflicts;
import io.github.palimpsest.cluster.ScoredLinks;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.TermFrequencyComparison;
import io.github.palimpsest.score.ComparisonVectors;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.ModelTrainer;
import io.github.palimpsest.score.TrainingHealth;
import io.github.palimpsest.score.TermFrequencies;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@link TokenLinker} over one list of tombstones; used once, by one thread. Parallel stages
 * work on fixed chunks and write only their own positions, so the result does not depend on scheduling.
 */
final class TokenLinkRun {
    private static final Logger LOG = LoggerFactory.getLogger(TokenLinkRun.class);
    private static final int CHUNK = 1 << 13;
    /** Pools smaller than this take no term-frequency adjustment: frequencies of a handful of values mislead. */
    static final int MINIMUM_TERM_FREQUENCY_RECORDS = 1_000;
    /**
     * Dice of two date-of-birth filters below which the dates conflict in clustering. A day–month swap keeps
     * the year and the unordered day–month pair (two of seven features) and scores Dice 0.60 in the median,
     * 0.555 at the 1st percentile, below the {@code dob} comparison's lowest threshold (0.62); unrelated dates
     * score 0.50 (95th percentile 0.56). So a swap is weak evidence against, but not a conflict; measured over
     * 20 keys x 200 dates (docs/privacy.md, "Small pools").
     */
    static final double BIRTH_DATE_CONFLICT_DICE = 0.56;

    private final TokenLinker config;
    private final List<Tombstone> tombstones;
    /** The source of each record, or null when deduplicating one pool. */
    private final int[] sourceOf;
    private final int n;
    private final int comparisonCount;
    private final List<Comparison<Tombstone>> comparisons;
    private final int[] levelCounts;
    private ForkJoinPool pool;

    private long[] candidates;
    private byte[][] levels;

    TokenLinkRun(TokenLinker config, List<Tombstone> tombstones, int[] sourceOf) {
        this.config = config;
        this.tombstones = tombstones;
        this.sourceOf = sourceOf;
        this.n = tombstones.size();
        this.comparisons = config.comparisons;
        this.comparisonCount = comparisons.size();
        this.levelCounts = comparisons.stream().mapToInt(c -> c.levels().size()).toArray();
    }

    TokenLinkResult run() {
        pool = new ForkJoinPool(config.threads);
        try {
            long started = System.nanoTime();
            CandidatePairs blocked = block();
            compare();
            Optional<MatchModel> given = config.modelFor(n);
            boolean trained = given.isEmpty();
            if (given.isPresent() && config.model.isEmpty()) {
                LOG.info("{} records are fewer than {} to train on: scoring with the bundled token model", n,
                        config.minimumTrainingRecords);
            }
            MatchModel model = trained ? train() : given.get();
            double[][] frequencies = termFrequencies(model);
            double[] weights = score(model, frequencies);
            int[] linkIndexes = linkIndexes(weights);
            ScoredLinks.Builder links = ScoredLinks.builder(linkIndexes.length);
            for (int k : linkIndexes) {
                links.add(CandidatePairs.left(candidates[k]), CandidatePairs.right(candidates[k]), weights[k]);
            }
            ScoredLinks built = links.build();
            Clustering clustering = cluster(built);
            LOG.info("token linkage: {} records, {} candidate pairs, {} links, {} clusters, {} ms", n,
                    candidates.length, built.size(), clustering.clusterCount(),
                    (System.nanoTime() - started) / 1_000_000);
            return new TokenLinkResult(tombstones, sourceOf, candidates, blocked.report(), model, trained, built,
                    clustering, config.thresholdWeight, comparisons, frequencies);
        } finally {
            pool.shutdown();
        }
    }

    /** Blocks, compares and trains, without scoring: the model a full run would train on these tombstones. */
    MatchModel trainOnly() {
        pool = new ForkJoinPool(config.threads);
        try {
            block();
            compare();
            return train();
        } finally {
            pool.shutdown();
        }
    }

    private <T> T inPool(Supplier<T> work) {
        return pool.submit(work::get).join();
    }

    private void runChunks(int size, ChunkWork work) {
        int chunks = (size + CHUNK - 1) / CHUNK;
        inPool(() -> {
            IntStream.range(0, chunks).parallel().forEach(c -> work.run(c * CHUNK, Math.min(size, (c + 1) * CHUNK)));
            return null;
        });
    }

    @FunctionalInterface
    private interface ChunkWork {
        void run(int from, int to);
    }

    private CandidatePairs block() {
        long started = System.nanoTime();
        Blocker<Tombstone> blocker = Blocker.<Tombstone>builder().rules(config.blockingRules())
                .maxBlockSize(config.maxBlockSize).parallel(config.threads > 1).build();
        CandidatePairs blocked = inPool(() -> blocker.candidates(tombstones));
        long[] all = blocked.toArray();
        if (sourceOf != null) {
            // Linking sources, not deduplicating: pairs within one source are never compared.
            int kept = 0;
            for (long pair : all) {
                if (sourceOf[CandidatePairs.left(pair)] != sourceOf[CandidatePairs.right(pair)]) {
                    all[kept++] = pair;
                }
            }
            all = Arrays.copyOf(all, kept);
        }
        candidates = all;
        LOG.info("token blocking: {} candidate pairs ({} before keeping cross-source pairs) in {} ms",
                candidates.length, blocked.size(), (System.nanoTime() - started) / 1_000_000);
        return blocked;
    }

    private void compare() {
        long started = System.nanoTime();
        levels = new byte[comparisonCount][candidates.length];
        runChunks(candidates.length, (from, to) -> {
            for (int k = from; k < to; k++) {
                Tombstone a = tombstones.get(CandidatePairs.left(candidates[k]));
                Tombstone b = tombstones.get(CandidatePairs.right(candidates[k]));
                for (int c = 0; c < comparisonCount; c++) {
                    levels[c][k] = (byte) checkedLevel(c, a, b);
                }
            }
        });
        LOG.info("token comparison: {} pairs x {} comparisons in {} ms", candidates.length, comparisonCount,
                (System.nanoTime() - started) / 1_000_000);
    }

    private int checkedLevel(int c, Tombstone a, Tombstone b) {
        int level = comparisons.get(c).level(a, b);
        if (level < 0 || level >= levelCounts[c]) {
            throw new IllegalStateException("comparison '" + comparisons.get(c).name() + "' returned level " + level
                    + ", outside its " + levelCounts[c] + " levels");
        }
        return level;
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

    /**
     * Trains, then checks the model's health as the batch run does ({@link TrainingHealth}, docs/model.md):
     * a failed model is retrained once with monotone levels from the pairs that surely match; if that fails
     * too, the bundled token model is used when it fits the comparisons, else the retrained one. Either way
     * the warning is logged and kept in the model's training note.
     */
    private MatchModel train() {
        int[] sure = surePairs();
        long totalPairs = Math.max(1, comparablePairs());
        MatchModel first = train(false, Math.min(0.5, Math.max(1, sure.length) / (double) totalPairs));
        Optional<String> problem = healthProblem(first, sure, totalPairs);
        if (problem.isEmpty()) {
            return first;
        }
        LOG.warn("the trained token model failed its health check ({}); retraining with monotone levels",
                problem.get());
        MatchModel retrained = train(true, Math.min(0.5, Math.max(1, sure.length) / (double) totalPairs));
        Optional<String> again = healthProblem(retrained, sure, totalPairs);
        if (again.isEmpty()) {
            String note = "EM failed the health check (" + problem.get() + "); retrained with monotone levels";
            LOG.warn("{}: the retrained model passes", note);
            return retrained.withTrainingNote(note);
        }
        if (DefaultTokenModel.fits(comparisons)) {
            String note = "training failed the health check (" + again.get() + "); using the bundled token model";
            LOG.warn(note);
            return DefaultTokenModel.standard().withTrainingNote(note);
        }
        String note = "training failed the health check (" + again.get()
                + ") and no bundled model fits these comparisons; links may be missing";
        LOG.warn(note);
        return retrained.withTrainingNote(note);
    }

    private Optional<String> healthProblem(MatchModel model, int[] sure, long totalPairs) {
        double[] weights = score(model, termFrequencies(model));
        return TrainingHealth.problem(model, comparisons, levels, weights, sure, config.thresholdWeight, totalPairs);
    }

    private MatchModel train(boolean monotone, double prior) {
        long started = System.nanoTime();
        ModelTrainer.Builder builder = ModelTrainer.builder().seed(config.seed).uSamplePairs(config.uSamplePairs)
                .monotoneLevels(monotone);
        for (Comparison<Tombstone> c : comparisons) {
            builder.comparison(c);
            if (c instanceof TermFrequencyComparison<Tombstone> tf && tf.termFrequencyLevel() >= 0) {
                builder.termFrequencyLevel(c.name(), tf.termFrequencyLevel());
            }
        }
        ModelTrainer trainer = builder.build();
        long totalPairs = Math.max(1, comparablePairs());
        MatchModel start = n < 2 ? null : inPool(() -> trainer.estimateUInParallel(n, () -> {
            int[] scratch = new int[comparisonCount];
            return (i, j) -> {
                for (int c = 0; c < comparisonCount; c++) {
                    scratch[c] = checkedLevel(c, tombstones.get(i), tombstones.get(j));
                }
                return scratch;
            };
        }, prior));
        if (start == null) {
            throw new IllegalArgumentException("training needs at least two tombstones; supply a model instead");
        }
        ComparisonVectors.Builder vectors = ComparisonVectors.builder(levelCounts);
        int[] vector = new int[comparisonCount];
        for (int k = 0; k < candidates.length; k++) {
            for (int c = 0; c < comparisonCount; c++) {
                vector[c] = levels[c][k];
            }
            vectors.add(vector);
        }
        MatchModel model = TokenAnchors.reestimateM(trainer.estimateMAndPrior(start, vectors.build(),
                Math.max(totalPairs, candidates.length)), comparisons, tombstones, candidates, levels);
        LOG.info("token model trained in {} ms: prior {}", (System.nanoTime() - started) / 1_000_000,
                String.format("%.3g", model.prior()));
        return model;
    }

    /**
     * The candidates that surely match, for EM's starting λ and the health check: pairs that share a PNC, CRO
     * or NI token, or whose forename, surname and date of birth all sit at their most similar level.
     */
    private int[] surePairs() {
        int forename = indexOf("forename");
        int surname = indexOf("surname");
        int dob = indexOf("dob");
        int[] sure = new int[candidates.length];
        int count = 0;
        for (int k = 0; k < candidates.length; k++) {
            boolean names = forename >= 0 && surname >= 0 && dob >= 0
                    && levels[forename][k] == 0 && levels[surname][k] == 0 && levels[dob][k] == 0;
            if (names || TokenAnchors.isAnchor(tombstones.get(CandidatePairs.left(candidates[k])),
                    tombstones.get(CandidatePairs.right(candidates[k])))) {
                sure[count++] = k;
            }
        }
        LOG.info("starting prior from {} candidate pairs that share a strong identifier or agree on names and "
                + "date of birth", count);
        return Arrays.copyOf(sure, count);
    }

    private int indexOf(String name) {
        for (int c = 0; c < comparisonCount; c++) {
            if (comparisons.get(c).name().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /** Per comparison with a term-frequency level in the model, each record's value frequency (else null). */
    private double[][] termFrequencies(MatchModel model) {
        double[][] frequencies = new double[comparisonCount][];
        if (n < MINIMUM_TERM_FREQUENCY_RECORDS) {
            return frequencies;
        }
        for (int c = 0; c < comparisonCount; c++) {
            if (model.termFrequencyLevel(c).isPresent()
                    && comparisons.get(c) instanceof TermFrequencyComparison<Tombstone> tf) {
                frequencies[c] = TermFrequencies.perRecord(tombstones, tf::termFrequencyValue);
            }
        }
        return frequencies;
    }

    /** The match weight of each candidate pair, as {@link MatchModel#matchWeight(int[], double[])} gives it. */
    private double[] score(MatchModel model, double[][] frequencies) {
        double[] weights = new double[candidates.length];
        runChunks(candidates.length, (from, to) -> {
            int[] pairLevels = new int[comparisonCount];
            double[] tf = new double[comparisonCount];
            for (int k = from; k < to; k++) {
                int left = CandidatePairs.left(candidates[k]);
                for (int c = 0; c < comparisonCount; c++) {
                    pairLevels[c] = levels[c][k];
                    tf[c] = frequencies[c] == null ? MatchModel.NO_TERM_FREQUENCY : frequencies[c][left];
                }
                weights[k] = model.matchWeight(pairLevels, tf);
            }
        });
        return weights;
    }

    /** The candidates at or above the threshold, reduced to a one-to-one assignment when asked. */
    private int[] linkIndexes(double[] weights) {
        int[] above = IntStream.range(0, weights.length).filter(k -> weights[k] >= config.thresholdWeight).toArray();
        if (!config.oneToOne) {
            return above;
        }
        int[] kept = OneToOne.select(above, candidates, weights, sourceOf);
        LOG.info("one-to-one: {} of {} links above the threshold kept", kept.length, above.length);
        return kept;
    }

    private Clustering cluster(ScoredLinks links) {
        List<List<String>> keys = new AbstractList<>() {
            @Override
            public List<String> get(int r) {
                List<String> recordKeys = new ArrayList<>(3);
                for (IdentifierField field : TokenAnchors.FIELDS) {
                    IdentifierToken t = tombstones.get(r).tokenOrNull(field);
                    if (t != null) {
                        recordKeys.add(field.column() + ':' + t.toText());
                    }
                }
                return recordKeys;
            }

            @Override
            public int size() {
                return n;
            }
        };
        Clusterer clusterer = Clusterer.builder().threshold(config.thresholdWeight)
                .overwhelmingWeight(config.overwhelmingWeight)
                // As in plain text: a birth-date conflict is resolved only by a direct link at the threshold.
                .conflictOverrideWeight(config.thresholdWeight)
                .build();
        return clusterer.cluster(n, links, keys, birthDateConflicts());
    }

    /**
     * Two dates of birth whose filters have a Dice coefficient below {@value #BIRTH_DATE_CONFLICT_DICE}
     * conflict: the filters say the dates differ in more than a keying error. Relatives who share a name and a
     * home differ mostly there, and would otherwise join through a third record resembling both.
     */
    private RecordConflicts birthDateConflicts() {
        for (Comparison<Tombstone> c : comparisons) {
            if (c instanceof DiceComparison dice && dice.field() == BloomField.DATE_OF_BIRTH) {
                return (a, b) -> {
                    BloomFilter left = tombstones.get(a).filterOrNull(BloomField.DATE_OF_BIRTH);
                    BloomFilter right = tombstones.get(b).filterOrNull(BloomField.DATE_OF_BIRTH);
                    return left != null && right != null && left.dice(right) < BIRTH_DATE_CONFLICT_DICE;
                };
            }
        }
        return RecordConflicts.NONE;
    }
}
