package io.github.palimpsest.normalise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Criminal Records Office (CRO) number, in one of its two forms:
 * <ul>
 *   <li>{@code NNNNNN/YYC}: serial, two-digit year, check letter; canonically with the serial
 *       zero-padded to six digits ({@code 65656/91H} becomes {@code 065656/91H}). The check letter is
 *       {@code "ZABCDEFGHJKLMNPQRTUVWXY"} indexed by {@code (YY + serialPaddedTo6) mod 23}.</li>
 *   <li>{@code SFYY/NNNNNC}: the {@code SF} form, year first; the check uses {@code YY} followed by the
 *       serial <em>unpadded</em> (e.g. {@code SF83/50058Z}: 8350058 mod 23 = 0, letter Z). Canonically
 *       the serial is written without leading zeros.</li>
 * </ul>
 * Any case, stray spaces, a dash or no separator instead of the slash, and (in the first form) a
 * four-digit year 19YY/20YY are accepted. The all-zero serial ({@code 000000/00Z}) is a placeholder
 * and invalid, whatever its letter.
 *
 * <pre>{@code
 * CroNumber.parse("65656/91H").canonical()   // Optional[065656/91H]
 * CroNumber.parse("sf 83 50058 z").canonical() // Optional[SF83/50058Z]
 * }</pre>
 *
 * <p>Immutable and thread-safe; parsing never throws on any string ({@code null} is absent).
 */
public final class CroNumber implements ParsedValue {

    private static final String FIELD = "cro_number: ";
    private static final Pattern SF_FORM = Pattern.compile("SF(\\d{2})[/\\\\-]?(\\d{1,6})([A-Z])");
    private static final Pattern SEPARATED = Pattern.compile("(\\d{1,6})[/\\\\-](\\d{2}|(?:19|20)\\d{2})([A-Z])");
    private static final Pattern COMPACT = Pattern.compile("(\\d{1,6})(\\d{2})([A-Z])");

    private final String raw;
    private final int serial;
    private final int twoDigitYear;
    private final boolean sfForm;
    private final String canonical;
    private final List<String> problems;

    private CroNumber(String raw, int serial, int twoDigitYear, boolean sfForm, String canonical,
            List<String> problems) {
        this.raw = raw;
        this.serial = serial;
        this.twoDigitYear = twoDigitYear;
        this.sfForm = sfForm;
        this.canonical = canonical;
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads a CRO number. Never throws on any string.
     *
     * @param raw the raw text, may be {@code null}
     * @return the parsed number, valid or with its problems
     */
    public static CroNumber parse(String raw) {
        String original = RawText.orEmpty(raw);
        String compact = RawText.withoutWhitespace(original).toUpperCase(Locale.ROOT);
        if (compact.isEmpty()) {
            return new CroNumber(original, 0, 0, false, null, List.of());
        }
        Matcher m = SF_FORM.matcher(compact);
        if (m.matches()) {
            return check(original, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), true,
                    m.group(3).charAt(0));
        }
        m = SEPARATED.matcher(compact);
        if (!m.matches()) {
            m = COMPACT.matcher(compact);
        }
        if (m.matches()) {
            int year = Integer.parseInt(m.group(2)) % 100;
            return check(original, Integer.parseInt(m.group(1)), year, false, m.group(3).charAt(0));
        }
        return new CroNumber(original, 0, 0, false, null, List.of(FIELD + RawText.quote(original)
                + " is not a CRO number (expected NNNNNN/YYC or SFYY/NNNNNC, e.g. 065656/91H)"));
    }

    /**
     * The check letter of the {@code NNNNNN/YYC} form: mod 23 over {@code YY} then the serial padded to
     * six digits.
     *
     * @throws IllegalArgumentException if {@code twoDigitYear} is not 0-99 or {@code serial} not 0-999,999
     */
    public static char checkLetter(int twoDigitYear, int serial) {
        checkRange(serial, twoDigitYear);
        return CheckLetters.of(CheckLetters.pad(twoDigitYear, 2) + CheckLetters.pad(serial, 6));
    }

    /**
     * The check letter of the {@code SFYY/NNNNNC} form: mod 23 over {@code YY} then the serial as
     * written, without padding.
     *
     * @throws IllegalArgumentException if {@code twoDigitYear} is not 0-99 or {@code serial} not 0-999,999
     */
    public static char sfCheckLetter(int twoDigitYear, int serial) {
        checkRange(serial, twoDigitYear);
        return CheckLetters.of(CheckLetters.pad(twoDigitYear, 2) + serial);
    }

    /**
     * The canonical {@code NNNNNN/YYC} form with the correct check letter, e.g. {@code format(65656, 91)}
     * is {@code "065656/91H"}.
     *
     * @throws IllegalArgumentException if {@code twoDigitYear} is not 0-99 or {@code serial} not 0-999,999
     */
    public static String format(int serial, int twoDigitYear) {
        return CheckLetters.pad(serial, 6) + "/" + CheckLetters.pad(twoDigitYear, 2)
                + checkLetter(twoDigitYear, serial);
    }

    /**
     * The canonical {@code SFYY/NNNNNC} form with the correct check letter, e.g. {@code formatSf(83, 50058)}
     * is {@code "SF83/50058Z"}.
     *
     * @throws IllegalArgumentException if {@code twoDigitYear} is not 0-99 or {@code serial} not 0-999,999
     */
    public static String formatSf(int twoDigitYear, int serial) {
        return "SF" + CheckLetters.pad(twoDigitYear, 2) + "/" + serial + sfCheckLetter(twoDigitYear, serial);
    }

    /** The serial number; meaningful only when {@link #isValid()} (0 otherwise). */
    public int serial() {
        return serial;
    }

    /** The two-digit year; meaningful only when {@link #isValid()} (0 otherwise). */
    public int twoDigitYear() {
        return twoDigitYear;
    }

    /** Whether the number is in the {@code SFYY/NNNNNC} form; {@code false} when invalid. */
    public boolean isSfForm() {
        return sfForm;
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

    private static CroNumber check(String original, int serial, int year, boolean sf, char letter) {
        if (serial == 0) {
            return new CroNumber(original, 0, 0, false, null,
                    List.of(FIELD + "serial 000000 is a placeholder, not a person's number"));
        }
        char expected = sf ? sfCheckLetter(year, serial) : checkLetter(year, serial);
        if (expected != letter) {
            return new CroNumber(original, 0, 0, false, null,
                    List.of(FIELD + "check letter should be " + expected + ", not " + letter));
        }
        String canonical = sf ? formatSf(year, serial) : format(serial, year);
        return new CroNumber(original, serial, year, sf, canonical, List.of());
    }

    private static void checkRange(int serial, int twoDigitYear) {
        checkArgument(twoDigitYear >= 0 && twoDigitYear <= 99, "twoDigitYear must be 0-99, got %s", twoDigitYear);
        checkArgument(serial >= 0 && serial <= 999_999, "serial must be 0-999999, got %s", serial);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CroNumber)) {
            return false;
        }
        CroNumber other = (CroNumber) o;
        return raw.equals(other.raw) && Objects.equals(canonical, other.canonical) && problems.equals(other.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, canonical, problems);
    }

    @Override
    public String toString() {
        return "CroNumber[" + (canonical == null ? "invalid " + problems : canonical) + "]";
    }
}
