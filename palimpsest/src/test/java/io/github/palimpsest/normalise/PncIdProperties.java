package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PncIdProperties {

    private static final LocalDate REFERENCE = LocalDate.of(2026, 6, 1);

    @Provide
    Arbitrary<String> pncLike() {
        return Arbitraries.oneOf(
                Spellings.over("0123456789/ -ABHXZIOabz", 16),
                Arbitraries.strings(),
                Arbitraries.integers().between(1900, 2026).flatMap(year -> Arbitraries.integers()
                        .between(0, 9_999_999).map(serial -> PncId.format(year, serial))));
    }

    @Property
    void neverThrowsAndAlwaysExplainsInvalidValues(@ForAll("pncLike") String raw) {
        PncId id = PncId.parse(raw, REFERENCE);
        assertNotNull(id.canonical());
        assertEquals(raw, id.raw());
        if (id.isPresent() && !id.isValid()) {
            assertEquals(1, id.problems().size());
            assertTrue(id.problems().get(0).startsWith("pnc_id: "));
        }
        if (id.isValid()) {
            assertEquals(List.of(), id.problems());
        }
    }

    @Property
    void nullAndArbitraryStringsNeverThrow(@ForAll String raw) {
        PncId.parse(raw);
        PncId.parse(null);
    }

    @Property
    void parsingTheCanonicalFormGivesItBack(@ForAll("pncLike") String raw) {
        Optional<String> canonical = PncId.parse(raw, REFERENCE).canonical();
        canonical.ifPresent(c -> assertEquals(canonical, PncId.parse(c, REFERENCE).canonical()));
    }

    @Property
    void everyAcceptedSpellingGivesTheSameCanonicalForm(@ForAll @IntRange(min = 1927, max = 2026) int year,
            @ForAll @IntRange(min = 1, max = 9_999_999) int serial, @ForAll Random random) {
        String canonical = PncId.format(year, serial);
        char letter = PncId.checkLetter(year % 100, serial);
        String yy = CheckLetters.pad(year % 100, 2);
        String padded = CheckLetters.pad(serial, 7);
        List<String> withSeparator = List.of(yy + "/" + serial + letter, yy + "/" + padded + letter,
                year + "/" + serial + letter, canonical, yy + "-" + serial + letter, year + " " + padded + letter);
        for (String spelling : withSeparator) {
            String messy = Spellings.withStraySpaces(Spellings.withRandomCase(spelling, random), random);
            assertEquals(Optional.of(canonical), PncId.parse(messy, REFERENCE).canonical(), messy);
        }
        for (String spelling : List.of(yy + padded + letter, year + padded + letter)) {
            String lower = spelling.toLowerCase(Locale.ROOT);
            assertEquals(Optional.of(canonical), PncId.parse(lower, REFERENCE).canonical(), lower);
        }
        // without a slash and without padding the split can be ambiguous: then it is rejected, never misread
        PncId compact = PncId.parse(yy + serial + letter, REFERENCE);
        assertTrue(compact.canonical().isEmpty() || compact.canonical().get().equals(canonical), compact::toString);
    }

    @Property
    void anyOtherCheckLetterIsRejected(@ForAll @IntRange(min = 1900, max = 2026) int year,
            @ForAll @IntRange(min = 1, max = 9_999_999) int serial) {
        String canonical = PncId.format(year, serial);
        char right = canonical.charAt(12);
        for (char wrong = 'A'; wrong <= 'Z'; wrong++) {
            if (wrong != right) {
                PncId id = PncId.parse(canonical.substring(0, 12) + wrong, REFERENCE);
                assertFalse(id.isValid(), canonical + " with " + wrong);
                assertEquals(List.of("pnc_id: check letter should be " + right + ", not " + wrong), id.problems());
            }
        }
    }

    @Property
    void anySingleChangedYearOrSerialDigitIsRejected(@ForAll @IntRange(min = 1900, max = 2026) int year,
            @ForAll @IntRange(min = 1, max = 9_999_999) int serial, @ForAll @IntRange(min = 0, max = 8) int position,
            @ForAll @IntRange(min = 1, max = 9) int shift) {
        // mod 23 catches every single-digit error: 23 is prime and divides no d * 10^k with 0 < |d| < 10
        String canonical = PncId.format(year, serial);
        int index = position < 2 ? position + 2 : position + 3; // the year's last two digits, then the serial
        char digit = (char) ('0' + (canonical.charAt(index) - '0' + shift) % 10);
        String changed = canonical.substring(0, index) + digit + canonical.substring(index + 1);
        PncId id = PncId.parse(changed, REFERENCE);
        assertFalse(id.isValid(), changed);
    }
}
