package io.github.palimpsest.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonBlockingRulesTest {
    private static final Blocker<ComparableRecord> BLOCKER = Blocker.<ComparableRecord>builder()
            .rules(PersonBlockingRules.standard()).build();

    private static ComparableRecord record(String... columnsAndValues) {
        PersonRecord.Builder b = PersonRecord.builder().referenceDate(LocalDate.of(2025, 1, 1)).recordId("X");
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            b.set(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return ComparableRecord.of(b.build());
    }

    /** Whether the standard rules make the two records a candidate pair. */
    private static boolean paired(ComparableRecord a, ComparableRecord b) {
        return BLOCKER.candidates(List.of(a, b)).contains(0, 1);
    }

    @Test
    void rulesHaveUniqueNamesAndEveryKeyCombinesTwoFieldsOrIsAnIdentifier() {
        Set<String> names = new HashSet<>();
        for (BlockingRule<ComparableRecord> rule : PersonBlockingRules.standard()) {
            assertTrue(names.add(rule.name()), rule.name());
        }
        // A record with a single field (other than an identifier) gets no key at all: no rule blocks on
        // one common field alone, which is what keeps pairs near-linear in the pool size.
        for (ComparableRecord single : List.of(record("forename", "Ada"), record("surname", "Brown"),
                record("dob", "1984-03-17"), record("postcode", "SW1A 1AA"), record("phone", "07700 900123"))) {
            for (BlockingRule<ComparableRecord> rule : PersonBlockingRules.standard()) {
                List<String> keys = new ArrayList<>();
                rule.keys(single, keys::add);
                assertTrue(keys.stream().allMatch(String::isEmpty), rule.name() + " keys one field: " + keys);
            }
        }
    }

    @Test
    void aRecordPurgedOfItsNameIsReachedByDateOfBirthAndPostcode() {
        ComparableRecord named = record("forename", "Orla", "surname", "Quince", "dob", "1984-03-17",
                "postcode", "SW1A 1AA");
        ComparableRecord purged = record("dob", "17/03/1984", "postcode", "sw1a1aa");
        assertTrue(purged.isNamePurged());
        assertTrue(paired(named, purged));
    }

    @Test
    void aRecordPurgedOfNameAndDateIsReachedByItsAddressOrIdentifiers() {
        ComparableRecord named = record("forename", "Orla", "surname", "Quince", "dob", "1984-03-17",
                "postcode", "SW1A 1AA", "address", "12 Lark Rise", "id_custody", "CU-2020-4471");
        assertTrue(paired(named, record("postcode", "SW1A 1AA", "address", "12 Lark Rise", "pnc_id", "junk")));
        assertTrue(paired(named, record("id_custody", "CU20204471")));
        assertTrue(paired(named, record("id_custody", "CU20204417")), "one keying error in the identifier");
        assertFalse(paired(named, record("id_locker", "CU20204471")), "identifiers of another type never meet");
    }

    @Test
    void aPhoneReachesTheSamePersonButNotEveryoneWhoGaveThatNumber() {
        ComparableRecord named = record("forename", "Orla", "surname", "Quince", "dob", "1984-03-17",
                "phone", "07700 900123");
        assertTrue(paired(named, record("dob", "1984-03-17", "phone", "+44 7700 900123")), "purged of the name");
        assertTrue(paired(named, record("dob", "1984-03-27", "phone", "07700 900123")), "purged, day mistyped");
        assertTrue(paired(named, record("forename", "O", "surname", "Quince", "phone", "07700900123")),
                "no date of birth: the surname and initial");
        assertFalse(paired(named, record("forename", "Zed", "surname", "Amory", "dob", "1961-11-02",
                "phone", "07700 900123")));
    }

    @Test
    void aPhoneSharedByAHouseholdDoesNotPairEveryoneOfTheSameSurnameOrYear() {
        // Keys of phone with the year alone, or with the surname alone, were what made this rule grow with
        // the pool: a shared number joined every relative, and any two people of one year of birth.
        ComparableRecord mother = record("forename", "Orla", "surname", "Quince", "dob", "1984-03-17",
                "phone", "07700 900123");
        assertFalse(paired(mother, record("forename", "Bram", "surname", "Quince", "dob", "2010-06-05",
                "phone", "07700 900123")), "a child of the same surname, another initial and year");
        assertFalse(paired(mother, record("dob", "1984-11-02", "phone", "07700 900123")),
                "only the year of birth in common");
    }

    @Test
    void anAliasSurnameReachesTheMarriedSurname() {
        // Days of birth differ (a keying error) and no postcode: only the alias surname, with the initial,
        // year and month of birth, can meet.
        ComparableRecord married = record("forename", "Imogen", "surname", "Fairweather",
                "aliases", "Imogen Tolliver", "dob", "1984-03-17");
        ComparableRecord maiden = record("forename", "Imogen", "surname", "Tolliver", "dob", "1984-03-21");
        assertTrue(paired(married, maiden));
        ComparableRecord withoutAlias = record("forename", "Imogen", "surname", "Fairweather", "dob", "1984-03-17");
        assertFalse(paired(withoutAlias, maiden), "control: without the alias nothing links them");
    }

    @Test
    void aSurnameMeetsDespiteOneBadFieldOfTheBirthDateButNotAcrossTheWholeYear() {
        ComparableRecord original = record("forename", "Wendell", "surname", "Quarrie", "dob", "1971-04-09");
        assertTrue(paired(original, record("forename", "Wendell", "surname", "Quarry", "dob", "1971-04-19")),
                "day mistyped, surname misspelt");
        assertTrue(paired(original, record("forename", "Wendell", "surname", "Quarry", "dob", "1971-09-04")),
                "day and month swapped, surname misspelt");
        assertFalse(paired(original, record("forename", "Wendell", "surname", "Quarry", "dob", "1971-11-23")),
                "same year only: a year-wide block would grow with the pool");
    }

    @Test
    void swappedForenameAndSurnameMeetUnderTheDateOfBirth() {
        assertTrue(paired(record("forename", "Tamsin", "surname", "Grail", "dob", "1990-10-01"),
                record("forename", "Grial", "surname", "Tamsin", "dob", "1990-10-01")));
    }

    @Test
    void aPlaceholderDateSharedByManyIsSubBlockedAndReportedButSameSurnamesStillMeet() {
        List<ComparableRecord> records = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            records.add(record("forename", "John", "surname", "Surname" + i, "dob", "1900-01-01"));
        }
        records.add(record("forename", "John", "surname", "Quillfeather", "dob", "1900-01-01"));
        records.add(record("forename", "Jon", "surname", "Quillfeather", "dob", "1900-01-01"));

        CandidatePairs pairs = BLOCKER.candidates(records);

        BlockingReport report = pairs.report();
        assertFalse(report.oversizeBlocks().isEmpty(), "the placeholder block is reported");
        assertTrue(report.oversizeBlocks().stream().anyMatch(b -> b.rule().equals("name-phonetic+dob")));
        assertTrue(pairs.size() < 1_502L * 30, "sub-blocked, not quadratic: " + pairs.size());
        assertTrue(pairs.contains(1_500, 1_501), "the surname ordering key keeps the two Quillfeathers together");
        assertEquals(0, report.recordsWithoutCandidates());
    }
}
