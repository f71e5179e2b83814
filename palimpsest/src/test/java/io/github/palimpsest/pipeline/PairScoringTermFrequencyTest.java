package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

    @Test
    void rowsCountedSideBySideAndKeptAreTheRowsCountedOneByOne() {
        String[] surnames = {"Testperson", "Okonjo", "Testperson", "Brightwater", "Okonjo", "Testperson"};
        String[] forenames = {"Robin", "Ada", "Robin", "Sam", "Ada", "Kit"};
        List<ComparableRecord> records = new ArrayList<>();
        for (int i = 0; i < surnames.length; i++) {
            records.add(ComparableRecord.of(PersonRecord.builder().recordId("R" + i).sourceName("test")
                    .forename(forenames[i]).surname(surnames[i]).build()));
        }
        List<Comparison<ComparableRecord>> comparisons = PersonKind.standardComparisons();
        MatchModel model = DefaultModel.standard();
        double[][] plain = PairScoring.termFrequencies(model, comparisons, records, true);

        double[][] tables = new double[comparisons.size()][];
        AtomicInteger counted = new AtomicInteger();
        PairScoring.Tasks backwards = (count, task) -> {
            for (int i = count - 1; i >= 0; i--) { // any order
                counted.incrementAndGet();
                task.accept(i);
            }
        };
        double[][] first = PairScoring.termFrequencies(model, comparisons, records, true, tables, backwards);
        int rows = counted.get();
        double[][] again = PairScoring.termFrequencies(model, comparisons, records, true, tables, backwards);

        assertTrue(rows > 0, "the standard model adjusts some comparison for term frequency");
        assertEquals(rows, counted.get(), "rows already counted are not counted again");
        for (int c = 0; c < plain.length; c++) {
            if (plain[c] == null) {
                assertEquals(null, first[c]);
                continue;
            }
            assertNotNull(first[c]);
            assertArrayEquals(plain[c], first[c]);
            assertSame(first[c], again[c]);
        }
        double[][] none = PairScoring.termFrequencies(model, comparisons, records, false, tables, backwards);
        assertTrue(Arrays.stream(none).allMatch(row -> row == null), "no rows for a pool too small to adjust");
    }
}
