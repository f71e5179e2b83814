package io.github.palimpsest;

import io.github.palimpsest.cluster.EntityIds;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.Candidates;
import io.github.palimpsest.pipeline.Clustering;
import io.github.palimpsest.pipeline.Parallel;
import io.github.palimpsest.pipeline.PipelineRun;
import io.github.palimpsest.pipeline.Stages;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import java.time.Duration;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One batch run over one pool of person records (see {@link Linker}); used once, by one thread. It prepares
 * the records, hands them to the one pipeline ({@link PipelineRun}, which blocks, compares, trains, scores and
 * clusters for every kind of record) and assembles what the batch returns: entity ids, each record's
 * strongest link and the links kept for explanations.
 */
final class LinkRun {
    private final Linker config;
    private final Stages stages;

    LinkRun(Linker config) {
        this.config = config;
        Linker.StageListener listener = config.listener;
        this.stages = new Stages(new Stages.Listener() {
            @Override
            public void started(String stage) {
                listener.stageStarted(stage);
            }

            @Override
            public void finished(String stage, Duration elapsed, String summary) {
                listener.stageFinished(stage, elapsed, summary);
            }

            @Override
            public void progress(String stage, long done, long total) {
                listener.stageProgress(stage, done, total);
            }
        });
    }

    /** Prepares, blocks, compares and trains: the model a full run would train, without scoring. */
    MatchModel trainOnly(List<PersonRecord> records) {
        try (Parallel parallel = new Parallel(config.settings.threads())) {
            return pipeline(prepare(records, parallel), parallel).trainOnly();
        }
    }

    /** Blocks, compares and trains records already prepared: the model a full run would train. */
    MatchModel trainOnly(ComparableRecord[] prepared) {
        try (Parallel parallel = new Parallel(config.settings.threads())) {
            return pipeline(prepared, parallel).trainOnly();
        }
    }

    /** The whole pipeline over person records, with entities that hold them. */
    LinkResult run(List<PersonRecord> records) {
        try (Parallel parallel = new Parallel(config.settings.threads())) {
            CompactLinkResult compact = link(prepare(records, parallel), parallel);
            // Entities hold the person records themselves; building them is the rest of the pattern stage.
            long started = System.nanoTime();
            LinkResult result = LinkResult.of(compact, records);
            stages.add("pattern", Duration.ofNanos(System.nanoTime() - started));
            return result.withStatistics(statistics(compact.statistics()));
        }
    }

    /** The whole pipeline over records already prepared. */
    CompactLinkResult run(ComparableRecord[] prepared) {
        try (Parallel parallel = new Parallel(config.settings.threads())) {
            return link(prepared, parallel);
        }
    }

    /** The statistics with the stage times as they stand now. */
    private LinkStatistics statistics(LinkStatistics s) {
        return new LinkStatistics(s.records(), s.candidatePairs(), s.links(), s.people(),
                s.peopleSeenByMoreThanOneForce(), s.constraintRejections(), s.isModelTrained(), stages.times(),
                s.trainingNote());
    }

    private ComparableRecord[] prepare(List<PersonRecord> records, Parallel parallel) {
        int n = records.size();
        ComparableRecord[][] prepared = new ComparableRecord[1][];
        stages.run("prepare", () -> {
            ComparableRecordFactory factory = ComparableRecordFactory.create();
            prepared[0] = parallel.call(() -> IntStream.range(0, n).parallel()
                    .mapToObj(i -> factory.of(records.get(i))).toArray(ComparableRecord[]::new));
            return String.format("%,d records", n);
        });
        return prepared[0];
    }

    private PipelineRun<ComparableRecord> pipeline(ComparableRecord[] comparable, Parallel parallel) {
        return new PipelineRun<>(config.settings, config.kind, Arrays.asList(comparable), null, parallel, stages);
    }

    private CompactLinkResult link(ComparableRecord[] comparable, Parallel parallel) {
        PipelineRun<ComparableRecord> run = pipeline(comparable, parallel).blockAndCompare()
                .chooseModel(config.model).searchNeighbours().score();
        // A reviewer's decisions: must-links and cannot-links the clustering honours.
        Reviewing reviewing = Reviewing.of(config.decisions, comparable);
        run.cluster(run.linksToCluster(), reviewing.pairs);
        int[] linkIndexes = run.usedLinks();
        CompactLinkResult[] result = new CompactLinkResult[1];
        stages.run("pattern", () -> {
            result[0] = assemble(run, comparable, linkIndexes, reviewing);
            return String.format("%,d people seen by more than one force",
                    result[0].statistics().peopleSeenByMoreThanOneForce());
        });
        return result[0].withStatistics(statistics(result[0].statistics()));
    }

    /** Entity ids, each record's strongest link inside its entity, and the links kept for explanations. */
    private CompactLinkResult assemble(PipelineRun<ComparableRecord> run, ComparableRecord[] comparable,
                                       int[] linkIndexes, Reviewing reviewing) {
        int n = comparable.length;
        int comparisonCount = run.comparisons().size();
        Clustering clustering = run.clustering();
        Candidates candidates = run.candidates();
        byte[][] levels = run.levels();
        double[] weights = run.weights();
        MatchModel model = run.model();
        boolean trained = run.isTrained();
        double thresholdWeight = config.settings.thresholdWeight();
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
        List<String> entityIds = clustering.entityIds(EntityIds.people(), recordIds);
        // Must-link pairs below the threshold become links too, merged in pair order.
        Reviewing.ExtraLinks extra = reviewing.extraLinks(candidates, weights, levels, thresholdWeight,
                run.comparisons(), comparable, model, run.termFrequency());
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
        ReviewState review = reviewing.state(linkPairs, linkWeights, linkLevels, clustering, candidates, weights,
                levels, thresholdWeight, config.reviewThresholdWeight);
        LinkStatistics counts = new LinkStatistics(n, candidates.size(), links, clustering.clusterCount(), 0,
                clustering.constraintRejections(), trained, stages.times(), model.trainingNote());
        CompactLinkResult result = new CompactLinkResult(recordList, clustering, entityIds, linkPairs, linkWeights,
                linkLevels, run.termFrequency(), strongest, model, thresholdWeight, counts, candidates.report(), review);
        int multiForce = 0;
        for (int e = 0; e < clustering.clusterCount(); e++) {
            if (result.isSeenByMoreThanOneForce(e)) {
                multiForce++;
            }
        }
        return result.withStatistics(new LinkStatistics(n, candidates.size(), links, clustering.clusterCount(),
                multiForce, clustering.constraintRejections(), trained, stages.times(), model.trainingNote()));
    }
}
