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
     * below it only when a second link between them corroborates it. Measured on generated cross-force data
     * (docs/accuracy.md): at a million records F1 +0.0004 (precision 0.9955 to 0.9965), at 10,000 records
     * no change over 20 seeds; FEBRL unchanged. The token linker does not use it: its weaker evidence gives
     * one person's records fewer links to corroborate each other.
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
