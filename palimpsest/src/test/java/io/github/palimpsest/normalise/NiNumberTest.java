package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NiNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"AB123456C", "ab123456c", "AB 12 34 56 C", " ab-12-34-56-c ", "AB.123456.C", "Ab123456C"})
    void usualSpellingsGiveTheCanonicalForm(String raw) {
        NiNumber ni = NiNumber.parse(raw);
        assertEquals(Optional.of("AB123456C"), ni.canonical(), raw);
        assertTrue(ni.isIdentifying());
        assertFalse(ni.isAdministrative());
        assertEquals(List.of(), ni.problems());
        assertEquals(Optional.of("AB123456"), ni.withoutSuffix());
    }

    @Test
    void suffixMayBeAbsent() {
        assertEquals(Optional.of("JK123456"), NiNumber.parse("JK 12 34 56").canonical());
        assertEquals(Optional.of("JK123456"), NiNumber.parse("JK 12 34 56").withoutSuffix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DA123456A", "FA123456A", "IA123456A", "QQ123456C", "UA123456A", "VA123456A"})
    void forbiddenFirstLettersAreInvalid(String raw) {
        NiNumber ni = NiNumber.parse(raw);
        assertFalse(ni.isValid());
        assertFalse(ni.isAdministrative());
        assertEquals(List.of("ni_number: first letter " + raw.charAt(0) + " is never used in a prefix"), ni.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AD123456A", "AF123456A", "AI123456A", "AQ123456A", "AU123456A", "AV123456A", "AO123456A"})
    void forbiddenSecondLettersAreInvalid(String raw) {
        NiNumber ni = NiNumber.parse(raw);
        assertFalse(ni.isValid());
        assertEquals(List.of("ni_number: second letter " + raw.charAt(1) + " is never used in a prefix"), ni.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"BG123456A", "GB123456A", "KN123456A", "NK123456A", "NT123456A", "ZZ123456A"})
    void unallocatedPrefixesAreInvalid(String raw) {
        NiNumber ni = NiNumber.parse(raw);
        assertFalse(ni.isValid());
        assertFalse(ni.isIdentifying());
        assertEquals(List.of("ni_number: prefix " + raw.substring(0, 2) + " is never allocated"), ni.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TN010280M", "TN 31 12 79 F", "OO123456A", "CR123456A", "FY123456A", "MW123456A",
        "NC010280M", "PP999999P", "PY123456A", "PZ123456A", "AB123456M", "AB123456F", "AB123456P"})
    void administrativeAndTemporaryNumbersAreFlaggedAndNotEvidence(String raw) {
        NiNumber ni = NiNumber.parse(raw);
        assertTrue(ni.isAdministrative(), raw);
        assertFalse(ni.isIdentifying());
        assertFalse(ni.isValid());
        assertEquals(Optional.empty(), ni.canonical());
        assertEquals(Optional.empty(), ni.withoutSuffix());
        assertEquals(1, ni.problems().size());
        assertTrue(ni.problems().get(0).startsWith("ni_number: ") && ni.problems().get(0).contains("not identifying"),
                ni.problems().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB123456E", "AB12345C", "AB1234567C", "A1123456C", "123456789", "hello", "AB123456CD"})
    void malformedValuesAreInvalid(String raw) {
        NiNumber ni = NiNumber.parse(raw);
        assertFalse(ni.isValid(), raw);
        assertFalse(ni.isAdministrative(), raw);
        assertEquals(1, ni.problems().size());
        assertTrue(ni.problems().get(0).startsWith("ni_number: "));
    }

    @Test
    void absentValueHasNoProblems() {
        assertEquals(List.of(), NiNumber.parse(null).problems());
        assertFalse(NiNumber.parse(" - ").isValid());
        assertEquals(List.of(), NiNumber.parse("").problems());
        assertEquals("", NiNumber.parse(null).raw());
    }
}
