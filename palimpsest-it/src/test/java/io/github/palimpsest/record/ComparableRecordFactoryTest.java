package io.github.palimpsest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.synthetic.SyntheticForces;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparableRecordFactoryTest {
    private static final LocalDate REFERENCE = LocalDate.of(2025, 1, 1);

    static List<PersonRecord> generated(int people) {
        return SyntheticForces.builder().people(people).seed(8).referenceDate(REFERENCE).build().generate()
                .records().stream().map(g -> g.toPersonRecord(REFERENCE)).toList();
    }

    /** Every accessor of a comparable record, as text. */
    static String fields(ComparableRecord r) {
        List<Object> all = new ArrayList<>(List.of(r.recordId(), r.forceCode(), r.forceName(), r.forename(),
                r.middleInitials(), r.isForenameInitial(), r.surname(), r.surnameVariants(), r.forenamePhonetic(),
                r.forenamePhoneticAlternate(), r.surnamePhonetic(), r.surnamePhoneticAlternate(), r.surnameNysiis(),
                r.aliasForenames(), r.aliasSurnames(), r.dateOfBirth(), r.isDateOfBirthLowInformation(), r.sex(),
                r.pncId(), r.croNumber(), r.niNumber(), r.drivingLicence(), r.warrantNumber(), r.hasInvalidPncId(),
                r.hasInvalidCroNumber(), r.hasInvalidNiNumber(), r.hasInvalidDrivingLicence(),
                r.hasInvalidWarrantNumber(), r.phone(), r.email(), r.postcode(), r.postcodeSector(),
                r.postcodeDistrict(), r.addressTokens(), r.identifiers(), r.eventDate(), r.eventType(),
                r.isNamePurged(), r.hasName(), r.allForenames()));
        return all.toString();
    }

    @Test
    void sharedRecordsEqualUnsharedOnesFieldByField() {
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        for (PersonRecord record : generated(400)) {
            assertEquals(fields(ComparableRecord.of(record)), fields(factory.of(record)));
        }
        assertTrue(factory.sharedValues() > 0);
    }

    @Test
    void equalNamesArePreparedOnceAndShared() {
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        PersonRecord one = PersonRecord.builder().recordId("A").forename("Stephen").surname("Marlowe")
                .postcode("SW1A 1AA").address("10 Downing Street").build();
        PersonRecord two = PersonRecord.builder().recordId("B").forename("STEPHEN").surname("marlowe")
                .postcode("sw1a1aa").address("10 downing street").build();
        ComparableRecord a = factory.of(one);
        ComparableRecord b = factory.of(two);
        assertSame(a.forename(), b.forename());
        assertSame(a.surname(), b.surname());
        assertSame(a.surnamePhonetic(), b.surnamePhonetic());
        assertSame(a.postcodeDistrict(), b.postcodeDistrict());
        assertSame(a.addressTokens().get(0), b.addressTokens().get(0));
        assertEquals("stephen", a.forename());
    }

    @Test
    void theForceNameIsTheOfficialNameOrTheTextGiven() {
        ComparableRecord known = ComparableRecord.of(PersonRecord.builder().recordId("A").force("Herts")
                .eventType(" arrest ").build());
        assertEquals("41", known.forceCode());
        assertEquals("Hertfordshire", known.forceName());
        assertEquals("arrest", known.eventType());
        ComparableRecord unknown = ComparableRecord.of(PersonRecord.builder().recordId("B").force(" Atlantis ").build());
        assertEquals("", unknown.forceCode());
        assertEquals("Atlantis", unknown.forceName());
    }
}
