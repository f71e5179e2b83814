package io.github.palimpsest.normalise;

import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Test helpers: messy variants of a value and strings that look almost like identifiers or dates. */
final class Spellings {

    private Spellings() {
    }

    /** The text with up to three spaces inserted at random places, as in hand-typed identifiers. */
    static String withStraySpaces(String text, Random random) {
        StringBuilder messy = new StringBuilder(text);
        int spaces = random.nextInt(4);
        for (int i = 0; i < spaces; i++) {
            messy.insert(random.nextInt(messy.length() + 1), ' ');
        }
        return messy.toString();
    }

    /** Upper, lower or as-is, chosen at random. */
    static String withRandomCase(String text, Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return text.toLowerCase(Locale.ROOT);
            case 1:
                return text.toUpperCase(Locale.ROOT);
            default:
                return text;
        }
    }

    /** Short strings over an alphabet, so that near-misses of the expected shape are common. */
    static Arbitrary<String> over(String alphabet, int maxLength) {
        return Arbitraries.strings().withChars(alphabet.toCharArray()).ofMaxLength(maxLength);
    }
}
