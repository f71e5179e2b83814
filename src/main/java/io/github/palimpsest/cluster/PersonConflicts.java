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
