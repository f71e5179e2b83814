package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EmailProperties {

    @Property
    void parsingNeverThrows(@ForAll String raw) {
        assertNotNull(Email.parse(raw));
    }

    @Property
    void parsingAnyTextIsIdempotent(@ForAll String raw) {
        assertIdempotent(raw);
    }

    @Property
    void parsingEmailLikeTextIsIdempotent(@ForAll("emailLike") String raw) {
        assertIdempotent(raw);
    }

    private static void assertIdempotent(String raw) {
        Email.parse(raw).canonical().ifPresent(canonical ->
                assertEquals(Optional.of(canonical), Email.parse(canonical).canonical()));
    }

    @Property
    void caseAndSurroundingWhiteSpaceNeverMatter(@ForAll("addresses") String address) {
        Email plain = Email.parse(address);
        assertTrue(plain.isValid(), plain::toString);
        assertEquals(plain.canonical(), Email.parse("  " + address.toUpperCase(Locale.ROOT) + "\t").canonical());
        assertEquals(Optional.of(address.toLowerCase(Locale.ROOT)), plain.canonical());
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> tld = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6);
        return Combinators.combine(word, word, word, tld).as((l1, l2, d, t) -> l1 + "." + l2 + "@" + d + "." + t);
    }

    @Provide
    Arbitrary<String> emailLike() {
        return Arbitraries.strings().withChars("abcXYZ09@.-_+ <>:mailto").ofMaxLength(20);
    }
}
