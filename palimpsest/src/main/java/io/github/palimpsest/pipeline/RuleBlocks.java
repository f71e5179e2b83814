package io.github.palimpsest.pipeline;

import io.github.palimpsest.block.BlockingReport.OversizeBlock;
import io.github.palimpsest.block.BlockingRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
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
        BitSet withAll = pairingWithAll(rule, records, entries, entryCount, recordMask, parallel);

        // Blocks are runs of equal block hash; keep those that can make a pair.
        BitSet keyed = new BitSet(n);
        int blocks = 0;
        int largest = 0;
        List<int[]> pairBlocks = new ArrayList<>(); // {start, end}
        List<Integer> oversizeAt = new ArrayList<>(); // positions in pairBlocks of the oversize blocks
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
            if (size > maxBlockSize) {
                oversizeAt.add(pairBlocks.size());
            } else {
                long others = withAll == null ? 0 : size - countPairingWithAll(withAll, entries, start, end, recordMask);
                total += (long) size * (size - 1) / 2 - others * (others - 1) / 2;
            }
            pairBlocks.add(new int[] {start, end});
        }
        // Parallel to pairBlocks: an oversize block's window order and sub-blocks, null for the others.
        List<int[]> windowOrders = new ArrayList<>(Collections.nCopies(pairBlocks.size(), null));
        List<int[][]> splits = new ArrayList<>(Collections.nCopies(pairBlocks.size(), null));
        BitSet placed = new BitSet(n); // records of oversize blocks that emit a split key
        OversizeBlock[] oversizeBlocks = oversizeBlocks(rule, records, entries, recordBits, maxBlockSize,
                windowSize, withAll, parallel, pairBlocks, oversizeAt, windowOrders, splits, placed);
        List<OversizeBlock> oversize = new ArrayList<>(Arrays.asList(oversizeBlocks));
        for (OversizeBlock block : oversizeBlocks) {
            total += block.pairs() + block.subBlockPairs();
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
     * The window and sub-blocks of each oversize block ({@code pairBlocks} at {@code oversizeAt}), written
     * into {@code windowOrders} and {@code splits} at the block's position, and their report entries in
     * block order. The blocks are taken on all workers: each is a pure function of the records, the rule and
     * the members' split keys (computed first, once per record), so the result is that of a walk in order.
     * That holds for {@code placed} too: a member of an oversize block is placed exactly when it emits a split
     * key, whichever of its blocks is taken first, and the window and its count ask only about the block's
     * own members. At a million records the rule that keys every name on its phonetic code has blocks of
     * tens of thousands, and taking them one by one left a core idle for seconds.
     */
    private static <R> OversizeBlock[] oversizeBlocks(BlockingRule<R> rule, List<R> records, long[] entries,
            int recordBits, int maxBlockSize, int windowSize, BitSet withAll, boolean parallel,
            List<int[]> pairBlocks, List<Integer> oversizeAt, List<int[]> windowOrders, List<int[][]> splits,
            BitSet placed) {
        long recordMask = (1L << recordBits) - 1;
        int count = oversizeAt.size();
        if (count == 0) {
            return new OversizeBlock[0];
        }
        long[][] splitCache = splitHashesOfMembers(rule, records, entries, recordMask, pairBlocks, oversizeAt,
                parallel);
        for (int record = 0; record < splitCache.length; record++) {
            if (splitCache[record] != null && splitCache[record].length > 0) {
                placed.set(record);
            }
        }
        // The window pairs only where one record has no split key: without one, it pairs nothing. Each
        // record's ordering key is computed once for all its windowed blocks, before the blocks are taken.
        boolean[] windowed = new boolean[count];
        BitSet ordered = new BitSet(records.size());
        for (int o = 0; o < count; o++) {
            int[] block = pairBlocks.get(oversizeAt.get(o));
            for (int k = block[0]; k < block[1] && !windowed[o]; k++) {
                windowed[o] = !placed.get((int) (entries[k] & recordMask));
            }
            if (windowed[o]) {
                for (int k = block[0]; k < block[1]; k++) {
                    ordered.set((int) (entries[k] & recordMask));
                }
            }
        }
        String[] orderingKeys = new String[records.size()];
        int[] toOrder = ordered.stream().toArray();
        forEachIndex(toOrder.length, parallel, i -> {
            String key = rule.orderingKey(records.get(toOrder[i]));
            orderingKeys[toOrder[i]] = key == null ? "" : key;
        });
        OversizeBlock[] report = new OversizeBlock[count];
        int[][] orders = new int[count][];
        int[][][] subBlocks = new int[count][][];
        forEachIndex(count, parallel, o -> {
            int[] block = pairBlocks.get(oversizeAt.get(o));
            int start = block[0];
            int end = block[1];
            int[][] split = splitBlock(entries, start, end, recordMask, maxBlockSize, splitCache, withAll);
            int[] order = windowed[o] ? orderForWindow(entries, start, end, recordMask, orderingKeys) : new int[0];
            long windowPairs = windowPairs(order, windowSize, placed);
            long splitPairs = 0;
            for (int[] sub : split) {
                long others = withAll == null ? 0 : sub.length - countPairingWithAll(withAll, sub);
                splitPairs += (long) sub.length * (sub.length - 1) / 2 - others * (others - 1) / 2;
            }
            long hash = entries[start] >>> recordBits;
            R member = records.get((int) (entries[start] & recordMask));
            report[o] = new OversizeBlock(rule.name(), keyText(rule, member, hash, recordBits),
                    String.format("%016x", hash), end - start, windowSize, windowPairs, split.length, splitPairs);
            orders[o] = order;
            subBlocks[o] = split;
        });
        for (int o = 0; o < count; o++) {
            windowOrders.set(oversizeAt.get(o), orders[o]);
            splits.set(oversizeAt.get(o), subBlocks[o]);
        }
        return report;
    }

    /** Runs {@code task} for each index below {@code count}, on all workers when {@code parallel}. */
    private static void forEachIndex(int count, boolean parallel, java.util.function.IntConsumer task) {
        IntStream indexes = IntStream.range(0, count);
        (parallel ? indexes.parallel() : indexes).forEach(task);
    }

    /**
     * The keyed records that pair with every record of their blocks ({@link BlockingRule#pairsWithAll}), or
     * null when all of them do (the default, which pairs every two records of a block). The rule is asked
     * once per keyed record, on all workers when {@code parallel}.
     */
    private static <R> BitSet pairingWithAll(BlockingRule<R> rule, List<R> records, long[] entries, int entryCount,
            long recordMask, boolean parallel) {
        BitSet keyed = new BitSet(records.size());
        for (int k = 0; k < entryCount; k++) {
            keyed.set((int) (entries[k] & recordMask));
        }
        int[] each = keyed.stream().toArray();
        boolean[] pairs = new boolean[each.length];
        forEachIndex(each.length, parallel, i -> pairs[i] = rule.pairsWithAll(records.get(each[i])));
        BitSet withAll = new BitSet(records.size());
        boolean all = true;
        for (int i = 0; i < each.length; i++) {
            if (pairs[i]) {
                withAll.set(each[i]);
            } else {
                all = false;
            }
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
     * of them, from each member's split-key hashes in {@code splitCache} (the members that have any are
     * placed: the window then pairs only pairs of which at least one record emits none, since the others
     * are placed by their second keys). Keys are compared by the high 32 bits of their 64-bit hash, with the
     * block position in the low bits; a collision merges two sub-blocks, adding pairs and losing none. Reads
     * only its arguments, so blocks can be split on several workers at once.
     */
    private static int[][] splitBlock(long[] entries, int start, int end, long recordMask, int maxBlockSize,
            long[][] splitCache, BitSet withAll) {
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
                    for (long hash : splitCache[record]) {
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
            long[] hashes = splitCache[record];
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
     * {@code cache[record]}: the split-key hashes ({@link #splitHashes}) of each member of the blocks
     * {@code pairBlocks} at {@code oversizeAt} (those larger than the maximum that can make a pair), else
     * null; each computed once, on all workers when {@code parallel} (they are a pure function of the record).
     */
    private static <R> long[][] splitHashesOfMembers(BlockingRule<R> rule, List<R> records, long[] entries,
            long recordMask, List<int[]> pairBlocks, List<Integer> oversizeAt, boolean parallel) {
        long[][] cache = new long[records.size()][];
        BitSet members = new BitSet(records.size());
        for (int at : oversizeAt) {
            int[] block = pairBlocks.get(at);
            for (int k = block[0]; k < block[1]; k++) {
                members.set((int) (entries[k] & recordMask));
            }
        }
        int[] each = members.stream().toArray();
        forEachIndex(each.length, parallel, i -> cache[each[i]] = splitHashes(rule, records.get(each[i])));
        return cache;
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

    /**
     * The members of the block in window order: by ordering key ({@code orderingKeys}, by record), ties by
     * position, which ascends with record index.
     */
    private static int[] orderForWindow(long[] entries, int start, int end, long recordMask,
            String[] orderingKeys) {
        int size = end - start;
        String[] keys = new String[size];
        Integer[] positions = new Integer[size];
        for (int k = 0; k < size; k++) {
            keys[k] = orderingKeys[(int) (entries[start + k] & recordMask)];
            positions[k] = k;
        }
        // Positions ascend with record index, so the tie-break keeps the order deterministic.
        Arrays.sort(positions, Comparator.<Integer, String>comparing(k -> keys[k]).thenComparingInt(k -> k));
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
