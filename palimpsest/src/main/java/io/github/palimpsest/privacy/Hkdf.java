package io.github.palimpsest.privacy;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF, the HMAC-based extract-and-expand key derivation function of RFC 5869, over HMAC-SHA-256.
 * Stateless and thread-safe; every call makes its own {@link Mac}.
 */
final class Hkdf {

    static final String HMAC_SHA256 = "HmacSHA256";
    /** The output length of SHA-256, {@code HashLen} in RFC 5869. */
    static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /**
     * HKDF-Extract (RFC 5869 §2.2): {@code PRK = HMAC-Hash(salt, IKM)}; an empty salt stands for
     * {@code HashLen} zero bytes, as the RFC specifies.
     */
    static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        byte[] key = salt.length == 0 ? new byte[HASH_LENGTH] : salt;
        Mac mac = mac(key);
        return mac.doFinal(inputKeyMaterial);
    }

    /**
     * HKDF-Expand (RFC 5869 §2.3): {@code T(i) = HMAC-Hash(PRK, T(i-1) | info | i)} for {@code i = 1..N},
     * concatenated and cut to {@code length} bytes.
     *
     * @throws IllegalArgumentException if {@code length} is not in {@code [1, 255 * HashLen]}
     */
    static byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
        if (length < 1 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF output length must be in [1, 8160] bytes, got " + length);
        }
        Mac mac = mac(pseudoRandomKey);
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        int written = 0;
        for (int i = 1; written < length; i++) {
            mac.update(previous);
            mac.update(info);
            mac.update((byte) i);
            byte[] block = mac.doFinal();
            int n = Math.min(block.length, length - written);
            System.arraycopy(block, 0, out, written, n);
            written += n;
            Arrays.fill(previous, (byte) 0);
            previous = block;
        }
        Arrays.fill(previous, (byte) 0);
        return out;
    }

    /** Extract then expand. */
    static byte[] derive(byte[] salt, byte[] inputKeyMaterial, byte[] info, int length) {
        byte[] prk = extract(salt, inputKeyMaterial);
        try {
            return expand(prk, info, length);
        } finally {
            Arrays.fill(prk, (byte) 0);
        }
    }

    /** An HMAC-SHA-256 keyed with {@code key}; the JDK guarantees the algorithm on every platform. */
    static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac;
        } catch (InvalidKeyException e) {
            // Deliberately without the key or its length in the message: only that it was refused.
            throw new IllegalStateException("HMAC-SHA-256 refused a key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available; every Java 17 runtime must provide it", e);
        }
    }
}
