package io.github.palimpsest.cluster;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.DateOfBirthComparison;
import io.github.palimpsest.record.ComparableRecord;
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
     * Two valid, informative dates of birth that no keying error explains (a {@link DateOfBirthComparison}'s
     * {@code else}: more than a few years apart, not swapped, not one digit) conflict. Relatives who share a
     * name and a home differ mostly there, and would otherwise join through a third record that resembles
     * both. {@link RecordConflicts#NONE} when the comparisons include no date-of-birth comparison.
     *
     * @param comparisons the linker's comparisons
     * @param records     the clustered records by index
     */
    public static RecordConflicts birthDates(List<? extends Comparison<ComparableRecord>> comparisons,
                                             IntFunction<ComparableRecord> records) {
        for (Comparison<ComparableRecord> c : comparisons) {
            if (c instanceof DateOfBirthComparison dob) {
                return (a, b) -> {
                    ComparableRecord left = records.apply(a);
                    ComparableRecord right = records.apply(b);
                    return dob.level(left, right) == DateOfBirthComparison.ELSE
                            && !left.isDateOfBirthLowInformation() && !right.isDateOfBirthLowInformation();
                };
            }
        }
        return RecordConflicts.NONE;
    }
}
