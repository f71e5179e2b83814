package io.github.palimpsest.pipeline;

import io.github.palimpsest.block.BlockingReport.OversizeBlock;
import io.github.palimpsest.block.BlockingRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The blocks and candidate pairs of one rule, built from primitive arrays only.
 *
 * <p>Every (key, record) is packed into one long by {@link KeyBuffer} and the array sorted, so each block
 * is a contiguous run with its records ascending. Pairs are then placed by a counting sort on their left
 * record (count, prefix-sum, scatter), and each left record's short bucket is sorted and de-duplicated:
 * linear in the number of pairs, where one global sort of tens of millions of pairs would dominate.
 */
final class RuleBlocks {
    final String name;
    final int recordsWithKey;
    final int blocks;
    final int largestBlock;
    final List<OversizeBlock> oversize;
    /** Sorted, distinct packed pairs (i << 32 | j, i < j). */
    final long[] pairs;

    private RuleBlocks(String name, int recordsWithKey, int blocks, int largestBlock,
            List<OversizeBlock> oversize, long[] pairs) {
        this.name = name;
        this.recordsWithKey = recordsWithKey;
        this.blocks = blocks;
        this.largestBlock = largestBlock;
        this.oversize = oversize;
        this.pairs = pairs;
    }

    /** Receives each pair of a block as (smaller, larger) record index. */
    private interface PairSink {
        void pair(int left, int right);
    }

    static <R> RuleBlocks build(BlockingRule<R> rule, List<R> records, int maxBlockSize, int windowSize,
            boolean parallel) {
        int n = records.size();
        int recordBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
        long recordMask = (1L << recordBits) - 1;
        long[] unsorted = keyEntries(rule, records, recordBits, parallel);
        long[] entries = LongArrays.sortHashed(unsorted, unsorted.length, parallel);
        int entryCount = LongArrays.dedupeSorted(entries, entries.length); // a record emitting a key twice
        BitSet withAll = pairingWithAll(rule, records, entries, entryCount, recordMask);

        // Blocks are runs of equal block hash; keep those that can make a pair.
        BitSet keyed = new BitSet(n);
        BitSet placed = new BitSet(n); // records of oversize blocks that emit a split key
        // Each record's split-key hashes, computed once for all its blocks: for every member of an oversize block
        // that can make a pair, before the blocks are walked, on all workers (they are a pure function of the
        // record; the walk below is sequential).
        long[][] splitCache = splitHashesOfOversizeMembers(rule, records, entries, entryCount, recordBits,
                maxBlockSize, withAll, parallel);
        String[] orderingCache = new String[n]; // each record's ordering key, computed once for all its blocks
        int blocks = 0;
        int largest = 0;
        List<int[]> pairBlocks = new ArrayList<>(); // {start, end}
        List<int[]> windowOrders = new ArrayList<>(); // parallel to pairBlocks; null unless oversize
        List<int[][]> splits = new ArrayList<>(); // parallel to pairBlocks: an oversize block's sub-blocks
        List<OversizeBlock> oversize = new ArrayList<>();
        long total = 0;
        for (int start = 0, end; start < entryCount; start = end) {
            long hash = entries[start] >>> recordBits;
            end = start + 1;
            while (end < entryCount && entries[end] >>> recordBits == hash) {
                end++;
            }
            int size = end - start;
            blocks++;
            largest = Math.max(largest, size);
            for (int k = start; k < end; k++) {
                keyed.set((int) (entries[k] & recordMask));
            }
            if (size < 2 || withAll != null && countPairingWithAll(withAll, entries, start, end, recordMask) == 0) {
                continue; // no pair: a single record, or none that pairs with all and so no pair at all
            }
            pairBlocks.add(new int[] {start, end});
            if (size > maxBlockSize) {
                int[][] split = splitBlock(rule, records, entries, start, end, recordMask, maxBlockSize, placed,
                        splitCache, withAll);
                boolean anyUnplaced = false;
                for (int k = start; k < end && !anyUnplaced; k++) {
                    anyUnplaced = !placed.get((int) (entries[k] & recordMask));
                }
                // The window pairs only where one record has no split key: without one, it pairs nothing.
                int[] order = anyUnplaced
                        ? orderForWindow(rule, records, entries, start, end, recordMask, orderingCache)
                        : new int[0];
                long windowed = windowPairs(order, windowSize, placed);
                long splitPairs = 0;
                for (int[] sub : split) {
                    long others = withAll == null ? 0 : sub.length - countPairingWithAll(withAll, sub);
                    splitPairs += (long) sub.length * (sub.length - 1) / 2 - others * (others - 1) / 2;
                }
                R member = records.get((int) (entries[start] & recordMask));
                oversize.add(new OversizeBlock(rule.name(), keyText(rule, member, hash, recordBits),
                        String.format("%016x", hash), size, windowSize, windowed, split.length, splitPairs));
                windowOrders.add(order);
                splits.add(split);
                total += windowed + splitPairs;
            } else {
                windowOrders.add(null);
                splits.add(null);
                long others = withAll == null ? 0 : size - countPairingWithAll(withAll, entries, start, end, recordMask);
                total += (long) size * (size - 1) / 2 - others * (others - 1) / 2;
            }
        }
        if (total > LongArrays.MAX_LENGTH) {
            throw new IllegalStateException("blocking rule '" + rule.name() + "' would produce " + total
                    + " candidate pairs, more than one array holds; lower maxBlockSize or make the rule more selective");
        }

        // Counting sort on the left record: offsets[l + 1] counts the pairs whose smaller index is l.
        int[] offsets = new int[n + 1];
        for (int b = 0; b < pairBlocks.size(); b++) {
            if (windowOrders.get(b) == null && withAll == null) {
                // In a full block the record at position x is the smaller index of every later record's pair.
                int end = pairBlocks.get(b)[1];
                for (int x = pairBlocks.get(b)[0]; x < end - 1; x++) {
                    offsets[(int) (entries[x] & recordMask) + 1] += end - 1 - x;
                }
            }
        }
        forEachPair(entries, recordMask, pairBlocks, windowOrders, splits, placed, windowSize, withAll == null, withAll,
                (l, r) -> offsets[l + 1]++);
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        long[] scattered = new long[offsets[n]];
        int[] cursor = Arrays.copyOf(offsets, n);
        forEachPair(entries, recordMask, pairBlocks, windowOrders, splits, placed, windowSize, false, withAll,
                (l, r) -> scattered[cursor[l]++] = (long) l << 32 | r);
        long[] pairs = sortAndDedupeBuckets(scattered, offsets, cursor, parallel);

        oversize.sort(Comparator.comparingInt(OversizeBlock::size).reversed().thenComparing(OversizeBlock::keyHash));
        return new RuleBlocks(rule.name(), keyed.cardinality(), blocks, largest, List.copyOf(oversize), pairs);
    }

