package io.github.palimpsest.normalise;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK National Insurance number (NINO): two prefix letters, six digits and a suffix A-D (the suffix may
 * be absent), canonically {@code AB123456C} or {@code AB123456}.
 *
 * <p>Rules, from HMRC's National Insurance Manual (NIM39110): neither prefix letter is D, F, I, Q, U or
 * V; the second is not O; the prefixes BG, GB, KN, NK, NT, TN and ZZ are never allocated. Any case,
 * spaces, dashes and dots are accepted.
 *
 * <p>Numbers that look like NINOs but do not identify one person are recognised and flagged
 * {@linkplain #isAdministrative() administrative}: HMRC/DWP administrative prefixes (OO, CR, FY, MW, NC,
 * PP, PY, PZ), temporary numbers ({@code TN} followed by the date of birth and M or F), and the
 * temporary suffixes F, M and P. Like invalid values they have no {@link #canonical()} form, so they
 * never count as evidence that two records are the same person; {@link #problems()} says why.
 *
 * <pre>{@code
 * NiNumber.parse("ab 12 34 56 c").canonical()  // Optional[AB123456C]
 * NiNumber.parse("TN 01 02 80 M").isAdministrative() // true, canonical empty
 * }</pre>
 *
 * <p>Immutable and thread-safe; parsing never throws on any string ({@code null} is absent).
 */
public final class NiNumber implements ParsedValue {

    private static final String FIELD = "ni_number: ";
    private static final Pattern SHAPE = Pattern.compile("([A-Z]{2})(\\d{6})([A-Z]?)");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-./]+");
    private static final String FORBIDDEN_LETTERS = "DFIQUV";
    private static final Set<String> UNALLOCATED = Set.of("BG", "GB", "KN", "NK", "NT", "ZZ");
    // NIM39110: reference numbers that look like NINOs but are issued for administration, not to one
    // person for life. TN is also in the unallocated list; it is treated here as the temporary-number
    // prefix it was used as (TN + date of birth + M/F).
    private static final Set<String> ADMINISTRATIVE = Set.of("TN", "OO", "CR", "FY", "MW", "NC", "PP", "PY", "PZ");
    private static final String TEMPORARY_SUFFIXES = "FMP";

    private final String raw;
    private final String canonical;
    private final boolean administrative;
    private final List<String> problems;

    private NiNumber(String raw, String canonical, boolean administrative, List<String> problems) {
        this.raw = raw;
        this.canonical = canonical;
        this.administrative = administrative;
        this.problems = List.copyOf(problems);
    }

    /**
     * Reads a National Insurance number. Never throws on any string.
     *
     * @param raw the raw text, may be {@code null}
     * @return the parsed number: identifying, administrative or invalid
     */
    public static NiNumber parse(String raw) {
        String original = RawText.orEmpty(raw);
        String compact = RawText.withoutMatches(original, SEPARATORS, "-./").toUpperCase(Locale.ROOT);
        if (original.isBlank()) {
            return new NiNumber(original, null, false, List.of());
        }
        Matcher m = SHAPE.matcher(compact);
        if (!m.matches()) {
            return invalid(original, RawText.quote(original)
                    + " is not a National Insurance number (expected two letters, six digits and A-D, e.g. AB123456C)");
        }
        String prefix = m.group(1);
        String suffix = m.group(3);
        if (prefix.equals("TN")) {
            return administrative(original, "TN marks a temporary number (built from a date of birth), "
                    + "shared by people born on the same day; not identifying");
        }
        if (ADMINISTRATIVE.contains(prefix)) {
            return administrative(original, "prefix " + prefix
                    + " is an administrative reference, not a number allocated to one person; not identifying");
        }
        if (UNALLOCATED.contains(prefix)) {
            return invalid(original, "prefix " + prefix + " is never allocated");
        }
        if (FORBIDDEN_LETTERS.indexOf(prefix.charAt(0)) >= 0) {
            return invalid(original, "first letter " + prefix.charAt(0) + " is never used in a prefix");
        }
        if (FORBIDDEN_LETTERS.indexOf(prefix.charAt(1)) >= 0 || prefix.charAt(1) == 'O') {
            return invalid(original, "second letter " + prefix.charAt(1) + " is never used in a prefix");
        }
        if (!suffix.isEmpty() && TEMPORARY_SUFFIXES.contains(suffix)) {
            return administrative(original, "suffix " + suffix
                    + " marks a temporary number; not identifying");
        }
        if (!suffix.isEmpty() && (suffix.charAt(0) < 'A' || suffix.charAt(0) > 'D')) {
            return invalid(original, "suffix " + suffix + " is not A, B, C or D");
        }
        return new NiNumber(original, compact, false, List.of());
    }

    /**
     * Whether the number identifies one person: valid, and not an administrative or temporary form.
     * The same as {@link #isValid()}, named for the question callers ask.
     */
    public boolean isIdentifying() {
        return canonical != null;
    }

    /**
     * Whether the text is a recognised administrative or temporary number: shaped like a NINO, but not
     * identifying one person (and so without a canonical form).
     */
    public boolean isAdministrative() {
        return administrative;
    }

    /**
     * The number without its suffix (e.g. {@code AB123456}), which HMRC guarantees unique on its own;
     * empty unless {@link #isIdentifying()}. Use it to compare a value with a suffix against one without.
     */
    public Optional<String> withoutSuffix() {
        return canonical().map(c -> c.substring(0, 8));
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

    private static NiNumber invalid(String original, String reason) {
        return new NiNumber(original, null, false, List.of(FIELD + reason));
    }

    private static NiNumber administrative(String original, String reason) {
        return new NiNumber(original, null, true, List.of(FIELD + reason));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NiNumber)) {
            return false;
        }
        NiNumber other = (NiNumber) o;
        return raw.equals(other.raw) && Objects.equals(canonical, other.canonical)
                && administrative == other.administrative && problems.equals(other.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, canonical, administrative, problems);
    }

    @Override
    public String toString() {
        return "NiNumber[" + (canonical == null ? (administrative ? "administrative " : "invalid ") + problems
                : canonical) + "]";
    }
}
