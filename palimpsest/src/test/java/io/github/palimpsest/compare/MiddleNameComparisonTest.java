package io.github.palimpsest.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.ComparableRecord;
import org.junit.jupiter.api.Test;

class MiddleNameComparisonTest {

    private final MiddleNameComparison middle = MiddleNameComparison.standard();

    private static ComparableRecord middles(String middleNames) {
        return Records.of("forename", "Stephen", "surname", "Marlowe", "middle_names", middleNames);
    }

    @Test
    void aFullMiddleNameAndItsInitialAreTheSameInitials() {
        assertEquals(MiddleNameComparison.SAME_INITIALS, middle.level(middles("James"), middles("J")));
        assertEquals(MiddleNameComparison.SAME_INITIALS, middle.level(middles("James Robert"), middles("J R")));
    }

    @Test
    void aDroppedSecondMiddleNameKeepsTheFirstInitial() {
        assertEquals(MiddleNameComparison.FIRST_INITIAL, middle.level(middles("James Robert"), middles("James")));
    }

    @Test
    void differentMiddleNamesAreEvidenceAgainst() {
        assertEquals(MiddleNameComparison.DIFFERENT, middle.level(middles("James"), middles("Andrew")));
        assertEquals(MiddleNameComparison.DIFFERENT, middle.level(middles("Robert James"), middles("James")));
    }

    @Test
    void anAbsentMiddleNameIsNeutral() {
        assertEquals(MiddleNameComparison.MISSING, middle.level(middles(""), middles("James")));
        assertEquals(MiddleNameComparison.MISSING,
                middle.level(Records.named("Stephen", "Marlowe"), Records.named("Stephen", "Marlowe")));
        assertTrue(middle.levels().get(MiddleNameComparison.MISSING).isNeutral());
    }

    @Test
    void middleNamesFromAFullNameAreCompared() {
        ComparableRecord full = Records.of("full_name", "MARLOWE, Stephen James");
        assertEquals(MiddleNameComparison.SAME_INITIALS, middle.level(full, middles("J")));
        assertEquals(MiddleNameComparison.DIFFERENT, middle.level(full, middles("Paul")));
    }

    @Test
    void theStandardSetComparesMiddleNamesAfterTheSurname() {
        assertEquals("middle_names", PersonComparisons.standard().get(2).name());
    }
}
