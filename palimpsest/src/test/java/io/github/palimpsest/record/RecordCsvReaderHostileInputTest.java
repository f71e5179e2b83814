package io.github.palimpsest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Issue 18: what a careless editor, a spreadsheet or another encoding does to a file, and what the reader says. */
class RecordCsvReaderHostileInputTest {
    private static final String HEADER = "record_id,forename,surname,dob,force\n";
    private final RecordCsvReader reader = RecordCsvReader.withReferenceDate(LocalDate.of(2026, 11, 23));

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private List<CsvRow> read(Path file) {
        List<CsvRow> rows = new ArrayList<>();
        reader.read(List.of(file), rows::add);
        return rows;
    }

    /** 20 records; record {@code open} has a stray opening quote before its forename, {@code close} one after. */
    private static String twentyWithStrayQuote(int open, int close) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 20; i++) {
            String forename = i == open ? "\"Ann" : i == close ? "Ann\"" : "Ann";
            csv.append("R").append(i).append(',').append(forename).append(",Example,1980-01-")
                    .append(String.format("%02d", i)).append(",Kent\n");
        }
        return csv.toString();
    }

    @Test
    void aStrayQuoteThatSwallowsWholeRecordsIsAnErrorNamingTheLineWhereItOpened() throws IOException {
        // Before: 20 records in, 13 out, no error. R5 is on line 6, R12 on line 13.
        Path file = write("stray.csv", twentyWithStrayQuote(5, 12));
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().startsWith(file + ":6: a quote opening field 'forename' on this line is closed "
                + "only on line 13"), e.getMessage());
        assertTrue(e.getMessage().contains("doubled"), e.getMessage());
    }

    @Test
    void aStrayQuoteSwallowingOneRecordIsFoundToo() throws IOException {
        Path file = write("stray.csv", twentyWithStrayQuote(5, 6));
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("line 7 looks like a whole record of its own (5 fields)"), e.getMessage());
    }

    @Test
    void aQuoteNeverClosedNamesItsLine() throws IOException {
        Path file = write("open.csv", twentyWithStrayQuote(17, 0));
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertEquals(18, e.line());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void aQuoteClosedBeforeOtherTextNamesBothLines() throws IOException {
        Path file = write("text.csv", HEADER + "R1,\"Ann,Example,1980-01-01,Kent\nR2,Ann,Ex\"ample,1980-01-02,Kent\n");
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("closed on line 3"), e.getMessage());
    }

    @Test
    void valuesOverSeveralLinesStillReadWhenNoLineLooksLikeARecord() throws IOException {
        Path file = write("addresses.csv", "record_id,surname,address,force\n"
                + "R1,Example,\"12 High Street\nAnytown, Kent\",Kent\n"
                + "R2,Sample,\"Flat 2\n1 Low Road\nSomewhere\",Kent\n"
                + "R3,Specimen,\"9 Mill Lane,\nOldtown\",Kent\n");
        List<CsvRow> rows = read(file);
        assertEquals(3, rows.size());
        assertEquals(List.of(2L, 4L, 7L), rows.stream().map(CsvRow::line).toList());
        assertEquals("Flat 2\n1 Low Road\nSomewhere", rows.get(1).record().address());
    }

    @Test
    void aValueOverSeveralLinesInTheLastColumnIsNoRecordOfItsOwn() throws IOException {
        Path file = write("last.csv", "record_id,surname,address\nR1,Example,\"12 High Street\nAnytown\"\n");
        assertEquals(1, read(file).size());
    }

    @Test
    void aNulCharacterIsRefusedNamingLineAndField() throws IOException {
        Path file = write("nul.csv", HEADER + "R1,Ann,Example,1980-01-01,Kent\nR2,\"Bob\nBo\0b\",Sample,,Kent\n");
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertEquals(4, e.line(), "the NUL is on the second line of the quoted forename");
        assertTrue(e.getMessage().contains("field 'forename' contains a NUL character"), e.getMessage());
    }

    @Test
    void utf16WithAByteOrderMarkIsRead() throws IOException {
        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Path file = dir.resolve("utf16.csv");
            Files.write(file, ("\uFEFF" + HEADER + "R1,Zoë,Example,1980-01-01,Kent\n").getBytes(charset));
            List<CsvRow> rows = read(file);
            assertEquals(1, rows.size(), charset.name());
            assertEquals("Zoë", rows.get(0).values().get(1));
            assertEquals("record_id", rows.get(0).header().get(0));
        }
    }

    @Test
    void utf16WithoutAByteOrderMarkIsNamed() throws IOException {
        Path file = dir.resolve("utf16.csv");
        Files.write(file, (HEADER + "R1,Zoë,Example,1980-01-01,Kent\n").getBytes(StandardCharsets.UTF_16LE));
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertTrue(e.getMessage().contains("UTF-16") && e.getMessage().contains("little-endian"), e.getMessage());
        Files.write(file, (HEADER + "R1,Zoë,Example,1980-01-01,Kent\n").getBytes(StandardCharsets.UTF_16BE));
        e = assertThrows(InputException.class, () -> read(file));
        assertTrue(e.getMessage().contains("UTF-16") && e.getMessage().contains("big-endian"), e.getMessage());
    }

    @Test
    void recordIdsDifferingOnlyByInvisibleCharactersAreTheSameId() throws IOException {
        Path file = write("ids.csv", "\uFEFFrecord_id,surname\nR1,Example\n\u00A0R\u200B1\u2060,Sample\n");
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("'R1' already appeared at " + file + ":2"), e.getMessage());
    }

    @Test
    void valuesAreReadInNfcWithoutInvisibleCharacters() throws IOException {
        Path file = write("names.csv", "record_id,forename,surname,custody_suite\n"
                + "R1,Zoe\u0308,Smi\u200Bth\u00AD,North\u00A0Wing\n");
        CsvRow row = read(file).get(0);
        assertEquals(List.of("R1", "Zoë", "Smith", "North Wing"), row.values());
        assertEquals("zoe", row.record().name().forename());
        assertEquals("smith", row.record().name().surname());
        assertEquals("North Wing", row.record().extras().get("custody_suite"));
    }

    @Test
    void surplusValuesAreKeptUnderExtraNames() throws IOException {
        Path file = write("wide.csv", "record_id,surname\nR1,Example,one,two\nR2\n");
        List<CsvRow> rows = read(file);
        assertEquals(List.of("record_id", "surname", "_extra_1", "_extra_2"), rows.get(0).header());
        assertEquals(List.of("R1", "Example", "one", "two"), rows.get(0).values());
        assertEquals(List.of("record_id", "surname"), rows.get(1).header());
        assertEquals(List.of("R2", ""), rows.get(1).values());
    }

    @Test
    void aBlankRowIsNamedAsOne() throws IOException {
        Path file = write("blank.csv", "record_id,surname\nR1,Example\n,\n");
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("blank row"), e.getMessage());
    }
}
