package io.github.palimpsest.block;

import io.github.palimpsest.block.BlockingReport.OversizeBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The blocks and candidate pairs of one rule, built without boxed collections: every (key, record) is
 * packed into one long (dense key id in the high half, record index in the low half) and the array is
 * sorted, so that each block is a contiguous run with its records in ascending order.
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

    static <R> RuleBlocks build(BlockingRule<R> rule, List<R> records, int maxBlockSize, int windowSize,
            boolean parallel) {
        LongIntHashMap keyIds = new LongIntHashMap(Math.max(16, records.size() / 4));
        long[] entries = keyEntries(rule, records, keyIds, parallel);
        int entryCount = entries.length;
        LongArrays.sort(entries, entryCount, parallel);
        entryCount = LongArrays.dedupeSorted(entries, entryCount); // a record emitting a key twice

        // Blocks are runs of equal key id; keep those that can make a pair.
        BitSet keyed = new BitSet(records.size());
        int blocks = 0;
        int largest = 0;
        int pairBlocks = 0;
        for (int start = 0, end; start < entryCount; start = end) {
            end = runEnd(entries, start, entryCount);
            blocks++;
            largest = Math.max(largest, end - start);
            if (end - start > 1) {
                pairBlocks++;
            }
            for (int k = start; k < end; k++) {
                keyed.set((int) entries[k]);
            }
        }
        int[] blockStart = new int[pairBlocks];
        int[] blockSize = new int[pairBlocks];
        long[] pairOffset = new long[pairBlocks + 1];
        List<OversizeBlock> oversize = new ArrayList<>();
        int[][] windowOrder = new int[pairBlocks][];
        int b = 0;
        for (int start = 0, end; start < entryCount; start = end) {
            end = runEnd(entries, start, entryCount);
            int size = end - start;
            if (size < 2) {
                continue;
            }
            blockStart[b] = start;
            blockSize[b] = size;
            long blockPairs;
            if (size > maxBlockSize) {
                windowOrder[b] = orderForWindow(rule, records, entries, start, end);
                blockPairs = windowPairs(size, windowSize);
                long keyHash = keyIds.keyOf((int) (entries[start] >>> 32));
                oversize.add(new OversizeBlock(rule.name(), keyText(rule, records.get((int) entries[start]), keyHash),
                        String.format("%016x", keyHash), size, windowSize, blockPairs));
            } else {
                blockPairs = (long) size * (size - 1) / 2;
            }
            pairOffset[b + 1] = pairOffset[b] + blockPairs;
            b++;
        }
        long total = pairOffset[pairBlocks];
        if (total > LongArrays.MAX_LENGTH) {
            throw new IllegalStateException("blocking rule '" + rule.name() + "' would produce " + total
                    + " candidate pairs, more than one array holds; lower maxBlockSize or make the rule more selective");
        }
        long[] pairs = new long[(int) total];
        final long[] sortedEntries = entries;
        IntStream blockIndexes = IntStream.range(0, pairBlocks);
        (parallel ? blockIndexes.parallel() : blockIndexes).forEach(block -> {
            int pos = (int) pairOffset[block];
            if (windowOrder[block] != null) {
                emitWindow(windowOrder[block], windowSize, pairs, pos);
            } else {
                emitAllPairs(sortedEntries, blockStart[block], blockSize[block], pairs, pos);
            }
        });
        LongArrays.sort(pairs, pairs.length, parallel);
        int distinct = LongArrays.dedupeSorted(pairs, pairs.length);
        oversize.sort(Comparator.comparingInt(OversizeBlock::size).reversed()
                .thenComparing(OversizeBlock::keyHash));
        return new RuleBlocks(rule.name(), keyed.cardinality(), blocks, largest, List.copyOf(oversize),
                distinct == pairs.length ? pairs : Arrays.copyOf(pairs, distinct));
    }

    /** Number of pairs a window of {@code w} makes over {@code s} records. */
    static long windowPairs(int s, int w) {
        long reach = Math.min(w - 1, s - 1);
        // Position p pairs with min(reach, s-1-p) successors.
        return reach * s - reach * (reach + 1) / 2;
    }

    private static int runEnd(long[] entries, int start, int length) {
        long id = entries[start] >>> 32;
        int end = start + 1;
        while (end < length && entries[end] >>> 32 == id) {
            end++;
        }
        return end;
    }

    private static void emitAllPairs(long[] entries, int start, int size, long[] pairs, int pos) {
        for (int x = start; x < start + size; x++) {
            long left = (entries[x] & 0xFFFFFFFFL) << 32;
            for (int y = x + 1; y < start + size; y++) {
                pairs[pos++] = left | (entries[y] & 0xFFFFFFFFL); // records ascend within a block: left < right
            }
        }
    }

    private static void emitWindow(int[] order, int windowSize, long[] pairs, int pos) {
        for (int p = 0; p < order.length; p++) {
            int last = Math.min(order.length - 1, p + windowSize - 1);
            for (int q = p + 1; q <= last; q++) {
                int a = Math.min(order[p], order[q]);
                int c = Math.max(order[p], order[q]);
                pairs[pos++] = (long) a << 32 | c;
            }
        }
    }

    private static <R> int[] orderForWindow(BlockingRule<R> rule, List<R> records, long[] entries, int start,
            int end) {
        int size = end - start;
        String[] orderingKeys = new String[size];
        Integer[] positions = new Integer[size];
        for (int k = 0; k < size; k++) {
            String key = rule.orderingKey(records.get((int) entries[start + k]));
            orderingKeys[k] = key == null ? "" : key;
            positions[k] = k;
        }
        // Positions ascend with record index, so the tie-break keeps the order deterministic.
        Arrays.sort(positions, Comparator.<Integer, String>comparing(k -> orderingKeys[k])
                .thenComparingInt(k -> k));
        int[] order = new int[size];
        for (int k = 0; k < size; k++) {
            order[k] = (int) entries[start + positions[k]];
        }
        return order;
    }

    private static <R> String keyText(BlockingRule<R> rule, R record, long keyHash) {
        String[] found = {""};
        rule.keys(record, key -> {
            if (key != null && !key.isEmpty() && found[0].isEmpty() && KeyBuffer.hash(key) == keyHash) {
                found[0] = key;
            }
        });
        return found[0];
    }

    /**
     * Every (key, record) of the rule as {@code keyId << 32 | record}. Keys are computed in parallel
     * slices; ids are then given in slice order, so they do not depend on thread timing.
     */
    private static <R> long[] keyEntries(BlockingRule<R> rule, List<R> records, LongIntHashMap keyIds,
            boolean parallel) {
        int n = records.size();
        int slices = parallel ? Math.max(1, Math.min(n / 4096, Runtime.getRuntime().availableProcessors() * 8)) : 1;
        KeyBuffer[] buffers = new KeyBuffer[slices];
        IntStream sliceIndexes = IntStream.range(0, slices);
        (parallel ? sliceIndexes.parallel() : sliceIndexes).forEach(slice -> {
            int from = (int) ((long) n * slice / slices);
            int to = (int) ((long) n * (slice + 1) / slices);
            KeyBuffer buffer = new KeyBuffer(to - from);
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
        int k = 0;
        for (KeyBuffer buffer : buffers) {
            for (int e = 0; e < buffer.size(); e++) {
                entries[k++] = (long) keyIds.idOf(buffer.hashAt(e)) << 32 | buffer.recordAt(e);
            }
        }
        return entries;
    }
}
