package io.github.palimpsest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generator applies each corruption at its configured rate, and an applied corruption is visible. */
class CorruptionRatesTest {

    private static final Map<Corruption, Double> RATES = new EnumMap<>(Corruption.class);
    private static SyntheticForces gen;
    private static SyntheticData data;

    @BeforeAll
    static void generate() {
        CorruptionProfile.Builder profile = CorruptionProfile.builder();
        double[] rates = {0.10, 0.15, 0.20, 0.25, 0.30};
        int i = 0;
        for (Corruption c : Corruption.values()) {
            RATES.put(c, rates[i++ % rates.length]);
        }
        // Exclusive: their sum must stay at most 1.
        RATES.put(Corruption.DOB_DAY_MONTH_SWAPPED, 0.10);
        RATES.put(Corruption.DOB_DIGIT_WRONG, 0.05);
        RATES.put(Corruption.DOB_YEAR_OFF_BY_ONE, 0.15);
        RATES.put(Corruption.DOB_FIRST_OF_JANUARY, 0.20);
        RATES.forEach(profile::rate);
        gen = SyntheticForces.builder().people(4000).seed(2024).profile(profile.build()).build();
        data = gen.generate();
    }

    @Test
    void everyPerRecordCorruptionHappensAtItsRateAmongTheRecordsItCanApplyTo() {
        for (Corruption c : Corruption.values()) {
            if (c == Corruption.MARRIED_SURNAME) {
                continue;
            }
            long eligible = data.records().stream().filter(r -> r.eligibleCorruptions().contains(c)).count();
            long applied = data.records().stream().filter(r -> r.corruptions().contains(c)).count();
            assertTrue(eligible > 300, c + " could apply to only " + eligible + " records");
            assertWithinTolerance(c.name(), RATES.get(c), applied, eligible);
        }
    }

    @Test
    void marriedSurnameRateIsTheShareOfWomenOldEnoughToHaveMarried() {
        List<SyntheticPerson> women = data.people().stream()
                .filter(p -> p.isFemale() && gen.referenceDate().getYear() - p.dateOfBirth().getYear() >= 22)
                .toList();
        long married = women.stream().filter(p -> p.marriedSurname().isPresent()).count();
        assertWithinTolerance("MARRIED_SURNAME", RATES.get(Corruption.MARRIED_SURNAME), married, women.size());
        assertTrue(data.people().stream().filter(p -> !p.isFemale()).allMatch(p -> p.marriedSurname().isEmpty()));
    }

    @Test
    void appliedCorruptionsAreVisibleInTheRecord() {
        for (SyntheticRecord r : data.records()) {
            SyntheticPerson p = r.person();
            LocalDate dob = p.dateOfBirth();
            DateStyle style = gen.style(r.forceCode()).orElseThrow().dateStyle();
            String written = r.value("dob");
            if (r.corruptions().contains(Corruption.PURGED)) {
                for (String c : List.of("full_name", "forename", "middle_names", "surname", "aliases")) {
                    assertEquals("", r.value(c), r + " is purged but keeps " + c);
                }
            }
            if (written.isEmpty()) {
                continue;
            }
            if (r.corruptions().contains(Corruption.DOB_DAY_MONTH_SWAPPED)) {
                assertEquals(style.format(LocalDate.of(dob.getYear(), dob.getDayOfMonth(), dob.getMonthValue())), written);
            } else if (r.corruptions().contains(Corruption.DOB_FIRST_OF_JANUARY)) {
                assertEquals(style.format(LocalDate.of(dob.getYear(), 1, 1)), written);
            } else if (r.corruptions().contains(Corruption.DOB_YEAR_OFF_BY_ONE)) {
                assertTrue(written.equals(style.format(dob.plusYears(1))) || written.equals(style.format(dob.minusYears(1))));
            } else if (r.corruptions().contains(Corruption.DOB_DIGIT_WRONG)) {
                assertTrue(!written.equals(style.format(dob)), r.toString());
            } else {
                assertEquals(style.format(dob), written, r.toString());
            }
        }
    }

    @Test
    void movedAddressRecordsGiveTheOtherPostcode() {
        for (SyntheticRecord r : data.records()) {
            String written = r.value("postcode").replace(" ", "");
            if (written.isEmpty() || r.person().postcode().equals(r.person().otherPostcode())) {
                continue;
            }
            String expected = r.corruptions().contains(Corruption.MOVED_ADDRESS)
                    ? r.person().otherPostcode() : r.person().postcode();
            assertEquals(expected.replace(" ", ""), written, r.toString());
        }
    }

    @Test
    void defaultProfileRatesAreAlsoMet() {
        SyntheticData defaults = SyntheticForces.builder().people(3000).seed(77).build().generate();
        CorruptionProfile profile = CorruptionProfile.defaults();
        for (Corruption c : List.of(Corruption.TYPO, Corruption.NAME_VARIANT, Corruption.MISSING_FIELDS,
                Corruption.MOVED_ADDRESS, Corruption.MISSING_MIDDLE_NAME)) {
            long eligible = defaults.records().stream().filter(r -> r.eligibleCorruptions().contains(c)).count();
            long applied = defaults.records().stream().filter(r -> r.corruptions().contains(c)).count();
            assertWithinTolerance(c.name(), profile.rate(c), applied, eligible);
        }
    }

    /** Four binomial standard deviations: a false alarm about once in 15,000 checks. */
    private static void assertWithinTolerance(String what, double rate, long applied, long trials) {
        double observed = applied / (double) trials;
        double tolerance = 4 * Math.sqrt(rate * (1 - rate) / trials) + 1e-9;
        assertTrue(Math.abs(observed - rate) <= tolerance,
                what + ": observed " + observed + " over " + trials + " records, expected " + rate + " ± " + tolerance);
    }
}
