package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SexTest {

    @ParameterizedTest
    @ValueSource(strings = {"M", "m", "Male", "MALE", " male ", "man", "Man", "1"})
    void maleSpellingsAreMale(String raw) {
        assertEquals(Sex.MALE, Sex.parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"F", "f", "Female", "FEMALE", "woman", "WOMAN", "2", " 2 "})
    void femaleSpellingsAreFemale(String raw) {
        assertEquals(Sex.FEMALE, Sex.parse(raw));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "X", "U", "0", "9", "unknown", "mf", "males", "3"})
    void anythingElseIsUnknown(String raw) {
        assertEquals(Sex.UNKNOWN, Sex.parse(raw));
    }

    @Test
    void everyOneCharacterTextReadsAsTheGeneralRuleReadsIt() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String raw = String.valueOf(c);
            Sex expected = switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "m", "male", "man", "1" -> Sex.MALE;
                case "f", "female", "woman", "2" -> Sex.FEMALE;
                default -> Sex.UNKNOWN;
            };
            assertEquals(expected, Sex.parse(raw), () -> "U+" + Integer.toHexString(raw.charAt(0)));
        }
    }
}
