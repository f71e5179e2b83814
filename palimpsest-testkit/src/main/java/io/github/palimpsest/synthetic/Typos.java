package io.github.palimpsest.synthetic;

import java.util.SplittableRandom;

/**
 * Single keying errors (Damerau's four: insertion, deletion, substitution, transposition), with
 * substitutions and insertions drawn from the neighbouring keys of a UK QWERTY keyboard, as most real
 * typing errors are. Stateless and thread-safe.
 */
final class Typos {

    private static final String[] ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

    private Typos() {
    }

    /** {@code word} with one keying error; always differs from {@code word} when it has a letter. */
    static String typo(String word, SplittableRandom rng) {
        if (word.isEmpty()) {
            return word;
        }
        for (int attempt = 0; attempt < 8; attempt++) {
            String result = once(word, rng);
            if (!result.equals(word) && !result.isEmpty()) {
                return result;
            }
        }
        return word + neighbour(word.charAt(word.length() - 1), rng);
    }

    private static String once(String word, SplittableRandom rng) {
        int n = word.length();
        int i = rng.nextInt(n);
        switch (rng.nextInt(4)) {
            case 0: // insertion of a neighbouring key, after position i
                return word.substring(0, i + 1) + neighbour(word.charAt(i), rng) + word.substring(i + 1);
            case 1: // deletion
                return n < 2 ? word : word.substring(0, i) + word.substring(i + 1);
            case 2: // substitution by a neighbouring key
                return word.substring(0, i) + neighbour(word.charAt(i), rng) + word.substring(i + 1);
            default: // transposition of two adjacent letters
                if (n < 2) {
                    return word;
                }
                int j = Math.min(i, n - 2);
                return word.substring(0, j) + word.charAt(j + 1) + word.charAt(j) + word.substring(j + 2);
        }
    }

    /** A key next to {@code c} on the keyboard, in the case of {@code c}; any letter for a non-letter. */
    private static char neighbour(char c, SplittableRandom rng) {
        char lower = Character.toLowerCase(c);
        for (int r = 0; r < ROWS.length; r++) {
            int col = ROWS[r].indexOf(lower);
            if (col < 0) {
                continue;
            }
            StringBuilder options = new StringBuilder(4);
            if (col > 0) {
                options.append(ROWS[r].charAt(col - 1));
            }
            if (col < ROWS[r].length() - 1) {
                options.append(ROWS[r].charAt(col + 1));
            }
            if (r > 0 && col < ROWS[r - 1].length()) {
                options.append(ROWS[r - 1].charAt(col));
            }
            if (r < ROWS.length - 1 && col < ROWS[r + 1].length()) {
                options.append(ROWS[r + 1].charAt(col));
            }
            char k = options.charAt(rng.nextInt(options.length()));
            return Character.isUpperCase(c) ? Character.toUpperCase(k) : k;
        }
        char k = (char) ('a' + rng.nextInt(26));
        return Character.isUpperCase(c) ? Character.toUpperCase(k) : k;
    }
}
