package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.block.PersonBlockingRules;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys built in place ({@link KeyText}) hash exactly as the strings the same rules give any other sink: the
 * blocks, and so the candidate pairs, cannot depend on which sink asked.
 */
class KeyTextTest {
    @TempDir
    Path dir;

    @Test
    void everyStandardRuleAndTheNeighbourTokensHashAsTheirStrings() throws IOException {
        List<ComparableRecord> records = demoRecords();
        long keys = 0;
        for (BlockingRule<ComparableRecord> rule : PersonBlockingRules.standard()) {
            keys += check(rule.name(), records, rule::keys);
            keys += check(rule.name() + " split", records, rule::splitKeys);
        }
        keys += check("neighbour tokens", records, PersonKind::neighbourTokens);
        assertTrue(keys > 1_000, "the demo records give many keys: " + keys);
    }

    @Test
    void aBuilderLentByNoSinkGivesItsString() {
        List<String> got = new ArrayList<>();
        Consumer<String> sink = got::add;
        StringBuilder key = KeyText.start(sink);
        key.append("ab").append('|').append(1961);
        KeyText.accept(sink, key);
        assertEquals(List.of("ab|1961"), got);
    }

    private static long check(String what, List<ComparableRecord> records,
            BiConsumer<ComparableRecord, Consumer<String>> keysOf) {
        long count = 0;
        for (ComparableRecord record : records) {
            List<Long> expected = new ArrayList<>();
            keysOf.accept(record, key -> {
                if (key != null && !key.isEmpty()) {
                    expected.add(KeyBuffer.hash64(key));
                }
            });
            List<Long> hashed = new ArrayList<>();
            keysOf.accept(record, new KeyText.Hashing() {
                @Override
                void acceptHash(long hash) {
                    hashed.add(hash);
                }
            });
            assertEquals(expected, hashed, what + " of record " + record.recordId());
            count += expected.size();
        }
        return count;
    }

    private List<ComparableRecord> demoRecords() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("met.csv", "hampshire.csv", "herts.csv", "sussex.csv")) {
            Path file = dir.resolve(name);
            try (InputStream in = PersonRecord.class.getResourceAsStream("/io/github/palimpsest/demo/" + name)) {
                Files.copy(in, file);
            }
            files.add(file);
        }
        List<ComparableRecord> records = new ArrayList<>();
        // The demo has no e-mail, warrant or other identifier: one fictional record with each.
        records.add(ComparableRecord.of(PersonRecord.builder().recordId("X1").sourceName("test").forename("Robin")
                .surname("Testperson").dob("1961-03-14").email("robin.testperson@example.org")
                .warrantNumber("WX1234567").phone("07700 900123").identifier("passport", "123456789")
                .postcode("ZZ99 9ZZ").address("12 Example Street, Nowhere").build()));
        for (PersonRecord record : RecordCsvReader.withReferenceDate(LocalDate.of(2025, 1, 1)).readRecords(files)) {
            records.add(ComparableRecord.of(record));
        }
        return records;
    }
}
