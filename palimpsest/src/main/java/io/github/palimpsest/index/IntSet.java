package io.github.palimpsest.index;

import java.util.Arrays;

/** A small open-addressing set of non-negative ints that remembers insertion order. Not thread-safe. */
final class IntSet {
    private int[] table;
    private int[] order;
    private int size;

    IntSet(int expected) {
        table = new int[Integer.highestOneBit(Math.max(8, expected * 2) - 1) << 1];
        Arrays.fill(table, -1);
        order = new int[Math.max(4, expected)];
    }

    /** Adds {@code value}; returns whether it was new. */
    boolean add(int value) {
        if ((size + 1) * 2 > table.length) {
            int[] old = table;
            table = new int[old.length * 2];
            Arrays.fill(table, -1);
            for (int k = 0; k < size; k++) {
                insert(order[k]);
            }
        }
        if (!insert(value)) {
            return false;
        }
        if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
        }
        order[size++] = value;
        return true;
    }

    private boolean insert(int value) {
        int mask = table.length - 1;
        for (int p = mix(value) & mask; ; p = (p + 1) & mask) {
            if (table[p] == value) {
                return false;
            }
            if (table[p] < 0) {
                table[p] = value;
                return true;
            }
        }
    }

    /** Whether {@code value} was added. */
    boolean contains(int value) {
        int mask = table.length - 1;
        for (int p = mix(value) & mask; ; p = (p + 1) & mask) {
            if (table[p] == value) {
                return true;
            }
            if (table[p] < 0) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    /** The value added {@code k}-th. */
    int get(int k) {
        return order[k];
    }

    int[] toArray() {
        return Arrays.copyOf(order, size);
    }

    private static int mix(int value) {
        return value * 0x9E3779B9 >>> 1;
    }
}
