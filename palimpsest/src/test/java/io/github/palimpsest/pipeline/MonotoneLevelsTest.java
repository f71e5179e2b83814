package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** EM with monotone levels: m/u never rises from one level to the next, so agreement weighs for a match. */
class MonotoneLevelsTest {

    @Test
    void levelsAlreadyInOrderAreLeftAlone() {
        double[] m = {0.7, 0.2, 0.1, 1.0};
        double[] u = {0.01, 0.09, 0.9, 1.0};
        ExpectationMaximisation.monotoneRatios(m, u, new boolean[] {false, false, false, true});
        assertArrayEquals(new double[] {0.7, 0.2, 0.1, 1.0}, m, 0.0);
    }

    @Test
    void aCollapsedExactLevelIsPooledWithTheNextSoItNoLongerWeighsAgainst() {
        // The collapse seen on heavily corrupted data: "exact" below u, "else" far above it.
        double[] m = {0.001, 0.1, 0.899, 1.0};
        double[] u = {0.01, 0.09, 0.9, 1.0};
        ExpectationMaximisation.monotoneRatios(m, u, new boolean[] {false, false, false, true});
        double sum = m[0] + m[1] + m[2];
        assertEquals(1.0, sum, 1e-12, "m stays a distribution");
        for (int l = 0; l < 2; l++) {
            assertTrue(m[l] / u[l] >= m[l + 1] / u[l + 1] - 1e-12, "ratio rises at level " + l);
        }
        assertTrue(m[0] >= u[0], "the most similar level weighs for a match");
        assertTrue(m[2] <= u[2], "the least similar level weighs against");
    }

    @Test
    void neutralLevelsAreSkippedWhereverTheyStand() {
        double[] m = {1.0, 0.1, 0.9};
        double[] u = {1.0, 0.5, 0.5};
        ExpectationMaximisation.monotoneRatios(m, u, new boolean[] {true, false, false});
        assertArrayEquals(new double[] {1.0, 0.5, 0.5}, m, 1e-12);
    }
}
