package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.palimpsest.score.TestModels;
import org.junit.jupiter.api.Test;

class ComparisonVectorsTest {

    @Test
    void identicalPatternsAreCountedTogether() {
        ComparisonVectors v = ComparisonVectors.builder(3, 4)
                .add(new int[] {0, 1}).add(new int[] {2, 3}).add(new int[] {0, 1}).add(new int[] {1, 0}, 5).build();
        assertEquals(3, v.distinctCount());
        assertEquals(8, v.totalCount());
        assertEquals(2, v.count(new int[] {0, 1}));
        assertEquals(5, v.count(new int[] {1, 0}));
        assertEquals(0, v.count(new int[] {2, 2}));
    }

    @Test
    void patternsAreHeldInLexicographicOrderWhateverTheOrderAdded() {
        ComparisonVectors v = ComparisonVectors.builder(3, 4)
                .add(new int[] {2, 0}).add(new int[] {0, 3}).add(new int[] {0, 1}).add(new int[] {1, 2}).build();
        assertArrayEquals(new int[] {0, 1}, v.pattern(0));
        assertArrayEquals(new int[] {0, 3}, v.pattern(1));
        assertArrayEquals(new int[] {1, 2}, v.pattern(2));
        assertArrayEquals(new int[] {2, 0}, v.pattern(3));
    }

    @Test
    void perThreadBuildersMerge() {
        ComparisonVectors.Builder a = ComparisonVectors.builder(2, 2).add(new int[] {0, 0});
        ComparisonVectors.Builder b = ComparisonVectors.builder(2, 2).add(new int[] {0, 0}).add(new int[] {1, 1});
        ComparisonVectors v = a.addAll(b).build();
        assertEquals(2, v.count(new int[] {0, 0}));
        assertEquals(1, v.count(new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> a.addAll(ComparisonVectors.builder(2, 3)));
    }

    @Test
    void builderFollowsAModelsComparisons() {
        ComparisonVectors.Builder b = ComparisonVectors.builder(TestModels.threeComparisons());
        assertEquals(4, b.add(new int[] {3, 3, 3}).build().levelCount(2));
    }

    @Test
    void malformedPatternsAreRejected() {
        ComparisonVectors.Builder b = ComparisonVectors.builder(2, 3);
        assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {2, 0}));
        assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {0, -1}));
        assertThrows(IllegalArgumentException.class, () -> b.add(new int[] {0, 0}, -1));
        assertThrows(IllegalArgumentException.class, () -> ComparisonVectors.builder(1, 3));
        assertThrows(IllegalArgumentException.class, () -> ComparisonVectors.builder(new int[70]));
    }

    @Test
    void tooManyCombinationsToEncodeAreRejectedUpFront() {
        int[] many = new int[40];
        java.util.Arrays.fill(many, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComparisonVectors.builder(many));
        assertEquals(true, e.getMessage().contains("too many combinations"), e.getMessage());
    }
}
