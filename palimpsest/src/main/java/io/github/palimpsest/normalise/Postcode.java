package io.github.palimpsest.normalise;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A postcode as written on a record, read as a UK postcode where it is one and kept as given where it
 * is not.
 *
 * <p>A UK postcode's canonical form is {@code OUTWARD INWARD} in upper case with one space, e.g.
 * {@code "sw1a1aa"} and {@code " SW1A  1AA "} both become {@code "SW1A 1AA"}. The outward code is one of
 * the six Royal Mail shapes {@code A9, A99, A9A, AA9, AA99, AA9A} with a known postcode area (including
 * the Crown dependencies GY, JE, IM and the non-geographic BF and BX); the inward code is a digit and two
 * letters other than C, I, K, M, O, V. {@code GIR 0AA} and British Forces addresses ({@code BFPO 123},
 * canonical {@code "BFPO 123"}, area {@code "BFPO"}, no district or sector) are UK postcodes too.
 *
 * <p><b>Repair.</b> The letters O and I and the digits 0 and 1 are confused in typing and OCR. When the
 * text as written is not a valid postcode, every way of swapping O&harr;0 and I&harr;1 is tried; if
 * exactly one of those readings is a valid postcode (shape and known area) it is taken and a warning
 * is added to {@link #problems()}. So {@code "SW1A OAA"} becomes {@code "SW1A 0AA"} (the inward code must
 * start with a digit) and {@code "CO4 OAA"} becomes {@code "CO4 0AA"} ("C04" has no area C), while a
 * text with two valid readings is not guessed at. No other confusion is repaired: {@code "5W1A 1AA"}
 * stays as written, because S&harr;5 is not one of the two repaired pairs.
 *
 * <p><b>Not a UK postcode.</b> Anything else that is present ({@code "4011"}, {@code "75001"},
 * {@code "D02 X285"}) is kept: its canonical form is the text trimmed, upper-cased and with inner white
 * space collapsed, {@link #isUk()} is false and {@link #problems()} says {@code "postcode: not a UK
 * postcode"}. Such a value is still {@linkplain #isValid() valid} (it can be compared) but carries no
 * area, district or sector.
 *
 * <p>Instances are immutable and thread-safe; {@link #parse(String)} never throws.
 */
public final class Postcode implements ParsedValue {

    /** The problem every present value that is not a UK postcode carries. */
    public static final String NOT_UK = "postcode: not a UK postcode";

    private static final CharMatcher WHITESPACE = CharMatcher.whitespace();
    /** Removed before reading a UK postcode: spaces anywhere and hyphens ("SW1A-1AA"). */
    private static final CharMatcher SEPARATORS = WHITESPACE.or(CharMatcher.is('-'));
    /** Inward code: sector digit, then two unit letters without C, I, K, M, O, V (Royal Mail rule). */
    private static final Pattern OUTWARD = Pattern.compile("([A-Z]{1,2})([0-9])([0-9A-Z]?)");
    private static final Pattern BFPO = Pattern.compile("BFPO([0-9]{1,4})");
    /** Letters allowed in the third position of an A9A outward code (Royal Mail rule). */
    private static final String A9A_LETTERS = "ABCDEFGHJKPSTUW";
    /** Letters allowed in the fourth position of an AA9A outward code (Royal Mail rule). */
    private static final String AA9A_LETTERS = "ABEHMNPRVWXY";

    private final String raw;
    private final String canonical;
    private final boolean uk;
    private final String area;
    private final String district;
    private final String sector;
    private final ImmutableList<String> problems;

    private Postcode(String raw, String canonical, boolean uk, String area, String district, String sector,
            List<String> problems) {
        this.raw = raw;
        this.canonical = canonical;
        this.uk = uk;
        this.area = area;
        this.district = district;
        this.sector = sector;
        this.problems = ImmutableList.copyOf(problems);
    }

    /**
     * Reads a postcode. Never throws; {@code null} and blank text give an absent value.
     *
     * <pre>{@code
     * Postcode.parse("sw1a1aa").canonical()   // Optional[SW1A 1AA]
     * Postcode.parse("SW1A OAA").canonical()  // Optional[SW1A 0AA], with a repair warning
     * Postcode.parse("75001").isUk()          // false; canonical "75001", problem "postcode: not a UK postcode"
     * }</pre>
     *
     * @param raw the text as given, possibly {@code null}
     * @return the parsed postcode, never {@code null}
     */
    public static Postcode parse(String raw) {
        String text = raw == null ? "" : raw;
        String shown = WHITESPACE.trimAndCollapseFrom(text, ' ').toUpperCase(Locale.ROOT);
        if (shown.isEmpty()) {
            return new Postcode(text, null, false, null, null, null, List.of());
        }
        String compact = SEPARATORS.removeFrom(shown);
        Matcher bfpo = compact.startsWith("BFPO") ? BFPO.matcher(compact) : null;
        if (bfpo != null && bfpo.matches()) {
            return new Postcode(text, "BFPO " + bfpo.group(1), true, "BFPO", null, null, List.of());
        }
        Optional<Postcode> asWritten = readUk(text, compact, List.of());
        if (asWritten.isPresent()) {
            return asWritten.get();
        }
        Set<String> readings = repairs(compact);
        if (readings.size() == 1) {
            String repaired = readings.iterator().next();
            return readUk(text, repaired, List.of(
                    "postcode: read as " + spaced(repaired) + " (O/0 or I/1 mistyped)")).orElseThrow();
        }
        if (readings.size() > 1) {
            List<String> spacedReadings = new ArrayList<>();
            readings.forEach(r -> spacedReadings.add(spaced(r)));
            return new Postcode(text, shown, false, null, null, null, List.of(NOT_UK,
                    "postcode: O/0 and I/1 allow more than one reading (" + String.join(", ", spacedReadings)
                            + "); none was chosen"));
        }
        return new Postcode(text, shown, false, null, null, null, List.of(NOT_UK));
    }

    /**
     * Whether the text is an inward code, as the pattern {@code [0-9][ABD-HJLNP-UW-Z]{2}} (a digit, then two
     * letters other than C, I, K, M, O and V) matches it; a character test, as this runs for every postcode.
     */
    static boolean isInward(String text) {
        return text.length() == 3 && text.charAt(0) >= '0' && text.charAt(0) <= '9'
                && isInwardLetter(text.charAt(1)) && isInwardLetter(text.charAt(2));
    }

    private static boolean isInwardLetter(char c) {
        return c >= 'A' && c <= 'Z' && c != 'C' && c != 'I' && c != 'K' && c != 'M' && c != 'O' && c != 'V';
    }

    /** Reads {@code compact} (upper case, no separators) as a UK postcode, or empty when it is not one. */
    private static Optional<Postcode> readUk(String raw, String compact, List<String> problems) {
        if (compact.equals("GIR0AA")) {
            // Girobank's postcode predates the area scheme and fits none of its shapes.
            return Optional.of(new Postcode(raw, "GIR 0AA", true, "GIR", "GIR", "GIR 0", problems));
        }
        if (compact.length() < 5 || compact.length() > 7) {
            return Optional.empty();
        }
        String outward = compact.substring(0, compact.length() - 3);
        String inward = compact.substring(compact.length() - 3);
        if (!isInward(inward)) {
            return Optional.empty();
        }
        Matcher m = OUTWARD.matcher(outward);
        if (!m.matches()) {
            return Optional.empty();
        }
        String area = m.group(1);
        String tail = m.group(3);
        if (!PostcodeAreas.isKnown(area)) {
            return Optional.empty();
        }
        if (!tail.isEmpty() && !Character.isDigit(tail.charAt(0))) {
            String allowed = area.length() == 1 ? A9A_LETTERS : AA9A_LETTERS;
            if (allowed.indexOf(tail.charAt(0)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new Postcode(raw, outward + " " + inward, true, area, outward,
                outward + " " + inward.charAt(0), problems));
    }

    /** "SW1A0AA" as "SW1A 0AA": the inward code is always the last three characters. */
    private static String spaced(String compact) {
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    /** Every O/0, I/1 swap of {@code compact} that reads as a UK postcode, in sorted order. */
    private static Set<String> repairs(String compact) {
        Set<String> valid = new TreeSet<>();
        if (compact.length() < 5 || compact.length() > 7) {
            return valid;
        }
        int[] positions = new int[compact.length()];
        int n = 0;
        for (int i = 0; i < compact.length(); i++) {
            if ("O0I1".indexOf(compact.charAt(i)) >= 0) {
                positions[n++] = i;
            }
        }
        for (int mask = 1; mask < (1 << n); mask++) {
            char[] chars = compact.toCharArray();
            for (int bit = 0; bit < n; bit++) {
                if ((mask & (1 << bit)) != 0) {
                    chars[positions[bit]] = swap(chars[positions[bit]]);
                }
            }
            String candidate = new String(chars);
            if (readUk("", candidate, List.of()).isPresent()) {
                valid.add(candidate);
            }
        }
        return valid;
    }

    private static char swap(char c) {
        switch (c) {
            case 'O': return '0';
            case '0': return 'O';
            case 'I': return '1';
            default: return 'I';
        }
    }

    /**
     * Whether the raw text held anything other than white space, in Unicode's wider sense (a no-break
     * space alone is absent too).
     */
    @Override
    public boolean isPresent() {
        return canonical().isPresent() || !problems.isEmpty();
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

    /** Whether this is a valid UK postcode (including {@code GIR 0AA} and BFPO numbers). */
    public boolean isUk() {
        return uk;
    }

    /** The postcode area, e.g. {@code "SW"} for {@code SW1A 1AA}; empty unless {@link #isUk()}. */
    public Optional<String> area() {
        return Optional.ofNullable(area);
    }

    /** The postcode district (the outward code), e.g. {@code "SW1A"}; empty unless a geographic UK postcode. */
    public Optional<String> district() {
        return Optional.ofNullable(district);
    }

    /** The postcode sector, e.g. {@code "SW1A 1"}; empty unless a geographic UK postcode. */
    public Optional<String> sector() {
        return Optional.ofNullable(sector);
    }

    /** Equal when raw text, canonical form and problems are equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Postcode)) {
            return false;
        }
        Postcode that = (Postcode) o;
        return raw.equals(that.raw) && Objects.equals(canonical, that.canonical) && problems.equals(that.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, canonical, problems);
    }

    /** A debugging form; it contains the postcode, so keep it out of logs. */
    @Override
    public String toString() {
        return "Postcode[raw=" + raw + ", canonical=" + canonical + ", problems=" + problems + "]";
    }
}
