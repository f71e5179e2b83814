package io.github.palimpsest.normalise;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A date of birth or event date read from raw text by {@link DateParser}: the raw text, the date when
 * one could be read, and the problems found.
 *
 * <p>A date is either valid ({@link #date()} and {@link #canonical()} present, canonical form ISO
 * {@code yyyy-MM-dd}) or invalid (both empty, {@link #problems()} says why). A valid date can still
 * carry warnings: {@link #isLowInformation()} marks placeholder dates (1900-01-01, 1970-01-01) and any
 * 1&nbsp;January, which systems often write when only the year is known, so that comparisons can give
 * them less weight than other dates.
 *
 * <p>An invalid date that was impossible only in its day or month ({@code 31/04/1980}, month 81) keeps
 * what it does say: {@link #partialYear()} and, when the month was real, {@link #partialMonth()}, weaker
 * evidence than a date that comparisons may use.
 *
 * <p>Immutable and thread-safe. {@link #toString()} includes the date: do not log it at INFO or above.
 */
public final class ParsedDate implements ParsedValue {

    private final String raw;
    private final LocalDate date;
    private final List<String> problems;
    private final boolean lowInformation;
    private final int partialYear;
    private final int partialMonth;

    private ParsedDate(String raw, LocalDate date, List<String> problems, boolean lowInformation,
            int partialYear, int partialMonth) {
        this.raw = raw;
        this.date = date;
        this.problems = List.copyOf(problems);
        this.lowInformation = lowInformation;
        this.partialYear = partialYear;
        this.partialMonth = partialMonth;
    }

    static ParsedDate absent(String raw) {
        return new ParsedDate(raw, null, List.of(), false, 0, 0);
    }

    static ParsedDate invalid(String raw, String problem) {
        return new ParsedDate(raw, null, List.of(problem), false, 0, 0);
    }

    /** An impossible date that keeps its year, and its month when {@code month} is in 1..12. */
    static ParsedDate partial(String raw, String problem, int year, int month) {
        return new ParsedDate(raw, null, List.of(problem), false, year, month >= 1 && month <= 12 ? month : 0);
    }

    static ParsedDate valid(String raw, LocalDate date, List<String> warnings, boolean lowInformation) {
        return new ParsedDate(raw, Objects.requireNonNull(date), warnings, lowInformation, 0, 0);
    }

    @Override
    public String raw() {
        return raw;
    }

    /** The date read, or empty when the text was absent or is not a usable date. */
    public Optional<LocalDate> date() {
        return Optional.ofNullable(date);
    }

    /** The date in ISO {@code yyyy-MM-dd} form, or empty when absent or invalid. */
    @Override
    public Optional<String> canonical() {
        return date().map(LocalDate::toString);
    }

    @Override
    public List<String> problems() {
        return problems;
    }

    /**
     * Whether the date is valid but weak evidence: a known placeholder (1900-01-01, 1970-01-01) or any
     * 1&nbsp;January. The reason is also among {@link #problems()}. Always {@code false} when invalid.
     */
    public boolean isLowInformation() {
        return lowInformation;
    }

    /**
     * The year an impossible date still gives ({@code 1980} for {@code 31/04/1980} or {@code 12/81/1980}),
     * or 0 when the date is valid, absent, unreadable, or its year is outside the accepted range. For a
     * valid date use {@link #date()}.
     */
    public int partialYear() {
        return partialYear;
    }

    /** The month (1 to 12) an impossible date still gives with its {@link #partialYear()}, or 0. */
    public int partialMonth() {
        return partialMonth;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ParsedDate)) {
            return false;
        }
        ParsedDate other = (ParsedDate) o;
        return raw.equals(other.raw) && Objects.equals(date, other.date)
                && problems.equals(other.problems) && lowInformation == other.lowInformation
                && partialYear == other.partialYear && partialMonth == other.partialMonth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, date, problems, lowInformation, partialYear, partialMonth);
    }

    @Override
    public String toString() {
        return "ParsedDate[" + (date != null ? date.toString()
                : partialYear > 0 ? "invalid, partial " + partialYear + (partialMonth > 0 ? "-" + partialMonth : "")
                : "invalid")
                + (lowInformation ? ", low-information" : "") + ", problems=" + problems + "]";
    }
}
