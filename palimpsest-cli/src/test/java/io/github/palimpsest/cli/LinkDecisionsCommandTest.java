package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.review.ReviewDecisions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code link --decisions} and {@code --review-out} over the demo scenario. */
class LinkDecisionsCommandTest {
    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private final List<Path> inputs = new ArrayList<>();

    @BeforeEach
    void copyTheDemoScenario() throws IOException {
        for (String name : DemoCommand.FILES) {
            Path file = dir.resolve(name);
            try (InputStream in = getClass().getResourceAsStream("/io/github/palimpsest/demo/" + name)) {
                Files.copy(in, file);
            }
            inputs.add(file);
        }
    }

    private int link(String... more) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("link"));
        inputs.forEach(p -> all.add(p.toString()));
        all.addAll(List.of("--seed", "7", "--threads", "2"));
        all.addAll(List.of(more));
        return Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /** Record id to entity id. */
    private static Map<String, String> clusters(Path file) throws IOException {
        Map<String, String> entityOf = new HashMap<>();
        for (CSVRecord r : readCsv(file)) {
            entityOf.put(r.get("record_id"), r.get("entity_id"));
        }
        return entityOf;
    }

    private Path decisions(String... rows) throws IOException {
        Path file = dir.resolve("decisions.csv");
        Files.writeString(file, "record_id_a,record_id_b,decision,reviewer\n" + String.join("\n", rows) + "\n");
        return file;
    }

    /** Two records of one multi-record person, the first two of the clusters file's order. */
    private List<String> twoOfOnePerson(Map<String, String> entityOf) {
        Map<String, List<String>> members = new HashMap<>();
        entityOf.forEach((record, entity) -> members.computeIfAbsent(entity, e -> new ArrayList<>()).add(record));
        return members.values().stream().filter(m -> m.size() >= 3).findFirst()
                .map(m -> m.stream().sorted().limit(2).toList()).orElseThrow();
    }

    @Test
    void aNonMatchKeepsTwoRecordsOfAChainApartAndTheLinksSaySo() throws IOException {
        Path clusters = dir.resolve("clusters.csv");
        assertEquals(0, link("--clusters-out", clusters.toString()), err.toString());
        List<String> pair = twoOfOnePerson(clusters(clusters));
        Path decided = decisions(pair.get(0) + "," + pair.get(1) + ",non-match,a reviewer");
        Path links = dir.resolve("links.csv");

        assertEquals(0, link("--clusters-out", clusters.toString(), "--links-out", links.toString(),
                "--decisions", decided.toString()), err.toString());

        Map<String, String> after = clusters(clusters);
        assertNotEquals(after.get(pair.get(0)), after.get(pair.get(1)));
        assertTrue(Files.readAllLines(links).get(0).endsWith(",decision"));
        assertTrue(readCsv(links).stream().anyMatch(r -> r.get("decision").equals("non-match")
                || r.get("decision").equals("kept apart by a non-match")), "a link broken by the decision says so");
        assertTrue(out.toString().contains("review decisions: 1 applied (0 matches, 1 non-matches)"), out.toString());
    }

    @Test
    void aMatchJoinsTwoPeopleTheModelLeftApart() throws IOException {
        Path clusters = dir.resolve("clusters.csv");
        assertEquals(0, link("--clusters-out", clusters.toString()), err.toString());
        Map<String, String> before = clusters(clusters);
        List<String> ids = before.keySet().stream().sorted().toList();
        String a = ids.get(0);
        String b = ids.stream().filter(id -> !before.get(id).equals(before.get(a))).findFirst().orElseThrow();
        Path links = dir.resolve("links.csv");

        assertEquals(0, link("--clusters-out", clusters.toString(), "--links-out", links.toString(),
                "--decisions", decisions(b + "," + a + ",match").toString()), err.toString());

        assertEquals(clusters(clusters).get(a), clusters(clusters).get(b));
        assertTrue(readCsv(links).stream().anyMatch(r -> r.get("decision").equals("match")
                && List.of(r.get("left_id"), r.get("right_id")).containsAll(List.of(a, b))));
    }

    @Test
    void contradictoryDecisionsStopTheRunNamingTheRows() throws IOException {
        Path clusters = dir.resolve("clusters.csv");
        Path decided = decisions("X1,X2,match", "X2,X3,match", "X3,X1,non-match");

        assertEquals(1, link("--clusters-out", clusters.toString(), "--decisions", decided.toString()));

        String message = err.toString();
        assertTrue(message.contains("decisions.csv line 4") && message.contains("line 2") && message.contains("line 3"),
                message);
        assertFalse(Files.exists(clusters), "nothing is written");
    }

    @Test
    void aDecisionOnAnUnknownRecordIsReported() throws IOException {
        Path clusters = dir.resolve("clusters.csv");
        assertEquals(0, link("--clusters-out", clusters.toString(), "--decisions",
                decisions("NOT-A-RECORD,ALSO-NOT,non-match").toString()), err.toString());

        assertTrue(err.toString().contains("warning: decisions.csv line 2 (NOT-A-RECORD – ALSO-NOT: non-match) names a "
                + "record id that is not among the input records"), err.toString());
        assertTrue(out.toString().contains("1 on unknown record ids"), out.toString());
    }

    @Test
    void reviewRowsAreMostUncertainFirstAndGoBackAsDecisions() throws IOException {
        Path clusters = dir.resolve("clusters.csv");
        Path review = dir.resolve("review.csv");
        assertEquals(0, link("--clusters-out", clusters.toString(), "--review-out", review.toString(),
                "--review-threshold", "0.01"), err.toString());
        assertTrue(Files.readAllLines(review).get(0).startsWith(String.join(",", ReviewDecisions.COLUMNS)));
        List<CSVRecord> rows = readCsv(review);
        assertFalse(rows.isEmpty(), "the demo has pairs below the threshold");
        boolean band = false;
        double previous = -1;
        for (CSVRecord row : rows) {
            double p = Double.parseDouble(row.get("match_probability"));
            assertFalse(row.get("evidence").isBlank());
            if (row.get("why").contains("below the link threshold")) {
                band = true;
                assertTrue(p >= 0.01 && p < 0.95, row.toString());
                double distance = Math.abs(Double.parseDouble(row.get("match_weight")));
                assertTrue(distance >= previous, "most uncertain (closest to even odds) first: " + rows);
                previous = distance;
            } else {
                assertFalse(band, "refused links come before the band: " + rows);
            }
        }
        assertTrue(out.toString().contains("pairs to review: " + rows.size()), out.toString());

        // A reviewer decides the first pair and leaves the rest: the file goes back as it is.
        CSVRecord first = rows.get(0);
        Path filled = dir.resolve("filled.csv");
        try (CSVPrinter csv = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get()
                .print(Files.newBufferedWriter(filled))) {
            csv.printRecord(ReviewCsv.COLUMNS);
            for (CSVRecord row : rows) {
                List<String> cells = new ArrayList<>(row.toList());
                if (row == first) {
                    cells.set(2, "non-match");
                    cells.set(3, "a reviewer");
                }
                csv.printRecord(cells);
            }
        }
        Path again = dir.resolve("review2.csv");
        assertEquals(0, link("--clusters-out", clusters.toString(), "--decisions", filled.toString(),
                "--review-out", again.toString(), "--review-threshold", "0.01"), err.toString());
        assertTrue(out.toString().contains("review decisions: 1 applied (0 matches, 1 non-matches), "
                + (rows.size() - 1) + " undecided rows skipped"), out.toString());
        assertNotEquals(clusters(clusters).get(first.get(0)), clusters(clusters).get(first.get(1)));
        assertTrue(readCsv(again).stream().noneMatch(r -> r.get(0).equals(first.get(0)) && r.get(1).equals(first.get(1))),
                "a decided pair is not asked again");
    }

    @Test
    void aReviewThresholdNotBelowTheThresholdIsAUsageError() {
        Path review = dir.resolve("review.csv");
        assertEquals(2, link("--clusters-out", dir.resolve("c.csv").toString(), "--review-out", review.toString(),
                "--review-threshold", "0.95"));
        assertTrue(err.toString().contains("--review-threshold"), err.toString());
    }

    @Test
    void theReviewFileNeverOverwritesTheDecisionsItReads() throws IOException {
        Path decided = decisions("X1,X2,match");
        String before = Files.readString(decided);

        assertEquals(2, link("--clusters-out", dir.resolve("c.csv").toString(), "--decisions", decided.toString(),
                "--review-out", decided.toString()));

        assertEquals(before, Files.readString(decided));
    }

    @Test
    void aSupportedLinkIsInTheReviewFileAsLinkedAndANonMatchPartsIt() throws IOException {
        Path records = dir.resolve("generated.csv");
        Path truth = dir.resolve("truth.csv");
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), "generate", "--people", "400",
                "--seed", "14", "--out", records.toString(), "--truth", truth.toString()), err.toString());
        Path clusters = dir.resolve("people.csv");
        Path review = dir.resolve("review.csv");
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), "link", records.toString(),
                "--seed", "1", "--clusters-out", clusters.toString(), "--review-out", review.toString()),
                err.toString());
        Map<String, String> entityOf = clusters(clusters);
        List<CSVRecord> supported = readCsv(review).stream()
                .filter(r -> r.get("why").endsWith("linked, because the person's other records support it")).toList();
        assertFalse(supported.isEmpty(), "the generated pool has a supported link");
        for (CSVRecord r : supported) {
            assertEquals(entityOf.get(r.get("record_id_a")), entityOf.get(r.get("record_id_b")), r.toString());
            assertTrue(Double.parseDouble(r.get("match_probability")) < 0.95, r.toString());
        }
        // A reviewer parts the first: the next run keeps its two records apart.
        CSVRecord parted = supported.get(0);
        Path decided = dir.resolve("decided.csv");
        Files.writeString(decided, "record_id_a,record_id_b,decision\n" + parted.get("record_id_a") + ","
                + parted.get("record_id_b") + ",non-match\n");
        Path again = dir.resolve("people-again.csv");
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), "link", records.toString(),
                "--seed", "1", "--clusters-out", again.toString(), "--decisions", decided.toString()), err.toString());
        Map<String, String> after = clusters(again);
        assertNotEquals(after.get(parted.get("record_id_a")), after.get(parted.get("record_id_b")));
    }
}
