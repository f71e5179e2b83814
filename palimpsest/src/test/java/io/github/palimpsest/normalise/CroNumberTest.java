package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CroNumberTest {

    @Test
    void serialIsZeroPaddedToSixDigits() {
        CroNumber cro = CroNumber.parse("65656/91H");
        assertEquals(Optional.of("065656/91H"), cro.canonical());
        assertEquals(65656, cro.serial());
        assertEquals(91, cro.twoDigitYear());
        assertFalse(cro.isSfForm());
        assertEquals(List.of(), cro.problems());
    }

    @Test
    void sfFormChecksTheUnpaddedSerial() {
        CroNumber cro = CroNumber.parse("SF83/50058Z");
        assertTrue(cro.isValid(), cro.problems().toString());
        assertEquals(Optional.of("SF83/50058Z"), cro.canonical());
        assertTrue(cro.isSfForm());
        assertEquals(50058, cro.serial());
        assertEquals(83, cro.twoDigitYear());
        // padding the serial to six digits would have given another letter
        assertEquals('Z', CroNumber.sfCheckLetter(83, 50058));
        assertEquals(CroNumber.checkLetter(83, 50058), CroNumber.parse("050058/83" + CroNumber.checkLetter(83, 50058))
                .canonical().orElseThrow().charAt(9));
    }

    @Test
    void allZeroPlaceholderIsInvalid() {
        CroNumber cro = CroNumber.parse("000000/00Z");
        assertFalse(cro.isValid());
        assertEquals(List.of("cro_number: serial 000000 is a placeholder, not a person's number"), cro.problems());
    }

    @Test
    void wrongCheckLetterIsRejectedNamingTheRightOne() {
        assertEquals(List.of("cro_number: check letter should be H, not J"), CroNumber.parse("65656/91J").problems());
        assertEquals(List.of("cro_number: check letter should be Z, not A"), CroNumber.parse("SF83/50058A").problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"65656/91H", "065656/91H", "065656/91h", " 65 656 / 91 H", "6565691H", "06565691H",
        "065656-91H", "065656/1991H"})
    void everyUsualSpellingGivesTheSameCanonicalForm(String raw) {
        assertEquals(Optional.of("065656/91H"), CroNumber.parse(raw).canonical(), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SF83/50058Z", "sf83/50058z", "SF 83 / 50058 Z", "SF8350058Z", "SF83-50058Z",
        "SF83/050058Z"})
    void sfSpellingsGiveTheSameCanonicalForm(String raw) {
        assertEquals(Optional.of("SF83/50058Z"), CroNumber.parse(raw).canonical(), raw);
    }

    @Test
    void formatWritesTheCheckLetter() {
        assertEquals("065656/91H", CroNumber.format(65656, 91));
        assertEquals("SF83/50058Z", CroNumber.formatSf(83, 50058));
        assertThrows(IllegalArgumentException.class, () -> CroNumber.format(1_000_000, 91));
        assertThrows(IllegalArgumentException.class, () -> CroNumber.format(1, 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "65656/91", "1234567/91H", "65656/1H", "SF83/H", "65656/3091H", "91H",
        "XY83/50058Z"})
    void malformedValuesAreInvalidWithAReason(String raw) {
        CroNumber cro = CroNumber.parse(raw);
        assertFalse(cro.isValid(), raw);
        assertEquals(1, cro.problems().size());
        assertTrue(cro.problems().get(0).startsWith("cro_number: "));
    }

    @Test
    void absentValueHasNoProblems() {
        assertEquals(List.of(), CroNumber.parse(null).problems());
        assertEquals(List.of(), CroNumber.parse(" ").problems());
        assertFalse(CroNumber.parse(" ").isPresent());
    }
}
