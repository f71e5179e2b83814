package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.privacy.DeploymentSecret;
import io.github.palimpsest.privacy.Tombstone;
import io.github.palimpsest.privacy.TombstoneCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokeniseCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path bundledExample(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/io/github/palimpsest/examples/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void keygenThenTokeniseWritesOneVerifiableRowPerRecordWithoutTheKeyInAnyOutput() throws IOException {
        Path key = dir.resolve("deployment.key");
        Path met = bundledExample("met.csv");
        Path tokens = dir.resolve("tokens.csv");
        PrintStream realErr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        int keygen;
        int tokenise;
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            keygen = run("keygen", "--out", key.toString());
            tokenise = run("tokenise", met.toString(), "--key-file", key.toString(), "--out", tokens.toString());
        } finally {
            System.setErr(realErr);
        }
        assertEquals(0, keygen, err.toString());
        assertEquals(0, tokenise, err.toString());
        List<Tombstone> read = TombstoneCsv.read(tokens, DeploymentSecret.load(key));
        assertEquals(Files.readAllLines(met).size() - 1, read.size());
        assertEquals("01", read.get(0).force().orElseThrow());

        String keyLine = Files.readAllLines(key).stream().filter(l -> l.startsWith(DeploymentSecret.KEY_LINE_PREFIX))
                .findFirst().orElseThrow();
        String base64 = keyLine.substring(DeploymentSecret.KEY_LINE_PREFIX.length());
        String everything = out + "\n" + err + "\n" + logged.toString(StandardCharsets.UTF_8) + "\n"
                + Files.readString(tokens);
        assertFalse(everything.contains(base64.substring(0, 16)), "the key reached an output or log");
        assertTrue(err.toString().contains("key id " + DeploymentSecret.load(key).keyId()), err.toString());
        String tokenText = Files.readString(tokens);
        for (String plain : List.of("HALLORAN", "halloran", "Brendan", "brendan", "1971-03-14")) {
            assertFalse(tokenText.contains(plain), plain);
        }
    }

    @Test
    void keygenNeverOverwritesAKey() throws IOException {
        Path key = dir.resolve("k.key");
        assertEquals(0, run("keygen", "--out", key.toString()));
        String before = Files.readString(key);
        assertEquals(Main.EXIT_USAGE, run("keygen", "--out", key.toString()));
        assertTrue(err.toString().contains("already exists"), err.toString());
        assertEquals(before, Files.readString(key));
    }

    @Test
    void aBadKeyFileIsBadInputNamingTheFile() throws IOException {
        Path key = dir.resolve("bad.key");
        Files.writeString(key, DeploymentSecret.KEY_LINE_PREFIX + "c2hvcnQ=\n");
        int code = run("tokenise", bundledExample("met.csv").toString(), "--key-file", key.toString(), "--out",
                dir.resolve("t.csv").toString());
        assertEquals(Main.EXIT_BAD_INPUT, code);
        assertTrue(err.toString().contains(key + ":1: the key decodes to 5 bytes"), err.toString());
        assertFalse(Files.exists(dir.resolve("t.csv")));
    }

    @Test
    void optionsDropTheForceAndEventDate() throws IOException {
        Path key = dir.resolve("k.key");
        assertEquals(0, run("keygen", "--out", key.toString()));
        Path tokens = dir.resolve("tokens.csv");
        assertEquals(0, run("tokenise", bundledExample("met.csv").toString(), "--key-file", key.toString(),
                "--out", tokens.toString(), "--drop-force", "--drop-event-date"), err.toString());
        for (Tombstone t : TombstoneCsv.read(tokens, DeploymentSecret.load(key))) {
            assertTrue(t.force().isEmpty() && t.eventDate().isEmpty());
        }
    }
}
