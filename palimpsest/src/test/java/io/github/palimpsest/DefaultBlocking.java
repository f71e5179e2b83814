package io.github.palimpsest;

import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.record.ComparableRecord;
import java.util.List;

/**
 * The candidate pairs the default linker would block on: the blocking rules and oversize-block limit of
 * {@code Linker.builder().build()}, read from the linker itself so that a benchmark follows any change to the
 * defaults. In this package because the block-size limit is package-private.
 */
public final class DefaultBlocking {
    private DefaultBlocking() {
    }

    /** The candidate pairs of {@code pool} under the default linker's blocking. */
    public static CandidatePairs candidates(List<ComparableRecord> pool) {
        Linker linker = Linker.builder().build();
        return Blocker.<ComparableRecord>builder().rules(linker.blockingRules).maxBlockSize(linker.maxBlockSize)
                .parallel(Runtime.getRuntime().availableProcessors() > 1).build().candidates(pool);
    }
}
