package io.github.palimpsest.normalise;

import java.util.Locale;

/**
 * The sex recorded for a person, as far as the raw text lets us tell.
 *
 * <p>{@link #parse(String)} reads the spellings that police and administrative systems commonly carry
 * ({@code M}, {@code F}, {@code Male}, {@code Female}, {@code man}, {@code woman}, and the numeric codes
 * {@code 1} and {@code 2} used by ISO/IEC 5218). Anything else, including {@code null}, blank text and
 * {@code 0}/{@code 9} ("not known"/"not applicable" in ISO/IEC 5218), is {@link #UNKNOWN}: missing is not
 * mismatch, so an unknown sex never contradicts anything.
 *
 * <p>Enum constants are immutable and thread-safe.
 */
public enum Sex {
    /** Recorded as male. */
    MALE,
    /** Recorded as female. */
    FEMALE,
    /** Absent, unreadable or explicitly not known. */
    UNKNOWN;

    /**
     * Reads a raw sex field. Never throws.
     *
     * <pre>{@code
     * Sex.parse(" f ")     // FEMALE
     * Sex.parse("Male")    // MALE
     * Sex.parse("2")       // FEMALE (ISO/IEC 5218)
     * Sex.parse("X")       // UNKNOWN
     * }</pre>
     *
     * @param raw the raw text, may be {@code null}
     * @return the sex, {@link #UNKNOWN} when the text is absent or not recognised
     */
    public static Sex parse(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        if (raw.length() == 1) {
            // Almost every record: one letter or digit, read without the lower-case copy. The same answers
            // as below: no character but M and F lower-cases to m and f.
            switch (raw.charAt(0)) {
                case 'm', 'M', '1':
                    return MALE;
                case 'f', 'F', '2':
                    return FEMALE;
                default:
                    return UNKNOWN;
            }
        }
        switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "m":
            case "male":
            case "man":
            case "1":
                return MALE;
            case "f":
            case "female":
            case "woman":
            case "2":
                return FEMALE;
            default:
                return UNKNOWN;
        }
    }
}
