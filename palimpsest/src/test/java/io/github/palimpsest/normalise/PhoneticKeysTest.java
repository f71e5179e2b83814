package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PhoneticKeysTest {

    @Test
    void doubleMetaphoneGivesThePublishedKeysForSmith() {
        // Philips (2000): Smith encodes as SM0 (primary, "th" as theta) and XMT (alternate, Germanic Schmidt).
        assertEquals("SM0", PhoneticKeys.doubleMetaphone("Smith"));
        assertEquals("XMT", PhoneticKeys.doubleMetaphoneAlternate("Smith"));
    }

    @Test
    void soundAlikeSpellingsShareKeys() {
        assertEquals(PhoneticKeys.doubleMetaphone("Smith"), PhoneticKeys.doubleMetaphone("Smyth"));
        // NYSIIS rewrites a leading MAC to MCC and KN to NN (Taft, 1970).
        assertEquals(PhoneticKeys.nysiis("MacDonald"), PhoneticKeys.nysiis("McDonald"));
        assertEquals(PhoneticKeys.nysiis("Knight"), PhoneticKeys.nysiis("Night"));
        assertEquals(PhoneticKeys.doubleMetaphone("Catherine"), PhoneticKeys.doubleMetaphone("Kathryn"));
        assertEquals(PhoneticKeys.doubleMetaphone("Stephen"), PhoneticKeys.doubleMetaphone("Steven"));
        assertEquals(PhoneticKeys.nysiis("Stephen"), PhoneticKeys.nysiis("Steven"));
    }

    @Test
    void differentSoundingNamesDiffer() {
        assertNotEquals(PhoneticKeys.doubleMetaphone("Smith"), PhoneticKeys.doubleMetaphone("Jones"));
        assertNotEquals(PhoneticKeys.nysiis("Smith"), PhoneticKeys.nysiis("Jones"));
    }

    @Test
    void foldingComesFirst() {
        assertEquals(PhoneticKeys.doubleMetaphone("OBRIEN"), PhoneticKeys.doubleMetaphone("O'Brien"));
        assertEquals(PhoneticKeys.doubleMetaphone("obrien"), PhoneticKeys.doubleMetaphone("o brien"));
        assertEquals(PhoneticKeys.nysiis("Lukasz"), PhoneticKeys.nysiis("Łukasz"));
        assertEquals(PhoneticKeys.doubleMetaphoneAlternate("Muller"), PhoneticKeys.doubleMetaphoneAlternate("Müller"));
    }

    @Test
    void keysAreUpperCaseAndBounded() {
        String dm = PhoneticKeys.doubleMetaphone("Wolstenholme-Fotheringham");
        String ny = PhoneticKeys.nysiis("Wolstenholme-Fotheringham");
        assertEquals(dm.toUpperCase(Locale.ROOT), dm);
        assertEquals(4, dm.length());
        assertEquals(6, ny.length());
    }

    @Test
    void emptyInputGivesEmptyKeys() {
        for (String s : new String[] {null, "", "   ", "123", "'-'", "Иван"}) {
            assertEquals("", PhoneticKeys.doubleMetaphone(s));
            assertEquals("", PhoneticKeys.doubleMetaphoneAlternate(s));
            assertEquals("", PhoneticKeys.nysiis(s));
        }
    }
}
