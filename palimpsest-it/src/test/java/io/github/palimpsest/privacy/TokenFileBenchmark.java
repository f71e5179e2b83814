package io.github.palimpsest.privacy;

import io.github.palimpsest.record.PersonRecord;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Times writing and reading a large token file with its integrity checks (not a test; run by hand, see
 * docs/privacy.md, "Performance"). Tokenises {@code rows} fictional records, writes them to {@code file},
 * then reads the file with the key three times, streaming and into a list, printing wall and CPU time of
 * the reading thread (CPU time is the figure to compare on a shared machine).
 *
 * <p>Arguments: {@code [rows] [file]}, default 100,000 and {@code target/token-benchmark.csv}.
 */
public final class TokenFileBenchmark {

    private TokenFileBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path file = Path.of(args.length > 1 ? args[1] : "target/token-benchmark.csv");
        DeploymentSecret secret = DeploymentSecret.generate();
        List<Tombstone> tombstones = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            PersonRecord r = PersonRecord.builder().recordId("R" + i).force("Met").forename("Ada" + i % 500)
                    .surname("Quill" + i % 3000).dob("1979-06-" + (10 + i % 18)).pncId("79/163001B")
                    .postcode("SW1A 1AA").address(i + " Acacia Avenue").build();
            tombstones.add(Tombstone.of(r, secret, TombstoneOptions.defaults()));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            TombstoneCsv.write(out, tombstones, secret);
        }
        System.out.printf(Locale.ROOT, "wrote %,d rows, %,d bytes, CPU %.2f s%n", rows, Files.size(file),
                (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        tombstones = null;
        for (int round = 0; round < 3; round++) {
            long wall = System.nanoTime();
            cpu = threads.getCurrentThreadCpuTime();
            long read = TombstoneCsv.read(file, Optional.of(secret), t -> { });
            double streamWall = (System.nanoTime() - wall) / 1e9;
            double streamCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            wall = System.nanoTime();
            cpu = threads.getCurrentThreadCpuTime();
            int listed = TombstoneCsv.read(file, secret).size();
            System.out.printf(Locale.ROOT, "read %,d rows streaming: %.2f s (CPU %.2f s); into a list of %,d: "
                    + "%.2f s (CPU %.2f s)%n", read, streamWall, streamCpu, listed, (System.nanoTime() - wall) / 1e9,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
        Files.deleteIfExists(file);
    }
}
