package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DateParserProperties {

    private static final LocalDate FAR_REFERENCE = LocalDate.of(2100, 1, 1);
    private static final List<DateTimeFormatter> PATTERNS = List.of("uuuu-MM-dd", "uuuuMMdd", "dd/MM/uuuu", "d/M/uuuu",
            "dd.MM.uuuu", "dd-MM-uuuu", "dd-MMM-uuuu", "d MMM uuuu", "d MMMM uuuu", "uuuu/MM/dd",
            "uuuu-MM-dd'T'HH:mm:ss", "EEEE d MMMM uuuu", "MMMM d, uuuu", "dd/MM/uuuu HH:mm:ss").stream()
            .map(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)).collect(Collectors.toList());

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1800, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<LocalDate> references() {
        // a century before any reference from 1900 on is still after the earliest accepted year
        return Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<String> dateLike() {
        return Arbitraries.oneOf(
                Spellings.over("0123456789/.- :TZ+", 22),
                Spellings.over("0123456789 -/stndrhJanFebMarchNovSeptOfMonday,", 26),
                Arbitraries.strings(),
                dates().map(LocalDate::toString));
    }

    @Property
    void neverThrowsAndAlwaysExplainsInvalidValues(@ForAll("dateLike") String raw, @ForAll("dates") LocalDate reference) {
        for (ParsedDate date : List.of(DateParser.parseDateOfBirth(raw, reference),
                DateParser.parseEventDate(raw, reference))) {
            assertEquals(raw, date.raw());
            assertEquals(date.isValid(), date.date().isPresent());
            if (date.isPresent() && !date.isValid()) {
                assertEquals(1, date.problems().size());
            }
            if (!date.isValid()) {
                assertFalse(date.isLowInformation());
            }
        }
        DateParser.parseDateOfBirth(raw);
        DateParser.parseEventDate(raw);
    }

    @Property
    void parsingTheCanonicalFormGivesItBack(@ForAll("dateLike") String raw, @ForAll("dates") LocalDate reference) {
        ParsedDate dob = DateParser.parseDateOfBirth(raw, reference);
        dob.canonical().ifPresent(c -> {
            ParsedDate again = DateParser.parseDateOfBirth(c, reference);
            assertEquals(dob.canonical(), again.canonical());
            assertEquals(dob.isLowInformation(), again.isLowInformation());
        });
        ParsedDate event = DateParser.parseEventDate(raw, reference);
        event.canonical().ifPresent(c -> assertEquals(event.canonical(), DateParser.parseEventDate(c, reference).canonical()));
    }

    @Property
    void everyAcceptedPatternWithAFourDigitYearReadsBackTheSameDate(@ForAll("dates") LocalDate date) {
        for (DateTimeFormatter pattern : PATTERNS) {
            String written = pattern.format(date.atTime(13, 45, 7));
            for (String spelling : List.of(written, written.toUpperCase(Locale.ROOT), written.toLowerCase(Locale.ROOT))) {
                assertEquals(Optional.of(date), DateParser.parseDateOfBirth(spelling, FAR_REFERENCE).date(), spelling);
                assertEquals(Optional.of(date), DateParser.parseEventDate(spelling, FAR_REFERENCE).date(), spelling);
            }
        }
        String ordinal = date.getDayOfMonth() + ordinalSuffix(date.getDayOfMonth()) + " "
                + DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH).format(date);
        assertEquals(Optional.of(date), DateParser.parseDateOfBirth(ordinal, FAR_REFERENCE).date(), ordinal);
        assertEquals(date.getMonthValue() == 1 && date.getDayOfMonth() == 1,
                DateParser.parseDateOfBirth(date.toString(), FAR_REFERENCE).isLowInformation());
    }

    @Property
    void twoDigitYearOfBirthIsNeverAfterTheReferenceNorACenturyBefore(@ForAll("dates") LocalDate date,
            @ForAll("references") LocalDate reference) {
        // 29 February of a year ending 00 has no valid reading when the century chosen is not a leap one
        Assume.that(!(date.getMonthValue() == 2 && date.getDayOfMonth() == 29 && date.getYear() % 100 == 0));
        for (String pattern : List.of("dd/MM/yy", "d/M/yy", "dd.MM.yy", "dd-MMM-yy", "ddMMyy")) {
            String written = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(date);
            LocalDate read = DateParser.parseDateOfBirth(written, reference).date().orElseThrow();
            assertFalse(read.isAfter(reference), written + " read as " + read);
            assertTrue(read.isAfter(reference.minusYears(100)), written + " read as " + read);
            assertEquals(date.getYear() % 100, read.getYear() % 100);
            assertEquals(date.getMonthValue(), read.getMonthValue());
            assertEquals(date.getDayOfMonth(), read.getDayOfMonth());
        }
    }

    @Property
    void twoDigitEventYearIsNotMoreThanADayAfterTheReference(@ForAll("dates") LocalDate date,
            @ForAll("references") LocalDate reference) {
        Assume.that(!(date.getMonthValue() == 2 && date.getDayOfMonth() == 29 && date.getYear() % 100 == 0));
        String written = DateTimeFormatter.ofPattern("dd/MM/yy", Locale.ENGLISH).format(date);
        ParsedDate read = DateParser.parseEventDate(written, reference);
        LocalDate day = read.date().orElseThrow();
        assertFalse(day.isAfter(reference.plusDays(1)), written + " read as " + day);
        assertTrue(read.problems().stream().noneMatch(p -> p.contains("future")));
    }

    @Property
    void aFourDigitDateOfBirthAfterTheReferenceIsInvalid(@ForAll("dates") LocalDate date,
            @ForAll("dates") LocalDate reference) {
        ParsedDate read = DateParser.parseDateOfBirth(date.toString(), reference);
        assertEquals(!date.isAfter(reference), read.isValid());
    }

    @Property
    void anyFourDigitYearUpToTheReferenceIsValidByDefault(@ForAll("anyEraDates") LocalDate date) {
        ParsedDate read = DateParser.parseDateOfBirth(date.toString(), FAR_REFERENCE);
        assertEquals(Optional.of(date), read.date());
        assertEquals(0, read.partialYear());
    }

    @Property
    void aYearBeforeTheEarliestYearIsInvalidAndOneFromItIsValid(@ForAll("anyEraDates") LocalDate date,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 2099) int earliestYear) {
        ParsedDate read = DateParser.parseDateOfBirth(date.toString(), FAR_REFERENCE, earliestYear);
        assertEquals(date.getYear() >= earliestYear, read.isValid());
    }

    @Property
    void anImpossibleDayKeepsTheYearAndMonth(@ForAll("anyEraDates") LocalDate date,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 99) int day) {
        Assume.that(day == 0 || day > date.lengthOfMonth());
        String raw = String.format(Locale.ROOT, "%04d-%02d-%02d", date.getYear(), date.getMonthValue(), day);
        ParsedDate read = DateParser.parseDateOfBirth(raw, FAR_REFERENCE);
        assertFalse(read.isValid());
        assertEquals(date.getYear(), read.partialYear());
        assertEquals(date.getMonthValue(), read.partialMonth());
        assertEquals(1, read.problems().size());
    }

    @Property
    void anImpossibleMonthKeepsTheYearOnly(@ForAll("anyEraDates") LocalDate date,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 13, max = 99) int month) {
        String raw = String.format(Locale.ROOT, "%02d/%02d/%04d", date.getDayOfMonth(), month, date.getYear());
        ParsedDate read = DateParser.parseDateOfBirth(raw, FAR_REFERENCE);
        assertFalse(read.isValid());
        assertEquals(date.getYear(), read.partialYear());
        assertEquals(0, read.partialMonth());
    }

    @Provide
    Arbitrary<LocalDate> anyEraDates() {
        return Arbitraries.longs().between(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    private static String ordinalSuffix(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        switch (day % 10) {
            case 1:
                return "st";
            case 2:
                return "nd";
            case 3:
                return "rd";
            default:
                return "th";
        }
    }
}
