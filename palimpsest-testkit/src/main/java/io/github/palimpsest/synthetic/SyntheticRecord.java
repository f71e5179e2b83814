package io.github.palimpsest.synthetic;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import io.github.palimpsest.record.PersonRecord;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One generated record as a force wrote it, in the canonical CSV schema, with its ground truth: the
 * entity it describes and the corruptions applied to it. Immutable and thread-safe.
 *
 * <pre>{@code
 * SyntheticRecord r = data.records().get(0);
 * r.value("surname");        // "SMITH", or "" when the force wrote the name in full_name
 * r.entityId();              // "P0000017": records with the same entity id describe the same person
 * r.corruptions();           // e.g. [TYPO, MOVED_ADDRESS]
 * }</pre>
 */
public final class SyntheticRecord {

    /** The canonical schema's columns, in the order they are always written. */
    public static final List<String> COLUMNS = List.of(
            "record_id", "force", "full_name", "forename", "middle_names", "surname", "aliases", "dob", "sex",
            "pnc_id", "cro_number", "ni_number", "driving_licence", "warrant_number", "phone", "email",
            "postcode", "address", "event_date", "event_type", "event_summary");

    private static final Map<String, Integer> INDEX = indexColumns();

    private final String[] values;
    private final String forceCode;
    private final Set<Corruption> corruptions;
    private final Set<Corruption> eligible;
    private final SyntheticPerson person;

    SyntheticRecord(String[] values, String forceCode, Set<Corruption> corruptions, Set<Corruption> eligible,
            SyntheticPerson person) {
        checkArgument(values.length == COLUMNS.size(), "need a value per column");
        this.values = values.clone();
        this.forceCode = forceCode;
        this.corruptions = Collections.unmodifiableSet(corruptions.isEmpty()
                ? EnumSet.noneOf(Corruption.class) : EnumSet.copyOf(corruptions));
        this.eligible = Collections.unmodifiableSet(eligible.isEmpty()
                ? EnumSet.noneOf(Corruption.class) : EnumSet.copyOf(eligible));
        this.person = person;
    }

    static int column(String name) {
        Integer i = INDEX.get(name);
        checkArgument(i != null, "unknown column '%s'; the columns are %s", name, COLUMNS);
        return i;
    }

    /** The record id, {@code <force code>-<serial>}, unique within a run. */
    public String recordId() {
        return values[0];
    }

    /** The ground-truth entity id: equal for exactly the records about the same person. */
    public String entityId() {
        return person.entityId();
    }

    /** The code of the force that wrote the record (the {@code force} column holds one of its labels). */
    public String forceCode() {
        return forceCode;
    }

    /**
     * The value of one schema column as written, or {@code ""} when blank.
     *
     * @throws IllegalArgumentException if {@code column} is not one of {@link #COLUMNS}
     */
    public String value(String column) {
        return values[column(column)];
    }

    /**
     * The record as a force's file would give it to the library: its columns read into a
     * {@link PersonRecord}, with two-digit years and future dates judged against {@code referenceDate}
     * (normally the generator's {@link SyntheticForces#referenceDate()}).
     */
    public PersonRecord toPersonRecord(LocalDate referenceDate) {
        PersonRecord.Builder record = PersonRecord.builder().referenceDate(referenceDate);
        for (int i = 0; i < values.length; i++) {
            record.set(COLUMNS.get(i), values[i]);
        }
        return record.build();
    }

    /** All columns in schema order, blank ones as {@code ""}. */
    public Map<String, String> columns() {
        ImmutableMap.Builder<String, String> b = ImmutableMap.builderWithExpectedSize(values.length);
        for (int i = 0; i < values.length; i++) {
            b.put(COLUMNS.get(i), values[i]);
        }
        return b.build();
    }

    /** The values in schema order, as written to CSV. */
    List<String> valuesInOrder() {
        return List.of(values);
    }

    /** The corruptions applied to this record (empty for a clean one). */
    public Set<Corruption> corruptions() {
        return corruptions;
    }

    /** The corruptions that could have applied to this record; rates are measured over these. */
    Set<Corruption> eligibleCorruptions() {
        return eligible;
    }

    /** The person this record is about, as they really are. */
    public SyntheticPerson person() {
        return person;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SyntheticRecord)) {
            return false;
        }
        SyntheticRecord r = (SyntheticRecord) o;
        return java.util.Arrays.equals(values, r.values) && forceCode.equals(r.forceCode)
                && corruptions.equals(r.corruptions) && person.equals(r.person);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(values);
    }

    /** The record id, entity id and corruptions; never the names or dates (they stay out of logs). */
    @Override
    public String toString() {
        return "SyntheticRecord[" + recordId() + " of " + entityId() + ", corruptions=" + corruptions + "]";
    }

    private static Map<String, Integer> indexColumns() {
        ImmutableMap.Builder<String, Integer> b = ImmutableMap.builder();
        for (int i = 0; i < COLUMNS.size(); i++) {
            b.put(COLUMNS.get(i), i);
        }
        return b.build();
    }
}
