package io.github.palimpsest.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
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
    void rulesHaveUniqueNamesAndEveryUnguardedKeyCombinesTwoFieldsOrIsAnIdentifier() {
        Set<String> names = new HashSet<>();
        for (BlockingRule<ComparableRecord> rule : PersonBlockingRules.standard()) {
            assertTrue(names.add(rule.name()), rule.name());
        }
        // A record with a single field other than an identifier gets a key only under the name rule, whose
        // blocks are small (a common name's block is split by second keys) and pair only records short of
        // a name or date of birth: no rule pairs everyone who shares one common field.
        for (ComparableRecord single : List.of(record("forename", "Ada"), record("surname", "Brown"),
                record("dob", "1984-03-17"), record("postcode", "SW1A 1AA"))) {
            for (BlockingRule<ComparableRecord> rule : PersonBlockingRules.standard()) {
                List<String> keys = new ArrayList<>();
                rule.keys(single, keys::add);
                if (rule.name().startsWith("name-phonetic, any field")) {
                    assertTrue(rule.maxBlockSize() <= PersonBlockingRules.NAME_MAX_BLOCK_SIZE);
                    continue;
                }
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
    void aPurgedRecordSharingOnlyAPhoneMeetsItsMate() {
        ComparableRecord named = record("forename", "Orla", "surname", "Quince", "dob", "1984-03-17",
                "phone", "07700 900123");
        ComparableRecord purged = record("phone", "+44 7700 900123");
        assertTrue(purged.isNamePurged());
        assertTrue(paired(named, purged), "no name, no date of birth: the phone alone");
        assertFalse(paired(named, record("forename", "Zed", "surname", "Amory", "dob", "1961-11-02")),
                "control: nothing shared");
        assertTrue(paired(record("warrant_number", "WA/2231/77", "sex", "F"),
                record("warrant_number", "WA223177", "forename", "Orla")), "a warrant number alone");
        assertTrue(paired(record("email", "o.quince@example.org"), record("email", "O.Quince@example.org",
                "surname", "Quince")), "an e-mail address alone");
    }

    /** A hostel's number given by {@code strangers} people of distinct names and dates of birth. */
    private static List<ComparableRecord> hostel(int strangers) {
        List<ComparableRecord> records = new ArrayList<>();
        String[] forenames = {"Ada", "Bram", "Cato", "Dora", "Egon", "Faye", "Gus", "Hild", "Ivo", "Juno"};
        for (int i = 0; i < strangers; i++) {
            records.add(record("forename", forenames[i % 10], "surname", "Stranger" + (char) ('a' + i / 10)
                    + (char) ('a' + i % 10), "dob", LocalDate.of(1950 + i, 1 + i % 12, 1 + i % 28).toString(),
                    "phone", "07700 900999"));
        }
        return records;
    }

    @Test
    void anOversizedPhoneBlockIsSplitBySecondKeysNotDroppedAndReported() {
        int strangers = 3 * PersonBlockingRules.IDENTIFIER_MAX_BLOCK_SIZE;
        List<ComparableRecord> records = hostel(strangers);
        // One person twice on the hostel's number, and once purged of name and date of birth.
        records.add(record("forename", "Orla", "surname", "Quince", "dob", "1984-03-17", "phone", "07700 900999"));
        records.add(record("forename", "O", "surname", "Quince", "phone", "07700900999"));
        records.add(record("dob", "1984-03-27", "phone", "07700900999"));
        Blocker<ComparableRecord> phoneOnly = Blocker.<ComparableRecord>builder()
                .rule(rule("phone")).build();

        CandidatePairs pairs = phoneOnly.candidates(records);

        assertTrue(pairs.contains(strangers, strangers + 1), "the surname key with the initial splits them out");
        assertTrue(pairs.contains(strangers, strangers + 2), "the year of birth with the month splits them out");
        int all = records.size() * (records.size() - 1) / 2;
        assertTrue(pairs.size() < all / 4, "split, not every pair of the block: " + pairs.size() + " of " + all);
        assertEquals(0, pairs.report().recordsWithoutCandidates(), "no record dropped");
        BlockingReport.OversizeBlock block = pairs.report().oversizeBlocks().get(0);
        assertEquals("phone", block.rule());
        assertEquals(records.size(), block.size());
        assertTrue(block.subBlocks() >= 2, block.toString());
        assertFalse(block.toString().contains("07700"), "the key stays out of the report's text");
        assertFalse(pairs.contains(0, 1), "two strangers of the hostel share nothing more");
    }

    @Test
    void aPhoneSharedByAHouseholdPairsItsFewRecords() {
        // A small block is paired in full: the scorer, not the blocker, tells a mother from her child.
        ComparableRecord mother = record("forename", "Orla", "surname", "Quince", "dob", "1984-03-17",
                "phone", "07700 900123");
        assertTrue(paired(mother, record("forename", "Bram", "surname", "Quince", "dob", "2010-06-05",
                "phone", "07700 900123")));
    }

    @Test
    void aNameTypoWithoutADateOfBirthMeetsThroughTheOtherName() {
        ComparableRecord full = record("forename", "Ada", "surname", "Phillips", "dob", "1950-01-06",
                "address", "3 Mill Lane, Kirkby Lonsdale");
        ComparableRecord typo = record("forename", "Ada", "surname", "Pihllips", "address", "Kirkby Lonsdale");
        assertTrue(paired(full, typo));
        // Among many of the same forename (a block over the maximum) the place splits them out.
        List<ComparableRecord> records = new ArrayList<>();
        for (int i = 0; i < 3 * PersonBlockingRules.NAME_MAX_BLOCK_SIZE; i++) {
            records.add(record("forename", "Ada", "surname", "Other" + (char) ('a' + i / 26) + (char) ('a' + i % 26),
                    "dob", LocalDate.of(1900 + i, 1 + i % 12, 1 + i % 28).toString(), "address", "Town" + i));
        }
        records.add(full);
        records.add(typo);
        CandidatePairs pairs = BLOCKER.candidates(records);
        assertTrue(pairs.contains(records.size() - 2, records.size() - 1));
        assertTrue(pairs.report().oversizeBlocks().stream().anyMatch(b -> b.rule().startsWith("name-phonetic, any")
                && b.subBlocks() > 0));
    }

    @Test
    void swappedForenameAndSurnameMeetWithoutADateOfBirth() {
        assertTrue(paired(record("forename", "Tamsin", "surname", "Grail", "dob", "1990-10-01"),
                record("forename", "Grail", "surname", "Tamsin")));
    }

    private static BlockingRule<ComparableRecord> rule(String name) {
        return PersonBlockingRules.standard().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
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
        assertFalse(paired(original, record("forename", "Nadia", "surname", "Quarry", "dob", "1971-11-23")),
                "same surname and year only: a year-wide block would grow with the pool");
    }

    @Test
    void namesThatSoundAlikeMeetWhateverTheDatesOfBirth() {
        ComparableRecord original = record("forename", "Wendell", "surname", "Quarrie", "dob", "1971-04-09");
        assertTrue(paired(original, record("forename", "Wendel", "surname", "Quarry", "dob", "1981-05-19")),
                "a decade mistyped and the day and month wrong too");
        assertTrue(paired(original, record("forename", "Quarrie", "surname", "Wendell", "dob", "1961-11-23")),
                "swapped as well");
        assertFalse(paired(original, record("forename", "Wendell", "surname", "Marsh", "dob", "1981-05-19")),
                "control: the forename alone");
    }

    @Test
    void aCommonFullNameWithoutADateMatchIsSplitByPlace() {
        List<ComparableRecord> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(record("forename", "John", "surname", "Smith", "dob", (1940 + i % 60) + "-0" + (1 + i % 9)
                    + "-1" + (i % 10), "address", "Town" + (char) ('a' + i % 20) + (char) ('a' + i / 20)));
        }
        records.add(record("forename", "Jon", "surname", "Smyth", "dob", "1999-12-28", "address", "Townaa"));
        CandidatePairs pairs = Blocker.<ComparableRecord>builder().rules(PersonBlockingRules.standard()).build()
                .candidates(records);
        assertTrue(pairs.size() < 20L * records.size(), "a common name's block is not paired in full: " + pairs.size());
        assertTrue(pairs.contains(0, 200), "the same name in the same town meets");
    }

    @Test
    void identifiersAndEmailsOneKeyingErrorApartMeet() {
        assertTrue(paired(record("warrant_number", "WA223177", "sex", "F"),
                record("warrant_number", "WA22317", "forename", "Orla")), "a character dropped");
        assertTrue(paired(record("warrant_number", "WA223177", "sex", "F"),
                record("warrant_number", "WA2231777", "forename", "Orla")), "a character added");
        assertTrue(paired(record("email", "o.quince@example.org"), record("email", "o.quince@example.og")),
                "an e-mail address with a character dropped");
        assertTrue(paired(record("email", "o.quince@example.org"), record("email", "o.quince@exanple.org")),
                "an e-mail address with a character changed");
        assertFalse(paired(record("email", "o.quince@example.org"), record("email", "a.quinn@example.org")),
                "control: two characters apart");
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

    @Test
    void everyIdentifierComparisonIsCoveredByOneStandardRule() {
        List<BlockingRule<ComparableRecord>> rules = PersonBlockingRules.standard();
        for (io.github.palimpsest.compare.Comparison<ComparableRecord> c
                : io.github.palimpsest.pipeline.PersonKind.standardComparisons()) {
            boolean identifier = c instanceof io.github.palimpsest.compare.IdentifierComparison
                    || c instanceof io.github.palimpsest.compare.GenericIdentifierComparison
                    || c instanceof io.github.palimpsest.compare.ContactComparison;
            long covering = rules.stream().filter(r -> r.agreementCovered().filter(c::equals).isPresent()).count();
            assertEquals(identifier ? 1 : 0, covering, c.name());
        }
    }

    @Test
    void recordsThatAgreeOnACoveredComparisonShareAKeyOfItsRule() {
        PersonRecord.Builder base = PersonRecord.builder().force("Met");
        ComparableRecord a = ComparableRecord.of(base.recordId("A").email("Robin.Testperson@Example.org")
                .phone("07700 900123").warrantNumber("WA/123/4567").build());
        ComparableRecord b = ComparableRecord.of(base.recordId("B").email("robin.testperson@example.org")
                .phone("+44 7700 900123").warrantNumber("WA1234567").build());
        List<String> checked = new ArrayList<>();
        for (BlockingRule<ComparableRecord> rule : PersonBlockingRules.standard()) {
            rule.agreementCovered().ifPresent(c -> {
                if (c.level(a, b) == 0) {
                    checked.add(c.name());
                    Set<String> keysOfA = new HashSet<>();
                    rule.keys(a, keysOfA::add);
                    List<String> shared = new ArrayList<>();
                    rule.keys(b, k -> {
                        if (keysOfA.contains(k)) {
                            shared.add(k);
                        }
                    });
                    assertFalse(shared.isEmpty(), rule.name() + " pairs two records that agree on " + c.name());
                }
            });
        }
        assertEquals(List.of("warrant_number", "phone", "email"), checked, "the records agree on these three");
    }

    @Test
    void coveringSurvivesGuards() {
        io.github.palimpsest.compare.Comparison<ComparableRecord> email =
                io.github.palimpsest.compare.ContactComparison.email();
        BlockingRule<ComparableRecord> rule = BlockingRule.<ComparableRecord>of("email", (r, k) -> k.accept(r.email()))
                .coveringAgreementOf(email).withMaxBlockSize(7).withSplitKeys((r, k) -> { });
        assertEquals(email, rule.agreementCovered().orElseThrow());
        assertEquals(7, rule.maxBlockSize());
        assertTrue(BlockingRule.<ComparableRecord>of("email", (r, k) -> k.accept(r.email())).withMaxBlockSize(7)
                .coveringAgreementOf(email).agreementCovered().isPresent());
    }
}
