package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code link} over a token file made by {@code tokenise} and a plain-text file, under one key. */
class LinkTokensCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path key;
    private Path plainA;
    private Path plainB;
    private Path tokensA;
    /** The true person of every record id, from the generator. */
    private final Map<String, String> person = new HashMap<>();
    private final Set<String> plainNames = new HashSet<>();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** Generated records split in two files by position; the first is then tokenised. */
    @BeforeEach
    void tokeniseOneFileOfTwo() throws IOException {
        List<SyntheticRecord> records = SyntheticForces.builder().people(150).seed(21).build().generate().records();
        plainA = dir.resolve("a.csv");
        plainB = dir.resolve("b.csv");
        try (Writer a = Files.newBufferedWriter(plainA); Writer b = Files.newBufferedWriter(plainB)) {
            CSVPrinter csvA = new CSVPrinter(a, CSVFormat.RFC4180);
            CSVPrinter csvB = new CSVPrinter(b, CSVFormat.RFC4180);
            csvA.printRecord(SyntheticRecord.COLUMNS);
            csvB.printRecord(SyntheticRecord.COLUMNS);
            for (int i = 0; i < records.size(); i++) {
                SyntheticRecord r = records.get(i);
                (i % 2 == 0 ? csvA : csvB).printRecord(SyntheticRecord.COLUMNS.stream().map(r::value).toList());
                person.put(r.recordId(), r.entityId());
                if (r.value("surname").length() > 3) {
                    plainNames.add(r.value("surname"));
                }
            }
            csvA.flush();
            csvB.flush();
        }
        key = dir.resolve("deployment.key");
        tokensA = dir.resolve("a-tokens.csv");
        assertEquals(0, run("keygen", "--out", key.toString()), err.toString());
        assertEquals(0, run("tokenise", plainA.toString(), "--key-file", key.toString(), "--out", tokensA.toString()),
                err.toString());
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void aTokenFileAndAPlainFileLinkThroughTokensWithReferencesAndNoPlainText() throws IOException {
        Path clusters = dir.resolve("clusters.csv");
        Path links = dir.resolve("links.csv");
        int code = run("link", tokensA.toString(), plainB.toString(), "--key-file", key.toString(),
                "--clusters-out", clusters.toString(), "--links-out", links.toString(), "--seed", "3");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("linked through tokens alone"), out.toString());

        List<CSVRecord> rows = readCsv(clusters);
        assertEquals("input,reference,entity_id", Files.readAllLines(clusters).get(0));
        assertEquals(person.size(), rows.size(), "one row per record of both inputs");
        // The plain file's records keep their record ids; the token file's are opaque references.
        Map<String, String> entityOfPlain = new HashMap<>();
        Map<String, String> entityOfToken = new HashMap<>();
        for (CSVRecord row : rows) {
            (row.get("input").equals("b.csv") ? entityOfPlain : entityOfToken).put(row.get("reference"),
                    row.get("entity_id"));
        }
        assertTrue(entityOfPlain.keySet().stream().allMatch(person::containsKey));
        assertTrue(entityOfToken.keySet().stream().noneMatch(person::containsKey));

        List<CSVRecord> linkRows = readCsv(links);
        long crossInput = linkRows.stream().filter(l -> !l.get("left_input").equals(l.get("right_input"))).count();
        assertTrue(crossInput > 20, "token records should link to plain records of the same people: " + crossInput);
        // Every link between a plain record and another plain record is checked against the truth.
        long plainPairs = 0;
        long plainPairsRight = 0;
        for (CSVRecord l : linkRows) {
            if (l.get("left_input").equals("b.csv") && l.get("right_input").equals("b.csv")) {
                plainPairs++;
                plainPairsRight += person.get(l.get("left_reference")).equals(person.get(l.get("right_reference")))
                        ? 1 : 0;
            }
            // A link below the threshold is a supported one: more likely than not, inside one person.
            double probability = Double.parseDouble(l.get("match_probability"));
            assertTrue(probability >= 0.95 || probability >= 0.5 && entityOf(l, "left", entityOfPlain, entityOfToken)
                    .equals(entityOf(l, "right", entityOfPlain, entityOfToken)), l.toString());
            assertTrue(l.get("evidence").startsWith("prior "), l.get("evidence"));
        }
        assertTrue(plainPairs == 0 || plainPairsRight >= 0.9 * plainPairs, plainPairsRight + " of " + plainPairs);

        // Whole words only: a random Base64 reference may contain a short surname's letters by chance
        // (a 16-character reference holds "Aziz" about once in 10^5 keys), which is not a leak.
        String written = Files.readString(clusters) + Files.readString(links) + out;
        String lower = written.toLowerCase(java.util.Locale.ROOT);
        Set<String> words = new HashSet<>(java.util.Arrays.asList(lower.split("[^\\p{L}0-9_'-]+")));
        for (String name : plainNames) {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            // A name with a space cannot occur inside a reference, so a plain search is exact for it.
            assertFalse(n.contains(" ") ? lower.contains(n) : words.contains(n), "a surname reached the output: " + name);
        }
    }

    @Test
    void oneToOneLinksEachRecordToAtMostOneRecordOfTheOtherInput() throws IOException {
        Path clusters = dir.resolve("clusters.csv");
        Path links = dir.resolve("links.csv");
        int code = run("link", tokensA.toString(), plainB.toString(), "--key-file", key.toString(), "--one-to-one",
                "--clusters-out", clusters.toString(), "--links-out", links.toString());
        assertEquals(0, code, err.toString());
        Map<String, Integer> linksOfRecord = new HashMap<>();
        List<CSVRecord> linkRows = readCsv(links);
        assertFalse(linkRows.isEmpty());
        for (CSVRecord l : linkRows) {
            assertFalse(l.get("left_input").equals(l.get("right_input")), "one-to-one links across inputs only");
            linksOfRecord.merge(l.get("left_input") + ":" + l.get("left_reference"), 1, Integer::sum);
            linksOfRecord.merge(l.get("right_input") + ":" + l.get("right_reference"), 1, Integer::sum);
        }
        assertEquals(1, linksOfRecord.values().stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    @Test
    void aTokenFileWithoutTheKeyOrUnderAnotherKeyIsRefusedClearly() throws IOException {
        Path clusters = dir.resolve("clusters.csv");
        int withoutKey = run("link", tokensA.toString(), plainB.toString(), "--clusters-out", clusters.toString());
        assertEquals(Main.EXIT_BAD_INPUT, withoutKey);
        assertTrue(err.toString().contains("is a token file") && err.toString().contains("--key-file"), err.toString());

        Path otherKey = dir.resolve("other.key");
        assertEquals(0, run("keygen", "--out", otherKey.toString()));
        int wrongKey = run("link", tokensA.toString(), plainB.toString(), "--key-file", otherKey.toString(),
                "--clusters-out", clusters.toString());
        assertEquals(Main.EXIT_BAD_INPUT, wrongKey);
        assertTrue(err.toString().contains("made with key id"), err.toString());
        assertFalse(Files.exists(clusters), "no output after a failed run");
    }

    @Test
    void patternsAndOneToOneWithoutAKeyAreUsageErrors() {
        Path clusters = dir.resolve("clusters.csv");
        assertEquals(Main.EXIT_USAGE, run("link", tokensA.toString(), "--key-file", key.toString(),
                "--clusters-out", clusters.toString(), "--patterns-out", dir.resolve("p.csv").toString()));
        assertEquals(Main.EXIT_USAGE, run("link", plainB.toString(), "--one-to-one",
                "--clusters-out", clusters.toString()));
    }

    private static String entityOf(CSVRecord link, String side, Map<String, String> entityOfPlain,
                                   Map<String, String> entityOfToken) {
        String reference = link.get(side + "_reference");
        return (link.get(side + "_input").equals("b.csv") ? entityOfPlain : entityOfToken).get(reference);
    }
}
