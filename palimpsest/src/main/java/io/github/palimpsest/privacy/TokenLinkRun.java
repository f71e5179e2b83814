package io.github.palimpsest.privacy;

import io.github.palimpsest.pipeline.Parallel;
import io.github.palimpsest.pipeline.PipelineRun;
import io.github.palimpsest.pipeline.Stages;
import io.github.palimpsest.score.MatchModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@link TokenLinker} over one list of tombstones; used once, by one thread. The stages are the
 * one pipeline's ({@link PipelineRun}, with tombstones as the {@link TokenKind kind of record}); this class
 * adds what only token linking does: the optional one-to-one assignment across sources before clustering,
 * and the {@link TokenLinkResult}.
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
            int[] linkIndexes = linkIndexes(run, pairs);
            run.cluster(linkIndexes);
            LOG.info("token linkage: {} records, {} candidate pairs, {} links, {} clusters, {} ms", tombstones.size(),
                    run.candidates().size(), run.links().size(), run.clustering().clusterCount(),
                    (System.nanoTime() - started) / 1_000_000);
            return new TokenLinkResult(tombstones, sourceOf, pairs, run.candidates().report(),
                    run.model(), run.isTrained(), run.links(), run.clustering(), config.settings.thresholdWeight(),
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

    /** The candidates at or above the threshold, reduced to a one-to-one assignment when asked. */
    private int[] linkIndexes(PipelineRun<Tombstone> run, long[] pairs) {
        int[] above = run.linksAtOrAboveThreshold();
        if (!config.oneToOne) {
            return above;
        }
        int[] kept = OneToOne.select(above, pairs, run.weights(), sourceOf);
        LOG.info("one-to-one: {} of {} links above the threshold kept", kept.length, above.length);
        return kept;
    }
}
