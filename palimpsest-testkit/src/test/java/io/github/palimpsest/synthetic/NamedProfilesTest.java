package io.github.palimpsest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The named profiles the accuracy matrix runs: each differs from the defaults only in what its name says. */
class NamedProfilesTest {

    private static List<SyntheticRecord> records(CorruptionProfile profile) {
        return SyntheticForces.builder().people(3000).seed(11).profile(profile).build().generate().records();
    }

    private static double share(List<SyntheticRecord> records, Corruption c) {
        return records.stream().filter(r -> r.corruptions().contains(c)).count() / (double) records.size();
    }

    @Test
    void eachNamedProfileIsTheDefaultsWithItsOwnChangesOnly() {
        CorruptionProfile d = CorruptionProfile.defaults();
        assertEquals(d.toBuilder().rate(Corruption.PURGED, 0.15).purgeDateOfBirthRate(0.5).build(),
                CorruptionProfile.purgeHeavy());
        assertEquals(d.toBuilder().recordsDatesOfBirth(false).build(), CorruptionProfile.noDatesOfBirth());
        assertEquals(d.toBuilder().rate(Corruption.TYPO, 0.30).rate(Corruption.DOB_DIGIT_WRONG, 0.06).build(),
                CorruptionProfile.heavyTypos());
        assertTrue(d.recordsDatesOfBirth());
        assertNotEquals(d, CorruptionProfile.noDatesOfBirth());
        assertNotEquals(d.hashCode(), CorruptionProfile.noDatesOfBirth().hashCode());
    }

    @Test
    void purgeHeavyPurgesAboutFifteenPercentOfRecords() {
        List<SyntheticRecord> records = records(CorruptionProfile.purgeHeavy());
        double purged = share(records, Corruption.PURGED);
        assertTrue(purged > 0.13 && purged < 0.17, "purged share " + purged);
        for (SyntheticRecord r : records) {
            if (r.corruptions().contains(Corruption.PURGED)) {
                assertEquals("", r.value("surname") + r.value("full_name") + r.value("forename"), r.toString());
            }
            assertTrue(SyntheticForcesTest.hasIdentifyingField(r), r.toString());
        }
    }

    @Test
    void heavyTyposPutsATypoInAboutThirtyPercentOfRecords() {
        double typos = share(records(CorruptionProfile.heavyTypos()), Corruption.TYPO);
        assertTrue(typos > 0.28 && typos < 0.32, "typo share " + typos);
    }

    @Test
    void noDatesOfBirthLeavesEveryDobBlankYetEveryRecordIdentifiable() {
        List<SyntheticRecord> records = records(CorruptionProfile.noDatesOfBirth().toBuilder()
                .rate(Corruption.PURGED, 0.3).build());
        double purged = share(records, Corruption.PURGED);
        assertTrue(purged > 0.05 && purged < 0.3, "purges kept only where an identifier remains: " + purged);
        for (SyntheticRecord r : records) {
            assertEquals("", r.value("dob"), r.toString());
            assertTrue(SyntheticForcesTest.hasIdentifyingField(r), r.toString());
        }
    }

    @Test
    void noDatesOfBirthMayLeaveRecordsOfNoOneWhenTheProfileAllowsIt() {
        List<SyntheticRecord> records = records(CorruptionProfile.noDatesOfBirth().toBuilder()
                .rate(Corruption.PURGED, 1.0).allowsUnidentifiableRecords(true).build());
        assertTrue(records.stream().anyMatch(r -> !SyntheticForcesTest.hasIdentifyingField(r)));
        assertFalse(records.stream().anyMatch(r -> !r.value("dob").isEmpty()));
    }

    @Test
    void withoutDatesOfBirthTheOtherFieldsAreThoseOfTheDefaults() {
        // Blanking the date of birth draws no random number, so every other field is the default profile's.
        List<SyntheticRecord> plain = records(CorruptionProfile.defaults());
        List<SyntheticRecord> noDob = records(CorruptionProfile.noDatesOfBirth());
        assertEquals(plain.size(), noDob.size());
        for (int i = 0; i < plain.size(); i++) {
            for (String column : SyntheticRecord.COLUMNS) {
                if (!column.equals("dob") && !plain.get(i).corruptions().contains(Corruption.PURGED)) {
                    assertEquals(plain.get(i).value(column), noDob.get(i).value(column), column);
                }
            }
        }
    }
}
