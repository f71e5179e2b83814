package io.github.palimpsest.normalise;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads dates of birth and event dates as police and administrative systems write them, always day
 * first (UK order).
 *
 * <p>Accepted forms (month names and abbreviations in any case, {@code Sept} included):
 * ISO {@code yyyy-MM-dd} and ISO date-times (the date part is kept as written), {@code yyyy/MM/dd},
 * {@code yyyyMMdd}, {@code dd/MM/yyyy}, {@code d/M/yyyy}, {@code d/M/yy}, {@code dd.MM.yy},
 * {@code dd.MM.yyyy}, {@code dd-MM-yyyy}, {@code ddMMyy}, {@code dd-MMM-yyyy}, {@code dd-MMM-yy},
 * {@code d MMM yyyy}, {@code d MMMM yyyy}, {@code 1st March 1980}, {@code 1st of March, 1980},
 * {@code March 1st, 1980}, optionally preceded by a weekday or followed by a time of day.
 *
 * <p>Rules:
 * <ul>
 *   <li>A two-digit year takes the latest century that does not put the date after the reference date
 *       ({@code 24.11.50} is 1950 and {@code 01/02/03} is 2003 when the reference is in 2026). For event
 *       dates the bound is one day after the reference, allowing for time zones and late entry.</li>
 *   <li>Any year from {@link #DEFAULT_EARLIEST_YEAR} on is accepted, so that archives and historical
 *       records read as well as records of living people; callers that know their records are recent can
 *       raise the earliest year ({@link #parseDateOfBirth(String, LocalDate, int)}), and a year before it
 *       is then invalid.</li>
 *   <li>Impossible dates ({@code 31/02/1980}, month 81, day 0), a year alone and a month and year alone
 *       are invalid, with the reason. An impossible date still keeps what it does say: its year, and its
 *       month when the month is real, as {@linkplain ParsedDate#partialYear() partial} evidence.</li>
 *   <li>A date of birth after the reference date is invalid. An event date more than one day after it
 *       stays valid but carries a problem.</li>
 *   <li>Placeholder dates (1900-01-01, 1970-01-01) and any 1&nbsp;January stay valid but are flagged
 *       {@linkplain ParsedDate#isLowInformation() low-information}.</li>
 * </ul>
 * Problems name the CSV field ({@code dob} or {@code event_date}), e.g.
 * {@code "dob: '31/02/1980' is not a real date: February 1980 has 29 days"}.
 *
 * <pre>{@code
 * DateParser.parseDateOfBirth("24.11.50", LocalDate.of(2026, 1, 1)).canonical()  // Optional[1950-11-24]
 * DateParser.parseEventDate("3rd March 2021").canonical()                         // Optional[2021-03-03]
 * }</pre>
 *
 * <p>All methods are static, pure (apart from reading the clock in the one-argument forms), never throw
 * on any string ({@code null} is read as absent) and are thread-safe.
 */
public final class DateParser {

    /**
     * The earliest year accepted by default: any year of the common era, so that historical records and
     * archives read as well as records of living people.
     */
    public static final int DEFAULT_EARLIEST_YEAR = 1;

    /**
     * Eight digits in a row are read as {@code yyyyMMdd} when their first four digits are a year from this
     * one on and the next two a month; otherwise as {@code ddMMyyyy} when that can be a date. Only this
     * choice between two readings uses it, not the range of accepted years.
     */
    static final int EIGHT_DIGIT_YEAR_FIRST_FROM = 1800;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPACE_AROUND_SEPARATOR = Pattern.compile(" ?([/.\\-]) ?");

    private enum Purpose {
        DATE_OF_BIRTH("dob"), EVENT("event_date");

        final String field;

        Purpose(String field) {
            this.field = field;
        }
    }

    private DateParser() {
    }

    /**
     * Reads a date of birth, resolving two-digit years so that the date is never after
     * {@code referenceDate}; a four-digit date after it is invalid.
     *
     * @param raw the raw text, may be {@code null}
     * @param referenceDate the date the record is read against (usually today or the record's date)
     * @return the parsed date, never {@code null}
     * @throws NullPointerException if {@code referenceDate} is {@code null}
     */
    public static ParsedDate parseDateOfBirth(String raw, LocalDate referenceDate) {
        return parse(raw, referenceDate, DEFAULT_EARLIEST_YEAR, Purpose.DATE_OF_BIRTH);
    }

    /**
     * As {@link #parseDateOfBirth(String, LocalDate)}, with a year before {@code earliestYear} invalid
     * (for callers whose records are all recent, where {@code 0980} is a typing error for {@code 1980}).
     *
     * @param raw the raw text, may be {@code null}
     * @param referenceDate the date the record is read against; no date of birth is after it
     * @param earliestYear the earliest year accepted, at least 1
     * @return the parsed date, never {@code null}
     * @throws NullPointerException if {@code referenceDate} is {@code null}
     * @throws IllegalArgumentException if {@code earliestYear} is below 1 or after the reference year
     */
    public static ParsedDate parseDateOfBirth(String raw, LocalDate referenceDate, int earliestYear) {
        return parse(raw, referenceDate, earliestYear, Purpose.DATE_OF_BIRTH);
    }

    /** As {@link #parseDateOfBirth(String, LocalDate)} with today's date (system clock and zone). */
    public static ParsedDate parseDateOfBirth(String raw) {
        return parseDateOfBirth(raw, LocalDate.now());
    }

    /**
     * Reads an event date (arrest, incident, conviction). Two-digit years resolve to the latest century
     * not more than one day after {@code referenceDate}; a four-digit date later than that is kept but
     * flagged as in the future.
     *
     * @param raw the raw text, may be {@code null}
     * @param referenceDate the date the record is read against
     * @return the parsed date, never {@code null}
     * @throws NullPointerException if {@code referenceDate} is {@code null}
     */
    public static ParsedDate parseEventDate(String raw, LocalDate referenceDate) {
        return parse(raw, referenceDate, DEFAULT_EARLIEST_YEAR, Purpose.EVENT);
    }

    /**
     * As {@link #parseEventDate(String, LocalDate)}, with a year before {@code earliestYear} invalid.
     *
     * @throws IllegalArgumentException if {@code earliestYear} is below 1 or after the reference year
     */
    public static ParsedDate parseEventDate(String raw, LocalDate referenceDate, int earliestYear) {
        return parse(raw, referenceDate, earliestYear, Purpose.EVENT);
    }

    /** As {@link #parseEventDate(String, LocalDate)} with today's date (system clock and zone). */
    public static ParsedDate parseEventDate(String raw) {
        return parseEventDate(raw, LocalDate.now());
    }

    private static ParsedDate parse(String raw, LocalDate referenceDate, int earliestYear, Purpose purpose) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        if (earliestYear < 1 || earliestYear > referenceDate.getYear()) {
            throw new IllegalArgumentException("earliestYear must be in [1, " + referenceDate.getYear()
                    + "], got " + earliestYear);
        }
        String original = raw == null ? "" : raw;
        String stripped = original.strip();
        // Most dates hold no space at all: the two rewrites below would return them unchanged.
        boolean spaceless = stripped.indexOf(' ') < 0 && !hasOtherWhitespace(stripped);
        String text = spaceless ? stripped : WHITESPACE.matcher(stripped).replaceAll(" ");
        if (text.isEmpty()) {
            return ParsedDate.absent(original);
        }
        String tidy = spaceless ? text : SPACE_AROUND_SEPARATOR.matcher(text).replaceAll("$1");
        DateText.Parts parts = DateText.read(tidy.toUpperCase(Locale.ROOT));
        if (!parts.isReadable()) {
            return ParsedDate.invalid(original, prefix(purpose, text) + parts.error());
        }
        int month = parts.month();
        int day = parts.day();
        LocalDate bound = purpose == Purpose.EVENT ? referenceDate.plusDays(1) : referenceDate;
        if (month < 1 || month > 12) {
            // The year is still evidence; a two-digit year takes its century as if the date were 1 January.
            int year = parts.twoDigitYear() ? resolveCentury(parts.year(), 1, 1, bound) : parts.year();
            return impossible(original, prefix(purpose, text) + "is not a real date: there is no month "
                    + month + KEPT_YEAR, year, 0, earliestYear, bound);
        }
        if (day < 1 || day > 31) {
            int year = parts.twoDigitYear() ? resolveCentury(parts.year(), month, 1, bound) : parts.year();
            return impossible(original, prefix(purpose, text) + "is not a real date: there is no day "
                    + day + KEPT_YEAR_AND_MONTH, year, month, earliestYear, bound);
        }
        int year = parts.twoDigitYear() ? resolveCentury(parts.year(), month, day, bound) : parts.year();
        int monthLength = Month.of(month).length(Year.isLeap(year));
        if (day > monthLength) {
            return impossible(original, prefix(purpose, text) + "is not a real date: "
                    + Month.of(month).getDisplayName(TextStyle.FULL, Locale.UK) + " " + year + " has "
                    + monthLength + " days" + KEPT_YEAR_AND_MONTH, year, month, earliestYear, bound);
        }
        if (year < earliestYear) {
            return ParsedDate.invalid(original, prefix(purpose, text) + "has year " + year + ", before "
                    + earliestYear + ", the earliest year accepted");
        }
        LocalDate date = LocalDate.of(year, month, day);
        List<String> warnings = new ArrayList<>();
        if (date.isAfter(bound)) {
            if (purpose == Purpose.DATE_OF_BIRTH) {
                return ParsedDate.invalid(original, prefix(purpose, text) + "is " + date + ", after the reference date "
                        + referenceDate + "; a date of birth cannot be in the future");
            }
            warnings.add(purpose.field + ": " + date + " is in the future (reference date "
                    + referenceDate + ")");
        }
        boolean lowInformation = month == 1 && day == 1;
        if (lowInformation) {
            warnings.add(purpose.field + ": " + date + (year == 1900 || year == 1970
                    ? " is a common placeholder date; low-information"
                    : " is 1 January, often entered when only the year is known; low-information"));
        }
        return ParsedDate.valid(original, date, warnings, lowInformation);
    }

    private static final String KEPT_YEAR = "; only its year is kept";
    private static final String KEPT_YEAR_AND_MONTH = "; only its year and month are kept";

    /**
     * An impossible date that keeps its year (and month, when {@code month > 0}) as partial evidence, unless
     * the year itself is outside the accepted range: then nothing is kept and the problem says so.
     */
    private static ParsedDate impossible(String original, String problem, int year, int month,
            int earliestYear, LocalDate bound) {
        boolean yearPossible = year >= earliestYear
                && (year < bound.getYear() || (year == bound.getYear() && month <= bound.getMonthValue()));
        if (!yearPossible) {
            String cut = problem.endsWith(KEPT_YEAR) ? KEPT_YEAR : KEPT_YEAR_AND_MONTH;
            return ParsedDate.invalid(original, problem.substring(0, problem.length() - cut.length())
                    + "; its year " + year + " is outside the accepted range too");
        }
        return ParsedDate.partial(original, problem, year, month);
    }

    /** The start of every problem: the field and the text as read (built only for an invalid date). */
    private static String prefix(Purpose purpose, String text) {
        return purpose.field + ": " + RawText.quote(text) + " ";
    }

    /** Whether {@code s} holds a character {@code \\s} matches other than the space: tab, line breaks, form feed. */
    private static boolean hasOtherWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The latest year ending in {@code twoDigits} for which {@code day/month} is not after {@code bound}. */
    private static int resolveCentury(int twoDigits, int month, int day, LocalDate bound) {
        int year = bound.getYear() - Math.floorMod(bound.getYear() - twoDigits, 100);
        boolean laterInYear = month > bound.getMonthValue()
                || (month == bound.getMonthValue() && day > bound.getDayOfMonth());
        if (year == bound.getYear() && laterInYear) {
            year -= 100;
        }
        return year;
    }
}
