package io.github.palimpsest.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonLevelTest {

    @Test
    void factoriesSayWhetherTheLevelIsNeutral() {
        assertFalse(ComparisonLevel.of("exact").isNeutral());
        assertTrue(ComparisonLevel.neutral("missing").isNeutral());
        assertEquals(new ComparisonLevel("missing", true), ComparisonLevel.neutral("missing"));
    }

    @Test
    void blankOrNullLabelsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ComparisonLevel.of(" "));
        assertThrows(IllegalArgumentException.class, () -> new ComparisonLevel(null, false));
    }

    @Test
    void aComparisonCanBeWrittenInAFewLinesAndIsSymmetric() {
        Comparison<String> exact = new Comparison<>() {
            private final List<ComparisonLevel> levels = List.of(
                    ComparisonLevel.of("exact"), ComparisonLevel.of("different"), ComparisonLevel.neutral("missing"));

            @Override
            public String name() {
                return "surname";
            }

            @Override
            public List<ComparisonLevel> levels() {
                return levels;
            }

            @Override
            public int level(String left, String right) {
                if (left.isEmpty() || right.isEmpty()) {
                    return 2;
                }
                return left.equals(right) ? 0 : 1;
            }
        };
        assertEquals(0, exact.level("OKAFOR", "OKAFOR"));
        assertEquals(exact.level("OKAFOR", ""), exact.level("", "OKAFOR"));
        assertTrue(exact.levels().get(exact.level("", "OKAFOR")).isNeutral());
    }
}
