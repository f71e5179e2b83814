package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource({
        "jo.bloggs@example.org, jo.bloggs@example.org",
        "'  Jo.Bloggs@Example.ORG ', jo.bloggs@example.org",
        "JO_BLOGGS+police@mail.example.co.uk, jo_bloggs+police@mail.example.co.uk",
        "mailto:Sam@Example.com, sam@example.com",
        "<sam@example.com>, sam@example.com",
        "o'neill@example.ie, o'neill@example.ie",
        "zoë@exämple.de, zoë@exämple.de",
        "a@b-c.xn--p1ai, a@b-c.xn--p1ai",
    })
    void addressesAreTrimmedAndLowerCased(String raw, String canonical) {
        Email email = Email.parse(raw);
        assertEquals(Optional.of(canonical), email.canonical(), email::toString);
        assertEquals(List.of(), email.problems());
    }

    @ParameterizedTest(name = "''{0}'' is invalid: {1}")
    @CsvSource(delimiter = '|', value = {
        "jo.bloggs|no '@'",
        "jo@@example.org|more than one '@'",
        "jo@bloggs@example.org|more than one '@'",
        "@example.org|nothing before '@'",
        "jo@|nothing after '@'",
        "jo@example|has no top-level domain",
        "jo@example.c|top-level domain 'c' is not valid",
        "jo@10.0.0.1|top-level domain '1' is not valid",
        "jo bloggs@example.org|contains white space",
        ".jo@example.org|misplaced dot before '@'",
        "jo..b@example.org|misplaced dot before '@'",
        "jo@example..org|misplaced dot in domain",
        "jo@-example.org|starts or ends with '-'",
        "jo@exa_mple.org|character '_' not allowed in domain",
        "jo(x)@example.org|character '(' not allowed before '@'",
        "n/a|no '@'",
    })
    void malformedAddressesAreInvalidWithAReason(String raw, String reason) {
        Email email = Email.parse(raw);
        assertFalse(email.isValid());
        assertTrue(email.isPresent());
        assertEquals(1, email.problems().size());
        assertTrue(email.problems().get(0).startsWith("email: ") && email.problems().get(0).contains(reason),
                email::toString);
    }

    @Test
    void overlongPartsAreInvalid() {
        assertFalse(Email.parse("a".repeat(65) + "@example.org").isValid());
        assertTrue(Email.parse("a".repeat(64) + "@example.org").isValid());
        assertFalse(Email.parse("jo@" + "a".repeat(64) + ".org").isValid());
        assertFalse(Email.parse("jo@" + "abcdefghi.".repeat(25) + "org").isValid());
    }

    @Test
    void theDomainOfAValidAddressIsAvailable() {
        assertEquals(Optional.of("example.org"), Email.parse("Jo@Example.org").domain());
        assertEquals(Optional.empty(), Email.parse("jo").domain());
    }

    @Test
    void absentValuesHaveNoCanonicalFormAndNoProblems() {
        for (String raw : new String[] {null, "", "   "}) {
            Email email = Email.parse(raw);
            assertFalse(email.isPresent());
            assertFalse(email.isValid());
            assertEquals(List.of(), email.problems());
        }
    }
}
