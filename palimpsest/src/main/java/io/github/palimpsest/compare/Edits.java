package io.github.palimpsest.compare;

/**
 * Allocation-free checks for single keying errors, used by the date, identifier and postcode comparisons.
 * Stateless and thread-safe.
 */
final class Edits {
    private Edits() {
    }

    /**
     * Whether {@code a} and {@code b} differ by exactly one keying error: one character substituted,
     * inserted or deleted, or two adjacent characters transposed (the optimal-string-alignment distance is
     * 1). Symmetric; false for equal strings.
     */
    static boolean isOneEditApart(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) {
            return false;
        }
        int prefix = 0;
        int shorter = Math.min(la, lb);
        while (prefix < shorter && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        if (la == lb) {
            // substitution at prefix, or transposition of prefix and prefix + 1
            if (a.regionMatches(prefix + 1, b, prefix + 1, la - prefix - 1)) {
                return true;
            }
            return prefix + 1 < la && a.charAt(prefix) == b.charAt(prefix + 1)
                    && a.charAt(prefix + 1) == b.charAt(prefix)
                    && a.regionMatches(prefix + 2, b, prefix + 2, la - prefix - 2);
        }
        // one insertion: skipping the character at prefix in the longer string leaves the shorter one
        String longer = la > lb ? a : b;
        String other = la > lb ? b : a;
        return longer.regionMatches(prefix + 1, other, prefix, other.length() - prefix);
    }

    /**
     * Whether two dates written {@code yyyymmdd} differ in exactly one digit, or by two adjacent digits
     * swapped: the typing errors of a date keyed by hand. Symmetric; false for equal dates.
     */
    static boolean isOneDigitTypo(int a, int b) {
        if (a == b) {
            return false;
        }
        int differing = 0;
        int first = -1;
        int x = a;
        int y = b;
        for (int position = 0; position < 8; position++) {
            if (x % 10 != y % 10) {
                differing++;
                if (first < 0) {
                    first = position;
                }
            }
            x /= 10;
            y /= 10;
        }
        if (x != y) {
            return false; // more than eight digits differ in the leading part
        }
        if (differing == 1) {
            return true;
        }
        if (differing != 2) {
            return false;
        }
        // the two differing digits must be neighbours holding each other's value
        int p = pow10(first);
        int a0 = a / p % 10;
        int a1 = a / (p * 10) % 10;
        int b0 = b / p % 10;
        int b1 = b / (p * 10) % 10;
        return first < 7 && a0 != b0 && a1 != b1 && a0 == b1 && a1 == b0;
    }

    private static int pow10(int exponent) {
        int p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= 10;
        }
        return p;
    }

    /**
     * Days since 1970-01-01 of a date written {@code yyyymmdd}, without {@code LocalDate}: the civil-from-days
     * inverse given by Howard Hinnant, "chrono-compatible low-level date algorithms" (days_from_civil).
     */
    static int epochDay(int yyyymmdd) {
        int y = yyyymmdd / 10_000;
        int m = yyyymmdd / 100 % 100;
        int d = yyyymmdd % 100;
        y -= m <= 2 ? 1 : 0;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - era * 400;
        int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