    /**
     * The keyed records that pair with every record of their blocks ({@link BlockingRule#pairsWithAll}), or
     * null when all of them do (the default, which pairs every two records of a block).
     */
    private static <R> BitSet pairingWithAll(BlockingRule<R> rule, List<R> records, long[] entries, int entryCount,
            long recordMask) {
        BitSet withAll = new BitSet(records.size());
        boolean all = true;
        int previous = -1;
        for (int k = 0; k < entryCount; k++) {
            int record = (int) (entries[k] & recordMask);
            if (record != previous && !withAll.get(record)) {
                if (rule.pairsWithAll(records.get(record))) {
                    withAll.set(record);
                } else {
                    all = false;
                }
            }
            previous = record;
        }
        return all ? null : withAll;
    }

    private static int countPairingWithAll(BitSet withAll, int[] records) {
        int count = 0;
        for (int record : records) {
            if (withAll.get(record)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The sub-blocks of an oversize block by the rule's {@linkplain BlockingRule#splitKeys split keys}: the
     * records (ascending) that share a split key, for each split key shared by 2 to {@code maxBlockSize}
     * of them. Marks in {@code placed} the members that emit a split key: the window then pairs only
     * pairs of which at least one record emits none, since the others are placed by their second keys. Keys are compared by the high 32 bits of their 64-bit hash, with the block position in the
     * low bits; a collision merges two sub-blocks, adding pairs and losing none.
     */
    private static <R> int[][] splitBlock(BlockingRule<R> rule, List<R> records, long[] entries, int start,
            int end, long recordMask, int maxBlockSize, BitSet placed, long[][] splitCache, BitSet withAll) {
        int size = end - start;
        // Where only records that pair with all can make a pair, a sub-block needs one of them: the split keys
        // of the others count only where such a record has the same key (fewer keys to sort, no sub-block
        // that could pair nothing).
        // Sorted, for a binary search: boxing the keys into a HashSet<Long> cost more than the search.
        long[] pairingKeys = null;
        int pairingCount = 0;
        if (withAll != null) {
            pairingKeys = new long[16];
            for (int k = 0; k < size; k++) {
                int record = (int) (entries[start + k] & recordMask);
                if (withAll.get(record)) {
                    for (long hash : splitHashesOf(rule, records, record, splitCache)) {
                        if (pairingCount == pairingKeys.length) {
                            pairingKeys = Arrays.copyOf(pairingKeys, pairingCount * 2);
                        }
                        pairingKeys[pairingCount++] = hash;
                    }
                }
            }
            Arrays.sort(pairingKeys, 0, pairingCount);
        }
        long[] buffer = new long[size];
        int count = 0;
        for (int k = 0; k < size; k++) {
            int record = (int) (entries[start + k] & recordMask);
            long[] hashes = splitHashesOf(rule, records, record, splitCache);
            if (hashes.length > 0) {
                placed.set(record);
            }
            boolean filtered = pairingKeys != null && !withAll.get(record);
            for (long hash : hashes) {
                if (filtered && Arrays.binarySearch(pairingKeys, 0, pairingCount, hash) < 0) {
                    continue;
                }
                if (count == buffer.length) {
                    buffer = Arrays.copyOf(buffer, count * 2);
                }
                buffer[count++] = hash | k;
            }
        }
        long[] keyed = buffer;
        int n = count;
        if (n < 2) {
            return new int[0][];
        }
        Arrays.sort(keyed, 0, n);
        List<int[]> subBlocks = new ArrayList<>();
        for (int from = 0, to; from < n; from = to) {
            long hash = keyed[from] >>> 32;
            to = from + 1;
            while (to < n && keyed[to] >>> 32 == hash) {
                to++;
            }
            int[] members = new int[to - from];
            int m = 0;
            for (int k = from; k < to; k++) {
                if (k == from || keyed[k] != keyed[k - 1]) { // a record emitting one split key twice
                    members[m++] = (int) (entries[start + (int) (keyed[k] & 0xFFFFFFFFL)] & recordMask);
                }
            }
            if (m >= 2 && m <= maxBlockSize) {
                subBlocks.add(Arrays.copyOf(members, m)); // positions ascend with record index
            }
        }
        return subBlocks.toArray(new int[0][]);
    }

    private static final long[] NO_HASHES = {};

    /**
     * {@code cache[record]}: the split-key hashes ({@link #splitHashes}) of each member of each block larger
     * than {@code maxBlockSize} that can make a pair (as the walk in {@link #build} decides), else null.
     */
    private static <R> long[][] splitHashesOfOversizeMembers(BlockingRule<R> rule, List<R> records, long[] entries,
            int entryCount, int recordBits, int maxBlockSize, BitSet withAll, boolean parallel) {
        long recordMask = (1L << recordBits) - 1;
        long[][] cache = new long[records.size()][];
        BitSet members = new BitSet(records.size());
        for (int start = 0, end; start < entryCount; start = end) {
            long hash = entries[start] >>> recordBits;
            end = start + 1;
            while (end < entryCount && entries[end] >>> recordBits == hash) {
                end++;
            }
            if (end - start > maxBlockSize
                    && (withAll == null || countPairingWithAll(withAll, entries, start, end, recordMask) > 0)) {
                for (int k = start; k < end; k++) {
                    members.set((int) (entries[k] & recordMask));
                }
            }
        }
        int[] each = members.stream().toArray();
        IntStream indexes = IntStream.range(0, each.length);
        (parallel ? indexes.parallel() : indexes).forEach(i ->
                cache[each[i]] = splitHashes(rule, records.get(each[i])));
        return cache;
    }

    /** The record's split-key hashes, computed once for all its blocks. */
    private static <R> long[] splitHashesOf(BlockingRule<R> rule, List<R> records, int record, long[][] cache) {
        long[] hashes = cache[record];
        if (hashes == null) {
            hashes = splitHashes(rule, records.get(record));
            cache[record] = hashes;
        }
        return hashes;
    }

    /** The high 32 bits of the 64-bit hash of each of the record's distinct split keys. */
    private static <R> long[] splitHashes(BlockingRule<R> rule, R record) {
        SplitHashes hashes = new SplitHashes();
        rule.splitKeys(record, hashes);
        return hashes.count == hashes.hashes.length ? hashes.hashes : Arrays.copyOf(hashes.hashes, hashes.count);
    }

    /** Collects the distinct high 32 bits of the 64-bit hashes of one record's split keys. */
    private static final class SplitHashes extends KeyText.Hashing {
        private long[] hashes = NO_HASHES;
        private int count;

        @Override
        void acceptHash(long hash64) {
            long hash = hash64 & 0xFFFFFFFF00000000L;
            for (int i = 0; i < count; i++) {
                if (hashes[i] == hash) {
                    return; // a key emitted twice
                }
            }
            if (count == hashes.length) {
                hashes = Arrays.copyOf(hashes, Math.max(4, count * 2));
            }
            hashes[count++] = hash;
        }
    }

    private static int countPairingWithAll(BitSet withAll, long[] entries, int start, int end, long recordMask) {
        int count = 0;
        for (int k = start; k < end; k++) {
            if (withAll.get((int) (entries[k] & recordMask))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Number of pairs a window of {@code w} makes over the records in {@code order}: each with its next
     * {@code w - 1}, where at least one of the two is not {@code placed} in a sub-block by a split key.
     */
    private static long windowPairs(int[] order, int w, BitSet placed) {
        long count = 0;
        for (int p = 0; p < order.length; p++) {
            int last = Math.min(order.length - 1, p + w - 1);
            for (int q = p + 1; q <= last; q++) {
                if (!placed.get(order[p]) || !placed.get(order[q])) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Number of pairs a window of {@code w} makes over {@code s} records. */
    static long windowPairs(int s, int w) {
        long reach = Math.min(w - 1, s - 1);
        // Position p pairs with min(reach, s-1-p) successors.
        return reach * s - reach * (reach + 1) / 2;
    }

    /**
     * Every pair of the blocks (or only of the windowed ones), in a fixed order; with {@code withAll}, only
     * the pairs of which one record pairs with all (see {@link BlockingRule#pairsWithAll}).
     */
    private static void forEachPair(long[] entries, long recordMask, List<int[]> pairBlocks,
            List<int[]> windowOrders, List<int[][]> splits, BitSet placed, int windowSize, boolean windowsOnly, BitSet withAll, PairSink all) {
        PairSink sink = withAll == null ? all : (l, r) -> {
            if (withAll.get(l) || withAll.get(r)) {
                all.pair(l, r);
            }
        };
        for (int b = 0; b < pairBlocks.size(); b++) {
            int[] order = windowOrders.get(b);
            if (order == null) {
                if (windowsOnly) {
                    continue;
                }
                int start = pairBlocks.get(b)[0];
                int end = pairBlocks.get(b)[1];
                if (withAll == null) {
                    for (int x = start; x < end; x++) {
                        int left = (int) (entries[x] & recordMask);
                        for (int y = x + 1; y < end; y++) {
                            all.pair(left, (int) (entries[y] & recordMask)); // ascending within a block
                        }
                    }
                } else {
                    // Only pairs with a record that pairs with all: each of those with every other record,
                    // in (#those x size) steps rather than size squared.
                    int[] pairing = new int[end - start]; // positions of the records that pair with all
                    int count = 0;
                    for (int x = start; x < end; x++) {
                        if (withAll.get((int) (entries[x] & recordMask))) {
                            pairing[count++] = x;
                        }
                    }
                    int next = 0; // first index in pairing after x
                    for (int x = start; x < end; x++) {
                        while (next < count && pairing[next] <= x) {
                            next++;
                        }
                        int left = (int) (entries[x] & recordMask);
                        if (withAll.get(left)) {
                            for (int y = x + 1; y < end; y++) {
                                all.pair(left, (int) (entries[y] & recordMask));
                            }
                        } else {
                            for (int k = next; k < count; k++) {
                                all.pair(left, (int) (entries[pairing[k]] & recordMask));
                            }
                        }
                    }
                }
            } else {
                for (int p = 0; p < order.length; p++) {
                    int last = Math.min(order.length - 1, p + windowSize - 1);
                    for (int q = p + 1; q <= last; q++) {
                        if (!placed.get(order[p]) || !placed.get(order[q])) {
                            sink.pair(Math.min(order[p], order[q]), Math.max(order[p], order[q]));
                        }
                    }
                }
                for (int[] sub : splits.get(b)) {
                    for (int x = 0; x < sub.length; x++) {
                        for (int y = x + 1; y < sub.length; y++) {
                            sink.pair(sub[x], sub[y]); // ascending within a sub-block
                        }
                    }
                }
            }
        }
    }

    /**
     * Sorts each left record's bucket {@code [offsets[l], ends[l])}, drops duplicates (a pair two blocks of
     * the rule share) and packs the survivors into one exact-size array.
     */
    private static long[] sortAndDedupeBuckets(long[] scattered, int[] offsets, int[] ends, boolean parallel) {
        int n = ends.length;
        int[] distinct = new int[n + 1];
        int slices = parallel ? Math.max(1, Math.min(n / 4096, Runtime.getRuntime().availableProcessors() * 8)) : 1;
        IntStream sliceIndexes = IntStream.range(0, slices);
        (parallel ? sliceIndexes.parallel() : sliceIndexes).forEach(slice -> {
            for (int l = (int) ((long) n * slice / slices); l < (long) n * (slice + 1) / slices; l++) {
                int from = offsets[l];
                int size = ends[l] - from;
                if (size > 1) {
                    Arrays.sort(scattered, from, ends[l]);
                    int out = from + 1;
                    for (int k = from + 1; k < ends[l]; k++) {
                        if (scattered[k] != scattered[out - 1]) {
                            scattered[out++] = scattered[k];
                        }
                    }
                    size = out - from;
                }
                distinct[l + 1] = size;
            }
        });
        for (int l = 0; l < n; l++) {
            distinct[l + 1] += distinct[l];
        }
        long[] pairs = new long[distinct[n]];
        IntStream copies = IntStream.range(0, slices);
        (parallel ? copies.parallel() : copies).forEach(slice -> {
            for (int l = (int) ((long) n * slice / slices); l < (long) n * (slice + 1) / slices; l++) {
                System.arraycopy(scattered, offsets[l], pairs, distinct[l], distinct[l + 1] - distinct[l]);
            }
        });
        return pairs;
    }

    private static <R> int[] orderForWindow(BlockingRule<R> rule, List<R> records, long[] entries, int start,
            int end, long recordMask, String[] cache) {
        int size = end - start;
        String[] orderingKeys = new String[size];
        Integer[] positions = new Integer[size];
        for (int k = 0; k < size; k++) {
            int record = (int) (entries[start + k] & recordMask);
            String key = cache[record];
            if (key == null) {
                key = rule.orderingKey(records.get(record));
                key = key == null ? "" : key;
                cache[record] = key;
            }
            orderingKeys[k] = key;
            positions[k] = k;
        }
        // Positions ascend with record index, so the tie-break keeps the order deterministic.
        Arrays.sort(positions, Comparator.<Integer, String>comparing(k -> orderingKeys[k]).thenComparingInt(k -> k));
        int[] order = new int[size];
        for (int k = 0; k < size; k++) {
            order[k] = (int) (entries[start + positions[k]] & recordMask);
        }
        return order;
    }

    private static <R> String keyText(BlockingRule<R> rule, R record, long blockHash, int recordBits) {
        String[] found = {""};
        rule.keys(record, key -> {
            if (key != null && !key.isEmpty() && found[0].isEmpty()
                    && KeyBuffer.blockHash(key, recordBits) == blockHash) {
                found[0] = key;
            }
        });
        return found[0];
    }

    /** Every (key, record) of the rule, packed; keys are computed in parallel slices, in slice order. */
    static <R> long[] keyEntries(BlockingRule<R> rule, List<R> records, int recordBits, boolean parallel) {
        int n = records.size();
        int slices = parallel ? Math.max(1, Math.min(n / 4096, Runtime.getRuntime().availableProcessors() * 8)) : 1;
        KeyBuffer[] buffers = new KeyBuffer[slices];
        IntStream sliceIndexes = IntStream.range(0, slices);
        (parallel ? sliceIndexes.parallel() : sliceIndexes).forEach(slice -> {
            int from = (int) ((long) n * slice / slices);
            int to = (int) ((long) n * (slice + 1) / slices);
            KeyBuffer buffer = new KeyBuffer(to - from, recordBits);
            for (int i = from; i < to; i++) {
                buffer.startRecord(i);
                rule.keys(records.get(i), buffer);
            }
            buffers[slice] = buffer;
        });
        long total = 0;
        for (KeyBuffer buffer : buffers) {
            total += buffer.size();
        }
        if (total > LongArrays.MAX_LENGTH) {
            throw new IllegalStateException("blocking rule '" + rule.name() + "' emitted " + total
                    + " keys, more than one array holds");
        }
        long[] entries = new long[(int) total];
        int offset = 0;
        for (KeyBuffer buffer : buffers) {
            buffer.copyTo(entries, offset);
            offset += buffer.size();
        }
        return entries;
    }
}
