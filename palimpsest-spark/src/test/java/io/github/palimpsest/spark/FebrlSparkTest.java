package io.github.palimpsest.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.palimpsest.LinkResult;
import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.record.PersonRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FEBRL3 (5,000 records, in {@code ../../shared/data/febrl} from this module, or {@code -Dfebrl.dir}) linked on
 * Spark and on one machine: the same F1 to within 0.005, and in fact the same people. Skipped when the shared
 * data is absent. FEBRL is mapped to the canonical columns as the library's own FEBRL tests map it.
 */
class FebrlSparkTest {
    private static final Path DIRECTORY = Path.of(System.getProperty("febrl.dir", "../../shared/data/febrl"));
    private static final Pattern REC_ID = Pattern.compile("rec-(\\d+)-(org|dup-\\d+)");
    private static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);
    private static final List<String> COLUMNS =
            List.of("record_id", "forename", "surname", "dob", "postcode", "address", "id_ssn");
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        if (Files.isRegularFile(DIRECTORY.resolve("dataset3.csv"))) {
            spark = LocalSpark.start("FebrlSparkTest");
        }
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void febrl3LinksAsOnOneMachine() throws IOException {
        assumeTrue(spark != null, "no FEBRL data in " + DIRECTORY.toAbsolutePath());
        List<Map<String, String>> rows = new ArrayList<>();
        Map<String, String> truth = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(DIRECTORY.resolve("dataset3.csv"), StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).setTrim(true).get();
            for (CSVRecord csv : format.parse(in)) {
                String address = String.join(" ", csv.get("street_number"), csv.get("address_1"),
                        csv.get("address_2"), csv.get("suburb"), csv.get("state")).replaceAll("\\s+", " ").strip();
                Map<String, String> row = new LinkedHashMap<>();
                row.put("record_id", csv.get("rec_id"));
                row.put("forename", csv.get("given_name"));
                row.put("surname", csv.get("surname"));
                row.put("dob", csv.get("date_of_birth"));
                row.put("postcode", csv.get("postcode"));
                row.put("address", address);
                row.put("id_ssn", csv.get("soc_sec_id"));
                rows.add(row);
                Matcher m = REC_ID.matcher(csv.get("rec_id"));
                assertTrue(m.matches(), csv.get("rec_id"));
                truth.put(csv.get("rec_id"), "E" + m.group(1));
            }
        }
        Dataset<Row> table = LocalSpark.table(spark, COLUMNS, rows).cache();
        SparkLinker linker = SparkLinker.builder().referenceDate(REFERENCE).build();
        SparkLinkResult result = linker.link(table);
        List<PersonRecord> records = LocalSpark.records(table, REFERENCE);
        LinkResult oneMachine = linker.oneMachineLinker().link(records);

        Map<String, String> single = LocalSpark.persons(oneMachine);
        Map<String, String> distributed = LocalSpark.persons(result.persons());
        double f1Single = PairwiseMetrics.of(truth, single).f1();
        double f1Spark = PairwiseMetrics.of(truth, distributed).f1();
        assertTrue(Math.abs(f1Single - f1Spark) <= 0.005, "F1 one machine " + f1Single + ", Spark " + f1Spark);
        assertEquals(oneMachine.statistics().candidatePairs(), result.candidatePairCount());
        assertEquals(single, distributed);
        result.release();
    }
}
