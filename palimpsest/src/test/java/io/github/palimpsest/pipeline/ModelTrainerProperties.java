package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.TestModels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ModelTrainerProperties {

    private static List<int[]> randomPairs(Random random, int count) {
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Skewed towards agreement so that the mixture has something to find.
            int base = random.nextInt(10) < 2 ? 0 : 2;
            pairs.add(new int[] {Math.min(3, base + random.nextInt(2)), Math.min(3, base + random.nextInt(2)),
                    random.nextInt(4)});
        }
        return pairs;
    }

    @Property(tries = 50)
    void trainedModelDoesNotDependOnTheOrderPairsWereCounted(@ForAll long seed,
                                                            @ForAll @IntRange(min = 1, max = 2000) int count) {
        Random random = new Random(seed);
        List<int[]> pairs = randomPairs(random, count);
        ComparisonVectors.Builder inOrder = ComparisonVectors.builder(4, 4, 4);
        pairs.forEach(inOrder::add);
        Collections.shuffle(pairs, random);
        ComparisonVectors.Builder first = ComparisonVectors.builder(4, 4, 4);
        ComparisonVectors.Builder second = ComparisonVectors.builder(4, 4, 4);
        for (int i = 0; i < pairs.size(); i++) {
            (i % 2 == 0 ? first : second).add(pairs.get(i));
        }
        ComparisonVectors a = inOrder.build();
        ComparisonVectors b = second.addAll(first).build();
        assertEquals(a.totalCount(), b.totalCount());
        ModelTrainer trainer = ModelTrainer.builder().comparison("surname", TestModels.FOUR_LEVELS)
                .comparison("forename", TestModels.FOUR_LEVELS).comparison("dob", TestModels.FOUR_LEVELS).build();
        MatchModel start = TestModels.threeComparisons();
        long totalPairs = 100L * count;
        assertEquals(trainer.estimateMAndPrior(start, a, totalPairs), trainer.estimateMAndPrior(start, b, totalPairs));
    }

    @Property(tries = 50)
    void trainedModelsAreAlwaysValidAndFinite(@ForAll long seed, @ForAll @IntRange(min = 1, max = 500) int count) {
        Random random = new Random(seed);
        ComparisonVectors.Builder vectors = ComparisonVectors.builder(4, 4, 4);
        randomPairs(random, count).forEach(vectors::add);
        ModelTrainer trainer = ModelTrainer.builder().comparison("surname", TestModels.FOUR_LEVELS)
                .comparison("forename", TestModels.FOUR_LEVELS).comparison("dob", TestModels.FOUR_LEVELS)
                .fixU(random.nextBoolean()).laplaceSmoothing(random.nextInt(3)).build();
        MatchModel model = trainer.estimateMAndPrior(TestModels.threeComparisons(), vectors.build(), count);
        assertTrue(model.prior() > 0 && model.prior() < 1);
        for (int c = 0; c < 3; c++) {
            for (int l = 0; l < 4; l++) {
                assertTrue(Double.isFinite(IndexedModel.of(model).levelWeight(c, l)), model.toJson());
            }
        }
        assertEquals(model, MatchModel.fromJson(model.toJson()));
    }
}
