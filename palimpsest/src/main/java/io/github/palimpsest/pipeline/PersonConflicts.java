package io.github.palimpsest.pipeline;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.DateOfBirthComparison;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The {@link RecordConflicts} for person records that the batch linker and the incremental index share, so
 * that both form the same people.
 */
public final class PersonConflicts {
    private PersonConflicts() {
    }

    /**
     * The {@linkplain Clusterer.Builder#loneLinkWeight lone-link weight} of the person linker and index, in bits
     * (odds of about 32,000 to one): two people who each hold two or more records are joined by one link
     * below it only when a second link between them corroborates it. Why: in a large pool the commonest false
     * merge is two established people joined by one borderline link between one record of each (twins apart,
     * namesakes with a near date of birth), while one person's records that were split apart usually resemble
     * each other in more than one cross pair (docs/blocking-and-clustering.md, "Lone links"). The token linker
     * does not use it: its weaker evidence gives one person's records fewer links to corroborate each other.
     */
    public static final double LONE_LINK_WEIGHT = 15;

    /**
     * The weight in bits at or below which a model's "dates of birth differ" level counts as decisive evidence
     * against a match: a Bayes factor of 1 in 100, the lower bound of "decisive" on Jeffreys' scale
     * ({@code log2(100)}). Decisive, not merely strong, because a conflict is a hard constraint: no amount of
     * other evidence through third records overrides it, so the evidence it stands for must be beyond doubt.
     */
    public static final double DECISIVE_EVIDENCE_BITS = 6.643856189774724;

    /**
     * Whether the model weighs two dates of birth that no keying error explains (a {@link DateOfBirthComparison}'s
     * {@code else}) as decisive evidence against a match: its weight at or below {@code -}{@link
     * #DECISIVE_EVIDENCE_BITS}. Only then do such dates {@linkplain #birthDates(List, MatchModel, IntFunction)
     * conflict}. Why the model decides: in a source whose dates of birth are often wrong by more than a keying
     * error, the trained model finds that out (the level's {@code m} is not small) and weighs the difference
     * lightly; a hard constraint there would keep apart one person's records that every other field joins.
     *
     * @param comparisons the linker's comparisons, in model order
     * @param model       the model the links were scored with
     * @return false also when the comparisons include no date-of-birth comparison
     */
    public static boolean birthDatesConflict(List<? extends Comparison<ComparableRecord>> comparisons,
                                             MatchModel model) {
        for (int c = 0; c < comparisons.size(); c++) {
            if (comparisons.get(c) instanceof DateOfBirthComparison dob) {
                int different = dob.levels().indexOf(DateOfBirthComparison.DIFFERENT);
                return IndexedModel.of(model).levelWeight(c, different) <= -DECISIVE_EVIDENCE_BITS;
            }
        }
        return false;
    }

    /**
     * The date-of-birth conflicts of a pool linked with {@code model}: {@link #birthDates(List, IntFunction)}
     * when the model {@linkplain #birthDatesConflict weighs a date difference as decisive evidence}, else
     * {@link RecordConflicts#NONE}. Relatives who share a name and a home differ mostly in the date of birth,
     * and would otherwise join through a third record that resembles both.
     *
     * @param comparisons the linker's comparisons, in model order
     * @param model       the model the links were scored with
     * @param records     the clustered records by index
     */
    public static RecordConflicts birthDates(List<? extends Comparison<ComparableRecord>> comparisons,
                                             MatchModel model, IntFunction<ComparableRecord> records) {
        return birthDatesConflict(comparisons, model) ? birthDates(comparisons, records) : RecordConflicts.NONE;
    }

    /**
     * Two valid, informative dates of birth that no keying error explains ({@link DateOfBirthComparison#DIFFERENT}: more than a few years apart, not swapped, not one digit) conflict, whatever a model says;
     * for callers that have {@linkplain #birthDatesConflict decided} the model makes them conflict. A third
     * record whose informative date is the same as or one keying error from both
     * {@linkplain RecordConflicts#bridges bridges} the two: each of their dates is then one error from the
     * person's, as a purged record's mistyped month beside a record whose year has a typo.
     * {@link RecordConflicts#NONE} when the comparisons include no date-of-birth comparison.
     *
     * @param comparisons the linker's comparisons
     * @param records     the clustered records by index
     */
    public static RecordConflicts birthDates(List<? extends Comparison<ComparableRecord>> comparisons,
                                             IntFunction<ComparableRecord> records) {
        for (Comparison<ComparableRecord> c : comparisons) {
            if (c instanceof DateOfBirthComparison dob) {
                int different = dob.levels().indexOf(DateOfBirthComparison.DIFFERENT);
                return new RecordConflicts() {
                    @Override
                    public boolean conflict(int a, int b) {
                        ComparableRecord left = records.apply(a);
                        ComparableRecord right = records.apply(b);
                        return dob.level(left, right) == different
                                && !left.isDateOfBirthLowInformation() && !right.isDateOfBirthLowInformation();
                    }

                    @Override
                    public boolean bridges(int third, int a, int b) {
                        ComparableRecord between = records.apply(third);
                        return !between.isDateOfBirthLowInformation()
                                && dob.sameOrOneKeyingError(between, records.apply(a))
                                && dob.sameOrOneKeyingError(between, records.apply(b));
                    }
                };
            }
        }
        return RecordConflicts.NONE;
    }
}
