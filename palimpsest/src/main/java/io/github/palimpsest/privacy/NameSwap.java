package io.github.palimpsest.privacy;

import java.util.Locale;

/**
 * Detects a forename and surname written the wrong way round (forename in the surname field and the
 * surname in the forename field, a common keying error that FEBRL's generator also makes): the separate
 * forename and surname filters, each under its own key, then disagree, while the {@link BloomField#NAMES}
 * filters, which hold both names' bigrams in no order, agree. Stateless.
 */
final class NameSwap {

    private NameSwap() {
    }

    /** The level label shared by the forename and surname comparisons. */
    static String label(double namesThreshold) {
        return String.format(Locale.ROOT, "names swapped (names dice ≥ %.2f)", namesThreshold);
    }

    static void checkThreshold(double namesThreshold) {
        if (!(namesThreshold > 0 && namesThreshold <= 1)) {
            throw new IllegalArgumentException("the names threshold must be in (0, 1]");
        }
    }

    /**
     * Whether neither the forenames nor the surnames are alike ({@code Dice < lowest}, either may be
     * missing on one side but not both) while the name sets are ({@code Dice ≥ namesThreshold}).
     */
    static boolean isSwapped(Tombstone left, Tombstone right, double lowest, double namesThreshold) {
        BloomFilter na = left.filterOrNull(BloomField.NAMES);
        BloomFilter nb = right.filterOrNull(BloomField.NAMES);
        if (na == null || nb == null || na.dice(nb) < namesThreshold) {
            return false;
        }
        int compared = 0;
        for (BloomField field : new BloomField[] {BloomField.FORENAME, BloomField.SURNAME}) {
            BloomFilter a = left.filterOrNull(field);
            BloomFilter b = right.filterOrNull(field);
            if (a != null && b != null) {
                if (a.dice(b) >= lowest) {
                    return false;
                }
                compared++;
            }
        }
        return compared > 0;
    }
}
