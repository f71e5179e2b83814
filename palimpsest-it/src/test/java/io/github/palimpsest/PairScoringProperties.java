package io.github.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.Candidates;
import io.github.palimpsest.pipeline.DefaultModel;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.pipeline.PairScoring;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The batch's column-wise scoring ({@link PairScoring}) against the model's one-pair weight, over random
 * comparison levels and term frequencies: both decide a pair's class of relatives by the one
 * {@code RelativesRule}, and add the same terms in the same order, so the weights agree bit for bit.
 */
class PairScoringProperties {
    private static final int RECORDS = 40;
    private static final CandidatePairs EVERY_PAIR = everyPair();

    /** Every pair of {@link #RECORDS} placeholder records; their fields do not matter, only their indexes. */
    private static CandidatePairs everyPair() {
        List<ComparableRecord> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(ComparableRecord.of(TestComparisons.record("R" + i, "Kent Police", "SMITH", "1980-01-01", "",
                    "2020-01-01")));
        }
        return Blocker.<ComparableRecord>builder()
                .rule(BlockingRule.of("everyone", (r, keys) -> keys.accept("all"), r -> "")).build()
                .candidates(records);
    }

    @Property(tries = 200)
    void everyCandidateWeighsWhatTheModelGivesItsLevels(@ForAll long seed) {
        MatchModel model = DefaultModel.standard();
        Random random = new Random(seed);
        int comparisons = IndexedModel.of(model).comparisonCount();
        int pairs = EVERY_PAIR.size();
        int[] levelCounts = new int[comparisons];
        byte[][] levels = new byte[comparisons][pairs];
        double[][] frequencies = new double[comparisons][];
        for (int c = 0; c < comparisons; c++) {
            levelCounts[c] = IndexedModel.of(model).levels(c).size();
            for (int k = 0; k < pairs; k++) {
                // Level 0 half the time: the classes of relatives need first levels (a shared home, a surname).
                levels[c][k] = (byte) (random.nextBoolean() ? 0 : random.nextInt(levelCounts[c]));
            }
            if (IndexedModel.of(model).termFrequencyLevel(c).isPresent()) {
                frequencies[c] = new double[RECORDS];
                for (int r = 0; r < RECORDS; r++) {
                    frequencies[c][r] = random.nextInt(5) == 0 ? IndexedModel.NO_TERM_FREQUENCY
                            : Math.pow(10, -7 * random.nextDouble());
                }
            }
        }
        double[] weights = new PairScoring(Candidates.of(EVERY_PAIR), levels, levelCounts, RECORDS, (size, range) -> range.run(0, size))
                .weights(model, frequencies);
        int withRelatives = 0;
        for (int k = 0; k < pairs; k++) {
            int left = CandidatePairs.left(EVERY_PAIR.pair(k));
            int[] pairLevels = new int[comparisons];
            double[] pairFrequencies = new double[comparisons];
            for (int c = 0; c < comparisons; c++) {
                pairLevels[c] = levels[c][k];
                pairFrequencies[c] = frequencies[c] == null ? IndexedModel.NO_TERM_FREQUENCY : frequencies[c][left];
            }
            assertEquals(IndexedModel.of(model).matchWeight(pairLevels, pairFrequencies), weights[k], 0.0, "pair " + k);
            if (IndexedModel.of(model).householdAdjustment(pairLevels, pairFrequencies) != 0) {
                withRelatives++;
            }
        }
        assertTrue(withRelatives > 0, "some pairs fall in a class of relatives");
    }
}
