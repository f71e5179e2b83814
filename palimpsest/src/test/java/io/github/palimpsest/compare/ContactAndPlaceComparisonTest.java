package io.github.palimpsest.compare;

import static io.github.palimpsest.compare.Records.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.palimpsest.record.ComparableRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactAndPlaceComparisonTest {
    private static void assertLevel(Comparison<ComparableRecord> c, int expected, ComparableRecord a,
            ComparableRecord b) {
        assertEquals(c.levels().get(expected), c.levels().get(c.level(a, b)));
        assertEquals(expected, c.level(b, a), "symmetric");
    }

    @Test
    void postcodesAgreeInFullBySectorByDistrictOrByOneKeyingError() {
        PostcodeComparison p = PostcodeComparison.standard();
        assertLevel(p, PostcodeComparison.FULL, of("postcode", "sw1a 1aa"), of("postcode", "SW1A1AA"));
        assertLevel(p, PostcodeComparison.SECTOR, of("postcode", "SW1A 1AA"), of("postcode", "SW1A 1BB"));
        assertLevel(p, PostcodeComparison.DISTRICT, of("postcode", "SW1A 1AA"), of("postcode", "SW1A 2AB"));
        assertLevel(p, PostcodeComparison.ONE_CHARACTER, of("postcode", "2119"), of("postcode", "2191"));
        assertLevel(p, PostcodeComparison.ELSE, of("postcode", "SW1A 1AA"), of("postcode", "M1 1AE"));
        assertLevel(p, PostcodeComparison.MISSING, of("postcode", ""), of("postcode", "M1 1AE"));
    }

    @Test
    void addressesAreComparedByTheirSharedWords() {
        AddressComparison a = AddressComparison.standard();
        assertLevel(a, AddressComparison.SAME_WORDS, of("address", "12 Lark Rise, Elmstead"),
                of("address", "ELMSTEAD 12 LARK RISE"));
        assertLevel(a, AddressComparison.MOSTLY_SHARED, of("address", "12 Lark Rise Elmstead Market"),
                of("address", "12 Lark Rise Elmsted Market"));
        assertLevel(a, AddressComparison.PARTLY_SHARED, of("address", "12 Lark Rise Elmstead"),
                of("address", "40 Lark Lane Elmstead"));
        assertLevel(a, AddressComparison.ELSE, of("address", "12 Lark Rise"), of("address", "3 Mill Road"));
        assertLevel(a, AddressComparison.MISSING, of("address", ""), of("address", "3 Mill Road"));
    }

    @Test
    void phonesAndEmailsAreEqualDifferentOrMissing() {
        ContactComparison phone = ContactComparison.phone();
        assertLevel(phone, ContactComparison.EQUAL, of("phone", "07700 900123"), of("phone", "+447700900123"));
        assertLevel(phone, ContactComparison.DIFFERENT, of("phone", "07700 900123"), of("phone", "07700 900456"));
        assertLevel(phone, ContactComparison.MISSING, of("phone", "not given"), of("phone", "07700 900456"));
        ContactComparison email = ContactComparison.email();
        assertLevel(email, ContactComparison.EQUAL, of("email", "Ada@Example.org"), of("email", "ada@example.org"));
        assertLevel(email, ContactComparison.EMAIL_DIFFERENT, of("email", "ada@example.org"), of("email", "bea@example.org"));
        // A keying error: a letter wrong, missing, extra, or two swapped, anywhere in the address.
        assertLevel(email, ContactComparison.EMAIL_ONE_EDIT, of("email", "ada.lovejoy@example.org"),
                of("email", "ada.lovjoy@example.org"));
        assertLevel(email, ContactComparison.EMAIL_ONE_EDIT, of("email", "ada.lovejoy@example.org"),
                of("email", "ada.lovejoy@exmaple.org"));
        assertLevel(email, ContactComparison.EMAIL_ONE_EDIT, of("email", "ada.lovejoy@example.org"),
                of("email", "ada.lovejoyy@example.org"));
        // A changed digit is how namesakes' addresses differ, not a typo: close at most.
        assertLevel(email, ContactComparison.EMAIL_CLOSE, of("email", "sam.hale55@example.org"),
                of("email", "sam.hale56@example.org"));
        assertLevel(email, ContactComparison.EMAIL_CLOSE, of("email", "sam.hale5@example.org"),
                of("email", "sam.hale55@example.org"));
        assertLevel(email, ContactComparison.EMAIL_ONE_EDIT, of("email", "sam.hale55@example.org"),
                of("email", "sam.hlae55@example.org"));
        // The same user name elsewhere, or similar but more than one keying error apart: close.
        assertLevel(email, ContactComparison.EMAIL_CLOSE, of("email", "ada.lovejoy@example.org"), of("email", "ada.lovejoy@mail.test"));
        assertLevel(email, ContactComparison.EMAIL_CLOSE, of("email", "ada.lovejoy@example.org"), of("email", "ada.lovjoy@exmaple.org"));
        assertLevel(email, ContactComparison.EMAIL_DIFFERENT, of("email", "ada@example.org"), of("email", "ada.lovejoy@mail.test"));
        assertLevel(email, ContactComparison.EMAIL_MISSING, of("email", ""), of("email", "ada@example.org"));
        assertEquals(List.of("equal", "one character different", "close", "different", "missing"),
                email.levels().stream().map(ComparisonLevel::label).toList());
        assertEquals(List.of("equal", "close", "different", "missing"),
                phone.levels().stream().map(ComparisonLevel::label).toList());
        assertLevel(phone, ContactComparison.CLOSE, of("phone", "07700 900123"), of("phone", "07700 900132"));
        assertLevel(phone, ContactComparison.CLOSE, of("phone", "07700 900123"), of("phone", "07700 900124"));
        assertLevel(phone, ContactComparison.DIFFERENT, of("phone", "07700 900123"), of("phone", "07700 900321"));
    }

    @Test
    void sexIsEqualDifferentOrNeutralWhenUnknown() {
        SexComparison sex = SexComparison.standard();
        assertLevel(sex, SexComparison.EQUAL, of("sex", "F"), of("sex", "female"));
        assertLevel(sex, SexComparison.DIFFERENT, of("sex", "F"), of("sex", "M"));
        assertLevel(sex, SexComparison.MISSING, of("sex", "not known"), of("sex", "M"));
    }
}
