package io.github.palimpsest.compare;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Jaro–Winkler similarity (Winkler, 1990) without allocation, giving exactly the numbers of Commons Text's
 * {@link JaroWinklerSimilarity} (tested equal), which boxes every character and allocates four arrays per
 * call. Strings of up to 64 characters keep their matched positions in two {@code long} bit sets; longer
 * ones, rare for names, fall back to Commons Text.
 *
 * <p>Jaro matching is greedy and, for two strings of equal length, depends on which one is scanned first,
 * so {@code similarity(a, b)} may differ from {@code similarity(b, a)} in Commons Text.
 * {@link #symmetric(String, String)} orders its arguments first and is what comparisons use.
 * Stateless and thread-safe.
 */
final class JaroWinkler {
    private static final JaroWinklerSimilarity COMMONS = new JaroWinklerSimilarity();
    private static final double SCALING = 0.1;
    private static final double BOOST_THRESHOLD = 0.7;

    private JaroWinkler() {
    }

    /** The similarity with arguments put in a fixed order, so that it is symmetric. */
    static double symmetric(String a, String b) {
        return a.compareTo(b) <= 0 ? similarity(a, b) : similarity(b, a);
    }

    /** The same value as {@code new JaroWinklerSimilarity().apply(first, second)}. */
    static double similarity(String first, String second) {
        if (first.equals(second)) {
            return 1d;
        }
        if (first.length() > 64 || second.length() > 64) {
            return COMMONS.apply(first, second);
        }
        // As Commons Text: the longer string is "max"; on equal lengths the second argument is.
        String max = first.length() > second.length() ? first : second;
        String min = max == first ? second : first;
        int range = Math.max(max.length() / 2 - 1, 0);
        long maxMatched = 0;
        long minMatched = 0;
        int matches = 0;
        for (int mi = 0; mi < min.length(); mi++) {
            char c = min.charAt(mi);
            int end = Math.min(mi + range + 1, max.length());
            for (int xi = Math.max(mi - range, 0); xi < end; xi++) {
                if ((maxMatched & 1L << xi) == 0 && c == max.charAt(xi)) {
                    maxMatched |= 1L << xi;
                    minMatched |= 1L << mi;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0d;
        }
        // Half-transpositions: matched characters, read in order on both sides, that differ.
        int halfTranspositions = 0;
        long a = minMatched;
        long b = maxMatched;
        while (a != 0) {
            int i = Long.numberOfTrailingZeros(a);
            int j = Long.numberOfTrailingZeros(b);
            if (min.charAt(i) != max.charAt(j)) {
                halfTranspositions++;
            }
            a &= a - 1;
            b &= b - 1;
        }
        int prefix = 0;
        int prefixLimit = Math.min(4, min.length());
        while (prefix < prefixLimit && first.charAt(prefix) == second.charAt(prefix)) {
            prefix++;
        }
        double m = matches;
        double jaro = (m / first.length() + m / second.length() + (m - halfTranspositions / 2d) / m) / 3;
        return jaro < BOOST_THRESHOLD ? jaro : jaro + SCALING * prefix * (1d - jaro);
    }
}
