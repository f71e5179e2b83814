package io.github.palimpsest.compare;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.palimpsest.pipeline.LibraryAccess;
import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * Compares identifiers without a check digit: the warrant number, one {@code id_<type>} column, or every
 * {@code id_*} column at once. Without a check digit a keying error leaves a valid-looking value, so one
 * character wrong gets its own level. Levels, most similar first:
 * <ol start="0">
 *   <li>{@code equal};</li>
 *   <li>{@code one character different}: one character substituted, inserted, deleted, or two adjacent
 *       ones transposed;</li>
 *   <li>{@code different}: two different values; evidence against a match whose strength the model
 *       learns (strong for a social security number, weak for warrants, of which one person may have
 *       several);</li>
 *   <li>{@code missing} (neutral): either side has no value (a placeholder such as {@code N/A} counts as
 *       no value).</li>
 * </ol>
 * For {@link #anyType()}, only identifiers of the same type are compared, and the best outcome over the
 * types both records hold is returned. Immutable, thread-safe and serializable; {@link #level} allocates
 * nothing.
 */
public final class GenericIdentifierComparison implements Comparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the same value. */
    static final int EQUAL = 0;
    /** Level index: one keying error apart. */
    static final int ONE_CHARACTER = 1;
    /** Level index: different values. */
    static final int DIFFERENT = 2;
    /** Level index: absent on either side (neutral). */
    static final int MISSING = 3;

    private static final List<ComparisonLevel> LEVELS = List.of(
            ComparisonLevel.of("equal"),
            ComparisonLevel.of("one character different"),
            ComparisonLevel.of("different"),
            ComparisonLevel.neutral("missing"));

    /** Which value(s) of a record are compared. */
    private enum Source { WARRANT, ONE_TYPE, ANY_TYPE }

    private final String name;
    private final Source source;
    /** The generic identifier type for {@link Source#ONE_TYPE}, else "". */
    private final String type;

    private GenericIdentifierComparison(String name, Source source, String type) {
        this.name = name;
        this.source = source;
        this.type = type;
    }

    /** Warrant numbers, named {@code "warrant_number"}. */
    public static GenericIdentifierComparison warrantNumber() {
        return new GenericIdentifierComparison("warrant_number", Source.WARRANT, "");
    }

    /**
     * The generic identifier of one type, named {@code "id_<type>"}: {@code forType("passport")} compares
     * the {@code id_passport} column.
     *
     * @param type the type, as in {@code PersonRecord.Builder#identifier}; trimmed and lower-cased, and a
     *     leading {@code id_} is removed
     * @throws IllegalArgumentException if the type is null or blank
     */
    public static GenericIdentifierComparison forType(String type) {
        checkArgument(type != null && !type.isBlank(), "identifier type must not be blank");
        String clean = type.strip().toLowerCase(Locale.ROOT);
        if (clean.startsWith("id_")) {
            clean = clean.substring(3);
        }
        checkArgument(!clean.isEmpty(), "identifier type must not be blank");
        return new GenericIdentifierComparison("id_" + clean, Source.ONE_TYPE, clean);
    }

    /** Every {@code id_*} column at once, named {@code "id_*"}: for inputs whose identifier types are not known in advance. */
    public static GenericIdentifierComparison anyType() {
        return new GenericIdentifierComparison("id_*", Source.ANY_TYPE, "");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ComparisonLevel> levels() {
        return LEVELS;
    }

    @Override
    public int level(ComparableRecord left, ComparableRecord right) {
        return switch (source) {
            case WARRANT -> compare(left.warrantNumber(), right.warrantNumber());
            case ANY_TYPE -> anyType(left, right);
            case ONE_TYPE -> compare(left.identifier(type), right.identifier(type));
        };
    }

    private static int compare(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return MISSING;
        }
        if (a.equals(b)) {
            return EQUAL;
        }
        return Edits.isOneEditApart(a, b) ? ONE_CHARACTER : DIFFERENT;
    }

    /** Merges the two records' type-sorted identifiers and keeps the best (lowest) level. */
    private static int anyType(ComparableRecord left, ComparableRecord right) {
        int best = MISSING;
        String[] leftTypes = LibraryAccess.identifierTypes(left);
        String[] rightTypes = LibraryAccess.identifierTypes(right);
        int i = 0;
        int j = 0;
        while (i < leftTypes.length && j < rightTypes.length) {
            int c = leftTypes[i].compareTo(rightTypes[j]);
            if (c == 0) {
                best = Math.min(best, compare(LibraryAccess.identifierValues(left)[i],
                        LibraryAccess.identifierValues(right)[j]));
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericIdentifierComparison && ((GenericIdentifierComparison) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "GenericIdentifierComparison[" + name + "]";
    }
}
