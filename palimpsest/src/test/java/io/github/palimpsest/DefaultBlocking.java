package io.github.palimpsest;

import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.PipelineRun;
import io.github.palimpsest.record.ComparableRecord;
import java.util.List;

/**
 * The candidate pairs the default linker could compare: the blocking rules of {@code Linker.builder().build()}
 * and its nearest-neighbour search from every record (a run searches only from the records its blocked pairs
 * leave unlinked, so this is an upper bound), built as its runs build them, so that a benchmark follows any
 * change to the defaults. In this package because the linker's kind and settings are package-private.
 */
public final class DefaultBlocking {
    private DefaultBlocking() {
    }

    /** The candidate pairs of {@code pool} under the default linker's blocking and search. */
    public static CandidatePairs candidates(List<ComparableRecord> pool) {
        Linker linker = Linker.builder().build();
        boolean parallel = linker.settings.threads() > 1;
        CandidatePairs blocked = PipelineRun.blocker(linker.kind, linker.settings).candidates(pool);
        return PipelineRun.nearestNeighbours(linker.kind, linker.settings)
                .map(search -> blocked.union(search.candidates(pool, parallel))).orElse(blocked);
    }
}
