package io.github.palimpsest.pipeline;

import java.util.Arrays;

/**
 * Collects the keys of one slice of the records as packed entries {@code keyHash << recordBits | record}:
 * the high {@code 64 - recordBits} bits of a 64-bit hash of the key, then the record index. Sorting the
 * entries groups each block into one run with its records ascending. No key text is retained.
 *
 * <p>Two different keys share a block only if their truncated hashes collide: for a million records (44
 * hash bits) and a million distinct keys that is about 0.03 expected collisions per rule, and a collision
 * merges two blocks, adding candidate pairs and losing none. Not thread-safe: one buffer per slice.
 */
final class KeyBuffer extends KeyText.Hashing {
    private final int recordBits;
    private long[] entries;
    private int size;
    private int current;

    KeyBuffer(int expected, int recordBits) {
        this.recordBits = recordBits;
        entries = new long[Math.max(8, expected)];
    }

    /** The block hash of {@code key}: the high {@code 64 - recordBits} bits of its 64-bit hash. */
    static long blockHash(String key, int recordBits) {
        return hash64(key) >>> recordBits;
    }

    /**
     * A 64-bit hash of the key's UTF-16 units without allocation (Guava's streaming hasher allocated per
     * key and was the largest cost of blocking). Four chars at a time are mixed in the manner of
     * MurmurHash3's 64-bit body, then the result goes through MurmurHash3's fmix64 finaliser so every
     * output bit depends on every input bit; the length seeds the state, so a shorter key padded with
     * NULs hashes differently.
     */
    static long hash64(String key) {
        return hash64((CharSequence) key);
    }

    /** {@link #hash64(String)} of the key's text, whatever holds it: the same hash for the same text. */
    static long hash64(CharSequence key) {
        int length = key.length();
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            long block = key.charAt(i) | (long) key.charAt(i + 1) << 16 | (long) key.charAt(i + 2) << 32
                    | (long) key.charAt(i + 3) << 48;
            h ^= Long.rotateLeft(block * 0x87C37B91114253D5L, 31) * 0x4CF5AD432745937FL;
            h = Long.rotateLeft(h, 27) * 5 + 0x52DCE729;
        }
        long tail = 0;
        for (; i < length; i++) {
            tail = tail << 16 | key.charAt(i);
        }
        h ^= Long.rotateLeft(tail * 0x87C37B91114253D5L, 31) * 0x4CF5AD432745937FL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    void startRecord(int record) {
        current = record;
    }

    /** The empty key, which means "missing" (see BlockingRule), never gets here: it must not form a block. */
    @Override
    void acceptHash(long hash) {
        if (size == entries.length) {
            entries = Arrays.copyOf(entries, size * 2);
        }
        entries[size++] = (hash >>> recordBits) << recordBits | current;
    }

    int size() {
        return size;
    }

    void copyTo(long[] target, int offset) {
        System.arraycopy(entries, 0, target, offset, size);
    }
}
