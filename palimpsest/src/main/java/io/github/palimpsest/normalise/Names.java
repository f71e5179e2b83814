package io.github.palimpsest.normalise;

import java.text.Normalizer;
import java.util.Map;

/**
 * Folding of personal names into a comparable lower-case ASCII form.
 *
 * <p>{@link #fold(String)} is the one folding every name normaliser shares, so that a name typed on a
 * keyboard without diacritics, copied from a passport, or entered in capitals by another force ends up as
 * the same string:
 *
 * <pre>{@code
 * Names.fold("Łukasz")       // "lukasz"
 * Names.fold("  ZOË  ")      // "zoe"
 * Names.fold("Straße")       // "strasse"
 * Names.fold("O'Brien")      // "obrien"
 * Names.fold("Smith – Jones")// "smith-jones"
 * }</pre>
 *
 * <p>All methods are static, pure, thread-safe, and never throw; {@code null} is treated as absent.
 */
public final class Names {

    /*
     * Letters that Unicode compatibility decomposition (NFKD) leaves alone because they are letters in
     * their own right rather than a base letter plus a mark. Mapped as a reader of the Latin alphabet
     * would type them on an English keyboard (the conventions of ICAO Doc 9303 machine-readable zones,
     * e.g. ß→ss, æ→ae, ø→o, þ→th).
     */
    private static final Map<Character, String> SPECIAL_LETTERS = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('ẞ', "ss"),
            Map.entry('æ', "ae"), Map.entry('Æ', "ae"),
            Map.entry('œ', "oe"), Map.entry('Œ', "oe"),
            Map.entry('ø', "o"), Map.entry('Ø', "o"),
            Map.entry('đ', "d"), Map.entry('Đ', "d"),
            Map.entry('ð', "d"), Map.entry('Ð', "d"),
            Map.entry('þ', "th"), Map.entry('Þ', "th"),
            Map.entry('ł', "l"), Map.entry('Ł', "l"),
            Map.entry('ı', "i"),
            Map.entry('ħ', "h"), Map.entry('Ħ', "h"),
            Map.entry('ŧ', "t"), Map.entry('Ŧ', "t"),
            Map.entry('ŋ', "n"), Map.entry('Ŋ', "n"),
            Map.entry('ĸ', "k"),
            Map.entry('ƒ', "f"),
            Map.entry('ɨ', "i"),
            Map.entry('ʉ', "u"));

    private Names() {
    }

    /**
     * Folds a name, or any part of one, to lower-case ASCII letters, digits, single spaces and hyphens.
     *
     * <p>In order: apostrophes ({@code ' ` ’ ‘ ʼ ´}) are removed, so {@code O'Brien} and {@code OBrien}
     * fold alike; letters with marks lose the marks and a few letters of their own are spelled out
     * ({@code Ł→l, ß→ss, æ→ae, ø→o, đ→d, þ→th}); invisible format characters (zero-width space, soft
     * hyphen, a byte-order mark) are removed; upper case becomes lower case; every other character that
     * is not an ASCII letter or digit (punctuation, a letter of a non-Latin script) becomes a space;
     * dashes of any kind become a hyphen, joining the words on either side; runs of spaces become one
     * space and the result is trimmed.
     *
     * <p>The result is a fixed point: {@code fold(fold(s)).equals(fold(s))} for every {@code s}.
     *
     * @param s any text, or {@code null}
     * @return the folded text; {@code ""} for {@code null} or text with nothing to keep
     */
    public static String fold(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        // Apostrophes first: NFKD turns a spacing acute (´) into a space plus a mark.
        String stripped = removeApostrophes(s);
        // ASCII is its own NFKD decomposition, and none of its characters is a mark or a special letter:
        // most names are ASCII and so skip both the decomposition and the look-ups.
        String decomposed = isAscii(stripped) ? stripped : Normalizer.normalize(stripped, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    out.append(c);
                } else if (c >= 'A' && c <= 'Z') {
                    out.append((char) (c + ('a' - 'A')));
                } else if (c == '-') {
                    out.append('-');
                } else if (!isApostrophe(c)) {
                    out.append(' ');
                }
                continue;
            }
            String special = SPECIAL_LETTERS.get(c);
            if (special != null) {
                out.append(special);
            } else if (isApostrophe(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK
                    || Character.getType(c) == Character.ENCLOSING_MARK || Character.getType(c) == Character.FORMAT) {
                // Marks stripped from their base letter. Format characters (zero-width space and joiners, soft
                // hyphen, direction marks, a byte-order mark) are invisible: removed, never a word break.
                continue;
            } else if (Character.getType(c) == Character.DASH_PUNCTUATION) {
                out.append('-');
            } else {
                out.append(' ');
            }
        }
        return tidySpacesAndHyphens(out);
    }

    /**
     * A key under which {@code Mac} and {@code Mc} surnames compare equal: a folded name beginning with
     * {@code mac} followed by at least three more letters is rewritten to begin with {@code mc}; any other
     * name is returned unchanged.
     *
     * <p>The three-letter minimum keeps short names such as {@code mace}, {@code macey} or {@code mack}
     * from being rewritten into non-names, while {@code macdonald}, {@code mackenzie}, {@code maclean} and
     * {@code macleod} all become their {@code mc} spellings. The key is for comparison only, never for
     * display.
     *
     * <pre>{@code
     * Names.macNeutralKey("macdonald")  // "mcdonald"
     * Names.macNeutralKey("mcdonald")   // "mcdonald"
     * Names.macNeutralKey("mack")       // "mack"
     * }</pre>
     *
     * @param folded a name already passed through {@link #fold(String)}; {@code null} is treated as empty
     * @return the Mac/Mc-neutral key, never {@code null}
     */
    public static String macNeutralKey(String folded) {
        if (folded == null) {
            return "";
        }
        if (folded.startsWith("mac") && folded.length() >= 6 && isLetters(folded, 3, 6)) {
            return "mc" + folded.substring(3);
        }
        return folded;
    }

    private static boolean isLetters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '`' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u02BB'
                || c == '\u00B4' || c == '\u2032' || c == '\u02B9' || c == '\u02C8' || c == '\uFF07';
    }

    private static String removeApostrophes(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            if (isApostrophe(s.charAt(i))) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
            } else if (out != null) {
                out.append(s.charAt(i));
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * Collapses space runs, joins the words around a hyphen ("smith - jones" → "smith-jones"), merges
     * hyphen runs and drops hyphens that begin or end the text. The input holds only [a-z0-9 -].
     */
    private static String tidySpacesAndHyphens(CharSequence in) {
        if (!hasSpaceOrHyphen(in)) {
            return in.toString(); // one word (most names): nothing to tidy, no second copy
        }
        StringBuilder out = new StringBuilder(in.length());
        boolean pendingSpace = false;
        boolean pendingHyphen = false;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c == ' ') {
                pendingSpace = true;
            } else if (c == '-') {
                pendingHyphen = true;
            } else {
                if (out.length() > 0) {
                    if (pendingHyphen) {
                        out.append('-');
                    } else if (pendingSpace) {
                        out.append(' ');
                    }
                }
                pendingSpace = false;
                pendingHyphen = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hasSpaceOrHyphen(CharSequence in) {
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c == ' ' || c == '-') {
                return true;
            }
        }
        return false;
    }
}
