package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.DateOfBirthComparison;
import io.github.palimpsest.compare.SurnameComparison;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonConflictsTest {
    private static final DateOfBirthComparison DOB = DateOfBirthComparison.standard();
    private static final List<Comparison<ComparableRecord>> COMPARISONS = List.of(DOB);
    private static final List<ComparableRecord> RECORDS = List.of(
            record("A", "1961-03-14"),
            record("B", "1984-09-02"),   // decades from A: no keying error explains it
            record("C", "1961-03-14"));

    private static ComparableRecord record(String id, String born) {
        return ComparableRecord.of(PersonRecord.builder().recordId(id).sourceName("test").forename("Robin")
                .surname("Testperson").dob(born).build());
    }

    /** A model whose "else" level of the date of birth has the given m (u fixed at 0.5). */
    private static MatchModel modelWithElseM(double mElse) {
        double rest = (1 - mElse) / 7;
        double[] m = {rest, rest, rest, rest, rest, rest, rest, mElse, 1};
        double[] u = {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.44, 0.5, 1};
        return MatchModel.builder().prior(1e-3).comparison(DOB, m, u).build();
    }

    @Test
    void aDateDifferenceTheModelCallsDecisiveEvidenceIsAConflict() {
        MatchModel model = modelWithElseM(0.001); // log2(0.001 / 0.5) = -9.0 bits
        assertTrue(PersonConflicts.birthDatesConflict(COMPARISONS, model));
        RecordConflicts conflicts = PersonConflicts.birthDates(COMPARISONS, model, RECORDS::get);
        assertTrue(conflicts.conflict(0, 1));
        assertFalse(conflicts.conflict(0, 2), "the same date is no conflict");
    }

    @Test
    void aDateOneKeyingErrorFromBothConflictingDatesBridgesThem() {
        // 1974-01-21 and 1994-02-21 differ in two digits; 1974-02-21 is one digit from each
        List<ComparableRecord> records = List.of(record("purged", "1974-01-21"), record("typo", "1994-02-21"),
                record("person", "1974-02-21"), record("parent", "1946-05-30"), record("placeholder", "1900-01-01"));
        RecordConflicts conflicts = PersonConflicts.birthDates(COMPARISONS, modelWithElseM(0.001), records::get);
        assertTrue(conflicts.conflict(0, 1));
        assertTrue(conflicts.bridges(2, 0, 1));
        assertFalse(conflicts.bridges(3, 0, 1), "a date far from both explains nothing");
        assertFalse(conflicts.bridges(4, 0, 1), "a placeholder date explains nothing");
        assertFalse(conflicts.bridges(0, 2, 3), "one error from one side only is not a bridge");
        assertFalse(RecordConflicts.NONE.bridges(2, 0, 1));
    }

    @Test
    void aDateDifferenceTheModelWeighsLightlyIsNoConflict() {
        // A source whose dates are often wrong: one match in fifty disagrees, -4.6 bits, strong but not decisive.
        MatchModel model = modelWithElseM(0.02);
        assertFalse(PersonConflicts.birthDatesConflict(COMPARISONS, model));
        assertSame(RecordConflicts.NONE, PersonConflicts.birthDates(COMPARISONS, model, RECORDS::get));
    }

    @Test
    void theBoundaryIsDecisiveEvidenceOnJeffreysScale() {
        // m/u = 1/100 is decisive evidence; 1/99 is not.
        assertTrue(PersonConflicts.birthDatesConflict(COMPARISONS, modelWithElseM(0.5 / 100)));
        assertFalse(PersonConflicts.birthDatesConflict(COMPARISONS, modelWithElseM(0.5 / 99)));
    }

    @Test
    void withoutADateComparisonThereIsNoConflict() {
        SurnameComparison surname = SurnameComparison.standard();
        int levels = surname.levels().size();
        long informative = surname.levels().stream().filter(l -> !l.isNeutral()).count();
        double[] m = new double[levels];
        for (int l = 0; l < levels; l++) {
            m[l] = surname.levels().get(l).isNeutral() ? 1 : 1.0 / informative;
        }
        double[] u = m.clone();
        MatchModel model = MatchModel.builder().prior(1e-3).comparison(surname, m, u).build();
        List<Comparison<ComparableRecord>> comparisons = List.of(surname);
        assertFalse(PersonConflicts.birthDatesConflict(comparisons, model));
        assertSame(RecordConflicts.NONE, PersonConflicts.birthDates(comparisons, model, RECORDS::get));
    }
}
