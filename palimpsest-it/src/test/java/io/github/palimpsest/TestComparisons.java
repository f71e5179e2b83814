package io.github.palimpsest;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.compare.TermFrequencyComparison;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** A small configuration for pipeline tests: surname, date of birth and PNC ID, three levels each. */
final class TestComparisons {
    static final List<ComparisonLevel> EXACT_DIFFERENT_MISSING =
            List.of(ComparisonLevel.of("exact"), ComparisonLevel.of("different"), ComparisonLevel.neutral("missing"));
    static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 1, 1);

    private TestComparisons() {
    }

    static final Comparison<ComparableRecord> SURNAME = new Field("surname", ComparableRecord::surname, true);
    static final Comparison<ComparableRecord> DOB =
            new Field("dob", r -> r.dateOfBirth() == 0 ? "" : Integer.toString(r.dateOfBirth()), false);
    static final Comparison<ComparableRecord> PNC = new Field("pnc_id", ComparableRecord::pncId, false);

    static List<Comparison<ComparableRecord>> comparisons() {
        return List.of(SURNAME, DOB, PNC);
    }

    static List<BlockingRule<ComparableRecord>> rules() {
        return List.of(
                BlockingRule.of("pnc", (r, keys) -> keys.accept(r.pncId())),
                BlockingRule.of("surname", (r, keys) -> keys.accept(r.surname()), r -> Integer.toString(r.dateOfBirth())),
                BlockingRule.of("dob", (r, keys) -> keys.accept(r.dateOfBirth() == 0 ? "" : "" + r.dateOfBirth()),
                        ComparableRecord::surname));
    }

    /** A linker over the test configuration, with term-frequency adjustment off unless asked. */
    static Linker.Builder linker() {
        return Linker.builder().comparisons(comparisons()).blockingRules(rules()).termFrequencyAdjustment(false);
    }

    /**
     * A hand-set model: surname exact +6.5 bits, dob exact +9.8, pnc exact +13.3 and different −6.6, prior
     * 1e-3 (−9.97); so surname and dob together link (6.3), and a different PNC ID undoes them (−0.3).
     */
    static MatchModel handModel() {
        return MatchModel.builder().prior(1e-3)
                .comparison("surname", EXACT_DIFFERENT_MISSING, new double[] {0.9, 0.1, 1}, new double[] {0.01, 0.99, 1})
                .comparison("dob", EXACT_DIFFERENT_MISSING, new double[] {0.9, 0.1, 1}, new double[] {0.001, 0.999, 1})
                .comparison("pnc_id", EXACT_DIFFERENT_MISSING, new double[] {0.99, 0.01, 1},
                        new double[] {0.0001, 0.9999, 1})
                .build();
    }

    static PersonRecord record(String id, String force, String surname, String dob, String pnc, String eventDate) {
        return PersonRecord.builder().recordId(id).force(force).forename(surname.isEmpty() ? "" : "Sam")
                .surname(surname).dob(dob).pncId(pnc).eventDate(eventDate).eventType("allegation")
                .referenceDate(REFERENCE_DATE).build();
    }

    /** Generated fictional records, in generation order. */
    static List<SyntheticRecord> synthetic(int people, long seed) {
        return SyntheticForces.builder().people(people).seed(seed).referenceDate(REFERENCE_DATE).build().generate()
                .records();
    }

    static PersonRecord toRecord(SyntheticRecord generated) {
        return generated.toPersonRecord(REFERENCE_DATE);
    }

    /** Exact / different / missing over one canonical value; optionally term-frequency adjusted on exact. */
    private record Field(String name, Function<ComparableRecord, String> value, boolean adjusted)
            implements TermFrequencyComparison<ComparableRecord> {
        @Override
        public List<ComparisonLevel> levels() {
            return EXACT_DIFFERENT_MISSING;
        }

        @Override
        public int level(ComparableRecord left, ComparableRecord right) {
            String a = value.apply(left);
            String b = value.apply(right);
            if (a.isEmpty() || b.isEmpty()) {
                return 2;
            }
            return a.equals(b) ? 0 : 1;
        }

        @Override
        public int termFrequencyLevel() {
            return adjusted ? 0 : -1;
        }

        @Override
        public String termFrequencyValue(ComparableRecord record) {
            return adjusted ? value.apply(record) : "";
        }
    }
}
