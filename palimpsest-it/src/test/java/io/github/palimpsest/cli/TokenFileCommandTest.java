package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.palimpsest.privacy.DeploymentSecret;
import io.github.palimpsest.privacy.Tombstone;
import io.github.palimpsest.privacy.TombstoneCsv;
import io.github.palimpsest.privacy.VersionTwoFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, token files and keys through the command line: {@code link} refuses a token file that lost,
 * repeated, reordered or changed a row (exit 1, naming the file and line) and writes nothing; a file of the
 * previous format is refused saying how to make it again, and {@code tokenise --upgrade} makes it again;
 * {@code keygen} never replaces a file and leaves no temporary file.
 */
class TokenFileCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path key;
    private Path tokens;
    private Path herts;
    private List<String> lines;

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path example(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/io/github/palimpsest/examples/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @BeforeEach
    void tokeniseAFile() throws IOException {
        key = dir.resolve("deployment.key");
        tokens = dir.resolve("met-tokens.csv");
        herts = example("herts.csv");
        assertEquals(0, run("keygen", "--out", key.toString()), err.toString());
        assertEquals(0, run("tokenise", example("met.csv").toString(), "--key-file", key.toString(), "--out",
                tokens.toString()), err.toString());
        lines = Files.readAllLines(tokens);
        assertTrue(lines.size() >= 5, "a few rows to alter");
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    /** Links an altered copy of the token file with the plain file: refused, exit 1, naming file and line. */
    private String linkRefuses(String name, UnaryOperator<List<String>> change, String expected) throws IOException {
        Path altered = dir.resolve(name);
        Files.write(altered, change.apply(new ArrayList<>(lines)));
        Path clusters = dir.resolve("clusters-" + name);
        err.getBuffer().setLength(0);
        int code = run("link", altered.toString(), herts.toString(), "--key-file", key.toString(), "--clusters-out",
                clusters.toString());
        assertEquals(Main.EXIT_BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains(altered + ":"), err.toString());
        assertTrue(err.toString().contains(expected), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(clusters), "nothing written");
        assertEquals(List.of(), temporaryFiles());
        return err.toString();
    }

    @Test
    void theUntouchedTokenFileLinks() throws IOException {
        Path clusters = dir.resolve("clusters.csv");
        assertEquals(0, run("link", tokens.toString(), herts.toString(), "--key-file", key.toString(),
                "--clusters-out", clusters.toString()), err.toString());
        assertEquals(lines.size() - 2 + Files.readAllLines(herts).size() - 1, Files.readAllLines(clusters).size() - 1);
    }

    @Test
    void aDeletedRowIsRefused() throws IOException {
        linkRefuses("deleted.csv", l -> {
            l.remove(3);
            return l;
        }, "rows its integrity line (line 1) declares");
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path cut = dir.resolve("cut.csv");
        String whole = Files.readString(tokens);
        linkRefuses("cut-row.csv", l -> l.subList(0, l.size() - 1), "it is truncated");
        Files.writeString(cut, whole.substring(0, whole.length() - 30));
        err.getBuffer().setLength(0);
        assertEquals(Main.EXIT_BAD_INPUT, run("link", cut.toString(), herts.toString(), "--key-file", key.toString(),
                "--clusters-out", dir.resolve("c.csv").toString()));
        assertTrue(err.toString().contains(cut + ":" + lines.size() + ": "), err.toString());
    }

    @Test
    void aRepeatedRowIsRefused() throws IOException {
        linkRefuses("repeated.csv", l -> {
            l.add(l.get(2));
            return l;
        }, "more rows than the");
        linkRefuses("duplicate.csv", l -> {
            l.set(4, l.get(2));
            return l;
        }, ":5: the reference is the same as line 3's");
    }

    @Test
    void reorderedRowsAreRefused() throws IOException {
        linkRefuses("reordered.csv", l -> {
            String third = l.get(2);
            l.set(2, l.get(3));
            l.set(3, third);
            return l;
        }, ":1: the file's integrity check (mac on line 1) does not match its rows");
    }

    @Test
    void anEditedRowIsRefused() throws IOException {
        int eventDate = TombstoneCsv.COLUMNS.indexOf("event_date");
        linkRefuses("edited.csv", l -> {
            String[] fields = l.get(3).split(",", -1);
            fields[eventDate] = "2001-01-01".equals(fields[eventDate]) ? "2001-01-02" : "2001-01-01";
            l.set(3, String.join(",", fields));
            return l;
        }, ":4: the integrity tag does not match the row");
    }

    @Test
    void aFileOfThePreviousFormatIsRefusedAndUpgradeMakesItAgain() throws IOException {
        DeploymentSecret secret = DeploymentSecret.load(key);
        List<Tombstone> made = TombstoneCsv.read(tokens, secret);
        Path old = dir.resolve("old-tokens.csv");
        VersionTwoFiles.write(old, made, secret);
        lines = Files.readAllLines(old);
        String message = linkRefuses("old.csv", l -> l, ":1: a palimpsest-tombstone/2 file");
        assertTrue(message.contains("tokenise --upgrade"), message);

        Path upgraded = dir.resolve("upgraded.csv");
        assertEquals(0, run("tokenise", "--upgrade", old.toString(), "--key-file", key.toString(), "--out",
                upgraded.toString()), err.toString());
        assertTrue(err.toString().contains("upgraded " + made.size() + " rows"), err.toString());
        assertEquals(VersionTwoFiles.asUpgraded(made, secret), TombstoneCsv.read(upgraded, secret));

        err.getBuffer().setLength(0);
        assertEquals(Main.EXIT_BAD_INPUT, run("tokenise", "--upgrade", tokens.toString(), "--key-file",
                key.toString(), "--out", dir.resolve("again.csv").toString()));
        assertTrue(err.toString().contains("needs no upgrade"), err.toString());
        assertEquals(Main.EXIT_USAGE, run("tokenise", "--upgrade", old.toString(), "--drop-force", "--key-file",
                key.toString(), "--out", dir.resolve("again.csv").toString()));
        assertFalse(Files.exists(dir.resolve("again.csv")));
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void aFileOfFormatThreeIsRefusedAndUpgradeKeepsItsTombstonesWithoutTheCrosswiseFilter() throws IOException {
        DeploymentSecret secret = DeploymentSecret.load(key);
        List<Tombstone> made = TombstoneCsv.read(tokens, secret);
        Path old = dir.resolve("v3-tokens.csv");
        VersionTwoFiles.writeVersionThree(old, made, secret);
        lines = Files.readAllLines(old);
        String message = linkRefuses("v3.csv", l -> l, ":1: a palimpsest-tombstone/3 file");
        assertTrue(message.contains("tokenise --upgrade"), message);

        Path upgraded = dir.resolve("upgraded.csv");
        err.getBuffer().setLength(0);
        assertEquals(0, run("tokenise", "--upgrade", old.toString(), "--key-file", key.toString(), "--out",
                upgraded.toString()), err.toString());
        assertTrue(err.toString().contains("upgraded " + made.size() + " rows"), err.toString());
        assertEquals(VersionTwoFiles.asUpgraded(made, secret), TombstoneCsv.read(upgraded, secret));
        // Upgrading what an upgrade wrote is refused: it is of the current format.
        err.getBuffer().setLength(0);
        assertEquals(Main.EXIT_BAD_INPUT, run("tokenise", "--upgrade", upgraded.toString(), "--key-file",
                key.toString(), "--out", dir.resolve("again.csv").toString()));
        assertTrue(err.toString().contains("needs no upgrade"), err.toString());
    }

    @Test
    void anAlteredRowOfAnOldFileIsNotUpgraded() throws IOException {
        DeploymentSecret secret = DeploymentSecret.load(key);
        Path old = dir.resolve("old-tokens.csv");
        VersionTwoFiles.write(old, TombstoneCsv.read(tokens, secret), secret);
        List<String> oldLines = new ArrayList<>(Files.readAllLines(old));
        oldLines.set(2, oldLines.get(2).replace(",01,", ",02,"));
        Files.write(old, oldLines);
        Path upgraded = dir.resolve("upgraded.csv");
        assertEquals(Main.EXIT_BAD_INPUT, run("tokenise", "--upgrade", old.toString(), "--key-file", key.toString(),
                "--out", upgraded.toString()));
        assertTrue(err.toString().contains(old + ":3: the integrity tag does not match"), err.toString());
        assertFalse(Files.exists(upgraded));
    }

    @Test
    void tokeniseNeverWritesOverItsKeyWhateverTheName() throws IOException {
        byte[] before = Files.readAllBytes(key);
        Path link = Files.createSymbolicLink(dir.resolve("key-link"), key);
        Path hard = Files.createLink(dir.resolve("key-hard"), key);
        for (Path name : List.of(link, hard, dir.resolve("sub/../deployment.key"))) {
            err.getBuffer().setLength(0);
            assertEquals(Main.EXIT_USAGE, run("tokenise", herts.toString(), "--key-file", key.toString(), "--out",
                    name.toString()), name.toString());
            assertTrue(err.toString().contains("--key-file " + key), err.toString());
        }
        assertArrayEquals(before, Files.readAllBytes(key));
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void keygenRefusesAnyExistingNameWithExitTwoAndLeavesNothing() throws IOException {
        byte[] before = Files.readAllBytes(key);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.key"), dir.resolve("nowhere.key"));
        Path directory = Files.createDirectory(dir.resolve("keys"));
        for (Path existing : List.of(key, dangling, directory)) {
            err.getBuffer().setLength(0);
            assertEquals(Main.EXIT_USAGE, run("keygen", "--out", existing.toString()), existing.toString());
            assertTrue(err.toString().contains("--out " + existing), err.toString());
        }
        assertArrayEquals(before, Files.readAllBytes(key));
        assertFalse(Files.exists(dir.resolve("nowhere.key")));
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void keygenRefusesAPipeWithoutOpeningIt() throws IOException, InterruptedException {
        Path fifo = dir.resolve("fifo.key");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        // Opening a pipe for writing would block with no reader: refusing it must not open it.
        assertEquals(Main.EXIT_USAGE, run("keygen", "--out", fifo.toString()));
        assertTrue(err.toString().contains("already exists"), err.toString());
    }

    @Test
    void aNewKeyIsOwnerOnlyAndItsDirectoriesAreMade() throws IOException {
        Path fresh = dir.resolve("new/keys/k.key");
        assertEquals(0, run("keygen", "--out", fresh.toString()), err.toString());
        assumeTrue(Files.getFileStore(fresh).supportsFileAttributeView("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        try (Stream<Path> files = Files.list(fresh.getParent())) {
            assertEquals(List.of(fresh), files.toList());
        }
    }

    @Test
    void keygenIntoADirectoryItCannotWriteIsRefusedBeforeAKeyIsMade() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        assumeTrue(Files.getFileStore(locked).supportsFileAttributeView("posix"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeTrue(!Files.isWritable(locked), "running as a user who can write anywhere");
            assertEquals(Main.EXIT_USAGE, run("keygen", "--out", locked.resolve("k.key").toString()));
            assertTrue(err.toString().contains("is not writable"), err.toString());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
        try (Stream<Path> files = Files.list(locked)) {
            assertEquals(0, files.count());
        }
    }
}
