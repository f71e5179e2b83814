package io.github.palimpsest.normalise;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Police National Computer (PNC) ID: the year the person's record was created, a serial number and a
 * check letter, canonically {@code YYYY/NNNNNNNC} (e.g. {@code 1979/0163001B}).
 *
 * <p>Accepted spellings: two- or four-digit year, serial of one to seven digits, with a slash, a dash,
 * a space or nothing between year and serial, any case and stray spaces. The check letter is
 * {@code "ZABCDEFGHJKLMNPQRTUVWXY".charAt(Integer.parseInt(YY + serialPaddedTo7) % 23)}, where YY is
 * the last two digits of the year. A two-digit year is 20YY when YY is not after the reference date's
 * two-digit year, else 19YY. Without a separator the split between year and serial is found by the
 * check letter; when several splits fit, a seven-digit serial is preferred and otherwise the value is
 * rejected as ambiguous.
 *
 * <p>Invalid: a wrong check letter ({@code "pnc_id: check letter should be H, not A"}), a four-digit
 * year before 1900 or after the reference year, the all-zero serial (a placeholder), anything else.
 *
 * <pre>{@code
 * PncId.parse("79/163001B").canonical()     // Optional[1979/0163001B]
 * PncId.parse("2001/0012345A").problems()  // [pnc_id: check letter should be H, not A]
 * }</pre>
 *
 * <p>Immutable and thread-safe; parsing never throws on any string ({@code null} is absent).
 */
public final class PncId implements ParsedValue {

    private static final String FIELD = "pnc_id: ";
    private static final int EARLIEST_YEAR = 1900;
    private static final int SERIAL_DIGITS = 7;
    private static final Pattern SEPARATED =
            Pattern.compile("(\\d{2}|\\d{4})[/\\\\-](\\d{1,7})[/\\\\-]?([A-Z])");
    private static final Pattern SPACED = Pattern.compile("(\\d{2}|\\d{4}) +(\\d[\\d ]*)([A-Z])");
    private static final Pattern COMPACT = Pattern.compile("(\\d{3,11})([A-Z])");

    private final String raw;
    private final int year;
    private final int serial;
    private final String canonical;
    private final List<String> problems;

    private PncId(String raw, int year, int serial, String canonical, List<String> problems) {
        this.raw = raw;
        this.year = year;
        this.serial = serial;
        this.canonical = canonical;
        this.problems = List.copyOf(problems);
    }

    /** As {@link #parse(String, LocalDate)} with today's date as the reference. */
    public static PncId parse(String raw) {
        return parse(raw, LocalDate.now());
    }

