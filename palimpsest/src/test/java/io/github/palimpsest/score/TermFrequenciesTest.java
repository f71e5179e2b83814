package io.github.palimpsest.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.pipeline.IndexedModel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermFrequenciesTest {

    private final TermFrequencies surnames =
            TermFrequencies.of(Arrays.asList("SMITH", "SMITH", "SMITH", "OKONJO", null, " ", "", "VANTERPOOL"));

    @Test
    void frequencyIsTheShareOfPresentValues() {
        assertEquals(0.6, surnames.frequency("SMITH"), 1e-15);
        assertEquals(0.2, surnames.frequency("OKONJO"), 1e-15);
        assertEquals(5, surnames.totalCount());
        assertEquals(3, surnames.distinctCount());
        assertEquals(3, surnames.count("SMITH"));
    }

    @Test
    void unseenAndNullValuesHaveFrequencyZero() {
        assertEquals(0.0, surnames.frequency("ZED"));
        assertEquals(0.0, surnames.frequency(null));
        assertEquals(0, surnames.count(null));
        assertEquals(0.0, TermFrequencies.of(List.of()).frequency("SMITH"));
    }

    @Test
    void valuesAreCaseSensitiveBecauseTheyAreAlreadyCanonical() {
        assertEquals(0.0, surnames.frequency("smith"));
    }

    @Test
    void toStringShowsCountsNotPersonalData() {
        assertEquals("TermFrequencies[3 distinct of 5]", surnames.toString());
    }

    @Test
    void aRareSharedSurnameGivesMoreWeightThanACommonOne() {
        MatchModel model = TestModels.threeComparisons();
        double nan = IndexedModel.NO_TERM_FREQUENCY;
        int[] exact = {0, 3, 3};
        assertEquals(true, IndexedModel.of(model).matchWeight(exact, new double[] {surnames.frequency("OKONJO"), nan, nan})
                > IndexedModel.of(model).matchWeight(exact, new double[] {surnames.frequency("SMITH"), nan, nan}));
    }
}
