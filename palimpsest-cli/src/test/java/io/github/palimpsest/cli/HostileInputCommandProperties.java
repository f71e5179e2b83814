package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code link} and {@code normalise} on hostile input (issue 18): a small file of fictional records, mutated
 * byte by byte (stray quotes, NULs, invalid bytes, surplus and missing fields, truncation, invisible
 * characters). Whatever the file: the exit code is 0 or 1, no stack trace reaches the user, and when the run
 * succeeds rows in = rows accounted for (every record read is in the clusters, or in normalise's output).
 */
class HostileInputCommandProperties {
    private static final String FILE = """
            record_id,forename,surname,dob,pnc_id,postcode,force
            K1,Alice,Example,1980-02-03,,ME1 1AA,Kent
            K2,Alicia,Example,1980-02-03,,ME1 1AA,Kent
            K3,"Bob, Jr",Sample,12/05/1975,,,Kent
            K4,Carol,"Specimen
            Smith",1990-07-07,,CT1 2AB,Kent
            K5,Dave,Fictional,,,,Kent
            K6,Eve,Illustrative,2001-01-01,,TN1 1AA,Kent
            """;
    private static final Pattern RECORDS_READ = Pattern.compile("records read: (\\d+)");
    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("palimpsest-hostile");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    /** Mutations as (kind, position, byte): quote, NUL, comma, line break, any byte, delete, truncate, invisible. */
    @Provide
    Arbitrary<List<Tuple.Tuple3<Integer, Integer, Integer>>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(0, 255)).as(Tuple::of).list().ofMaxSize(3);
    }

    static byte[] mutate(byte[] original, List<Tuple.Tuple3<Integer, Integer, Integer>> mutations) {
        byte[] bytes = original;
        for (Tuple.Tuple3<Integer, Integer, Integer> m : mutations) {
            int at = m.get2() % (bytes.length + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes, 0, at);
            switch (m.get1()) {
                case 0 -> out.write('"');
                case 1 -> out.write(0);
                case 2 -> out.write(',');
                case 3 -> out.write('\n');
                case 4 -> out.write(m.get3());
                case 5 -> at = Math.min(at + 1, bytes.length);
                case 6 -> at = bytes.length;
                case 7 -> out.writeBytes("\"\n".getBytes(StandardCharsets.UTF_8));
                default -> out.writeBytes("\u200B\u00A0".getBytes(StandardCharsets.UTF_8));
            }
            out.write(bytes, at, bytes.length - at);
            bytes = out.toByteArray();
        }
        return bytes;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    private static void assertNoStackTrace(Run run) {
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception in thread"), run.err());
    }

    @Property(tries = 40)
    void linkExitsZeroOrOneAndAccountsForEveryRecord(@ForAll("mutations") List<Tuple.Tuple3<Integer, Integer, Integer>> mutations)
            throws IOException {
        Path input = dir.resolve("kent.csv");
        Files.write(input, mutate(FILE.getBytes(StandardCharsets.UTF_8), mutations));
        Path clusters = dir.resolve("clusters.csv");
        Files.deleteIfExists(clusters);
        Run run = run("link", input.toString(), "--clusters-out", clusters.toString(), "--threads", "2");
        assertTrue(run.code() == 0 || run.code() == 1, run.code() + ": " + run.err());
        assertNoStackTrace(run);
        if (run.code() == 1) {
            // Bad input names the file; a file of fewer than two records says it cannot train on them.
            assertTrue(run.err().contains("palimpsest link: " + input) || run.err().contains("training a model needs"),
                    "the error names the file: " + run.err());
            assertFalse(Files.exists(clusters), "no output after bad input");
            return;
        }
        Matcher read = RECORDS_READ.matcher(run.out());
        assertTrue(read.find(), run.out());
        List<CSVRecord> rows = readCsv(clusters);
        assertEquals(Long.parseLong(read.group(1)), rows.size(), "rows in = rows in the clusters");
        assertTrue(run.out().contains("records linked: " + rows.size()), run.out());
        assertTrue(run.out().contains("records rejected: 0"), run.out());
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> assertTrue(ids.add(r.get("record_id")), "each record once: " + r.get("record_id")));
    }

    @Property(tries = 30)
    void tokeniseExitsZeroOrOneAndWritesASealedFileOrNothing(
            @ForAll("mutations") List<Tuple.Tuple3<Integer, Integer, Integer>> mutations) throws IOException {
        Path key = dir.resolve("deployment.key");
        if (!Files.exists(key)) {
            assertEquals(0, run("keygen", "--out", key.toString()).code());
        }
        Path input = dir.resolve("kent.csv");
        Files.write(input, mutate(FILE.getBytes(StandardCharsets.UTF_8), mutations));
        Path tokens = dir.resolve("tokens.csv");
        Files.deleteIfExists(tokens);
        Run run = run("tokenise", input.toString(), "--key-file", key.toString(), "--out", tokens.toString());
        assertTrue(run.code() == 0 || run.code() == 1, run.code() + ": " + run.err());
        assertNoStackTrace(run);
        if (run.code() == 1) {
            assertFalse(Files.exists(tokens), "no output after bad input");
        } else {
            assertTrue(Files.readString(tokens).startsWith("#palimpsest-tombstone/"), "a sealed token file");
        }
    }

    @Property(tries = 30)
    void vetExitsZeroOrOneWhateverTheRosterHolds(
            @ForAll("mutations") List<Tuple.Tuple3<Integer, Integer, Integer>> mutations) throws IOException {
        Path records = dir.resolve("records.csv");
        Files.writeString(records, FILE);
        Path roster = dir.resolve("roster.csv");
        Files.write(roster, mutate(FILE.getBytes(StandardCharsets.UTF_8), mutations));
        Path out = dir.resolve("vet.csv");
        Files.deleteIfExists(out);
        Run run = run("vet", "--roster", roster.toString(), records.toString(), "--out", out.toString());
        assertTrue(run.code() == 0 || run.code() == 1, run.code() + ": " + run.err());
        assertNoStackTrace(run);
        if (run.code() == 1) {
            assertFalse(Files.exists(out), "no output after bad input");
        } else {
            assertTrue(Files.readString(out).startsWith("roster_id,record_id,"), "the vetting file");
        }
    }

    @Property(tries = 30)
    void evaluateExitsZeroOrOneWhateverTheClustersFileHolds(
            @ForAll("mutations") List<Tuple.Tuple3<Integer, Integer, Integer>> mutations) throws IOException {
        String clusters = "record_id,entity_id\nK1,P1\nK2,P1\nK3,P2\nK4,P3\nK5,P3\nK6,P4\n";
        Path truth = dir.resolve("truth.csv");
        Files.writeString(truth, clusters);
        Path predicted = dir.resolve("predicted.csv");
        Files.write(predicted, mutate(clusters.getBytes(StandardCharsets.UTF_8), mutations));
        Run run = run("evaluate", "--truth", truth.toString(), "--clusters", predicted.toString());
        assertTrue(run.code() == 0 || run.code() == 1, run.code() + ": " + run.err());
        assertNoStackTrace(run);
    }

    @Property(tries = 60)
    void normaliseExitsZeroOrOneAndWritesEveryRowAndEveryValue(
            @ForAll("mutations") List<Tuple.Tuple3<Integer, Integer, Integer>> mutations) throws IOException {
        Path input = dir.resolve("kent.csv");
        Files.write(input, mutate(FILE.getBytes(StandardCharsets.UTF_8), mutations));
        Path out = dir.resolve("normalised.csv");
        Files.deleteIfExists(out);
        Run run = run("normalise", input.toString(), "--out", out.toString());
        assertTrue(run.code() == 0 || run.code() == 1, run.code() + ": " + run.err());
        assertNoStackTrace(run);
        if (run.code() == 0) {
            List<CSVRecord> rows = readCsv(out);
            assertTrue(run.err().contains("normalised " + rows.size() + " rows"), run.err());
            for (CSVRecord row : rows) {
                List<String> header = row.getParser().getHeaderNames();
                String problems = row.get("problems");
                if (problems.contains("surplus values kept")) {
                    assertTrue(header.contains("_extra_1"), "surplus values are written: " + header);
                }
            }
        }
    }

    @Example
    void aStraySwallowingQuoteIsExitOneNamingTheLineAndNoOutput() throws IOException {
        Path input = dir.resolve("stray.csv");
        Files.writeString(input, FILE.replace("K1,Alice", "K1,\"Alice").replace("K2,Alicia", "K2,Alicia\""));
        Path clusters = dir.resolve("clusters.csv");
        Files.deleteIfExists(clusters);
        Run run = run("link", input.toString(), "--clusters-out", clusters.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains(input + ":2: a quote opening field 'forename'"), run.err());
        assertFalse(Files.exists(clusters));
    }

    @Example
    void normaliseKeepsSurplusValuesItSaysItKeeps() throws IOException {
        Path input = dir.resolve("wide.csv");
        Files.writeString(input, "record_id,surname\nR1,Example,custody note,second note\nR2,Sample\n");
        Path out = dir.resolve("normalised.csv");
        Run run = run("normalise", input.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        List<CSVRecord> rows = readCsv(out);
        assertEquals("custody note", rows.get(0).get("_extra_1"));
        assertEquals("second note", rows.get(0).get("_extra_2"));
        assertEquals("", rows.get(1).get("_extra_1"));
        assertTrue(rows.get(0).get("problems").contains("surplus values kept as _extra_ columns"));
    }
}
