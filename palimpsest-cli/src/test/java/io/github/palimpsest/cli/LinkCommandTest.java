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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
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

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private List<String> args(String... more) {
        List<String> all = new ArrayList<>(List.of("link"));
        inputs.forEach(p -> all.add(p.toString()));
        all.addAll(List.of(more));
        return all;
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static String header(Path file) throws IOException {
        return Files.readAllLines(file).get(0);
    }

    private long inputRecords() throws IOException {
        long n = 0;
        for (Path p : inputs) {
            n += Files.readAllLines(p).size() - 1;
        }
        return n;
    }

    @Test
    void writesTheContractFilesAndASummary() throws IOException {
        Path clusters = dir.resolve("clusters.csv");
        Path links = dir.resolve("links.csv");
        Path patterns = dir.resolve("patterns.csv");
        int code = run(args("--clusters-out", clusters.toString(), "--links-out", links.toString(),
                "--patterns-out", patterns.toString(), "--seed", "7", "--threads", "2").toArray(String[]::new));
        assertEquals(0, code, err.toString());

        assertEquals("record_id,entity_id", header(clusters));
        List<CSVRecord> clusterRows = readCsv(clusters);
        assertEquals(inputRecords(), clusterRows.size(), "one row per input record");
        Set<String> ids = new HashSet<>();
        clusterRows.forEach(r -> assertTrue(ids.add(r.get("record_id"))));
        assertEquals("MPS-02-0147", clusterRows.get(0).get("record_id"), "input order");
        assertTrue(clusterRows.get(0).get("entity_id").startsWith("P-"));

        assertEquals("left_id,right_id,match_weight,match_probability,evidence", header(links));
        List<CSVRecord> linkRows = readCsv(links);
        assertFalse(linkRows.isEmpty());
        for (CSVRecord link : linkRows) {
            assertTrue(Double.parseDouble(link.get("match_probability")) >= 0.95, link.toString());
            assertTrue(link.get("evidence").startsWith("prior "), link.get("evidence"));
            assertTrue(ids.contains(link.get("left_id")) && ids.contains(link.get("right_id")));
        }

        assertEquals("entity_id,event_date,force_code,force_name,event_type,record_id,name,joined_through,linked_by,"
                + "linked_by_words", header(patterns));
        List<CSVRecord> patternRows = readCsv(patterns);
        assertEquals(inputRecords(), patternRows.size());
        // Each person's first record starts its chain; every other record joined through a record of its person.
        Map<String, String> entityOfRecord = new HashMap<>();
        patternRows.forEach(r -> entityOfRecord.put(r.get("record_id"), r.get("entity_id")));
        Map<String, Long> chainStarts = new HashMap<>();
        for (CSVRecord row : patternRows) {
            if (row.get("joined_through").isEmpty()) {
                chainStarts.merge(row.get("entity_id"), 1L, Long::sum);
                assertEquals("", row.get("linked_by"), row.toString());
            } else {
                assertEquals(row.get("entity_id"), entityOfRecord.get(row.get("joined_through")), row.toString());
                assertFalse(row.get("linked_by_words").isEmpty(), row.toString());
            }
        }
        assertTrue(chainStarts.values().stream().allMatch(n -> n == 1), "one chain per person: " + chainStarts);
        assertTrue(patternRows.stream().anyMatch(r -> r.get("name").equals("Stephen J Marlowe")), "names, as compared");
        assertTrue(patternRows.stream().anyMatch(r -> r.get("force_code").equals("41")
                && r.get("force_name").equals("Hertfordshire")));

        String summary = out.toString();
        assertTrue(summary.contains(String.join(System.lineSeparator(), "records read: " + inputRecords(),
                "records linked: " + inputRecords(), "records rejected: 0")), summary);
        for (String line : List.of("candidate pairs: ", "links: " + linkRows.size(), "people: ",
                "people seen by more than one force: ")) {
            assertTrue(summary.contains(line), summary);
        }
    }

    @Test
    void aSavedModelLinksTheSameWhenLoadedAgain() throws IOException {
        Path model = dir.resolve("model.json");
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        assertEquals(0, run(args("--clusters-out", first.toString(), "--save-model", model.toString())
                .toArray(String[]::new)), err.toString());
        assertTrue(Files.readString(model).contains("\"format\": \"palimpsest-model\""));
        assertEquals(0, run(args("--clusters-out", second.toString(), "--model", model.toString())
                .toArray(String[]::new)), err.toString());
        assertEquals(Files.readAllLines(first), Files.readAllLines(second));
    }

    @Test
    void aRecordIdRepeatedInAnotherFileIsBadInputNamingFileAndLine() throws IOException {
        Path extra = dir.resolve("extra.csv");
        Files.writeString(extra, "record_id,force,surname\nX-1,Kent,Bly\nMPS-02-0147,Kent,Bly\n");
        inputs.add(extra);
        Path clusters = dir.resolve("clusters.csv");
        assertEquals(1, run(args("--clusters-out", clusters.toString()).toArray(String[]::new)));
        assertTrue(err.toString().contains(extra + ":3"), err.toString());
        assertFalse(Files.exists(clusters), "no output after bad input");
    }

    @Test
    void unreadableInputAndBadModelsAreBadInput() throws IOException {
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "record_id,surname\nR1,\"unclosed\n");
        assertEquals(1, run("link", broken.toString(), "--clusters-out", dir.resolve("c.csv").toString()));
        assertTrue(err.toString().contains(broken.toString()), err.toString());

        Path model = dir.resolve("model.json");
        Files.writeString(model, "{\"format\": \"palimpsest-model\", \"version\": 99}");
        assertEquals(1, run(args("--clusters-out", dir.resolve("c.csv").toString(), "--model", model.toString())
                .toArray(String[]::new)));
        assertTrue(err.toString().contains(model.toString()), err.toString());

        assertEquals(1, run(args("--clusters-out", dir.resolve("c.csv").toString(), "--model",
                dir.resolve("absent.json").toString()).toArray(String[]::new)));

        Path one = dir.resolve("one.csv");
        Files.writeString(one, "record_id,force,surname\nX-1,Kent,Bly\n");
        assertEquals(1, run("link", one.toString(), "--clusters-out", dir.resolve("c.csv").toString()));
        assertTrue(err.toString().contains("--model"), err.toString());
        assertFalse(Files.exists(dir.resolve("c.csv")));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, run("link"));
        assertEquals(2, run(args().toArray(String[]::new)), "--clusters-out is required");
        assertEquals(2, run(args("--clusters-out", "c.csv", "--threshold", "1.5").toArray(String[]::new)));
        assertEquals(2, run(args("--clusters-out", "c.csv", "--threshold", "0").toArray(String[]::new)));
        assertEquals(2, run(args("--clusters-out", "c.csv", "--threads", "0").toArray(String[]::new)));
        assertEquals(2, run(args("--clusters-out", "same.csv", "--links-out", "same.csv").toArray(String[]::new)));
    }
}
