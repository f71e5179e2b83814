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
 * <p>Immutable and thread-safe. {@link #toString()} includes the date: do not log it at INFO or above.
 */
public final class ParsedDate implements ParsedValue {

    private final String raw;
    private final LocalDate date;
    private final List<String> problems;
    private final boolean lowInformation;

    private ParsedDate(String raw, LocalDate date, List<String> problems, boolean lowInformation) {
        this.raw = raw;
        this.date = date;
        this.problems = List.copyOf(problems);
        this.lowInformation = lowInformation;
    }

    static ParsedDate absent(String raw) {
        return new ParsedDate(raw, null, List.of(), false);
    }

    static ParsedDate invalid(String raw, String problem) {
        return new ParsedDate(raw, null, List.of(problem), false);
    }

    static ParsedDate valid(String raw, LocalDate date, List<String> warnings, boolean lowInformation) {
        return new ParsedDate(raw, Objects.requireNonNull(date), warnings, lowInformation);
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
                && problems.equals(other.problems) && lowInformation == other.lowInformation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, date, problems, lowInformation);
    }

    @Override
    public String toString() {
        return "ParsedDate[" + (date == null ? "invalid" : date.toString())
                + (lowInformation ? ", low-information" : "") + ", problems=" + problems + "]";
    }
}
