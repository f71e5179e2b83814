package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link Parallel#chunks} tells its progress listener how far each pass has got. */
class ParallelProgressTest {

    @Test
    void everyChunkIsCountedOnceAndThePassEndsAtItsSize() {
        int size = 5 * Parallel.CHUNK + 17;
        List<long[]> heard = new CopyOnWriteArrayList<>();
        AtomicLong worked = new AtomicLong();
        try (Parallel parallel = new Parallel(2)) {
            parallel.onProgress((done, total) -> heard.add(new long[] {done, total}));
            parallel.chunks(size, (from, to) -> worked.addAndGet(to - from));
        }
        assertEquals(size, worked.get());
        assertEquals(6, heard.size(), "one report per chunk");
        assertTrue(heard.stream().allMatch(h -> h[1] == size && h[0] > 0 && h[0] <= size));
        assertEquals(size, heard.stream().mapToLong(h -> h[0]).max().orElseThrow(), "the pass ends complete");
        assertEquals(6, heard.stream().mapToLong(h -> h[0]).distinct().count(), "counts only grow");
    }

    @Test
    void stagesPassProgressToTheirListenerOnlyWhileAStageRuns() {
        List<String> heard = new CopyOnWriteArrayList<>();
        Stages stages = new Stages(new Stages.Listener() {
            @Override
            public void started(String stage) {
            }

            @Override
            public void finished(String stage, java.time.Duration elapsed, String summary) {
            }

            @Override
            public void progress(String stage, long done, long total) {
                heard.add(stage + " " + done + "/" + total);
            }
        });
        stages.progress(1, 2);
        stages.run("compare", () -> {
            stages.progress(5, 10);
            return "done";
        });
        stages.progress(3, 4);
        assertEquals(List.of("compare 5/10"), heard);
    }
}
