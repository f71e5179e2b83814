package io.github.palimpsest.compare;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Compares dates of birth. Levels, most similar first:
 * <ol start="0">
 *   <li>{@code exact};</li>
 *   <li>{@code exact, low information}: the same date, but it is 1 January (written when only the year is
 *       known) or a placeholder, so many unrelated people share it;</li>
 *   <li>{@code day and month swapped}: 03/04 against 04/03 of the same year (US against UK order);</li>
 *   <li>{@code one digit typo}: the {@code yyyymmdd} forms differ in one digit, or by two adjacent digits
 *       transposed;</li>
 *   <li>{@code year ± 1}: the same day and month, a year apart;</li>
 *   <li>{@code same year, one side 1 January}: one side is 1 January (the year was all that was known) of
 *       the other's year; also given when one or both dates were impossible ({@code 31/04/1980}) and the
 *       year they still give ({@link ComparableRecord#partialBirthYear()}) is the other side's year;</li>
 *   <li>{@code within N years} (default 3): the dates are at most N×365 + 1 days apart;</li>
 *   <li>{@code else};</li>
 *   <li>{@code missing} (neutral): either date is absent or invalid (and no kept year agrees), or the dates differ and one is a
 *       known placeholder (1900-01-01, 1970-01-01), which stands for "not known".</li>
 * </ol>
 * Immutable, thread-safe and serializable; {@link #level} allocates nothing.
 */
public final class DateOfBirthComparison implements Comparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the same date. */
    static final int EXACT = 0;
    /** Level index: the same 1 January or placeholder date. */
    static final int EXACT_LOW_INFORMATION = 1;
    /** Level index: day and month swapped. */
    static final int DAY_MONTH_SWAPPED = 2;
    /** Level index: one digit wrong or two adjacent digits transposed. */
    static final int ONE_DIGIT_TYPO = 3;
    /** Level index: same day and month, years one apart. */
    static final int YEAR_OFF_BY_ONE = 4;
    /** Level index: the same year, one side 1 January. */
    static final int SAME_YEAR_FIRST_OF_JANUARY = 5;
    /** Level index: within a few years. */
    static final int WITHIN_YEARS = 6;
    /** Level index: different ({@link #DIFFERENT}). */
    static final int ELSE = 7;
    /** Level index: missing or placeholder (neutral). */
    static final int MISSING = 8;

    /**
     * The level of two valid dates of birth that no keying error explains (more than a few years apart, not
     * swapped, not one digit wrong), labelled {@code else}: what a model weighs to decide whether such dates
     * keep two records apart. Find it with {@code levels().indexOf(DIFFERENT)}, or read its weight with
     * {@link io.github.palimpsest.score.MatchModel#levelWeight(Comparison, ComparisonLevel)}.
     */
    public static final ComparisonLevel DIFFERENT = ComparisonLevel.of("else");

    private static final int PLACEHOLDER_1900 = 1900_01_01;
    private static final int PLACEHOLDER_1970 = 1970_01_01;

    private final String name;
    private final int years;
    private final int maxDays;
    private final List<ComparisonLevel> levels;

    private DateOfBirthComparison(String name, int years) {
        this.name = name;
        this.years = years;
        this.maxDays = years * 365 + 1;
        this.levels = List.of(
                ComparisonLevel.of("exact"),
                ComparisonLevel.of("exact, low information"),
                ComparisonLevel.of("day and month swapped"),
                ComparisonLevel.of("one digit typo"),
                ComparisonLevel.of("year ± 1"),
                ComparisonLevel.of("same year, one side 1 January"),
                ComparisonLevel.of("within " + years + " years"),
                DIFFERENT,
                ComparisonLevel.neutral("missing"));
    }

    /** The comparison named {@code "dob"} with a 3-year window. */
    public static DateOfBirthComparison standard() {
        return of("dob", 3);
    }

    /**
     * A date-of-birth comparison with its own name and window for the {@code within N years} level.
     *
     * @throws IllegalArgumentException if the name is blank or {@code years} is not in [2, 20]
     */
    public static DateOfBirthComparison of(String name, int years) {
        checkArgument(name != null && !name.isBlank(), "a comparison needs a non-blank name");
        checkArgument(years >= 2 && years <= 20, "years must be in [2, 20], got %s", years);
        return new DateOfBirthComparison(name, years);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ComparisonLevel> levels() {
        return levels;
    }

    /**
     * Whether two records' valid dates of birth are the same or one keying error apart: day and month
     * swapped, one digit wrong, or the year one out with the same day and month. False when either date is
     * missing or a placeholder.
     */
    public boolean sameOrOneKeyingError(ComparableRecord left, ComparableRecord right) {
        if (left.dateOfBirth() == 0 || right.dateOfBirth() == 0) {
            return false;
        }
        int level = level(left, right);
        return level == EXACT || level == EXACT_LOW_INFORMATION || level == DAY_MONTH_SWAPPED
                || level == ONE_DIGIT_TYPO || level == YEAR_OFF_BY_ONE;
    }

    @Override
    public int level(ComparableRecord left, ComparableRecord right) {
        int a = left.dateOfBirth();
        int b = right.dateOfBirth();
        if (a == 0 || b == 0) {
            return partialLevel(left, right, a, b);
        }
        if (a == b) {
            return left.isDateOfBirthLowInformation() || right.isDateOfBirthLowInformation()
                    ? EXACT_LOW_INFORMATION : EXACT;
        }
        if (isPlaceholder(a) || isPlaceholder(b)) {
            return MISSING; // "not known" written as a date: missing is not mismatch
        }
        int yearA = a / 10_000;
        int yearB = b / 10_000;
        int monthA = a / 100 % 100;
        int monthB = b / 100 % 100;
        int dayA = a % 100;
        int dayB = b % 100;
        if (yearA == yearB && dayA == monthB && monthA == dayB) {
            return DAY_MONTH_SWAPPED;
        }
        if (Edits.isOneDigitTypo(a, b)) {
            return ONE_DIGIT_TYPO;
        }
        if (Math.abs(yearA - yearB) == 1 && a % 10_000 == b % 10_000) {
            return YEAR_OFF_BY_ONE;
        }
        if (yearA == yearB && (a % 10_000 == 101 || b % 10_000 == 101)) {
            return SAME_YEAR_FIRST_OF_JANUARY;
        }
        return Math.abs(Edits.epochDay(a) - Edits.epochDay(b)) <= maxDays ? WITHIN_YEARS : ELSE;
    }

    /**
     * One side (or both) has no date of birth. An impossible date keeps its year
     * ({@link ComparableRecord#partialBirthYear()}); the same year on both sides is year-level agreement,
     * the level a year-only 1 January date gets. Anything else is missing, never a mismatch: a broken date
     * is too weak to count against a pair.
     */
    private static int partialLevel(ComparableRecord left, ComparableRecord right, int a, int b) {
        int yearA = a != 0 ? (isPlaceholder(a) ? 0 : a / 10_000) : left.partialBirthYear();
        int yearB = b != 0 ? (isPlaceholder(b) ? 0 : b / 10_000) : right.partialBirthYear();
        return yearA != 0 && yearA == yearB ? SAME_YEAR_FIRST_OF_JANUARY : MISSING;
    }

    private static boolean isPlaceholder(int date) {
        return date == PLACEHOLDER_1900 || date == PLACEHOLDER_1970;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof DateOfBirthComparison)) {
            return false;
        }
        DateOfBirthComparison o = (DateOfBirthComparison) other;
        return o.name.equals(name) && o.years == years;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, years);
    }

    @Override
    public String toString() {
        return "DateOfBirthComparison[" + name + ", years=" + years + "]";
    }
}
