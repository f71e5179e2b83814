package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.synthetic.SyntheticForces;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCommandThreadsTest {
    @TempDir
    Path dir;

    private Path generated() throws IOException {
        Path records = dir.resolve("records.csv");
        try (Writer out = Files.newBufferedWriter(records, StandardCharsets.UTF_8)) {
            SyntheticForces.builder().people(500).seed(21).build().writeCsv(out, new StringWriter());
        }
        return records;
    }

    private List<String> link(Path input, int threads) throws IOException {
        Path run = Files.createDirectory(dir.resolve("threads-" + threads));
        StringWriter out = new StringWriter();
        int exit = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "link", input.toString(),
                "--clusters-out", run.resolve("clusters.csv").toString(),
                "--links-out", run.resolve("links.csv").toString(),
                "--patterns-out", run.resolve("patterns.csv").toString(),
                "--save-model", run.resolve("model.json").toString(),
                "--seed", "4", "--threads", String.valueOf(threads));
        assertEquals(0, exit);
        return List.of(out.toString(), Files.readString(run.resolve("clusters.csv")),
                Files.readString(run.resolve("links.csv")), Files.readString(run.resolve("patterns.csv")),
                Files.readString(run.resolve("model.json")));
    }

    @Test
    void everyOutputIsTheSameByteForByteWhateverTheThreads() throws IOException {
        Path input = generated();
        List<String> one = link(input, 1);
        assertEquals(one, link(input, 2));
        assertEquals(one, link(input, 3));
        assertTrue(one.get(2).lines().count() > 300, "links were written");
    }
}
