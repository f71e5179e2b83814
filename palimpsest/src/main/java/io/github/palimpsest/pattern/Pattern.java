package io.github.palimpsest.pattern;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.pipeline.LibraryAccess;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One person's pattern: the events of all their records, across forces, in date order. Undated events
 * come last; events on the same date (and undated ones) are ordered by record id, so a pattern never
 * depends on the order records were read in.
 *
 * <p>Immutable and thread-safe. Example:
 * <pre>{@code
 * for (PatternEvent e : entity.pattern().events()) {
 *     report.add(e.date().map(Object::toString).orElse("undated") + " " + e.forceName()
 *             + " " + e.eventType() + " " + e.recordId() + " " + e.linkedByText());
 * }
 * }</pre>
 */
public final class Pattern {

    private final String entityId;
    private final ImmutableList<PatternEvent> events;

    private Pattern(String entityId, ImmutableList<PatternEvent> events) {
        this.entityId = entityId;
        this.events = events;
    }

    static {
        // Built by the linker and the incremental index, outside this package (LibraryAccess.pattern).
        LibraryAccess.installPatterns(Pattern::of);
    }

    /**
     * The pattern of one person.
     *
     * @param entityId the person's entity id
     * @param events   the events of the person's records, in any order; record ids must be distinct
     * @throws IllegalArgumentException if a record id repeats
     */
    static Pattern of(String entityId, Collection<PatternEvent> events) {
        checkNotNull(entityId, "entityId");
        checkNotNull(events, "events");
        Set<String> ids = new LinkedHashSet<>();
        for (PatternEvent e : events) {
            checkArgument(ids.add(checkNotNull(e, "event").recordId()),
                    "record '%s' appears twice in the pattern of %s", e.recordId(), entityId);
        }
        return new Pattern(entityId, ImmutableList.sortedCopyOf(PatternEvent.CHRONOLOGICAL, events));
    }

    /** The person's entity id. */
    public String entityId() {
        return entityId;
    }

    /** The events in date order, undated last, ties by record id. */
    public List<PatternEvent> events() {
        return events;
    }

    /** The distinct forces of the events, in order of first appearance: codes, or names for unknown forces. */
    public List<String> forces() {
        Set<String> forces = new LinkedHashSet<>();
        for (PatternEvent e : events) {
            forces.add(e.forceCode().isEmpty() ? e.forceName() : e.forceCode());
        }
        return List.copyOf(forces);
    }

    /** The date of the first dated event, if any. */
    public Optional<LocalDate> firstDate() {
        return events.isEmpty() ? Optional.empty() : events.get(0).date();
    }

    /** The date of the last dated event, if any. */
    public Optional<LocalDate> lastDate() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).date().isPresent()) {
                return events.get(i).date();
            }
        }
        return Optional.empty();
    }

    /** The entity id and counts; no personal data. */
    @Override
    public String toString() {
        return "Pattern[" + entityId + ", " + events.size() + " events, " + forces().size() + " forces]";
    }
}
