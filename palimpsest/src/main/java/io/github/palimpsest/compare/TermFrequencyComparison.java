package io.github.palimpsest.compare;

/**
 * A comparison whose exact-agreement level is adjusted by how common the agreed value is: two records
 * that agree on a rare surname are stronger evidence than two that agree on a common one.
 *
 * <p>The pipeline counts {@link #termFrequencyValue(Object)} over the pool and, for a pair at
 * {@link #termFrequencyLevel()}, replaces that level's u probability with the value's frequency (see
 * {@code docs/model.md}). Immutable and thread-safe, like every comparison.
 *
 * @param <R> the compared record type
 */
public interface TermFrequencyComparison<R> extends Comparison<R> {

    /** The index, in {@link #levels()}, of the level the adjustment applies to (exact agreement). */
    int termFrequencyLevel();

    /** The value whose frequency adjusts the weight when two records agree exactly; "" when there is none. */
    String termFrequencyValue(R record);
}
