package io.github.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.palimpsest.febrl.FebrlData;
import io.github.palimpsest.index.LinkIndex;
import io.github.palimpsest.privacy.DeploymentSecret;
import io.github.palimpsest.privacy.TokenLinkResult;
import io.github.palimpsest.privacy.TokenLinker;
import io.github.palimpsest.privacy.Tombstone;
import io.github.palimpsest.privacy.TombstoneOptions;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden outputs: a digest of who is linked to whom, and with what probability, for the batch, token and
 * index pipelines over the demo data and FEBRL3/FEBRL4 (those skip when {@code ../shared} is absent).
 * A refactoring must leave every digest unchanged. A change that is meant to alter linking updates the
 * digest it alters in {@code golden-clusters.properties} in the same commit, and its message says why; the
 * failure message prints the new digest.
 *
 * <p>Dates are judged against a fixed day, so the digests do not drift as the calendar moves.
 */
class GoldenClustersTest {
    private static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);
    private static final List<String> DEMO_FILES = List.of("met.csv", "hampshire.csv", "herts.csv", "sussex.csv");

    @TempDir
    Path dir;

    @Test
    void batchLinkingOfTheDemo() throws IOException {
        check("batch.demo", batch(demoRecords()));
    }

    @Test
    void batchLinkingOfFebrl3() throws IOException {
        check("batch.febrl3", batch(febrl("dataset3.csv")));
    }

    @Test
    void batchLinkingOfFebrl4() throws IOException {
        check("batch.febrl4", batch(febrl("dataset4a.csv", "dataset4b.csv")));
    }

    @Test
    void tokenLinkingOfTheDemo() throws IOException {
        check("tokens.demo", tokens(List.of(demoRecords()), false));
    }

    @Test
    void oneToOneTokenLinkingOfFebrl4() throws IOException {
        check("tokens.febrl4", tokens(List.of(febrl("dataset4a.csv"), febrl("dataset4b.csv")), true));
    }

    @Test
    void indexOfTheDemo() throws IOException {
        check("index.demo", index(demoRecords()));
    }

    @Test
    void indexOfFebrl3() throws IOException {
        check("index.febrl3", index(febrl("dataset3.csv")));
    }

    /** Each record with the sorted record ids of its person, then each link with its probability. */
    private static String batch(List<PersonRecord> records) {
        LinkResult result = Linker.builder().threads(2).build().link(records);
        Map<String, String> personOf = new TreeMap<>();
        for (Entity entity : result.entities()) {
            String members = String.join(" ", entity.recordIds().stream().sorted().toList());
            entity.recordIds().forEach(id -> personOf.put(id, members));
        }
        StringBuilder text = new StringBuilder();
        personOf.forEach((id, members) -> text.append(id).append(',').append(members).append('\n'));
        result.links().stream()
                .map(l -> ordered(l.leftId(), l.rightId()) + String.format(",%.6f", l.probability()))
                .sorted().forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Each group of records is one source; with one-to-one, only records of different sources link. */
    private static String tokens(List<List<PersonRecord>> groups, boolean oneToOne) {
        byte[] key = new byte[DeploymentSecret.MINIMUM_KEY_BYTES];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (31 * i + 7);
        }
        DeploymentSecret secret = DeploymentSecret.fromBytes(key);
        List<Tombstone> tombstones = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (PersonRecord r : groups.get(g)) {
                tombstones.add(Tombstone.of(r, secret, TombstoneOptions.defaults(), r.recordId()));
                sources.add("source " + g);
            }
        }
        TokenLinker linker = TokenLinker.builder().oneToOne(oneToOne).threads(2).build();
        TokenLinkResult result = oneToOne ? linker.link(tombstones, sources) : linker.link(tombstones);
        StringBuilder text = new StringBuilder();
        result.people().stream().flatMap(person -> {
            List<String> references = person.stream().map(Tombstone::reference).sorted().toList();
            return person.stream().map(t -> t.reference() + "," + references);
        }).sorted().forEach(line -> text.append(line).append('\n'));
        result.links().stream()
                .map(l -> ordered(l.left().reference(), l.right().reference())
                        + String.format(",%.6f", l.matchWeight()))
                .sorted().forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    private static String index(List<PersonRecord> records) {
        LinkIndex index = LinkIndex.builder().build();
        records.forEach(index::add);
        Map<String, List<String>> members = new TreeMap<>();
        index.entityIds().forEach((record, entity) -> members.computeIfAbsent(entity, e -> new ArrayList<>())
                .add(record));
        Map<String, String> personOf = new TreeMap<>();
        members.values().forEach(ids -> {
            String joined = String.join(" ", ids.stream().sorted().toList());
            ids.forEach(id -> personOf.put(id, joined));
        });
        StringBuilder text = new StringBuilder();
        personOf.forEach((id, joined) -> text.append(id).append(',').append(joined).append('\n'));
        text.append(index.linkCount()).append('\n');
        return text.toString();
    }

    private static String ordered(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "," + b : b + "," + a;
    }

    private List<PersonRecord> demoRecords() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : DEMO_FILES) {
            Path file = dir.resolve(name);
            try (InputStream in = GoldenClustersTest.class.getResourceAsStream("demo/" + name)) {
                Files.copy(in, file);
            }
            files.add(file);
        }
        return RecordCsvReader.withReferenceDate(REFERENCE_DATE).readRecords(files);
    }

    private static List<PersonRecord> febrl(String... names) {
        assumeTrue(FebrlData.isAvailable(), "FEBRL data absent: " + FebrlData.DIRECTORY);
        return FebrlData.read(true, names).records();
    }

    private static void check(String name, String canonical) throws IOException {
        String digest = sha256(canonical);
        Properties golden = new Properties();
        try (InputStream in = GoldenClustersTest.class.getResourceAsStream("golden-clusters.properties")) {
            golden.load(in);
        }
        assertEquals(golden.getProperty(name), digest, "golden digest of " + name + " changed; if the change "
                + "is meant, set " + name + "=" + digest + " in golden-clusters.properties and say why in the "
                + "commit message");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
