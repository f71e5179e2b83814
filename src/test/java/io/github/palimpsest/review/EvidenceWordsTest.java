package io.github.palimpsest.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EvidenceWordsTest {

    @Test
    void levelsReadAsPlainWords() {
        assertEquals("date of birth with day and month swapped", EvidenceWords.phrase("dob", "day and month swapped"));
        assertEquals("different PNC IDs", EvidenceWords.phrase("pnc_id", "different valid values"));
        assertEquals("same phone number", EvidenceWords.phrase("phone", "equal"));
        assertEquals("surname: some new level", EvidenceWords.phrase("surname", "some new level"));
    }

    @Test
    void factorsAreRoundedToTwoFiguresWithTheirDirection() {
        assertEquals("about 4,100 times more likely", EvidenceWords.times(12));
        assertEquals("about 2 times less likely", EvidenceWords.times(-1));
        assertTrue(EvidenceWords.times(0.5).startsWith("about 1.4 times"));
    }
}
