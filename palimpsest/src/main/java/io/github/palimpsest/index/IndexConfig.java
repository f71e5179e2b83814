package io.github.palimpsest.index;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.TermFrequencyComparison;
import io.github.palimpsest.pipeline.Clusterer;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.pipeline.NearestNeighbours;
import io.github.palimpsest.pipeline.PersonKind;
import io.github.palimpsest.pipeline.PipelineRun;
import io.github.palimpsest.pipeline.RunSettings;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.List;

/**
 * The immutable configuration of one {@link LinkIndex}, as its builder validated it: the {@link RunSettings}
 * every front end shares (threshold, overwhelming weight, term-frequency adjustment, block size), and what
 * only an index has (window, candidates shown, re-clustering budget). The nearest-neighbour search is the
 * batch run's ({@link PipelineRun#nearestNeighbours}), under the same setting. The fields are those settings
 * spelt out for the index's hot paths.
 */
final class IndexConfig {
    final RunSettings settings;
    final ImmutableList<Comparison<ComparableRecord>> comparisons;
    final ImmutableList<BlockingRule<ComparableRecord>> blockingRules;
    final MatchModel model;
    final double thresholdProbability;
    final double thresholdWeight;
    final double overwhelmingWeight;
    final boolean termFrequencyAdjustment;
    final int maxBlockSize;
    final int windowSize;
    final int maxCandidates;
    /** The most links a change's component may hold to be re-clustered exactly; beyond it, bounded. */
    final int maxReclusterLinks;
    final Clusterer clusterer;
    /**
     * Whether the index makes the batch run's supported links (docs/blocking-and-clustering.md, "Supported
     * links"): then it keeps every scored pair, those at or above {@link #edgeWeight} as edges of the link graph
     * and the rest for the support of a link below the threshold.
     */
    final boolean supportedLinks;
    /**
     * The weight at or above which a scored pair is an edge of the link graph, offered to the clusterer: the
     * threshold, or the supported-link weight (0 bits) below it when supported links are on.
     */
    final double edgeWeight;
    /** Neighbours a record no blocked candidate links searches for (0: no search). */
    final int neighboursPerRecord;
    /** The batch run's nearest-neighbour search, or null when {@link #neighboursPerRecord} is 0. */
    final NearestNeighbours<ComparableRecord> search;
    /** Per comparison, itself when the model adjusts it by term frequency, else null. */
    final TermFrequencyComparison<ComparableRecord>[] termFrequencyComparisons;

    @SuppressWarnings("unchecked")
    IndexConfig(List<Comparison<ComparableRecord>> comparisons, List<BlockingRule<ComparableRecord>> blockingRules,
            MatchModel model, RunSettings settings, int windowSize, int maxCandidates, int maxReclusterLinks) {
        this.settings = settings;
        this.comparisons = ImmutableList.copyOf(comparisons);
        this.blockingRules = ImmutableList.copyOf(blockingRules);
        this.model = model;
        this.thresholdProbability = settings.thresholdProbability();
        this.thresholdWeight = settings.thresholdWeight();
        this.overwhelmingWeight = settings.overwhelmingWeight();
        this.termFrequencyAdjustment = settings.termFrequencyAdjustment();
        this.maxBlockSize = settings.maxBlockSize();
        this.windowSize = windowSize;
        this.maxCandidates = maxCandidates;
        this.maxReclusterLinks = maxReclusterLinks;
        // The batch run's clusterer exactly: birth-date conflicts resolved by a direct link.
        PersonKind kind = new PersonKind(comparisons, blockingRules, settings);
        this.clusterer = PipelineRun.clusterer(settings, kind);
        // As the batch run offers them (PipelineRun.linksToCluster): from the supported-link weight when below.
        this.supportedLinks = settings.supportedLinks() && settings.supportedLinkWeight() < thresholdWeight;
        this.edgeWeight = supportedLinks ? settings.supportedLinkWeight() : thresholdWeight;
        this.neighboursPerRecord = settings.neighboursPerRecord();
        // The batch run's search itself: same tokens, weights, budget and ranking.
        this.search = PipelineRun.nearestNeighbours(kind, settings).orElse(null);
        this.termFrequencyComparisons = new TermFrequencyComparison[comparisons.size()];
        for (int c = 0; c < comparisons.size(); c++) {
            if (IndexedModel.of(model).termFrequencyLevel(c).isPresent()
                    && comparisons.get(c) instanceof TermFrequencyComparison<ComparableRecord> tf) {
                termFrequencyComparisons[c] = tf;
            }
        }
    }

    /** Whether weights are adjusted by term frequency when {@code recordCount} records are indexed. */
    boolean adjustsTermFrequencies(int recordCount) {
        return settings.adjustsTermFrequencies(recordCount);
    }
}
