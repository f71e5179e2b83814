package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.InputException;
import io.github.palimpsest.record.PersonRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentSecretTest {

    @TempDir
    Path dir;

    private static final byte[] KEY = "a fictional 32-byte test key!!!!".getBytes(StandardCharsets.US_ASCII);

    /** Every way the key bytes could be written out: none of these may appear in any message. */
    private static List<String> spellingsOf(byte[] key) {
        return List.of(Base64.getEncoder().encodeToString(key), Base64.getUrlEncoder().encodeToString(key),
                HexFormat.of().formatHex(key), HexFormat.of().withUpperCase().formatHex(key),
                new String(key, StandardCharsets.ISO_8859_1), java.util.Arrays.toString(key));
    }

    private static void assertNoKeyIn(String text, byte[] key) {
        for (String spelling : spellingsOf(key)) {
            assertFalse(text.contains(spelling), "the key leaked into: " + text);
        }
        // Also no long fragment of the Base64 form (a truncated echo of the key line).
        String b64 = Base64.getEncoder().encodeToString(key);
        for (int i = 0; i + 12 <= b64.length(); i++) {
            assertFalse(text.contains(b64.substring(i, i + 12)), "a fragment of the key leaked into: " + text);
        }
    }

    @Test
    void aWrittenKeyFileLoadsToTheSameKey() throws IOException {
        DeploymentSecret secret = DeploymentSecret.generate();
        Path file = dir.resolve("deployment.key");
        secret.writeKeyFile(file);
        DeploymentSecret loaded = DeploymentSecret.load(file);
        assertEquals(secret.keyId(), loaded.keyId());
        PersonRecord r = PersonRecord.builder().recordId("X1").forename("Ada").surname("Quill").pncId("79/163001B")
                .build();
        assertEquals(Tombstone.of(r, secret, TombstoneOptions.defaults()),
                Tombstone.of(r, loaded, TombstoneOptions.defaults()));
    }

    @Test
    void keyFilesAreWrittenForTheOwnerOnlyAndNeverOverwritten() throws IOException {
        Path file = dir.resolve("k.key");
        DeploymentSecret.generate().writeKeyFile(file);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        String before = Files.readString(file);
        assertThrows(FileAlreadyExistsException.class, () -> DeploymentSecret.generate().writeKeyFile(file));
        assertEquals(before, Files.readString(file));
        assertEquals(List.of(file), filesIn(dir));
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aKeyFileIsNeverWrittenThroughALinkOrOverAnotherKindOfFile() throws IOException {
        // A dangling symbolic link: writing through it would create a key where the link points.
        Path elsewhere = dir.resolve("elsewhere.key");
        Path link = Files.createSymbolicLink(dir.resolve("link.key"), elsewhere);
        assertThrows(FileAlreadyExistsException.class, () -> DeploymentSecret.generate().writeKeyFile(link));
        assertFalse(Files.exists(elsewhere));
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThrows(FileAlreadyExistsException.class, () -> DeploymentSecret.generate().writeKeyFile(sub));
        assertEquals(List.of(link, sub), filesIn(dir));
    }

    @Test
    void aKeyFileThatCannotBeNamedLeavesNothingBehind() throws IOException {
        // A name too long for the file system: the temporary file is made and written, the final name fails.
        Path tooLong = dir.resolve("k".repeat(300));
        assertThrows(IOException.class, () -> DeploymentSecret.generate().writeKeyFile(tooLong));
        assertEquals(List.of(), filesIn(dir));
    }

    @Test
    void missingDirectoriesOfAKeyFileAreCreated() throws IOException {
        Path file = dir.resolve("a/b/k.key");
        DeploymentSecret secret = DeploymentSecret.generate();
        secret.writeKeyFile(file);
        assertEquals(secret.keyId(), DeploymentSecret.load(file).keyId());
        assertEquals(List.of(file), filesIn(file.getParent()));
    }

    @Test
    void commentsAndBlankLinesAreIgnoredAndPaddingIsOptional() throws IOException {
        Path file = dir.resolve("k.key");
        String b64 = Base64.getEncoder().withoutPadding().encodeToString(KEY);
        Files.writeString(file, "\uFEFF# a comment\n\n  " + DeploymentSecret.KEY_LINE_PREFIX + b64 + "  \n# end\n");
        assertEquals(DeploymentSecret.fromBytes(KEY).keyId(), DeploymentSecret.load(file).keyId());
    }

    @Test
    void differentKeysHaveDifferentKeyIdsAndTheKeyIdIsNotTheKey() {
        DeploymentSecret a = DeploymentSecret.fromBytes(KEY);
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertNotEquals(a.keyId(), DeploymentSecret.fromBytes(other).keyId());
        assertTrue(a.keyId().matches("[0-9a-f]{16}"));
        assertFalse(HexFormat.of().formatHex(KEY).contains(a.keyId()));
    }

    @Test
    void malformedKeyFilesGiveAClearErrorWithoutTheirContent() throws IOException {
        String good = Base64.getEncoder().encodeToString(KEY);
        String shortKey = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(KEY, 16));
        check("", "no key line");
        check("# only a comment\n", "no key line");
        check(good + "\n", "1: not a key line");
        check(DeploymentSecret.KEY_LINE_PREFIX + "!!" + good + "\n", "1: the key is not valid base64");
        check("#\n" + DeploymentSecret.KEY_LINE_PREFIX + shortKey + "\n", "2: the key decodes to 16 bytes");
        check(DeploymentSecret.KEY_LINE_PREFIX + good + "\n" + DeploymentSecret.KEY_LINE_PREFIX + good + "\n",
                "2: a second key line");
        InputException missing = assertThrows(InputException.class,
                () -> DeploymentSecret.load(dir.resolve("absent.key")));
        assertTrue(missing.getMessage().contains("key file not found"), missing.getMessage());
    }

    private void check(String content, String expected) throws IOException {
        Path file = dir.resolve("bad-" + Integer.toHexString(content.hashCode()) + ".key");
        Files.writeString(file, content);
        InputException e = assertThrows(InputException.class, () -> DeploymentSecret.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertNoKeyIn(e.getMessage(), KEY);
        assertNoKeyIn(e.getMessage(), java.util.Arrays.copyOf(KEY, 16));
    }

    @Test
    void theSecretNeverReachesToStringOrExceptionMessages() {
        DeploymentSecret secret = DeploymentSecret.fromBytes(KEY);
        assertNoKeyIn(secret.toString(), KEY);
        assertTrue(secret.toString().contains(secret.keyId()));
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> DeploymentSecret.fromBytes(java.util.Arrays.copyOf(KEY, 31)));
        assertNoKeyIn(tooShort.getMessage(), java.util.Arrays.copyOf(KEY, 31));
        PersonRecord r = PersonRecord.builder().recordId("X1").forename("Ada").surname("Quill").build();
        Tombstone t = Tombstone.of(r, secret, TombstoneOptions.defaults());
        assertNoKeyIn(t.toString(), KEY);
    }

    @Test
    void aDestroyedSecretIsWipedAndRefusesWork() {
        byte[] key = KEY.clone();
        DeploymentSecret secret = DeploymentSecret.fromBytes(key);
        secret.destroy();
        assertTrue(secret.isDestroyed());
        PersonRecord r = PersonRecord.builder().recordId("X1").forename("Ada").build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Tombstone.of(r, secret, TombstoneOptions.defaults()));
        assertNoKeyIn(e.getMessage(), KEY);
        assertThrows(IllegalStateException.class, () -> secret.writeKeyFile(dir.resolve("after.key")));
        assertTrue(secret.toString().contains("destroyed"));
    }
}
