package io.github.palimpsest.normalise;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An identifier with no format of its own: a warrant number or a value from any {@code id_<type>}
 * column (passport, custody number, local system id, ...).
 *
 * <p>The canonical form removes separators (white space, {@code - / . _} and the Unicode dashes) and
 * folds case to upper, so {@code "ab-12 / 345"} and {@code "AB12345"} are the same identifier. Text made
 * only of separators, and the placeholders that records carry instead of a value ({@code N/A},
 * {@code NK} "not known", {@code NONE}, {@code UNKNOWN}, {@code TBC}, {@code NIL}, all zeros), are
 * invalid: two records that both say "N/A" share nothing.
 *
 * <p>The type names the column: {@code Identifier.parse("passport", raw)} is the {@code id_passport}
 * column, and its problems start {@code "id_passport: "}. {@link #warrant(String)} is the
 * {@code warrant_number} column. Only identifiers of the same {@link #type()} should be compared.
 *
 * <p>Instances are immutable and thread-safe; the factories never throw.
 */
public final class Identifier implements ParsedValue {

    /** The type of warrant numbers, which is also their column name. */
    public static final String WARRANT = "warrant_number";

    private static final CharMatcher WHITESPACE = CharMatcher.whitespace();
    private static final CharMatcher SEPARATORS = WHITESPACE
            .or(CharMatcher.anyOf("-/._"))
            .or(CharMatcher.inRange('\u2010', '\u2015')) // hyphen, non-breaking hyphen, figure/en/em dash, bar
            .or(CharMatcher.is('\u2212'));                // minus sign
    private static final Set<String> PLACEHOLDERS = ImmutableSet.of(
            "NA", "NK", "NONE", "NIL", "NULL", "UNKNOWN", "TBC", "TBA", "NOTKNOWN", "NOTAPPLICABLE");

    private final String type;
    private final String raw;
    private final String canonical;
    private final ImmutableList<String> problems;

    private Identifier(String type, String raw, String canonical, List<String> problems) {
        this.type = type;
        this.raw = raw;
        this.canonical = canonical;
        this.problems = ImmutableList.copyOf(problems);
    }

    /**
     * Reads an identifier of the given type. Never throws; {@code null} and blank text give an absent
     * value.
     *
     * <pre>{@code
     * Identifier.parse("passport", " 12-345 678 ").canonical()  // Optional[12345678]
     * Identifier.parse("id_Custody", "cu/2021/77a").type()      // "custody"
     * Identifier.parse("custody", "N/A").problems()             // [id_custody: placeholder 'N/A', not an identifier]
     * }</pre>
     *
     * @param type the identifier type, e.g. {@code "passport"}; trimmed and lower-cased, and a leading
     *     {@code "id_"} is removed so the column name may be passed as is; {@code null} counts as {@code ""}
     * @param raw the text as given, possibly {@code null}
     * @return the parsed identifier, never {@code null}
     */
    public static Identifier parse(String type, String raw) {
        String cleanType = type == null ? "" : WHITESPACE.trimFrom(type).toLowerCase(Locale.ROOT);
        if (cleanType.startsWith("id_")) {
            cleanType = cleanType.substring(3);
        }
        String text = raw == null ? "" : raw;
        if (WHITESPACE.matchesAllOf(text)) {
            return new Identifier(cleanType, text, null, List.of());
        }
        String field = cleanType.equals(WARRANT) ? WARRANT : "id_" + cleanType;
        String folded = SEPARATORS.removeFrom(text.toUpperCase(Locale.ROOT));
        if (folded.isEmpty()) {
            return new Identifier(cleanType, text, null, List.of(field + ": only separators, no identifier"));
        }
        if (PLACEHOLDERS.contains(folded) || CharMatcher.is('0').matchesAllOf(folded)) {
            return new Identifier(cleanType, text, null,
                    List.of(field + ": placeholder '" + WHITESPACE.trimFrom(text) + "', not an identifier"));
        }
        return new Identifier(cleanType, text, folded, List.of());
    }

    /**
     * Reads a warrant number: {@code parse(WARRANT, raw)}.
     *
     * @param raw the text as given, possibly {@code null}
     * @return the parsed warrant number, never {@code null}
     */
    public static Identifier warrant(String raw) {
        return parse(WARRANT, raw);
    }

    /** The identifier type, lower case without the {@code id_} prefix, e.g. {@code "passport"}. */
    public String type() {
        return type;
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

    /** Equal when type, raw text, canonical form and problems are equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Identifier)) {
            return false;
        }
        Identifier that = (Identifier) o;
        return type.equals(that.type) && raw.equals(that.raw) && Objects.equals(canonical, that.canonical)
                && problems.equals(that.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, raw, canonical, problems);
    }

    /** A debugging form; it contains the identifier, so keep it out of logs. */
    @Override
    public String toString() {
        return "Identifier[type=" + type + ", raw=" + raw + ", canonical=" + canonical + ", problems="
                + problems + "]";
    }
}
