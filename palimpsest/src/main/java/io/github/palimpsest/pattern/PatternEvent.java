package io.github.palimpsest.pattern;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * One event in a person's {@link Pattern}: what one record says happened, when, and at which force, with
 * how that record was linked to the rest of the person's records.
 *
 * <p>Immutable and thread-safe.
 *
 * @param recordId          the record's id
 * @param date              the event date, empty when the record has none or it could not be read
 * @param forceCode         the force's two-digit code, {@code ""} when the force is unknown
 * @param forceName         the force's official name, or the text the record gave when the force is unknown
 * @param eventType         the record's event type as given (e.g. {@code "arrest"}), {@code ""} when absent
 * @param linkedTo          the record at the other end of this record's strongest link inside the person;
 *                          empty when the person has only this record
 * @param linkedBy          the strongest evidence of that link, e.g. {@code "pnc_id exact"} or
 *                          {@code "dob exact + surname nickname"} (see {@link Evidence}); empty when the
 *                          person has only this record
 * @param isNamePurged      whether the record has no name but still identifies someone (a purged record):
 *                          when it is linked, it was linked without a name
 */
public record PatternEvent(String recordId, Optional<LocalDate> date, String forceCode, String forceName,
                           String eventType, Optional<String> linkedTo, Optional<String> linkedBy,
                           boolean isNamePurged) {

    /** Date order, undated events last, ties by record id: the order of {@link Pattern#events()}. */
    public static final Comparator<PatternEvent> CHRONOLOGICAL = Comparator
            .comparing((PatternEvent e) -> e.date().orElse(LocalDate.MAX))
            .thenComparing(PatternEvent::recordId);

    /** Checks that nothing is null. */
    public PatternEvent {
        checkNotNull(recordId, "recordId");
        checkNotNull(date, "date");
        checkNotNull(forceCode, "forceCode");
        checkNotNull(forceName, "forceName");
        checkNotNull(eventType, "eventType");
        checkNotNull(linkedTo, "linkedTo");
        checkNotNull(linkedBy, "linkedBy");
    }

    /** Whether the record was linked to another record although it carries no name. */
    public boolean isLinkedWithoutName() {
        return isNamePurged && linkedBy.isPresent();
    }

    /**
     * The "linked by" text as the {@code PATTERNS.csv} file shows it: the evidence, followed by
     * {@code "; linked without a name"} for a purged record; {@code ""} for a record that stands alone.
     */
    public String linkedByText() {
        return linkedBy.map(e -> isLinkedWithoutName() ? e + "; linked without a name" : e).orElse("");
    }
}
