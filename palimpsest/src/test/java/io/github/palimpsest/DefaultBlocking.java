package io.github.palimpsest;

import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.PipelineRun;
import io.github.palimpsest.record.ComparableRecord;
import java.util.List;

/**
 * The candidate pairs the default linker would block on: the blocker of {@code Linker.builder().build()}, built
 * as its runs build it, so that a benchmark follows any change to the defaults. In this package because the
 * linker's kind and settings are package-private.
 */
public final class DefaultBlocking {
    private DefaultBlocking() {
    }

    /** The candidate pairs of {@code pool} under the default linker's blocking. */
    public static CandidatePairs candidates(List<ComparableRecord> pool) {
        Linker linker = Linker.builder().build();
        return PipelineRun.blocker(linker.kind, linker.settings, true).candidates(pool);
    }
}
