package io.github.palimpsest.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.block.BlockingReport;
import io.github.palimpsest.cluster.Clustering;
import io.github.palimpsest.cluster.ScoredLinks;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.score.Explanation;
import io.github.palimpsest.score.MatchModel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link TokenLinker} run: the candidate pairs blocking proposed, the model, the links
 * kept (at or above the threshold, reduced to one-to-one when asked) and the clusters they form. Records
 * are addressed by their index in the list of tombstones linked.
 *
 * <pre>{@code
 * TokenLinkResult result = linker.link(tombstones, sources);
 * ScoredLinks links = result.links();
 * for (int k = 0; k < links.size(); k++) {
 *     Tombstone a = result.tombstones().get(links.left(k));
 *     Tombstone b = result.tombstones().get(links.right(k));
 *     report(a.reference(), b.reference(), links.matchWeight(k));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} holds counts only.
 */
public final class TokenLinkResult {

    private final List<Tombstone> tombstones;
    private final int[] sourceOf;
    private final long[] candidates;
    private final BlockingReport blockingReport;
    private final MatchModel model;
    private final boolean trained;
    private final ScoredLinks links;
    private final Clustering clustering;
    private final double thresholdWeight;
    private final List<Comparison<Tombstone>> comparisons;
    private final double[][] termFrequencies;

    TokenLinkResult(List<Tombstone> tombstones, int[] sourceOf, long[] candidates, BlockingReport blockingReport,
                    MatchModel model, boolean trained, ScoredLinks links, Clustering clustering,
                    double thresholdWeight, List<Comparison<Tombstone>> comparisons, double[][] termFrequencies) {
        this.tombstones = tombstones;
        this.sourceOf = sourceOf;
        this.candidates = candidates;
        this.blockingReport = blockingReport;
        this.model = model;
        this.trained = trained;
        this.links = links;
        this.clustering = clustering;
        this.thresholdWeight = thresholdWeight;
        this.comparisons = comparisons;
        this.termFrequencies = termFrequencies;
    }

    /** The tombstones linked, in the order given. */
    public List<Tombstone> tombstones() {
        return tombstones;
    }

    /** The number of records (tombstones). */
    public int recordCount() {
        return tombstones.size();
    }

    /** Whether the run linked sources (only cross-source pairs) rather than deduplicating one pool. */
    public boolean isLinkingSources() {
        return sourceOf != null;
    }

    /** The number of candidate pairs compared (in source mode, only those across sources). */
    public int candidatePairCount() {
        return candidates.length;
    }

    /** Whether records {@code a} and {@code b} were a candidate pair. */
    public boolean isCandidate(int a, int b) {
        if (a == b || a < 0 || b < 0) {
            return false;
        }
        return Arrays.binarySearch(candidates, CandidatePairs.pack(a, b)) >= 0;
    }

    /** What each blocking rule proposed (before pairs within one source were dropped). */
    public BlockingReport blockingReport() {
        return blockingReport;
    }

    /**
     * Blocking recall against ground truth: the fraction of true pairs (two records of one entity; in
     * source mode, from different sources) that were candidates; 1 when there are no true pairs.
     *
     * @param entityOfRecord for each record, any int naming its true entity
     * @throws IllegalArgumentException if the array's length is not {@link #recordCount()}
     */
    public double blockingRecall(int[] entityOfRecord) {
        checkNotNull(entityOfRecord, "entityOfRecord");
        checkArgument(entityOfRecord.length == recordCount(), "entityOfRecord has %s entries for %s records",
                entityOfRecord.length, recordCount());
        Map<Integer, Long> perEntity = new HashMap<>();
        Map<Long, Long> perEntityAndSource = new HashMap<>();
        for (int i = 0; i < entityOfRecord.length; i++) {
            perEntity.merge(entityOfRecord[i], 1L, Long::sum);
            long source = sourceOf == null ? i : sourceOf[i];
            perEntityAndSource.merge((long) entityOfRecord[i] << 32 | source, 1L, Long::sum);
        }
        long truePairs = 0;
        for (long size : perEntity.values()) {
            truePairs += size * size;
        }
        if (sourceOf != null) {
            for (long size : perEntityAndSource.values()) {
                truePairs -= size * size;
            }
        } else {
            truePairs -= entityOfRecord.length;
        }
        truePairs /= 2;
        if (truePairs == 0) {
            return 1.0;
        }
        long found = 0;
        for (long pair : candidates) {
            if (entityOfRecord[CandidatePairs.left(pair)] == entityOfRecord[CandidatePairs.right(pair)]) {
                found++;
            }
        }
        return (double) found / truePairs;
    }

    /** The model that scored the pairs, trained on the run or supplied. */
    public MatchModel model() {
        return model;
    }

    /** Whether the model was trained on this run's tombstones. */
    public boolean isModelTrained() {
        return trained;
    }

    /** The links kept: candidate pairs at or above the threshold (one-to-one when asked), in pair order. */
    public ScoredLinks links() {
        return links;
    }

    /** The clusters: every record in exactly one; a record without links is a cluster of its own. */
    public Clustering clustering() {
        return clustering;
    }

    /** The match weight in bits at or above which a pair was a link. */
    public double thresholdWeight() {
        return thresholdWeight;
    }

    /**
     * Explains the match weight of a pair of records: prior, then one row per comparison, with comparison
     * names and level labels only, never personal data.
     *
     * @throws IndexOutOfBoundsException if an index is outside the records
     */
    public Explanation explain(int a, int b) {
        checkElementIndex(a, recordCount(), "record");
        checkElementIndex(b, recordCount(), "record");
        int[] levels = new int[comparisons.size()];
        double[] tf = new double[comparisons.size()];
        for (int c = 0; c < levels.length; c++) {
            levels[c] = comparisons.get(c).level(tombstones.get(a), tombstones.get(b));
            tf[c] = termFrequencies[c] == null ? IndexedModel.NO_TERM_FREQUENCY : termFrequencies[c][Math.min(a, b)];
        }
        return IndexedModel.of(model).explain(levels, tf);
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "TokenLinkResult[records=" + recordCount() + ", candidatePairs=" + candidates.length + ", links="
                + links.size() + ", clusters=" + clustering.clusterCount() + "]";
    }
}
