package io.github.palimpsest.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.record.InputException;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.security.auth.Destroyable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment's secret key, from which every token and Bloom-filter key is derived (HKDF, RFC 5869).
 * Whoever holds it can test guesses against tokens, so it lives apart from the token store, and the same
 * secret must be used by everyone whose tokens should link.
 *
 * <p><b>Key file format</b> (UTF-8 text): lines that are blank or start with {@code #} are comments;
 * exactly one other line must be {@code palimpsest-secret-v1:} followed by the standard Base64 (RFC 4648
 * §4, padding optional) of at least {@value #MINIMUM_KEY_BYTES} random bytes. {@link #writeKeyFile(Path)}
 * writes such a file with owner-only permissions.
 * <pre>{@code
 * # Palimpsest deployment secret: keep it apart from token files.
 * palimpsest-secret-v1:3q2+7w8AAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
 * }</pre>
 *
 * <p>The key bytes never appear in {@link #toString()}, in exception messages or in logs; the only
 * public handle on the key is {@link #keyId()}, a non-secret fingerprint derived by HKDF. Thread-safe;
 * {@link #destroy()} overwrites the key bytes this object holds, after which every use fails.
 */
public final class DeploymentSecret implements Destroyable {

    /** The fewest random bytes a key may have: 256 bits, the HMAC-SHA-256 key size. */
    public static final int MINIMUM_KEY_BYTES = 32;
    /** The most bytes a key may have; longer keys add nothing to HMAC-SHA-256. */
    static final int MAXIMUM_KEY_BYTES = 1024;
    /** The prefix of the key line in a key file, naming the format version. */
    public static final String KEY_LINE_PREFIX = "palimpsest-secret-v1:";

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentSecret.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final KeySchedule schedule;
    private final String keyId;
    private final Tokeniser tokeniser;
    private volatile boolean destroyed;

    private DeploymentSecret(byte[] key) {
        this.key = key;
        this.schedule = new KeySchedule(key);
        this.keyId = hex(schedule.expand("key-id", 8));
        this.tokeniser = new Tokeniser(schedule, keyId);
    }

    /** A new secret of {@value #MINIMUM_KEY_BYTES} bytes from {@link SecureRandom}. */
    public static DeploymentSecret generate() {
        byte[] bytes = new byte[MINIMUM_KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return new DeploymentSecret(bytes);
    }

    /**
     * A secret from key bytes held elsewhere (a key vault, a test). The bytes are copied; the caller should
     * overwrite its own copy.
     *
     * @throws IllegalArgumentException if there are fewer than {@value #MINIMUM_KEY_BYTES} or more than
     *                                  1024 bytes (the message gives the length, never the bytes)
     */
    public static DeploymentSecret fromBytes(byte[] key) {
        checkNotNull(key, "key");
        checkArgument(key.length >= MINIMUM_KEY_BYTES && key.length <= MAXIMUM_KEY_BYTES,
                "a deployment secret needs %s to %s bytes, got %s", MINIMUM_KEY_BYTES, MAXIMUM_KEY_BYTES, key.length);
        return new DeploymentSecret(key.clone());
    }

    /**
     * Reads a key file (format in the class description). Logs a warning, naming only the file, when
     * others than its owner may read it.
     *
     * @throws InputException naming the file (and line) when it is missing, unreadable or malformed; the
     *                        message never contains any part of the file's content
     */
    public static DeploymentSecret load(Path keyFile) {
        checkNotNull(keyFile, "keyFile");
        List<String> lines;
        try {
            lines = Files.readAllLines(keyFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(keyFile, 0, "key file not found; make one with 'palimpsest keygen --out "
                    + keyFile + "'");
        } catch (IOException e) {
            // The exception class only: some I/O messages quote what was read.
            throw new InputException(keyFile, 0, "key file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        warnIfReadableByOthers(keyFile);
        byte[] decoded = null;
        int keyLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!line.startsWith(KEY_LINE_PREFIX)) {
                throw new InputException(keyFile, i + 1, "not a key line; expected '" + KEY_LINE_PREFIX
                        + "<base64 of at least " + MINIMUM_KEY_BYTES + " random bytes>' or a '#' comment");
            }
            if (decoded != null) {
                throw new InputException(keyFile, i + 1, "a second key line (the first is line " + keyLine
                        + "); a key file holds exactly one key");
            }
            decoded = decode(keyFile, i + 1, line.substring(KEY_LINE_PREFIX.length()));
            keyLine = i + 1;
        }
        if (decoded == null) {
            throw new InputException(keyFile, 0, "no key line; expected '" + KEY_LINE_PREFIX
                    + "<base64 of at least " + MINIMUM_KEY_BYTES + " random bytes>'");
        }
        return new DeploymentSecret(decoded);
    }

    private static byte[] decode(Path file, int line, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new InputException(file, line, "the key is not valid base64 (RFC 4648, standard alphabet)");
        }
        if (bytes.length < MINIMUM_KEY_BYTES || bytes.length > MAXIMUM_KEY_BYTES) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new InputException(file, line, "the key decodes to " + length + " bytes; it must have "
                    + MINIMUM_KEY_BYTES + " to " + MAXIMUM_KEY_BYTES + " random bytes");
        }
        return bytes;
    }

    private static void warnIfReadableByOthers(Path keyFile) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(keyFile, PosixFileAttributeView.class);
            if (view == null) {
                return;
            }
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("key file {} can be read by users other than its owner; restrict it (chmod 600)", keyFile);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("could not read the permissions of key file {}", keyFile);
        }
    }

    /**
     * Writes this secret as a new key file, atomically and never over an existing file: losing a key makes
     * every token made with it unlinkable. The key is written to a temporary file beside {@code file}
     * ({@code .palimpsest-key-*.partial}), created owner-only ({@code 0600}) where the file system has POSIX
     * permissions, so the key is never readable by others, not even for a moment; the text is forced to
     * disk, then the file is given its name by a hard link, which the operating system refuses when the
     * name exists (on a file system without hard links, by a rename that refuses an existing name). The
     * temporary file is removed on every path, a JVM stopped by SIGINT or SIGTERM included ({@link
     * java.io.File#deleteOnExit()}). Missing directories are created.
     *
     * @throws FileAlreadyExistsException if {@code file} exists (of any type, a dangling symbolic link too)
     * @throws IOException                if it cannot be written; nothing is then left behind
     * @throws IllegalStateException      if the secret has been destroyed
     */
    public void writeKeyFile(Path file) throws IOException {
        checkNotNull(file, "file");
        checkLive();
        Path absolute = file.toAbsolutePath();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a key file is never overwritten");
        }
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class)
                ? Files.createTempFile(directory, ".palimpsest-key-", ".partial",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, ".palimpsest-key-", ".partial");
        // A stop signal while the key is written: the shutdown sequence deletes the temporary file.
        temporary.toFile().deleteOnExit();
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                out.write(keyFileText());
                out.flush();
                channel.force(true);
            }
            publish(temporary, absolute);
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(directory);
    }

    private String keyFileText() {
        return "# Palimpsest deployment secret (key id " + keyId + ").\n"
                + "# Keep it apart from token files: whoever holds it can test guesses against tokens.\n"
                + "# Losing it makes every token made with it unlinkable; keep a copy in a safe place.\n"
                + KEY_LINE_PREFIX + Base64.getEncoder().encodeToString(key) + "\n";
    }

    /** Gives the complete temporary file its name, failing if the name exists; never replaces a file. */
    private static void publish(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target.toString(), null, "a key file is never overwritten");
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            // No hard links on this file system: a move without REPLACE_EXISTING refuses an existing target
            // (checked just before the rename, so a file made in that instant could still be replaced).
            Files.move(temporary, target);
        }
    }

    /** Forces the directory entry to disk where the platform allows it (Linux does; Windows does not). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("could not force directory {} to disk", directory);
        }
    }

    /**
     * A public fingerprint of the key: 16 hexadecimal digits of HKDF output under their own label, so it
     * reveals nothing about the key or the tokens. Written into every token row, so that files made with
     * different keys are told apart.
     */
    public String keyId() {
        return keyId;
    }

    /** The tokeniser bound to this secret. */
    Tokeniser tokeniser() {
        checkLive();
        return tokeniser;
    }

    KeySchedule schedule() {
        checkLive();
        return schedule;
    }

    /** Overwrites the key bytes held by this object; afterwards every use throws {@link IllegalStateException}. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
        schedule.destroy();
        tokeniser.clearCaches();
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("the deployment secret has been destroyed; load it again to make tokens");
        }
    }

    /** The key id only; never the key. */
    @Override
    public String toString() {
        return "DeploymentSecret[key id " + keyId + (destroyed ? ", destroyed" : "") + "]";
    }

    static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return s.toString();
    }
}
