package io.github.palimpsest;

import static com.google.common.base.Preconditions.checkElementIndex;

import io.github.palimpsest.block.BlockingReport;
import io.github.palimpsest.cluster.RefusalReason;
import io.github.palimpsest.pattern.Evidence;
import io.github.palimpsest.pattern.Pattern;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.Clustering;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.pipeline.LibraryAccess;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.score.Explanation;
import io.github.palimpsest.score.MatchModel;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Linker#linkComparable(List)} returns: every record's entity, the links at or above the
 * threshold and each person's pattern, held as primitive arrays over the {@link ComparableRecord}s, with
 * no {@link io.github.palimpsest.record.PersonRecord} kept. A {@link Link} with its explanation and a
 * {@link Pattern} are built when asked for, so a million records cost a few hundred bytes each rather than
 * the kilobytes of a {@link LinkResult}. The numbers are those a {@link LinkResult} over the same records
 * shows: the same entity ids, links, weights, explanations and patterns.
 *
 * <p><b>Positions, by design.</b> Records are addressed by their position in the list linked (record
 * {@code r} is the {@code r}-th {@link ComparableRecord} given to {@link Linker#linkComparable(List)}, in
 * input order); entities by their position, in the order of each entity's first record. This is the one
 * part of the API addressed by position rather than by record id, and on purpose: the result exists for
 * runs of millions of records, where a map from record id to record would cost more than the result itself,
 * and the caller already holds the records in that order. Everything else a caller needs to name a record
 * is in {@link #record(int)} (its {@linkplain ComparableRecord#recordId() record id}) and
 * {@link #entityIdOf(int)}; for access by record id, use a {@link LinkResult}. Example, writing each
 * record's person:
 * <pre>{@code
 * CompactLinkResult result = linker.linkComparable(prepared);
 * for (int r = 0; r < result.recordCount(); r++) {
 *     out.println(result.record(r).recordId() + "," + result.entityIdOf(r));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CompactLinkResult {
    private final List<ComparableRecord> records;
    private final Clustering clustering;
    private final List<String> entityIds;
    /** Links at or above the threshold: packed pairs in ascending order, weights, and levels [c][link]. */
    private final long[] linkPairs;
    private final double[] linkWeights;
    private final byte[][] linkLevels;
    /** termFrequency[c][record], or null where comparison c takes no adjustment. */
    private final double[][] termFrequency;
    /** For each record, its strongest link inside its own entity, or −1. */
    private final int[] strongest;
    private final MatchModel model;
    private final double thresholdWeight;
    private final LinkStatistics statistics;
    private final BlockingReport blockingReport;
    private final ReviewState review;

    CompactLinkResult(List<ComparableRecord> records, Clustering clustering, List<String> entityIds, long[] linkPairs,
            double[] linkWeights, byte[][] linkLevels, double[][] termFrequency, int[] strongest, MatchModel model,
            double thresholdWeight, LinkStatistics statistics, BlockingReport blockingReport) {
        this(records, clustering, entityIds, linkPairs, linkWeights, linkLevels, termFrequency, strongest, model,
                thresholdWeight, statistics, blockingReport, ReviewState.NONE);
    }

    CompactLinkResult(List<ComparableRecord> records, Clustering clustering, List<String> entityIds, long[] linkPairs,
            double[] linkWeights, byte[][] linkLevels, double[][] termFrequency, int[] strongest, MatchModel model,
            double thresholdWeight, LinkStatistics statistics, BlockingReport blockingReport, ReviewState review) {
        this.records = records;
        this.clustering = clustering;
        this.entityIds = entityIds;
        this.linkPairs = linkPairs;
        this.linkWeights = linkWeights;
        this.linkLevels = linkLevels;
        this.termFrequency = termFrequency;
        this.strongest = strongest;
        this.model = model;
        this.thresholdWeight = thresholdWeight;
        this.statistics = statistics;
        this.blockingReport = blockingReport;
        this.review = review;
    }

    /** The same result with other statistics (stage times are known only once the last stage ends). */
    CompactLinkResult withStatistics(LinkStatistics value) {
        return new CompactLinkResult(records, clustering, entityIds, linkPairs, linkWeights, linkLevels, termFrequency,
                strongest, model, thresholdWeight, value, blockingReport, review);
    }

    /** The number of records linked. */
    public int recordCount() {
        return records.size();
    }

    /** The records linked, in input order. */
    public List<ComparableRecord> records() {
        return records;
    }

    /** The record at an input position. */
    public ComparableRecord record(int index) {
        return records.get(index);
    }

    /** The number of entities (people), singletons included. */
    public int entityCount() {
        return clustering.clusterCount();
    }

    /** The stable id of an entity, e.g. {@code P-KFTQ47DFGP}. */
    public String entityId(int entity) {
        return entityIds.get(entity);
    }

    /** The entity of the record at an input position. */
    public int entityOf(int record) {
        return clustering.clusterOf(record);
    }

    /** The entity id of the record at an input position. */
    public String entityIdOf(int record) {
        return entityIds.get(clustering.clusterOf(record));
    }

    /** The input positions of an entity's records, ascending (a copy). */
    public int[] members(int entity) {
        return clustering.members(entity);
    }

    /** Whether an entity's records come from more than one force (unknown forces by their given text). */
    public boolean isSeenByMoreThanOneForce(int entity) {
        int[] members = clustering.members(entity);
        String first = forceKey(records.get(members[0]));
        for (int r : members) {
            if (!forceKey(records.get(r)).equals(first)) {
                return true;
            }
        }
        return false;
    }

    static String forceKey(ComparableRecord record) {
        return record.forceCode().isEmpty() ? record.forceName() : record.forceCode();
    }

    /** An entity's events in date order, with how each record was linked; built on each call. */
    public Pattern pattern(int entity) {
        int[] members = clustering.members(entity);
        List<PatternEvent> events = new ArrayList<>(members.length);
        for (int r : members) {
            ComparableRecord record = records.get(r);
            events.add(new PatternEvent(record.recordId(), dateOf(record.eventDate()), record.forceCode(),
                    record.forceName(), record.eventType(), linkedTo(r), linkedBy(r), record.isNamePurged()));
        }
        return LibraryAccess.pattern(entityIds.get(entity), events);
    }

    private static Optional<LocalDate> dateOf(int yyyymmdd) {
        return yyyymmdd == 0 ? Optional.empty()
                : Optional.of(LocalDate.of(yyyymmdd / 10_000, yyyymmdd / 100 % 100, yyyymmdd % 100));
    }

    /** The other end of the record's strongest link inside its entity, or empty when it stands alone. */
    Optional<String> linkedTo(int record) {
        int m = strongest[record];
        if (m < 0) {
            return Optional.empty();
        }
        int left = CandidatePairs.left(linkPairs[m]);
        return Optional.of(records.get(left == record ? CandidatePairs.right(linkPairs[m]) : left).recordId());
    }

    /** The strongest evidence of that link (see {@link Evidence#strongest}), or empty. */
    Optional<String> linkedBy(int record) {
        int m = strongest[record];
        if (m >= 0 && decision(m) == Link.Decision.MATCH && linkWeights[m] < thresholdWeight) {
            return Optional.of(REVIEWED_MATCH);
        }
        if (m < 0) {
            return Optional.empty();
        }
        String evidence = Evidence.strongest(explanation(m), thresholdWeight);
        // Below the threshold and not a reviewer's match: a supported link.
        return Optional.of(linkWeights[m] < thresholdWeight ? evidence + Evidence.SUPPORTED : evidence);
    }

    /** The linked-by text of a record joined through a reviewer's match below the threshold. */
    static final String REVIEWED_MATCH = "review decision: match";

    /** What a review decision did to link {@code k}. */
    public Link.Decision decision(int k) {
        checkElementIndex(k, linkPairs.length, "link");
        return review.linkDecisions() == null ? Link.Decision.NONE : review.linkDecisions()[k];
    }

    /**
     * The review decisions given to the linker that name a record id not among the records linked, in their
     * order; they were ignored (and logged at WARN).
     */
    public List<ReviewDecision> unknownDecisions() {
        return review.unknownDecisions();
    }

    /**
     * The pairs a reviewer should look at, most uncertain first (empty unless the linker was given a
     * {@linkplain Linker.Builder#reviewThresholdProbability review threshold}): links at or above the threshold
     * that a clustering constraint refused (different identifiers, conflicting dates of birth, the lone-link
     * rule) and whose records ended apart, strongest first; then candidate pairs scored between the review
     * threshold and the threshold, by {@linkplain ReviewPair#uncertainty() uncertainty} (closest to even odds
     * first), the supported links among them marked ({@link ReviewPair#supported()}). Pairs a review decision
     * already covers are left out. Built on each call.
     */
    public List<ReviewPair> reviewPairs() {
        long[] pairs = review.reviewPairs();
        List<ReviewPair> out = new ArrayList<>(pairs.length);
        RefusalReason[] reasons = RefusalReason.values();
        for (int k = 0; k < pairs.length; k++) {
            int comparisons = review.reviewLevels().length;
            int[] vector = new int[comparisons];
            for (int c = 0; c < comparisons; c++) {
                vector[c] = review.reviewLevels()[c][k];
            }
            Link link = new Link(records.get(CandidatePairs.left(pairs[k])).recordId(),
                    records.get(CandidatePairs.right(pairs[k])).recordId(), review.reviewWeights()[k],
                    MatchModel.probability(review.reviewWeights()[k]), explain(CandidatePairs.left(pairs[k]), vector));
            byte refusal = review.reviewRefusals()[k];
            out.add(new ReviewPair(link, refusal < 0 ? Optional.empty() : Optional.of(reasons[refusal]),
                    refusal == Reviewing.SUPPORTED));
        }
        out.sort(Comparator.comparing(ReviewPair::isRefusedLink).reversed()
                .thenComparing((x, y) -> x.isRefusedLink()
                        ? Double.compare(y.link().matchWeight(), x.link().matchWeight())
                        : Double.compare(Math.abs(x.link().matchWeight()), Math.abs(y.link().matchWeight())))
                .thenComparing(p -> p.link().leftId()).thenComparing(p -> p.link().rightId()));
        return out;
    }

    /** The number of links: candidate pairs at or above the threshold. */
    public int linkCount() {
        return linkPairs.length;
    }

    /**
     * Link {@code k}, in the order of the input positions of its two records, with its explanation; built on
     * each call.
     */
    public Link link(int k) {
        checkElementIndex(k, linkPairs.length, "link");
        String left = records.get(CandidatePairs.left(linkPairs[k])).recordId();
        String right = records.get(CandidatePairs.right(linkPairs[k])).recordId();
        return new Link(left, right, linkWeights[k], MatchModel.probability(linkWeights[k]), explanation(k),
                decision(k));
    }

    /** The match weight of link {@code k}, without building the link. */
    public double linkWeight(int k) {
        return linkWeights[k];
    }

    /** Every link, as a list whose elements are built when read. */
    public List<Link> links() {
        return new AbstractList<>() {
            @Override
            public Link get(int index) {
                return link(index);
            }

            @Override
            public int size() {
                return linkPairs.length;
            }
        };
    }

    private Explanation explanation(int k) {
        int comparisons = linkLevels.length;
        int[] vector = new int[comparisons];
        for (int c = 0; c < comparisons; c++) {
            vector[c] = linkLevels[c][k];
        }
        return explain(CandidatePairs.left(linkPairs[k]), vector);
    }

    private Explanation explain(int left, int[] vector) {
        double[] tf = new double[vector.length];
        for (int c = 0; c < vector.length; c++) {
            tf[c] = termFrequency[c] == null ? IndexedModel.NO_TERM_FREQUENCY : termFrequency[c][left];
        }
        return IndexedModel.of(model).explain(vector, tf);
    }

    /** The model that scored the pairs, trained or supplied. */
    public MatchModel model() {
        return model;
    }

    /** The threshold in bits. */
    public double thresholdWeight() {
        return thresholdWeight;
    }

    /** Counts and stage times. */
    public LinkStatistics statistics() {
        return statistics;
    }

    /** What each blocking rule contributed, and any oversize blocks. */
    public BlockingReport blockingReport() {
        return blockingReport;
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "CompactLinkResult[records=" + records.size() + ", links=" + linkPairs.length + ", people="
                + entityCount() + "]";
    }

    static List<ComparableRecord> listOf(ComparableRecord[] records) {
        return Collections.unmodifiableList(Arrays.asList(records));
    }
}
