package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 18, command line: no output destroys an input or another output, special files stay special, '-'
 * is standard output, a run's outputs are committed all or nothing, and every temporary file is owner-only
 * and removed.
 */
class OutputSafetyTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path met;
    private Path herts;
    private Path key;

    @BeforeEach
    void files() throws IOException {
        met = example("met.csv");
        herts = example("herts.csv");
        key = dir.resolve("deployment.key");
        assertEquals(0, run("keygen", "--out", key.toString()));
    }

    private Path example(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/io/github/palimpsest/demo/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> left = files.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".partial") || name.endsWith(".old");
            }).toList();
            assertEquals(List.of(), left);
        }
    }

    @Test
    void tokeniseNeverOverwritesItsKeyFile() throws IOException {
        byte[] before = Files.readAllBytes(key);
        assertEquals(Main.EXIT_USAGE, run("tokenise", met.toString(), "--key-file", key.toString(),
                "--out", key.toString()));
        assertArrayEquals(before, Files.readAllBytes(key));
        assertTrue(err.toString().contains("--out " + key) && err.toString().contains("--key-file " + key),
                err.toString());
        assertNoTemporaryFiles();
    }

    @Test
    void linkNeverOverwritesItsInputWhateverTheName() throws IOException {
        byte[] before = Files.readAllBytes(met);
        Path symbolic = Files.createSymbolicLink(dir.resolve("alias.csv"), met);
        Path hard = Files.createLink(dir.resolve("hard.csv"), met);
        Path dotted = dir.resolve("sub/../met.csv");
        Files.createDirectories(dir.resolve("sub"));
        for (Path output : List.of(met, symbolic, hard, dotted)) {
            err.getBuffer().setLength(0);
            assertEquals(Main.EXIT_USAGE, run("link", met.toString(), herts.toString(), "--clusters-out",
                    output.toString()), output.toString());
            assertTrue(err.toString().contains("--clusters-out " + output) && err.toString().contains("input " + met),
                    err.toString());
            assertArrayEquals(before, Files.readAllBytes(met));
        }
        assertTrue(Files.isSymbolicLink(symbolic));
        assertNoTemporaryFiles();
    }

    @Test
    void aModelOrAnotherOutputIsNeverOverwritten() throws IOException {
        Path clusters = dir.resolve("clusters.csv");
        assertEquals(0, run("link", met.toString(), herts.toString(), "--clusters-out", clusters.toString(),
                "--save-model", dir.resolve("m.json").toString()), err.toString());
        byte[] model = Files.readAllBytes(dir.resolve("m.json"));
        assertEquals(Main.EXIT_USAGE, run("link", met.toString(), "--model", dir.resolve("m.json").toString(),
                "--clusters-out", clusters.toString(), "--save-model", dir.resolve("m.json").toString()));
        assertArrayEquals(model, Files.readAllBytes(dir.resolve("m.json")));
        Path alias = Files.createSymbolicLink(dir.resolve("alias-of-clusters.csv"), clusters);
        assertEquals(Main.EXIT_USAGE, run("link", met.toString(), "--clusters-out", clusters.toString(),
                "--links-out", alias.toString()));
        assertTrue(err.toString().contains("--links-out " + alias) && err.toString().contains("--clusters-out"),
                err.toString());
        Path notYet = dir.resolve("new.csv");
        assertEquals(Main.EXIT_USAGE, run("generate", "--people", "3", "--out", notYet.toString(), "--truth",
                dir.resolve(".").resolve("new.csv").toString()));
        assertFalse(Files.exists(notYet));
        assertEquals(Main.EXIT_USAGE, run("normalise", met.toString(), "--out", met.toString()));
        assertEquals(Main.EXIT_USAGE, run("link", met.toString(), "--clusters-out", dir.toString()));
        assertTrue(err.toString().contains("is a directory"), err.toString());
    }

    @Test
    void aDashIsStandardOutputAndTheSummaryGoesToStandardError() throws IOException {
        assertEquals(0, run("link", met.toString(), herts.toString(), "--clusters-out", "-"), err.toString());
        assertTrue(out.toString().startsWith("record_id,entity_id\n"), out.toString());
        assertFalse(out.toString().contains("people:"), out.toString());
        assertTrue(err.toString().contains("people:"), err.toString());
        assertFalse(Files.exists(Path.of("-")), "no file named '-' was written");

        out.getBuffer().setLength(0);
        assertEquals(0, run("normalise", met.toString(), "--out", "-"), err.toString());
        assertEquals(Files.readAllLines(met).size(), out.toString().lines().count());

        assertEquals(Main.EXIT_USAGE, run("link", met.toString(), "--clusters-out", "-", "--links-out", "-"));
        assertEquals(Main.EXIT_USAGE, run("keygen", "--out", "-"));
    }

    @Test
    void aCharacterDeviceStaysADevice() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && Files.isWritable(devNull));
        assertEquals(0, run("link", met.toString(), herts.toString(), "--clusters-out", devNull.toString(),
                "--links-out", devNull.toString()), err.toString());
        assertFalse(Files.isRegularFile(devNull));
        assertTrue(Files.isWritable(devNull));
    }

    @Test
    void aPipeIsWrittenInPlaceAndStaysAPipe() throws Exception {
        Path fifo = dir.resolve("pipe");
        try {
            assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo");
        }
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(0, run("normalise", met.toString(), "--out", fifo.toString()), err.toString());
        String text = reader.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(Files.readAllLines(met).size(), text.lines().count());
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(fifo));
        assertNoTemporaryFiles();
    }

    @Test
    void aRegularOutputIsReplacedKeepingItsPermissionsAndALinkStaysALink() throws IOException {
        Path real = dir.resolve("real-clusters.csv");
        Files.writeString(real, "old\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("clusters.csv"), real);
        assertEquals(0, run("link", met.toString(), herts.toString(), "--clusters-out", link.toString()),
                err.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).startsWith("record_id,entity_id"));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        Path fresh = dir.resolve("fresh.csv");
        assertEquals(0, run("normalise", met.toString(), "--out", fresh.toString()), err.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        assertNoTemporaryFiles();
    }

    private OutputFiles plan(Path... outputs) {
        OutputFiles.Builder builder = OutputFiles.builder(new CommandLine(new Main()));
        for (int i = 0; i < outputs.length; i++) {
            builder.output("--out" + i, outputs[i]);
        }
        return builder.check();
    }

    @Test
    void temporaryFilesAreOwnerOnlyAndGoneWhenTheRunFails() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "old a\n");
        try (OutputFiles files = plan(a, b)) {
            AtomicOutput first = files.open(a);
            first.writer().write("new a\n");
            files.open(b).writer().write("new b\n");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.temporary())));
            // The run fails here: the outputs are never committed.
        }
        assertEquals("old a\n", Files.readString(a));
        assertFalse(Files.exists(b));
        assertNoTemporaryFiles();
    }

    @Test
    void whenOneOutputCannotBeMovedIntoPlaceNoneIsChanged() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "old a\n");
        try (OutputFiles files = plan(a, b)) {
            files.open(a).writer().write("new a\n");
            files.open(b).writer().write("new b\n");
            // Something else makes b a non-empty directory before the commit: its rename must fail.
            Files.createDirectories(b.resolve("in-the-way"));
            assertThrows(IOException.class, files::commit);
        }
        assertEquals("old a\n", Files.readString(a));
        assertTrue(Files.isDirectory(b));
        Files.delete(b.resolve("in-the-way"));
        assertNoTemporaryFiles();
    }

    @Test
    void aStopSignalAbandonsTheRun() throws IOException {
        Path a = dir.resolve("a.csv");
        Files.writeString(a, "old a\n");
        try (OutputFiles files = plan(a)) {
            files.open(a).writer().write("new a\n");
            files.abort(); // what the SIGINT/SIGTERM shutdown hook does
            assertNoTemporaryFiles();
            assertThrows(IOException.class, files::commit);
        }
        assertEquals("old a\n", Files.readString(a));
    }

    @Test
    void severalOutputsAreCommittedTogether() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "old a\n");
        try (OutputFiles files = plan(a, b)) {
            files.open(a).writer().write("new a\n");
            files.open(b).writer().write("new b\n");
            assertEquals("old a\n", Files.readString(a), "nothing changes before the commit");
            assertFalse(Files.exists(b));
            files.commit();
        }
        assertEquals("new a\n", Files.readString(a));
        assertEquals("new b\n", Files.readString(b, StandardCharsets.UTF_8));
        assertNoTemporaryFiles();
    }

    @Test
    void dashAsAFileNameNeverAppears() {
        List<String> args = new ArrayList<>(List.of("generate", "--people", "2", "--out", "-", "--truth",
                dir.resolve("t.csv").toString()));
        assertEquals(0, run(args.toArray(String[]::new)), err.toString());
        assertTrue(out.toString().startsWith("record_id,"), out.toString());
        assertTrue(err.toString().contains("wrote"), err.toString());
    }
}
