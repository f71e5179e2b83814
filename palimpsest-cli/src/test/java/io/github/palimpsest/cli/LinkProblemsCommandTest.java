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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code link} never lets a readable but faulty row pass silently: the summary counts it, --problems-out lists it. */
class LinkProblemsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path model;
    private Path clean;
    private Path faulty;

    @BeforeEach
    void writeFictionalInputs() throws IOException {
        // The bundled model, so that a handful of rows can be linked without training.
        model = dir.resolve("model.json");
        try (InputStream in = getClass().getResourceAsStream("/io/github/palimpsest/default-model.json")) {
            Files.copy(in, model);
        }
        clean = dir.resolve("kent.csv");
        Files.writeString(clean, """
                record_id,force,forename,surname,dob,sex,pnc_id
                KT-1,Kent,Orla,Pennywhistle,1983-06-14,F,
                KT-2,Kent,Bram,Quillfeather,1990-09-22,M,
                """);
        faulty = dir.resolve("essex.csv");
        // Line 3 holds a quoted line break, so the rows after it start one line later than their row number.
        Files.writeString(faulty, """
                record_id,force,forename,surname,dob,sex,pnc_id,address
                EX-1,Essex,Orla,Pennywhistle,1983-06-14,F,,"4 Mill Lane,
                Brightlingsea"
                EX-2,Essex,Bram,Quillfeather
                EX-3,Essex,Tamsin,Oakhollow,1979-02-30,F,,
                EX-4,Essex,Jory,Fenwick,1971-03-05,M,2001/0012345A,
                """);
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void theSummaryCountsRecordsWithProblemsAndPointsToTheOption() {
        int code = run("link", clean.toString(), faulty.toString(), "--model", model.toString(),
                "--clusters-out", dir.resolve("clusters.csv").toString());
        assertEquals(0, code, err.toString());
        String summary = out.toString();
        assertTrue(summary.contains("records read: 6"), summary);
        assertTrue(summary.contains("records linked: 6"), summary);
        assertTrue(summary.contains("records with problems: 3"), summary);
        assertTrue(summary.contains("--problems-out"), summary);
    }

    @Test
    void problemsOutListsFileLineRecordFieldAndReasonInInputOrder() throws IOException {
        Path problems = dir.resolve("problems.csv");
        int code = run("link", clean.toString(), faulty.toString(), "--model", model.toString(),
                "--clusters-out", dir.resolve("clusters.csv").toString(), "--problems-out", problems.toString());
        assertEquals(0, code, err.toString());

        assertEquals("file,line,record_id,field,problem", Files.readAllLines(problems).get(0));
        List<CSVRecord> rows = readCsv(problems);
        assertEquals(3, rows.size(), rows.toString());
        assertRow(rows.get(0), faulty, "4", "EX-2", "row");
        assertTrue(rows.get(0).get("problem").contains("4 fields but the header has 8"), rows.get(0).toString());
        assertRow(rows.get(1), faulty, "5", "EX-3", "dob");
        assertRow(rows.get(2), faulty, "6", "EX-4", "pnc_id");
        assertTrue(rows.get(2).get("problem").contains("check letter"), rows.get(2).toString());
        assertTrue(out.toString().contains("records with problems: 3"), out.toString());
        assertTrue(out.toString().contains(problems.toString()), out.toString());
    }

    private static void assertRow(CSVRecord row, Path file, String line, String recordId, String field) {
        assertEquals(file.toString(), row.get("file"), row.toString());
        assertEquals(line, row.get("line"), row.toString());
        assertEquals(recordId, row.get("record_id"), row.toString());
        assertEquals(field, row.get("field"), row.toString());
        assertFalse(row.get("problem").isBlank(), row.toString());
    }

    @Test
    void cleanInputReportsNoProblemsAndStillWritesTheHeader() throws IOException {
        Path problems = dir.resolve("problems.csv");
        assertEquals(0, run("link", clean.toString(), "--model", model.toString(),
                "--clusters-out", dir.resolve("clusters.csv").toString(), "--problems-out", problems.toString()),
                err.toString());
        assertTrue(out.toString().contains("records with problems: 0"), out.toString());
        assertFalse(out.toString().contains("--problems-out"), out.toString());
        assertEquals(List.of("file,line,record_id,field,problem"), Files.readAllLines(problems));
    }

    @Test
    void problemsOutIsRefusedWhenLinkingThroughTokensAndMustNotShareAFile() throws IOException {
        Path key = dir.resolve("key");
        Files.writeString(key, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n");
        assertEquals(2, run("link", clean.toString(), "--key-file", key.toString(),
                "--clusters-out", dir.resolve("c.csv").toString(), "--problems-out", dir.resolve("p.csv").toString()));
        assertTrue(err.toString().contains("--problems-out"), err.toString());
        assertEquals(2, run("link", clean.toString(), "--clusters-out", dir.resolve("same.csv").toString(),
                "--problems-out", dir.resolve("same.csv").toString()));
    }
}
