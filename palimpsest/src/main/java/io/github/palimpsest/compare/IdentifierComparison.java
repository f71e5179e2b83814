package io.github.palimpsest.compare;

import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;

/**
 * Compares one kind of identifier that has a check digit or a strict format, so that a value is either
 * valid or present-but-invalid: PNC ID, CRO number, National Insurance number or driving licence number.
 * One comparison per kind, so that the model learns a weight for each (two different valid PNC IDs say
 * more than two different driving licences). Levels, most similar first:
 * <ol start="0">
 *   <li>{@code equal}: the same valid value: very strong evidence for a match;</li>
 *   <li>{@code one side invalid}: both records carry the identifier, but at least one value failed its
 *       check (often a keying error in the same identifier), weak evidence either way;</li>
 *   <li>{@code different}: two different valid values: strong evidence <em>against</em> a match, kept as
 *       its own level so that the model learns how strong;</li>
 *   <li>{@code missing} (neutral): either record has no value.</li>
 * </ol>
 * Immutable, thread-safe and serializable; {@link #level} allocates nothing.
 */
public final class IdentifierComparison implements Comparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the same valid value. */
    static final int EQUAL = 0;
    /** Level index: present on both sides, at least one invalid. */
    static final int ONE_INVALID = 1;
    /** Level index: two different valid values. */
    static final int DIFFERENT = 2;
    /** Level index: absent on either side (neutral). */
    static final int MISSING = 3;

    private static final List<ComparisonLevel> LEVELS = List.of(
            ComparisonLevel.of("equal"),
            ComparisonLevel.of("one side invalid"),
            ComparisonLevel.of("different valid values"),
            ComparisonLevel.neutral("missing"));

    /** The identifier kinds with a validity check. */
    private enum Kind {
        PNC("pnc_id"), CRO("cro_number"), NI("ni_number"), LICENCE("driving_licence");

        final String column;

        Kind(String column) {
            this.column = column;
        }

        String value(ComparableRecord r) {
            return switch (this) {
                case PNC -> r.pncId();
                case CRO -> r.croNumber();
                case NI -> r.niNumber();
                case LICENCE -> r.drivingLicence();
            };
        }

        boolean isInvalid(ComparableRecord r) {
            return switch (this) {
                case PNC -> r.hasInvalidPncId();
                case CRO -> r.hasInvalidCroNumber();
                case NI -> r.hasInvalidNiNumber();
                case LICENCE -> r.hasInvalidDrivingLicence();
            };
        }
    }

    private final Kind kind;

    private IdentifierComparison(Kind kind) {
        this.kind = kind;
    }

    /** PNC IDs, named {@code "pnc_id"}. */
    public static IdentifierComparison pncId() {
        return new IdentifierComparison(Kind.PNC);
    }

    /** CRO numbers, named {@code "cro_number"}. */
    public static IdentifierComparison croNumber() {
        return new IdentifierComparison(Kind.CRO);
    }

    /** National Insurance numbers, named {@code "ni_number"}; a temporary or non-identifying number counts as invalid. */
    public static IdentifierComparison niNumber() {
        return new IdentifierComparison(Kind.NI);
    }

    /** Driving licence numbers, named {@code "driving_licence"}. */
    public static IdentifierComparison drivingLicence() {
        return new IdentifierComparison(Kind.LICENCE);
    }

    /** The name of the column compared, e.g. {@code "pnc_id"}. */
    @Override
    public String name() {
        return kind.column;
    }

    @Override
    public List<ComparisonLevel> levels() {
        return LEVELS;
    }

    @Override
    public int level(ComparableRecord left, ComparableRecord right) {
        String a = kind.value(left);
        String b = kind.value(right);
        boolean invalidA = kind.isInvalid(left);
        boolean invalidB = kind.isInvalid(right);
        if (a.isEmpty() && !invalidA || b.isEmpty() && !invalidB) {
            return MISSING;
        }
        if (invalidA || invalidB) {
            return ONE_INVALID;
        }
        return a.equals(b) ? EQUAL : DIFFERENT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentifierComparison && ((IdentifierComparison) o).kind == kind;
    }

    @Override
    public int hashCode() {
        return kind.hashCode();
    }

    @Override
    public String toString() {
        return "IdentifierComparison[" + kind.column + "]";
    }
}
