package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.score.MatchModel;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class ModelTrainerParallelTest {
    private static final List<ComparisonLevel> LEVELS =
            List.of(ComparisonLevel.of("exact"), ComparisonLevel.of("close"), ComparisonLevel.of("else"),
                    ComparisonLevel.neutral("missing"));

    private static ModelTrainer trainer(long seed, long samples) {
        return ModelTrainer.builder().comparison("a", LEVELS).comparison("b", LEVELS).seed(seed)
                .uSamplePairs(samples).build();
    }

    /** Levels that depend on both records, so that which pairs are drawn shows in u. */
    private static int[] levels(int i, int j) {
        return new int[] {(i * 31 + j * 17) % 4, Math.abs(i - j) % 7 == 0 ? 0 : (i ^ j) % 4};
    }

    private static MatchModel inPool(int threads, ModelTrainer trainer, int records) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> trainer.estimateUInParallel(records,
                    () -> ModelTrainerParallelTest::levels, 1e-4)).join();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void sampledUIsTheSameOnAnyNumberOfThreadsAsOnOne() {
        ModelTrainer trainer = trainer(7, 100_000);
        MatchModel sequential = trainer.estimateU(5_000, ModelTrainerParallelTest::levels, 1e-4);
        assertEquals(sequential, inPool(1, trainer, 5_000));
        assertEquals(sequential, inPool(2, trainer, 5_000));
        assertEquals(sequential, inPool(5, trainer, 5_000));
        assertNotEquals(sequential, trainer(8, 100_000).estimateU(5_000, ModelTrainerParallelTest::levels, 1e-4));
    }

    @Test
    void everyPairIsComparedOnceWhenThePoolIsSmallerThanTheSample() {
        ModelTrainer trainer = trainer(7, 1_000_000);
        MatchModel sequential = trainer.estimateU(300, ModelTrainerParallelTest::levels, 1e-4);
        assertEquals(sequential, inPool(3, trainer, 300));
        // Counted by hand: every unordered pair once.
        long[] counts = new long[4];
        for (int i = 0; i < 300; i++) {
            for (int j = i + 1; j < 300; j++) {
                counts[levels(i, j)[0]]++;
            }
        }
        double total = counts[0] + counts[1] + counts[2] + 3; // Laplace smoothing 1 per non-neutral level
        assertEquals((counts[0] + 1) / total, IndexedModel.of(sequential).u(0, 0), 1e-12);
    }
}
