package io.github.palimpsest.pipeline;

/** A minimal open-addressing set of longs (packed record pairs). Not thread-safe. */
final class LongHashSet {
    private static final long EMPTY = -1L; // packed pairs are never negative

    private long[] slots = filled(16);
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void add(long value) {
        if ((size + 1) * 2 > slots.length) {
            long[] old = slots;
            slots = filled(old.length * 2);
            for (long v : old) {
                if (v != EMPTY) {
                    insert(v);
                }
            }
        }
        if (insert(value)) {
            size++;
        }
    }

    boolean contains(long value) {
        int mask = slots.length - 1;
        for (int slot = mix(value) & mask; ; slot = (slot + 1) & mask) {
            if (slots[slot] == value) {
                return true;
            }
            if (slots[slot] == EMPTY) {
                return false;
            }
        }
    }

    private boolean insert(long value) {
        int mask = slots.length - 1;
        for (int slot = mix(value) & mask; ; slot = (slot + 1) & mask) {
            if (slots[slot] == value) {
                return false;
            }
            if (slots[slot] == EMPTY) {
                slots[slot] = value;
                return true;
            }
        }
    }

    private static long[] filled(int capacity) {
        long[] array = new long[capacity];
        java.util.Arrays.fill(array, EMPTY);
        return array;
    }

    private static int mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }
}
