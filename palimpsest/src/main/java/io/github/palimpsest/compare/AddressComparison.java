package io.github.palimpsest.compare;

import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;

/**
 * Compares addresses by the share of words they have in common (the Jaccard index of their folded word
 * sets, {@link ComparableRecord#addressSimilarity}), which ignores word order and abbreviation-free
 * differences in layout. Levels, most similar first:
 * <ol start="0">
 *   <li>{@code same words};</li>
 *   <li>{@code jaccard ≥ 0.6}: e.g. one word of five mistyped or added;</li>
 *   <li>{@code jaccard ≥ 0.3};</li>
 *   <li>{@code else};</li>
 *   <li>{@code missing} (neutral).</li>
 * </ol>
 * Immutable, thread-safe and serializable; {@link #level} allocates nothing.
 */
public final class AddressComparison implements Comparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the same set of words. */
    static final int SAME_WORDS = 0;
    /** Level index: Jaccard at least 0.6. */
    static final int MOSTLY_SHARED = 1;
    /** Level index: Jaccard at least 0.3. */
    static final int PARTLY_SHARED = 2;
    /** Level index: different. */
    static final int ELSE = 3;
    /** Level index: missing (neutral). */
    static final int MISSING = 4;

    private static final double MOSTLY = 0.6;
    private static final double PARTLY = 0.3;
    private static final List<ComparisonLevel> LEVELS = List.of(
            ComparisonLevel.of("same words"),
            ComparisonLevel.of("jaccard ≥ " + MOSTLY),
            ComparisonLevel.of("jaccard ≥ " + PARTLY),
            ComparisonLevel.of("else"),
            ComparisonLevel.neutral("missing"));

    private AddressComparison() {
    }

    /** The comparison named {@code "address"}. */
    public static AddressComparison standard() {
        return new AddressComparison();
    }

    @Override
    public String name() {
        return "address";
    }

    @Override
    public List<ComparisonLevel> levels() {
        return LEVELS;
    }

    @Override
    public int level(ComparableRecord left, ComparableRecord right) {
        if (!left.hasAddress() || !right.hasAddress()) {
            return MISSING;
        }
        double similarity = left.addressSimilarity(right);
        if (similarity >= 1.0) {
            return SAME_WORDS;
        }
        if (similarity >= MOSTLY) {
            return MOSTLY_SHARED;
        }
        return similarity >= PARTLY ? PARTLY_SHARED : ELSE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressComparison;
    }

    @Override
    public int hashCode() {
        return AddressComparison.class.hashCode();
    }

    @Override
    public String toString() {
        return "AddressComparison[address]";
    }
}
