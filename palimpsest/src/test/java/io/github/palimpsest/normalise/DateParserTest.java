package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    private static final LocalDate REFERENCE = LocalDate.of(2026, 6, 1);

    private static Optional<String> dob(String raw) {
        return DateParser.parseDateOfBirth(raw, REFERENCE).canonical();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1950-11-24|1950-11-24", "19501124|1950-11-24", "24/11/1950|1950-11-24", "4/3/1980|1980-03-04",
        "4/3/80|1980-03-04", "24.11.50|1950-11-24", "24.11.1950|1950-11-24", "24-11-1950|1950-11-24",
        "24-NOV-1950|1950-11-24", "24-nov-1950|1950-11-24", "24-Nov-50|1950-11-24", "24 Nov 1950|1950-11-24",
        "24 November 1950|1950-11-24", "1st March 1980|1980-03-01", "2nd march 1980|1980-03-02",
        "3rd of March, 1980|1980-03-03", "March 4th, 1980|1980-03-04", "1950-11-24T00:00:00|1950-11-24",
        "1950-11-24T23:30:00+01:00|1950-11-24", "1950-11-24 10:15|1950-11-24", "1950/11/24|1950-11-24",
        "24/11/1950 00:00:00|1950-11-24", "241150|1950-11-24", "24111950|1950-11-24", "24NOV1950|1950-11-24",
        "5 Sept 1975|1975-09-05", "05-SEP-75|1975-09-05", "Monday 3 March 1980|1980-03-03",
        "'  24 / 11 / 1950 '|1950-11-24", "29/02/1980|1980-02-29"})
    void acceptedFormsAreReadDayFirst(String raw, String expected) {
        ParsedDate date = DateParser.parseDateOfBirth(raw, REFERENCE);
        assertEquals(Optional.of(expected), date.canonical(), raw + " " + date.problems());
        assertEquals(Optional.of(LocalDate.parse(expected)), date.date());
        assertEquals(List.of(), date.problems());
        assertEquals(raw, date.raw());
    }

    @Test
    void twoDigitYearOfBirthIsNeverAfterTheReference() {
        assertEquals(Optional.of("1950-11-24"), dob("24.11.50"));
        assertEquals(Optional.of("2003-02-01"), dob("01/02/03"));
        assertEquals(Optional.of("2026-06-01"), dob("01/06/26"));
        assertEquals(Optional.of("1926-06-02"), dob("02/06/26"));
        assertEquals(Optional.of("1927-01-02"), dob("02/01/27"));
    }

    @Test
    void twoDigitEventYearMayBeOneDayAfterTheReference() {
        LocalDate reference = LocalDate.of(2026, 6, 1);
        assertEquals(Optional.of("2026-06-02"), DateParser.parseEventDate("02/06/26", reference).canonical());
        assertEquals(Optional.of("1926-06-03"), DateParser.parseEventDate("03/06/26", reference).canonical());
    }

    @Test
    void impossibleDatesAreInvalidWithTheReason() {
        ParsedDate date = DateParser.parseDateOfBirth("31/02/1980", REFERENCE);
        assertFalse(date.isValid());
        assertEquals(Optional.empty(), date.date());
        assertEquals(List.of("dob: '31/02/1980' is not a real date: February 1980 has 29 days;"
                + " only its year and month are kept"), date.problems());
        assertEquals(List.of("dob: '29/02/1981' is not a real date: February 1981 has 28 days;"
                + " only its year and month are kept"),
                DateParser.parseDateOfBirth("29/02/1981", REFERENCE).problems());
        assertEquals(List.of("dob: '12/13/1980' is not a real date: there is no month 13; only its year is kept"),
                DateParser.parseDateOfBirth("12/13/1980", REFERENCE).problems());
        assertEquals(List.of("event_date: '32.01.2001' is not a real date: there is no day 32;"
                + " only its year and month are kept"),
                DateParser.parseEventDate("32.01.2001", REFERENCE).problems());
    }

    @Test
    void impossibleDatesKeepTheirYearAndRealMonth() {
        ParsedDate badMonth = DateParser.parseDateOfBirth("1921-81-05", REFERENCE);
        assertFalse(badMonth.isValid());
        assertEquals(1921, badMonth.partialYear());
        assertEquals(0, badMonth.partialMonth());
        ParsedDate dayZero = DateParser.parseDateOfBirth("1834-06-00", REFERENCE);
        assertEquals(1834, dayZero.partialYear());
        assertEquals(6, dayZero.partialMonth());
        ParsedDate april31 = DateParser.parseDateOfBirth("31/04/1975", REFERENCE);
        assertEquals(1975, april31.partialYear());
        assertEquals(4, april31.partialMonth());
        // two-digit years still take the latest century not after the reference
        assertEquals(1950, DateParser.parseDateOfBirth("31/04/50", REFERENCE).partialYear());
        // a valid, absent or unreadable date has no partial year
        assertEquals(0, DateParser.parseDateOfBirth("30/04/1975", REFERENCE).partialYear());
        assertEquals(0, DateParser.parseDateOfBirth("", REFERENCE).partialYear());
        assertEquals(0, DateParser.parseDateOfBirth("hello", REFERENCE).partialYear());
    }

    @Test
    void anImpossibleDateInTheFutureOrBeforeTheEarliestYearKeepsNothing() {
        ParsedDate future = DateParser.parseDateOfBirth("31/04/2090", REFERENCE);
        assertEquals(0, future.partialYear());
        assertEquals(List.of("dob: '31/04/2090' is not a real date: April 2090 has 30 days;"
                + " its year 2090 is outside the accepted range too"), future.problems());
        assertEquals(0, DateParser.parseDateOfBirth("31/04/1700", REFERENCE, 1800).partialYear());
    }

    @Test
    void historicalYearsAreValidByDefault() {
        assertEquals(Optional.of("1066-10-14"), DateParser.parseDateOfBirth("14/10/1066", REFERENCE).canonical());
        assertEquals(Optional.of("0980-11-24"), DateParser.parseDateOfBirth("0980-11-24", REFERENCE).canonical());
        assertEquals(Optional.of("1550-12-03"), DateParser.parseDateOfBirth("15501203", REFERENCE).canonical());
        assertEquals(List.of(), DateParser.parseDateOfBirth("1799-05-01", REFERENCE).problems());
    }

    @Test
    void aCallerCanRaiseTheEarliestYear() {
        ParsedDate date = DateParser.parseDateOfBirth("0980-11-24", REFERENCE, 1800);
        assertFalse(date.isValid());
        assertEquals(List.of("dob: '0980-11-24' has year 980, before 1800, the earliest year accepted"),
                date.problems());
        assertTrue(DateParser.parseDateOfBirth("1800-01-02", REFERENCE, 1800).isValid());
        assertFalse(DateParser.parseEventDate("1799-12-31", REFERENCE, 1800).isValid());
        assertThrows(IllegalArgumentException.class, () -> DateParser.parseDateOfBirth("1980-01-02", REFERENCE, 0));
        assertThrows(IllegalArgumentException.class,
                () -> DateParser.parseDateOfBirth("1980-01-02", REFERENCE, REFERENCE.getYear() + 1));
    }

    @Test
    void usDayMonthOrderIsNotGuessed() {
        // 11/24/1950 is US order; UK records are day first, so this is month 24: invalid, not swapped
        assertFalse(DateParser.parseDateOfBirth("11/24/1950", REFERENCE).isValid());
        assertEquals(Optional.of("1950-12-11"), dob("11/12/1950"));
    }

    @Test
    void placeholderAndFirstOfJanuaryAreValidButLowInformation() {
        for (String raw : new String[] {"01/01/1900", "1970-01-01", "1 January 1985"}) {
            ParsedDate date = DateParser.parseDateOfBirth(raw, REFERENCE);
            assertTrue(date.isValid(), raw);
            assertTrue(date.isLowInformation(), raw);
            assertEquals(1, date.problems().size());
            assertTrue(date.problems().get(0).startsWith("dob: ") && date.problems().get(0).contains("low-information"));
        }
        assertTrue(DateParser.parseDateOfBirth("01/01/1900", REFERENCE).problems().get(0).contains("placeholder"));
        assertFalse(DateParser.parseDateOfBirth("02/01/1985", REFERENCE).isLowInformation());
        assertTrue(DateParser.parseEventDate("01/01/2020", REFERENCE).isLowInformation());
    }

    @Test
    void dateOfBirthInTheFutureIsInvalid() {
        ParsedDate date = DateParser.parseDateOfBirth("02/06/2026", REFERENCE);
        assertFalse(date.isValid());
        assertTrue(date.problems().get(0).contains("cannot be in the future"), date.problems().toString());
        assertTrue(DateParser.parseDateOfBirth("01/06/2026", REFERENCE).isValid());
    }

    @Test
    void eventDateInTheFutureIsKeptAndFlagged() {
        ParsedDate nextDay = DateParser.parseEventDate("2026-06-02", REFERENCE);
        assertTrue(nextDay.isValid());
        assertEquals(List.of(), nextDay.problems());
        ParsedDate later = DateParser.parseEventDate("2027-06-02", REFERENCE);
        assertEquals(Optional.of("2027-06-02"), later.canonical());
        assertEquals(List.of("event_date: 2027-06-02 is in the future (reference date 2026-06-01)"), later.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1950", "11/1950", "Nov 1950", "hello", "24/11", "24-XYZ-1950",
        "24/11/950", "12:30", "24 11 1950 1950", "1st 2nd 1980", "--"})
    void unreadableOrPartialDatesAreInvalidWithAReason(String raw) {
        ParsedDate date = DateParser.parseDateOfBirth(raw, REFERENCE);
        assertFalse(date.isValid(), raw);
        assertFalse(date.isLowInformation());
        assertEquals(1, date.problems().size(), date.problems().toString());
        assertTrue(date.problems().get(0).startsWith("dob: '"), date.problems().toString());
    }

    @Test
    void yearOnlyExplainsWhatIsMissing() {
        assertEquals(List.of("dob: '1950' gives only a year, not a full date"),
                DateParser.parseDateOfBirth("1950", REFERENCE).problems());
    }

    @Test
    void absentValueHasNoProblems() {
        for (String raw : new String[] {null, "", " \t "}) {
            ParsedDate date = DateParser.parseDateOfBirth(raw, REFERENCE);
            assertFalse(date.isPresent());
            assertFalse(date.isValid());
            assertEquals(List.of(), date.problems());
        }
        assertFalse(DateParser.parseEventDate(null).isPresent());
        assertFalse(DateParser.parseDateOfBirth(null).isPresent());
    }

    @Test
    void oneArgumentFormsUseToday() {
        LocalDate today = LocalDate.now();
        assertEquals(Optional.of(today), DateParser.parseDateOfBirth(today.toString()).date());
        assertFalse(DateParser.parseDateOfBirth(today.plusDays(3).toString()).isValid());
        assertTrue(DateParser.parseEventDate(today.plusDays(3).toString()).isValid());
    }
}
