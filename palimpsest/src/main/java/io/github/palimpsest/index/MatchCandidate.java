package io.github.palimpsest.index;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.score.Explanation;
import java.util.Locale;

/**
 * One indexed record scored against the record given to {@link LinkIndex#match}: its id, the person it
 * belongs to, and the match weight with the explanation that adds up to it. Immutable and thread-safe.
 *
 * @param recordId    the indexed record
 * @param entityId    the person (entity) the indexed record belongs to
 * @param matchWeight the match weight in bits, prior and any term-frequency adjustment included
 * @param probability {@code 2^w / (1 + 2^w)} of the weight
 * @param isLink      whether the weight is at or above the index's threshold
 * @param explanation prior plus one row per comparison, totalling {@code matchWeight}
 */
public record MatchCandidate(String recordId, String entityId, double matchWeight, double probability,
        boolean isLink, Explanation explanation) {

    /** Checks that nothing is null. */
    public MatchCandidate {
        checkNotNull(recordId, "recordId");
        checkNotNull(entityId, "entityId");
        checkNotNull(explanation, "explanation");
    }

    /** The ids and the weight. */
    @Override
    public String toString() {
        return "MatchCandidate[" + recordId + " in " + entityId + ", "
                + String.format(Locale.ROOT, "%.2f", matchWeight) + " bits]";
    }
}
