package io.github.palimpsest.pipeline;

import io.github.palimpsest.block.BlockingReport;
import java.util.Arrays;

/**
 * The candidate pairs a run compares: the blocker's pairs as they are, or, when records come from sources
 * and only pairs across sources may link, the blocker's pairs across sources. Packed as
 * {@link CandidatePairs} packs them, in ascending order. Immutable.
 */
public final class Candidates {
    private final CandidatePairs blocked;
    /** The pairs kept, or null when every blocked pair is kept (no copy of a large pool's pairs). */
    private final long[] kept;

    private Candidates(CandidatePairs blocked, long[] kept) {
        this.blocked = blocked;
        this.kept = kept;
    }

    /** Every pair the blocker proposed. */
    public static Candidates of(CandidatePairs blocked) {
        return new Candidates(blocked, null);
    }

    /** The blocked pairs whose two records come from different sources ({@code sourceOf[record]}). */
    public static Candidates acrossSources(CandidatePairs blocked, int[] sourceOf) {
        long[] all = blocked.toArray();
        int kept = 0;
        for (long pair : all) {
            if (sourceOf[CandidatePairs.left(pair)] != sourceOf[CandidatePairs.right(pair)]) {
                all[kept++] = pair;
            }
        }
        return new Candidates(blocked, Arrays.copyOf(all, kept));
    }

    /** The number of pairs. */
    public int size() {
        return kept == null ? blocked.size() : kept.length;
    }

    /** The {@code k}-th pair, packed; split it with {@link CandidatePairs#left} and {@link CandidatePairs#right}. */
    public long pair(int k) {
        return kept == null ? blocked.pair(k) : kept[k];
    }

    /** The pairs as an array (a copy). */
    public long[] toArray() {
        return kept == null ? blocked.toArray() : kept.clone();
    }

    /** The pairs the blocker proposed before any were dropped. */
    public CandidatePairs blocked() {
        return blocked;
    }

    /** What each blocking rule contributed. */
    public BlockingReport report() {
        return blocked.report();
    }
}
