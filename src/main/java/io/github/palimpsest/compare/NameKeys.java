package io.github.palimpsest.compare;

/** Shared checks on precomputed name keys. Stateless and thread-safe. */
final class NameKeys {
    private NameKeys() {
    }

    /**
     * Whether two names' Double Metaphone keys agree: any of the left's primary and alternate keys equals
     * any of the right's, empty keys excepted. Symmetric.
     */
    static boolean phoneticAgree(String leftPrimary, String leftAlternate, String rightPrimary,
            String rightAlternate) {
        return agree(leftPrimary, rightPrimary) || agree(leftPrimary, rightAlternate)
                || agree(leftAlternate, rightPrimary) || agree(leftAlternate, rightAlternate);
    }

    private static boolean agree(String a, String b) {
        return !a.isEmpty() && a.equals(b);
    }
}
