package io.github.palimpsest.compare;

import static io.github.palimpsest.compare.Records.born;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DateOfBirthComparisonTest {
    private final DateOfBirthComparison dob = DateOfBirthComparison.standard();

    private void assertLevel(int expected, String a, String b) {
        assertEquals(dob.levels().get(expected), dob.levels().get(dob.level(born(a), born(b))), a + " vs " + b);
        assertEquals(expected, dob.level(born(b), born(a)), "symmetric");
    }

    @Test
    void theSameDateIsExact() {
        assertLevel(DateOfBirthComparison.EXACT, "1984-03-17", "17/03/1984");
    }

    @Test
    void theSameFirstOfJanuaryIsWeakEvidence() {
        assertLevel(DateOfBirthComparison.EXACT_LOW_INFORMATION, "1984-01-01", "01/01/1984");
    }

    @Test
    void dayAndMonthSwapped() {
        assertLevel(DateOfBirthComparison.DAY_MONTH_SWAPPED, "1984-03-07", "1984-07-03");
    }

    @Test
    void oneDigitWrongOrTwoAdjacentDigitsTransposed() {
        assertLevel(DateOfBirthComparison.ONE_DIGIT_TYPO, "1984-03-17", "1984-03-18");
        assertLevel(DateOfBirthComparison.ONE_DIGIT_TYPO, "1984-03-17", "1948-03-17");
    }

    @Test
    void sameDayAndMonthAYearApart() {
        assertLevel(DateOfBirthComparison.YEAR_OFF_BY_ONE, "1989-03-17", "1990-03-17");
    }

    @Test
    void firstOfJanuaryOfTheRightYear() {
        assertLevel(DateOfBirthComparison.SAME_YEAR_FIRST_OF_JANUARY, "1984-01-01", "1984-09-23");
    }

    @Test
    void anImpossibleDateAgreesOnItsYearOnly() {
        // 31 April and month 81 are not dates, but their year is still evidence
        assertLevel(DateOfBirthComparison.SAME_YEAR_FIRST_OF_JANUARY, "31/04/1984", "1984-09-23");
        assertLevel(DateOfBirthComparison.SAME_YEAR_FIRST_OF_JANUARY, "1984-81-02", "1984-00-07");
        // another year, or no year at all, is missing rather than a mismatch
        assertLevel(DateOfBirthComparison.MISSING, "31/04/1984", "1990-09-23");
        assertLevel(DateOfBirthComparison.MISSING, "31/04/1984", "");
        assertLevel(DateOfBirthComparison.MISSING, "31/04/1900", "1900-01-01");
    }

    @Test
    void withinAFewYearsAndBeyond() {
        assertLevel(DateOfBirthComparison.WITHIN_YEARS, "1984-03-17", "1986-11-02");
        assertLevel(DateOfBirthComparison.ELSE, "1984-03-17", "1991-11-02");
    }

    @Test
    void aMissingInvalidOrPlaceholderDateIsNeutral() {
        assertLevel(DateOfBirthComparison.MISSING, "", "1984-03-17");
        assertLevel(DateOfBirthComparison.MISSING, "1984-02-31", "1987-03-17"); // kept year disagrees
        assertLevel(DateOfBirthComparison.MISSING, "hello", "1984-03-17");
        assertLevel(DateOfBirthComparison.MISSING, "1900-01-01", "1984-03-17");
        assertTrue(dob.levels().get(DateOfBirthComparison.MISSING).isNeutral());
    }

    @Test
    void twoIdenticalPlaceholdersAreOnlyWeakEvidence() {
        assertLevel(DateOfBirthComparison.EXACT_LOW_INFORMATION, "1900-01-01", "1900-01-01");
    }
}
