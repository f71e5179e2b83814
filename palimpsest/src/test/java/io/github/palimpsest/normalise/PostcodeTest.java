package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource({
        "sw1a1aa, SW1A 1AA",
        "' SW1A  1AA ', SW1A 1AA",
        "Sw1A 1aA, SW1A 1AA",
        "SW1A-1AA, SW1A 1AA",
        "S W 1 A 1 A A, SW1A 1AA",
        "m11ae, M1 1AE",
        "b338th, B33 8TH",
        "cr26xh, CR2 6XH",
        "dn551pt, DN55 1PT",
        "W1A 0AX, W1A 0AX",
        "ec1a 1bb, EC1A 1BB",
        "bt7 1nn, BT7 1NN",
        "gy1 1aa, GY1 1AA",
        "gir0aa, GIR 0AA",
        "bfpo 801, BFPO 801",
    })
    void ukPostcodesBecomeOutwardSpaceInwardInUpperCase(String raw, String canonical) {
        Postcode postcode = Postcode.parse(raw);
        assertTrue(postcode.isUk(), postcode::toString);
        assertEquals(Optional.of(canonical), postcode.canonical());
        assertEquals(List.of(), postcode.problems());
    }

    @Test
    void areaDistrictAndSectorAreTheLeadingPartsOfAUkPostcode() {
        Postcode postcode = Postcode.parse("sw1a 1aa");
        assertEquals(Optional.of("SW"), postcode.area());
        assertEquals(Optional.of("SW1A"), postcode.district());
        assertEquals(Optional.of("SW1A 1"), postcode.sector());
        Postcode single = Postcode.parse("M11AE");
        assertEquals(Optional.of("M"), single.area());
        assertEquals(Optional.of("M1"), single.district());
        assertEquals(Optional.of("M1 1"), single.sector());
    }

    @ParameterizedTest(name = "''{0}'' is repaired to ''{1}''")
    @CsvSource({
        "SW1A OAA, SW1A 0AA",   // the inward code starts with a digit
        "SW1A 0AA, SW1A 0AA",
        "sw1a iaa, SW1A 1AA",
        "CO4 OAA, CO4 0AA",     // C04 would need an area C, which does not exist
        "0X4 1AA, OX4 1AA",     // an area starts with a letter
        "1P4 1AA, IP4 1AA",
        "SI1 1AA, S11 1AA",     // no area SI: the second letter of an area is never I
        "M1 1AO, ",             // inward letters are never O: no reading, so not repaired
    })
    void oAndZeroOrIAndOneAreRepairedOnlyWhereOneReadingIsValid(String raw, String expected) {
        Postcode postcode = Postcode.parse(raw);
        if (expected == null) {
            assertFalse(postcode.isUk());
            return;
        }
        assertTrue(postcode.isUk(), postcode::toString);
        assertEquals(Optional.of(expected), postcode.canonical());
        assertEquals(raw.equals(expected), postcode.problems().isEmpty(), postcode::toString);
    }

    @Test
    void aRepairIsReportedAsAWarning() {
        assertEquals(List.of("postcode: read as SW1A 0AA (O/0 or I/1 mistyped)"),
                Postcode.parse("SW1A OAA").problems());
    }

    @Test
    void otherConfusionsAreNotRepaired() {
        Postcode postcode = Postcode.parse("5W1A 1AA");
        assertFalse(postcode.isUk());
        assertEquals(Optional.of("5W1A 1AA"), postcode.canonical());
        assertEquals(List.of(Postcode.NOT_UK), postcode.problems());
    }

    @Test
    void aTextWithTwoValidReadingsIsNotGuessedAt() {
        // A text that is valid as written is kept as written, even if a swap would give another one.
        Postcode written = Postcode.parse("S01 1AA");
        assertTrue(written.isUk());
        assertEquals(Optional.of("S01 1AA"), written.canonical());
        Postcode ambiguous = Postcode.parse("SO1 IAA");
        assertFalse(ambiguous.isUk(), ambiguous::toString);
        assertEquals(Optional.of("SO1 IAA"), ambiguous.canonical());
        assertEquals(Postcode.NOT_UK, ambiguous.problems().get(0));
        assertTrue(ambiguous.problems().get(1).contains("more than one reading (S01 1AA, SO1 1AA)"),
                ambiguous::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4011", "75001", " d02  x285 ", "10115", "ZZ1 1AA", "QA1 1AA", "SW1A 1AC",
        "EC1Z 1AA", "A1 1AA", "BFPO", "12 High Street"})
    void aValueThatIsNotAUkPostcodeIsKeptTrimmedUpperCasedAndFlagged(String raw) {
        Postcode postcode = Postcode.parse(raw);
        assertFalse(postcode.isUk(), postcode::toString);
        assertTrue(postcode.isValid());
        assertEquals(Optional.of(raw.trim().replaceAll("\\s+", " ").toUpperCase()), postcode.canonical());
        assertEquals(List.of(Postcode.NOT_UK), postcode.problems());
        assertEquals(Optional.empty(), postcode.area());
        assertEquals(Optional.empty(), postcode.district());
        assertEquals(Optional.empty(), postcode.sector());
    }

    @Test
    void absentValuesHaveNoCanonicalFormAndNoProblems() {
        for (String raw : new String[] {null, "", "   ", "\t\u00a0"}) {
            Postcode postcode = Postcode.parse(raw);
            assertFalse(postcode.isPresent());
            assertFalse(postcode.isValid());
            assertFalse(postcode.isUk());
            assertEquals(List.of(), postcode.problems());
        }
        assertEquals("", Postcode.parse(null).raw());
    }

    @Test
    void theRawTextIsKeptExactly() {
        assertEquals(" sw1a  1aa ", Postcode.parse(" sw1a  1aa ").raw());
    }
}
