package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class PhoneProperties {

    @Property
    void parsingNeverThrows(@ForAll String raw) {
        assertNotNull(Phone.parse(raw));
    }

    @Property
    void parsingPhoneLikeTextIsIdempotent(@ForAll("phoneLike") String raw) {
        assertIdempotent(raw);
    }

    @Property
    void parsingAnyTextIsIdempotent(@ForAll String raw) {
        assertIdempotent(raw);
    }

    private static void assertIdempotent(String raw) {
        Phone.parse(raw).canonical().ifPresent(canonical -> {
            Phone twice = Phone.parse(canonical);
            assertEquals(Optional.of(canonical), twice.canonical());
            assertEquals(List.of(), twice.problems());
            assertTrue(canonical.matches("\\+[1-9][0-9]{6,14}"), canonical);
        });
    }

    @Property
    void everyWayOfWritingOneUkMobileNumberAgrees(@ForAll @NumericChars @StringLength(9) String subscriber) {
        String n = "7" + subscriber;
        String expected = "+44" + n;
        String a = n.substring(0, 4);
        String b = n.substring(4);
        List<String> spellings = List.of(
                "0" + n,
                "0" + a + " " + b,
                "0" + a + " " + b.substring(0, 3) + " " + b.substring(3),
                "0" + a + "-" + b.substring(0, 3) + "-" + b.substring(3),
                "(0" + a + ") " + b,
                "+44" + n,
                "+44 " + a + " " + b,
                "+44 (0)" + a + " " + b,
                "+44 (0) " + a + " " + b,
                "0044 " + a + " " + b,
                "00 44 " + a + " " + b,
                " 0" + a + "." + b + " ",
                "Mobile: 0" + a + " " + b);
        for (String spelling : spellings) {
            assertEquals(Optional.of(expected), Phone.parse(spelling).canonical(), spelling);
            assertEquals(List.of(), Phone.parse(spelling).problems(), spelling);
        }
    }

    @Property
    void anExtensionNeverChangesTheNumber(@ForAll @NumericChars @StringLength(9) String subscriber,
            @ForAll @NumericChars @StringLength(min = 1, max = 5) String extension) {
        String number = "07" + subscriber.substring(0, 3) + " " + subscriber.substring(3);
        assertEquals(Phone.parse(number).canonical(), Phone.parse(number + " ext " + extension).canonical());
        assertEquals(Phone.parse(number).canonical(), Phone.parse(number + "x" + extension).canonical());
    }

    @Provide
    Arbitrary<String> phoneLike() {
        return Arbitraries.strings().withChars("0123456789+() -.xet#/:").ofMaxLength(24);
    }
}
