package io.github.palimpsest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.record.PersonRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalibrationReportTest {

    @Test
    void bandsRunFromMinusTenBitsUpWithTheThresholdAsAnEdge() {
        List<CalibrationReport.Band> bands = CalibrationReport.bands(4.25);
        assertEquals(-10, bands.get(0).low);
        assertEquals(Double.POSITIVE_INFINITY, bands.get(bands.size() - 1).high);
        for (int i = 1; i < bands.size(); i++) {
            assertEquals(bands.get(i - 1).high, bands.get(i).low);
        }
        assertTrue(bands.stream().anyMatch(b -> b.low == 4.25));
        assertTrue(bands.stream().anyMatch(b -> b.high == 4.25));
        assertEquals("[2, 4.25)", bands.stream().filter(b -> b.high == 4.25).findFirst().orElseThrow().heading());
        assertEquals("≥ 12", bands.get(bands.size() - 1).heading());
    }

    @Test
    void everyScoredPairCountsOnceInTheBandOfItsWeight() {
        List<PersonRecord> records = List.of(
                person("a1", "Olwen", "Tregarth", "1971-03-02"), person("a2", "Olwen", "Tregarth", "1971-03-02"),
                person("a3", "Olwen", "Tregarth", "1971-03-02"), person("b1", "Ivor", "Penhallow", "1980-07-15"),
                person("b2", "Ivor", "Penhallow", "1980-07-15"), person("c1", "Olwen", "Tregarth", "1958-11-30"));
        Map<String, String> entityOf = new HashMap<>(Map.of("a1", "A", "a2", "A", "a3", "A", "b1", "B", "b2", "B",
                "c1", "C"));
        LinkResult result = Linker.builder().reviewThresholdProbability(CalibrationReport.REVIEW_PROBABILITY)
                .build().link(records);
        List<CalibrationReport.Band> bands = CalibrationReport.bands(result.thresholdWeight());
        CalibrationReport.tally(result, entityOf, bands);
        // A supported link is both a link and a review pair; every other pair is one or the other.
        long expected = java.util.stream.Stream.concat(result.links().stream(),
                result.reviewPairs().stream().filter(r -> !r.supported()).map(r -> r.link()))
                .filter(l -> l.matchWeight() >= -10).count();
        assertTrue(result.links().size() >= 4, "the three a's and the two b's link: " + result.links());
        assertEquals(expected, bands.stream().mapToLong(b -> b.pairs).sum());
        long trueLinks = result.links().stream().filter(l -> entityOf.get(l.leftId()).equals(entityOf.get(l.rightId())))
                .count();
        long trueBelow = result.reviewPairs().stream().filter(r -> !r.supported())
                .filter(r -> r.link().matchWeight() >= -10)
                .filter(r -> entityOf.get(r.link().leftId()).equals(entityOf.get(r.link().rightId()))).count();
        assertEquals(trueLinks + trueBelow, bands.stream().mapToLong(b -> b.matches).sum());
        for (CalibrationReport.Band b : bands) {
            assertTrue(b.pairs == 0 || b.probabilitySum / b.pairs > 0 && b.probabilitySum / b.pairs <= 1);
        }
    }

    private static PersonRecord person(String id, String forename, String surname, String dob) {
        return PersonRecord.builder().recordId(id).force("Test").forename(forename).surname(surname)
                .dob(dob).build();
    }
}
