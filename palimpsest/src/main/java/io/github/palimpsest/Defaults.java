package io.github.palimpsest;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.block.PersonBlockingRules;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.PersonComparisons;
import io.github.palimpsest.record.ComparableRecord;
import java.util.List;

/**
 * The comparisons and blocking rules a {@link Linker} uses unless told otherwise: the single place where
 * the library's standard person configuration is chosen.
 */
final class Defaults {
    private Defaults() {
    }

    /** The standard person comparisons, in model order. */
    static List<Comparison<ComparableRecord>> comparisons() {
        return PersonComparisons.standard();
    }

    /** The standard person blocking rules, in report order. */
    static List<BlockingRule<ComparableRecord>> blockingRules() {
        return PersonBlockingRules.standard();
    }
}
