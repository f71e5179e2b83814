package io.github.palimpsest.compare;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Compares forenames. Levels, most similar first (the index is what {@link #level} returns):
 * <ol start="0">
 *   <li>{@code exact}: the same full forename; term-frequency adjusted, so a rare forename counts for
 *       more;</li>
 *   <li>{@code swapped}: forename and surname recorded in each other's place on one side (weighed here only:
 *       {@link SurnameComparison} gives such a pair its neutral level, so the one event counts once);</li>
 *   <li>{@code swapped, one name close}: the same, with one of the two names a little different (a typo,
 *       a nickname, an initial or part of a hyphenated surname), the other the same: Owen Sophie and Sophie
 *       Owem, Taylor D and Dean Taylor;</li>
 *   <li>{@code nickname or alias}: directly related in the nickname table (Bill and William,
 *       {@link ComparableRecord#isForenameNicknameOf}), or one side's forename is an alias forename of
 *       the other;</li>
 *   <li>{@code jaro-winkler ≥ high} (default 0.92): a typing error in a longer name;</li>
 *   <li>{@code phonetic}: the Double Metaphone keys (primary or alternate) agree (Stephen and Steven);</li>
 *   <li>{@code jaro-winkler ≥ medium or one edit} (default 0.80): similar, or one keying error apart
 *       (a short name's transposed or mistyped letter, which Jaro–Winkler scores low);</li>
 *   <li>{@code initial}: one side (or both) gives only an initial, and it is the other's first letter;</li>
 *   <li>{@code else}: different forenames;</li>
 *   <li>{@code missing} (neutral): either side has no forename (a purged or omitted name is no
 *       evidence).</li>
 * </ol>
 * A single name given as a forename that is the other's surname ("Hillier" against "George Hillier") is
 * {@code missing} here: {@link SurnameComparison} weighs it. An absent forename still reaches
 * {@code nickname or alias} when the other record's forename is one of
 * its alias forenames. Immutable, thread-safe and serializable; {@link #level} allocates nothing.
 *
 * <pre>{@code
 * ForenameComparison forenames = ForenameComparison.standard();
 * forenames.level(bill, william);   // ForenameComparison.NICKNAME
 * }</pre>
 */
public final class ForenameComparison implements TermFrequencyComparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the same forename. */
    static final int EXACT = 0;
    /** Level index: forename and surname swapped. */
    static final int SWAPPED = 1;
    /** Level index: forename and surname swapped, one of them a little different. */
    static final int SWAPPED_CLOSE = 2;
    /** Level index: nickname, diminutive or alias forename. */
    static final int NICKNAME = 3;
    /** Level index: Jaro–Winkler at or above the high threshold. */
    static final int SIMILAR_HIGH = 4;
    /** Level index: phonetic keys agree. */
    static final int PHONETIC = 5;
    /** Level index: Jaro–Winkler at or above the medium threshold, or one keying error apart. */
    static final int SIMILAR_MEDIUM = 6;
    /** Level index: an initial agrees with the other's forename. */
    static final int INITIAL = 7;
    /** Level index: different. */
    static final int ELSE = 8;
    /** Level index: either forename missing (neutral). */
    static final int MISSING = 9;

    private final String name;
    private final double high;
    private final double medium;
    private final List<ComparisonLevel> levels;

    private ForenameComparison(String name, double high, double medium) {
        this.name = name;
        this.high = high;
        this.medium = medium;
        this.levels = List.of(
                ComparisonLevel.of("exact"),
                ComparisonLevel.of("swapped with surname"),
                ComparisonLevel.of("swapped with surname, one name close"),
                ComparisonLevel.of("nickname or alias"),
                ComparisonLevel.of("jaro-winkler ≥ " + high),
                ComparisonLevel.of("phonetic"),
                ComparisonLevel.of("jaro-winkler ≥ " + medium + " or one edit"),
                ComparisonLevel.of("initial"),
                ComparisonLevel.of("else"),
                ComparisonLevel.neutral("missing"));
    }

    /** The comparison named {@code "forename"} with thresholds 0.92 and 0.80. */
    public static ForenameComparison standard() {
        return of("forename", 0.92, 0.80);
    }

    /**
     * A forename comparison with its own name and Jaro–Winkler thresholds.
     *
     * @throws IllegalArgumentException if the name is blank or not {@code 0 < medium < high < 1}
     */
    public static ForenameComparison of(String name, double high, double medium) {
        checkArgument(name != null && !name.isBlank(), "a comparison needs a non-blank name");
        checkArgument(0 < medium && medium < high && high < 1,
                "thresholds must satisfy 0 < medium < high < 1, got high %s, medium %s", high, medium);
        return new ForenameComparison(name, high, medium);
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
        String a = left.forename();
        String b = right.forename();
        if (a.isEmpty() || b.isEmpty()) {
            if (!left.forenameMatchesAlias(right)) {
                return MISSING;
            }
            // An initial that meets an alias is no stronger than an initial that meets a forename.
            return left.isForenameInitial() || right.isForenameInitial() ? INITIAL : NICKNAME;
        }
        boolean initial = left.isForenameInitial() || right.isForenameInitial();
        if (left.surname().isEmpty() != right.surname().isEmpty() && NameKeys.loneNameIsSurname(left, right, high)) {
            return MISSING; // the single name is a surname: the surname comparison weighs it
        }
        if (!initial) {
            if (a.equals(b)) {
                return EXACT;
            }
            if (a.equals(right.surname()) && b.equals(left.surname())) {
                return SWAPPED;
            }
        }
        // Before the initial: "M Slade" against "Slade Mohamed" is a swap, not a wrong initial.
        if (NameKeys.swappedClose(left, right, medium)) {
            return SWAPPED_CLOSE;
        }
        if (initial) {
            return a.charAt(0) == b.charAt(0) ? INITIAL : ELSE;
        }
        if (left.isForenameNicknameOf(right) || left.forenameMatchesAlias(right)) {
            return NICKNAME;
        }
        double similarity = JaroWinkler.symmetric(a, b);
        if (similarity >= high) {
            return SIMILAR_HIGH;
        }
        if (NameKeys.phoneticAgree(left.forenamePhonetic(), left.forenamePhoneticAlternate(),
                right.forenamePhonetic(), right.forenamePhoneticAlternate())) {
            return PHONETIC;
        }
        return similarity >= medium || NameKeys.isOneKeyingError(a, b) ? SIMILAR_MEDIUM : ELSE;
    }

    @Override
    public int termFrequencyLevel() {
        return EXACT;
    }

    /** The forename, or "" when it is absent or only an initial. */
    @Override
    public String termFrequencyValue(ComparableRecord record) {
        return record.isForenameInitial() ? "" : record.forename();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ForenameComparison)) {
            return false;
        }
        ForenameComparison o = (ForenameComparison) other;
        return o.name.equals(name) && o.high == high && o.medium == medium;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, high, medium);
    }

    @Override
    public String toString() {
        return "ForenameComparison[" + name + ", high=" + high + ", medium=" + medium + "]";
    }
}
