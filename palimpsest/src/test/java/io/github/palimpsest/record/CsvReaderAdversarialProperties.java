package io.github.palimpsest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.palimpsest.normalise.InputText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * The CSV reader as an adversary sees it: arbitrary quoting, line breaks inside values, invisible characters,
 * NULs, stray quotes, surplus and missing fields, random bytes. What must hold whatever the file:
 * <ul>
 *   <li>the reader returns rows or throws the documented {@link InputException} naming the file and a line
 *       that exists, never anything else;</li>
 *   <li>rows in = rows accounted for: a well-formed file gives back every record, in order, on the line it
 *       starts, with its values cleaned ({@link InputText#clean}) and nothing else changed;</li>
 *   <li>a stray quote that swallows whole records is an error naming the line where it opened.</li>
 * </ul>
 */
class CsvReaderAdversarialProperties {
    private static final RecordCsvReader READER = RecordCsvReader.withReferenceDate(LocalDate.of(2026, 11, 23));
    private static final List<String> OTHER_COLUMNS = List.of("forename", "surname", "dob", "pnc_id", "postcode",
            "custody_suite", "address", "force");
    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("palimpsest-adversarial");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    /** A table as written: its header, its rows of values, and how each row is laid out in the file. */
    record Table(List<String> header, List<List<String>> rows, List<Integer> blankLinesBefore, String lineEnd) {

        /** The file's text, every value quoted (quotes doubled), and the line each row starts on. */
        String text(List<Long> startLines) {
            StringBuilder out = new StringBuilder();
            long line = 1;
            out.append(String.join(",", header)).append(lineEnd);
            line++;
            for (int r = 0; r < rows.size(); r++) {
                for (int b = 0; b < blankLinesBefore.get(r); b++) {
                    out.append(lineEnd);
                    line++;
                }
                startLines.add(line);
                List<String> quoted = new ArrayList<>();
                for (String value : rows.get(r)) {
                    quoted.add('"' + value.replace("\"", "\"\"") + '"');
                    line += RecordCsvReader.newlines(value, value.length());
                }
                out.append(String.join(",", quoted)).append(lineEnd);
                line++;
            }
            return out.toString();
        }
    }

    // --- generators ------------------------------------------------------------------------------------------

    /** One piece of a value: words, punctuation that needs quoting, invisible characters, odd spaces, accents. */
    private static Arbitrary<String> piece(boolean withComma, boolean withBreak) {
        List<Tuple.Tuple2<Integer, Arbitrary<String>>> pieces = new ArrayList<>(List.of(
                Tuple.of(8, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)),
                Tuple.of(2, Arbitraries.of(" ", "\"", "'", "-", "\t")),
                Tuple.of(2, Arbitraries.of("\u200B", "\u00A0", "\uFEFF", "\u00AD", "\u2060", "\u202F", "\u200D")),
                Tuple.of(2, Arbitraries.of("e\u0301", "\u00E9", "Zoe\u0308", "\u212B", "Ł", "Иван"))));
        if (withComma) {
            pieces.add(Tuple.of(1, Arbitraries.just(",")));
        }
        if (withBreak) {
            pieces.add(Tuple.of(1, Arbitraries.of("\n", "\r\n", "\r", "\n\n")));
        }
        return Arbitraries.frequencyOf(pieces);
    }

    /**
     * A value: on one line anything, commas included; over several lines, no comma, so that no line of it looks
     * like a whole record (the one thing {@link QuoteCheck} refuses in a well-formed file).
     */
    private static Arbitrary<String> value() {
        return Arbitraries.oneOf(
                piece(true, false).list().ofMaxSize(5).map(p -> String.join("", p)),
                piece(false, true).list().ofMaxSize(6).map(p -> String.join("", p)));
    }

    @Provide
    Arbitrary<Table> wellFormed() {
        Arbitrary<Integer> width = Arbitraries.integers().between(2, 6);
        return width.flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(0, n - 1),
                value().list().ofSize(n - 1).list().ofMaxSize(12),
                Arbitraries.of("\n", "\r\n"),
                Arbitraries.integers().between(0, 2).list().ofSize(12),
                Arbitraries.of("", "\u200B", "\u00A0", "\uFEFF", " ")).as((idColumn, others, lineEnd, blanks, decor) -> {
                    List<String> header = new ArrayList<>(OTHER_COLUMNS.subList(0, n - 1));
                    header.add(idColumn, "record_id");
                    List<List<String>> rows = new ArrayList<>();
                    for (int r = 0; r < others.size(); r++) {
                        List<String> row = new ArrayList<>(others.get(r));
                        // Ids unique once cleaned: invisible characters and odd spaces around or inside them.
                        row.add(idColumn, decor + "R" + decor.strip() + r + decor);
                        rows.add(row);
                    }
                    return new Table(header, rows, blanks.subList(0, rows.size()), lineEnd);
                }));
    }

    private static Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static List<CsvRow> read(Path file) {
        List<CsvRow> rows = new ArrayList<>();
        READER.read(List.of(file), rows::add);
        return rows;
    }

    // --- properties ------------------------------------------------------------------------------------------

    @Property(tries = 150)
    void aWellFormedFileGivesBackEveryRecordOnItsLineWithCleanedValues(@ForAll("wellFormed") Table table)
            throws IOException {
        List<Long> startLines = new ArrayList<>();
        Path file = write("well-formed.csv", table.text(startLines));
        List<CsvRow> rows = read(file);
        assertEquals(table.rows().size(), rows.size(), "rows in = rows out");
        for (int r = 0; r < rows.size(); r++) {
            CsvRow row = rows.get(r);
            assertEquals(startLines.get(r), row.line(), "row " + r + " starts on its line");
            List<String> expected = table.rows().get(r).stream().map(InputText::clean).toList();
            assertEquals(expected, row.values());
            assertEquals(InputText.clean(table.rows().get(r).get(table.header().indexOf("record_id"))).strip(),
                    row.record().recordId());
            row.values().forEach(v -> assertTrue(InputText.isClean(v), v));
        }
        // The parallel read gives the same records in the same order, on the same lines.
        List<Long> parallelLines = READER.readRecords(List.of(file), (f, line, record) -> line, 2);
        assertEquals(rows.stream().map(CsvRow::line).toList(), parallelLines);
    }

    @Property(tries = 100)
    void surplusAndMissingFieldsAreKeptAndFlaggedNeverDropped(@ForAll("wellFormed") Table table,
            @ForAll Random random) throws IOException {
        List<List<String>> ragged = new ArrayList<>();
        for (List<String> row : table.rows()) {
            List<String> changed = new ArrayList<>(row);
            int idColumn = table.header().indexOf("record_id");
            // One fewer, the same or one more; only on rows on one line: a row over several lines with the wrong
            // field count whose lines each look like a record is read as a stray quote (QuoteCheck).
            int change = row.stream().anyMatch(v -> RecordCsvReader.newlines(v, v.length()) > 0) ? 0
                    : random.nextInt(3) - 1;
            if (change > 0) {
                changed.add("surplus" + random.nextInt(100));
            } else if (change < 0 && changed.size() - 1 > idColumn) {
                changed.remove(changed.size() - 1);
            }
            ragged.add(changed);
        }
        Table raggedTable = new Table(table.header(), ragged, table.blankLinesBefore(), table.lineEnd());
        Path file = write("ragged.csv", raggedTable.text(new ArrayList<>()));
        List<CsvRow> rows = read(file);
        assertEquals(ragged.size(), rows.size(), "rows in = rows out");
        for (int r = 0; r < rows.size(); r++) {
            CsvRow row = rows.get(r);
            int given = ragged.get(r).size();
            int width = table.header().size();
            assertEquals(Math.max(width, given), row.values().size(), "surplus kept, missing read as empty");
            assertEquals(row.header().size(), row.values().size());
            boolean flagged = row.record().problems().stream().anyMatch(p -> p.field().equals("row"));
            assertEquals(given != width, flagged, "a wrong field count is a row problem");
            for (int k = width; k < given; k++) {
                assertEquals(InputText.clean(ragged.get(r).get(k)), row.record().extras().get("_extra_" + (k - width + 1)));
            }
        }
    }

    @Property(tries = 100)
    void aStrayQuoteSwallowingWholeRecordsIsAnErrorNamingTheLineWhereItOpened(
            @ForAll("plainRows") List<List<String>> rows, @ForAll Random random) throws IOException {
        int width = rows.get(0).size();
        int open = random.nextInt(rows.size() - 1);
        int close = open + 1 + random.nextInt(rows.size() - open - 1);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", header(width)));
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = new ArrayList<>(rows.get(r));
            if (r == open) {
                int f = random.nextInt(width);
                row.set(f, "\"" + row.get(f));
            } else if (r == close) {
                int f = random.nextInt(width);
                row.set(f, row.get(f) + "\"");
            }
            lines.add(String.join(",", row));
        }
        Path file = write("stray.csv", String.join("\n", lines) + "\n");
        try {
            read(file);
            fail("a stray quote from line " + (open + 2) + " to line " + (close + 2) + " was read without error");
        } catch (InputException e) {
            assertEquals(open + 2, e.line(), e.getMessage());
            assertTrue(e.getMessage().startsWith(file + ":" + (open + 2) + ": "), e.getMessage());
        }
    }

    private static List<String> header(int width) {
        List<String> header = new ArrayList<>(List.of("record_id"));
        header.addAll(OTHER_COLUMNS.subList(0, width - 1));
        return header;
    }

    /** Rows of plain words (no quote, comma or line break), ids unique, at least three rows. */
    @Provide
    Arbitrary<List<List<String>>> plainRows() {
        return Arbitraries.integers().between(2, 6).flatMap(width -> Arbitraries.strings().withCharRange('a', 'z')
                .ofMaxLength(5).list().ofSize(width - 1).list().ofMinSize(3).ofMaxSize(10).map(rows -> {
                    List<List<String>> withIds = new ArrayList<>();
                    for (int r = 0; r < rows.size(); r++) {
                        List<String> row = new ArrayList<>(List.of("R" + r));
                        row.addAll(rows.get(r));
                        withIds.add(row);
                    }
                    return withIds;
                }));
    }

    @Property(tries = 150)
    void whateverTheBytesTheReaderReadsOrNamesFileAndLine(@ForAll("wellFormed") Table table,
            @ForAll("mutations") List<Tuple.Tuple3<Integer, Integer, Integer>> mutations) throws IOException {
        byte[] bytes = mutate(table.text(new ArrayList<>()).getBytes(StandardCharsets.UTF_8), mutations);
        Path file = dir.resolve("mutated.csv");
        Files.write(file, bytes);
        // Lines as the parser counts them: \r\n, a lone \r and a lone \n each end one.
        long physicalLines = 1 + RecordCsvReader.newlines(new String(bytes, StandardCharsets.ISO_8859_1), bytes.length);
        try {
            List<CsvRow> rows = read(file);
            long previous = 1;
            for (CsvRow row : rows) {
                assertTrue(row.line() > previous && row.line() <= physicalLines, "line " + row.line());
                previous = row.line();
                assertTrue(!row.record().recordId().isEmpty());
                row.values().forEach(v -> assertTrue(InputText.isClean(v) && v.indexOf('\0') < 0, v));
            }
            assertEquals(independentCount(bytes), rows.size(), "every record the CSV holds is read");
        } catch (InputException e) {
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertTrue(e.line() >= 0 && e.line() <= physicalLines + 1, e.getMessage());
        }
    }

    /** Mutations as (kind, position, byte): insert a quote, NUL, comma, line break, byte; delete; truncate. */
    @Provide
    Arbitrary<List<Tuple.Tuple3<Integer, Integer, Integer>>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(0, 255)).as(Tuple::of).list().ofMinSize(1).ofMaxSize(4);
    }

    private static byte[] mutate(byte[] original, List<Tuple.Tuple3<Integer, Integer, Integer>> mutations) {
        byte[] bytes = original;
        for (Tuple.Tuple3<Integer, Integer, Integer> m : mutations) {
            int at = bytes.length == 0 ? 0 : m.get2() % (bytes.length + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes, 0, at);
            switch (m.get1()) {
                case 0 -> out.write('"');
                case 1 -> out.write(0);
                case 2 -> out.write(',');
                case 3 -> out.write('\n');
                case 4 -> out.write(m.get3());
                case 5 -> {
                    at = Math.min(at + 1, bytes.length); // delete one byte
                }
                case 6 -> {
                    return out.toByteArray(); // truncate
                }
                case 7 -> out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                default -> out.writeBytes("\u200B\u00A0".getBytes(StandardCharsets.UTF_8));
            }
            out.write(bytes, at, bytes.length - at);
            bytes = out.toByteArray();
        }
        return bytes;
    }

    /** Records after the header as Commons CSV alone counts them, for a file the reader accepted. */
    private static long independentCount(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            return Math.max(0, parser.getRecords().size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
