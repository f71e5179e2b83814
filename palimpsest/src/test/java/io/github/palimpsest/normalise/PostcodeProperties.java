package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PostcodeProperties {

    @Property
    void parsingNeverThrows(@ForAll String raw) {
        assertNotNull(Postcode.parse(raw));
    }

    @Property
    void parsingPostcodeLikeTextIsIdempotent(@ForAll("postcodeLike") String raw) {
        assertIdempotent(raw);
    }

    @Property
    void parsingAnyTextIsIdempotent(@ForAll String raw) {
        assertIdempotent(raw);
    }

    private static void assertIdempotent(String raw) {
        Postcode once = Postcode.parse(raw);
        once.canonical().ifPresent(canonical -> {
            Postcode twice = Postcode.parse(canonical);
            assertEquals(Optional.of(canonical), twice.canonical());
            assertEquals(once.isUk(), twice.isUk());
        });
        assertEquals(once.isPresent(), once.isValid(), "a present postcode is always kept");
    }

    @Property
    void validUkPostcodesInAnyCaseAndSpacingNormaliseToOneCanonicalForm(
            @ForAll("ukPostcodes") String canonical, @ForAll Random random) {
        String messy = mess(canonical, random);
        Postcode postcode = Postcode.parse(messy);
        assertTrue(postcode.isUk(), postcode::toString);
        assertEquals(Optional.of(canonical), postcode.canonical());
        assertEquals(List.of(), postcode.problems());
        assertTrue(canonical.startsWith(postcode.sector().orElseThrow()));
        assertTrue(postcode.sector().orElseThrow().startsWith(postcode.district().orElseThrow()));
        assertTrue(postcode.district().orElseThrow().startsWith(postcode.area().orElseThrow()));
    }

    @Property
    void aMistypedPostcodeIsRepairedToTheOriginalOrLeftAlone(
            @ForAll("ukPostcodes") String canonical, @ForAll Random random) {
        char[] chars = canonical.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (random.nextBoolean() && "O0I1".indexOf(chars[i]) >= 0) {
                chars[i] = "O0I1".charAt("0O1I".indexOf(chars[i]));
            }
        }
        String mistyped = new String(chars);
        Postcode postcode = Postcode.parse(mistyped);
        if (postcode.isUk() && postcode.problems().isEmpty()) {
            // The slip made another valid postcode ("SO0 2AA" typed "S00 2AA"): nothing to repair.
            assertEquals(Optional.of(mistyped), postcode.canonical());
        } else if (postcode.isUk()) {
            // A repair only ever picks the single valid reading, and the original is always one.
            assertEquals(Optional.of(canonical), postcode.canonical());
        } else {
            assertEquals(Postcode.NOT_UK, postcode.problems().get(0));
        }
    }

    @Property
    void aPostcodeWhoseOnlySlipIsAnOInTheInwardDigitIsRepaired(@ForAll("ukPostcodes") String canonical) {
        int inward = canonical.length() - 3;
        if (canonical.charAt(inward) != '0' || canonical.substring(0, inward).matches(".*[O0I1].*")) {
            return;
        }
        String mistyped = canonical.substring(0, inward) + "O" + canonical.substring(inward + 1);
        assertEquals(Optional.of(canonical), Postcode.parse(mistyped).canonical());
    }

    /** Royal Mail shapes over the known areas, with the letter rules of each position. */
    @Provide
    Arbitrary<String> ukPostcodes() {
        Arbitrary<String> area = Arbitraries.of(new ArrayList<>(PostcodeAreas.all()));
        Arbitrary<Integer> digit = Arbitraries.integers().between(0, 9);
        Arbitrary<Integer> tailKind = Arbitraries.integers().between(0, 2);
        Arbitrary<Character> a9aLetter = Arbitraries.of('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'P',
                'S', 'T', 'U', 'W');
        Arbitrary<Character> aa9aLetter = Arbitraries.of('A', 'B', 'E', 'H', 'M', 'N', 'P', 'R', 'V', 'W', 'X',
                'Y');
        Arbitrary<String> unit = Arbitraries.strings().withChars("ABDEFGHJLNPQRSTUWXYZ").ofLength(2);
        return Combinators.combine(area, digit, tailKind, digit, a9aLetter, aa9aLetter, digit, unit)
                .as((a, d, kind, d2, l3, l4, sectorDigit, u) -> {
                    String tail = kind == 0 ? "" : kind == 1 ? String.valueOf(d2)
                            : String.valueOf(a.length() == 1 ? l3 : l4);
                    return a + d + tail + " " + sectorDigit + u;
                });
    }

    @Provide
    Arbitrary<String> postcodeLike() {
        return Arbitraries.strings().withChars("SWAMGIRBFPO0123456789 -iox\t").ofMaxLength(12);
    }

    private static String mess(String canonical, Random random) {
        StringBuilder out = new StringBuilder(" ".repeat(random.nextInt(3)));
        for (char c : canonical.replace(" ", "").toCharArray()) {
            String s = String.valueOf(c);
            out.append(random.nextBoolean() ? s.toLowerCase(Locale.ROOT) : s);
            out.append(" ".repeat(random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(2)));
        }
        return out.toString();
    }

    @Property
    void textWithoutLettersIsNeverAUkPostcode(@ForAll("digitsAndSpaces") String raw) {
        assertFalse(Postcode.parse(raw).isUk());
    }

    @Provide
    Arbitrary<String> digitsAndSpaces() {
        return Arbitraries.strings().withChars("0123456789 -").ofMaxLength(10);
    }
}
