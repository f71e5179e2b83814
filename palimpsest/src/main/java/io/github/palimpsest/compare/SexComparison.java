package io.github.palimpsest.compare;

import io.github.palimpsest.normalise.Sex;
import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;

/**
 * Compares the recorded sex. Levels:
 * <ol start="0">
 *   <li>{@code equal};</li>
 *   <li>{@code different}: evidence against a match, though recording errors happen and the model learns
 *       how often;</li>
 *   <li>{@code missing} (neutral): either side {@link Sex#UNKNOWN}.</li>
 * </ol>
 * Immutable, thread-safe and serializable.
 */
public final class SexComparison implements Comparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the same sex. */
    static final int EQUAL = 0;
    /** Level index: different. */
    static final int DIFFERENT = 1;
    /** Level index: unknown on either side (neutral). */
    static final int MISSING = 2;

    private static final List<ComparisonLevel> LEVELS = List.of(
            ComparisonLevel.of("equal"), ComparisonLevel.of("different"), ComparisonLevel.neutral("missing"));

    private SexComparison() {
    }

    /** The comparison named {@code "sex"}. */
    public static SexComparison standard() {
        return new SexComparison();
    }

    @Override
    public String name() {
        return "sex";
    }

    @Override
    public List<ComparisonLevel> levels() {
        return LEVELS;
    }

    @Override
    public int level(ComparableRecord left, ComparableRecord right) {
        Sex a = left.sex();
        Sex b = right.sex();
        if (a == Sex.UNKNOWN || b == Sex.UNKNOWN) {
            return MISSING;
        }
        return a == b ? EQUAL : DIFFERENT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SexComparison;
    }

    @Override
    public int hashCode() {
        return SexComparison.class.hashCode();
    }

    @Override
    public String toString() {
        return "SexComparison[sex]";
    }
}
