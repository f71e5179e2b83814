package io.github.palimpsest.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;

/**
 * The keys derived from one deployment secret: one independent 256-bit key per purpose and field, each
 * {@code HKDF-Expand(PRK, "palimpsest/v1/" + purpose, 32)} with {@code PRK = HKDF-Extract("palimpsest/v1",
 * secret)} (RFC 5869). Separate keys mean a token of one field can never equal, or be tested against, a
 * token of another field, and knowing one derived key says nothing about the others.
 *
 * <p>Thread-safe: derived keys are cached in a concurrent map. {@link #destroy()} overwrites every key
 * byte this object holds; keys the JDK copied into {@link Mac} objects already handed out cannot be wiped
 * from here (they become garbage when the caller drops the {@code Mac}).
 */
final class KeySchedule {

    static final byte[] SALT = "palimpsest/v1".getBytes(StandardCharsets.US_ASCII);
    private static final String INFO_PREFIX = "palimpsest/v1/";

    private final byte[] pseudoRandomKey;
    private final Map<String, byte[]> derived = new ConcurrentHashMap<>();
    /** Initialised MACs, cloned for each use: {@code Mac.getInstance} and {@code init} cost far more than a clone. */
    private final Map<String, Mac> prototypes = new ConcurrentHashMap<>();
    private volatile boolean destroyed;

    KeySchedule(byte[] secret) {
        this.pseudoRandomKey = Hkdf.extract(SALT, secret);
    }

    /** The 32-byte key for a purpose such as {@code "token/pnc_id"}; the returned array must not be changed. */
    byte[] key(String purpose) {
        checkLive();
        return derived.computeIfAbsent(purpose, p -> Hkdf.expand(pseudoRandomKey,
                (INFO_PREFIX + p).getBytes(StandardCharsets.UTF_8), Hkdf.HASH_LENGTH));
    }

    /** A fresh HMAC-SHA-256 under the key for {@code purpose}; not thread-safe, use one per thread. */
    Mac mac(String purpose) {
        Mac prototype = prototypes.computeIfAbsent(purpose, p -> Hkdf.mac(key(p)));
        checkLive();
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return Hkdf.mac(key(purpose)); // a provider whose MACs cannot be cloned: slower, same result
        }
    }

    /** {@code length} bytes of HKDF output for {@code purpose}, not cached (e.g. the public key id). */
    byte[] expand(String purpose, int length) {
        checkLive();
        return Hkdf.expand(pseudoRandomKey, (INFO_PREFIX + purpose).getBytes(StandardCharsets.UTF_8), length);
    }

    void destroy() {
        destroyed = true;
        Arrays.fill(pseudoRandomKey, (byte) 0);
        for (byte[] key : derived.values()) {
            Arrays.fill(key, (byte) 0);
        }
        derived.clear();
        prototypes.clear();
    }

    boolean isDestroyed() {
        return destroyed;
    }

    private void checkLive() {
        if (destroyed) {
            throw new IllegalStateException("the deployment secret has been destroyed; load it again to make tokens");
        }
    }
}
