package io.github.palimpsest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.synthetic.SyntheticForces;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCsvReaderParallelTest {
    private static final LocalDate REFERENCE = LocalDate.of(2025, 1, 1);
    private static final RecordCsvReader READER = RecordCsvReader.withReferenceDate(REFERENCE);

    @TempDir
    Path dir;

    private Path generatedFile(int people) throws IOException {
        StringWriter records = new StringWriter();
        SyntheticForces.builder().people(people).seed(4).referenceDate(REFERENCE).build()
                .writeCsv(records, new StringWriter());
        Path file = dir.resolve("generated.csv");
        Files.writeString(file, records.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readingOnSeveralThreadsGivesTheSequentialRecordsInOrder() throws IOException {
        List<Path> files = List.of(generatedFile(800));
        List<String> sequential = READER.readRecords(files).stream()
                .map(r -> ComparableRecordFactoryTest.fields(ComparableRecord.of(r)) + r.problems()).toList();
        for (int threads : new int[] {1, 2, 3}) {
            List<String> parallel = READER.readRecords(files,
                    r -> ComparableRecordFactoryTest.fields(ComparableRecord.of(r)) + r.problems(), threads);
            assertEquals(sequential, parallel, threads + " threads");
        }
        assertTrue(sequential.size() > 2_048, "several batches");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsKeepsItsProblem() throws IOException {
        Path file = dir.resolve("short.csv");
        Files.writeString(file, "record_id,forename,surname\nA1,Sam\nA2,Jo,Okafor,extra\n", StandardCharsets.UTF_8);
        List<PersonRecord> records = READER.readRecords(List.of(file), r -> r, 2);
        assertEquals(List.of("A1", "A2"), records.stream().map(PersonRecord::recordId).toList());
        assertEquals("row", records.get(0).problems().get(0).field());
        assertEquals("extra", records.get(1).extras().get("_extra_1"));
        assertEquals("short", records.get(0).force().raw(), "no force column: the file name stands in");
    }

    @Test
    void aRepeatedRecordIdAcrossFilesNamesBothPlaces() throws IOException {
        Path first = dir.resolve("met.csv");
        Path second = dir.resolve("herts.csv");
        Files.writeString(first, "record_id,surname\nR1,Okafor\nR2,Adeyemi\n", StandardCharsets.UTF_8);
        Files.writeString(second, "record_id,surname\n\nR3,Quennell\nR2,Marlowe\n", StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class,
                () -> READER.readRecords(List.of(first, second), r -> r, 2));
        assertTrue(e.getMessage().contains("herts.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("already appeared at " + first + ":3"), e.getMessage());
    }

    @Test
    void threadsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> READER.readRecords(List.of(), r -> r, 0));
    }
}
