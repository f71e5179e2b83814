package io.github.palimpsest.score;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a model file's text into a plain tree: objects become {@link LinkedHashMap}s, arrays {@link List}s,
 * numbers {@link Double}s, strings, booleans and {@link #NULL}. The JSON itself is read by Gson's streaming
 * {@link JsonReader} in {@link Strictness#STRICT} mode (RFC 8259): comments, trailing commas, unquoted or
 * single-quoted text, leading zeros, {@code NaN} and infinities, unescaped control characters, unpaired
 * surrogates and content after the value are errors. Gson's tree ({@code JsonParser}) is not used because it
 * reads leniently and keeps the last of two duplicate keys; duplicate keys are an error here.
 *
 * <p>Model files may come from anywhere (a colleague, an index file, a Spark broadcast), so the parser is
 * bounded: at most {@value #MAX_CHARS} characters (the bundled models are about 15 KB) and
 * {@value #MAX_DEPTH} levels of nesting (a model file has 5), which keeps the recursion here and the memory
 * used small whatever the input. Every failure is a {@link ModelFormatException} whose message gives the line
 * and column and says what is wrong in plain words, never Gson's advice to relax its strictness.
 * Stateless; thread-safe.
 */
final class JsonTree {

    /** JSON {@code null}: kept distinct from Java null so a lookup miss and a null value differ. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    /** Nesting deeper than this is not a model file (which has 5 levels): refused before it costs stack. */
    static final int MAX_DEPTH = 64;
    /** Longer text is not a model file (the bundled ones are about 15,000 characters): refused unread. */
    static final int MAX_CHARS = 1 << 20;

    private JsonTree() {
    }

    /**
     * Parses one JSON value that fills the whole text (white space aside).
     *
     * @throws ModelFormatException if the text is null, too long, or not strict JSON
     */
    static Object parse(String text) {
        if (text == null) {
            throw new ModelFormatException("no model text given");
        }
        if (text.length() > MAX_CHARS) {
            throw new ModelFormatException("the model text is " + text.length() + " characters long; a model file"
                    + " has at most " + MAX_CHARS + " (the bundled models have about 15,000)");
        }
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(MAX_DEPTH);
        boolean complete = false;
        try {
            Object value = value(reader, text);
            complete = true;
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ModelFormatException(error(text, reader.getCharacterOffset(), AFTER_END));
            }
            return value;
        } catch (EOFException e) {
            throw new ModelFormatException(error(text, text.length(), "unexpected end of input"), e);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            // MalformedJsonException (an IOException) for bad syntax; the other two only if Gson's reader and
            // this walk ever disagree about the next token, which would still be bad input, not a bug to crash on.
            int offset = (int) Math.min(reader.getCharacterOffset(), text.length());
            String gson = gsonMessage(e.getMessage());
            if (complete || CONSUMED.contains(gson)) {
                // Gson has read the offending character when it reports these: point at it, not past it.
                offset = Math.max(0, offset - 1);
            }
            String what = complete ? AFTER_END : explain(gson, text, offset);
            throw new ModelFormatException(error(text, offset, what), e);
        }
    }

    private static final String AFTER_END = "unexpected content after the end of the JSON value";
    /** Gson's messages for a syntax error found in the character it has just read. */
    private static final Set<String> CONSUMED =
            Set.of("Expected name", "Expected ':'", "Unterminated object", "Unterminated array");

    private static Object value(JsonReader reader, String text) throws IOException {
        JsonToken token = reader.peek();
        switch (token) {
            case BEGIN_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    // hasNext() has consumed the key's opening quote (keys are always quoted in strict mode).
                    long keyStart = reader.getCharacterOffset() - 1;
                    String key = reader.nextName();
                    if (map.containsKey(key)) {
                        throw new ModelFormatException(error(text, keyStart, "duplicate key " + ModelJson.quote(key)));
                    }
                    map.put(key, value(reader, text));
                }
                reader.endObject();
                return map;
            }
            case BEGIN_ARRAY -> {
                List<Object> list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(value(reader, text));
                }
                reader.endArray();
                return list;
            }
            case STRING -> {
                return reader.nextString();
            }
            case NUMBER -> {
                // Gson parses the number's own text with Double.parseDouble (or converts an exact long), so
                // Double.toString output reads back bit for bit; in strict mode it refuses infinities.
                return reader.nextDouble();
            }
            case BOOLEAN -> {
                return reader.nextBoolean();
            }
            case NULL -> {
                reader.nextNull();
                return NULL;
            }
            default -> throw new IllegalStateException("expected a value, found " + token);
        }
    }

    /** Gson's message without its location (we give our own) and its link to Gson's troubleshooting guide. */
    private static String gsonMessage(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.replaceFirst(" at line \\d+ column \\d+ path .*$", "");
    }

    /** Gson's words for a syntax error in the words of a model file's reader. */
    private static String explain(String gson, String text, int offset) {
        if (gson.startsWith("Use JsonReader.setStrictness")) {
            // Gson's catch-all for what only its lenient mode accepts.
            return "unexpected text near " + excerpt(text, offset) + "; a model file is strict JSON: no comments,"
                    + " trailing or doubled commas, unquoted or single-quoted text, leading zeros or NaN";
        }
        if (gson.equals("Expected name")) {
            return "expected a quoted key";
        }
        if (gson.equals("Expected value") || gson.equals("Unexpected value")) {
            return "expected a value";
        }
        if (gson.startsWith("Invalid escape") || gson.startsWith("Cannot escape")) {
            // "Invalid escape sequence", "Invalid escaped character \"'\" in strict mode", a backslash-newline
            return "invalid escape in a string (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
        }
        if (gson.equals("Unterminated object")) {
            return "expected ',' or '}' in an object";
        }
        if (gson.equals("Unterminated array")) {
            return "expected ',' or ']' in an array";
        }
        if (gson.startsWith("Unescaped control characters")) {
            return "a control character (U+0000 to U+001F, such as a tab or a line break) in a string must be"
                    + " escaped";
        }
        if (gson.startsWith("Nesting limit")) {
            return "nesting deeper than " + MAX_DEPTH + " levels";
        }
        if (gson.startsWith("JSON forbids NaN and infinities")) {
            return "number out of range";
        }
        if (gson.startsWith("Malformed Unicode escape")) {
            return "invalid \\u escape in a string";
        }
        if (gson.startsWith("Unpaired surrogate")) {
            return "a string holds half of a surrogate pair (not valid Unicode)";
        }
        if (gson.isEmpty()) {
            return "not valid JSON";
        }
        // "Expected ':'", "Unterminated string", "Unterminated escape sequence": plain enough as they are.
        String plain = gson.replace(" in strict mode", "");
        return Character.toLowerCase(plain.charAt(0)) + plain.substring(1);
    }

    /** Up to a dozen characters either side of {@code offset} on its line, quoted, control characters shown. */
    private static String excerpt(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        int lineEnd = text.indexOf('\n', offset);
        int from = Math.max(lineStart, offset - 12);
        int to = Math.min(lineEnd < 0 ? text.length() : lineEnd, offset + 12);
        String part = text.substring(from, Math.max(from, to)).strip();
        StringBuilder s = new StringBuilder("`");
        part.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                s.append(String.format("U+%04X", cp));
            } else {
                s.appendCodePoint(cp);
            }
        });
        return s.append('`').toString();
    }

    /** "malformed JSON at line L, column C: what", line and column counted from 1 as editors do. */
    private static String error(String text, long offset, String what) {
        int end = (int) Math.max(0, Math.min(offset, text.length()));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String where = "line " + line + ", column " + (end - lineStart + 1) + (end >= text.length() ? " (end of input)" : "");
        return "malformed JSON at " + where + ": " + what;
    }
}
