package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @ParameterizedTest(name = "{0} folds to {1}")
    @CsvSource(delimiter = '|', value = {
        "Łukasz|lukasz",
        "Zoë|zoe",
        "ZOË|zoe",
        "Straße|strasse",
        "Ærø|aero",
        "Søren|soren",
        "Đorđe|dorde",
        "Þóra|thora",
        "Müller|muller",
        "José|jose",
        "Ñúñez|nunez",
        "Çelik|celik",
        "Œdipe|oedipe",
        "İsmail|ismail",
        "Sıla|sila",
        "O'Brien|obrien",
        "O’Brien|obrien",
        "O`Brien|obrien",
        "D´Arcy|darcy",
        "OBrien|obrien",
        "  John   PAUL  |john paul",
        "Smith-Jones|smith-jones",
        "Smith – Jones|smith-jones",
        "Smith--Jones|smith-jones",
        "-Smith-|smith",
        "J.A. Smith|j a smith",
        "Smith (née Jones)|smith nee jones",
        "ﬁona|fiona",
        "Ｊｏｈｎ|john",
        "R2 D2|r2 d2",
    })
    void foldsToLowerCaseAsciiLettersDigitsSpacesAndHyphens(String raw, String folded) {
        assertEquals(folded, Names.fold(raw));
    }

    @Test
    void nullAndBlankFoldToEmpty() {
        assertEquals("", Names.fold(null));
        assertEquals("", Names.fold(""));
        assertEquals("", Names.fold(" \t\n "));
        assertEquals("", Names.fold("'`’"));
    }

    @Test
    void lettersOfOtherScriptsAreDroppedNotKept() {
        assertEquals("", Names.fold("Иван"));
        assertEquals("ivan", Names.fold("Ivan Петров"));
    }

    @Test
    void differentSpellingsOfOneNameFoldAlike() {
        assertEquals(Names.fold("Łukasz"), Names.fold("Lukasz"));
        assertEquals(Names.fold("Zoë"), Names.fold("Zoe"));
        assertEquals(Names.fold("Strauß"), Names.fold("Strauss"));
        assertEquals(Names.fold("O'Brien"), Names.fold("OBrien"));
    }

    @ParameterizedTest(name = "{0} has Mac/Mc key {1}")
    @CsvSource({
        "macdonald, mcdonald",
        "mcdonald, mcdonald",
        "mackenzie, mckenzie",
        "maclean, mclean",
        "mack, mack",
        "macey, macey",
        "smith, smith",
        "'', ''",
    })
    void macNeutralKeyRewritesMacToMcOnlyBeforeALongerName(String folded, String key) {
        assertEquals(key, Names.macNeutralKey(folded));
    }

    @Test
    void macNeutralKeyOfNullIsEmpty() {
        assertEquals("", Names.macNeutralKey(null));
    }
}
