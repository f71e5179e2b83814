package io.github.palimpsest.spark;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.block.PersonBlockingRules;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.PersonComparisons;
import io.github.palimpsest.record.ComparableRecord;
import java.util.List;

/**
 * The library's standard person comparisons and blocking rules (those a default {@code Linker} and the CLI
 * use), built once per executor JVM rather than shipped with every task: they are immutable and
 * thread-safe, but not serializable.
 */
final class Standard {
    static final List<Comparison<ComparableRecord>> COMPARISONS = PersonComparisons.standard();
    static final List<BlockingRule<ComparableRecord>> RULES = PersonBlockingRules.standard();

    private Standard() {
    }
}
