package io.github.palimpsest.record;

import java.util.function.Function;

/**
 * A fixed-size, direct-mapped memo of a pure function of a key (a string, or a record of strings): each key hashes to one slot, and a new
 * key evicts whatever held its slot. Memory is bounded by the slot count whatever the vocabulary (a pool
 * with a long tail of rare surnames fills the slots and keeps turning them over), while values repeated
 * within a few thousand rows (one person's records, common names) are found again.
 *
 * <p>Thread-safe without locks: a slot holds one immutable {@link Entry} (final fields), so a racing reader
 * sees either an older entry, a newer one or none, and a miss only costs computing the value again. Values
 * must be immutable and equal to what {@code compute} returns for the key, which is what callers rely on.
 */
final class RecentValues<K, V> {
    private final Entry<K, V>[] slots;
    private final Function<? super K, ? extends V> compute;

    @SuppressWarnings("unchecked")
    RecentValues(int slotBits, Function<? super K, ? extends V> compute) {
        this.slots = (Entry<K, V>[]) new Entry<?, ?>[1 << slotBits];
        this.compute = compute;
    }

    private record Entry<K, V>(K key, V value) {
    }

    V get(K key) {
        int h = key.hashCode() * 0x9E3779B9;
        int slot = (h ^ h >>> 16) & (slots.length - 1);
        Entry<K, V> entry = slots[slot];
        if (entry != null && entry.key.equals(key)) {
            return entry.value;
        }
        V value = compute.apply(key);
        slots[slot] = new Entry<>(key, value);
        return value;
    }
}
