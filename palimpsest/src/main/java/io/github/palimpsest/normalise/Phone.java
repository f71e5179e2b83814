package io.github.palimpsest.normalise;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableList;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A telephone number in E.164 form ({@code +} then country code and number, no spaces).
 *
 * <p>UK numbers are accepted in every common spelling and all give the same canonical form:
 * {@code "07700 900123"}, {@code "+44 7700 900123"}, {@code "0044 7700 900123"} and
 * {@code "+44 (0)7700 900123"} become {@code "+447700900123"}; {@code "(020) 7946 0018"} becomes
 * {@code "+442079460018"}. A UK number has 9 or 10 digits after the trunk 0 (Ofcom numbering plan),
 * starting with 1, 2, 3, 5, 7, 8 or 9. Numbers written with another country code ({@code +} or
 * {@code 00}) become {@code +} and their digits, 7 to 15 digits long (ITU-T E.164 allows at most 15).
 *
 * <p>Leniencies, each noted in {@link #problems()} as a warning: an extension ({@code "x123"},
 * {@code "ext 12"}, {@code "extension 4"}, {@code "#5"}) is removed; a label ({@code "Tel:"},
 * {@code "Mob"}) is removed silently; {@code "+440..."} drops the superfluous 0; ten digits starting
 * with 7 and no prefix are read as a UK mobile whose leading 0 was lost (spreadsheets strip it); twelve
 * digits starting with 44 and no prefix are read as {@code +44...}.
 *
 * <p>Letters, stray symbols, a number that is too short or too long, or digits with no way to tell the
 * country make the value invalid: {@link #canonical()} is empty and {@link #problems()} says why.
 * Instances are immutable and thread-safe; {@link #parse(String)} never throws.
 */
public final class Phone implements ParsedValue {

    private static final CharMatcher WHITESPACE = CharMatcher.whitespace();
    private static final CharMatcher ASCII_DIGITS = CharMatcher.inRange('0', '9');
    /** Characters people put between digits: spaces, brackets, hyphens, dots, slashes. */
    private static final CharMatcher LAYOUT = WHITESPACE.or(CharMatcher.anyOf("()-./"));
    static final Pattern LABEL = Pattern.compile(
            "^(?:(?:tel(?:ephone)?|phone|mob(?:ile)?|cell|home|work|landline)\\b\\.?\\s*:?|[mth]\\s*:)\\s*",
            Pattern.CASE_INSENSITIVE);
    static final Pattern EXTENSION = Pattern.compile(
            "^(.*[0-9)])\\s*(?:ext(?:ension)?\\.?|x|#)\\s*:?\\s*([0-9]{1,6})\\s*$", Pattern.CASE_INSENSITIVE);
    /** The "(0)" that UK numbers often carry after +44, meaning "dial 0 when calling from inside the UK". */
    private static final Pattern BRACKETED_TRUNK = Pattern.compile("\\(\\s*0\\s*\\)");
    private static final int E164_MAX_DIGITS = 15;
    private static final int INTERNATIONAL_MIN_DIGITS = 7;

    private final String raw;
    private final String canonical;
    private final ImmutableList<String> problems;

    private Phone(String raw, String canonical, List<String> problems) {
        this.raw = raw;
        this.canonical = canonical;
        this.problems = ImmutableList.copyOf(problems);
    }

    /** Whether every character is ASCII, which NFKC leaves as it is. */
    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether LABEL can match: all its labels start with an ASCII letter. */
    static boolean startsWithAsciiLetter(String s) {
        char c = s.isEmpty() ? 0 : s.charAt(0);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether EXTENSION can match: it needs an "x" (of "ext", "extension" or "x") or a "#". */
    static boolean mayHaveExtension(String s) {
        return s.indexOf('x') >= 0 || s.indexOf('X') >= 0 || s.indexOf('#') >= 0;
    }

    /**
     * Reads a telephone number. Never throws; {@code null} and blank text give an absent value.
     *
     * <pre>{@code
     * Phone.parse("0044 7700 900123").canonical()     // Optional[+447700900123]
     * Phone.parse("+44 (0)20 7946 0018 x12").canonical()  // Optional[+442079460018], extension noted
     * Phone.parse("+33 1 23 45 67 89").canonical()    // Optional[+33123456789]
     * Phone.parse("999").problems()                   // [phone: too short ...]
     * }</pre>
     *
     * @param raw the text as given, possibly {@code null}
     * @return the parsed number, never {@code null}
     */
    public static Phone parse(String raw) {
        String text = raw == null ? "" : raw;
        // NFKC turns full-width digits and similar compatibility forms into ASCII.
        String s = WHITESPACE.trimFrom(isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC));
        if (s.isEmpty()) {
            return new Phone(text, null, List.of());
        }
        List<String> problems = new ArrayList<>();
        if (startsWithAsciiLetter(s)) { // LABEL (ASCII-only case folding) cannot match otherwise
            s = LABEL.matcher(s).replaceFirst("");
        }
        Matcher ext = mayHaveExtension(s) ? EXTENSION.matcher(s) : null;
        if (ext != null && ext.matches()) {
            s = ext.group(1);
            problems.add("phone: extension " + ext.group(2) + " removed");
        }
        s = WHITESPACE.trimFrom(s);
        boolean plus = s.startsWith("+");
        if (plus) {
            s = s.substring(1);
        }
        if (plus || LAYOUT.removeFrom(s).startsWith("00")) {
            s = BRACKETED_TRUNK.matcher(s).replaceAll("");
        }
        String rest = LAYOUT.removeFrom(s);
        if (rest.isEmpty()) {
            return invalid(text, problems, "phone: no digits");
        }
        if (rest.codePoints().anyMatch(Character::isLetter)) {
            return invalid(text, problems, "phone: contains letters");
        }
        if (!ASCII_DIGITS.matchesAllOf(rest)) {
            int bad = rest.codePointAt(ASCII_DIGITS.negate().indexIn(rest));
            return invalid(text, problems, "phone: unexpected character '" + Character.toString(bad) + "'");
        }
        if (plus) {
            return international(text, rest, problems);
        }
        if (rest.startsWith("00")) {
            return international(text, rest.substring(2), problems);
        }
        if (rest.startsWith("0")) {
            return uk(text, rest.substring(1), problems);
        }
        if (rest.length() == 10 && rest.startsWith("7")) {
            problems.add("phone: no leading 0; read as a UK mobile number");
            return uk(text, rest, problems);
        }
        if (rest.length() == 12 && rest.startsWith("44")) {
            problems.add("phone: no '+' before 44; read as a UK number");
            return uk(text, rest.substring(2), problems);
        }
        if (rest.length() < INTERNATIONAL_MIN_DIGITS) {
            return invalid(text, problems, "phone: too short (" + rest.length() + " digits)");
        }
        return invalid(text, problems, "phone: no '+', '00' or leading 0, so the country is unknown");
    }

    private static Phone international(String raw, String digits, List<String> problems) {
        if (digits.startsWith("44")) {
            String national = digits.substring(2);
            if (national.startsWith("0")) {
                // "+44 020 ..." keeps the trunk 0 that international dialling drops.
                problems.add("phone: 0 after +44 dropped");
                national = national.substring(1);
            }
            return uk(raw, national, problems);
        }
        if (digits.isEmpty() || digits.startsWith("0")) {
            return invalid(raw, problems, "phone: no country code after '+' or '00'");
        }
        if (digits.length() < INTERNATIONAL_MIN_DIGITS) {
            return invalid(raw, problems, "phone: too short (" + digits.length() + " digits)");
        }
        if (digits.length() > E164_MAX_DIGITS) {
            return invalid(raw, problems, "phone: too long (" + digits.length() + " digits; E.164 allows 15)");
        }
        return new Phone(raw, "+" + digits, problems);
    }

    /** {@code national} is the UK number without its trunk 0 (the "national significant number"). */
    private static Phone uk(String raw, String national, List<String> problems) {
        if (national.length() < 9) {
            return invalid(raw, problems, "phone: too short for a UK number (" + national.length()
                    + " digits after the 0; 9 or 10 expected)");
        }
        if (national.length() > 10) {
            return invalid(raw, problems, "phone: too long for a UK number (" + national.length()
                    + " digits after the 0; 9 or 10 expected)");
        }
        // Ofcom's plan: 01/02 geographic, 03 non-geographic, 05 VoIP, 07 mobile, 08 and 09 special rates.
        if ("1235789".indexOf(national.charAt(0)) < 0) {
            return invalid(raw, problems, "phone: UK numbers do not start 0" + national.charAt(0));
        }
        // Only some 01 area codes and the 0800/0500 freephone ranges have 9 digits after the 0.
        if (national.length() == 9 && !(national.startsWith("1") || national.startsWith("800")
                || national.startsWith("500"))) {
            return invalid(raw, problems, "phone: too short for a UK number (9 digits after 0"
                    + national.charAt(0) + "; 10 expected)");
        }
        return new Phone(raw, "+44" + national, problems);
    }

    private static Phone invalid(String raw, List<String> problems, String reason) {
        List<String> all = new ArrayList<>(problems);
        all.add(reason);
        return new Phone(raw, null, all);
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

    /** Whether the canonical number is a UK number ({@code +44}). */
    public boolean isUk() {
        return canonical != null && canonical.startsWith("+44");
    }

    /** Equal when raw text, canonical form and problems are equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Phone)) {
            return false;
        }
        Phone that = (Phone) o;
        return raw.equals(that.raw) && Objects.equals(canonical, that.canonical) && problems.equals(that.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, canonical, problems);
    }

    /** A debugging form; it contains the number, so keep it out of logs. */
    @Override
    public String toString() {
        return "Phone[raw=" + raw + ", canonical=" + canonical + ", problems=" + problems + "]";
    }
}
