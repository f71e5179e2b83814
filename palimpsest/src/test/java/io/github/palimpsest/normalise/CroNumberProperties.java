package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CroNumberProperties {

    @Provide
    Arbitrary<String> croLike() {
        return Arbitraries.oneOf(
                Spellings.over("0123456789/ -SFHZAsf", 14),
                Arbitraries.strings(),
                Arbitraries.integers().between(0, 99).flatMap(yy -> Arbitraries.integers().between(0, 999_999)
                        .map(serial -> serial % 2 == 0 ? CroNumber.format(serial, yy) : CroNumber.formatSf(yy, serial))));
    }

    @Property
    void neverThrowsAndAlwaysExplainsInvalidValues(@ForAll("croLike") String raw) {
        CroNumber cro = CroNumber.parse(raw);
        assertNotNull(cro.canonical());
        assertEquals(raw, cro.raw());
        if (cro.isPresent() && !cro.isValid()) {
            assertEquals(1, cro.problems().size());
            assertTrue(cro.problems().get(0).startsWith("cro_number: "));
        }
    }

    @Property
    void arbitraryStringsNeverThrow(@ForAll String raw) {
        CroNumber.parse(raw);
    }

    @Property
    void parsingTheCanonicalFormGivesItBack(@ForAll("croLike") String raw) {
        Optional<String> canonical = CroNumber.parse(raw).canonical();
        canonical.ifPresent(c -> assertEquals(canonical, CroNumber.parse(c).canonical()));
    }

    @Property
    void everyAcceptedSpellingGivesTheSameCanonicalForm(@ForAll @IntRange(min = 0, max = 99) int yy,
            @ForAll @IntRange(min = 1, max = 999_999) int serial, @ForAll Random random) {
        String canonical = CroNumber.format(serial, yy);
        char letter = CroNumber.checkLetter(yy, serial);
        String year = CheckLetters.pad(yy, 2);
        String fourDigitYear = (yy <= 26 ? "20" : "19") + year;
        String padded = CheckLetters.pad(serial, 6);
        for (String spelling : List.of(serial + "/" + year + letter, canonical, padded + year + letter,
                serial + year + "" + letter, padded + "-" + year + letter, serial + "/" + fourDigitYear + letter)) {
            String messy = Spellings.withStraySpaces(Spellings.withRandomCase(spelling, random), random);
            assertEquals(Optional.of(canonical), CroNumber.parse(messy).canonical(), messy);
        }
        CroNumber cro = CroNumber.parse(canonical);
        assertEquals(serial, cro.serial());
        assertEquals(yy, cro.twoDigitYear());
    }

    @Property
    void everySfSpellingGivesTheSameCanonicalForm(@ForAll @IntRange(min = 0, max = 99) int yy,
            @ForAll @IntRange(min = 1, max = 999_999) int serial, @ForAll Random random) {
        String canonical = CroNumber.formatSf(yy, serial);
        char letter = CroNumber.sfCheckLetter(yy, serial);
        String year = CheckLetters.pad(yy, 2);
        for (String spelling : List.of(canonical, "SF" + year + serial + letter, "sf" + year + "-" + serial + letter)) {
            String messy = Spellings.withStraySpaces(Spellings.withRandomCase(spelling, random), random);
            assertEquals(Optional.of(canonical), CroNumber.parse(messy).canonical(), messy);
        }
        assertTrue(CroNumber.parse(canonical).isSfForm());
    }

    @Property
    void anyOtherCheckLetterIsRejected(@ForAll @IntRange(min = 0, max = 99) int yy,
            @ForAll @IntRange(min = 1, max = 999_999) int serial) {
        for (String canonical : List.of(CroNumber.format(serial, yy), CroNumber.formatSf(yy, serial))) {
            int last = canonical.length() - 1;
            char right = canonical.charAt(last);
            for (char wrong = 'A'; wrong <= 'Z'; wrong++) {
                if (wrong != right) {
                    CroNumber cro = CroNumber.parse(canonical.substring(0, last) + wrong);
                    assertFalse(cro.isValid(), canonical + " with " + wrong);
                    assertEquals(List.of("cro_number: check letter should be " + right + ", not " + wrong),
                            cro.problems());
                }
            }
        }
    }

    @Property
    void anySingleChangedDigitIsRejected(@ForAll @IntRange(min = 0, max = 99) int yy,
            @ForAll @IntRange(min = 1, max = 999_999) int serial, @ForAll @IntRange(min = 0, max = 7) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        String canonical = CroNumber.format(serial, yy);
        int index = position < 6 ? position : position + 1; // skip the slash
        char digit = (char) ('0' + (canonical.charAt(index) - '0' + shift) % 10);
        String changed = canonical.substring(0, index) + digit + canonical.substring(index + 1);
        assertFalse(CroNumber.parse(changed).isValid(), changed);
    }
}
