package io.github.palimpsest.normalise;

import java.text.Normalizer;

/**
 * Text hygiene for input as it is read: the same visible text always gives the same string, so that a
 * record id, a name or an identifier never differs from another by something nobody can see.
 *
 * <p>{@link #clean(String)} does three things, judged by the Unicode character tables of the Java runtime
 * rather than a hand-made list:
 * <ul>
 *   <li>removes invisible <em>format</em> characters (general category Cf: zero-width space, zero-width
 *       joiner and non-joiner, word joiner, soft hyphen, left-to-right and other direction marks, a
 *       byte-order mark anywhere in the text) and variation selectors;</li>
 *   <li>turns every other kind of space and break (no-break space, narrow no-break space, figure space,
 *       ideographic space, line and paragraph separators, the C1 next-line) and control characters other
 *       than tab, line feed, carriage return and NUL into a plain space;</li>
 *   <li>composes the text to Unicode NFC, so that {@code e} followed by a combining acute accent and the
 *       precomposed {@code é} are one string.</li>
 * </ul>
 * NUL is left in place: it never belongs in text, and a reader rejects it with the line it was on
 * ({@link #indexOfNul(String)}) rather than silently changing it.
 *
 * <pre>{@code
 * InputText.clean("R17\u200B")         // "R17"
 * InputText.clean("Anne\u00A0Marie")   // "Anne Marie"
 * InputText.clean("Jose\u0301")        // "José" (one precomposed letter)
 * }</pre>
 *
 * <p>The result is a fixed point ({@code clean(clean(s)).equals(clean(s))}) and in NFC. All methods are
 * static, pure and thread-safe; plain printable ASCII is returned as it is without copying.
 */
public final class InputText {

    private InputText() {
    }

    /**
     * The text with invisible format characters removed, unusual spaces and control characters as a plain
     * space, composed to NFC (see the class description).
     *
     * @param text any text, or {@code null} (read as empty)
     * @return the cleaned text; {@code text} itself when there was nothing to clean
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        if (isPlain(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isRemoved(c)) {
                return;
            }
            out.appendCodePoint(isSpaceLike(c) ? ' ' : c);
        });
        String mapped = out.toString();
        return Normalizer.isNormalized(mapped, Normalizer.Form.NFC) ? mapped
                : Normalizer.normalize(mapped, Normalizer.Form.NFC);
    }

    /** Whether {@link #clean(String)} would return the text unchanged. */
    public static boolean isClean(String text) {
        return text == null || isPlain(text) || clean(text).equals(text);
    }

    /** The index of the first NUL character in the text, or -1 when there is none. */
    public static int indexOfNul(String text) {
        return text == null ? -1 : text.indexOf('\0');
    }

    /** Printable ASCII, tab, line feed and carriage return: text that needs no cleaning (almost all input). */
    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x7F || c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean isRemoved(int c) {
        if (Character.getType(c) == Character.FORMAT) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.VARIATION_SELECTORS
                || block == Character.UnicodeBlock.VARIATION_SELECTORS_SUPPLEMENT;
    }

    private static boolean isSpaceLike(int c) {
        if (c == '\t' || c == '\n' || c == '\r' || c == '\0') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.CONTROL;
    }
}
