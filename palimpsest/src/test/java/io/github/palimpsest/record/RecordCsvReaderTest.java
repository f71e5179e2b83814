package io.github.palimpsest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCsvReaderTest {
    private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 23);
    private final RecordCsvReader reader = RecordCsvReader.withReferenceDate(REFERENCE);

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private List<CsvRow> read(Path... files) {
        List<CsvRow> rows = new ArrayList<>();
        reader.read(List.of(files), rows::add);
        return rows;
    }

    @Test
    void headersAreMatchedIgnoringCaseAndSurroundingSpaces() throws IOException {
        Path file = write("a.csv", " Record_ID , SURNAME ,Forename,  DOB\nR1,Fictional,Alice,1980-02-03\n");
        PersonRecord record = read(file).get(0).record();
        assertEquals("R1", record.recordId());
        assertEquals("fictional", record.name().surname());
        assertEquals("alice", record.name().forename());
        assertEquals("1980-02-03", record.dateOfBirth().canonical().orElseThrow());
    }

    @Test
    void unknownColumnsAndGenericIdentifiersAreKept() throws IOException {
        Path file = write("a.csv", "record_id,custody_suite,id_Passport\nR1,North,ab-12 34\n");
        PersonRecord record = read(file).get(0).record();
        assertEquals("North", record.extras().get("custody_suite"));
        assertEquals("AB1234", record.identifiers().get("passport").canonical().orElseThrow());
    }

    @Test
    void aFileWithoutAForceColumnTakesItsFileNameAsTheForce() throws IOException {
        Path file = write("Herts.csv", "record_id,surname\nR1,Example\n");
        assertEquals("41", read(file).get(0).record().force().canonical().orElseThrow());
    }

    @Test
    void aFileWithoutAForceColumnIsOneSourceNamedAfterItWithoutAProblemPerRow() throws IOException {
        Path file = write("parish_registers.csv", "record_id,forename,surname\nR1,Ada,Example\nR2,Bo,Sample\n");
        List<CsvRow> rows = read(file);
        for (CsvRow row : rows) {
            PersonRecord record = row.record();
            assertEquals(List.of(), record.problems(), "no 'unknown force' problem on every row");
            assertEquals("parish_registers", record.force().raw());
            assertTrue(record.isForceSourceName());
            assertEquals("parish_registers", ComparableRecord.of(record).forceName(), "the source still counts");
            assertTrue(record.toBuilder().build().isForceSourceName(), "a copy keeps it");
        }
        // an unknown force given in a force column is still a problem
        Path withColumn = write("b.csv", "record_id,force,surname\nR3,Atlantis,Example\n");
        PersonRecord given = read(withColumn).get(0).record();
        assertFalse(given.isForceSourceName());
        assertEquals("force", given.problems().get(0).field());
    }

    @Test
    void rowsStartLinesAreReportedEvenAcrossQuotedNewlinesAndBlankLines() throws IOException {
        Path file = write("a.csv", "record_id,event_summary\nR1,\"two\nlines\"\n\nR2,plain\n");
        List<CsvRow> rows = read(file);
        assertEquals(2, rows.get(0).line());
        assertEquals(5, rows.get(1).line());
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        Path file = write("bom.csv", "\uFEFFrecord_id,surname\nR1,Example\n");
        assertEquals("R1", read(file).get(0).record().recordId());
    }

    @Test
    void aShortRowIsKeptWithAProblemAndEmptyFields() throws IOException {
        Path file = write("a.csv", "record_id,surname,forename\nR1,Example\n");
        CsvRow row = read(file).get(0);
        assertEquals(List.of("R1", "Example", ""), row.values());
        assertTrue(row.record().problems().stream().anyMatch(p -> p.field().equals("row")
                && p.reason().contains("has 2 fields but the header has 3")), row.record().problems().toString());
    }

    @Test
    void aLongRowKeepsItsSurplusValues() throws IOException {
        Path file = write("a.csv", "record_id,surname\nR1,Example,surplus\n");
        PersonRecord record = read(file).get(0).record();
        assertEquals("surplus", record.extras().get("_extra_1"));
        assertTrue(record.problems().stream().anyMatch(p -> p.field().equals("row")));
    }

    @Test
    void anUnbalancedQuoteNamesTheFileAndTheLineWhereTheRowStarts() throws IOException {
        Path file = write("broken.csv", "record_id,surname\nR1,Example\nR2,\"Unclosed\nR3,Other\n");
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(file + ":3: "), e.getMessage());
        assertTrue(e.getMessage().contains("quote"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8NamesTheLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        byte[] header = "record_id,surname\nR1,Example\nR2,".getBytes(StandardCharsets.US_ASCII);
        byte[] latin1 = "Müller\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[header.length + latin1.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(latin1, 0, all, header.length, latin1.length);
        Files.write(file, all);
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        Path file = write("empty.csv", "");
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void aHeaderWithoutRecordIdIsAnError() throws IOException {
        Path file = write("a.csv", "surname,forename\nExample,Alice\n");
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("record_id"), e.getMessage());
    }

    @Test
    void aRepeatedHeaderIsAnError() throws IOException {
        Path file = write("a.csv", "record_id,Surname,surname\nR1,A,B\n");
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
    }

    @Test
    void aRowWithoutRecordIdIsAnError() throws IOException {
        Path file = write("a.csv", "record_id,surname\nR1,A\n ,B\n");
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("record_id is empty"), e.getMessage());
    }

    @Test
    void aDuplicateRecordIdAcrossFilesNamesBothPlaces() throws IOException {
        Path first = write("met.csv", "record_id,surname\nR1,A\n");
        Path second = write("herts.csv", "record_id,surname\nR2,B\nR1,C\n");
        InputException e = assertThrows(InputException.class, () -> read(first, second));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains(second + ":3"), e.getMessage());
        assertTrue(e.getMessage().contains(first + ":2"), e.getMessage());
    }

    @Test
    void aMissingFileIsReported() {
        Path missing = dir.resolve("missing.csv");
        InputException e = assertThrows(InputException.class, () -> read(missing));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
