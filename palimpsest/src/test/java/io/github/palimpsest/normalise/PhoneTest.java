package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource({
        "07700 900123, +447700900123",
        "+44 7700 900123, +447700900123",
        "0044 7700 900123, +447700900123",
        "+44 (0)7700 900123, +447700900123",
        "07700-900-123, +447700900123",
        "(07700) 900123, +447700900123",
        "+447700900123, +447700900123",
        "(020) 7946 0018, +442079460018",
        "+44 (0)20 7946 0018, +442079460018",
        "020 7946 0018, +442079460018",
        "0161 496 0000, +441614960000",
        "'  0117 496 0123 ', +441174960123",
        "0800 123 456, +44800123456",
        "Tel: 020 7946 0018, +442079460018",
        "mob 07700 900123, +447700900123",
        "\uff10\uff17\uff17\uff10\uff10\uff19\uff10\uff10\uff11\uff12\uff13, +447700900123",
    })
    void ukNumbersBecomeE164(String raw, String canonical) {
        Phone phone = Phone.parse(raw);
        assertEquals(Optional.of(canonical), phone.canonical(), phone::toString);
        assertTrue(phone.isUk());
        assertEquals(List.of(), phone.problems());
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource({
        "+33 1 23 45 67 89, +33123456789",
        "0033 1 23 45 67 89, +33123456789",
        "+1 (202) 555-0143, +12025550143",
        "+353 1 234 5678, +35312345678",
        "+49 30 1234567, +49301234567",
    })
    void otherInternationalNumbersBecomePlusAndDigits(String raw, String canonical) {
        Phone phone = Phone.parse(raw);
        assertEquals(Optional.of(canonical), phone.canonical(), phone::toString);
        assertFalse(phone.isUk());
        assertEquals(List.of(), phone.problems());
    }

    @ParameterizedTest(name = "''{0}'' loses its extension")
    @CsvSource(delimiter = '|', value = {
        "020 7946 0018 x123|123",
        "020 7946 0018x123|123",
        "020 7946 0018 ext 12|12",
        "020 7946 0018 Ext. 12|12",
        "020 7946 0018 extension 4|4",
        "(020) 7946 0018 #55|55",
    })
    void extensionsAreRemovedWithANote(String raw, String extension) {
        Phone phone = Phone.parse(raw);
        assertEquals(Optional.of("+442079460018"), phone.canonical(), phone::toString);
        assertEquals(List.of("phone: extension " + extension + " removed"), phone.problems());
    }

    @ParameterizedTest(name = "''{0}'' is invalid: {1}")
    @CsvSource(delimiter = '|', value = {
        "999|too short",
        "0770 090012|too short for a UK number",
        "077009001234|too long for a UK number",
        "+44 7700 900123 4567|too long for a UK number",
        "+1234567890123456|too long",
        "+12345|too short",
        "0800 FLOWERS|contains letters",
        "O77OO 9OO123|contains letters",
        "unknown|contains letters",
        "07700 900123 / 020 7946 0018|too long for a UK number",
        "07700 * 900123|unexpected character '*'",
        "0600 123 4567|UK numbers do not start 06",
        "+0 123 4567 89|no country code",
        "2025550143|the country is unknown",
        "()--|no digits",
    })
    void malformedNumbersAreInvalidWithAReason(String raw, String reason) {
        Phone phone = Phone.parse(raw);
        assertFalse(phone.isValid(), phone::toString);
        assertTrue(phone.isPresent());
        String last = phone.problems().get(phone.problems().size() - 1);
        assertTrue(last.startsWith("phone: ") && last.contains(reason), phone::toString);
    }

    @Test
    void aMobileWhoseLeadingZeroWasLostIsReadAsUkWithAWarning() {
        Phone phone = Phone.parse("7700900123");
        assertEquals(Optional.of("+447700900123"), phone.canonical());
        assertEquals(1, phone.problems().size());
    }

    @Test
    void aZeroAfterPlus44IsDroppedWithAWarning() {
        Phone phone = Phone.parse("+44 020 7946 0018");
        assertEquals(Optional.of("+442079460018"), phone.canonical());
        assertEquals(List.of("phone: 0 after +44 dropped"), phone.problems());
    }

    @Test
    void absentValuesHaveNoCanonicalFormAndNoProblems() {
        for (String raw : new String[] {null, "", "  \t "}) {
            Phone phone = Phone.parse(raw);
            assertFalse(phone.isPresent());
            assertFalse(phone.isValid());
            assertEquals(List.of(), phone.problems());
        }
    }
}
