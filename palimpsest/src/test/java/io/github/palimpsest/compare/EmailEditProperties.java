package io.github.palimpsest.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class EmailEditProperties {

    @Provide
    Arbitrary<String> userNames() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz.0123456789").ofMinLength(1).ofMaxLength(20);
    }

    @Property
    void aLetterReplacedInsertedOrDeletedTouchesNoDigitUnlessADigitIsInvolved(@ForAll("userNames") String user,
            @ForAll @IntRange(min = 0, max = 40) int at, @ForAll @IntRange(min = 0, max = 25) int letter) {
        String a = user + "@example.org";
        int i = at % (user.length() + 1);
        String inserted = a.substring(0, i) + (char) ('a' + letter) + a.substring(i);
        // An inserted letter: the differing stretch holds only letters, whatever it shifts past.
        assertFalse(ContactComparison.editTouchesDigit(a, inserted), a + " / " + inserted);
        assertFalse(ContactComparison.editTouchesDigit(inserted, a), inserted + " / " + a);
        String withDigit = a.substring(0, i) + (char) ('0' + letter % 10) + a.substring(i);
        assertTrue(ContactComparison.editTouchesDigit(a, withDigit), a + " / " + withDigit);
        assertTrue(ContactComparison.editTouchesDigit(withDigit, a), withDigit + " / " + a);
        assertFalse(ContactComparison.editTouchesDigit(a, a));
    }

    @Property
    void theTestIsSymmetric(@ForAll("userNames") String x, @ForAll("userNames") String y) {
        assertEquals(ContactComparison.editTouchesDigit(x, y), ContactComparison.editTouchesDigit(y, x));
    }
}
