package io.github.palimpsest.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import io.github.palimpsest.review.ReviewDecisions;
import io.github.palimpsest.synthetic.SyntheticForces;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end: a CSV file in with a reviewer's decisions, one clusters CSV file out (the
 * one-machine CLI's people under the same decisions), links as a Parquet table. The command starts and stops its own local session.
 */
class SparkMainTest {
    @TempDir
    Path dir;

    @Test
    void linkWritesTheOneMachinePeopleAsOneCsvFile() throws IOException {
        Path input = dir.resolve("records.csv");
        try (Writer records = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            SyntheticForces.builder().people(150).seed(3).build().writeCsv(records, new StringWriter());
        }
        Path clusters = dir.resolve("clusters.csv");
        Path links = dir.resolve("links.parquet");
        List<PersonRecord> records = RecordCsvReader.withReferenceDate(SyntheticForces.DEFAULT_REFERENCE_DATE)
                .readRecords(List.of(input));
        // A reviewer's file, as palimpsest link --decisions reads it: a match, a non-match, an unknown record.
        Path decisions = dir.resolve("decisions.csv");
        Files.writeString(decisions, "record_id_a,record_id_b,decision\n"
                + records.get(0).recordId() + "," + records.get(records.size() - 1).recordId() + ",match\n"
                + records.get(1).recordId() + "," + records.get(2).recordId() + ",non-match\n"
                + records.get(1).recordId() + ",no-such-record,match\n", StandardCharsets.UTF_8);

        int status = SparkMain.run("link", "--master", "local[2]", input.toString(), "--clusters-out",
                clusters.toString(), "--links-out", links.toString(), "--reference-date", "2025-01-01",
                "--decisions", decisions.toString());

        assertEquals(0, status);
        Map<String, String> written = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(clusters, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                written.put(row.get("record_id"), row.get("entity_id"));
            }
        }
        LinkResult oneMachine = Linker.builder().decisions(ReviewDecisions.read(decisions)).build().link(records);
        Map<String, String> people = LocalSpark.persons(oneMachine);
        Map<String, String> expected = new LinkedHashMap<>();
        for (PersonRecord record : records) {
            expected.put(record.recordId(), people.get(record.recordId()));
        }
        assertEquals(expected, written, "the same people, in input order, as the one-machine linker");
        assertEquals(written.get(records.get(0).recordId()), written.get(records.get(records.size() - 1).recordId()),
                "the match is honoured");
        assertTrue(Files.isRegularFile(links.resolve("_SUCCESS")), "links written as a Parquet table");
        assertTrue(Files.notExists(dir.resolve("clusters.csv.parts")), "Spark's part directory is cleaned up");
    }
}
