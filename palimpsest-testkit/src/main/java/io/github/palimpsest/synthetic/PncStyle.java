package io.github.palimpsest.synthetic;

import java.util.Locale;

/**
 * How a force spells a PNC ID. Immutable and thread-safe.
 *
 * <p>Shown for the canonical ID {@code 1979/0163001B}.
 */
public enum PncStyle {
    /** {@code 1979/0163001B}: the canonical spelling. */
    FULL,
    /** {@code 79/163001B}: two-digit year, serial without leading zeros. */
    SHORT,
    /** {@code 19790163001B}: four-digit year, no slash. */
    FULL_NO_SLASH,
    /** {@code 79/163001 B}: two-digit year, a space before the check letter. */
    SHORT_SPACED,
    /** {@code 1979/0163001b}: canonical but keyed in lower case. */
    FULL_LOWER_CASE;

    /** Writes the canonical PNC ID {@code YYYY/NNNNNNNC} in this style. */
    String format(String canonical) {
        String year4 = canonical.substring(0, 4);
        String serial7 = canonical.substring(5, 12);
        String check = canonical.substring(12);
        String shortSerial = Identifiers.withoutLeadingZeros(serial7);
        switch (this) {
            case SHORT:
                return year4.substring(2) + "/" + shortSerial + check;
            case FULL_NO_SLASH:
                return year4 + serial7 + check;
            case SHORT_SPACED:
                return year4.substring(2) + "/" + shortSerial + " " + check;
            case FULL_LOWER_CASE:
                return canonical.toLowerCase(Locale.ROOT);
            case FULL:
            default:
                return canonical;
        }
    }
}
