package io.github.palimpsest.index;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.record.ComparableRecord;
import java.util.Arrays;

/**
 * What finding a record's pairs in one oversize block needs, kept up to date as members come and go, so that
 * a look-up reads a few entries instead of every member (see {@link Scoring#candidates}):
 * <ul>
 *   <li>the members in the window's order, the rule's {@linkplain BlockingRule#orderingKey ordering key}
 *       then record id: a record's sorted-neighbourhood window is a binary search and {@code windowSize - 1}
 *       steps to either side;</li>
 *   <li>the sub-block postings: for each {@linkplain BlockingRule#splitKeys split-key} hash of the rule
 *       (as {@link PreparedRecord#splitHashes} makes it), the members carrying it, so a record's sub-block
 *       mates are one look-up per split key of its own;</li>
 *   <li>how many members {@linkplain BlockingRule#pairsWithAll pair with all}: a record that does not pair
 *       with all finds nothing in a block without one.</li>
 * </ul>
 * The members' ordering keys and split-key hashes are the ones {@link IndexCore} caches per slot, so a member
 * costs an {@code int} in the order and one posting per split key of its own.
 *
 * <p>Adding or removing a member is a binary search and a shift of the order array (a copy of four bytes a
 * member: microseconds for the largest blocks of a million records), and one posting change per split key.
 * Not thread-safe: changed under the index's write lock, read under either lock (see
 * {@link IndexCore#oversizeBlock}).
 */
final class OversizeBlock {
    private final IndexCore core;
    private final int rule;
    private final BlockingRule<ComparableRecord> blockingRule;
    /** Members in window order: ordering key, then record id. */
    private int[] order;
    private int size;
    /** Split-key hash to the members carrying it. */
    private final PostingTable bySplitKey;
    /**
     * The same for the members that pair with all only: a record that does not pair with all finds only
     * those, so it reads them alone (most members of a common name's block pair with all only the few without
     * a date of birth or a full name).
     */
    private final PostingTable pairingBySplitKey;
    private int pairingWithAll;

    private OversizeBlock(IndexCore core, int rule, int[] members) {
        this.core = core;
        this.rule = rule;
        this.blockingRule = core.config.blockingRules.get(rule);
        this.bySplitKey = new PostingTable(members.length * 4);
        this.pairingBySplitKey = new PostingTable(16);
        Integer[] boxed = new Integer[members.length];
        for (int k = 0; k < members.length; k++) {
            boxed[k] = members[k];
            core.orderingKey(members[k], rule); // computed once, before the sort compares it
        }
        Arrays.sort(boxed, (a, b) -> compare(a, core.orderingKey(b, rule), core.recordId(b)));
        this.order = new int[Math.max(16, members.length + (members.length >> 2))];
        for (int k = 0; k < members.length; k++) {
            order[k] = boxed[k];
            index(boxed[k], true);
        }
        this.size = members.length;
    }

    /** The structure of the block of {@code rule} whose members are {@code members}. */
    static OversizeBlock of(IndexCore core, int rule, int[] members) {
        return new OversizeBlock(core, rule, members);
    }

    /** Adds a member (its record, key hashes and cached keys in place in the core). */
    void add(int slot) {
        int position = lowerBound(core.orderingKey(slot, rule), core.recordId(slot));
        if (size == order.length) {
            order = Arrays.copyOf(order, size + (size >> 1) + 16);
        }
        System.arraycopy(order, position, order, position + 1, size - position);
        order[position] = slot;
        size++;
        index(slot, true);
    }

    /** Removes a member (before the core lets go of its record and cached keys). */
    void remove(int slot) {
        int position = lowerBound(core.orderingKey(slot, rule), core.recordId(slot));
        if (position == size || order[position] != slot) {
            throw new IllegalStateException("slot " + slot + " is not where the oversize block's order puts it");
        }
        System.arraycopy(order, position + 1, order, position, size - position - 1);
        size--;
        index(slot, false);
    }

    private void index(int slot, boolean add) {
        boolean pairing = blockingRule.pairsWithAll(core.comparable(slot));
        for (long hash : core.splitHashes(slot)) {
            if (PreparedRecord.ruleOf(hash) == rule) {
                if (add) {
                    bySplitKey.add(hash, slot);
                    if (pairing) {
                        pairingBySplitKey.add(hash, slot);
                    }
                } else {
                    bySplitKey.remove(hash, slot);
                    if (pairing) {
                        pairingBySplitKey.remove(hash, slot);
                    }
                }
            }
        }
        if (pairing) {
            pairingWithAll += add ? 1 : -1;
        }
    }

    /** The number of members. */
    int size() {
        return size;
    }

    /** The number of members that pair with all ({@link BlockingRule#pairsWithAll}). */
    int pairingWithAll() {
        return pairingWithAll;
    }

    /** The number of members carrying a split-key hash. */
    int splitCount(long splitHash) {
        return bySplitKey.count(splitHash);
    }

    /**
     * The members carrying a split-key hash, or only those of them that pair with all (a new array, in no
     * particular order).
     */
    int[] splitMembers(long splitHash, boolean onlyPairingWithAll) {
        return (onlyPairingWithAll ? pairingBySplitKey : bySplitKey).members(splitHash);
    }

    /**
     * Adds to {@code found} the {@code reach} members nearest a record of ordering key {@code key} and record
     * id {@code recordId} on either side in window order, {@code excludeSlot} left out: the largest
     * (key, record id) below it and the smallest at or above it.
     */
    void window(String key, String recordId, int excludeSlot, int reach, IntSet found) {
        int position = lowerBound(key, recordId);
        for (int k = position - 1, taken = 0; k >= 0 && taken < reach; k--) {
            if (order[k] != excludeSlot) {
                found.add(order[k]);
                taken++;
            }
        }
        for (int k = position, taken = 0; k < size && taken < reach; k++) {
            if (order[k] != excludeSlot) {
                found.add(order[k]);
                taken++;
            }
        }
    }

    /** The first position whose member is at or above (key, record id). */
    private int lowerBound(String key, String recordId) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (compare(order[middle], key, recordId) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** A member against (key, record id): by ordering key, then record id (distinct, so a total order). */
    private int compare(int slot, String key, String recordId) {
        int byKey = core.orderingKey(slot, rule).compareTo(key);
        return byKey != 0 ? byKey : core.recordId(slot).compareTo(recordId);
    }
}
