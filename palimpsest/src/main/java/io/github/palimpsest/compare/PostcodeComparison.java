package io.github.palimpsest.compare;

import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;

/**
 * Compares postcodes by the hierarchy of the UK postcode (unit {@code SW1A 1AA}, sector {@code SW1A 1},
 * district {@code SW1A}), so that a neighbour or a move within a district still counts for something.
 * Levels, most similar first:
 * <ol start="0">
 *   <li>{@code full}: the same postcode (UK or, kept as given, foreign);</li>
 *   <li>{@code same sector};</li>
 *   <li>{@code same district};</li>
 *   <li>{@code one character different}: a keying error (the only partial level for postcodes without
 *       UK structure, such as the four-digit Australian ones in FEBRL);</li>
 *   <li>{@code else};</li>
 *   <li>{@code missing} (neutral).</li>
 * </ol>
 * Immutable, thread-safe and serializable; {@link #level} allocates nothing.
 */
public final class PostcodeComparison implements Comparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the same postcode. */
    static final int FULL = 0;
    /** Level index: the same sector. */
    static final int SECTOR = 1;
    /** Level index: the same district. */
    static final int DISTRICT = 2;
    /** Level index: one keying error apart. */
    static final int ONE_CHARACTER = 3;
    /** Level index: different. */
    static final int ELSE = 4;
    /** Level index: missing (neutral). */
    static final int MISSING = 5;

    private static final List<ComparisonLevel> LEVELS = List.of(
            ComparisonLevel.of("full"),
            ComparisonLevel.of("same sector"),
            ComparisonLevel.of("same district"),
            ComparisonLevel.of("one character different"),
            ComparisonLevel.of("else"),
            ComparisonLevel.neutral("missing"));

    private PostcodeComparison() {
    }

    /** The comparison named {@code "postcode"}. */
    public static PostcodeComparison standard() {
        return new PostcodeComparison();
    }

    @Override
    public String name() {
        return "postcode";
    }

    @Override
    public List<ComparisonLevel> levels() {
        return LEVELS;
    }

    @Override
    public int level(ComparableRecord left, ComparableRecord right) {
        String a = left.postcode();
        String b = right.postcode();
        if (a.isEmpty() || b.isEmpty()) {
            return MISSING;
        }
        if (a.equals(b)) {
            return FULL;
        }
        if (!left.postcodeSector().isEmpty() && left.postcodeSector().equals(right.postcodeSector())) {
            return SECTOR;
        }
        if (!left.postcodeDistrict().isEmpty() && left.postcodeDistrict().equals(right.postcodeDistrict())) {
            return DISTRICT;
        }
        return Edits.isOneEditApart(a, b) ? ONE_CHARACTER : ELSE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostcodeComparison;
    }

    @Override
    public int hashCode() {
        return PostcodeComparison.class.hashCode();
    }

    @Override
    public String toString() {
        return "PostcodeComparison[postcode]";
    }
}
