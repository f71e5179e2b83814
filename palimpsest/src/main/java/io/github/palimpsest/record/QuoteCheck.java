package io.github.palimpsest.record;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Finds a stray quote that swallowed whole records. A value that opens with a quote runs to the next quote
 * followed by a comma or a line end, however many lines later: {@code R5,"Ann,Smith,...} with a later
 * {@code R12,Ann",Smith,...} reads as one record holding lines 6 to 13, and seven records vanish without a
 * parse error. A value may legitimately hold line breaks (an address over several lines), so the test is
 * what the lines look like: when, read on its own, the line the row starts on <em>and</em> at least one
 * further line of the row each have exactly as many fields as the header, the row is a run of whole
 * records joined by a quote, and the read stops naming the line where the quote opened. The value must also
 * hold a comma, or the row have the wrong number of fields: a swallowed record brings its delimiters with it.
 *
 * <p>A legitimate multi-line value rarely trips this: it would need commas, and a continuation line with
 * exactly as many fields as the header (counting the fields that follow the value on its last line). The
 * one case a person may meet is a file of two columns whose second holds text over several lines with a
 * comma on a later line. Stateless and thread-safe.
 */
final class QuoteCheck {
    /** A line break as Commons CSV counts lines. */
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final CSVFormat ONE_LINE = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get();

    private QuoteCheck() {
    }

    /**
     * Throws an {@link InputException} when a row spanning several lines holds lines that look like whole
     * records (see the class description); does nothing for a row on one line.
     *
     * @param startLine the 1-based line the row starts on
     * @param fields    the row's values as parsed
     */
    static void rejectSwallowedRecords(Path file, long startLine, CsvHeader header, String[] fields) {
        if (!spansLines(fields)) {
            return;
        }
        // Fields on each physical line the row covers, counting each piece of a multi-line value as it would
        // read if its opening quote were a stray character.
        List<Integer> fieldsPerLine = new ArrayList<>();
        int openingField = -1;
        boolean swallowedComma = false;
        int current = 0;
        for (int i = 0; i < fields.length; i++) {
            String value = fields[i];
            if (!hasBreak(value)) {
                current++;
                continue;
            }
            if (openingField < 0) {
                openingField = i;
            }
            swallowedComma |= value.indexOf(',') >= 0;
            String[] pieces = LINE_BREAK.split(value, -1);
            current += fieldsIn(pieces[0]);
            for (int k = 1; k < pieces.length; k++) {
                fieldsPerLine.add(current);
                current = fieldsIn(pieces[k]);
            }
        }
        fieldsPerLine.add(current);
        // The first value with a line break opens on the row's first line: the values before it hold none. A
        // swallowed record brings its commas into the value, or else (a quote opened in the last column and
        // closed in the first) leaves the row with too many fields; a multi-line value with neither is text.
        if (!swallowedComma && fields.length == header.size() || fieldsPerLine.get(0) != header.size()) {
            return;
        }
        List<Long> wholeRecords = new ArrayList<>();
        for (int k = 1; k < fieldsPerLine.size(); k++) {
            if (fieldsPerLine.get(k) == header.size()) {
                wholeRecords.add(startLine + k);
            }
        }
        if (wholeRecords.isEmpty()) {
            return;
        }
        String column = header.nameAt(openingField);
        long closingLine = startLine + fieldsPerLine.size() - 1;
        throw new InputException(file, startLine, "a quote opening field '" + column + "' on this line is closed "
                + "only on line " + closingLine + ", so lines " + startLine + " to " + closingLine + " would read "
                + "as one record although " + (wholeRecords.size() == 1 ? "line " + wholeRecords.get(0)
                        + " looks like a whole record of its own" : "lines " + describe(wholeRecords)
                        + " each look like a whole record of their own") + " (" + header.size()
                + " fields); a stray quote? A quote inside a value must be doubled (\"\") or the whole value quoted");
    }

    private static boolean spansLines(String[] fields) {
        for (String value : fields) {
            if (hasBreak(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBreak(String value) {
        return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    }

    /** How many fields a piece of text has read on its own; a piece that cannot be parsed, by its commas. */
    static int fieldsIn(String piece) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(piece)).setFormat(ONE_LINE).get()) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() == 1) {
                return records.get(0).size();
            }
        } catch (IOException | RuntimeException e) {
            // an unbalanced quote of its own: fall back to counting commas
        }
        int commas = 0;
        for (int i = 0; i < piece.length(); i++) {
            if (piece.charAt(i) == ',') {
                commas++;
            }
        }
        return commas + 1;
    }

    private static String describe(List<Long> lines) {
        if (lines.size() <= 3) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                out.append(i == 0 ? "" : i == lines.size() - 1 ? " and " : ", ").append(lines.get(i));
            }
            return out.toString();
        }
        return lines.get(0) + ", " + lines.get(1) + " and " + (lines.size() - 2) + " more";
    }
}
