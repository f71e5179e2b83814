package io.github.palimpsest.compare;

import static io.github.palimpsest.compare.Records.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.normalise.PncId;
import io.github.palimpsest.record.ComparableRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierComparisonTest {
    // Valid PNC IDs made with the library's own check-letter rule, so the test needs no real numbers.
    private static final String PNC_A = "1979/0163001" + checkLetter("1979/0163001");
    private static final String PNC_B = "1985/0000042" + checkLetter("1985/0000042");

    private static String checkLetter(String body) {
        for (char c = 'A'; c <= 'Z'; c++) {
            if (PncId.parse(body + c).isValid()) {
                return String.valueOf(c);
            }
        }
        throw new AssertionError("no check letter for " + body);
    }

    private static void assertLevel(Comparison<ComparableRecord> c, int expected, ComparableRecord a,
            ComparableRecord b) {
        assertEquals(c.levels().get(expected), c.levels().get(c.level(a, b)));
        assertEquals(expected, c.level(b, a), "symmetric");
    }

    @Test
    void equalValidPncIdsAgree() {
        IdentifierComparison pnc = IdentifierComparison.pncId();
        assertLevel(pnc, IdentifierComparison.EQUAL, of("pnc_id", PNC_A), of("pnc_id", PNC_A.substring(2)));
    }

    @Test
    void twoDifferentValidPncIdsAreTheirOwnLevel() {
        IdentifierComparison pnc = IdentifierComparison.pncId();
        assertLevel(pnc, IdentifierComparison.DIFFERENT, of("pnc_id", PNC_A), of("pnc_id", PNC_B));
        assertEquals("different valid values", pnc.levels().get(IdentifierComparison.DIFFERENT).label());
    }

    @Test
    void aPresentButInvalidValueIsWeakerThanEitherAgreementOrConflict() {
        IdentifierComparison pnc = IdentifierComparison.pncId();
        String wrongLetter = PNC_A.substring(0, PNC_A.length() - 1) + (PNC_A.endsWith("A") ? "B" : "A");
        assertLevel(pnc, IdentifierComparison.ONE_INVALID, of("pnc_id", wrongLetter), of("pnc_id", PNC_A));
    }

    @Test
    void anAbsentIdentifierIsNeutral() {
        for (IdentifierComparison c : List.of(IdentifierComparison.pncId(), IdentifierComparison.croNumber(),
                IdentifierComparison.niNumber(), IdentifierComparison.drivingLicence())) {
            assertLevel(c, IdentifierComparison.MISSING, of("forename", "Ada"), of("pnc_id", PNC_A));
            assertTrue(c.levels().get(IdentifierComparison.MISSING).isNeutral());
        }
    }

    @Test
    void genericIdentifiersOfTheSameTypeAgreeOrDifferByOneCharacter() {
        GenericIdentifierComparison ssn = GenericIdentifierComparison.forType("ssn");
        assertEquals("id_ssn", ssn.name());
        assertLevel(ssn, GenericIdentifierComparison.EQUAL, of("id_ssn", "4137877"), of("id_ssn", "4137-877"));
        assertLevel(ssn, GenericIdentifierComparison.ONE_CHARACTER, of("id_ssn", "4137877"), of("id_ssn", "4137787"));
        assertLevel(ssn, GenericIdentifierComparison.ONE_CHARACTER, of("id_ssn", "4137877"), of("id_ssn", "413787"));
        assertLevel(ssn, GenericIdentifierComparison.DIFFERENT, of("id_ssn", "4137877"), of("id_ssn", "9021356"));
        assertLevel(ssn, GenericIdentifierComparison.MISSING, of("id_ssn", "N/A"), of("id_ssn", "9021356"));
    }

    @Test
    void anyTypeComparesOnlyIdentifiersOfTheSameType() {
        GenericIdentifierComparison any = GenericIdentifierComparison.anyType();
        ComparableRecord a = of("id_passport", "PX123456", "id_custody", "CU77");
        ComparableRecord b = of("id_passport", "PX123457", "id_locker", "CU77");
        assertLevel(any, GenericIdentifierComparison.ONE_CHARACTER, a, b);
        assertLevel(any, GenericIdentifierComparison.MISSING, of("id_custody", "CU77"), of("id_locker", "CU77"));
    }

    @Test
    void warrantNumbersAreComparedLikeGenericIdentifiers() {
        GenericIdentifierComparison warrant = GenericIdentifierComparison.warrantNumber();
        assertLevel(warrant, GenericIdentifierComparison.EQUAL, of("warrant_number", "W/2019/334"),
                of("warrant_number", "w2019334"));
    }
}
