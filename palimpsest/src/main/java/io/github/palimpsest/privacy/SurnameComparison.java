package io.github.palimpsest.privacy;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import java.util.List;

/**
 * Surnames through their filters: the Dice levels of {@link BloomField#SURNAME}, then, before the last,
 * {@code "one name crossed"} when one record's forename is the other's surname but the other names
 * disagree (a swap with one name replaced or badly mistyped; see {@link NameSwap}). Neutral when either
 * surname filter is missing, and when the forename and surname were written the wrong way round: the
 * forename comparison weighs that swap, which both comparisons see, so that it counts once.
 */
final class SurnameComparison implements Comparison<Tombstone> {

    private final double[] thresholds;
    private final double namesThreshold;
    private final List<ComparisonLevel> levels;

    SurnameComparison(double[] thresholds, double namesThreshold) {
        this.thresholds = DiceComparison.checkThresholds(thresholds);
        NameSwap.checkThreshold(namesThreshold);
        this.namesThreshold = namesThreshold;
        this.levels = DiceComparison.levelsOf(this.thresholds, NameSwap.crossedLabel(namesThreshold));
    }

    @Override
    public String name() {
        return BloomField.SURNAME.column();
    }

    @Override
    public List<ComparisonLevel> levels() {
        return levels;
    }

    @Override
    public int level(Tombstone left, Tombstone right) {
        BloomFilter a = left.filterOrNull(BloomField.SURNAME);
        BloomFilter b = right.filterOrNull(BloomField.SURNAME);
        if (a == null || b == null) {
            return levels.size() - 1;
        }
        int bucket = DiceComparison.bucket(a.dice(b), thresholds);
        if (bucket < thresholds.length) {
            return bucket;
        }
        switch (NameSwap.crossing(left, right, thresholds[thresholds.length - 1], namesThreshold)) {
            case NameSwap.SWAPPED:
                return levels.size() - 1; // weighed by the forename comparison
            case NameSwap.ONE_CROSSED:
                return thresholds.length;
            default:
                return thresholds.length + 1;
        }
    }
}
