package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * A reviewer's decisions over clustered records, by record index: <em>must-link</em> pairs (the two records
 * are one person) and <em>cannot-link</em> pairs (they are not). The {@link Clusterer} joins every must-link
 * pair before it offers any scored link, and never joins two clusters while a record of one has a
 * cannot-link with a record of the other, however strong the links between them: a cannot-link is an
 * exclusive-key constraint that no link overrides.
 *
 * <p>Immutable and thread-safe. Decisions that contradict each other (a cannot-link pair joined by a chain
 * of must-links) make {@link Clusterer#cluster} throw; check them first (the review package's
 * {@code ReviewDecisions} refuses them when built).
 *
 * <pre>{@code
 * PairDecisions decided = PairDecisions.builder().mustLink(0, 4).cannotLink(1, 2).build();
 * Clustering people = clusterer.cluster(records, links, keys, RecordConflicts.NONE, decided);
 * }</pre>
 */
public final class PairDecisions {
    /** No decisions. */
    public static final PairDecisions NONE = new PairDecisions(new long[0], new long[0]);

    private final long[] mustLink;
    private final long[] cannotLink;

    private PairDecisions(long[] mustLink, long[] cannotLink) {
        this.mustLink = mustLink;
        this.cannotLink = cannotLink;
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether there are no decisions. */
    public boolean isEmpty() {
        return mustLink.length == 0 && cannotLink.length == 0;
    }

    /** The number of must-link pairs. */
    public int mustLinkCount() {
        return mustLink.length;
    }

    /** The number of cannot-link pairs. */
    public int cannotLinkCount() {
        return cannotLink.length;
    }

    /** Whether records {@code a} and {@code b} are a must-link pair. */
    public boolean isMustLink(int a, int b) {
        return a != b && Arrays.binarySearch(mustLink, ConstrainedMerge.pack(a, b)) >= 0;
    }

    /** Whether records {@code a} and {@code b} are a cannot-link pair. */
    public boolean isCannotLink(int a, int b) {
        return a != b && Arrays.binarySearch(cannotLink, ConstrainedMerge.pack(a, b)) >= 0;
    }

    /**
     * The must-link pairs, each packed as {@code min << 32 | max}, ascending; a copy.
     */
    public long[] packedMustLinks() {
        return mustLink.clone();
    }

    /** Must-link pairs, packed and sorted. */
    long[] mustLinkPairs() {
        return mustLink;
    }

    /** Cannot-link pairs, packed and sorted. */
    long[] cannotLinkPairs() {
        return cannotLink;
    }

    /** The largest record index named, or −1. */
    int maxRecord() {
        int max = -1;
        for (long[] pairs : new long[][] {mustLink, cannotLink}) {
            for (long p : pairs) {
                max = Math.max(max, (int) p); // the right end of a packed pair is the larger
            }
        }
        return max;
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "PairDecisions[mustLink=" + mustLink.length + ", cannotLink=" + cannotLink.length + "]";
    }

    /** Collects decisions. Not thread-safe. */
    public static final class Builder {
        private long[] must = new long[8];
        private int mustCount;
        private long[] cannot = new long[8];
        private int cannotCount;

        private Builder() {
        }

        /**
         * Records {@code a} and {@code b} are one person.
         *
         * @throws IllegalArgumentException if an index is negative or both are equal
         */
        public Builder mustLink(int a, int b) {
            checkPair(a, b);
            if (mustCount == must.length) {
                must = Arrays.copyOf(must, mustCount * 2);
            }
            must[mustCount++] = ConstrainedMerge.pack(a, b);
            return this;
        }

        /**
         * Records {@code a} and {@code b} are two people.
         *
         * @throws IllegalArgumentException if an index is negative or both are equal
         */
        public Builder cannotLink(int a, int b) {
            checkPair(a, b);
            if (cannotCount == cannot.length) {
                cannot = Arrays.copyOf(cannot, cannotCount * 2);
            }
            cannot[cannotCount++] = ConstrainedMerge.pack(a, b);
            return this;
        }

        private static void checkPair(int a, int b) {
            checkArgument(a >= 0 && b >= 0 && a != b,
                    "a decision needs two different non-negative record indexes, got %s and %s", a, b);
        }

        /**
         * The decisions; duplicates are dropped.
         *
         * @throws IllegalArgumentException if a pair is both a must-link and a cannot-link
         */
        public PairDecisions build() {
            long[] m = sortedDistinct(must, mustCount);
            long[] c = sortedDistinct(cannot, cannotCount);
            for (long pair : m) {
                checkArgument(Arrays.binarySearch(c, pair) < 0, "records %s and %s are both a must-link and a "
                        + "cannot-link pair", pair >>> 32, (int) pair);
            }
            return m.length == 0 && c.length == 0 ? NONE : new PairDecisions(m, c);
        }

        private static long[] sortedDistinct(long[] values, int count) {
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            int out = 0;
            for (int k = 0; k < sorted.length; k++) {
                if (out == 0 || sorted[k] != sorted[out - 1]) {
                    sorted[out++] = sorted[k];
                }
            }
            return Arrays.copyOf(sorted, out);
        }
    }
}
