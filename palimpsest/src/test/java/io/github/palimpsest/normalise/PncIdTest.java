package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PncIdTest {

    private static final LocalDate REFERENCE = LocalDate.of(2026, 6, 1);

    private static Optional<String> canonical(String raw) {
        return PncId.parse(raw, REFERENCE).canonical();
    }

    @Test
    void twoDigitYearInTheLastCenturyIsReadAs19YY() {
        PncId id = PncId.parse("99/123456X", REFERENCE);
        assertTrue(id.isValid(), id.problems().toString());
        assertEquals(Optional.of("1999/0123456X"), id.canonical());
        assertEquals(1999, id.year());
        assertEquals(123456, id.serial());
        assertEquals(List.of(), id.problems());
    }

    @Test
    void issueVectorWithUnpaddedSerialIsCanonicalised() {
        assertEquals(Optional.of("1979/0163001B"), canonical("79/163001B"));
    }

    @Test
    void wrongCheckLetterIsRejectedNamingTheRightOne() {
        PncId id = PncId.parse("2001/0012345A", REFERENCE);
        assertFalse(id.isValid());
        assertEquals(Optional.empty(), id.canonical());
        assertEquals(List.of("pnc_id: check letter should be H, not A"), id.problems());
        assertEquals(Optional.of("2001/0012345H"), canonical("2001/0012345H"));
    }

    @Test
    void checkLetterFollowsTheMod23Table() {
        assertEquals('X', PncId.checkLetter(99, 123456));
        assertEquals('H', PncId.checkLetter(1, 12345));
        assertEquals('B', PncId.checkLetter(79, 163001));
        assertEquals('Z', PncId.checkLetter(0, 0));
    }

    @Test
    void formatPadsTheSerialAndAppendsTheCheckLetter() {
        assertEquals("1979/0163001B", PncId.format(1979, 163001));
        assertEquals("2001/0012345H", PncId.format(2001, 12345));
    }

    @Test
    void formatAndCheckLetterRejectOutOfRangeArguments() {
        assertThrows(IllegalArgumentException.class, () -> PncId.checkLetter(100, 1));
        assertThrows(IllegalArgumentException.class, () -> PncId.checkLetter(1, 10_000_000));
        assertThrows(IllegalArgumentException.class, () -> PncId.format(79, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"79/163001B", "1979/0163001B", "79/0163001b", " 79 / 163 001 B ", "790163001B",
        "19790163001B", "79163001B", "79 163001B", "1979 163001 B", "79-163001-B", "1979163001B"})
    void everyUsualSpellingGivesTheSameCanonicalForm(String raw) {
        assertEquals(Optional.of("1979/0163001B"), canonical(raw), raw);
    }

    @Test
    void centuryDependsOnTheReferenceYear() {
        String id = "25/" + "0000001" + PncId.checkLetter(25, 1);
        assertEquals(Optional.of("2025/0000001" + PncId.checkLetter(25, 1)), canonical(id));
        assertEquals(1925, PncId.parse(id, LocalDate.of(2024, 12, 31)).year());
        assertEquals(2026, PncId.parse("26/1" + PncId.checkLetter(26, 1), REFERENCE).year());
        assertEquals(1927, PncId.parse("27/1" + PncId.checkLetter(27, 1), REFERENCE).year());
    }

    @Test
    void fourDigitYearAfterTheReferenceYearIsInvalid() {
        PncId id = PncId.parse(PncId.format(2031, 5), REFERENCE);
        assertFalse(id.isValid());
        assertTrue(id.problems().get(0).startsWith("pnc_id: year 2031"), id.problems().toString());
    }

    @Test
    void allZeroSerialIsAPlaceholder() {
        PncId id = PncId.parse("00/0000000Z", REFERENCE);
        assertFalse(id.isValid());
        assertTrue(id.problems().get(0).contains("placeholder"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "79/163001", "79/12345678X", "7/163001B", "79/163001BB", "/163001B",
        "79//163001B", "123/163001B", "ABC", "79/16300I", "99/123456I"})
    void malformedValuesAreInvalidWithAReason(String raw) {
        PncId id = PncId.parse(raw, REFERENCE);
        assertFalse(id.isValid(), raw);
        assertEquals(1, id.problems().size(), raw);
        assertTrue(id.problems().get(0).startsWith("pnc_id: "), id.problems().toString());
        assertEquals(raw, id.raw());
    }

    @Test
    void absentValueIsNeitherValidNorAProblem() {
        for (String raw : new String[] {null, "", "   "}) {
            PncId id = PncId.parse(raw, REFERENCE);
            assertFalse(id.isValid());
            assertEquals(List.of(), id.problems());
            assertEquals(raw == null ? "" : raw, id.raw());
        }
        assertFalse(PncId.parse(null).isPresent());
    }

    @Test
    void withoutSlashTheSevenDigitSerialReadingWinsWhenBothFit() {
        // "YYYY" + five-digit serial and "YY" + seven-digit serial: find a year where both readings fit
        for (int year = 1900; year <= 2026; year++) {
            String digits = year + "12345";
            int yy = year / 100;
            int longSerial = Integer.parseInt(digits.substring(2));
            char letter = PncId.checkLetter(year % 100, 12345);
            if (letter == PncId.checkLetter(yy, longSerial)) {
                // how a slash-less YY/NNNNNNN is usually written
                assertEquals(Optional.of(PncId.format(2000 + yy, longSerial)), canonical(digits + letter), digits);
                assertEquals(Optional.of(PncId.format(year, 12345)), canonical(year + "/12345" + letter));
                return;
            }
        }
        throw new AssertionError("no doubly valid example found");
    }

    @Test
    void withoutSlashAnAmbiguousSplitIsNotGuessed() {
        // eight digits: "YY" + six-digit serial or "YYYY" + four-digit serial
        for (int year = 1900; year <= 2026; year++) {
            for (int serial = 1000; serial < 1100; serial++) {
                String digits = year + Integer.toString(serial);
                int yy = year / 100;
                int longSerial = Integer.parseInt(digits.substring(2));
                char letter = PncId.checkLetter(year % 100, serial);
                if (letter == PncId.checkLetter(yy, longSerial)) {
                    PncId id = PncId.parse(digits + letter, REFERENCE);
                    assertFalse(id.isValid(), digits);
                    assertTrue(id.problems().get(0).contains("more than one way"), id.problems().toString());
                    return;
                }
            }
        }
        throw new AssertionError("no doubly valid example found");
    }
}