    /**
     * Reads a PNC ID. Never throws on any string.
     *
     * @param raw the raw text, may be {@code null}
     * @param reference the date whose two-digit year decides the century of a two-digit PNC year
     * @return the parsed ID, valid or with its problems
     * @throws NullPointerException if {@code reference} is {@code null}
     */
    public static PncId parse(String raw, LocalDate reference) {
        Objects.requireNonNull(reference, "reference");
        String original = RawText.orEmpty(raw);
        String text = original.strip().toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            return new PncId(original, 0, 0, null, List.of());
        }
        String compact = RawText.withoutWhitespace(text);
        Matcher m = SEPARATED.matcher(compact);
        if (m.matches()) {
            return check(original, new Reading(m.group(1), m.group(2), m.group(3).charAt(0)), reference);
        }
        m = COMPACT.matcher(compact);
        if (!m.matches()) {
            return invalid(original, RawText.quote(original)
                    + " is not a PNC ID (expected year, serial and check letter, e.g. 1979/0163001B)");
        }
        Matcher spaced = SPACED.matcher(text);
        Reading preferred = spaced.matches()
                ? new Reading(spaced.group(1), RawText.withoutWhitespace(spaced.group(2)), m.group(2).charAt(0))
                : null;
        return chooseReading(original, m.group(1), m.group(2).charAt(0), preferred, reference);
    }

    /**
     * The check letter for a year's last two digits and a serial number.
     *
     * @param twoDigitYear 0 to 99
     * @param serial 0 to 9,999,999
     * @throws IllegalArgumentException if either is out of range
     */
    public static char checkLetter(int twoDigitYear, int serial) {
        checkArgument(twoDigitYear >= 0 && twoDigitYear <= 99, "twoDigitYear must be 0-99, got %s", twoDigitYear);
        checkArgument(serial >= 0 && serial <= 9_999_999, "serial must be 0-9999999, got %s", serial);
        // mod 23 over the digits YY followed by the serial zero-padded to seven digits
        return CheckLetters.of(CheckLetters.pad(twoDigitYear, 2) + CheckLetters.pad(serial, SERIAL_DIGITS));
    }

    /**
     * The canonical form {@code YYYY/NNNNNNNC} with the correct check letter, e.g.
     * {@code format(1979, 163001)} is {@code "1979/0163001B"}.
     *
     * @param fourDigitYear 1000 to 9999
     * @param serial 0 to 9,999,999
     * @throws IllegalArgumentException if either is out of range
     */
    public static String format(int fourDigitYear, int serial) {
        checkArgument(fourDigitYear >= 1000 && fourDigitYear <= 9999, "fourDigitYear must have four digits, got %s",
                fourDigitYear);
        return fourDigitYear + "/" + CheckLetters.pad(serial, SERIAL_DIGITS) + checkLetter(fourDigitYear % 100, serial);
    }

    /** The four-digit year; meaningful only when {@link #isValid()} (0 otherwise). */
    public int year() {
        return year;
    }

    /** The serial number; meaningful only when {@link #isValid()} (0 otherwise). */
    public int serial() {
        return serial;
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public Optional<String> canonical() {
        return Optional.ofNullable(canonical);
    }

    @Override
    public List<String> problems() {
        return problems;
    }

    private static PncId chooseReading(String original, String digits, char letter, Reading spaced,
            LocalDate reference) {
        List<Reading> readings = new ArrayList<>();
        for (int yearDigits : new int[] {2, 4}) {
            int serialDigits = digits.length() - yearDigits;
            if (serialDigits < 1 || serialDigits > SERIAL_DIGITS) {
                continue;
            }
            Reading r = new Reading(digits.substring(0, yearDigits), digits.substring(yearDigits), letter);
            if (yearDigits == 2 || r.yearInRange(reference)) {
                readings.add(r);
            }
        }
        if (spaced != null && spaced.yearInRange(reference) && spaced.letterMatches()) {
            return check(original, spaced, reference);
        }
        for (Reading r : readings) {
            if (r.serialText.length() == SERIAL_DIGITS && r.letterMatches()) {
                return check(original, r, reference);
            }
        }
        List<Reading> matching = readings.stream().filter(Reading::letterMatches).toList();
        if (matching.size() == 1) {
            return check(original, matching.get(0), reference);
        }
        if (matching.size() > 1) {
            return invalid(original, RawText.quote(original)
                    + " can be split into year and serial in more than one way; write it with a slash");
        }
        if (spaced != null) {
            return check(original, spaced, reference);
        }
        if (readings.isEmpty()) {
            return invalid(original, RawText.quote(original)
                    + " is not a PNC ID (expected year, serial and check letter, e.g. 1979/0163001B)");
        }
        Reading shown = readings.stream().filter(r -> r.serialText.length() == SERIAL_DIGITS).findFirst()
                .orElse(readings.get(0));
        return check(original, shown, reference);
    }

    private static PncId check(String original, Reading r, LocalDate reference) {
        if (r.serialText.length() > SERIAL_DIGITS) {
            return invalid(original, "serial has " + r.serialText.length() + " digits; at most 7 are allowed");
        }
        int serial = Integer.parseInt(r.serialText);
        int year = r.fourDigitYear(reference);
        if (r.yearText.length() == 4 && !r.yearInRange(reference)) {
            return invalid(original, "year " + year + " is outside " + EARLIEST_YEAR + "-" + reference.getYear());
        }
        char expected = checkLetter(year % 100, serial);
        if (expected != r.letter) {
            return invalid(original, "check letter should be " + expected + ", not " + r.letter);
        }
        if (serial == 0) {
            return invalid(original, "serial 0000000 is a placeholder, not a person's ID");
        }
        return new PncId(original, year, serial, format(year, serial), List.of());
    }

    private static PncId invalid(String original, String reason) {
        return new PncId(original, 0, 0, null, List.of(FIELD + reason));
    }

    /** One way of splitting the digits into year and serial. */
    private static final class Reading {
        final String yearText;
        final String serialText;
        final char letter;

        Reading(String yearText, String serialText, char letter) {
            this.yearText = yearText;
            this.serialText = serialText;
            this.letter = letter;
        }

        int fourDigitYear(LocalDate reference) {
            int written = Integer.parseInt(yearText);
            if (yearText.length() == 4) {
                return written;
            }
            int referenceYear = reference.getYear();
            int century = referenceYear - Math.floorMod(referenceYear, 100);
            return written <= referenceYear % 100 ? century + written : century - 100 + written;
        }

        boolean yearInRange(LocalDate reference) {
            int y = Integer.parseInt(yearText);
            return yearText.length() == 2 || (y >= EARLIEST_YEAR && y <= reference.getYear());
        }

        boolean letterMatches() {
            return serialText.length() <= SERIAL_DIGITS
                    && checkLetter(Integer.parseInt(yearText) % 100, Integer.parseInt(serialText)) == letter;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PncId)) {
            return false;
        }
        PncId other = (PncId) o;
        return raw.equals(other.raw) && Objects.equals(canonical, other.canonical) && problems.equals(other.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, canonical, problems);
    }

    @Override
    public String toString() {
        return "PncId[" + (canonical == null ? "invalid " + problems : canonical) + "]";
    }
}
