package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NiNumberProperties {

    private static final Set<String> NOT_ORDINARY =
            Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ", "OO", "CR", "FY", "MW", "NC", "PP", "PY", "PZ");

    @Provide
    Arbitrary<String> validNumbers() {
        Arbitrary<Character> first = Arbitraries.chars().with("ABCEGHJKLMNOPRSTWXYZ".toCharArray());
        Arbitrary<Character> second = Arbitraries.chars().with("ABCEGHJKLMNPRSTWXYZ".toCharArray());
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> suffix = Arbitraries.of("A", "B", "C", "D", "");
        return Combinators.combine(first, second, digits, suffix).as((a, b, d, s) -> "" + a + b + d + s)
                .filter(n -> !NOT_ORDINARY.contains(n.substring(0, 2)));
    }

    @Provide
    Arbitrary<String> niLike() {
        return Arbitraries.oneOf(Spellings.over("ABCDOQTNZ0123456789 -", 12), Arbitraries.strings(), validNumbers());
    }

    @Property
    void neverThrowsAndAlwaysExplainsInvalidValues(@ForAll("niLike") String raw) {
        NiNumber ni = NiNumber.parse(raw);
        assertEquals(raw, ni.raw());
        assertEquals(ni.isValid(), ni.isIdentifying());
        assertFalse(ni.isAdministrative() && ni.isValid());
        if (ni.isPresent() && !ni.isValid()) {
            assertEquals(1, ni.problems().size());
            assertTrue(ni.problems().get(0).startsWith("ni_number: "));
        }
    }

    @Property
    void arbitraryStringsNeverThrow(@ForAll String raw) {
        NiNumber.parse(raw);
    }

    @Property
    void parsingTheCanonicalFormGivesItBack(@ForAll("niLike") String raw) {
        Optional<String> canonical = NiNumber.parse(raw).canonical();
        canonical.ifPresent(c -> assertEquals(canonical, NiNumber.parse(c).canonical()));
    }

    @Property
    void spacedDashedAndLowerCaseSpellingsGiveTheSameCanonicalForm(@ForAll("validNumbers") String number,
            @ForAll Random random) {
        String paired = number.substring(0, 2) + " " + number.substring(2, 4) + " " + number.substring(4, 6) + " "
                + number.substring(6, 8) + (number.length() > 8 ? " " + number.substring(8) : "");
        for (String spelling : new String[] {number, paired, paired.replace(' ', '-')}) {
            String messy = Spellings.withStraySpaces(Spellings.withRandomCase(spelling, random), random);
            assertEquals(Optional.of(number), NiNumber.parse(messy).canonical(), messy);
        }
    }

    @Property
    void administrativePrefixesNeverIdentifyAnyone(@ForAll("validNumbers") String number) {
        for (String prefix : new String[] {"TN", "OO", "CR", "FY", "MW", "NC", "PP", "PY", "PZ"}) {
            NiNumber ni = NiNumber.parse(prefix + number.substring(2));
            assertTrue(ni.isAdministrative());
            assertFalse(ni.isIdentifying());
        }
    }
}
