package io.github.palimpsest.normalise;

import java.util.regex.Pattern;

/** Small text helpers shared by the identifier parsers. */
final class RawText {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int MAX_QUOTED = 40;

    private RawText() {
    }

    /** The raw text, with {@code null} read as absent. */
    static String orEmpty(String raw) {
        return raw == null ? "" : raw;
    }

    /** The text without any white space. */
    static String withoutWhitespace(String text) {
        return WHITESPACE.matcher(text).replaceAll("");
    }

    /** The text in single quotes for a problem message, shortened when very long. */
    static String quote(String text) {
        String stripped = text.strip();
        return "'" + (stripped.length() <= MAX_QUOTED ? stripped : stripped.substring(0, MAX_QUOTED) + "...")
                + "'";
    }
}
