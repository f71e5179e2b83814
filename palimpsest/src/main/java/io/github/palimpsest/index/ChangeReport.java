package io.github.palimpsest.index;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@link LinkIndex#add add}, {@link LinkIndex#update update} or {@link LinkIndex#remove remove}
 * did to the people in the index: the record's entity, the outcome, and the people before and after the
 * change (only those the change touched).
 *
 * <p>Entity ids follow {@link io.github.palimpsest.cluster.EntityIds}: a person's id is derived from its
 * smallest record id, so when people merge, the merged person keeps the id of the one holding the
 * smallest record id, and the others' ids are retired ({@link #mergedEntityIds()} lists them all).
 *
 * <p><b>Exact or bounded.</b> A change normally re-clusters every record whose person it can affect (its
 * link-graph component) with the batch clusterer, so the people after it are those a batch run would form
 * ({@link Reclustering#EXACT}). When that component holds more links than the index's
 * {@linkplain LinkIndexBuilder#maxReclusterLinks re-clustering budget} (a shared hostel phone and address, a
 * mis-keyed identifier), the change only merges and splits the people it touches directly
 * ({@link Reclustering#BOUNDED}): those people are sound (every link and identifier constraint holds) but may
 * differ from a batch run's. Check {@link #isExact()} before treating {@link #after()} as final.
 *
 * <p>Immutable and thread-safe.
 *
 * @param recordId         the record added, updated or removed
 * @param outcome          what happened to the record's person
 * @param entityId         the record's entity after the change; after a removal, the entity it was removed
 *                         from (whose id may since have changed or been retired: see {@link #after()})
 * @param previousEntityId the record's entity before the change; empty for an add
 * @param mergedEntityIds  for {@link Outcome#MERGED}, the ids (before the change) of the people merged into
 *                         {@code entityId}, sorted; otherwise empty
 * @param splitEntityIds   the ids (after the change) of the people that one earlier person was split into,
 *                         sorted; empty when no person was split. An add can split a person too (its
 *                         identifiers can forbid a chain that held before), so this may be non-empty
 *                         whatever the outcome
 * @param before           the people the change touched, before it: entity id to sorted record ids
 * @param after            the same records' people after it: entity id to sorted record ids
 * @param reclustering     whether the people after the change are a batch run's ({@code EXACT}) or the result
 *                         of the bounded, local re-clustering a very large component gets ({@code BOUNDED})
 */
public record ChangeReport(String recordId, Outcome outcome, String entityId, Optional<String> previousEntityId,
        List<String> mergedEntityIds, List<String> splitEntityIds, Map<String, List<String>> before,
        Map<String, List<String>> after, Reclustering reclustering) {

    /** What happened to the changed record's person. */
    public enum Outcome {
        /** A new record that links to nobody strong enough: a person of its own. */
        CREATED,
        /** The record joined exactly one existing person (for an update: moved to another person). */
        JOINED,
        /**
         * The record's arrival (or new content) joined two or more existing people into one: for a new
         * allegation, the signal that two earlier histories are the same person.
         */
        MERGED,
        /** The change broke an existing person into several (a removal or update took a link away). */
        SPLIT,
        /** The record was removed and its person, if any records remain, is otherwise intact. */
        REMOVED,
        /** An update that changed no person: the record stays with exactly the same records. */
        UNCHANGED
    }

    /** How the people a change touched were re-clustered. */
    public enum Reclustering {
        /**
         * Every record whose person the change could affect (its whole link-graph component) was re-clustered
         * with the batch clusterer: the people are those a batch run over the same records and links forms.
         */
        EXACT,
        /**
         * The component was larger than the re-clustering budget, so only the people the change touched were
         * changed, incrementally: an added record's links join or merge the people they reach (strongest
         * first, under the same identifier and date-of-birth constraints), and a removed record's person falls
         * apart into its linked pieces. Other people in the component were left as they were, and a merge
         * whose constraint check alone would exceed the budget was refused. The people are sound but can
         * differ from a batch run's; see {@code docs/index.md}.
         */
        BOUNDED
    }

    /** Checks that nothing is null and copies the collections. */
    public ChangeReport {
        checkNotNull(recordId, "recordId");
        checkNotNull(outcome, "outcome");
        checkNotNull(entityId, "entityId");
        checkNotNull(previousEntityId, "previousEntityId");
        checkNotNull(reclustering, "reclustering");
        mergedEntityIds = ImmutableList.copyOf(mergedEntityIds);
        splitEntityIds = ImmutableList.copyOf(splitEntityIds);
        before = copy(before);
        after = copy(after);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> people) {
        ImmutableMap.Builder<String, List<String>> copy = ImmutableMap.builder();
        people.forEach((id, records) -> copy.put(id, ImmutableList.copyOf(records)));
        return copy.build();
    }

    /**
     * Whether the people after this change are exactly those a batch run would form ({@link Reclustering#EXACT});
     * false when the change's component exceeded the re-clustering budget and only the people it touched were
     * changed ({@link Reclustering#BOUNDED}).
     */
    public boolean isExact() {
        return reclustering == Reclustering.EXACT;
    }

    /** The outcome and ids; record ids only, no personal data. */
    @Override
    public String toString() {
        return "ChangeReport[" + recordId + " " + outcome + " " + entityId
                + (mergedEntityIds.isEmpty() ? "" : " merged " + mergedEntityIds)
                + (splitEntityIds.isEmpty() ? "" : " split into " + splitEntityIds)
                + (isExact() ? "" : " (bounded re-clustering)") + "]";
    }
}
