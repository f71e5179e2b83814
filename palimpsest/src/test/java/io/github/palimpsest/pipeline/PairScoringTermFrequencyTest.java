package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PairScoringTermFrequencyTest {

    @Test
    void perRecordGivesEachRecordItsValuesShareAndNoneForAnAbsentValue() {
        double[] frequencies = PairScoring.perRecord(Arrays.asList("SMITH", null, "OKONJO", " ", "SMITH"), v -> v);
        assertEquals(5, frequencies.length);
        assertEquals(2.0 / 3, frequencies[0], 1e-15, "two of the three present values");
        assertTrue(Double.isNaN(frequencies[1]));
        assertEquals(1.0 / 3, frequencies[2], 1e-15);
        assertTrue(Double.isNaN(frequencies[3]), "blank is absent");
        assertEquals(frequencies[0], frequencies[4]);
    }
}
