package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.Collection;

/**
 * Scored links in columnar form: three primitive arrays, 16 bytes a link, for the millions of links a
 * large run produces (a {@code List<ScoredLink>} costs about three times as much).
 *
 * <p>Immutable and thread-safe once built. Example:
 * <pre>{@code
 * ScoredLinks.Builder links = ScoredLinks.builder(pairs.size());
 * pairs.forEach(p -> links.add(left(p), right(p), model.matchWeight(left(p), right(p))));
 * Clustering people = clusterer.cluster(records.size(), links.build(), exclusiveKeys);
 * }</pre>
 */
public final class ScoredLinks {
    private final int[] left;
    private final int[] right;
    private final double[] matchWeight;

    private ScoredLinks(int[] left, int[] right, double[] matchWeight) {
        this.left = left;
        this.right = right;
        this.matchWeight = matchWeight;
    }

    /** A builder expecting about {@code expectedSize} links (it grows beyond that as needed). */
    public static Builder builder(int expectedSize) {
        checkArgument(expectedSize >= 0, "expectedSize must not be negative, got %s", expectedSize);
        return new Builder(expectedSize);
    }

    /** The links of a collection, in its iteration order. */
    public static ScoredLinks of(Collection<ScoredLink> links) {
        checkNotNull(links, "links");
        Builder builder = builder(links.size());
        for (ScoredLink link : links) {
            builder.add(link.left(), link.right(), link.matchWeight());
        }
        return builder.build();
    }

    /** The number of links. */
    public int size() {
        return left.length;
    }

    /** One record index of link {@code k}, as added. */
    public int left(int k) {
        checkElementIndex(k, left.length);
        return left[k];
    }

    /** The other record index of link {@code k}, as added. */
    public int right(int k) {
        checkElementIndex(k, right.length);
        return right[k];
    }

    /** The match weight in bits of link {@code k}. */
    public double matchWeight(int k) {
        checkElementIndex(k, matchWeight.length);
        return matchWeight[k];
    }

    /** Link {@code k} as a value. */
    public ScoredLink link(int k) {
        return new ScoredLink(left(k), right(k), matchWeight(k));
    }

    int[] lefts() {
        return left;
    }

    int[] rights() {
        return right;
    }

    double[] weights() {
        return matchWeight;
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "ScoredLinks[" + left.length + "]";
    }

    /** Collects links. Not thread-safe. */
    public static final class Builder {
        private int[] left;
        private int[] right;
        private double[] matchWeight;
        private int size;
        private boolean shared; // the arrays were handed to a ScoredLinks; copy before writing again

        private Builder(int expected) {
            left = new int[Math.max(8, expected)];
            right = new int[left.length];
            matchWeight = new double[left.length];
        }

        /**
         * Adds a link between two different records.
         *
         * @throws IllegalArgumentException if an index is negative, both are equal, or the weight is NaN
         */
        public Builder add(int a, int b, double weight) {
            checkArgument(a >= 0 && b >= 0 && a != b,
                    "a link needs two different non-negative record indexes, got %s and %s", a, b);
            checkArgument(!Double.isNaN(weight), "the match weight of link %s-%s is NaN", a, b);
            if (size == left.length || shared) {
                int grown = size == left.length ? size + (size >> 1) + 8 : left.length;
                left = Arrays.copyOf(left, grown);
                right = Arrays.copyOf(right, grown);
                matchWeight = Arrays.copyOf(matchWeight, grown);
                shared = false;
            }
            left[size] = a;
            right[size] = b;
            matchWeight[size] = weight;
            size++;
            return this;
        }

        /**
         * The links added so far; the builder may go on being used. When exactly the expected number of
         * links was added, the arrays are handed over without a copy (the builder copies them before any
         * further add), so a run of many millions of links does not need twice the memory.
         */
        public ScoredLinks build() {
            if (size == left.length) {
                shared = true;
                return new ScoredLinks(left, right, matchWeight);
            }
            return new ScoredLinks(Arrays.copyOf(left, size), Arrays.copyOf(right, size),
                    Arrays.copyOf(matchWeight, size));
        }
    }
}
