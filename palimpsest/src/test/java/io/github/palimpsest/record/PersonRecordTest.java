package io.github.palimpsest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.normalise.Sex;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PersonRecordTest {
    private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 23);

    private static PersonRecord.Builder fictional() {
        return PersonRecord.builder().referenceDate(REFERENCE).recordId("T-1");
    }

    @Test
    void everyFieldKeepsItsRawTextBesideItsNormalisedValue() {
        PersonRecord r = fictional().force("Met").fullName("EXAMPLE, Jonathan Quentin").dob("24.11.50")
                .pncId("79/163001B").postcode("sw1a1aa").phone("07700 900123").email(" A.Person@Example.ORG ")
                .build();
        assertEquals("01", r.force().canonical().orElseThrow());
        assertEquals("Met", r.force().raw());
        assertEquals("example", r.name().surname());
        assertEquals("jonathan", r.name().forename());
        assertEquals("1950-11-24", r.dateOfBirth().canonical().orElseThrow());
        assertEquals("24.11.50", r.dateOfBirth().raw());
        assertEquals("1979/0163001B", r.pncId().canonical().orElseThrow());
        assertEquals("SW1A 1AA", r.postcode().canonical().orElseThrow());
        assertEquals("+447700900123", r.phone().canonical().orElseThrow());
        assertEquals("a.person@example.org", r.email().canonical().orElseThrow());
    }

    @Test
    void historicalYearsAreValidUnlessTheCallerRaisesTheEarliestYear() {
        assertEquals("1066-10-14", fictional().dob("14/10/1066").build().dateOfBirth().canonical().orElseThrow());
        PersonRecord recent = fictional().dob("14/10/1066").earliestYear(1800).build();
        assertFalse(recent.dateOfBirth().isValid());
        assertTrue(recent.dateOfBirth().problems().get(0).contains("before 1800"), recent.problems().toString());
        assertFalse(recent.toBuilder().build().dateOfBirth().isValid(), "a copy keeps the earliest year");
        assertThrows(IllegalArgumentException.class, () -> fictional().earliestYear(0));
    }

    @Test
    void anImpossibleDateOfBirthKeepsItsYearForComparison() {
        PersonRecord r = fictional().dob("31/04/1975").build();
        assertFalse(r.dateOfBirth().isValid());
        ComparableRecord c = ComparableRecord.of(r);
        assertEquals(0, c.dateOfBirth(), "no dob still means no dob");
        assertEquals(0, c.birthYear());
        assertEquals(1975, c.partialBirthYear());
        assertEquals(1, r.problems().size());
    }

    @Test
    void invalidValuesAreKeptAndReportedByField() {
        PersonRecord r = fictional().dob("31/02/1980").pncId("2001/0012345A").build();
        assertFalse(r.dateOfBirth().isValid());
        assertEquals("31/02/1980", r.dateOfBirth().raw());
        assertTrue(r.problems().stream().anyMatch(p -> p.field().equals("dob")), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.field().equals("pnc_id")), r.problems().toString());
        assertTrue(r.problems().stream().noneMatch(p -> p.reason().startsWith(p.field() + ":")),
                "a problem never names its field twice: " + r.problems());
    }

    @Test
    void separateNameFieldsWinOverFullName() {
        PersonRecord r = fictional().fullName("Someone Else").forename("Alice").surname("Example").build();
        assertEquals("alice", r.name().forename());
        assertEquals("Someone Else", r.rawFullName());
    }

    @Test
    void aliasesAreSplitOnSemicolons() {
        PersonRecord r = fictional().forename("Alice").surname("Married").aliases("Alice Maiden; Ally Other").build();
        assertEquals(2, r.aliases().size());
        assertEquals("maiden", r.aliases().get(0).surname());
    }

    @Test
    void aRecordWithoutANameButWithIdentifiersLooksPurged() {
        PersonRecord purged = fictional().pncId("79/163001B").dob("1979-05-06").build();
        assertTrue(purged.hasPurgedName());
        assertFalse(fictional().forename("Alice").pncId("79/163001B").build().hasPurgedName());
        assertFalse(fictional().build().hasPurgedName(), "an empty record identifies nobody");
    }

    @Test
    void unrecognisedSexIsReported() {
        PersonRecord r = fictional().sex("Q").build();
        assertEquals(Sex.UNKNOWN, r.sex());
        assertTrue(r.problems().stream().anyMatch(p -> p.field().equals("sex")));
    }

    @Test
    void aBlankRecordIdIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PersonRecord.builder().recordId("  ").build());
    }

    @Test
    void toStringCarriesNoPersonalData() {
        PersonRecord r = fictional().forename("Alice").surname("Example").dob("1980-01-02").build();
        assertFalse(r.toString().toLowerCase().contains("example"));
        assertFalse(r.toString().contains("1980"));
    }
}
