package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DrivingLicenceProperties {

    @Provide
    Arbitrary<String> surnames() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("O'Brien", "MacDonald", "McDonald", "Lee", "Ng", "Smith-Jones", "Łukasiewicz",
                        "Zoë", "Groß", "de la Cruz", "Nuñez"));
    }

    @Provide
    Arbitrary<String> forenames() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).list().ofMinSize(1).ofMaxSize(3)
                .map(names -> String.join(" ", names));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2025, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<Sex> knownSex() {
        return Arbitraries.of(Sex.MALE, Sex.FEMALE);
    }

    @Provide
    Arbitrary<String> licenceLike() {
        return Arbitraries.oneOf(Spellings.over("ABMORSZ9 0123456789-", 20), Arbitraries.strings(),
                Arbitraries.strings().withChars("ABCXYZ9".toCharArray()).ofLength(5)
                        .flatMap(stem -> Arbitraries.strings().numeric().ofLength(6)
                                .map(digits -> stem + digits + "AB9CD")));
    }

    @Property
    void neverThrowsAndAlwaysExplainsInvalidValues(@ForAll("licenceLike") String raw, @ForAll("surnames") String surname,
            @ForAll("dates") LocalDate dob, @ForAll Sex sex) {
        DrivingLicence licence = DrivingLicence.parse(raw);
        assertEquals(raw, licence.raw());
        if (licence.isPresent() && !licence.isValid()) {
            assertEquals(1, licence.problems().size());
            assertTrue(licence.problems().get(0).startsWith("driving_licence: "));
            assertEquals(List.of(), licence.contradictions(surname, Optional.of(dob), sex));
        }
        licence.contradictions(raw, raw, Optional.of(dob), sex);
    }

    @Property
    void arbitraryStringsNeverThrow(@ForAll String raw) {
        DrivingLicence.parse(raw).contradictions(raw, raw, Optional.empty(), Sex.parse(raw));
    }

    @Property
    void parsingTheCanonicalFormGivesItBack(@ForAll("licenceLike") String raw) {
        Optional<String> canonical = DrivingLicence.parse(raw).canonical();
        canonical.ifPresent(c -> assertEquals(canonical, DrivingLicence.parse(c).canonical()));
    }

    @Property
    void encodedNumbersDecodeToWhatWentIn(@ForAll("surnames") String surname, @ForAll("forenames") String forenames,
            @ForAll("dates") LocalDate dob, @ForAll("knownSex") Sex sex, @ForAll @IntRange(min = 0, max = 9) int digit,
            @ForAll Random random) {
        String number = DrivingLicence.encode(surname, forenames, dob, sex, digit);
        String messy = Spellings.withStraySpaces(Spellings.withRandomCase(number, random), random);
        DrivingLicence licence = DrivingLicence.parse(messy);
        assertEquals(Optional.of(number), licence.canonical(), messy);
        assertEquals(sex, licence.sex());
        assertEquals(dob.getMonthValue(), licence.birthMonth());
        assertEquals(dob.getDayOfMonth(), licence.birthDay());
        assertEquals(dob.getYear() % 100, licence.yearLastTwoDigits());
        assertEquals(Optional.of(dob), licence.dateOfBirthIfCentury(dob.getYear() / 100));
        assertEquals(List.of(), licence.contradictions(surname, forenames, Optional.of(dob), sex));
    }

    @Property
    void eachChangedFactIsReportedAsOneContradiction(@ForAll("surnames") String surname,
            @ForAll("forenames") String forenames, @ForAll("dates") LocalDate dob, @ForAll("knownSex") Sex sex) {
        Assume.that(dob.getDayOfMonth() < 28); // so that a year or a day later changes one part only
        DrivingLicence licence = DrivingLicence.parse(DrivingLicence.encode(surname, forenames, dob, sex));
        Sex other = sex == Sex.MALE ? Sex.FEMALE : Sex.MALE;
        assertEquals(1, licence.contradictions(surname, Optional.of(dob), other).size());
        assertEquals(1, licence.contradictions(surname, Optional.of(dob.plusYears(1)), sex).size());
        assertEquals(1, licence.contradictions(surname, Optional.of(dob.plusDays(1)), sex).size());
        assertEquals(1, licence.contradictions("Quixwell", Optional.of(dob), sex).size()
                + (licence.surnameStem().get().equals("QUIXW") ? 1 : 0));
        assertFalse(licence.contradictions(surname, Optional.of(dob.plusYears(1).plusDays(1)), other).size() < 3);
    }
}
