package io.github.palimpsest.block;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Collects (key hash, record index) for one slice of the records. Keys are reduced to 64-bit hashes at
 * once, so no key text is retained: two different keys would share a block only on a 64-bit collision
 * (about one chance in 10^7 for ten million distinct keys), which adds candidate pairs and loses none.
 * Not thread-safe: one buffer per slice.
 */
final class KeyBuffer implements Consumer<String> {
    private static final HashFunction HASH = Hashing.murmur3_128(0x5EED);

    private long[] hashes;
    private int[] records;
    private int size;
    private int current;

    KeyBuffer(int expected) {
        hashes = new long[Math.max(8, expected)];
        records = new int[hashes.length];
    }

    static long hash(String key) {
        return HASH.hashUnencodedChars(key).asLong();
    }

    void startRecord(int record) {
        current = record;
    }

    @Override
    public void accept(String key) {
        if (key == null || key.isEmpty()) {
            return; // see BlockingRule: the empty key means "missing" and must not form a block
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            records = Arrays.copyOf(records, size * 2);
        }
        hashes[size] = hash(key);
        records[size] = current;
        size++;
    }

    int size() {
        return size;
    }

    long hashAt(int k) {
        return hashes[k];
    }

    int recordAt(int k) {
        return records[k];
    }
}
