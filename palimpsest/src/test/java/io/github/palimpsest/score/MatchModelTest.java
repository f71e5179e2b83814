package io.github.palimpsest.score;

import static io.github.palimpsest.pipeline.IndexedModel.NO_TERM_FREQUENCY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.pipeline.IndexedModel;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MatchModelTest {

    private final MatchModel model = TestModels.threeComparisons();
    private static final double NAN = NO_TERM_FREQUENCY;

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void replacingMOfOneComparisonKeepsEverythingElse() {
        MatchModel model = TestModels.threeComparisons();
        MatchModel changed = model.toBuilder().m("dob", new double[] {0.98, 0.015, 0.005, 1}).build();
        assertEquals(0.98, IndexedModel.of(changed).m(2, 0));
        assertEquals(IndexedModel.of(model).u(2, 0), IndexedModel.of(changed).u(2, 0));
        assertEquals(IndexedModel.of(model).m(0, 0), IndexedModel.of(changed).m(0, 0));
        assertEquals(model.prior(), changed.prior());
        assertThrows(IllegalArgumentException.class, () -> model.toBuilder().m("nope", new double[] {1, 0, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> model.toBuilder().m("dob", new double[] {1, 0}));
    }

    @Test
    void replacingUOfOneComparisonKeepsEverythingElse() {
        MatchModel model = TestModels.threeComparisons();
        MatchModel changed = model.toBuilder().u("dob", new double[] {1e-6, 0.2, 0.799999, 1}).build();
        assertEquals(1e-6, IndexedModel.of(changed).u(2, 0));
        assertEquals(IndexedModel.of(model).m(2, 0), IndexedModel.of(changed).m(2, 0));
        assertEquals(IndexedModel.of(model).u(0, 0), IndexedModel.of(changed).u(0, 0));
        assertEquals(log2(IndexedModel.of(model).m(2, 0) / 1e-6), IndexedModel.of(changed).levelWeight(2, 0), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> model.toBuilder().u("nope", new double[] {1, 0, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> model.toBuilder().u("dob", new double[] {1, 0}));
    }

    @Test
    void levelWeightIsLog2OfMOverU() {
        assertEquals(log2(0.85 / 0.01), IndexedModel.of(model).levelWeight(0, 0), 1e-12);
        assertEquals(log2(0.05 / 0.94), IndexedModel.of(model).levelWeight(0, 2), 1e-12);
        assertEquals(log2(0.07 / 0.15), IndexedModel.of(model).levelWeight(2, 1), 1e-12);
    }

    @Test
    void neutralLevelWeighsExactlyZeroWhateverTheInputArraysSaid() {
        MatchModel odd = MatchModel.builder().prior(0.01)
                .comparison("pnc", TestModels.FOUR_LEVELS, new double[] {0.9, 0.05, 0.05, 0.3},
                        new double[] {0.001, 0.01, 0.989, 0.7})
                .build();
        assertEquals(0.0, IndexedModel.of(odd).levelWeight(0, 3));
        assertEquals(1.0, IndexedModel.of(odd).m(0, 3));
        assertEquals(1.0, IndexedModel.of(odd).u(0, 3));
        assertEquals(odd.priorWeight(), IndexedModel.of(odd).matchWeight(new int[] {3}));
    }

    @Test
    void priorWeightIsLog2OfPriorOdds() {
        assertEquals(log2(1e-4 / (1 - 1e-4)), model.priorWeight(), 1e-12);
        assertEquals(-13.2876, model.priorWeight(), 1e-4);
    }

    @Test
    void matchWeightIsPriorPlusLevelWeights() {
        int[] levels = {0, 1, 3};
        double expected = model.priorWeight() + IndexedModel.of(model).levelWeight(0, 0) + IndexedModel.of(model).levelWeight(1, 1);
        assertEquals(expected, IndexedModel.of(model).matchWeight(levels), 1e-12);
    }

    @Test
    void moreSimilarLevelsNeverWeighLessInAModelWhoseRatiosFall() {
        for (int c = 0; c < 3; c++) {
            assertTrue(IndexedModel.of(model).levelWeight(c, 0) > IndexedModel.of(model).levelWeight(c, 1));
            assertTrue(IndexedModel.of(model).levelWeight(c, 1) > IndexedModel.of(model).levelWeight(c, 2));
        }
    }

    @Test
    void probabilityIsTheLogisticOfTheWeightInBits() {
        assertEquals(0.5, MatchModel.probability(0));
        assertEquals(0.8, MatchModel.probability(2), 1e-15);
        assertEquals(1 / 9.0, MatchModel.probability(-3), 1e-15);
        assertEquals(1.0, MatchModel.probability(Double.POSITIVE_INFINITY));
        assertEquals(0.0, MatchModel.probability(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, MatchModel.probability(5000));
        assertEquals(0.0, MatchModel.probability(-5000));
    }

    @Test
    void agreeingOnARareSurnameCountsForMoreThanOnACommonOne() {
        int[] levels = {0, 0, 0};
        double rare = IndexedModel.of(model).matchWeight(levels, new double[] {0.0001, NAN, NAN});
        double common = IndexedModel.of(model).matchWeight(levels, new double[] {0.02, NAN, NAN});
        double plain = IndexedModel.of(model).matchWeight(levels);
        assertTrue(rare > plain && plain > common, rare + " > " + plain + " > " + common);
        // u of the exact level is replaced by the term frequency: weight log2(m / tf).
        double expected = model.priorWeight() + log2(0.85 / 0.0001) + IndexedModel.of(model).levelWeight(1, 0) + IndexedModel.of(model).levelWeight(2, 0);
        assertEquals(expected, rare, 1e-9);
    }

    @Test
    void termFrequencyIsFlooredSoAnUnseenValueGivesAFiniteWeight() {
        int[] levels = {0, 3, 3};
        double unseen = IndexedModel.of(model).matchWeight(levels, new double[] {0.0, NAN, NAN});
        double atFloor = IndexedModel.of(model).matchWeight(levels, new double[] {model.minimumTermFrequency(), NAN, NAN});
        assertTrue(Double.isFinite(unseen));
        assertEquals(atFloor, unseen);
    }

    @Test
    void termFrequencyOnlyAdjustsTheExactLevelOfComparisonsThatOptIn() {
        double[] tfs = {0.0001, 0.0001, 0.0001};
        assertEquals(IndexedModel.of(model).matchWeight(new int[] {1, 1, 1}), IndexedModel.of(model).matchWeight(new int[] {1, 1, 1}, tfs));
        double onlySurname = IndexedModel.of(model).matchWeight(new int[] {0, 0, 0}, new double[] {0.0001, NAN, NAN});
        assertEquals(onlySurname, IndexedModel.of(model).matchWeight(new int[] {0, 0, 0}, tfs));
        assertEquals(OptionalInt.of(0), IndexedModel.of(model).termFrequencyLevel(0));
        assertEquals(OptionalInt.empty(), IndexedModel.of(model).termFrequencyLevel(1));
    }

    @Test
    void explanationRowsAddUpExactlyToTheMatchWeight() {
        int[] levels = {0, 2, 3};
        double[] tfs = {0.003, NAN, NAN};
        Explanation e = IndexedModel.of(model).explain(levels, tfs);
        double sum = e.priorWeight();
        for (Explanation.Row row : e.rows()) {
            sum += row.levelWeight() + row.termFrequencyAdjustment();
        }
        assertEquals(IndexedModel.of(model).matchWeight(levels, tfs), e.totalWeight());
        assertEquals(sum, e.totalWeight());
        assertEquals(MatchModel.probability(e.totalWeight()), e.probability());
        assertEquals(List.of("surname", "forename", "dob"), e.rows().stream().map(Explanation.Row::comparison).toList());
        assertEquals("missing", e.rows().get(2).level());
        assertTrue(e.rows().get(2).isNeutral());
        assertEquals(0.0, e.rows().get(2).weight());
    }

    @Test
    void summaryShowsPriorEachLevelTermFrequencyTotalAndProbability() {
        Explanation e = IndexedModel.of(model).explain(new int[] {0, 0, 3}, new double[] {0.001, NAN, NAN});
        String expected = String.format(java.util.Locale.ROOT,
                "prior %+.2f; surname exact %+.2f (tf %+.2f); forename exact %+.2f; dob missing +0.00 = %.2f → %.4f",
                model.priorWeight(), IndexedModel.of(model).levelWeight(0, 0), log2(0.01 / 0.001), IndexedModel.of(model).levelWeight(1, 0),
                e.totalWeight(), e.probability());
        assertEquals(expected, e.summary());
        assertEquals(e.summary(), e.toString());
        assertEquals(e.totalWeight(), IndexedModel.of(model).explain(new int[] {0, 0, 3}, new double[] {0.001, NAN, NAN}).totalWeight());
    }

    @Test
    void explainWithoutFrequenciesMatchesPlainMatchWeight() {
        int[] levels = {2, 1, 0};
        assertEquals(IndexedModel.of(model).matchWeight(levels), IndexedModel.of(model).explain(levels).totalWeight());
        assertTrue(IndexedModel.of(model).explain(levels).rows().stream().allMatch(r -> r.termFrequencyAdjustment() == 0.0));
    }

    @Test
    void badLevelArraysAreRejectedWithTheComparisonNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IndexedModel.of(model).matchWeight(new int[] {0, 4, 0}));
        assertTrue(e.getMessage().contains("forename"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IndexedModel.of(model).matchWeight(new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> IndexedModel.of(model).matchWeight(new int[] {0, 0, 0}, new double[] {1.5, NAN, NAN}));
        assertThrows(IllegalArgumentException.class, () -> IndexedModel.of(model).matchWeight(new int[] {0, 0, 0}, new double[] {0.1}));
    }

    @Test
    void builderRejectsInvalidParametersWithClearMessages() {
        List<ComparisonLevel> levels = List.of(ComparisonLevel.of("same"), ComparisonLevel.of("different"),
                ComparisonLevel.neutral("missing"));
        double[] ok = {0.5, 0.5, 1};
        assertMessage("prior must be in (0, 1)", () -> MatchModel.builder().prior(1).comparison("a", levels, ok, ok).build());
        assertMessage("at least one comparison", () -> MatchModel.builder().prior(0.1).build());
        assertMessage("must sum to 1", () -> MatchModel.builder().prior(0.1)
                .comparison("a", levels, new double[] {0.5, 0.4, 1}, ok).build());
        assertMessage("m of level 'same' of 'a' must be in (0, 1]", () -> MatchModel.builder().prior(0.1)
                .comparison("a", levels, new double[] {0, 1, 1}, ok).build());
        assertMessage("exactly one neutral level", () -> MatchModel.builder().prior(0.1)
                .comparison("a", List.of(ComparisonLevel.of("x"), ComparisonLevel.of("y")), new double[] {0.5, 0.5},
                        new double[] {0.5, 0.5}).build());
        assertMessage("appears twice", () -> MatchModel.builder().prior(0.1)
                .comparison("a", levels, ok, ok).comparison("a", levels, ok, ok).build());
        assertMessage("has 3 levels but 2 m", () -> MatchModel.builder().prior(0.1)
                .comparison("a", levels, new double[] {0.5, 0.5}, ok).build());
        assertMessage("non-neutral levels", () -> MatchModel.builder().prior(0.1)
                .comparison("a", levels, ok, ok).termFrequencyLevel("a", levels.get(2)).build());
        assertMessage("no comparison named 'b'", () -> MatchModel.builder().termFrequencyLevel("b", ComparisonLevel.of("x")));
    }

    @Test
    void toBuilderRebuildsAnEqualModel() {
        assertEquals(model, model.toBuilder().build());
        assertEquals(model.hashCode(), model.toBuilder().build().hashCode());
        assertTrue(!model.equals(model.toBuilder().prior(0.5).build()));
    }

    @Test
    void comparisonsAreFoundByName() {
        assertEquals(OptionalInt.of(2), IndexedModel.of(model).indexOf("dob"));
        assertEquals(OptionalInt.empty(), IndexedModel.of(model).indexOf("postcode"));
        assertEquals(3, IndexedModel.of(model).comparisonCount());
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(fragment), () -> "expected '" + fragment + "' in: " + e.getMessage());
    }

    @Test
    void aPoolOfFewerThanTwoRecordsOrAPriorScaledToOneIsRefused() {
        MatchModel model = TestModels.withParameters(TestModels.TRUE_M, TestModels.TRUE_U, 0.2);
        assertThrows(IllegalArgumentException.class, () -> model.scaledToPool(1, 100));
        assertThrows(IllegalArgumentException.class, () -> model.scaledToPool(100, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.scaledToPool(101, 11),
                "0.2 scaled to a pool ten times smaller is 2");
        assertTrue(e.getMessage().contains("prior"), e.getMessage());
        assertEquals(0.02, model.scaledToPool(11, 101).prior(), 1e-15);
        assertEquals(0.2, model.scaledToPool(11, 101).scaledToPool(101, 11).prior(), 1e-15, "and back");
    }
}
