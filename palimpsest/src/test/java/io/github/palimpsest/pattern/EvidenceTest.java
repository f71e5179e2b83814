package io.github.palimpsest.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.score.MatchModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTest {
    private static final List<ComparisonLevel> LEVELS =
            List.of(ComparisonLevel.of("exact"), ComparisonLevel.of("else"), ComparisonLevel.neutral("missing"));

    /** Prior −9.97 bits; pnc exact +13.3, dob exact +9.8, surname exact +6.5 (each "else" negative). */
    private static final MatchModel MODEL = MatchModel.builder().prior(1e-3)
            .comparison("surname", LEVELS, new double[] {0.9, 0.1, 1}, new double[] {0.01, 0.99, 1})
            .comparison("dob", LEVELS, new double[] {0.9, 0.1, 1}, new double[] {0.001, 0.999, 1})
            .comparison("pnc_id", LEVELS, new double[] {0.99, 0.01, 1}, new double[] {0.0001, 0.9999, 1})
            .build();

    @Test
    void oneIdentifierThatOvercomesThePriorAloneIsTheWholeEvidence() {
        assertEquals("pnc_id exact", Evidence.strongest(IndexedModel.of(MODEL).explain(new int[] {0, 0, 0}), 0.0));
    }

    @Test
    void piecesAreNamedStrongestFirstUntilTheThresholdIsReached() {
        assertEquals("dob exact + surname exact", Evidence.strongest(IndexedModel.of(MODEL).explain(new int[] {0, 0, 2}), 4.25));
        assertEquals("pnc_id exact + dob exact", Evidence.strongest(IndexedModel.of(MODEL).explain(new int[] {2, 0, 0}), 4.25));
    }

    @Test
    void atMostThreePiecesAreNamedAndNoPositiveEvidenceSaysSo() {
        assertEquals("pnc_id exact + dob exact + surname exact",
                Evidence.strongest(IndexedModel.of(MODEL).explain(new int[] {0, 0, 0}), 100.0));
        assertEquals("no evidence", Evidence.strongest(IndexedModel.of(MODEL).explain(new int[] {1, 2, 1}), 4.25));
    }
}
