package io.github.palimpsest.privacy;

import java.util.Locale;

/**
 * Detects names written in the wrong field (a forename in the surname field, a surname in the forename
 * field: a common keying error that FEBRL's generator also makes), when neither the forenames nor the
 * surnames of two records are alike. Two kinds of evidence, both order-free:
 * <ul>
 *   <li><b>crosswise Dice</b>: a record's {@link BloomField#FORENAME} filter against the other record's
 *       {@link BloomField#SURNAME_AS_FORENAME} filter (its surname under the forename's keys), in both
 *       directions. Both directions alike is a full swap; one alike is one name crossed over while the other
 *       was replaced or badly mistyped;</li>
 *   <li>the {@link BloomField#NAMES} filters, which hold both names' bigrams in no order: alike is a full
 *       swap. This is the only evidence between tombstones without the crosswise filter (upgraded from
 *       format 3 or 2).</li>
 * </ul>
 * Stateless.
 */
final class NameSwap {

    private NameSwap() {
    }

    /** The level label shared by the forename and surname comparisons for a full swap. */
    static String label(double lowest, double namesThreshold) {
        return String.format(Locale.ROOT, "names swapped (both crosswise dice ≥ %.2f or names dice ≥ %.2f)", lowest,
                namesThreshold);
    }

    /** The surname comparison's level label for one name crossed over. */
    static String crossedLabel(double namesThreshold) {
        return String.format(Locale.ROOT, "one name crossed (crosswise dice ≥ %.2f)", namesThreshold);
    }

    static void checkThreshold(double namesThreshold) {
        if (!(namesThreshold > 0 && namesThreshold <= 1)) {
            throw new IllegalArgumentException("the names threshold must be in (0, 1]");
        }
    }

    /** Both names crossed over: a full swap. */
    static final int SWAPPED = 2;
    /** One name crossed over (the other field disagrees). */
    static final int ONE_CROSSED = 1;
    /** No swap found, or the direct comparisons do not allow one. */
    static final int NONE = 0;

    /**
     * {@link #SWAPPED}, {@link #ONE_CROSSED} or {@link #NONE}, for two records neither of whose forenames
     * and surnames are alike ({@code Dice < lowest}; either may be missing on one side but not both).
     * Symmetric in the two records.
     */
    static int crossing(Tombstone left, Tombstone right, double lowest, double namesThreshold) {
        int compared = 0;
        for (BloomField field : new BloomField[] {BloomField.FORENAME, BloomField.SURNAME}) {
            BloomFilter a = left.filterOrNull(field);
            BloomFilter b = right.filterOrNull(field);
            if (a != null && b != null) {
                if (a.dice(b) >= lowest) {
                    return NONE;
                }
                compared++;
            }
        }
        if (compared == 0) {
            return NONE;
        }
        double forward = dice(left.filterOrNull(BloomField.FORENAME),
                right.filterOrNull(BloomField.SURNAME_AS_FORENAME));
        double backward = dice(left.filterOrNull(BloomField.SURNAME_AS_FORENAME),
                right.filterOrNull(BloomField.FORENAME));
        // Both names crossed over, each at least as alike as a direct comparison needs to count as alike
        // (typos in both names of a swap are common), or the unordered name sets alike.
        if ((forward >= lowest && backward >= lowest)
                || dice(left.filterOrNull(BloomField.NAMES), right.filterOrNull(BloomField.NAMES)) >= namesThreshold) {
            return SWAPPED;
        }
        return forward >= namesThreshold || backward >= namesThreshold ? ONE_CROSSED : NONE;
    }

    /** Dice of two filters, 0 when either is missing. */
    private static double dice(BloomFilter a, BloomFilter b) {
        return a == null || b == null ? 0 : a.dice(b);
    }
}
