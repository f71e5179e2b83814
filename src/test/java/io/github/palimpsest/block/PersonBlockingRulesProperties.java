package io.github.palimpsest.block;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The phone rule's contract over arbitrary people who share one number (a household, a hostel): two of them
 * meet under it exactly when they also share the year of birth with the month or the day, or a surname and
 * the forename initial. A number shared by many therefore pairs the same person's records, not everyone who
 * gave it.
 */
class PersonBlockingRulesProperties {
    private static final String PHONE = "07700 900123";
    private static final BlockingRule<ComparableRecord> PHONE_RULE = PersonBlockingRules.standard().stream()
            .filter(r -> r.name().equals("phone+birth-year-or-surname")).findFirst().orElseThrow();

    /** A person who gave the shared number: forename, surname and date of birth, each possibly absent. */
    record Caller(String forename, String surname, LocalDate dob) {
        ComparableRecord toRecord() {
            PersonRecord.Builder b = PersonRecord.builder().referenceDate(LocalDate.of(2025, 1, 1)).recordId("X")
                    .set("phone", PHONE);
            if (!forename.isEmpty()) {
                b.set("forename", forename);
            }
            if (!surname.isEmpty()) {
                b.set("surname", surname);
            }
            if (dob != null) {
                b.set("dob", dob.toString());
            }
            return ComparableRecord.of(b.build());
        }
    }

    @Provide
    Arbitrary<Caller> callers() {
        // Small domains, so that shared years, months, days, initials and surnames are common.
        Arbitrary<String> forenames = Arbitraries.of("", "Orla", "Oswin", "Bram", "Bea", "Zed");
        Arbitrary<String> surnames = Arbitraries.of("", "Quince", "Quinse", "Amory", "Fairweather");
        Arbitrary<LocalDate> dates = Combinators.combine(Arbitraries.integers().between(1980, 1982),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 3))
                .as(LocalDate::of).injectNull(0.2);
        return Combinators.combine(forenames, surnames, dates).as(Caller::new);
    }

    @Property(tries = 500)
    void twoCallersOfOneNumberMeetOnlyOnYearWithMonthOrDayOrOnSurnameWithInitial(
            @ForAll("callers") Caller a, @ForAll("callers") Caller b) {
        ComparableRecord left = a.toRecord();
        ComparableRecord right = b.toRecord();
        boolean sameYearAndPart = a.dob() != null && b.dob() != null && a.dob().getYear() == b.dob().getYear()
                && (a.dob().getMonthValue() == b.dob().getMonthValue()
                        || a.dob().getDayOfMonth() == b.dob().getDayOfMonth());
        boolean sameSurnameAndInitial = !left.surnamePhonetic().isEmpty()
                && left.surnamePhonetic().equals(right.surnamePhonetic())
                && !a.forename().isEmpty() && !b.forename().isEmpty()
                && a.forename().charAt(0) == b.forename().charAt(0);
        boolean paired = Blocker.<ComparableRecord>builder().rule(PHONE_RULE).build()
                .candidates(List.of(left, right)).contains(0, 1);
        assertEquals(sameYearAndPart || sameSurnameAndInitial, paired, a + " / " + b);
    }

    @Property(tries = 200)
    void everyPhoneKeyHoldsTheNumberAndAtLeastTwoOtherFields(@ForAll("callers") Caller caller) {
        List<String> keys = new ArrayList<>();
        PHONE_RULE.keys(caller.toRecord(), keys::add);
        Set<String> distinct = new HashSet<>(keys);
        for (String key : distinct) {
            String rest = key.substring(key.indexOf('|') + 1);
            // year+month, year+day, or surname key+initial: never the number with one field alone
            assertEquals(true, rest.matches("\\d{4}[md]\\d+|[^|]+\\|[a-z]"), key);
        }
    }
}
