package io.github.palimpsest.vet;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.record.PersonRecord;
import java.util.Optional;

/**
 * One record found for one roster member, and how it joined the member's person.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rosterId      the roster member's record id (the staff number)
 * @param record        the force record found
 * @param probability   the match probability of the link by which the record joined: to the roster member
 *                      itself when {@code joinedThrough} is empty, else to that record
 * @param joinedThrough the record through which it joined, or empty when it links to the member directly
 * @param evidence      the strongest evidence of that link in plain words, e.g. {@code "same PNC ID"}
 */
public record VetMatch(String rosterId, PersonRecord record, double probability, Optional<String> joinedThrough,
        String evidence) {

    /** Checks that nothing is null and the probability is one. */
    public VetMatch {
        checkNotNull(rosterId, "rosterId");
        checkNotNull(record, "record");
        checkNotNull(joinedThrough, "joinedThrough");
        checkNotNull(evidence, "evidence");
        checkArgument(probability >= 0 && probability <= 1, "probability %s is not in [0, 1]", probability);
    }

    /** Whether the record links to the roster member directly rather than through another record. */
    public boolean isDirect() {
        return joinedThrough.isEmpty();
    }

    /** The ids only: a record holds personal data. */
    @Override
    public String toString() {
        return "VetMatch[" + rosterId + " -> " + record.recordId() + joinedThrough.map(t -> " via " + t).orElse("")
                + "]";
    }
}
