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
        return withoutMatches(text, WHITESPACE, "");
    }

    /**
     * {@code separators.matcher(text).replaceAll("")}, skipping the regex (and its allocations) when the text
     * holds no character the pattern can match. {@code separators} must match only runs of regex white space
     * ({@code \s}: space, tab, new line, vertical tab, form feed, carriage return) and of {@code others}.
     */
    static String withoutMatches(String text, Pattern separators, String others) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c) || others.indexOf(c) >= 0) {
                return separators.matcher(text).replaceAll("");
            }
        }
        return text;
    }

    /** Whether {@code c} is in the regex class {@code \s} (without UNICODE_CHARACTER_CLASS). */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The text in single quotes for a problem message, shortened when very long. */
    static String quote(String text) {
        String stripped = text.strip();
        return "'" + (stripped.length() <= MAX_QUOTED ? stripped : stripped.substring(0, MAX_QUOTED) + "...")
                + "'";
    }
}
