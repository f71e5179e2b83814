package io.github.palimpsest.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * An immutable bit array, as stored in a {@link Tombstone}: a Bloom-filter encoding of one field, compared
 * with others by the Dice coefficient {@code 2|A ∧ B| / (|A| + |B|)}.
 *
 * <p>Bit {@code i} is bit {@code i % 64} (least significant first) of word {@code i / 64}. The text form,
 * {@link #toBase64()}, is the unpadded URL-safe Base64 (RFC 4648 §5) of the words in order, each written
 * as eight bytes, most significant first.
 *
 * <pre>{@code
 * double d = a.dice(b);        // 1.0 for equal filters, about 0.5 for unrelated balanced ones
 * String text = a.toBase64();  // 171 characters for 1,024 bits
 * }</pre>
 *
 * <p>The set-bit count is computed once, so {@link #dice(BloomFilter)} costs one {@link Long#bitCount}
 * per word of {@code a ∧ b}, with no allocation. Immutable and thread-safe.
 */
public final class BloomFilter {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final long[] words;
    private final int cardinality;

    private BloomFilter(long[] words) {
        this.words = words;
        int c = 0;
        for (long w : words) {
            c += Long.bitCount(w);
        }
        this.cardinality = c;
    }

    /** A filter over {@code 64 * words.length} bits; the array is copied. */
    public static BloomFilter ofWords(long[] words) {
        checkNotNull(words, "words");
        checkArgument(words.length > 0, "a Bloom filter needs at least one word");
        return new BloomFilter(words.clone());
    }

    /** Takes ownership of {@code words} without copying: for encoders inside this package. */
    static BloomFilter wrap(long[] words) {
        return new BloomFilter(words);
    }

    /**
     * Reads the {@link #toBase64()} form; empty when the text is null, blank, not URL-safe Base64 or not a
     * whole number of 64-bit words. Never throws.
     */
    public static Optional<BloomFilter> fromBase64(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length == 0 || bytes.length % Long.BYTES != 0) {
            return Optional.empty();
        }
        long[] words = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(words);
        return Optional.of(new BloomFilter(words));
    }

    /** The number of bits. */
    public int sizeBits() {
        return words.length * Long.SIZE;
    }

    /** The number of bits set. */
    public int cardinality() {
        return cardinality;
    }

    /**
     * Whether bit {@code index} is set.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < sizeBits()}
     */
    public boolean get(int index) {
        checkElementIndex(index, sizeBits(), "bit");
        return (words[index >>> 6] & (1L << index)) != 0;
    }

    /** Bit {@code index} without a bounds message: for the blocking loop, which checks the size once. */
    boolean bit(int index) {
        return (words[index >>> 6] & (1L << index)) != 0;
    }

    /** The words, copied. */
    public long[] words() {
        return words.clone();
    }

    /**
     * The Dice coefficient {@code 2|A ∧ B| / (|A| + |B|)}, in [0, 1]; 0 when both filters are empty.
     *
     * @throws IllegalArgumentException if the filters differ in size
     */
    public double dice(BloomFilter other) {
        checkArgument(other.words.length == words.length, "cannot compare filters of %s and %s bits",
                sizeBits(), other.sizeBits());
        int total = cardinality + other.cardinality;
        return total == 0 ? 0 : 2.0 * commonBits(words, other.words) / total;
    }

    /**
     * {@code |A ∧ B|} over arrays of equal length: a plain counted loop over whole words, the shape the JIT
     * unrolls and, on CPUs with a vector population count, vectorises.
     */
    static int commonBits(long[] a, long[] b) {
        int common = 0;
        for (int i = 0; i < a.length; i++) {
            common += Long.bitCount(a[i] & b[i]);
        }
        return common;
    }

    /** The text form described in the class comment. */
    public String toBase64() {
        ByteBuffer buffer = ByteBuffer.allocate(words.length * Long.BYTES);
        buffer.asLongBuffer().put(words);
        return ENCODER.encodeToString(buffer.array());
    }

    /** Equal when the bits are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof BloomFilter && Arrays.equals(words, ((BloomFilter) o).words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    /** The size and number of bits set; never the bits. */
    @Override
    public String toString() {
        return "BloomFilter[" + sizeBits() + " bits, " + cardinality + " set]";
    }
}
