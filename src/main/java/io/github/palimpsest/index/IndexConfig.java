package io.github.palimpsest.index;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.cluster.Clusterer;
import io.github.palimpsest.cluster.PersonConflicts;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.TermFrequencyComparison;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.List;

/** The immutable configuration of one {@link LinkIndex}, as its builder validated it. */
final class IndexConfig {
    /** As in the batch linker: below this many records, frequencies are too coarse to adjust with. */
    static final int MINIMUM_TERM_FREQUENCY_RECORDS = 1_000;

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
    /** Per comparison, itself when the model adjusts it by term frequency, else null. */
    final TermFrequencyComparison<ComparableRecord>[] termFrequencyComparisons;

    @SuppressWarnings("unchecked")
    IndexConfig(List<Comparison<ComparableRecord>> comparisons, List<BlockingRule<ComparableRecord>> blockingRules,
            MatchModel model, double thresholdProbability, double overwhelmingWeight,
            boolean termFrequencyAdjustment, int maxBlockSize, int windowSize, int maxCandidates,
            int maxReclusterLinks) {
        this.comparisons = ImmutableList.copyOf(comparisons);
        this.blockingRules = ImmutableList.copyOf(blockingRules);
        this.model = model;
        this.thresholdProbability = thresholdProbability;
        // Exactly the Linker's conversion, so that a link here is a link there.
        this.thresholdWeight = StrictMath.log(thresholdProbability / (1 - thresholdProbability)) / StrictMath.log(2);
        this.overwhelmingWeight = Math.max(overwhelmingWeight, thresholdWeight);
        this.termFrequencyAdjustment = termFrequencyAdjustment;
        this.maxBlockSize = maxBlockSize;
        this.windowSize = windowSize;
        this.maxCandidates = maxCandidates;
        this.maxReclusterLinks = maxReclusterLinks;
        // The batch linker's clusterer exactly (see LinkRun): birth-date conflicts resolved by a direct link.
        this.clusterer = Clusterer.builder().threshold(thresholdWeight).overwhelmingWeight(this.overwhelmingWeight)
                .conflictOverrideWeight(thresholdWeight).loneLinkWeight(PersonConflicts.LONE_LINK_WEIGHT).build();
        this.termFrequencyComparisons = new TermFrequencyComparison[comparisons.size()];
        for (int c = 0; c < comparisons.size(); c++) {
            if (model.termFrequencyLevel(c).isPresent()
                    && comparisons.get(c) instanceof TermFrequencyComparison<ComparableRecord> tf) {
                termFrequencyComparisons[c] = tf;
            }
        }
    }

    /** Whether weights are adjusted by term frequency when {@code recordCount} records are indexed. */
    boolean adjustsTermFrequencies(int recordCount) {
        return termFrequencyAdjustment && recordCount >= MINIMUM_TERM_FREQUENCY_RECORDS;
    }
}
