package io.github.palimpsest.index;

import java.util.Arrays;

/**
 * Posting lists keyed by 64-bit key hashes: for each key, the slots of the records that carry it. An
 * open-addressing table with linear probing; a key held by one record (most keys: an identifier, a date of
 * birth with a postcode) stores that record's slot inline, and only keys shared by two or more records own
 * a growable {@code int[]}. Deletion shifts later entries back (no tombstones), so the table never
 * degrades under churn.
 *
 * <p>Cost: 12 bytes per table position at a load factor of at most 0.6, plus {@code 16 + 4 × capacity}
 * bytes per shared key. Not thread-safe: the index guards it with its lock.
 */
final class PostingTable {
    /** An empty table position. Slots are never negative, list references are {@code -(list + 1)}. */
    private static final int EMPTY = Integer.MIN_VALUE;
    private static final int[] NONE = new int[0];

    private long[] keys;
    private int[] values;
    private int mask;
    private int entries;

    private int[][] lists = new int[16][];
    private int[] listSizes = new int[16];
    private int[] freeLists = new int[16];
    private int freeListCount;
    private int listCount;

    PostingTable(int expectedKeys) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expectedKeys * 2L)) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, EMPTY);
        mask = capacity - 1;
    }

    /** The slots that carry {@code key}, in no particular order (a new array; empty if none). */
    int[] members(long key) {
        int position = find(key);
        if (position < 0) {
            return NONE;
        }
        int value = values[position];
        return value >= 0 ? new int[] {value} : Arrays.copyOf(lists[-value - 1], listSizes[-value - 1]);
    }

    /** The number of slots that carry {@code key}, without copying them. */
    int count(long key) {
        int position = find(key);
        if (position < 0) {
            return 0;
        }
        int value = values[position];
        return value >= 0 ? 1 : listSizes[-value - 1];
    }

    /** Adds {@code slot} to the postings of {@code key}; the caller never adds a (key, slot) twice. */
    void add(long key, int slot) {
        if ((entries + 1) * 10L > (mask + 1) * 6L) {
            resize();
        }
        int position = slotFor(key);
        int value = values[position];
        if (value == EMPTY) {
            keys[position] = key;
            values[position] = slot;
            entries++;
        } else if (value >= 0) {
            int list = newList();
            lists[list][0] = value;
            lists[list][1] = slot;
            listSizes[list] = 2;
            values[position] = -(list + 1);
        } else {
            int list = -value - 1;
            if (listSizes[list] == lists[list].length) {
                lists[list] = Arrays.copyOf(lists[list], lists[list].length * 2);
            }
            lists[list][listSizes[list]++] = slot;
        }
    }

    /** Removes {@code slot} from the postings of {@code key}; does nothing if it is not there. */
    void remove(long key, int slot) {
        int position = find(key);
        if (position < 0) {
            return;
        }
        int value = values[position];
        if (value >= 0) {
            if (value == slot) {
                deleteAt(position);
            }
            return;
        }
        int list = -value - 1;
        int[] members = lists[list];
        int size = listSizes[list];
        for (int k = 0; k < size; k++) {
            if (members[k] == slot) {
                members[k] = members[--size]; // order within a list carries no meaning
                listSizes[list] = size;
                break;
            }
        }
        if (size == 1) {
            values[position] = members[0];
            freeList(list);
        }
    }

    private int find(long key) {
        for (int position = spread(key) & mask; ; position = (position + 1) & mask) {
            if (values[position] == EMPTY) {
                return -1;
            }
            if (keys[position] == key) {
                return position;
            }
        }
    }

    private int slotFor(long key) {
        for (int position = spread(key) & mask; ; position = (position + 1) & mask) {
            if (values[position] == EMPTY || keys[position] == key) {
                return position;
            }
        }
    }

    /** Backward-shift deletion (Knuth, TAOCP vol. 3, 6.4, algorithm R): keeps every probe chain unbroken. */
    private void deleteAt(int position) {
        int hole = position;
        for (int next = (hole + 1) & mask; values[next] != EMPTY; next = (next + 1) & mask) {
            int home = spread(keys[next]) & mask;
            // Move the entry back into the hole unless its home lies cyclically in (hole, next].
            boolean homeBetween = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!homeBetween) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
        }
        values[hole] = EMPTY;
        entries--;
    }

    private void resize() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, EMPTY);
        mask = keys.length - 1;
        for (int p = 0; p < oldKeys.length; p++) {
            if (oldValues[p] != EMPTY) {
                int position = slotFor(oldKeys[p]);
                keys[position] = oldKeys[p];
                values[position] = oldValues[p];
            }
        }
    }

    private int newList() {
        int list;
        if (freeListCount > 0) {
            list = freeLists[--freeListCount];
        } else {
            if (listCount == lists.length) {
                lists = Arrays.copyOf(lists, listCount * 2);
                listSizes = Arrays.copyOf(listSizes, listCount * 2);
            }
            list = listCount++;
        }
        if (lists[list] == null) {
            lists[list] = new int[4];
        }
        return list;
    }

    private void freeList(int list) {
        listSizes[list] = 0;
        if (lists[list].length > 64) {
            lists[list] = null; // let a once-large block's array go
        }
        if (freeListCount == freeLists.length) {
            freeLists = Arrays.copyOf(freeLists, freeListCount * 2);
        }
        freeLists[freeListCount++] = list;
    }

    /** Key hashes are already well mixed; fold the high bits in for the table index. */
    private static int spread(long key) {
        return (int) (key ^ (key >>> 32));
    }
}
