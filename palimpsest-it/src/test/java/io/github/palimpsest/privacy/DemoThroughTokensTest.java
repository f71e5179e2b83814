package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.cli.Main;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled demo (four forces, one fictional man whose Met record was purged to a tombstone) linked with the
 * Met file tokenised and the other forces' files in plain text: the small pool is scored with the bundled
 * token model and must find the same people as plain-text linkage of the same files.
 */
class DemoThroughTokensTest {

    private static final List<String> FILES = List.of("met.csv", "hampshire.csv", "herts.csv", "sussex.csv");
    private static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 1, 1);
    /** The core person's records in the four forces: the Met's two (one purged), Hampshire's, Herts' and Sussex's. */
    private static final Set<String> CORE_PERSON =
            Set.of("MPS-02-0147", "MPS-06-0932", "HC-16-5521", "HT-19-0077", "SX-21-3309");

    @TempDir
    static Path dir;
    private static final List<Path> files = new ArrayList<>();
    /** Every record of the four files, in file order, and whether it is the Met's. */
    private static final List<PersonRecord> records = new ArrayList<>();
    private static final List<Boolean> isMet = new ArrayList<>();
    /** The people plain-text linkage finds, as sets of record ids. */
    private static Set<Set<String>> plainPeople;

    @BeforeAll
    static void linkTheDemoInPlainText() throws IOException {
        for (String name : FILES) {
            Path file = dir.resolve(name);
            try (InputStream in = DemoThroughTokensTest.class.getResourceAsStream("/io/github/palimpsest/demo/" + name)) {
                Files.copy(in, file);
            }
            files.add(file);
            for (PersonRecord r : RecordCsvReader.withReferenceDate(REFERENCE_DATE).readRecords(List.of(file))) {
                records.add(r);
                isMet.add(name.equals("met.csv"));
            }
        }
        LinkResult plain = Linker.builder().seed(42).build().link(records);
        Map<String, Set<String>> byEntity = new HashMap<>();
        for (PersonRecord r : records) {
            byEntity.computeIfAbsent(plain.entityOf(r.recordId()).orElseThrow().id(), e -> new TreeSet<>())
                    .add(r.recordId());
        }
        plainPeople = new HashSet<>(byEntity.values());
        assertTrue(plainPeople.contains(CORE_PERSON), "plain text should find the core person: " + plainPeople);
    }

    private static DeploymentSecret key(String label) {
        return DeploymentSecret.fromBytes(Hashing.sha256().hashString(label, StandardCharsets.UTF_8).asBytes());
    }

    /** The Met's records tokenised with opaque references, the others with their record ids, as {@code link} does. */
    private static List<Tombstone> tokenise(DeploymentSecret key) {
        List<Tombstone> tombstones = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            PersonRecord r = records.get(i);
            tombstones.add(isMet.get(i) ? Tombstone.of(r, key, TombstoneOptions.defaults())
                    : Tombstone.of(r, key, TombstoneOptions.defaults(), r.recordId()));
        }
        return tombstones;
    }

    /** The people of a token linkage, as sets of the original record ids (the test knows which tombstone is which). */
    private static Set<Set<String>> people(TokenLinkResult result) {
        Map<Tombstone, Integer> places = TokenResults.places(result);
        Set<Set<String>> people = new HashSet<>();
        for (List<Tombstone> person : result.people()) {
            Set<String> ids = new TreeSet<>();
            person.forEach(t -> ids.add(records.get(places.get(t)).recordId()));
            people.add(ids);
        }
        return people;
    }

    @Test
    void theDemoThroughTokensFindsThePeoplePlainTextFinds() {
        TokenLinkResult result = TokenLinker.builder().seed(42).build().link(tokenise(key("demo key 1")));
        assertFalse(result.isModelTrained(), "22 records are too few to train on");
        assertSame(DefaultTokenModel.standard(), result.model());
        assertEquals(plainPeople, people(result));
        assertTrue(people(result).contains(CORE_PERSON));
    }

    @Test
    void theCorePersonIsOneEntityAcrossTheFourForcesUnderAlmostEveryKey() {
        // Filters depend on the key: a day-month swapped birth date (Herts' record) scores Dice 0.60 in the
        // median but 0.555 at the 1st percentile, and below 0.56 it conflicts. Measured: 291 of 300 random
        // keys give exactly plain text's people.
        int whole = 0;
        int samePeople = 0;
        for (int k = 0; k < 20; k++) {
            Set<Set<String>> people = people(TokenLinker.builder().seed(42).build().link(tokenise(key("demo key " + k))));
            whole += people.contains(CORE_PERSON) ? 1 : 0;
            samePeople += people.equals(plainPeople) ? 1 : 0;
        }
        assertTrue(whole >= 18, "the core person was one entity under " + whole + " of 20 keys");
        assertEquals(whole, samePeople, "every other person should be as plain text finds them");
    }

    @Test
    void trainedOnTheDemoPoolAloneTheModelFailsItsHealthCheckAndSaysSo() {
        // Trained on its own 22 records, EM alone found no links at all; the health check catches that and
        // the run falls back (docs/model.md, "Health check") instead of silently linking nothing.
        TokenLinkResult trained = TokenLinker.builder().seed(42).minimumTrainingRecords(2).build()
                .link(tokenise(key("demo key 1")));
        assertTrue(trained.isModelTrained());
        assertTrue(trained.model().trainingNote().contains("health check"), trained.model().trainingNote());
        assertTrue(trained.people().size() < records.size(), "some records are linked");
    }

    @Test
    void linkWithAKeyFileGivesThePeoplePlainTextFindsByReference() throws IOException {
        Path keyFile = dir.resolve("demo.key");
        key("demo key 1").writeKeyFile(keyFile);
        Path metTokens = dir.resolve("met-tokens.csv");
        Path clusters = dir.resolve("people.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), "tokenise", files.get(0).toString(),
                "--key-file", keyFile.toString(), "--out", metTokens.toString()), err.toString());
        List<String> link = new ArrayList<>(List.of("link", metTokens.toString()));
        files.subList(1, files.size()).forEach(f -> link.add(f.toString()));
        link.addAll(List.of("--key-file", keyFile.toString(), "--seed", "42", "--clusters-out", clusters.toString()));
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), link.toArray(String[]::new)),
                err.toString());

        // The Met's references are opaque: name them by the record each is the tombstone of (its reference is
        // the HMAC of force and record id under the key, so tokenising the record again gives it).
        Map<String, String> metIdOfReference = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            if (isMet.get(i)) {
                metIdOfReference.put(Tombstone.of(records.get(i), key("demo key 1"), TombstoneOptions.defaults())
                        .reference(), records.get(i).recordId());
            }
        }
        Map<String, Set<String>> byEntity = new HashMap<>();
        try (Reader in = Files.newBufferedReader(clusters, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String id = row.get("input").equals("met-tokens.csv") ? metIdOfReference.get(row.get("reference"))
                        : row.get("reference");
                assertTrue(id != null, "a Met reference that is no Met record's: " + row);
                byEntity.computeIfAbsent(row.get("entity_id"), e -> new TreeSet<>()).add(id);
            }
        }
        assertEquals(plainPeople, new HashSet<>(byEntity.values()));
        assertTrue(out.toString().contains("people: " + plainPeople.size()), out.toString());
        assertTrue(out.toString().contains("model: bundled token model"), out.toString());
    }
}
