package io.github.palimpsest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every identifier the generator issues is valid before corruption, checked here without its code. */
class IdentifiersTest {

    private static final String TABLE = "ZABCDEFGHJKLMNPQRTUVWXY";
    private static final Pattern PNC = Pattern.compile("(\\d{4})/(\\d{7})([A-Z])");
    private static final Pattern CRO = Pattern.compile("(\\d{6})/(\\d{2})([A-Z])");
    private static final Pattern NI = Pattern.compile("([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])\\d{6}[A-D]");
    private static final Set<String> BAD_NI_PREFIXES = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");
    // UK postcode formats A9, A99, AA9, AA99, A9A, AA9A, then 9AA without C, I, K, M, O, V in the unit.
    private static final Pattern POSTCODE = Pattern.compile(
            "([A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]) [0-9][ABD-HJLNP-UW-Z]{2}");

    private static List<SyntheticPerson> people;

    @BeforeAll
    static void generate() {
        people = SyntheticForces.builder().people(4000).seed(99).build().generate().people();
    }

    /** The check letter computed from scratch, with arbitrary-precision arithmetic. */
    private static char expectedLetter(String digits) {
        return TABLE.charAt(new BigInteger(digits).mod(BigInteger.valueOf(23)).intValue());
    }

    @Test
    void checkLetterMatchesTheIssueVectors() {
        assertEquals('B', Identifiers.checkLetter("79" + "0163001")); // 79/163001B
        assertEquals('X', Identifiers.checkLetter("99" + "0123456")); // 99/123456X
        assertEquals('H', Identifiers.checkLetter("01" + "0012345")); // 2001/0012345 must end in H
        assertEquals('H', Identifiers.checkLetter("91" + "065656")); // CRO 65656/91H
    }

    @Test
    void everyPncIdHasTheRightCheckLetter() {
        long count = 0;
        for (SyntheticPerson p : people) {
            if (p.pncId().isEmpty()) {
                continue;
            }
            Matcher m = PNC.matcher(p.pncId().get());
            assertTrue(m.matches(), p.pncId().get());
            String yy = m.group(1).substring(2);
            assertEquals(expectedLetter(yy + m.group(2)), m.group(3).charAt(0), p.pncId().get());
            count++;
        }
        assertTrue(count > people.size() / 3, "people with a PNC ID: " + count);
    }

    @Test
    void everyCroNumberHasTheRightCheckLetter() {
        long count = 0;
        for (SyntheticPerson p : people) {
            if (p.croNumber().isPresent()) {
                Matcher m = CRO.matcher(p.croNumber().get());
                assertTrue(m.matches(), p.croNumber().get());
                assertFalse(m.group(1).equals("000000"), "placeholder CRO");
                assertEquals(expectedLetter(m.group(2) + m.group(1)), m.group(3).charAt(0), p.croNumber().get());
                count++;
            }
        }
        assertTrue(count > people.size() / 5, "people with a CRO number: " + count);
    }

    @Test
    void everyNiNumberHasAnIssuablePrefix() {
        for (SyntheticPerson p : people) {
            p.niNumber().ifPresent(ni -> {
                assertTrue(NI.matcher(ni).matches(), ni);
                assertFalse(BAD_NI_PREFIXES.contains(ni.substring(0, 2)), ni);
            });
        }
    }

    @Test
    void everyDrivingLicenceAgreesWithSurnameDateOfBirthSexAndInitials() {
        for (SyntheticPerson p : people) {
            p.drivingLicence().ifPresent(dl -> {
                assertEquals(16, dl.length(), dl);
                String stem = Identifiers.fold(p.surname()).toUpperCase().replaceAll("[^A-Z]", "");
                if (stem.startsWith("MAC")) {
                    stem = "MC" + stem.substring(3);
                }
                stem = (stem + "99999").substring(0, 5);
                assertEquals(stem, dl.substring(0, 5), dl + " for " + p.surname());
                LocalDate dob = p.dateOfBirth();
                assertEquals((dob.getYear() / 10) % 10, dl.charAt(5) - '0', dl);
                int month = Integer.parseInt(dl.substring(6, 8));
                assertEquals(dob.getMonthValue() + (p.isFemale() ? 50 : 0), month, dl);
                assertEquals(dob.getDayOfMonth(), Integer.parseInt(dl.substring(8, 10)), dl);
                assertEquals(dob.getYear() % 10, dl.charAt(10) - '0', dl);
                assertEquals(Identifiers.fold(p.forename()).toUpperCase().charAt(0), dl.charAt(11), dl);
                char middle = p.middleNames().isEmpty() ? '9'
                        : Identifiers.fold(p.middleNames().get(0)).toUpperCase().charAt(0);
                assertEquals(middle, dl.charAt(12), dl);
            });
        }
    }

    @Test
    void postcodesPhonesAndEmailsAreValidAndFictional() {
        for (SyntheticPerson p : people) {
            assertTrue(POSTCODE.matcher(p.postcode()).matches(), p.postcode());
            assertTrue(POSTCODE.matcher(p.otherPostcode()).matches(), p.otherPostcode());
            p.phone().ifPresent(phone -> assertTrue(
                    phone.matches("07700 900\\d{3}|020 7946 0\\d{3}|01[1-6]1 496 0\\d{3}|011[3-8] 496 0\\d{3}"), phone));
            p.email().ifPresent(email -> assertTrue(email.matches("[a-z0-9.]+@example\\.(com|org|net)"), email));
        }
    }

    @Test
    void pncStylesRoundTripToTheCanonicalId() {
        String canonical = "1979/0163001B";
        assertEquals("1979/0163001B", PncStyle.FULL.format(canonical));
        assertEquals("79/163001B", PncStyle.SHORT.format(canonical));
        assertEquals("19790163001B", PncStyle.FULL_NO_SLASH.format(canonical));
        assertEquals("79/163001 B", PncStyle.SHORT_SPACED.format(canonical));
        assertEquals("1979/0163001b", PncStyle.FULL_LOWER_CASE.format(canonical));
    }

    @Test
    void pncIdsAsForcesWriteThemReadBackToThePersonsId() {
        SyntheticData data = SyntheticForces.builder().people(1500).seed(5)
                .forces(List.of("01", "41", "44", "47", "13", "20")).build().generate();
        long checked = 0;
        for (SyntheticRecord r : data.records()) {
            String written = r.value("pnc_id");
            if (written.isEmpty()) {
                continue;
            }
            assertEquals(r.person().pncId().orElseThrow(), readPnc(written), written);
            checked++;
        }
        assertTrue(checked > 500, "records with a PNC ID: " + checked);
    }

    /** A reading of the PNC spellings written here, independent of the generator's code. */
    private static String readPnc(String written) {
        String s = written.toUpperCase().replace(" ", "");
        String year;
        String serial;
        if (s.contains("/")) {
            year = s.substring(0, s.indexOf('/'));
            serial = s.substring(s.indexOf('/') + 1, s.length() - 1);
        } else {
            year = s.substring(0, 4);
            serial = s.substring(4, s.length() - 1);
        }
        if (year.length() == 2) {
            year = (Integer.parseInt(year) <= 25 ? "20" : "19") + year;
        }
        return year + "/" + "0".repeat(7 - serial.length()) + serial + s.charAt(s.length() - 1);
    }

    @Test
    void niNumbersAndCroNumbersHaveTheirAlternativeSpellings() {
        assertEquals("AB 12 34 56 C", Identifiers.spacedNiNumber("AB123456C"));
        assertEquals("65656/91H", Identifiers.unpaddedCro("065656/91H"));
    }
}
