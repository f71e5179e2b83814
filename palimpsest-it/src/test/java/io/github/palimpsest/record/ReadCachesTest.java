package io.github.palimpsest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** What the reader remembers between rows (dates, forces) and finding problems on first use change no record. */
class ReadCachesTest {
    private static final LocalDate REFERENCE = LocalDate.of(2025, 1, 1);

    @TempDir
    Path dir;

    @Test
    void recordsReadThroughTheCachesEqualRecordsBuiltAfreshFromTheirInput() throws IOException {
        StringWriter csv = new StringWriter();
        SyntheticForces.builder().people(600).seed(11).referenceDate(REFERENCE).build()
                .writeCsv(csv, new StringWriter());
        Path file = dir.resolve("generated.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        List<PersonRecord> read = RecordCsvReader.withReferenceDate(REFERENCE).readRecords(List.of(file), r -> r, 2);
        for (PersonRecord record : read) {
            PersonRecord.Builder fresh = PersonRecord.builder().referenceDate(REFERENCE);
            record.inputColumns().forEach(fresh::set);
            PersonRecord afresh = fresh.build(); // ParseCache.NONE: every value parsed again
            assertEquals(afresh.problems(), record.problems(), record.recordId());
            assertEquals(ComparableRecordFactoryTest.fields(ComparableRecord.of(afresh)),
                    ComparableRecordFactoryTest.fields(factory.of(record)), record.recordId());
            assertEquals(afresh.name().raw(), record.name().raw());
            assertEquals(afresh.postcode().raw(), record.postcode().raw());
            assertEquals(afresh.phone().raw(), record.phone().raw());
        }
    }

    @Test
    void problemsFoundOnFirstUseIncludeThoseTheReaderGave() {
        PersonRecord record = PersonRecord.builder().recordId("A1").dob("31/02/1980")
                .problem(new Problem("row", "has 3 fields but the header has 4")).build();
        List<Problem> problems = record.problems();
        assertEquals("row", problems.get(0).field());
        assertEquals("dob", problems.get(1).field());
        assertEquals(problems, record.problems());
        assertEquals(List.of(problems.get(0)), record.toBuilder().build().problems().subList(0, 1));
    }
}
