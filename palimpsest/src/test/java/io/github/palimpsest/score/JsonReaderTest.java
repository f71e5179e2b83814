package io.github.palimpsest.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {

    @Test
    void parsesEveryKindOfValue() {
        Object value = JsonReader.parse(" {\"a\": [1, -2.5e3, 0.0, 1E-6], \"b\": {\"c\": true, \"d\": false},"
                + " \"e\": null, \"f\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"} ");
        assertEquals(Map.of("a", List.of(1.0, -2500.0, 0.0, 1e-6), "b", Map.of("c", true, "d", false),
                "e", JsonReader.NULL, "f", "x\"\\/\b\f\n\r\t\u00e9"), value);
        assertSame(JsonReader.NULL, JsonReader.parse("null"));
        assertEquals(List.of(), JsonReader.parse("[ ]"));
        assertEquals(Map.of(), JsonReader.parse("{}"));
    }

    @Test
    void numbersParseToTheExactDoubleOfTheirText() {
        for (double d : new double[] {0.1, 1.0 / 3, Double.MIN_VALUE, Double.MAX_VALUE, -1e-300, 4.9e-324}) {
            assertEquals(d, (Double) JsonReader.parse(Double.toString(d)));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''| line 1, column 1 (end of input): unexpected end of input, expected a value",
        "{\"a\": 1,}| line 1, column 9: expected a quoted key",
        "[1, 2,]| line 1, column 7: unexpected character ']', expected a value",
        "{\"a\": 1, \"a\": 2}| line 1, column 10: duplicate key \"a\"",
        "01| line 1, column 2: leading zeros are not allowed in a number",
        "1.| line 1, column 3 (end of input): expected a digit after the decimal point",
        "-| line 1, column 2 (end of input): expected a digit",
        "1e400| line 1, column 1: number out of range",
        "NaN| line 1, column 1: unexpected character 'N', expected a value",
        "tru| line 1, column 1: unexpected character 't', expected a value",
        "\"abc| line 1, column 5 (end of input): unterminated string",
        "\"a\\x\"| line 1, column 3: invalid escape \\x in a string",
        "\"\\u12g4\"| line 1, column 6: invalid hexadecimal digit in a \\u escape",
        "{} {}| line 1, column 4: unexpected content after the end of the JSON value",
        "// comment| line 1, column 1: unexpected character '/', expected a value",
        "{\"a\" 1}| line 1, column 6: expected ':'",
    })
    void malformedInputIsRejectedWithItsPosition(String json, String message) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonReader.parse(json));
        assertEquals("malformed JSON at " + message.strip(), e.getMessage());
    }

    @Test
    void positionCountsLines() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonReader.parse("{\n  \"a\": 1\n  \"b\": 2}"));
        assertEquals("malformed JSON at line 3, column 3: expected ',' or '}' in an object", e.getMessage());
    }

    @Test
    void unescapedControlCharactersInStringsAreRejected() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonReader.parse("\"a\nb\""));
        assertEquals("malformed JSON at line 1, column 3: control character U+000A in a string must be escaped",
                e.getMessage());
    }

    @Test
    void deepNestingIsRejectedRatherThanOverflowingTheStack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> JsonReader.parse(deep));
        assertEquals("malformed JSON at line 1, column 66: nesting deeper than 64 levels", e.getMessage());
    }
}
