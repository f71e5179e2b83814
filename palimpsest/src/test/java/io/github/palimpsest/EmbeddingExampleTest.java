package io.github.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example of the README and docs/pipeline.md, line for line, on the demo's files. */
class EmbeddingExampleTest {

    @Test
    void recordsInPeopleWithPatternsAndExplanationsOut(@TempDir Path dir) throws IOException {
        for (String name : List.of("met.csv", "herts.csv")) {
            try (InputStream in = getClass().getResourceAsStream("/io/github/palimpsest/demo/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        Path met = dir.resolve("met.csv");
        Path herts = dir.resolve("herts.csv");
        List<String> printed = new ArrayList<>();

        // --- the example ---
        List<PersonRecord> records = RecordCsvReader.create().readRecords(List.of(met, herts));
        Linker linker = Linker.builder().thresholdProbability(0.95).seed(42).build();   // immutable, thread-safe
        LinkResult result = linker.link(records);
        for (Entity person : result.entities()) {
            if (person.isSeenByMoreThanOneForce()) {
                for (PatternEvent e : person.pattern().events()) {
                    printed.add(person.id() + " " + e.date().orElse(null) + " " + e.forceName() + " "
                            + e.eventType() + " " + e.recordId() + " " + e.linkedByText());
                }
            }
        }
        for (Link link : result.links()) {
            printed.add(link.leftId() + " ~ " + link.rightId() + ": " + link.explanation().summary());
        }
        // --- end of the example ---

        assertEquals(records.size(), result.entities().stream().mapToInt(Entity::size).sum());
        assertFalse(printed.isEmpty());
        assertTrue(printed.stream().anyMatch(line -> line.contains("Hertfordshire")), printed.toString());
        assertTrue(printed.stream().anyMatch(line -> line.contains(" → ")), printed.toString());
    }
}
