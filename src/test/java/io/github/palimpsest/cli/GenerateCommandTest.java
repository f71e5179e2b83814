package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    private int generate(String name, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("generate", "--people", "200", "--seed", "42",
                "--out", dir.resolve(name + ".csv").toString(), "--truth", dir.resolve(name + "-truth.csv").toString()));
        args.addAll(List.of(extra));
        return Main.run(args.toArray(new String[0]));
    }

    @Test
    void writesRecordsAndTruthThatAgree() throws IOException {
        assertEquals(Main.EXIT_OK, generate("a", "--forces", "01,48,93", "--profile", "hard"));
        List<String> records = Files.readAllLines(dir.resolve("a.csv"), StandardCharsets.UTF_8);
        List<String> truth = Files.readAllLines(dir.resolve("a-truth.csv"), StandardCharsets.UTF_8);
        assertTrue(records.get(0).startsWith("record_id,force,full_name,forename,middle_names,surname,aliases,dob"));
        assertEquals("record_id,entity_id", truth.get(0));
        assertEquals(truth.size(), records.stream().filter(l -> l.matches("^(01|48|93)-\\d{7},.*")).count() + 1);
        Set<String> entities = new HashSet<>();
        for (String line : truth.subList(1, truth.size())) {
            assertTrue(line.matches("(01|48|93)-\\d{7},P\\d{7}"), line);
            entities.add(line.split(",")[1]);
        }
        assertEquals(200, entities.size());
    }

    @Test
    void sameSeedWritesTheSameBytes() throws IOException {
        assertEquals(Main.EXIT_OK, generate("a"));
        assertEquals(Main.EXIT_OK, generate("b"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a-truth.csv")), Files.readAllBytes(dir.resolve("b-truth.csv")));
    }

    @Test
    void unknownProfileIsAUsageError() {
        assertEquals(Main.EXIT_USAGE, generate("c", "--profile", "nasty"));
    }

    @Test
    void invalidForceCodeIsAUsageError() {
        assertEquals(Main.EXIT_USAGE, generate("d", "--forces", "01,not a code"));
    }

    @Test
    void anOutputThatCannotBeCreatedIsRefusedBeforeAnyWork() throws IOException {
        Files.writeString(dir.resolve("plain"), "a file, not a directory");
        int code = Main.run("generate", "--people", "5", "--out", dir.resolve("plain/r.csv").toString(),
                "--truth", dir.resolve("t.csv").toString());
        assertEquals(Main.EXIT_USAGE, code);
        assertFalse(Files.exists(dir.resolve("t.csv")), "nothing was written");
    }

    @Test
    void missingDirectoriesOfAnOutputAreCreated() {
        assertEquals(Main.EXIT_OK, Main.run("generate", "--people", "5", "--out",
                dir.resolve("new/dir/r.csv").toString(), "--truth", dir.resolve("t.csv").toString()));
    }
}
