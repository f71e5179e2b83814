package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.PairCounting;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pools under the training limit: scored with the bundled token model unless a model or other comparisons are given. */
class SmallTokenPoolTest {

    /** 200 generated people (seed 7, not the recipe's seed 42), their tombstones under key A, and the truth. */
    private static List<Tombstone> tombstones;
    private static int[] truth;

    @BeforeAll
    static void tokeniseASmallGeneratedPool() {
        List<SyntheticRecord> generated = GeneratedRecords.generate(200, 7);
        tombstones = new ArrayList<>();
        Map<String, Integer> people = new HashMap<>();
        truth = new int[generated.size()];
        for (int i = 0; i < generated.size(); i++) {
            tombstones.add(Tombstone.of(GeneratedRecords.toRecord(generated.get(i)), TombstoneTest.KEY_A,
                    TombstoneOptions.defaults()));
            truth[i] = people.computeIfAbsent(generated.get(i).entityId(), k -> people.size());
        }
    }

    @Test
    void aSmallGeneratedPoolWithTheBundledModelReachesAFloorOfPairwiseF1() {
        TokenLinkResult result = TokenLinker.builder().seed(42).build().link(tombstones);
        assertFalse(result.isModelTrained());
        assertSame(DefaultTokenModel.standard(), result.model());
        PairwiseMetrics metrics = PairCounting.of(truth, TokenResults.personOfRecords(result));
        // Measured (598 records, seed 7, three keys): F1 0.971-0.975, precision 0.983-0.986, recall 0.956-0.968;
        // plain text on the same records, with its own bundled model: F1 0.978.
        assertTrue(metrics.f1() >= 0.96 && metrics.precision() >= 0.975, "pairwise F1 " + metrics.f1()
                + ", precision " + metrics.precision() + ", recall " + metrics.recall());
    }

    @Test
    void aPoolAtTheMinimumIsTrainedOn() {
        TokenLinkResult result = TokenLinker.builder().seed(42).minimumTrainingRecords(tombstones.size()).build()
                .link(tombstones);
        assertTrue(result.isModelTrained());
        assertNotSame(DefaultTokenModel.standard(), result.model());
    }

    @Test
    void aGivenModelIsUsedWhateverThePoolSize() {
        MatchModel given = TokenLinker.builder().seed(1).minimumTrainingRecords(2).build().link(tombstones).model();
        TokenLinkResult result = TokenLinker.builder().seed(42).model(given).build().link(tombstones.subList(0, 50));
        assertFalse(result.isModelTrained());
        assertSame(given, result.model());
    }

    @Test
    void otherComparisonsOnASmallPoolAreTrainedOn() {
        List<Comparison<Tombstone>> comparisons = new ArrayList<>(TombstoneComparisons.standard());
        comparisons.set(comparisons.size() - 3, TombstoneComparisons.dice(BloomField.DATE_OF_BIRTH, 0.9, 0.7));
        TokenLinkResult result = TokenLinker.builder().seed(42).comparisons(comparisons).build().link(tombstones);
        assertTrue(result.isModelTrained(), "the bundled model does not fit other comparisons");
    }
}
