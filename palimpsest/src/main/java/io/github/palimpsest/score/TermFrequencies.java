package io.github.palimpsest.score;

import com.google.common.collect.ImmutableMap;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * How often each value of one field occurs, relative to all present values: the input to term-frequency
 * adjustment (see {@link MatchModel}).
 *
 * <p>Build one per field from the canonical values of the records being linked, e.g. all canonical
 * surnames; {@code null} and blank values are absent and not counted. A term-frequency table holds
 * personal data (every surname in the pool), so it is never written into a model file.
 *
 * <pre>{@code
 * TermFrequencies surnames = TermFrequencies.of(List.of("SMITH", "SMITH", "SMITH", "OKONJO"));
 * surnames.frequency("SMITH");   // 0.75
 * surnames.frequency("OKONJO");  // 0.25
 * surnames.frequency("ZED");     // 0.0: never seen, the model floors it
 * }</pre>
 *
 * <p>Immutable, thread-safe and serializable.
 */
public final class TermFrequencies implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ImmutableMap<String, Long> counts;
    private final long total;

    private TermFrequencies(ImmutableMap<String, Long> counts, long total) {
        this.counts = counts;
        this.total = total;
    }

    /** Counts the present values of a collection; null and blank values are skipped. */
    public static TermFrequencies of(Iterable<String> values) {
        Map<String, Long> counts = new HashMap<>();
        long total = 0;
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                counts.merge(value, 1L, Long::sum);
                total++;
            }
        }
        return new TermFrequencies(ImmutableMap.copyOf(counts), total);
    }

    /**
     * The share of present values equal to {@code value}, in [0, 1]; 0 for a value never seen, for
     * {@code null}, and for every value when the table is empty.
     */
    public double frequency(String value) {
        if (value == null || total == 0) {
            return 0.0;
        }
        Long count = counts.get(value);
        return count == null ? 0.0 : (double) count / total;
    }

    /** How many times {@code value} was counted (0 if never). */
    public long count(String value) {
        Long count = value == null ? null : counts.get(value);
        return count == null ? 0 : count;
    }

    /** The number of present values counted. */
    public long totalCount() {
        return total;
    }

    /** The number of distinct values. */
    public int distinctCount() {
        return counts.size();
    }

    /** Counts only, never the values themselves (they are personal data). */
    @Override
    public String toString() {
        return "TermFrequencies[" + distinctCount() + " distinct of " + total + "]";
    }
}
