package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: a run stopped by SIGTERM in the middle of writing (a child JVM) leaves its outputs as they
 * were and no temporary file.
 */
class InterruptedRunTest {
    @TempDir
    Path dir;

    private List<Path> partials() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    @Test
    void aRunStoppedWhileWritingChangesNoOutputAndLeavesNoTemporaryFile() throws Exception {
        Optional<String> java = ProcessHandle.current().info().command();
        assumeTrue(java.isPresent(), "the java command of this JVM is not known");
        Path records = dir.resolve("records.csv");
        Path truth = dir.resolve("truth.csv");
        Files.writeString(records, "the previous records\n");
        // Far more people than can be written before the signal: the run is always stopped while writing.
        Process child = new ProcessBuilder(java.get(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "generate", "--people", "50000000", "--out", records.toString(),
                "--truth", truth.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && child.isAlive()
                    && partials().stream().noneMatch(p -> p.toFile().length() > 0)) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive(), "the run was still writing: " + Files.readString(dir.resolve("child.log")));
            assertFalse(partials().isEmpty(), "the run had started writing");
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertNotEquals(0, child.exitValue());
        assertEquals("the previous records\n", Files.readString(records));
        assertFalse(Files.exists(truth));
        assertEquals(List.of(), partials());
    }
}
