package io.github.palimpsest.index;

import io.github.palimpsest.index.ChangeReport.Reclustering;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.review.ReviewDecisions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of a {@link LinkIndex} and the single-threaded algorithms that change it. Not thread-safe:
 * {@link LinkIndex} calls the mutators under its write lock and the readers under its read lock.
 *
 * <p>Records live in <em>slots</em>, indexes into parallel arrays; a removed record's slot is reused.
 * Per slot: the record, its comparable form, its cluster (the slot of the cluster's anchor, the member with
 * the smallest record id, and a circular list through the members), and its scored pairs, both directions:
 * the <em>edges</em> of the link graph (every scored pair at or above {@link IndexConfig#edgeWeight}: the
 * threshold, or 0 bits when the index makes supported links) and, only when it does, the pairs below it, whose
 * weights the support of a link below the threshold averages over. The supported links clustering made are
 * kept too, for the people's patterns.
 */
final class IndexCore {
    private static final Logger LOG = LoggerFactory.getLogger(IndexCore.class);
    final IndexConfig config;
    final PostingTable postings;
    final TermCounts termCounts;
    /**
     * The nearest-neighbour search's postings: token hash to the slots carrying it; null when the search is
     * off. Kept like the blocking keys' postings; a record's tokens are recomputed from it to remove it.
     */
    final PostingTable tokenPostings;
    /** Set during a bulk build: the adds block only, and the search runs once over the whole pool after. */
    boolean searchDeferred;
    private final Map<String, Integer> slotOf = new HashMap<>();
    final EntityIdTable entityIds = new EntityIdTable(this);

    /** Per slot: the record id, or null for a free slot. */
    String[] recordIds;
    /** Per slot: the distinct blocking-key hashes, kept for removal and saving. */
    long[][] keyHashes;
    /** Per slot: the record and its comparable form; null until first needed after a load (see below). */
    private PersonRecord[] records;
    private ComparableRecord[] comparable;
    /**
     * Per slot: the saved form of a record loaded from a file and not yet rebuilt, else null. Loading leaves
     * records in this form so that a restart takes seconds; they are rebuilt on first use, or by the
     * background warm-up. Set only under the write lock (or before the index is published), read under
     * either lock.
     */
    private SavedRecord[] pending;
    /**
     * Per slot: the split-key hashes of the record for every rule it has a blocking key of
     * ({@link #splitHashes}) and its ordering keys ({@link #orderingKey}), computed on first need: what an
     * oversize block's look-up structure ({@link OversizeBlock}) sorts and posts its members by, computed once
     * per record rather than once per block and look-up.
     */
    private BlockKeys[] blockKeys;
    /**
     * The look-up structures of oversize blocks ({@link OversizeBlock}), by blocking-key hash: built the first
     * time a look-up meets the block oversize (under either lock: a concurrent map, so two readers build it
     * once), then kept as members come and go, and dropped when the block falls below half its maximum size.
     * A loaded index builds them as it meets them, as it rebuilds records.
     */
    private final ConcurrentHashMap<Long, OversizeBlock> oversizeBlocks = new ConcurrentHashMap<>();
    int[] anchor;
    int[] next;
    int[][] edgeTo;
    double[][] edgeWeight;
    int[] edgeCount;
    /** Per slot: the scored pairs below the edge weight (kept only when the index makes supported links). */
    int[][] scoredTo;
    double[][] scoredWeight;
    int[] scoredCount;
    /** The supported links clustering made (edges below the threshold that joined a record), as packed slot pairs. */
    private final Set<Long> supported = new HashSet<>();
    private int highWater;
    private int[] freeSlots = new int[16];
    private int freeCount;
    /** The number of people: kept by the changes. */
    int clusterCount;
    /** Edges at or above the threshold. */
    private int linkCount;
    /** Edges, whatever their weight. */
    private int edgeTotal;
    /** Scored pairs below the edge weight. */
    private long scoredTotal;
    private long boundedChanges;
    /** Local index of a slot during re-clustering, else -1. */
    int[] localIndex;
    /**
     * The review decisions, by record id: kept for records not (or no longer) indexed too, so a decision
     * applies whenever both its records are present. Replaced, never changed, under the write lock.
     */
    ReviewDecisions decisions = ReviewDecisions.none();

    IndexCore(IndexConfig config, int expectedRecords) {
        this.config = config;
        int capacity = Math.max(16, expectedRecords);
        this.postings = new PostingTable(expectedRecords * 6);
        this.termCounts = new TermCounts(config.termFrequencyComparisons);
        // About thirty tokens a record (name trigrams, date parts, postcode parts, address words).
        this.tokenPostings = config.search == null ? null : new PostingTable(expectedRecords * 16);
        recordIds = new String[capacity];
        keyHashes = new long[capacity][];
        records = new PersonRecord[capacity];
        comparable = new ComparableRecord[capacity];
        pending = new SavedRecord[capacity];
        blockKeys = new BlockKeys[capacity];
        anchor = new int[capacity];
        next = new int[capacity];
        edgeTo = new int[capacity][];
        edgeWeight = new double[capacity][];
        edgeCount = new int[capacity];
        scoredTo = new int[capacity][];
        scoredWeight = new double[capacity][];
        scoredCount = new int[capacity];
        localIndex = new int[capacity];
        Arrays.fill(localIndex, -1);
    }

    int size() {
        return slotOf.size();
    }

    int clusterCount() {
        return clusterCount;
    }

    /** The links: edges at or above the threshold, and the supported links below it. */
    int linkCount() {
        return linkCount + supported.size();
    }

    /** The edges of the link graph, whatever their weight. */
    int edgeTotal() {
        return edgeTotal;
    }

    /** The scored pairs kept below the edge weight. */
    long scoredTotal() {
        return scoredTotal;
    }

    /** The stored weight of the pair {@code a – b} (an edge or a scored pair below the edges), or NaN. */
    double storedWeight(int a, int b) {
        if (edgeCount[b] + scoredCount[b] < edgeCount[a] + scoredCount[a]) { // read the shorter lists
            int swap = a;
            a = b;
            b = swap;
        }
        int[] to = edgeTo[a];
        for (int e = 0; e < edgeCount[a]; e++) {
            if (to[e] == b) {
                return edgeWeight[a][e];
            }
        }
        to = scoredTo[a];
        for (int e = 0; e < scoredCount[a]; e++) {
            if (to[e] == b) {
                return scoredWeight[a][e];
            }
        }
        return Double.NaN;
    }

    /** Whether the edge {@code a – b} is a supported link clustering made. */
    boolean isSupported(int a, int b) {
        return !supported.isEmpty() && supported.contains(CandidatePairs.pack(a, b));
    }

    /** Records that the edge {@code a – b} joined a record as a supported link. */
    void markSupported(int a, int b) {
        supported.add(CandidatePairs.pack(a, b));
    }

    /** Forgets the supported links of {@code slot}'s edges (before its person is re-clustered, or it leaves). */
    void clearSupported(int slot) {
        if (supported.isEmpty()) {
            return;
        }
        for (int e = 0; e < edgeCount[slot]; e++) {
            supported.remove(CandidatePairs.pack(slot, edgeTo[slot][e]));
        }
    }

    /** The supported links, as packed slot pairs. */
    long[] supportedPairs() {
        return supported.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The slot of a record id, or -1. */
    int slotOf(String recordId) {
        Integer slot = slotOf.get(recordId);
        return slot == null ? -1 : slot;
    }

    /** Slots in use, ascending. */
    int[] usedSlots() {
        int[] used = new int[size()];
        int n = 0;
        for (int s = 0; s < highWater; s++) {
            if (recordIds[s] != null) {
                used[n++] = s;
            }
        }
        return used;
    }

    /** The record id in a used slot. */
    String recordId(int slot) {
        return recordIds[slot];
    }

    /**
     * The record in a used slot, rebuilt from its saved form on first use after a load. Safe under the read
     * lock: two readers may both rebuild it, and each publishes an immutable object whose fields are all
     * final, so either copy is complete wherever it is seen.
     */
    PersonRecord record(int slot) {
        PersonRecord record = records[slot];
        if (record == null) {
            record = pending[slot].rebuild();
            records[slot] = record;
        }
        return record;
    }

    /** The comparable form of the record in a used slot, built on first use after a load. */
    ComparableRecord comparable(int slot) {
        ComparableRecord c = comparable[slot];
        if (c == null) {
            c = ComparableRecord.of(record(slot));
            comparable[slot] = c;
        }
        return c;
    }

    /**
     * The split-key hashes of the record in a used slot, for every rule it has a blocking key of
     * ({@link PreparedRecord#splitHashes}, distinct and ascending, the rule index in the low 8 bits), computed
     * on first use. Safe under the read lock as {@link #comparable} is: the holder's fields are final.
     */
    long[] splitHashes(int slot) {
        return blockKeys(slot).splitHashes;
    }

    /**
     * The ordering key ({@link io.github.palimpsest.block.BlockingRule#orderingKey}, "" for null) of the
     * record in a used slot under rule {@code rule}, computed on first use. Safe under the read lock: two
     * readers may both compute it and each stores an equal immutable string.
     */
    String orderingKey(int slot, int rule) {
        BlockKeys keys = blockKeys(slot);
        String key = keys.orderingKeys[rule];
        if (key == null) {
            key = config.blockingRules.get(rule).orderingKey(comparable(slot));
            key = key == null ? "" : key;
            keys.orderingKeys[rule] = key;
        }
        return key;
    }

    private BlockKeys blockKeys(int slot) {
        BlockKeys cached = blockKeys[slot];
        if (cached == null) {
            long[] keys = keyHashes[slot];
            int[] rules = new int[keys.length];
            int n = 0;
            for (long key : keys) {
                int rule = PreparedRecord.ruleOf(key);
                boolean seen = false;
                for (int k = 0; k < n && !seen; k++) {
                    seen = rules[k] == rule;
                }
                if (!seen) {
                    rules[n++] = rule;
                }
            }
            cached = new BlockKeys(PreparedRecord.splitHashes(comparable(slot), Arrays.copyOf(rules, n),
                    config.blockingRules), new String[config.blockingRules.size()]);
            blockKeys[slot] = cached;
        }
        return cached;
    }

    /**
     * What an oversize block needs of a member, cached: immutable but for the ordering keys, filled in as
     * needed with immutable strings; the fields are final, so a holder is seen complete by every thread.
     */
    private static final class BlockKeys {
        final long[] splitHashes;
        final String[] orderingKeys;

        BlockKeys(long[] splitHashes, String[] orderingKeys) {
            this.splitHashes = splitHashes;
            this.orderingKeys = orderingKeys;
        }
    }

    /**
     * The look-up structure of the block of blocking-key hash {@code key}, built from its members on first
     * need. Under the write lock, or the read lock: the map builds a block once however many readers ask,
     * and no writer runs meanwhile.
     */
    OversizeBlock oversizeBlock(long key) {
        OversizeBlock block = oversizeBlocks.get(key);
        if (block == null) {
            block = oversizeBlocks.computeIfAbsent(key,
                    k -> OversizeBlock.of(this, PreparedRecord.ruleOf(k), postings.members(k)));
        }
        return block;
    }

    /** The largest block of rule {@code rule} paired in full: the smaller of the index's and the rule's. */
    int maxBlockSize(int rule) {
        return Math.min(config.maxBlockSize, config.blockingRules.get(rule).maxBlockSize());
    }

    /** The saved form of the record in a used slot, without rebuilding it. */
    SavedRecord saved(int slot) {
        SavedRecord saved = pending[slot];
        return saved != null ? saved : SavedRecord.of(record(slot));
    }

    /** Whether some loaded record has not been rebuilt yet (its pending form still held). */
    boolean hasPending(int fromSlot, int toSlot) {
        for (int s = fromSlot; s < Math.min(toSlot, highWater); s++) {
            if (pending[s] != null) {
                return true;
            }
        }
        return false;
    }

    /** Rebuilds the loaded records of a slot range: call under the read lock. */
    void materialise(int fromSlot, int toSlot) {
        for (int s = fromSlot; s < Math.min(toSlot, highWater); s++) {
            if (pending[s] != null) {
                comparable(s);
            }
        }
    }

    /** Drops the saved form of records already rebuilt in a slot range: call under the write lock. */
    void releasePending(int fromSlot, int toSlot) {
        for (int s = fromSlot; s < Math.min(toSlot, highWater); s++) {
            if (pending[s] != null && comparable[s] != null) {
                pending[s] = null;
            }
        }
    }

    int highWater() {
        return highWater;
    }

    // ---------------------------------------------------------------- changes

    /**
     * Replaces the record in {@code oldSlot} (or nothing, -1) by {@code added} (or nothing, null) and
     * re-clusters every record whose person the change can affect.
     */
    ChangeReport change(int oldSlot, PreparedRecord added) {
        String recordId = added != null ? added.recordId() : recordIds[oldSlot];
        // Frequencies first, so the new record is scored against the pool it belongs to (as in a batch run).
        if (oldSlot >= 0) {
            termCounts.remove(comparable(oldSlot));
        }
        if (added != null) {
            termCounts.add(added.comparable);
        }
        int sizeAfter = size() - (oldSlot >= 0 ? 1 : 0) + (added != null ? 1 : 0);
        Scoring.Links links = added == null ? Scoring.Links.NONE
                : new Scoring(this).links(added, oldSlot, config.adjustsTermFrequencies(sizeAfter));

        // Every record whose person can change is in the link-graph component of the old record or of one of
        // the new record's edges; clustering decisions never cross components (a merge needs an edge, and the
        // support of a link averages over pairs inside the two clusters it joins).
        IntSet seeds = new IntSet(links.size() + 1);
        if (oldSlot >= 0) {
            seeds.add(oldSlot);
        }
        int newEdges = 0;
        for (int k = 0; k < links.size(); k++) {
            if (links.weight(k) >= config.edgeWeight) { // a pair below the edges joins no component
                seeds.add(links.slot(k));
                newEdges++;
            }
        }
        if (added != null) {
            // A reviewer's match joins the new record to its partner whatever their links.
            for (int partner : matchPartners(added.recordId())) {
                if (partner != oldSlot) {
                    seeds.add(partner);
                }
            }
        }
        int[] affected = component(seeds, newEdges);
        if (affected == null) {
            // Over the budget: re-clustering the whole component would hold the write lock for too long.
            boundedChanges++;
            return BoundedReclustering.change(this, oldSlot, added, links, recordId);
        }
        Map<String, List<String>> before = People.snapshot(this, affected);
        for (int s : affected) {
            if (anchor[s] == s) {
                entityIds.retire(s);
            }
        }
        clusterCount -= before.size();

        if (oldSlot >= 0) {
            detach(oldSlot);
        }
        int newSlot = -1;
        if (added != null) {
            newSlot = attach(added);
            for (int k = 0; k < links.size(); k++) {
                connect(newSlot, links.slot(k), links.weight(k));
            }
        }
        int[] now = withAndWithout(affected, oldSlot, newSlot);
        ComponentClustering.recluster(this, now);
        Map<String, List<String>> after = People.snapshot(this, now);
        clusterCount += after.size();
        return ChangeReports.of(recordId, oldSlot >= 0, added != null, before, after, Reclustering.EXACT);
    }

    /**
     * The slots reachable from the seeds over links, the seeds included, or null as soon as they hold more
     * than {@link IndexConfig#maxReclusterLinks} links counting {@code newLinks} links about to be added: the
     * walk stops there, so a change to a huge component pays for the budget, not for the component.
     */
    int[] component(IntSet seeds, int newLinks) {
        long budget = 2L * config.maxReclusterLinks; // each link is seen from both ends
        long ends = 2L * newLinks;
        if (ends > budget) {
            return null;
        }
        IntSet seen = new IntSet(seeds.size() * 4);
        for (int k = 0; k < seeds.size(); k++) {
            seen.add(seeds.get(k));
        }
        for (int k = 0; k < seen.size(); k++) { // seen grows as it is walked: a breadth-first search
            int s = seen.get(k);
            ends += edgeCount[s];
            if (ends > budget) {
                return null;
            }
            for (int e = 0; e < edgeCount[s]; e++) {
                seen.add(edgeTo[s][e]);
            }
            if (!decisions.isEmpty()) {
                for (int partner : matchPartners(recordIds[s])) {
                    seen.add(partner);
                }
            }
        }
        return seen.toArray();
    }

    /** The slots of the indexed records a reviewer matched with {@code recordId}. */
    int[] matchPartners(String recordId) {
        List<ReviewDecision> on = decisions.decisionsOn(recordId);
        if (on.isEmpty()) {
            return new int[0];
        }
        int[] partners = new int[on.size()];
        int n = 0;
        for (ReviewDecision d : on) {
            int slot = d.isMatch() ? slotOf(d.other(recordId)) : -1;
            if (slot >= 0) {
                partners[n++] = slot;
            }
        }
        return Arrays.copyOf(partners, n);
    }

    /**
     * Adds decisions and re-clusters, exactly, the components of the indexed records they name (a decision is
     * rare and a person waits for it, so the re-clustering budget does not apply).
     *
     * @return the decisions naming a record id not indexed (kept: they apply once the record is added)
     * @throws io.github.palimpsest.review.ContradictoryDecisionsException before any change, if the decisions
     *     contradict each other or those already held
     */
    List<ReviewDecision> decide(ReviewDecisions more) {
        ReviewDecisions all = decisions.plus(more);
        List<ReviewDecision> unknown = more.unknownTo(id -> slotOf(id) >= 0);
        decisions = all;
        IntSet seeds = new IntSet(16);
        for (ReviewDecision d : more.decisions()) {
            int a = slotOf(d.recordIdA());
            int b = slotOf(d.recordIdB());
            if (a >= 0 && b >= 0) {
                seeds.add(a);
                seeds.add(b);
            }
        }
        if (seeds.size() == 0) {
            return unknown;
        }
        reclusterExactly(seeds);
        return unknown;
    }

    /** Re-clusters, exactly and whatever their size, the link-graph components of the seeds. */
    private void reclusterExactly(IntSet seeds) {
        int[] affected = wholeComponent(seeds);
        Map<String, List<String>> before = People.snapshot(this, affected);
        for (int s : affected) {
            if (anchor[s] == s) {
                entityIds.retire(s);
            }
        }
        clusterCount -= before.size();
        ComponentClustering.recluster(this, affected);
        clusterCount += People.snapshot(this, affected).size();
    }

    /**
     * Adds records to an empty index as a batch run links them: each is added with the links of its blocked
     * candidates (re-clustered as any add), then, once all are in, every record that no link joins searches
     * for its nearest neighbours over the whole pool with the batch search itself
     * ({@link io.github.palimpsest.pipeline.NearestNeighbours#candidates}), the pairs are scored, those at or
     * above the threshold become links, and the components they touch are re-clustered exactly.
     *
     * @param sorted the records in record-id order, ids distinct
     * @throws IllegalStateException if the index is not empty
     */
    void bulk(List<PreparedRecord> sorted) {
        if (size() != 0 || highWater != 0) {
            throw new IllegalStateException("a bulk build needs an empty index");
        }
        long started = System.nanoTime();
        searchDeferred = true;
        try {
            for (PreparedRecord p : sorted) {
                change(-1, p);
            }
        } finally {
            searchDeferred = false;
        }
        int n = size();
        LOG.info("bulk build: {} records added with their blocked links in {} ms", n,
                (System.nanoTime() - started) / 1_000_000);
        if (config.search == null || n < 2) {
            return;
        }
        started = System.nanoTime();
        // A fresh index fills slots in order: slot i holds the i-th record by id, the batch run's order.
        List<ComparableRecord> pool = new ArrayList<>(n);
        boolean[] unlinked = new boolean[n];
        for (int s = 0; s < n; s++) {
            pool.add(comparable(s));
            unlinked[s] = !linkedAtThreshold(s);
        }
        long[] pairs = config.search.candidates(pool, unlinked, true).toArray();
        Scoring scoring = new Scoring(this);
        boolean adjust = config.adjustsTermFrequencies(n);
        IntSet seeds = new IntSet(64);
        for (long pair : pairs) {
            int a = CandidatePairs.left(pair);
            int b = CandidatePairs.right(pair);
            // As the batch run: a pair blocking already found keeps its weight; only the new ones are scored.
            if (config.supportedLinks && !Double.isNaN(storedWeight(a, b))) {
                continue;
            }
            double weight = scoring.pairWeight(a, b, adjust);
            if (weight >= config.edgeWeight || config.supportedLinks) {
                // A pair below the edges joins no component, but within one it weighs on the support of a link.
                connect(a, b, weight);
                seeds.add(a);
                seeds.add(b);
            }
        }
        long searched = System.nanoTime();
        if (seeds.size() > 0) {
            reclusterExactly(seeds);
        }
        int searching = 0;
        for (boolean u : unlinked) {
            searching += u ? 1 : 0;
        }
        LOG.info("bulk build: {} records without a link searched, {} pairs scored, {} records linked, in {} ms;"
                + " re-clustered in {} ms", searching, pairs.length, seeds.size(),
                (searched - started) / 1_000_000, (System.nanoTime() - searched) / 1_000_000);
    }

    /** Whether a slot has an edge at or above the threshold. */
    private boolean linkedAtThreshold(int slot) {
        for (int e = 0; e < edgeCount[slot]; e++) {
            if (edgeWeight[slot][e] >= config.thresholdWeight) {
                return true;
            }
        }
        return false;
    }

    /** The slots reachable from the seeds over links and review matches, whatever their number. */
    private int[] wholeComponent(IntSet seeds) {
        IntSet seen = new IntSet(seeds.size() * 4);
        for (int k = 0; k < seeds.size(); k++) {
            seen.add(seeds.get(k));
        }
        for (int k = 0; k < seen.size(); k++) {
            int s = seen.get(k);
            for (int e = 0; e < edgeCount[s]; e++) {
                seen.add(edgeTo[s][e]);
            }
            for (int partner : matchPartners(recordIds[s])) {
                seen.add(partner);
            }
        }
        return seen.toArray();
    }

    /** The number of changes re-clustered locally because their component exceeded the budget. */
    long boundedChangeCount() {
        return boundedChanges;
    }

    static int[] withAndWithout(int[] slots, int removed, int added) {
        int[] result = new int[slots.length + 1];
        int n = 0;
        for (int s : slots) {
            if (s != removed) {
                result[n++] = s;
            }
        }
        if (added >= 0) {
            result[n++] = added;
        }
        return Arrays.copyOf(result, n);
    }

    int attach(PreparedRecord p) {
        return attach(p.recordId(), p.keyHashes, tokensOf(p), p);
    }

    /** The search tokens of a record about to be added (null when the search is off). */
    long[] tokensOf(PreparedRecord p) {
        if (config.search == null) {
            return null;
        }
        return p.tokenHashes != null ? p.tokenHashes : config.search.tokenHashes(p.comparable);
    }

    /** The search tokens of the record in a used slot, recomputed from it. */
    long[] tokensOf(int slot) {
        return config.search.tokenHashes(comparable(slot));
    }

    /** Attaches a record: {@code p} is the record when added, null when restored from its saved form. */
    private int attach(String recordId, long[] keys, long[] tokens, PreparedRecord p) {
        int slot = freeCount > 0 ? freeSlots[--freeCount] : highWater++;
        if (slot == recordIds.length) {
            grow();
        }
        recordIds[slot] = recordId;
        keyHashes[slot] = keys;
        if (p != null) {
            records[slot] = p.record;
            comparable[slot] = p.comparable;
        }
        anchor[slot] = slot;
        next[slot] = slot;
        edgeCount[slot] = 0;
        scoredCount[slot] = 0;
        slotOf.put(recordId, slot);
        for (long key : keys) {
            postings.add(key, slot);
            OversizeBlock block = oversizeBlocks.isEmpty() ? null : oversizeBlocks.get(key);
            if (block != null) {
                block.add(slot);
            }
        }
        if (tokenPostings != null) {
            for (long token : tokens) {
                tokenPostings.add(token, slot);
            }
        }
        return slot;
    }

    void detach(int slot) {
        clearSupported(slot);
        for (int e = 0; e < edgeCount[slot]; e++) {
            disconnectOneWay(edgeTo, edgeWeight, edgeCount, edgeTo[slot][e], slot);
            edgeTotal--;
            if (edgeWeight[slot][e] >= config.thresholdWeight) {
                linkCount--;
            }
        }
        edgeTo[slot] = null;
        edgeWeight[slot] = null;
        edgeCount[slot] = 0;
        for (int e = 0; e < scoredCount[slot]; e++) {
            disconnectOneWay(scoredTo, scoredWeight, scoredCount, scoredTo[slot][e], slot);
            scoredTotal--;
        }
        scoredTo[slot] = null;
        scoredWeight[slot] = null;
        scoredCount[slot] = 0;
        for (long key : keyHashes[slot]) {
            postings.remove(key, slot);
            OversizeBlock block = oversizeBlocks.isEmpty() ? null : oversizeBlocks.get(key);
            if (block != null) {
                block.remove(slot);
                if (block.size() < maxBlockSize(PreparedRecord.ruleOf(key)) / 2) {
                    oversizeBlocks.remove(key); // built again if the block grows oversize again
                }
            }
        }
        if (tokenPostings != null) {
            for (long token : tokensOf(slot)) {
                tokenPostings.remove(token, slot);
            }
        }
        slotOf.remove(recordIds[slot]);
        recordIds[slot] = null;
        keyHashes[slot] = null;
        records[slot] = null;
        comparable[slot] = null;
        pending[slot] = null;
        blockKeys[slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
    }

    /**
     * Keeps the scored pair {@code a – b} of weight {@code weight}, in both directions: an edge at or above the
     * edge weight, else a pair for the support of links (only when the index makes supported links).
     */
    void connect(int a, int b, double weight) {
        if (weight >= config.edgeWeight) {
            connectOneWay(edgeTo, edgeWeight, edgeCount, a, b, weight);
            connectOneWay(edgeTo, edgeWeight, edgeCount, b, a, weight);
            edgeTotal++;
            if (weight >= config.thresholdWeight) {
                linkCount++;
            }
        } else if (config.supportedLinks) {
            connectOneWay(scoredTo, scoredWeight, scoredCount, a, b, weight);
            connectOneWay(scoredTo, scoredWeight, scoredCount, b, a, weight);
            scoredTotal++;
        }
    }

    private static void connectOneWay(int[][] tos, double[][] weights, int[] counts, int from, int to, double weight) {
        int count = counts[from];
        if (tos[from] == null) {
            tos[from] = new int[2];
            weights[from] = new double[2];
        } else if (count == tos[from].length) {
            tos[from] = Arrays.copyOf(tos[from], count + (count >> 1) + 1);
            weights[from] = Arrays.copyOf(weights[from], count + (count >> 1) + 1);
        }
        tos[from][count] = to;
        weights[from][count] = weight;
        counts[from] = count + 1;
    }

    private static void disconnectOneWay(int[][] tos, double[][] weights, int[] counts, int from, int to) {
        int count = counts[from];
        for (int e = 0; e < count; e++) {
            if (tos[from][e] == to) {
                tos[from][e] = tos[from][count - 1];
                weights[from][e] = weights[from][count - 1];
                counts[from] = count - 1;
                return;
            }
        }
    }

    private void grow() {
        int capacity = recordIds.length * 2;
        recordIds = Arrays.copyOf(recordIds, capacity);
        keyHashes = Arrays.copyOf(keyHashes, capacity);
        records = Arrays.copyOf(records, capacity);
        comparable = Arrays.copyOf(comparable, capacity);
        pending = Arrays.copyOf(pending, capacity);
        blockKeys = Arrays.copyOf(blockKeys, capacity);
        anchor = Arrays.copyOf(anchor, capacity);
        next = Arrays.copyOf(next, capacity);
        edgeTo = Arrays.copyOf(edgeTo, capacity);
        edgeWeight = Arrays.copyOf(edgeWeight, capacity);
        edgeCount = Arrays.copyOf(edgeCount, capacity);
        scoredTo = Arrays.copyOf(scoredTo, capacity);
        scoredWeight = Arrays.copyOf(scoredWeight, capacity);
        scoredCount = Arrays.copyOf(scoredCount, capacity);
        int old = localIndex.length;
        localIndex = Arrays.copyOf(localIndex, capacity);
        Arrays.fill(localIndex, old, capacity, -1);
    }

    /**
     * Fills an empty core from a saved file: records in slots {@code 0 .. n-1} in their saved form, their key
     * hashes, the saved scored pairs (edges and, with supported links, the pairs below them), the supported
     * links (packed record pairs) and people ({@code anchors[i]} is the slot of record i's anchor), and the term
     * counts, and the search tokens when the search is on ({@code tokens[i]}: record i's). The caller has
     * validated ranges.
     *
     * @throws IllegalArgumentException if a record id repeats or a person's anchor is not its smallest id
     */
    void restore(SavedRecord[] saved, long[][] keys, long[][] tokens, int[] linkLeft, int[] linkRight,
            double[] linkWeight, long[] supportedLinks, int[] anchors) {
        for (int n = 0; n < saved.length; n++) {
            String recordId = saved[n].recordId();
            if (recordId.isEmpty() || slotOf(recordId) >= 0) {
                throw new IllegalArgumentException("record " + n + " has a blank or repeated record id");
            }
            int slot = attach(recordId, keys[n], tokens == null ? null : tokens[n], null);
            pending[slot] = saved[n];
        }
        for (int k = 0; k < linkLeft.length; k++) {
            connect(linkLeft[k], linkRight[k], linkWeight[k]);
        }
        for (long pair : supportedLinks) {
            int a = CandidatePairs.left(pair);
            int b = CandidatePairs.right(pair);
            double weight = storedWeight(a, b);
            if (!(weight >= config.edgeWeight && weight < config.thresholdWeight)) {
                throw new IllegalArgumentException("supported link " + a + "-" + b + " is not an edge below the threshold");
            }
            markSupported(a, b);
        }
        for (int s = 0; s < saved.length; s++) {
            int first = anchors[s];
            if (anchors[first] != first || recordIds[s].compareTo(recordIds[first]) < 0) {
                throw new IllegalArgumentException("record " + s + " names record " + first
                        + " as its person's anchor, which is not the person's smallest record id");
            }
            anchor[s] = first;
            if (s != first) {
                // Members are spliced in after the anchor; the order of a circular member list carries no meaning.
                next[s] = next[first];
                next[first] = s;
            }
        }
        for (int s = 0; s < saved.length; s++) {
            if (anchor[s] == s) {
                entityIds.add(s);
                clusterCount++;
            }
        }
    }

    /** The entity id of the person of {@code slot}. */
    String entityId(int slot) {
        return entityIds.entityId(slot);
    }

    /** The members of the person of {@code slot}, in record-id order. */
    int[] members(int slot) {
        return People.members(this, slot);
    }
}
