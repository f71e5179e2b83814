package io.github.palimpsest.pipeline;

import io.github.palimpsest.cluster.RefusalReason;
import java.util.Arrays;

/**
 * Union–find over records whose roots carry the union of their members' exclusive keys, plus a circular
 * member list per cluster so the rare slow check can visit members. Not thread-safe: one per clustering.
 */
final class ConstrainedMerge {
    private final int[] parent;
    private final int[] size;
    private final int[] next; // circular list of each cluster's members
    private final long[][] rootKeys;
    private final ExclusiveKeys keys;
    private final LongHashSet overwhelmingPairs;
    private final RecordConflicts conflicts;
    private final LongHashSet conflictResolvingPairs;
    /**
     * Per root: the cannot-link keys of its members, sorted. Cannot-link pair k gives its records the keys
     * {@code k << 32 | 0} and {@code k << 32 | 1}: one type, two values, so that {@link ExclusiveKeys#compatible}
     * refuses any cluster holding both, as it refuses two PNC IDs; unlike those, nothing overrides it.
     */
    private final long[][] rootCannot;
    /** Refused links, packed, with their weight and reason (a {@link RefusalReason} ordinal). */
    private long[] refusedPairs = new long[16];
    private double[] refusedWeights = new double[16];
    private byte[] refusedReasons = new byte[16];
    int refusedCount;
    /** Every used link's other end per record (compressed rows), for counting links between two clusters; null when not needed. */
    private int[] linkStart;
    private int[] linkTo;
    /** Each record's offered links (compressed rows: other end, and the link's position), for a lone record's rivals. */
    private int[] offeredStart;
    private int[] offeredTo;
    private int[] offeredLink;
    /** The offered links' weights, by position. */
    private double[] offeredWeights;

    /** Every scored pair's weight, for the support of a link below the threshold; {@link PairWeights#NONE} when off. */
    private PairWeights pairWeights = PairWeights.NONE;
    private double threshold = Double.NEGATIVE_INFINITY;

    /** The links below the threshold that joined two clusters, packed. */
    private long[] supportedPairs = new long[16];
    private int supportedCount;

    int merges;
    int overrides;
    int constraintRejections;
    int chainGuardRejections;
    int uncorroboratedRejections;
    int decisionRejections;
    int decidedMerges;

    ConstrainedMerge(int recordCount, ExclusiveKeys keys, LongHashSet overwhelmingPairs, RecordConflicts conflicts,
                     LongHashSet conflictResolvingPairs) {
        parent = new int[recordCount];
        size = new int[recordCount];
        next = new int[recordCount];
        rootKeys = new long[recordCount][];
        for (int r = 0; r < recordCount; r++) {
            parent[r] = r;
            size[r] = 1;
            next[r] = r;
            rootKeys[r] = keys.of(r);
        }
        this.keys = keys;
        this.overwhelmingPairs = overwhelmingPairs;
        this.conflicts = conflicts;
        this.conflictResolvingPairs = conflictResolvingPairs;
        this.rootCannot = new long[recordCount][];
    }

