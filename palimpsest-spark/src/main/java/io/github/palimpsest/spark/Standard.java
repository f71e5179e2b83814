package io.github.palimpsest.spark;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.block.PersonBlockingRules;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.PersonComparisons;
import io.github.palimpsest.pipeline.Clusterer;
import io.github.palimpsest.pipeline.NearestNeighbours;
import io.github.palimpsest.pipeline.PersonKind;
import io.github.palimpsest.pipeline.PipelineRun;
import io.github.palimpsest.pipeline.RunSettings;
import io.github.palimpsest.record.ComparableRecord;
import java.util.List;

/**
 * The library's standard person comparisons and blocking rules (those a default {@code Linker} and the CLI
 * use), built once per executor JVM rather than shipped with every task: they are immutable and thread-safe,
 * but not serializable. Likewise the standard nearest-neighbour search and the clusterer, built where they are
 * used.
 */
final class Standard {
    static final List<Comparison<ComparableRecord>> COMPARISONS = PersonComparisons.standard();
    static final List<BlockingRule<ComparableRecord>> RULES = PersonBlockingRules.standard();

    /**
     * The one-machine linker's nearest-neighbour search (its token function, posting budget and ranking) for
     * {@code perRecord} neighbours, at least 1.
     */
    static NearestNeighbours<ComparableRecord> nearestNeighbours(int perRecord) {
        RunSettings settings = RunSettings.builder().neighboursPerRecord(perRecord).build();
        return PipelineRun.nearestNeighbours(new PersonKind(COMPARISONS, RULES, settings), settings).orElseThrow();
    }

    /** The one-machine linker's settings for this threshold, the other settings at their defaults. */
    static RunSettings settings(double thresholdProbability) {
        return RunSettings.builder().thresholdProbability(thresholdProbability).build();
    }

    /**
     * The one-machine batch linker's clusterer ({@code PipelineRun.clusterer}: threshold, overwhelming,
     * conflict-override, lone-link and supported-link weights) for this threshold.
     */
    static Clusterer clusterer(double thresholdProbability) {
        RunSettings settings = settings(thresholdProbability);
        return PipelineRun.clusterer(settings, new PersonKind(COMPARISONS, RULES, settings));
    }

    private Standard() {
    }
}
