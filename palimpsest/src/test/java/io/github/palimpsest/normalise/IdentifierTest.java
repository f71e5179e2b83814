package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource({
        "ab-12 / 345, AB12345",
        "AB12345, AB12345",
        "' ab.12_345 ', AB12345",
        "wa\u20131234\u2014x, WA1234X",
        "12 345 678, 12345678",
        "Straße 5, STRASSE5",
        "ab#12, AB#12",
    })
    void separatorsAreRemovedAndCaseFoldedToUpper(String raw, String canonical) {
        Identifier id = Identifier.parse("passport", raw);
        assertEquals(Optional.of(canonical), id.canonical());
        assertEquals(List.of(), id.problems());
    }

    @Test
    void differentlyWrittenCopiesOfOneIdentifierAgree() {
        assertEquals(Identifier.parse("custody", "CU/2021/0077-A").canonical(),
                Identifier.parse("custody", "cu 2021 0077 a").canonical());
    }

    @Test
    void theTypeIsTrimmedLowerCasedAndLosesItsColumnPrefix() {
        assertEquals("passport", Identifier.parse(" Passport ", "1").type());
        assertEquals("custody", Identifier.parse("id_Custody", "1").type());
        assertEquals("", Identifier.parse(null, "1").type());
        assertEquals(Identifier.WARRANT, Identifier.warrant("W1").type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"N/A", "n.a.", "NK", "none", "Unknown", "TBC", "nil", "000 000", "0"})
    void placeholdersAreInvalidSoThatTheyNeverMatch(String raw) {
        Identifier id = Identifier.parse("passport", raw);
        assertFalse(id.isValid());
        assertTrue(id.isPresent());
        assertEquals(List.of("id_passport: placeholder '" + raw + "', not an identifier"), id.problems());
    }

    @Test
    void onlySeparatorsIsInvalidAndProblemsNameTheColumn() {
        assertEquals(List.of("id_passport: only separators, no identifier"),
                Identifier.parse("passport", " - / ").problems());
        assertEquals(List.of("warrant_number: only separators, no identifier"),
                Identifier.warrant("--").problems());
    }

    @Test
    void absentValuesHaveNoCanonicalFormAndNoProblems() {
        for (String raw : new String[] {null, "", "  "}) {
            Identifier id = Identifier.parse("passport", raw);
            assertFalse(id.isPresent());
            assertFalse(id.isValid());
            assertEquals(List.of(), id.problems());
        }
    }

    @Test
    void identifiersOfDifferentTypesAreNotEqualValues() {
        assertNotEquals(Identifier.parse("passport", "123"), Identifier.parse("custody", "123"));
        assertEquals(Identifier.parse("passport", "123"), Identifier.parse("id_passport", "123"));
    }
}
