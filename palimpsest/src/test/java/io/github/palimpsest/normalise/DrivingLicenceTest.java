package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DrivingLicenceTest {

    private static final LocalDate SARAH_DOB = LocalDate.of(1976, 3, 11);

    @Test
    void decodesEveryField() {
        DrivingLicence licence = DrivingLicence.parse("MORGA753116SM9IJ");
        assertTrue(licence.isValid(), licence.problems().toString());
        assertEquals(Optional.of("MORGA753116SM9IJ"), licence.canonical());
        assertEquals(Optional.of("MORGA"), licence.surnameStem());
        assertEquals(Sex.FEMALE, licence.sex());
        assertEquals(3, licence.birthMonth());
        assertEquals(11, licence.birthDay());
        assertEquals(76, licence.yearLastTwoDigits());
        assertEquals("SM", licence.initials());
        assertEquals(OptionalInt.empty(), licence.issueNumber());
        assertEquals(Optional.of(SARAH_DOB), licence.dateOfBirthIfCentury(19));
        assertEquals(Optional.of(LocalDate.of(2076, 3, 11)), licence.dateOfBirthIfCentury(20));
    }

    @Test
    void shortSurnameAndSingleForenameArePaddedWithNines() {
        DrivingLicence licence = DrivingLicence.parse("LEE99 801023 J9 9AB");
        assertEquals(Optional.of("LEE99801023J99AB"), licence.canonical());
        assertEquals(Optional.of("LEE"), licence.surnameStem());
        assertEquals("J", licence.initials());
        assertEquals(Sex.MALE, licence.sex());
        assertEquals(83, licence.yearLastTwoDigits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"morga753116sm9ij", " MORGA 753116 SM9IJ ", "MORGA-753116-SM9IJ", "MORGA753116SM9IJ 42"})
    void spacingCaseAndIssueNumberAreTolerated(String raw) {
        assertEquals(Optional.of("MORGA753116SM9IJ"), DrivingLicence.parse(raw).canonical(), raw);
    }

    @Test
    void issueNumberIsKeptApart() {
        assertEquals(OptionalInt.of(42), DrivingLicence.parse("MORGA753116SM9IJ42").issueNumber());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MORGA753116SM9I", "MORGA753116SM9IJ4", "M9RGA753116SM9IJ", "9ORGA753116SM9IJ",
        "MORGA713116SM9IJ", "MORGA763116SM9IJ", "MORGA700116SM9IJ", "MORGA753326SM9IJ", "MORGA752306SM9IJ",
        "MORGA752297SM9IJ", "MORGA7531169M9IJ", "MORGA753116SMXIJ", "12345678", "hello"})
    void malformedValuesAreInvalidWithAReason(String raw) {
        DrivingLicence licence = DrivingLicence.parse(raw);
        assertFalse(licence.isValid(), raw);
        assertEquals(1, licence.problems().size(), raw);
        assertTrue(licence.problems().get(0).startsWith("driving_licence: "), licence.problems().toString());
        assertEquals(Sex.UNKNOWN, licence.sex());
        assertEquals(Optional.empty(), licence.surnameStem());
        assertEquals(Optional.empty(), licence.dateOfBirthIfCentury(19));
        assertEquals(List.of(), licence.contradictions("Morgan", Optional.of(SARAH_DOB), Sex.MALE));
    }

    @Test
    void twentyNinthOfFebruaryNeedsAYearThatCanBeLeap() {
        assertTrue(DrivingLicence.parse("SMITH802290J99AA").isValid());    // 1980 or 2080
        assertFalse(DrivingLicence.parse("SMITH802291J99AA").isValid());   // 1981 is not leap
        assertEquals(Optional.empty(), DrivingLicence.parse("SMITH002290J99AA").dateOfBirthIfCentury(19));
        assertEquals(Optional.of(LocalDate.of(2000, 2, 29)),
                DrivingLicence.parse("SMITH002290J99AA").dateOfBirthIfCentury(20));
    }

    @Test
    void encodeFollowsTheDvlaLayout() {
        String number = DrivingLicence.encode("Morgan", "Sarah Meredith", SARAH_DOB, Sex.FEMALE);
        assertEquals(16, number.length());
        assertTrue(number.startsWith("MORGA753116SM9"), number);
        assertTrue(number.substring(14).matches("[A-Z]{2}"), number);
        assertTrue(DrivingLicence.encode("Lee", "John", LocalDate.of(1983, 10, 2), Sex.MALE).startsWith("LEE99810023J99"));
        assertTrue(DrivingLicence.encode("Lee", "J", LocalDate.of(1983, 10, 2), Sex.UNKNOWN).startsWith("LEE99810023J99"));
        assertTrue(DrivingLicence.encode("MacDonald", "Iain", LocalDate.of(1960, 1, 5), Sex.MALE, 3)
                .startsWith("MCDON601050I93"));
        assertTrue(DrivingLicence.encode("O'Brien-Ó Súilleabháin", "Zoë", LocalDate.of(1990, 12, 31), Sex.FEMALE)
                .startsWith("OBRIE962310Z99"));
        assertTrue(DrivingLicence.encode("Łukasiewicz", "Anna", LocalDate.of(1990, 12, 31), Sex.FEMALE)
                .startsWith("LUKAS"));
    }

    @Test
    void encodeRejectsUnusableArguments() {
        assertThrows(IllegalArgumentException.class, () -> DrivingLicence.encode("123", "A", SARAH_DOB, Sex.MALE));
        assertThrows(IllegalArgumentException.class, () -> DrivingLicence.encode("Lee", " ", SARAH_DOB, Sex.MALE));
        assertThrows(IllegalArgumentException.class, () -> DrivingLicence.encode("Lee", "A", SARAH_DOB, Sex.MALE, 10));
    }

    @Test
    void consistentRecordHasNoContradictions() {
        DrivingLicence licence = DrivingLicence.parse("MORGA753116SM9IJ");
        assertEquals(List.of(), licence.contradictions("Morgan", Optional.of(SARAH_DOB), Sex.FEMALE));
        assertEquals(List.of(), licence.contradictions("MORGAN-PRICE", "Sarah Meredith", Optional.of(SARAH_DOB), Sex.FEMALE));
        assertEquals(List.of(), licence.contradictions("", "", Optional.empty(), Sex.UNKNOWN));
        assertEquals(List.of(), licence.contradictions(null, null, null, null));
        assertEquals(List.of(), licence.contradictions("Morgan", "Sarah", Optional.of(SARAH_DOB), Sex.FEMALE));
    }

    @Test
    void contradictionsNameEachDisagreement() {
        DrivingLicence licence = DrivingLicence.parse("MORGA753116SM9IJ");
        List<String> found = licence.contradictions("Jones", Optional.of(LocalDate.of(1977, 4, 12)), Sex.MALE);
        assertEquals(List.of(
                "driving_licence: surname part MORGA contradicts surname 'Jones'",
                "driving_licence: birth day 11 contradicts date of birth 1977-04-12",
                "driving_licence: birth month 03 contradicts date of birth 1977-04-12",
                "driving_licence: birth year ending 76 contradicts date of birth 1977-04-12",
                "driving_licence: month digits 53 mark the holder as female, but the record says male"), found);
        assertEquals(List.of("driving_licence: initial S contradicts forenames 'Megan'"),
                licence.contradictions("Morgan", "Megan", Optional.empty(), Sex.UNKNOWN));
        assertEquals(List.of("driving_licence: second initial M contradicts forenames 'Sarah Jane'"),
                licence.contradictions("Morgan", "Sarah Jane", Optional.empty(), Sex.UNKNOWN));
    }

    @Test
    void macSurnamesMatchEitherWay() {
        DrivingLicence licence = DrivingLicence.parse(
                DrivingLicence.encode("MacKenzie", "Ewan", LocalDate.of(1969, 7, 14), Sex.MALE));
        assertEquals(Optional.of("MCKEN"), licence.surnameStem());
        assertEquals(List.of(), licence.contradictions("Mackenzie", Optional.empty(), Sex.MALE));
        assertEquals(List.of(), licence.contradictions("McKenzie", Optional.empty(), Sex.MALE));
        assertEquals(List.of(), DrivingLicence.parse("MACKE607149E99AA")
                .contradictions("MacKenzie", Optional.empty(), Sex.MALE));
    }

    @Test
    void absentValueHasNoProblems() {
        assertEquals(List.of(), DrivingLicence.parse(null).problems());
        assertFalse(DrivingLicence.parse("  ").isPresent());
    }
}
