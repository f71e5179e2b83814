package io.github.palimpsest.privacy;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import java.util.List;
import java.util.Locale;

/**
 * Forenames through their filters: the Dice levels of {@link BloomField#FORENAME}, then two more levels
 * before the last: {@code "names swapped"} when the forename and surname were written the wrong way round
 * (both crosswise, or the unordered name sets, alike: see {@link NameSwap}), and {@code "nickname"} for
 * pairs whose spelling is not similar but whose {@link BloomField#FORENAME_EQUIVALENTS} filters are (Bill
 * and William). Neutral when either forename filter is missing.
 */
final class ForenameComparison implements Comparison<Tombstone> {

    private final double[] thresholds;
    private final double nicknameThreshold;
    private final double namesThreshold;
    private final List<ComparisonLevel> levels;

    ForenameComparison(double[] thresholds, double nicknameThreshold, double namesThreshold) {
        this.thresholds = DiceComparison.checkThresholds(thresholds);
        if (!(nicknameThreshold > 0 && nicknameThreshold <= 1)) {
            throw new IllegalArgumentException("the nickname threshold must be in (0, 1]");
        }
        NameSwap.checkThreshold(namesThreshold);
        this.nicknameThreshold = nicknameThreshold;
        this.namesThreshold = namesThreshold;
        this.levels = DiceComparison.levelsOf(this.thresholds,
                NameSwap.label(this.thresholds[this.thresholds.length - 1], namesThreshold),
                String.format(Locale.ROOT, "nickname (equivalents dice ≥ %.2f)", nicknameThreshold));
    }

    @Override
    public String name() {
        return BloomField.FORENAME.column();
    }

    @Override
    public List<ComparisonLevel> levels() {
        return levels;
    }

    @Override
    public int level(Tombstone left, Tombstone right) {
        BloomFilter a = left.filterOrNull(BloomField.FORENAME);
        BloomFilter b = right.filterOrNull(BloomField.FORENAME);
        if (a == null || b == null) {
            return levels.size() - 1;
        }
        int bucket = DiceComparison.bucket(a.dice(b), thresholds);
        if (bucket < thresholds.length) {
            return bucket;
        }
        if (NameSwap.crossing(left, right, thresholds[thresholds.length - 1], namesThreshold) == NameSwap.SWAPPED) {
            return thresholds.length;
        }
        BloomFilter ea = left.filterOrNull(BloomField.FORENAME_EQUIVALENTS);
        BloomFilter eb = right.filterOrNull(BloomField.FORENAME_EQUIVALENTS);
        boolean nickname = ea != null && eb != null && ea.dice(eb) >= nicknameThreshold;
        return nickname ? thresholds.length + 1 : thresholds.length + 2;
    }
}