    /**
     * Gives records their cannot-link keys, then joins every must-link pair regardless of the other
     * constraints (a reviewer's word outranks the model's evidence).
     *
     * @throws IllegalArgumentException if must-links join a cannot-link pair
     */
    void applyDecisions(PairDecisions decisions) {
        long[] cannot = decisions.cannotLinkPairs();
        if (cannot.length > 0) {
            long[][] perRecord = new long[parent.length][];
            for (int k = 0; k < cannot.length; k++) {
                int a = (int) (cannot[k] >>> 32);
                int b = (int) cannot[k];
                perRecord[a] = append(perRecord[a], (long) k << 32);
                perRecord[b] = append(perRecord[b], (long) k << 32 | 1);
            }
            for (int r = 0; r < parent.length; r++) {
                if (perRecord[r] != null) {
                    Arrays.sort(perRecord[r]); // ascending k: appended in order already, sorted for safety
                    rootCannot[r] = perRecord[r];
                }
            }
        }
        for (long pair : decisions.mustLinkPairs()) {
            int a = (int) (pair >>> 32);
            int b = (int) pair;
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                continue;
            }
            if (!cannotCompatible(ra, rb)) {
                throw new IllegalArgumentException("the must-link " + a + "-" + b
                        + " would join a cannot-link pair through other must-links");
            }
            union(ra, rb);
            decidedMerges++;
        }
    }

    private static long[] append(long[] keys, long key) {
        if (keys == null) {
            return new long[] {key};
        }
        long[] grown = Arrays.copyOf(keys, keys.length + 1);
        grown[keys.length] = key;
        return grown;
    }

    private boolean cannotCompatible(int ra, int rb) {
        long[] ca = rootCannot[ra];
        long[] cb = rootCannot[rb];
        return ca == null || cb == null || ExclusiveKeys.compatible(ca, 0, ca.length, cb, 0, cb.length);
    }

    private void refuse(int a, int b, double weight, RefusalReason reason) {
        if (refusedCount == refusedPairs.length) {
            int grown = refusedCount * 2;
            refusedPairs = Arrays.copyOf(refusedPairs, grown);
            refusedWeights = Arrays.copyOf(refusedWeights, grown);
            refusedReasons = Arrays.copyOf(refusedReasons, grown);
        }
        refusedPairs[refusedCount] = pack(a, b);
        refusedWeights[refusedCount] = weight;
        refusedReasons[refusedCount] = (byte) reason.ordinal();
        refusedCount++;
    }

    long[] refusedPairs() {
        return Arrays.copyOf(refusedPairs, refusedCount);
    }

    double[] refusedWeights() {
        return Arrays.copyOf(refusedWeights, refusedCount);
    }

    byte[] refusedReasons() {
        return Arrays.copyOf(refusedReasons, refusedCount);
    }

    /**
     * Records the links (packed pairs, as {@link #pack}) so that a merge can count the links between two
     * clusters, not only the one offered; needed only when lone links are checked.
     */
    void indexLinks(long[] pairs) {
        linkStart = new int[parent.length + 1];
        linkTo = new int[2 * pairs.length];
        rows(pairs, linkStart, linkTo, null);
    }

    /**
     * Fills compressed rows of the pairs' two directions: {@code start[r] .. start[r + 1]} index record r's
     * other ends in {@code to}, and in {@code linkOf} (when not null) the position of each one's pair.
     */
    private static void rows(long[] pairs, int[] start, int[] to, int[] linkOf) {
        int records = start.length - 1;
        for (long p : pairs) {
            start[(int) (p >>> 32) + 1]++;
            start[(int) p + 1]++;
        }
        for (int r = 0; r < records; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = Arrays.copyOf(start, records);
        for (int k = 0; k < pairs.length; k++) {
            int a = (int) (pairs[k] >>> 32);
            int b = (int) pairs[k];
            if (linkOf != null) {
                linkOf[fill[a]] = k;
                linkOf[fill[b]] = k;
            }
            to[fill[a]++] = b;
            to[fill[b]++] = a;
        }
    }

    /**
     * Lets links below {@code threshold} join clusters that support them (see {@link #offerBelowThreshold}).
     *
     * @param pairs every link offered, packed; {@code weights} theirs
     */
    void supportLinks(PairWeights weights, double threshold, long[] pairs, double[] linkWeights) {
        this.pairWeights = weights;
        this.threshold = threshold;
        offeredStart = new int[parent.length + 1];
        offeredTo = new int[2 * pairs.length];
        offeredLink = new int[2 * pairs.length];
        rows(pairs, offeredStart, offeredTo, offeredLink);
        offeredWeights = linkWeights;
    }

    /**
     * Whether the lone record {@code x} is more likely than not to be the person rooted at {@code root} rather
     * than anyone else it was offered a link to: a record is at most one person, so the odds of its links to
     * different people share one probability. With odds 2^w for the link to {@code root} and 2^w' for the
     * strongest link to each other person, the link's share is 2^w / (1 + 2^w + Σ 2^w'), at least one half
     * when 2^w ≥ 1 + Σ 2^w'. A number that sixty strangers share gives a purged record sixty equal rivals.
     */
    private boolean outweighsRivals(int x, int root, double weight) {
        int from = offeredStart[x];
        int to = offeredStart[x + 1];
        long[] rivals = new long[to - from]; // (rival root, index of the link) to take each person's strongest
        int count = 0;
        for (int k = from; k < to; k++) {
            int r = find(offeredTo[k]);
            if (r != root) {
                rivals[count++] = (long) r << 32 | k;
            }
        }
        Arrays.sort(rivals, 0, count);
        double rivalOdds = 0;
        for (int i = 0; i < count; ) {
            int r = (int) (rivals[i] >>> 32);
            double strongest = Double.NEGATIVE_INFINITY;
            for (; i < count && (int) (rivals[i] >>> 32) == r; i++) {
                strongest = Math.max(strongest, offeredWeights[offeredLink[(int) rivals[i]]]);
            }
            rivalOdds += StrictMath.pow(2, strongest);
        }
        return StrictMath.pow(2, weight) >= 1 + rivalOdds;
    }

    /**
     * Whether the scored pairs between the two clusters, at least two of them (the offered link and one more),
     * weigh for a match on average (mean weight at or above 0 bits).
     */
    private boolean supported(int ra, int rb) {
        double sum = 0;
        int scored = 0;
        int x = ra;
        do {
            int y = rb;
            do {
                double w = pairWeights.weight(x, y);
                if (!Double.isNaN(w)) {
                    sum += w;
                    scored++;
                }
                y = next[y];
            } while (y != rb);
            x = next[x];
        } while (x != ra);
        return scored >= 2 && sum >= 0;
    }

    int find(int record) {
        int root = record;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[record] != root) { // path compression
            int up = parent[record];
            parent[record] = root;
            record = up;
        }
        return root;
    }

    /**
     * Tries to merge the clusters of {@code a} and {@code b} through a link of weight {@code weight}.
     *
     * @param multiRecordMergeWeight the weight a link needs to join two clusters that each hold two or
     *     more records (the weak-chain guard)
     * @param loneLinkWeight the weight at or above which one link alone may join two clusters that each hold
     *     two or more records; a weaker link needs a second link between the two clusters
     */
    void offer(int a, int b, double weight, double multiRecordMergeWeight, double loneLinkWeight) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (weight < threshold) {
            offerBelowThreshold(a, b, weight, ra, rb);
            return;
        }
        if (!cannotCompatible(ra, rb)) {
            decisionRejections++;
            refuse(a, b, weight, RefusalReason.DECISION);
            return;
        }
        if (size[ra] > 1 && size[rb] > 1 && weight < multiRecordMergeWeight) {
            chainGuardRejections++;
            refuse(a, b, weight, RefusalReason.CHAIN_GUARD);
            return;
        }
        if (size[ra] > 1 && size[rb] > 1 && weight < loneLinkWeight && !linkedTwice(ra, rb)) {
            uncorroboratedRejections++;
            refuse(a, b, weight, RefusalReason.LONE_LINK);
            return;
        }
        long[] ka = rootKeys[ra];
        long[] kb = rootKeys[rb];
        if (!ExclusiveKeys.compatible(ka, 0, ka.length, kb, 0, kb.length)) {
            if (!everyConflictIsOverwhelming(ra, rb)) {
                constraintRejections++;
                refuse(a, b, weight, RefusalReason.CONFLICTING_IDENTIFIERS);
                return;
            }
            overrides++;
        }
        if (conflicts != RecordConflicts.NONE && hasUnresolvedConflict(ra, rb)) {
            constraintRejections++;
            refuse(a, b, weight, RefusalReason.CONFLICTING_RECORDS);
            return;
        }
        union(ra, rb);
    }

    /**
     * A link below the threshold joins a lone record to a cluster of two or more records when the scored pairs
     * between them (the link and at least one more) weigh for a match on average, the record is likelier that
     * person than any other it was offered ({@link #outweighsRivals}), and no constraint stands in the way. It
     * never overrides a constraint and is never reported as refused. Two lone records have only their one pair,
     * and two clusters of several records each are never joined so.
     */
    private void offerBelowThreshold(int a, int b, double weight, int ra, int rb) {
        if (size[ra] > 1 == size[rb] > 1 || !cannotCompatible(ra, rb)) {
            return;
        }
        int lone = size[ra] == 1 ? ra : rb;
        int person = lone == ra ? rb : ra;
        long[] ka = rootKeys[ra];
        long[] kb = rootKeys[rb];
        if (!ExclusiveKeys.compatible(ka, 0, ka.length, kb, 0, kb.length)
                || !supported(ra, rb)
                || !outweighsRivals(lone, person, weight)
                || conflicts != RecordConflicts.NONE && hasUnresolvedConflict(ra, rb)) {
            return;
        }
        union(ra, rb);
        if (supportedCount == supportedPairs.length) {
            supportedPairs = Arrays.copyOf(supportedPairs, supportedCount * 2);
        }
        supportedPairs[supportedCount++] = pack(a, b);
    }

    /** The links below the threshold that joined two clusters, packed, in ascending order. */
    long[] supportedPairs() {
        long[] sorted = Arrays.copyOf(supportedPairs, supportedCount);
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * Whether a record of one cluster conflicts with a record of the other without a direct link strong
     * enough to resolve the conflict. Visits every cross pair: clusters of people are small.
     */
    private boolean hasUnresolvedConflict(int ra, int rb) {
        int x = ra;
        do {
            int y = rb;
            do {
                if (conflicts.conflict(x, y) && !conflictResolvingPairs.contains(pack(x, y))
                        && !bridged(x, y, ra) && !bridged(x, y, rb)) {
                    return true;
                }
                y = next[y];
            } while (y != rb);
            x = next[x];
        } while (x != ra);
        return false;
    }

    /** Whether a member of the cluster rooted at {@code root} {@linkplain RecordConflicts#bridges bridges} x and y. */
    private boolean bridged(int x, int y, int root) {
        int z = root;
        do {
            if (z != x && z != y && conflicts.bridges(z, x, y)) {
                return true;
            }
            z = next[z];
        } while (z != root);
        return false;
    }

    /**
     * Whether at least two links, of any weight at or above the threshold and whether offered yet or not, join
     * the two clusters. Walks the smaller cluster's links; stops at the second.
     */
    private boolean linkedTwice(int ra, int rb) {
        if (size[ra] > size[rb]) {
            int swap = ra;
            ra = rb;
            rb = swap;
        }
        long first = -1; // duplicate links are harmless: the second must join another pair of records
        int x = ra;
        do {
            for (int k = linkStart[x]; k < linkStart[x + 1]; k++) {
                if (find(linkTo[k]) == rb) {
                    long pair = pack(x, linkTo[k]);
                    if (first >= 0 && pair != first) {
                        return true;
                    }
                    first = pair;
                }
            }
            x = next[x];
        } while (x != ra);
        return false;
    }

    /**
     * The slow path, taken only when two clusters hold different values of a type: the merge is allowed
     * when every pair of records, one from each cluster, that carries different values has a direct
     * overwhelming link of its own. The check stops at the first pair without one.
     */
    private boolean everyConflictIsOverwhelming(int ra, int rb) {
        if (overwhelmingPairs.isEmpty()) {
            return false;
        }
        int x = ra;
        do {
            if (keys.hasKeys(x)) {
                int y = rb;
                do {
                    if (keys.hasKeys(y) && !keys.compatible(x, y)
                            && !overwhelmingPairs.contains(pack(x, y))) {
                        return false;
                    }
                    y = next[y];
                } while (y != rb);
            }
            x = next[x];
        } while (x != ra);
        return true;
    }

    private void union(int ra, int rb) {
        if (size[ra] < size[rb]) { // union by size keeps the trees shallow
            int swap = ra;
            ra = rb;
            rb = swap;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        rootKeys[ra] = ExclusiveKeys.union(rootKeys[ra], rootKeys[rb]);
        rootKeys[rb] = null;
        if (rootCannot[rb] != null) {
            long[] ca = rootCannot[ra];
            rootCannot[ra] = ca == null ? rootCannot[rb] : ExclusiveKeys.union(ca, rootCannot[rb]);
            rootCannot[rb] = null;
        }
        int afterA = next[ra]; // splice the two circular member lists into one
        next[ra] = next[rb];
        next[rb] = afterA;
        merges++;
    }

    static long pack(int x, int y) {
        return x < y ? (long) x << 32 | y : (long) y << 32 | x;
    }
}
