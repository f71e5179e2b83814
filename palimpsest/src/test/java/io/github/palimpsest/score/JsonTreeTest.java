package io.github.palimpsest.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTreeTest {

    @Test
    void parsesEveryKindOfValue() {
        Object value = JsonTree.parse(" {\"a\": [1, -2.5e3, 0.0, 1E-6], \"b\": {\"c\": true, \"d\": false},"
                + " \"e\": null, \"f\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"} ");
        assertEquals(Map.of("a", List.of(1.0, -2500.0, 0.0, 1e-6), "b", Map.of("c", true, "d", false),
                "e", JsonTree.NULL, "f", "x\"\\/\b\f\n\r\t\u00e9"), value);
        assertSame(JsonTree.NULL, JsonTree.parse("null"));
        assertEquals(List.of(), JsonTree.parse("[ ]"));
        assertEquals(Map.of(), JsonTree.parse("{}"));
        assertEquals("😀", JsonTree.parse("\"\\ud83d\\ude00\""));
    }

    @Test
    void keysKeepTheirOrder() {
        Object value = JsonTree.parse("{\"z\": 1, \"a\": 2, \"m\": 3}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(((Map<?, ?>) value).keySet()));
    }

    @Test
    void numbersParseToTheExactDoubleOfTheirText() {
        for (double d : new double[] {0.1, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE, -1e-300, 4.9e-324, -0.0,
                9007199254740993.0, 1e22}) {
            Object read = JsonTree.parse(Double.toString(d));
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) read), Double.toString(d));
        }
        // An integer too long for a long is still read as the nearest double, as Double.parseDouble would.
        assertEquals(Double.parseDouble("123456789012345678901234567890"),
                JsonTree.parse("123456789012345678901234567890"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''| line 1, column 1 (end of input): unexpected end of input",
        "{\"a\": 1,| line 1, column 9 (end of input): unexpected end of input",
        "{\"a\": 1,}| line 1, column 9: expected a quoted key",
        "{\"a\": 1, \"a\": 2}| line 1, column 10: duplicate key \"a\"",
        "{\"a\" 1}| line 1, column 6: expected ':'",
        "[1 2]| line 1, column 4: expected ',' or ']' in an array",
        "{\"a\": 1]| line 1, column 8: expected ',' or '}' in an object",
        "1e400| line 1, column 6 (end of input): number out of range",
        "\"abc| line 1, column 5 (end of input): unterminated string",
        "\"a\\x\"| line 1, column 5: invalid escape in a string (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
        "\"\\u12g4\"| line 1, column 4: invalid \\u escape in a string",
        "\"\\ud800\"| line 1, column 9 (end of input): a string holds half of a surrogate pair (not valid Unicode)",
        "{} {}| line 1, column 4: unexpected content after the end of the JSON value",
        "[1]; | line 1, column 4: unexpected content after the end of the JSON value",
    })
    void malformedInputIsRejectedWithItsPosition(String json, String message) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonTree.parse(json));
        assertEquals("malformed JSON at " + message.strip(), e.getMessage());
    }

    /** What only a lenient reader would accept is named, with the text around it, never Gson's advice. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1, 2,]| line 1, column 8 (end of input)| `[1, 2,]`",
        "01| line 1, column 1| `01`",
        "-| line 1, column 1| `-`",
        "1.| line 1, column 1| `1.`",
        "NaN| line 1, column 1| `NaN`",
        "tru| line 1, column 1| `tru`",
        "// comment| line 1, column 2| `// comment`",
        "{'a': 1}| line 1, column 3| `{'a': 1}`",
        "{a: 1}| line 1, column 3| `{a: 1}`",
        "[1,,2]| line 1, column 5| `[1,,2]`",
    })
    void whatOnlyALenientReaderAcceptsIsRejected(String json, String where, String excerpt) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonTree.parse(json));
        assertEquals("malformed JSON at " + where.strip() + ": unexpected text near " + excerpt.strip()
                + "; a model file is strict JSON: no comments, trailing or doubled commas, unquoted or single-quoted"
                + " text, leading zeros or NaN", e.getMessage());
        assertTrue(!e.getMessage().contains("Strictness") && !e.getMessage().contains("http"), e.getMessage());
    }

    @Test
    void positionCountsLines() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonTree.parse("{\n  \"a\": 1\n  \"b\": 2}"));
        assertEquals("malformed JSON at line 3, column 3: expected ',' or '}' in an object", e.getMessage());
    }

    @Test
    void unescapedControlCharactersInStringsAreRejected() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonTree.parse("\"a\nb\""));
        assertEquals("malformed JSON at line 1, column 2: a control character (U+0000 to U+001F, such as a tab or a"
                + " line break) in a string must be escaped", e.getMessage());
    }

    @Test
    void deepNestingIsRejectedRatherThanOverflowingTheStack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonTree.parse(deep));
        assertEquals("malformed JSON at line 1, column 66: nesting deeper than 64 levels", e.getMessage());
        // 64 levels are still read.
        assertEquals(List.of(), unwrap(JsonTree.parse("[".repeat(64) + "]".repeat(64)), 63));
    }

    @Test
    void oversizeTextIsRefusedBeforeParsing() {
        String huge = "[" + "0,".repeat(JsonTree.MAX_CHARS / 2) + "0]";
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonTree.parse(huge));
        assertEquals("the model text is " + huge.length() + " characters long; a model file has at most 1048576"
                + " (the bundled models have about 15,000)", e.getMessage());
        String large = " ".repeat(JsonTree.MAX_CHARS - 2) + "{}";
        assertEquals(Map.of(), JsonTree.parse(large));
    }

    private static Object unwrap(Object node, int levels) {
        for (int i = 0; i < levels; i++) {
            node = ((List<?>) node).get(0);
        }
        return node;
    }
}
