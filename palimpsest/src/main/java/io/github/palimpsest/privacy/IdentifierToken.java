package io.github.palimpsest.privacy;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * A keyed token of one identifier: the first 128 bits of {@code HMAC-SHA-256(K_field, canonical value)},
 * where {@code K_field} is derived from the deployment secret for that field alone. Two tokens are equal
 * exactly when the canonical values and the secret were equal (collisions aside, about 2<sup>-64</sup>
 * after 2<sup>32</sup> tokens); without the secret a token cannot be computed or tested against guesses.
 *
 * <p>Held as two {@code long}s so that equality costs two comparisons. The text form is the unpadded
 * URL-safe Base64 of the 16 bytes, 22 characters. Immutable and thread-safe.
 */
public final class IdentifierToken {

    /** The length of the text form. */
    public static final int TEXT_LENGTH = 22;
    /** The number of bytes of HMAC output kept (RFC 2104 §5 allows truncation to half the output or more). */
    static final int BYTES = 16;

    private final long high;
    private final long low;

    private IdentifierToken(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** A token from the first 16 bytes of a MAC. */
    static IdentifierToken ofBytes(byte[] mac) {
        checkArgument(mac.length >= BYTES, "need %s bytes", BYTES);
        ByteBuffer b = ByteBuffer.wrap(mac);
        return new IdentifierToken(b.getLong(), b.getLong());
    }

    /**
     * Reads the text form; empty unless the text is exactly {@value #TEXT_LENGTH} URL-safe Base64
     * characters. Never throws.
     */
    public static Optional<IdentifierToken> fromText(String text) {
        if (text == null || text.length() != TEXT_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        IdentifierToken token = ofBytes(bytes);
        // Reject non-canonical text (unused low bits set in the last character): one token, one spelling.
        return token.toText().equals(text) ? Optional.of(token) : Optional.empty();
    }

    /** The text form: 22 characters of unpadded URL-safe Base64. */
    public String toText() {
        ByteBuffer b = ByteBuffer.allocate(BYTES).putLong(high).putLong(low);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Equal when the 128 bits are equal. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IdentifierToken)) {
            return false;
        }
        IdentifierToken t = (IdentifierToken) o;
        return high == t.high && low == t.low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high * 31 + low);
    }

    /** The text form (a token is not personal data without the secret). */
    @Override
    public String toString() {
        return toText();
    }
}
