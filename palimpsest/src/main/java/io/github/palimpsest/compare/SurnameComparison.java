package io.github.palimpsest.compare;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Compares surnames, including the alias and previous surnames a record carries (maiden and married
 * names). Levels, most similar first:
 * <ol start="0">
 *   <li>{@code exact}: the same surname; term-frequency adjusted, so agreeing on a rare surname counts for
 *       more than agreeing on a common one;</li>
 *   <li>{@code hyphenated part or Mac/Mc}: the surname variants intersect
 *       ({@link ComparableRecord#sharesSurnameVariant}): Smith-Jones and Jones, MacDonald and McDonald,
 *       Bonham Carter and Bonhamcarter;</li>
 *   <li>{@code alias or previous surname}: one side's surname is an alias surname of the other
 *       ({@link ComparableRecord#surnameMatchesAlias}), the maiden name beside the married one;</li>
 *   <li>{@code single name is this surname}: one side gives a single name, in the forename field, and it is
 *       the other's surname, the same or within a typo (Hillier against George Hillier); the forename
 *       comparison is then missing;</li>
 *   <li>{@code jaro-winkler ≥ high} (default 0.92);</li>
 *   <li>{@code phonetic}: Double Metaphone keys (primary or alternate) or NYSIIS keys agree (Smith and
 *       Smyth, Thomson and Thompson);</li>
 *   <li>{@code jaro-winkler ≥ medium or one edit} (default 0.80): similar, or one keying error apart
 *       (a short name's transposed or mistyped letter, which Jaro–Winkler scores low);</li>
 *   <li>{@code else};</li>
 *   <li>{@code missing} (neutral): either side has no surname, unless an alias surname of one matches
 *       the other's surname (then {@code alias or previous surname}) or a single name does (then
 *       {@code single name is this surname}); also forename and surname written in each other's place
 *       (exactly or with one name close), which {@link ForenameComparison} weighs: a swap is one event that
 *       both name comparisons see, and counted by both it would weigh about twice an exact match of both names.</li>
 * </ol>
 * Immutable, thread-safe and serializable; {@link #level} allocates nothing.
 */
public final class SurnameComparison implements TermFrequencyComparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the same surname. */
    static final int EXACT = 0;
    /** Level index: a hyphenated part, a multi-word part or a Mac/Mc spelling agrees. */
    static final int VARIANT = 1;
    /** Level index: a surname equals one of the other's alias (previous) surnames. */
    static final int ALIAS = 2;
    /** Level index: one side's single name, given as a forename, is the other's surname. */
    static final int SINGLE_NAME = 3;
    /** Level index: Jaro–Winkler at or above the high threshold. */
    static final int SIMILAR_HIGH = 4;
    /** Level index: phonetic keys agree. */
    static final int PHONETIC = 5;
    /** Level index: Jaro–Winkler at or above the medium threshold, or one keying error apart. */
    static final int SIMILAR_MEDIUM = 6;
    /** Level index: different. */
    static final int ELSE = 7;
    /** Level index: either surname missing (neutral). */
    static final int MISSING = 8;

    private final String name;
    private final double high;
    private final double medium;
    private final List<ComparisonLevel> levels;

    private SurnameComparison(String name, double high, double medium) {
        this.name = name;
        this.high = high;
        this.medium = medium;
        this.levels = List.of(
                ComparisonLevel.of("exact"),
                ComparisonLevel.of("hyphenated part or Mac/Mc"),
                ComparisonLevel.of("alias or previous surname"),
                ComparisonLevel.of("single name is this surname"),
                ComparisonLevel.of("jaro-winkler ≥ " + high),
                ComparisonLevel.of("phonetic"),
                ComparisonLevel.of("jaro-winkler ≥ " + medium + " or one edit"),
                ComparisonLevel.of("else"),
                ComparisonLevel.neutral("missing"));
    }

    /** The comparison named {@code "surname"} with thresholds 0.92 and 0.80. */
    public static SurnameComparison standard() {
        return of("surname", 0.92, 0.80);
    }

    /**
     * A surname comparison with its own name and Jaro–Winkler thresholds.
     *
     * @throws IllegalArgumentException if the name is blank or not {@code 0 < medium < high < 1}
     */
    public static SurnameComparison of(String name, double high, double medium) {
        checkArgument(name != null && !name.isBlank(), "a comparison needs a non-blank name");
        checkArgument(0 < medium && medium < high && high < 1,
                "thresholds must satisfy 0 < medium < high < 1, got high %s, medium %s", high, medium);
        return new SurnameComparison(name, high, medium);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ComparisonLevel> levels() {
        return levels;
    }

    @Override
    public int level(ComparableRecord left, ComparableRecord right) {
        String a = left.surname();
        String b = right.surname();
        if (a.isEmpty() || b.isEmpty()) {
            if (left.surnameMatchesAlias(right)) {
                return ALIAS;
            }
            return NameKeys.loneNameIsSurname(left, right, high) ? SINGLE_NAME : MISSING;
        }
        if (a.equals(b)) {
            return EXACT;
        }
        // A swap, exact or with one name close, is weighed once, by the forename comparison, which finds it
        // for the same pairs (unless the forenames agree straight: then this is a surname typo, weighed here).
        if ((a.equals(right.forename()) && b.equals(left.forename()) && a.length() > 1 && b.length() > 1)
                || (!left.forename().equals(right.forename()) && NameKeys.swappedClose(left, right, medium))) {
            return MISSING;
        }
        if (left.sharesSurnameVariant(right)) {
            return VARIANT;
        }
        if (left.surnameMatchesAlias(right)) {
            return ALIAS;
        }
        double similarity = JaroWinkler.symmetric(a, b);
        if (similarity >= high) {
            return SIMILAR_HIGH;
        }
        if (NameKeys.phoneticAgree(left.surnamePhonetic(), left.surnamePhoneticAlternate(),
                right.surnamePhonetic(), right.surnamePhoneticAlternate())
                || !left.surnameNysiis().isEmpty() && left.surnameNysiis().equals(right.surnameNysiis())) {
            return PHONETIC;
        }
        return similarity >= medium || NameKeys.isOneKeyingError(a, b) ? SIMILAR_MEDIUM : ELSE;
    }

    @Override
    public int termFrequencyLevel() {
        return EXACT;
    }

    /** The surname, or "" when absent. */
    @Override
    public String termFrequencyValue(ComparableRecord record) {
        return record.surname();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SurnameComparison)) {
            return false;
        }
        SurnameComparison o = (SurnameComparison) other;
        return o.name.equals(name) && o.high == high && o.medium == medium;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, high, medium);
    }

    @Override
    public String toString() {
        return "SurnameComparison[" + name + ", high=" + high + ", medium=" + medium + "]";
    }
}
