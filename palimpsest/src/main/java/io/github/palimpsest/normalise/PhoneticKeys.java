package io.github.palimpsest.normalise;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.Nysiis;

/**
 * Phonetic keys for names, from Apache Commons Codec, so that names that sound alike (Smith/Smyth,
 * Thompson/Tomson) can share a blocking key or a comparison level.
 *
 * <p>Input is first {@linkplain Names#fold(String) folded} and reduced to its letters, so diacritics,
 * case, apostrophes, spaces and hyphens do not change the key ({@code "O'Brien"}, {@code "o brien"} and
 * {@code "OBRIEN"} share keys). The encoders are used with their standard settings: Double Metaphone
 * (Lawrence Philips, 2000) keys of at most four characters, NYSIIS (New York State Identification and
 * Intelligence System, 1970) in its strict form of at most six characters.
 *
 * <pre>{@code
 * PhoneticKeys.doubleMetaphone("Smith")           // "SM0"
 * PhoneticKeys.doubleMetaphoneAlternate("Smith")  // "XMT"
 * PhoneticKeys.nysiis("Smyth")                    // same as nysiis("Smith")
 * }</pre>
 *
 * <p>All methods are static, pure and thread-safe, never throw, and return {@code ""} for {@code null}
 * or text without letters.
 */
public final class PhoneticKeys {

    /*
     * Commons Codec's encoders are safe to share across threads as long as no setter is called after
     * construction (DoubleMetaphone's maxCodeLen is the only mutable state); these are never mutated.
     */
    private static final DoubleMetaphone DOUBLE_METAPHONE = new DoubleMetaphone();
    private static final Nysiis NYSIIS = new Nysiis(true);

    private PhoneticKeys() {
    }

    /**
     * The primary Double Metaphone key.
     *
     * @param name any text, or {@code null}
     * @return the key in upper case, at most four characters; {@code ""} when there are no letters
     */
    public static String doubleMetaphone(String name) {
        return doubleMetaphone(name, false);
    }

    /**
     * The alternate Double Metaphone key, which differs from the primary one for names with a second
     * common pronunciation (e.g. of Slavic, Germanic or Spanish origin).
     *
     * @param name any text, or {@code null}
     * @return the key in upper case, at most four characters; {@code ""} when there are no letters
     */
    public static String doubleMetaphoneAlternate(String name) {
        return doubleMetaphone(name, true);
    }

    /**
     * The NYSIIS key.
     *
     * @param name any text, or {@code null}
     * @return the key in upper case, at most six characters; {@code ""} when there are no letters
     */
    public static String nysiis(String name) {
        String letters = lettersOf(name);
        if (letters.isEmpty()) {
            return "";
        }
        String key = NYSIIS.encode(letters);
        return key == null ? "" : key;
    }

    private static String doubleMetaphone(String name, boolean alternate) {
        String letters = lettersOf(name);
        if (letters.isEmpty()) {
            return "";
        }
        String key = DOUBLE_METAPHONE.doubleMetaphone(letters, alternate);
        // Commons Codec writes a space into the alternate key for a silent J ("AJ" → "A "); a key is
        // letters only, so spaces are dropped.
        return key == null ? "" : key.replace(" ", "");
    }

    /** The folded name with everything but the letters a-z removed. */
    private static String lettersOf(String name) {
        String folded = Names.fold(name);
        StringBuilder letters = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        return letters.toString();
    }
}
