package io.github.palimpsest.normalise;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An e-mail address, trimmed and lower-cased.
 *
 * <p>The address must look like {@code local@domain.tld}: one {@code @}; a local part of at most 64
 * characters from letters, digits and {@code !#$%&'*+/=?^_`{|}~.-}, not starting or ending with a dot
 * and without two dots in a row; a domain of at least two labels of letters, digits and hyphens (no label
 * starting or ending with a hyphen, none longer than 63), whose last label has at least two characters
 * and is not all digits; at most 254 characters in all (RFC 5321 limits). Letters outside ASCII are
 * accepted, for internationalised addresses. A {@code mailto:} prefix and enclosing angle brackets are
 * removed. Quoted local parts and IP-literal domains, legal but not seen on records, are rejected.
 *
 * <p>Lower-casing the local part is not strictly RFC-correct, but no provider treats case there as
 * significant and records spell addresses in any case, so matching is better for it.
 *
 * <p>Instances are immutable and thread-safe; {@link #parse(String)} never throws.
 */
public final class Email implements ParsedValue {

    private static final CharMatcher WHITESPACE = CharMatcher.whitespace();
    private static final String LOCAL_SYMBOLS = "!#$%&'*+/=?^_`{|}~.-";
    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;

    private final String raw;
    private final String canonical;
    private final ImmutableList<String> problems;

    private Email(String raw, String canonical, List<String> problems) {
        this.raw = raw;
        this.canonical = canonical;
        this.problems = ImmutableList.copyOf(problems);
    }

    /**
     * Reads an e-mail address. Never throws; {@code null} and blank text give an absent value.
     *
     * <pre>{@code
     * Email.parse("  Jo.Bloggs@Example.ORG ").canonical()  // Optional[jo.bloggs@example.org]
     * Email.parse("jo.bloggs@example").problems()          // [email: domain 'example' has no top-level domain]
     * }</pre>
     *
     * @param raw the text as given, possibly {@code null}
     * @return the parsed address, never {@code null}
     */
    public static Email parse(String raw) {
        String text = raw == null ? "" : raw;
        String s = WHITESPACE.trimFrom(text).toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return new Email(text, null, List.of());
        }
        if (s.startsWith("mailto:")) {
            s = WHITESPACE.trimFrom(s.substring("mailto:".length()));
        }
        if (s.length() >= 2 && s.startsWith("<") && s.endsWith(">")) {
            s = WHITESPACE.trimFrom(s.substring(1, s.length() - 1));
        }
        String reason = problemWith(s);
        if (reason != null) {
            return new Email(text, null, List.of("email: " + reason));
        }
        return new Email(text, s, List.of());
    }

    /** The reason {@code s} is not an address, or {@code null} when it is one. */
    private static String problemWith(String s) {
        if (s.isEmpty()) {
            return "no address";
        }
        if (WHITESPACE.matchesAnyOf(s)) {
            return "contains white space";
        }
        if (s.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        int at = s.indexOf('@');
        if (at < 0) {
            return "no '@'";
        }
        if (s.indexOf('@', at + 1) >= 0) {
            return "more than one '@'";
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (local.isEmpty()) {
            return "nothing before '@'";
        }
        if (local.length() > MAX_LOCAL) {
            return "part before '@' longer than " + MAX_LOCAL + " characters";
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return "misplaced dot before '@'";
        }
        for (int i = 0; i < local.length(); ) {
            int cp = local.codePointAt(i);
            if (!Character.isLetterOrDigit(cp) && LOCAL_SYMBOLS.indexOf(cp) < 0) {
                return "character '" + Character.toString(cp) + "' not allowed before '@'";
            }
            i += Character.charCount(cp);
        }
        return domainProblem(domain);
    }

    private static String domainProblem(String domain) {
        if (domain.isEmpty()) {
            return "nothing after '@'";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "domain '" + domain + "' has no top-level domain";
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return "misplaced dot in domain";
            }
            if (label.length() > MAX_LABEL) {
                return "domain label longer than " + MAX_LABEL + " characters";
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return "domain label starts or ends with '-'";
            }
            for (int i = 0; i < label.length(); ) {
                int cp = label.codePointAt(i);
                if (!Character.isLetterOrDigit(cp) && cp != '-') {
                    return "character '" + Character.toString(cp) + "' not allowed in domain";
                }
                i += Character.charCount(cp);
            }
        }
        String tld = labels[labels.length - 1];
        if (tld.length() < 2 || tld.chars().allMatch(Character::isDigit)) {
            return "top-level domain '" + tld + "' is not valid";
        }
        return null;
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

    /** The domain of a valid address, e.g. {@code "example.org"}; empty when invalid or absent. */
    public Optional<String> domain() {
        return canonical().map(c -> c.substring(c.indexOf('@') + 1));
    }

    /** Equal when raw text, canonical form and problems are equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Email)) {
            return false;
        }
        Email that = (Email) o;
        return raw.equals(that.raw) && Objects.equals(canonical, that.canonical) && problems.equals(that.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, canonical, problems);
    }

    /** A debugging form; it contains the address, so keep it out of logs. */
    @Override
    public String toString() {
        return "Email[raw=" + raw + ", canonical=" + canonical + ", problems=" + problems + "]";
    }
}
