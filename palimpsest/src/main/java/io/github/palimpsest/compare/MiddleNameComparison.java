package io.github.palimpsest.compare;

import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;

/**
 * Compares middle names by their initials ({@link ComparableRecord#middleInitials()}), because forces
 * often record only the initial ("Stephen J Marlowe") and a full middle name adds little over it. Levels:
 * <ol start="0">
 *   <li>{@code same initials}: both give middle names and their initials agree in order;</li>
 *   <li>{@code first initial agrees}: the first initials agree but one side gives more or fewer middle
 *       names (a second middle name dropped);</li>
 *   <li>{@code different}: both give middle names and the first initials differ. This is what tells
 *       apart two people of the same name and a similar date of birth, and a parent and child of one
 *       name, which otherwise agree on everything recorded;</li>
 *   <li>{@code missing} (neutral): either side gives none. Many records omit middle names, so an
 *       absence is no evidence.</li>
 * </ol>
 * Immutable, thread-safe and serializable; {@link #level} allocates nothing.
 *
 * <pre>{@code
 * MiddleNameComparison middle = MiddleNameComparison.standard();
 * middle.level(stephenJamesMarlowe, stephenJMarlowe);   // MiddleNameComparison.SAME_INITIALS
 * }</pre>
 */
public final class MiddleNameComparison implements Comparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the same middle initials. */
    static final int SAME_INITIALS = 0;
    /** Level index: the first middle initials agree, the rest do not. */
    static final int FIRST_INITIAL = 1;
    /** Level index: the first middle initials differ. */
    static final int DIFFERENT = 2;
    /** Level index: either side has no middle name (neutral). */
    static final int MISSING = 3;

    private static final List<ComparisonLevel> LEVELS = List.of(
            ComparisonLevel.of("same initials"), ComparisonLevel.of("first initial agrees"),
            ComparisonLevel.of("different"), ComparisonLevel.neutral("missing"));

    private MiddleNameComparison() {
    }

    /** The comparison named {@code "middle_names"}. */
    public static MiddleNameComparison standard() {
        return new MiddleNameComparison();
    }

    @Override
    public String name() {
        return "middle_names";
    }

    @Override
    public List<ComparisonLevel> levels() {
        return LEVELS;
    }

    @Override
    public int level(ComparableRecord left, ComparableRecord right) {
        String a = left.middleInitials();
        String b = right.middleInitials();
        if (a.isEmpty() || b.isEmpty()) {
            return MISSING;
        }
        if (a.equals(b)) {
            return SAME_INITIALS;
        }
        return a.charAt(0) == b.charAt(0) ? FIRST_INITIAL : DIFFERENT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MiddleNameComparison;
    }

    @Override
    public int hashCode() {
        return MiddleNameComparison.class.hashCode();
    }

    @Override
    public String toString() {
        return "MiddleNameComparison[middle_names]";
    }
}
