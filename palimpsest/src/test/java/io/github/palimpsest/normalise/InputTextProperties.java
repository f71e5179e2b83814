package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class InputTextProperties {

    /** Characters nobody sees, or sees as a plain space. */
    static final List<String> INVISIBLE = List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD",
            "\u200E", "\u200F", "\u202A", "\u202C", "\u2066", "\u2069", "\uFE0F");
    static final List<String> ODD_SPACES = List.of("\u00A0", "\u202F", "\u2007", "\u3000", "\u2028", "\u0085");

    /** Text as files carry it: letters, decomposed and precomposed accents, invisible characters, odd spaces. */
    @Provide
    Arbitrary<String> messyText() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)),
                Tuple.of(2, Arbitraries.of(INVISIBLE)),
                Tuple.of(2, Arbitraries.of(ODD_SPACES)),
                Tuple.of(2, Arbitraries.of("e\u0301", "\u00E9", "Zo\u00EB", "Zoe\u0308", "A\u030A", "\u212B", "n\u0303")),
                Tuple.of(1, Arbitraries.of(" ", ",", "\"", "\n", "\t", "\r\n", "\u0007")));
        return Arbitraries.oneOf(piece.list().ofMaxSize(8).map(p -> String.join("", p)),
                Arbitraries.strings().all().ofMaxLength(30));
    }

    @Property
    void cleaningIsIdempotent(@ForAll("messyText") String text) {
        String once = InputText.clean(text);
        assertEquals(once, InputText.clean(once));
        assertTrue(InputText.isClean(once));
    }

    @Property
    void cleanTextIsInNfcWithoutFormatCharactersOrOddSpaces(@ForAll("messyText") String text) {
        String clean = InputText.clean(text);
        assertTrue(Normalizer.isNormalized(clean, Normalizer.Form.NFC), clean);
        clean.codePoints().forEach(c -> {
            assertTrue(Character.getType(c) != Character.FORMAT, () -> "format character " + Integer.toHexString(c));
            assertTrue(c == ' ' || !Character.isSpaceChar(c), () -> "odd space " + Integer.toHexString(c));
        });
    }

    @Property
    void invisibleCharactersChangeNothing(@ForAll("messyText") String text,
            @ForAll("invisible") String invisible, @ForAll int position) {
        String plain = InputText.clean(text);
        int at = Math.floorMod(position, plain.length() + 1);
        // Between two halves of a surrogate pair or before a combining mark the insertion is still invisible.
        assertEquals(plain, InputText.clean(plain.substring(0, at) + invisible + plain.substring(at)));
    }

    @Provide
    Arbitrary<String> invisible() {
        return Arbitraries.of(INVISIBLE);
    }

    @Property
    void plainAsciiIsReturnedAsItIs(@ForAll("ascii") String text) {
        assertSame(text, InputText.clean(text));
    }

    @Provide
    Arbitrary<String> ascii() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('\t', '\n', '\r').ofMaxLength(40);
    }

    @Property
    void foldIgnoresInvisibleCharactersInNames(@ForAll("invisible") String invisible, @ForAll int position) {
        for (String name : List.of("Smith", "Zoë O'Brien", "Anne-Marie", "MacLeod")) {
            int at = Math.floorMod(position, name.length() + 1);
            assertEquals(Names.fold(name), Names.fold(name.substring(0, at) + invisible + name.substring(at)));
        }
    }

    @Example
    void composesDecomposedLettersAndMapsOddSpacesToASpace() {
        assertEquals("Jos\u00E9", InputText.clean("Jose\u0301"));
        assertEquals("Anne Marie", InputText.clean("Anne\u00A0Marie"));
        assertEquals("R17", InputText.clean("\uFEFFR1\u200B7\u2060"));
        assertEquals("a b", InputText.clean("a\u0007b"));
        assertEquals("a\tb\r\nc", InputText.clean("a\tb\r\nc"), "tab and line breaks are text");
        assertEquals("a\0b", InputText.clean("a\0b"), "NUL is left for the reader to refuse");
        assertEquals(1, InputText.indexOfNul("a\0b"));
        assertEquals("", InputText.clean(null));
    }

    @Example
    void namesWithInvisibleOrDecomposedCharactersNormaliseLikeTheirPlainSpelling() {
        PersonName plain = NameParser.parse("Zoë", "", "Smith");
        PersonName messy = NameParser.parse("Zoe\u0308", "", "Smi\u200Bth");
        assertEquals(plain.forename(), messy.forename());
        assertEquals(plain.surname(), messy.surname());
        assertEquals("smith", Names.fold("\uFEFFSmith\u00AD"));
    }
}
