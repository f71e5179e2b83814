package io.github.palimpsest.privacy;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import java.util.List;
import java.util.Locale;

/**
 * Dice similarity of one field's filters, in levels {@code dice ≥ t1 > t2 > ...}, then {@code dice < t_last},
 * then neutral when either filter is missing.
 */
final class DiceComparison implements Comparison<Tombstone> {

    private final BloomField field;
    private final double[] thresholds;
    private final List<ComparisonLevel> levels;

    DiceComparison(BloomField field, double[] thresholds) {
        this.field = field;
        this.thresholds = checkThresholds(thresholds);
        this.levels = levelsOf(this.thresholds);
    }

    static double[] checkThresholds(double[] thresholds) {
        if (thresholds.length == 0) {
            throw new IllegalArgumentException("at least one Dice threshold is needed");
        }
        for (int i = 0; i < thresholds.length; i++) {
            if (!(thresholds[i] > 0 && thresholds[i] <= 1) || (i > 0 && thresholds[i] >= thresholds[i - 1])) {
                throw new IllegalArgumentException("Dice thresholds must be in (0, 1] and strictly decreasing");
            }
        }
        return thresholds.clone();
    }

    static List<ComparisonLevel> levelsOf(double[] thresholds, String... extrasBeforeLast) {
        ImmutableList.Builder<ComparisonLevel> b = ImmutableList.builder();
        for (double t : thresholds) {
            b.add(ComparisonLevel.of(String.format(Locale.ROOT, "dice ≥ %.2f", t)));
        }
        for (String extra : extrasBeforeLast) {
            b.add(ComparisonLevel.of(extra));
        }
        b.add(ComparisonLevel.of(String.format(Locale.ROOT, "dice < %.2f", thresholds[thresholds.length - 1])));
        b.add(ComparisonLevel.neutral("missing"));
        return b.build();
    }

    /** The index of the first threshold {@code dice} reaches, or {@code thresholds.length} when none. */
    static int bucket(double dice, double[] thresholds) {
        int i = 0;
        while (i < thresholds.length && dice < thresholds[i]) {
            i++;
        }
        return i;
    }

    BloomField field() {
        return field;
    }

    @Override
    public String name() {
        return field.column();
    }

    @Override
    public List<ComparisonLevel> levels() {
        return levels;
    }

    @Override
    public int level(Tombstone left, Tombstone right) {
        BloomFilter a = left.filterOrNull(field);
        BloomFilter b = right.filterOrNull(field);
        if (a == null || b == null) {
            return levels.size() - 1;
        }
        return bucket(a.dice(b), thresholds);
    }
}
