package io.github.palimpsest;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.palimpsest.block.BlockingReport;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.pipeline.LibraryAccess;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Linker#link} found: every input record in exactly one {@link Entity} (singletons included),
 * the links at or above the threshold with their explanations, the model that scored them, counts and
 * timings, and the blocking report.
 *
 * <p>Immutable and thread-safe. Entities are ordered by their first record in the input; links by the
 * input positions of their two records. Example:
 * <pre>{@code
 * LinkResult result = linker.link(records);
 * for (Entity person : result.entities()) {
 *     if (person.isSeenByMoreThanOneForce()) show(person.pattern());
 * }
 * result.entityOf("MPS-02-0147").map(Entity::id);     // Optional[P-...]
 * result.model().save(Path.of("model.json"));          // reuse the trained model next time
 * }</pre>
 */
public final class LinkResult {

    private final ImmutableList<Entity> entities;
    private final List<Link> links;
    private final MatchModel model;
    private final double thresholdWeight;
    private final LinkStatistics statistics;
    private final BlockingReport blockingReport;
    private final ImmutableMap<String, Entity> entityOfRecord;
    private final CompactLinkResult compact;

    private LinkResult(ImmutableList<Entity> entities, List<Link> links, MatchModel model, double thresholdWeight,
               LinkStatistics statistics, BlockingReport blockingReport, ImmutableMap<String, Entity> entityOfRecord,
               CompactLinkResult compact) {
        this.entities = entities;
        this.links = links;
        this.model = checkNotNull(model, "model");
        this.thresholdWeight = thresholdWeight;
        this.statistics = checkNotNull(statistics, "statistics");
        this.blockingReport = checkNotNull(blockingReport, "blockingReport");
        this.entityOfRecord = entityOfRecord;
        this.compact = compact;
    }

    /**
     * The result over person records: the compact result's entities, each holding its records, with the
     * same ids, patterns and links. Links stay in the compact result and are built as they are read.
     */
    static LinkResult of(CompactLinkResult compact, List<PersonRecord> records) {
        ImmutableList.Builder<Entity> entities = ImmutableList.builderWithExpectedSize(compact.entityCount());
        ImmutableMap.Builder<String, Entity> byRecord = ImmutableMap.builderWithExpectedSize(records.size());
        for (int e = 0; e < compact.entityCount(); e++) {
            int[] members = compact.members(e);
            List<PersonRecord> held = new ArrayList<>(members.length);
            List<PatternEvent> events = new ArrayList<>(members.length);
            for (int r : members) {
                held.add(records.get(r));
                events.add(LibraryAccess.patternEvent(records.get(r), compact.linkedTo(r), compact.linkedBy(r)));
            }
            Entity entity = new Entity(compact.entityId(e), held, LibraryAccess.pattern(compact.entityId(e), events));
            entities.add(entity);
            for (PersonRecord record : held) {
                byRecord.put(record.recordId(), entity);
            }
        }
        return new LinkResult(entities.build(), compact.links(), compact.model(), compact.thresholdWeight(),
                compact.statistics(), compact.blockingReport(), byRecord.buildOrThrow(), compact);
    }

    /** The same result with other statistics. */
    LinkResult withStatistics(LinkStatistics value) {
        return new LinkResult(entities, links, model, thresholdWeight, value, blockingReport, entityOfRecord,
                compact);
    }

    /** The pairs a reviewer should look at, most uncertain first; see {@link CompactLinkResult#reviewPairs()}. */
    public List<ReviewPair> reviewPairs() {
        return compact.reviewPairs();
    }

    /** The review decisions that named a record id not among the records linked; they were ignored. */
    public List<ReviewDecision> unknownDecisions() {
        return compact.unknownDecisions();
    }

    /** Every entity (person), singletons included, ordered by their first record in the input. */
    public List<Entity> entities() {
        return entities;
    }

    /** The entity a record belongs to, or empty when no input record has that id. */
    public Optional<Entity> entityOf(String recordId) {
        return Optional.ofNullable(recordId == null ? null : entityOfRecord.get(recordId));
    }

    /**
     * Every candidate pair scored at or above the threshold, ordered by the input positions of its records.
     * A link whose records ended in different entities was refused by a clustering constraint (two different
     * valid PNC IDs, CRO numbers or NI numbers without an overwhelming direct link, conflicting dates of birth,
     * or a reviewer's non-match). A reviewer's match adds its pair as a link whatever its score
     * ({@link Link#decision()} says which links a decision made or broke).
     */
    public List<Link> links() {
        return links;
    }

    /** The model that scored the pairs: trained on the input, or the one supplied to the linker. */
    public MatchModel model() {
        return model;
    }

    /** The threshold as a match weight in bits, {@code log2(p / (1 − p))} of the threshold probability. */
    public double thresholdWeight() {
        return thresholdWeight;
    }

    /** Counts and stage timings. */
    public LinkStatistics statistics() {
        return statistics;
    }

    /** What each blocking rule contributed, and any oversize blocks and how they were handled. */
    public BlockingReport blockingReport() {
        return blockingReport;
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "LinkResult[records=" + statistics.records() + ", links=" + links.size() + ", people="
                + entities.size() + "]";
    }
}
