package io.github.palimpsest.normalise;

/**
 * The mod-23 check-letter table shared by PNC IDs and CRO numbers. The letters I, O and S are left out
 * because they are easily confused with 1, 0 and 5 in handwriting; index 0 is Z.
 */
final class CheckLetters {

    static final String TABLE = "ZABCDEFGHJKLMNPQRTUVWXY";

    private CheckLetters() {
    }

    /** The check letter for a non-negative decimal number given as digits (at most 18 of them). */
    static char of(String digits) {
        return TABLE.charAt((int) (Long.parseLong(digits) % 23));
    }

    /** Left-pads a non-negative number with zeros to {@code width} digits. */
    static String pad(int value, int width) {
        String s = Integer.toString(value);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
