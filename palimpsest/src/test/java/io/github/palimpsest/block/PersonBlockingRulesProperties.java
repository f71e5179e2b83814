package io.github.palimpsest.block;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
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
 * The phone rule's contract over arbitrary people who share one number. A number given by few (a household)
 * pairs them all; a number given by more than the identifier maximum (a hostel) is split, not dropped: two
 * of its callers always meet when they also share the year of birth with the month or the day, or a surname
 * and the forename initial; a caller with nothing but the number still meets its sorted neighbours.
 */
class PersonBlockingRulesProperties {
    private static final String PHONE = "07700 900123";
    private static final BlockingRule<ComparableRecord> PHONE_RULE = PersonBlockingRules.standard().stream()
            .filter(r -> r.name().equals("phone")).findFirst().orElseThrow();

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

    /** Strangers on the same number, each with a name and date of birth none of the callers shares. */
    private static List<ComparableRecord> strangers() {
        List<ComparableRecord> records = new ArrayList<>();
        for (int i = 0; i < PersonBlockingRules.IDENTIFIER_MAX_BLOCK_SIZE; i++) {
            records.add(ComparableRecord.of(PersonRecord.builder().referenceDate(LocalDate.of(2025, 1, 1))
                    .recordId("S" + i).set("phone", PHONE).set("forename", "Xavi" + (char) ('a' + i))
                    .set("surname", "Yellowhammer" + (char) ('a' + i)).set("dob", (1930 + i) + "-07-" + (10 + i))
                    .build()));
        }
        return records;
    }

    @Property(tries = 300)
    void twoCallersOfAHostelNumberMeetWhenTheyShareAYearWithMonthOrDayOrASurnameWithInitial(
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
        List<ComparableRecord> records = new ArrayList<>(strangers());
        records.add(new Caller("", "", null).toRecord()); // only the number: no second key at all
        records.add(left);
        records.add(right);
        CandidatePairs pairs = Blocker.<ComparableRecord>builder().rule(PHONE_RULE).build().candidates(records);
        int l = records.size() - 2;
        if (sameYearAndPart || sameSurnameAndInitial) {
            assertEquals(true, pairs.contains(l, l + 1), a + " / " + b);
        }
        assertEquals(1, pairs.report().oversizeBlocks().size(), "the hostel's block is reported");
        int onlyNumber = l - 1;
        assertEquals(true, pairs.stream().anyMatch(p -> CandidatePairs.left(p) == onlyNumber
                || CandidatePairs.right(p) == onlyNumber), "a record with only the number keeps its window");
    }

    @Property(tries = 200)
    void twoCallersOfAHouseholdNumberAlwaysMeet(@ForAll("callers") Caller a, @ForAll("callers") Caller b) {
        assertEquals(true, Blocker.<ComparableRecord>builder().rule(PHONE_RULE).build()
                .candidates(List.of(a.toRecord(), b.toRecord())).contains(0, 1), a + " / " + b);
    }
}
