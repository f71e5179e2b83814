package io.github.palimpsest.privacy;

import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.Clustering;
import io.github.palimpsest.pipeline.PairDecisions;
import io.github.palimpsest.pipeline.Parallel;
import io.github.palimpsest.pipeline.PipelineRun;
import io.github.palimpsest.pipeline.ScoredLinks;
import io.github.palimpsest.pipeline.Stages;
import io.github.palimpsest.score.MatchModel;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@link TokenLinker} over one list of tombstones; used once, by one thread. The stages are the
 * one pipeline's ({@link PipelineRun}, with tombstones as the {@link TokenKind kind of record}); this class
 * adds what only token linking does: the optional one-to-one assignment across sources ({@link OneToOne}),
 * whose links it clusters itself with the run's clusterer, and the {@link TokenLinkResult}.
 */
final class TokenLinkRun {
    private static final Logger LOG = LoggerFactory.getLogger(TokenLinkRun.class);

    private final TokenLinker config;
    private final List<Tombstone> tombstones;
    /** The source of each record, or null when deduplicating one pool. */
    private final int[] sourceOf;

    TokenLinkRun(TokenLinker config, List<Tombstone> tombstones, int[] sourceOf) {
        this.config = config;
        this.tombstones = tombstones;
        this.sourceOf = sourceOf;
    }

    TokenLinkResult run() {
        try (Parallel parallel = new Parallel(config.settings.threads())) {
            long started = System.nanoTime();
            PipelineRun<Tombstone> run = pipeline(parallel).blockAndCompare().chooseModel(config.model).score();
            long[] pairs = run.candidates().toArray();
            ScoredLinks links;
            Clustering clustering;
            if (config.oneToOne) {
                links = oneToOneLinks(run, pairs);
                clustering = cluster(run, links);
            } else {
                run.cluster(run.linksToCluster());
                links = run.links();
                clustering = run.clustering();
            }
            LOG.info("token linkage: {} records, {} candidate pairs, {} links, {} clusters, {} ms", tombstones.size(),
                    run.candidates().size(), links.size(), clustering.clusterCount(),
                    (System.nanoTime() - started) / 1_000_000);
            return new TokenLinkResult(tombstones, sourceOf, pairs, run.candidates().report(),
                    run.model(), run.isTrained(), links, clustering, config.settings.thresholdWeight(),
                    config.comparisons, run.termFrequency());
        }
    }

    /** Blocks, compares and trains, without scoring: the model a full run would train on these tombstones. */
    MatchModel trainOnly() {
        try (Parallel parallel = new Parallel(config.settings.threads())) {
            return pipeline(parallel).trainOnly();
        }
    }

    private PipelineRun<Tombstone> pipeline(Parallel parallel) {
        return new PipelineRun<>(config.settings, config.kind, tombstones, sourceOf, parallel,
                new Stages(Stages.SILENT));
    }

    /** The one-to-one links ({@link OneToOne#links}), with their weights. */
    private ScoredLinks oneToOneLinks(PipelineRun<Tombstone> run, long[] pairs) {
        double threshold = config.settings.thresholdWeight();
        double[] weights = run.weights();
        OneToOne.Links kept = OneToOne.links(pairs, weights, sourceOf, threshold);
        long abovePairThreshold = IntStream.range(0, pairs.length).filter(k -> weights[k] >= threshold).count();
        LOG.info("one-to-one: {} links kept, {} of them promoted by the assignment from below the threshold; {} "
                + "pairs at or above the threshold", kept.indexes().length, kept.promoted(), abovePairThreshold);
        ScoredLinks.Builder built = ScoredLinks.builder(kept.indexes().length);
        for (int i = 0; i < kept.indexes().length; i++) {
            int k = kept.indexes()[i];
            built.add(CandidatePairs.left(pairs[k]), CandidatePairs.right(pairs[k]), kept.weights()[i]);
        }
        return built.build();
    }

    /**
     * Clusters one-to-one links as {@link PipelineRun#cluster(int[])} clusters a run's own links (the run's
     * clusterer, exclusive identifier tokens and birth-date conflicts), with the links' one-to-one weights.
     */
    private Clustering cluster(PipelineRun<Tombstone> run, ScoredLinks links) {
        List<List<String>> keys = new AbstractList<>() {
            @Override
            public List<String> get(int r) {
                List<String> recordKeys = new ArrayList<>(3);
                config.kind.exclusiveKeys(tombstones.get(r), recordKeys);
                return recordKeys;
            }

            @Override
            public int size() {
                return tombstones.size();
            }
        };
        return PipelineRun.clusterer(config.settings, config.kind).cluster(tombstones.size(), links, keys,
                config.kind.conflicts(tombstones, run.model()), PairDecisions.NONE);
    }
}
