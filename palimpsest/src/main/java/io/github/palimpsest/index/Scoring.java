package io.github.palimpsest.index;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.pipeline.NearestNeighbours;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.score.Explanation;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Candidate look-up and scoring of one record against the index: reads {@link IndexCore} only, so it runs
 * under the read lock for {@link LinkIndex#match} and under the write lock for a change. One instance per
 * call (it holds scratch arrays).
 *
 * <p>A candidate is any indexed record that shares a blocking key with the record, under any rule, as in
 * the batch blocker. A block that would exceed the maximum block size is not paired exhaustively: as the
 * batch blocker's sorted window does, the record is paired only with its {@code windowSize - 1} nearest
 * neighbours on either side in the rule's ordering-key order (ties by record id), and, as the batch splits
 * the block, with the members that share one of its split keys where at most the maximum block size do. Both
 * are read from the block's {@link OversizeBlock} structure, so their cost does not grow with the block.
 */
final class Scoring {
    private final IndexCore core;
    private final List<Comparison<ComparableRecord>> comparisons;
    private final int[] levels;
    private final double[] frequencies;

    Scoring(IndexCore core) {
        this.core = core;
        this.comparisons = core.config.comparisons;
        this.levels = new int[comparisons.size()];
        this.frequencies = new double[comparisons.size()];
    }

    /**
     * The scored pairs an index keeps of a record about to be added: those of its blocked candidates, or, when
     * none reaches the threshold, those of its nearest neighbours too (see {@link #neighbours}). Every scored
     * pair when the index makes supported links (the clusterer weighs them all, {@link IndexConfig#supportedLinks}),
     * else those at or above the threshold.
     */
    Links links(PreparedRecord p, int excludeSlot, boolean adjust) {
        int[] candidates = candidates(p, excludeSlot);
        core.termCounts.frequencies(p.comparable, adjust, frequencies);
        double kept = core.config.supportedLinks ? Double.NEGATIVE_INFINITY : core.config.thresholdWeight;
        int[] slots = new int[candidates.length];
        double[] weights = new double[candidates.length];
        int n = 0;
        boolean linked = false;
        for (int s : candidates) {
            double weight = weight(p.comparable, core.comparable(s));
            linked |= weight >= core.config.thresholdWeight;
            if (weight >= kept) {
                slots[n] = s;
                weights[n++] = weight;
            }
        }
        if (!linked && !core.searchDeferred) {
            int[] found = neighbours(p, excludeSlot, candidates);
            slots = Arrays.copyOf(slots, n + found.length);
            weights = Arrays.copyOf(weights, n + found.length);
            for (int s : found) {
                double weight = weight(p.comparable, core.comparable(s));
                if (weight >= kept) {
                    slots[n] = s;
                    weights[n++] = weight;
                }
            }
        }
        return new Links(Arrays.copyOf(slots, n), Arrays.copyOf(weights, n));
    }

    /**
     * Every candidate of {@code p} with its weight, strongest first (ties by record id): the blocked
     * candidates, and when none reaches the threshold, the nearest neighbours too, as an add would score them.
     */
    Scored[] scoreAll(PreparedRecord p, int excludeSlot, boolean adjust) {
        int[] candidates = candidates(p, excludeSlot);
        core.termCounts.frequencies(p.comparable, adjust, frequencies);
        Scored[] scored = new Scored[candidates.length];
        boolean linked = false;
        for (int k = 0; k < candidates.length; k++) {
            int s = candidates[k];
            scored[k] = new Scored(s, core.recordId(s), weight(p.comparable, core.comparable(s)));
            linked |= scored[k].weight >= core.config.thresholdWeight;
        }
        if (!linked) {
            int[] found = neighbours(p, excludeSlot, candidates);
            int from = scored.length;
            scored = Arrays.copyOf(scored, from + found.length);
            for (int k = 0; k < found.length; k++) {
                int s = found[k];
                scored[from + k] = new Scored(s, core.recordId(s), weight(p.comparable, core.comparable(s)));
            }
        }
        Arrays.sort(scored, Comparator.comparingDouble((Scored x) -> -x.weight).thenComparing(x -> x.recordId));
        return scored;
    }

    /**
     * The nearest neighbours of {@code p} that are not among its blocked {@code candidates}: the batch run's
     * search ({@link NearestNeighbours#nearest}) over the indexed records as the pool stands with {@code p}
     * in it (and the record of {@code excludeSlot}, which it replaces, out). So a token's weight is
     * {@code ln(n / df)} with the counts of this moment, as term frequencies are; ties go to the smaller record
     * id, as in a batch run over records sorted by id. Empty when the search is off.
     */
    int[] neighbours(PreparedRecord p, int excludeSlot, int[] candidates) {
        NearestNeighbours<ComparableRecord> search = core.config.search;
        if (search == null) {
            return new int[0];
        }
        long[] tokens = core.tokensOf(p);
        long[] replaced = excludeSlot >= 0 ? core.tokensOf(excludeSlot) : new long[0];
        int records = core.size() + 1 - (excludeSlot >= 0 ? 1 : 0);
        PostingTable table = core.tokenPostings;
        NearestNeighbours.Postings asAdded = new NearestNeighbours.Postings() {
            @Override
            public int count(long token) {
                return table.count(token) + 1 - (Arrays.binarySearch(replaced, token) >= 0 ? 1 : 0);
            }

            @Override
            public int[] members(long token) {
                return table.members(token);
            }
        };
        int[] found = search.nearest(tokens, records, asAdded, s -> s == excludeSlot,
                (a, b) -> core.recordId(a).compareTo(core.recordId(b)));
        IntSet blocked = new IntSet(candidates.length * 2 + 4);
        for (int s : candidates) {
            blocked.add(s);
        }
        int[] fresh = new int[found.length];
        int n = 0;
        for (int s : found) {
            if (!blocked.contains(s)) {
                fresh[n++] = s;
            }
        }
        return Arrays.copyOf(fresh, n);
    }

    /** The weight of two indexed records, with the frequencies of {@code a}'s values. */
    double pairWeight(int a, int b, boolean adjust) {
        core.termCounts.frequencies(core.comparable(a), adjust, frequencies);
        return weight(core.comparable(a), core.comparable(b));
    }

    /** The explanation of the pair, with the frequencies last loaded by {@link #scoreAll} or {@link #links}. */
    Explanation explain(ComparableRecord a, ComparableRecord b) {
        fillLevels(a, b);
        return IndexedModel.of(core.config.model).explain(levels, frequencies);
    }

    /** The explanation of a stored link, with the current frequencies of {@code a}'s values. */
    Explanation explainLink(ComparableRecord a, ComparableRecord b, boolean adjust) {
        core.termCounts.frequencies(a, adjust, frequencies);
        return explain(a, b);
    }

    private double weight(ComparableRecord a, ComparableRecord b) {
        fillLevels(a, b);
        return IndexedModel.of(core.config.model).matchWeight(levels, frequencies);
    }

    private void fillLevels(ComparableRecord a, ComparableRecord b) {
        for (int c = 0; c < levels.length; c++) {
            Comparison<ComparableRecord> comparison = comparisons.get(c);
            int level = comparison.level(a, b);
            if (level < 0 || level >= comparison.levels().size()) {
                throw new IllegalStateException("comparison '" + comparison.name() + "' returned level " + level
                        + ", outside its " + comparison.levels().size() + " levels");
            }
            levels[c] = level;
        }
    }

    /** The distinct candidate slots of {@code p}, excluding {@code excludeSlot}. */
    int[] candidates(PreparedRecord p, int excludeSlot) {
        IntSet found = new IntSet(64);
        for (int k = 0; k < p.keyHashes.length; k++) {
            long key = p.keyHashes[k];
            int count = core.postings.count(key);
            if (count == 0) {
                continue;
            }
            boolean excludedHere = excludeSlot >= 0 && carries(core.keyHashes[excludeSlot], key);
            int others = count - (excludedHere ? 1 : 0);
            if (others == 0) {
                continue;
            }
            int ruleIndex = p.keyRules[k];
            BlockingRule<ComparableRecord> rule = core.config.blockingRules.get(ruleIndex);
            // As the batch blocker: a record that does not pair with all pairs only with those that do.
            boolean withAll = rule.pairsWithAll(p.comparable);
            int maxBlockSize = core.maxBlockSize(ruleIndex);
            if (others + 1 <= maxBlockSize) {
                for (int s : core.postings.members(key)) {
                    if (s != excludeSlot && (withAll || rule.pairsWithAll(core.comparable(s)))) {
                        found.add(s);
                    }
                }
                continue;
            }
            // Oversize: the sub-blocks and the window are read from the block's look-up structure, which gives
            // what the batch takes over the whole block (the window and the sub-blocks), filtered after.
            OversizeBlock block = core.oversizeBlock(key);
            if (!withAll) {
                // Only members that pair with all can be found for a record that does not: a block without
                // one finds nothing (most records of a common name's block have a name and a date of birth).
                int pairing = block.pairingWithAll()
                        - (excludedHere && rule.pairsWithAll(core.comparable(excludeSlot)) ? 1 : 0);
                if (pairing == 0) {
                    continue;
                }
            }
            IntSet near = new IntSet(2 * core.config.windowSize);
            boolean placed = split(p, ruleIndex, block, excludedHere ? excludeSlot : -1, maxBlockSize, !withAll, near);
            IntSet window = new IntSet(2 * core.config.windowSize);
            block.window(orderingKey(rule, p.comparable), p.recordId(), excludeSlot, core.config.windowSize - 1,
                    window);
            for (int s : window.toArray()) {
                // As the batch: the window pairs only where one of the two has no split key.
                if (!placed || !hasSplitKey(ruleIndex, s)) {
                    near.add(s);
                }
            }
            for (int s : near.toArray()) {
                if (withAll || rule.pairsWithAll(core.comparable(s))) {
                    found.add(s);
                }
            }
        }
        return found.toArray();
    }

    /** Whether a slot's key hashes hold {@code key}. */
    private static boolean carries(long[] keyHashes, long key) {
        for (long k : keyHashes) {
            if (k == key) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the members of an oversize block that share one of the record's {@linkplain BlockingRule#splitKeys
     * split keys}, for each such key shared by at most {@code maxBlockSize} records (the record included), as
     * the batch blocker splits the block, or only those of them that pair with all when {@code onlyPairing};
     * returns whether the record has a split key of the rule. Keys are compared by their 64-bit hashes
     * ({@link PreparedRecord#splitHashes}), and each is a look-up in the block's sub-block postings: the cost
     * is the record's split keys and the members of its sub-blocks, whatever the size of the block.
     *
     * @param excludeSlot a member of the block to leave out (the record's old version), or -1
     */
    private boolean split(PreparedRecord p, int ruleIndex, OversizeBlock block, int excludeSlot, int maxBlockSize,
            boolean onlyPairing, IntSet found) {
        long[] probeKeys = PreparedRecord.splitHashes(p.comparable, new int[] {ruleIndex},
                core.config.blockingRules);
        for (long hash : probeKeys) {
            int count = block.splitCount(hash);
            if (count > 0 && excludeSlot >= 0 && Arrays.binarySearch(core.splitHashes(excludeSlot), hash) >= 0) {
                count--;
            }
            if (count == 0 || count + 1 > maxBlockSize) {
                continue;
            }
            for (int s : block.splitMembers(hash, onlyPairing)) {
                if (s != excludeSlot) {
                    found.add(s);
                }
            }
        }
        return probeKeys.length > 0;
    }

    /** Whether the record in {@code slot} has a split key of rule {@code ruleIndex} (its cached hashes). */
    private boolean hasSplitKey(int ruleIndex, int slot) {
        for (long hash : core.splitHashes(slot)) {
            if (PreparedRecord.ruleOf(hash) == ruleIndex) {
                return true;
            }
        }
        return false;
    }

    private static String orderingKey(BlockingRule<ComparableRecord> rule, ComparableRecord record) {
        String key = rule.orderingKey(record);
        return key == null ? "" : key;
    }

    /** A candidate slot with its weight. */
    record Scored(int slot, String recordId, double weight) {
    }

    /** The scored pairs of a record about to be added: parallel slot and weight arrays. */
    static final class Links {
        static final Links NONE = new Links(new int[0], new double[0]);
        private final int[] slots;
        private final double[] weights;

        Links(int[] slots, double[] weights) {
            this.slots = slots;
            this.weights = weights;
        }

        int size() {
            return slots.length;
        }

        int slot(int k) {
            return slots[k];
        }

        double weight(int k) {
            return weights[k];
        }
    }
}
