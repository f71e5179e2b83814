package io.github.palimpsest.pipeline;

import java.util.Arrays;

/** Sorting, de-duplicating and merging of packed pair arrays. */
final class LongArrays {
    /** Largest array the JVM reliably allocates. */
    static final int MAX_LENGTH = Integer.MAX_VALUE - 16;

    private LongArrays() {}

    static void sort(long[] values, int length, boolean parallel) {
        if (parallel) {
            Arrays.parallelSort(values, 0, length);
        } else {
            Arrays.sort(values, 0, length);
        }
    }

    /** Removes adjacent duplicates from the sorted prefix {@code values[0, length)}; returns the new length. */
    static int dedupeSorted(long[] values, int length) {
        if (length == 0) {
            return 0;
        }
        int out = 1;
        for (int i = 1; i < length; i++) {
            if (values[i] != values[out - 1]) {
                values[out++] = values[i];
            }
        }
        return out;
    }

    /** The sorted union of two sorted, duplicate-free arrays. */
    static long[] union(long[] a, long[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        long[] out = new long[checkedTotal(a.length, b.length)];
        int k = unionInto(a, a.length, b, out);
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    /** {@code a + b}, refused when the pairs would not fit one array. */
    static int checkedTotal(int a, int b) {
        long total = (long) a + b;
        if (total > MAX_LENGTH) {
            throw new IllegalStateException("the candidate pairs of all rules exceed " + MAX_LENGTH
                    + " and no longer fit one array; lower maxBlockSize or make the rules more selective");
        }
        return (int) total;
    }

    /**
     * Writes the sorted union of {@code a[0, aLength)} and {@code b}, both sorted and duplicate-free, into
     * {@code out} (at least {@code aLength + b.length} long, not {@code a} or {@code b}); returns its length.
     */
    static int unionInto(long[] a, int aLength, long[] b, long[] out) {
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < aLength && j < b.length) {
            long x = a[i];
            long y = b[j];
            if (x < y) {
                out[k++] = x;
                i++;
            } else if (y < x) {
                out[k++] = y;
                j++;
            } else {
                out[k++] = x;
                i++;
                j++;
            }
        }
        System.arraycopy(a, i, out, k, aLength - i);
        k += aLength - i;
        System.arraycopy(b, j, out, k, b.length - j);
        return k + b.length - j;
    }

    /**
     * Sorts {@code values[0, length)} ascending, as {@link #sort} does, for values whose high bits are spread
     * evenly (hashes): a counting pass places each value in one of 65,536 buckets by its top 16 bits, then
     * each bucket, a few hundred values, is sorted on its own, in parallel when asked. Linear in the length
     * but for the small sorts, where one comparison sort of tens of millions of values is not.
     */
    static long[] sortHashed(long[] values, int length, boolean parallel) {
        if (length < (1 << 16)) {
            sort(values, length, parallel);
            return values;
        }
        int buckets = 1 << 16;
        int[] starts = new int[buckets + 1];
        for (int i = 0; i < length; i++) {
            starts[bucket(values[i]) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            starts[b + 1] += starts[b];
        }
        int[] next = Arrays.copyOf(starts, buckets);
        long[] out = new long[values.length];
        for (int i = 0; i < length; i++) {
            out[next[bucket(values[i])]++] = values[i];
        }
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, 64);
        (parallel ? range.parallel() : range).forEach(slice -> {
            for (int b = slice * (buckets / 64), end = (slice + 1) * (buckets / 64); b < end; b++) {
                Arrays.sort(out, starts[b], starts[b + 1]);
            }
        });
        return out;
    }

    /** The top 16 bits with the sign flipped, so that bucket order is signed order. */
    private static int bucket(long value) {
        return (int) (value >>> 48) ^ 0x8000;
    }
}
