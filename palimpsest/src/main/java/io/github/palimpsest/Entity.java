package io.github.palimpsest;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.pattern.Pattern;
import io.github.palimpsest.pipeline.LibraryAccess;
import io.github.palimpsest.record.PersonRecord;
import java.util.List;

/**
 * One person found by linking: a stable entity id, the records that were clustered together (a single
 * record when nothing linked to it), the forces those records come from, and the person's
 * {@linkplain Pattern pattern} of events in date order.
 *
 * <p>Immutable and thread-safe.
 */
public final class Entity {

    static {
        // The incremental index builds its people outside this package (LibraryAccess.entity).
        LibraryAccess.installEntities((id, records, pattern) -> new Entity(id, checkNotNull(records, "records"), pattern));
    }

    private final String id;
    private final ImmutableList<PersonRecord> records;
    private final Pattern pattern;

    Entity(String id, List<PersonRecord> records, Pattern pattern) {
        checkArgument(!records.isEmpty(), "an entity holds at least one record");
        this.id = checkNotNull(id, "id");
        this.records = ImmutableList.copyOf(records);
        this.pattern = checkNotNull(pattern, "pattern");
    }

    /**
     * The entity id, e.g. {@code "P-7XK2M9QD4R"}: derived from the smallest record id of the entity, so it
     * stays the same when unrelated records are added (see {@link io.github.palimpsest.cluster.EntityIds}).
     */
    public String id() {
        return id;
    }

    /** The entity's records, in input order; at least one. */
    public List<PersonRecord> records() {
        return records;
    }

    /** The ids of the entity's records, in input order. */
    public List<String> recordIds() {
        return records.stream().map(PersonRecord::recordId).collect(ImmutableList.toImmutableList());
    }

    /** The number of records. */
    public int size() {
        return records.size();
    }

    /**
     * The distinct forces of the entity's records, sorted: the two-digit code for a known force, otherwise
     * the force text the record gave.
     */
    public List<String> forces() {
        return records.stream().map(Entity::forceKey).distinct().sorted().collect(ImmutableList.toImmutableList());
    }

    /** Whether the entity's records come from more than one force. */
    public boolean isSeenByMoreThanOneForce() {
        return records.stream().map(Entity::forceKey).distinct().count() > 1;
    }

    static String forceKey(PersonRecord record) {
        return record.force().canonical().orElse(record.force().raw().strip());
    }

    /** The person's events in date order, with how each record was linked. */
    public Pattern pattern() {
        return pattern;
    }

    /** The id and counts; no personal data. */
    @Override
    public String toString() {
        return "Entity[" + id + ", " + records.size() + " records, " + forces().size() + " forces]";
    }
}
