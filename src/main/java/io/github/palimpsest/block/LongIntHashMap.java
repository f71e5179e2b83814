package io.github.palimpsest.block;

import java.util.Arrays;

/**
 * A minimal open-addressing map from 64-bit key hashes to dense ids 0, 1, 2, ... in first-seen order.
 * Primitive arrays only: a million keys cost about 24 MB instead of the ~100 MB of a boxed map.
 * Not thread-safe; used by one thread while a rule's blocks are built.
 */
final class LongIntHashMap {
    private long[] keys;
    private int[] ids; // id + 1; 0 marks an empty slot
    private long[] keyOfId;
    private int size;
    private int mask;

    LongIntHashMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        ids = new int[capacity];
        keyOfId = new long[Math.max(16, expected)];
        mask = capacity - 1;
    }

    /** The dense id of {@code key}, assigning the next one when the key is new. */
    int idOf(long key) {
        int slot = mix(key) & mask;
        while (true) {
            int id = ids[slot];
            if (id == 0) {
                if (size == keyOfId.length) {
                    keyOfId = Arrays.copyOf(keyOfId, keyOfId.length * 2);
                }
                keyOfId[size] = key;
                keys[slot] = key;
                ids[slot] = ++size;
                if (size * 2 > keys.length) {
                    grow();
                }
                return size - 1;
            }
            if (keys[slot] == key) {
                return id - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** The key that was given dense id {@code id}. */
    long keyOf(int id) {
        return keyOfId[id];
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldIds[i] != 0) {
                int slot = mix(oldKeys[i]) & mask;
                while (ids[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                ids[slot] = oldIds[i];
            }
        }
    }

    private static int mix(long key) {
        // The keys are already hashes; fold the high bits in so the low bits used as the slot are good.
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
