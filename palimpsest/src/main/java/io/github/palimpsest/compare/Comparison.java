package io.github.palimpsest.compare;

import java.util.List;

/**
 * Compares one field of two records and says how similar they are, as one of a fixed list of
 * {@linkplain ComparisonLevel levels}.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #levels()} is fixed for the lifetime of the object, ordered from the most similar level to
 *       the least, and holds <em>exactly one</em> neutral level, returned whenever either value is
 *       missing, purged or invalid;</li>
 *   <li>{@link #level(Object, Object)} returns an index into {@link #levels()} and is symmetric:
 *       {@code level(a, b) == level(b, a)};</li>
 *   <li>implementations are immutable and thread-safe, and should keep {@code level} free of allocation,
 *       regular expressions and logging: it runs once per candidate pair.</li>
 * </ul>
 *
 * <p>Example, a comparison of canonical surnames:
 * <pre>{@code
 * final class SurnameExact implements Comparison<PersonRecord> {
 *     static final List<ComparisonLevel> LEVELS = List.of(
 *         ComparisonLevel.of("exact"), ComparisonLevel.of("different"), ComparisonLevel.neutral("missing"));
 *     public String name() { return "surname"; }
 *     public List<ComparisonLevel> levels() { return LEVELS; }
 *     public int level(PersonRecord l, PersonRecord r) {
 *         if (l.surname().isEmpty() || r.surname().isEmpty()) return 2;
 *         return l.surname().equals(r.surname()) ? 0 : 1;
 *     }
 * }
 * }</pre>
 *
 * @param <R> the type of the records compared
 */
public interface Comparison<R> {

    /** The comparison's name, unique within a model, e.g. {@code "surname"}. */
    String name();

    /** The possible outcomes, most similar first, with exactly one neutral level. */
    List<ComparisonLevel> levels();

    /**
     * Compares the field of two records.
     *
     * @return an index into {@link #levels()}; the same for {@code (left, right)} and {@code (right, left)}
     */
    int level(R left, R right);
}
