package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormaliseCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    }

    private Path bundledExample(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/io/github/palimpsest/examples/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void writesOneRowPerInputRowInOrderWithInputColumnsUnchanged() throws IOException {
        Path met = bundledExample("met.csv");
        Path herts = bundledExample("herts.csv");
        Path out = dir.resolve("out.csv");
        assertEquals(0, run("normalise", met.toString(), herts.toString(), "--out", out.toString()), err.toString());

        List<CSVRecord> rows = readCsv(out);
        long inputRows = Files.readAllLines(met).size() - 1 + Files.readAllLines(herts).size() - 1;
        assertEquals(inputRows, rows.size());
        assertEquals("MET-0001", rows.get(0).get("record_id"));
        assertEquals("H-19-0042", rows.get(4).get("record_id"));

        Map<String, String> first = rows.get(0).toMap();
        assertEquals("HALLORAN, Brendan Joseph", first.get("full_name"));
        assertEquals("01", first.get("force_code"));
        assertEquals("halloran", first.get("surname_norm"));
        assertEquals("1971-03-14", first.get("dob_norm"));

        Map<String, String> hertsRow = rows.get(4).toMap();
        assertEquals("41", hertsRow.get("force_code"));
        assertEquals("Stevenage", hertsRow.get("Custody_Suite"), "unknown columns pass through");
        assertEquals("+447700900123", hertsRow.get("phone_norm"));
        assertEquals("b.halloran@example.com", hertsRow.get("email_norm"));
        assertEquals(NormaliseCommand.OUTPUT_COLUMNS,
                rows.get(0).getParser().getHeaderNames().subList(rows.get(0).getParser().getHeaderNames().size()
                        - NormaliseCommand.OUTPUT_COLUMNS.size(), rows.get(0).getParser().getHeaderNames().size()));
    }

    @Test
    void invalidValuesLeaveTheNormalisedColumnEmptyAndExplainWhy() throws IOException {
        Path met = bundledExample("met.csv");
        Path out = dir.resolve("out.csv");
        assertEquals(0, run("normalise", met.toString(), "--out", out.toString()), err.toString());
        Map<String, String> row = readCsv(out).get(2).toMap();
        assertEquals("", row.get("dob_norm"));
        assertEquals("", row.get("pnc_id_norm"));
        assertTrue(row.get("problems").contains("dob: "), row.get("problems"));
        assertTrue(row.get("problems").contains("pnc_id: "), row.get("problems"));
    }

    @Test
    void badInputExitsWithOneAndNamesFileAndLineAndWritesNothing() throws IOException {
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "record_id,surname\nR1,A\nR1,B\n");
        Path out = dir.resolve("out.csv");
        assertEquals(1, run("normalise", broken.toString(), "--out", out.toString()));
        assertTrue(err.toString().contains(broken + ":3"), err.toString());
        assertFalse(Files.exists(out), "no partial output is left behind");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")));
        }
    }

    @Test
    void missingArgumentsAreAUsageError() {
        assertEquals(2, run("normalise"));
    }
}
