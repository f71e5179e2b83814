package io.github.palimpsest.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import io.github.palimpsest.block.BlockingReport;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.Clustering;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.pipeline.ScoredLinks;
import io.github.palimpsest.score.Explanation;
import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The outcome of a {@link TokenLinker} run: the candidate pairs blocking proposed, the model, the links
 * kept (at or above the threshold, reduced to one-to-one when asked) and the people they form.
 *
 * <p>Records are the tombstones linked, the very objects given to {@link TokenLinker#link}: {@link #links()}
 * and {@link #people()} hold them, and the methods that take a tombstone look it up by identity (two equal
 * tombstones given twice are two records; the same object given twice is addressed by its first place).
 *
 * <pre>{@code
 * TokenLinkResult result = linker.link(tombstones, sources);
 * for (TokenLink link : result.links()) {
 *     report(link.left().reference(), link.right().reference(), link.matchWeight(), link.explanation().summary());
 * }
 * for (List<Tombstone> person : result.people()) {
 *     List<String> references = person.stream().map(Tombstone::reference).toList();
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
    private final List<TokenLink> links;
    private final List<List<Tombstone>> people;
    /** Place of each tombstone in the list linked, by identity; built on first use (explain, isCandidate). */
    private final Supplier<Map<Tombstone, Integer>> positions;
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
        List<TokenLink> linkList = new ArrayList<>(links.size());
        for (int k = 0; k < links.size(); k++) {
            linkList.add(new TokenLink(this, links.left(k), links.right(k), links.matchWeight(k)));
        }
        this.links = List.copyOf(linkList);
        List<List<Tombstone>> peopleList = new ArrayList<>(clustering.clusterCount());
        for (int c = 0; c < clustering.clusterCount(); c++) {
            List<Tombstone> person = new ArrayList<>(clustering.size(c));
            for (int r : clustering.members(c)) {
                person.add(tombstones.get(r));
            }
            peopleList.add(List.copyOf(person));
        }
        this.people = List.copyOf(peopleList);
        this.positions = Suppliers.memoize(() -> {
            Map<Tombstone, Integer> places = new IdentityHashMap<>(tombstones.size());
            for (int r = tombstones.size() - 1; r >= 0; r--) {
                places.put(tombstones.get(r), r);   // backwards, so an object given twice keeps its first place
            }
            return places;
        });
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

    /**
     * Whether two of the tombstones linked were a candidate pair.
     *
     * @throws IllegalArgumentException if either is not one of {@link #tombstones()} (by identity)
     */
    public boolean isCandidate(Tombstone a, Tombstone b) {
        int left = positionOf(a);
        int right = positionOf(b);
        return left != right && Arrays.binarySearch(candidates, CandidatePairs.pack(left, right)) >= 0;
    }

    private int positionOf(Tombstone t) {
        checkNotNull(t, "tombstone");
        Integer position = positions.get().get(t);
        checkArgument(position != null, "not one of the tombstones linked: %s", t.reference());
        return position;
    }

    /** What each blocking rule proposed (before pairs within one source were dropped). */
    public BlockingReport blockingReport() {
        return blockingReport;
    }

    /**
     * Blocking recall against ground truth: the fraction of true pairs (two records of one entity; in
     * source mode, from different sources) that were candidates; 1 when there are no true pairs.
     *
     * @param trueEntity the true entity of each tombstone linked (any value naming it, compared by equals)
     */
    public double blockingRecall(Function<? super Tombstone, ?> trueEntity) {
        checkNotNull(trueEntity, "trueEntity");
        Map<Object, Integer> numbers = new HashMap<>();
        int[] entityOfRecord = new int[recordCount()];
        for (int r = 0; r < entityOfRecord.length; r++) {
            Object entity = checkNotNull(trueEntity.apply(tombstones.get(r)), "the true entity of %s is null",
                    tombstones.get(r).reference());
            entityOfRecord[r] = numbers.computeIfAbsent(entity, e -> numbers.size());
        }
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

    /**
     * The links kept: candidate pairs at or above the threshold (one-to-one when asked), in pair order (by
     * the place of the left tombstone in the list linked, then of the right one).
     */
    public List<TokenLink> links() {
        return links;
    }

    /**
     * The people: every tombstone linked in exactly one; a tombstone without links is a person of its own.
     * Each person's tombstones are in the order linked, and people are in the order of their first tombstone.
     */
    public List<List<Tombstone>> people() {
        return people;
    }

    /** The match weight in bits at or above which a pair was a link. */
    public double thresholdWeight() {
        return thresholdWeight;
    }

    /**
     * Explains the match weight of any two of the tombstones linked (a link or not): prior, then one row per
     * comparison, with comparison names and level labels only, never personal data.
     *
     * @throws IllegalArgumentException if either is not one of {@link #tombstones()} (by identity)
     */
    public Explanation explain(Tombstone a, Tombstone b) {
        return explain(positionOf(a), positionOf(b));
    }

    Explanation explain(int a, int b) {
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
                + links.size() + ", people=" + people.size() + "]";
    }
}
