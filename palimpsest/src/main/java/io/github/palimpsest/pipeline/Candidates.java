package io.github.palimpsest.pipeline;

import io.github.palimpsest.block.BlockingReport;
import io.github.palimpsest.block.BlockingReport.RuleSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The candidate pairs a run compares: the blocker's pairs as they are, or, when records come from sources
 * and only pairs across sources may link, the blocker's pairs across sources; then, after training, the
 * pairs of the nearest-neighbour search that blocking did not propose. Packed as {@link CandidatePairs}
 * packs them, in ascending order. Immutable.
 */
public final class Candidates {
    private final CandidatePairs blocked;
    /** The pairs kept, or null when every blocked pair is kept (no copy of a large pool's pairs). */
    private final long[] kept;
    private final BlockingReport report;

    private Candidates(CandidatePairs blocked, long[] kept, BlockingReport report) {
        this.blocked = blocked;
        this.kept = kept;
        this.report = report;
    }

    /** Every pair the blocker proposed. */
    public static Candidates of(CandidatePairs blocked) {
        return new Candidates(blocked, null, blocked.report());
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
        return new Candidates(blocked, Arrays.copyOf(all, kept), blocked.report());
    }

    /** The number of pairs. */
    public int size() {
        return kept == null ? blocked.size() : kept.length;
    }

    /** The {@code k}-th pair, packed; split it with {@link CandidatePairs#left} and {@link CandidatePairs#right}. */
    public long pair(int k) {
        return kept == null ? blocked.pair(k) : kept[k];
    }

    /** The position of the packed pair among these pairs, or a negative number when it is not a candidate. */
    public int indexOf(long pair) {
        return kept == null ? blocked.indexOf(pair) : Arrays.binarySearch(kept, pair);
    }

    /** The pairs as an array (a copy). */
    public long[] toArray() {
        return kept == null ? blocked.toArray() : kept.clone();
    }

    /** What each blocking rule (and the nearest-neighbour search, once added) contributed. */
    public BlockingReport report() {
        return report;
    }

    /**
     * The pairs of {@code found} (sorted, distinct, packed) that are not candidates yet, across sources when
     * {@code sourceOf} is not null, in ascending order.
     */
    long[] missing(long[] found, int[] sourceOf) {
        long[] out = new long[found.length];
        int count = 0;
        int k = 0;
        int size = size();
        for (long pair : found) {
            while (k < size && pair(k) < pair) {
                k++;
            }
            if (k < size && pair(k) == pair) {
                continue;
            }
            if (sourceOf == null || sourceOf[CandidatePairs.left(pair)] != sourceOf[CandidatePairs.right(pair)]) {
                out[count++] = pair;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Where each of {@code fresh} (as from {@link #missing}) lands among these pairs and them, merged in order. */
    int[] mergePositions(long[] fresh) {
        int[] positions = new int[fresh.length];
        int k = 0;
        int size = size();
        for (int f = 0; f < fresh.length; f++) {
            while (k < size && pair(k) < fresh[f]) {
                k++;
            }
            positions[f] = k + f;
        }
        return positions;
    }

    /** These candidates and {@code fresh} at {@code positions} (see {@link #mergePositions}), reported as {@code search}. */
    Candidates with(long[] fresh, int[] positions, RuleSummary search) {
        int size = size();
        long[] merged = new long[size + fresh.length];
        int o = 0;
        int f = 0;
        for (int k = 0; k < merged.length; k++) {
            merged[k] = f < fresh.length && positions[f] == k ? fresh[f++] : pair(o++);
        }
        List<RuleSummary> rules = new ArrayList<>(report.rules());
        rules.add(new RuleSummary(search.name(), search.recordsWithKey(), search.blocks(), search.largestBlock(),
                search.oversizeBlocks(), search.pairs(), fresh.length));
        boolean[] paired = new boolean[report.recordCount()];
        for (long pair : merged) {
            paired[CandidatePairs.left(pair)] = true;
            paired[CandidatePairs.right(pair)] = true;
        }
        int unpaired = 0;
        for (boolean p : paired) {
            unpaired += p ? 0 : 1;
        }
        // With sources this counts records in no cross-source pair: those can never be linked.
        BlockingReport widened = new BlockingReport(report.recordCount(), rules, report.oversizeBlocks(),
                report.candidatePairs() + fresh.length, unpaired);
        return new Candidates(blocked, merged, widened);
    }
}
