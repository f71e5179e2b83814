package io.github.palimpsest.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;

/**
 * Encodes the features of one {@link BloomField} into a hardened Bloom filter (see {@code docs/privacy.md}):
 * <ol>
 *   <li><b>Keyed positions.</b> Feature {@code s} sets {@code k} bits of a {@value #BASE_BITS}-bit base
 *       filter; position {@code i} is the 16-bit slice {@code i mod 16} of
 *       {@code HMAC-SHA-256(K_bloom, s ‖ 0x00 ‖ ⌊i/16⌋)} reduced mod the base size (a power of two, so
 *       unbiased). Each position is an independent pseudo-random function of (feature, i), not the
 *       double-hashing construction {@code h1 + i·h2}, whose structure a published attack exploits
 *       (Niedermeyer et al. 2014).</li>
 *   <li><b>Keyed noise.</b> Each base bit is flipped with probability {@code f}, from a stream keyed by
 *       the field's noise key and the record's identity, so two records with the same name have different
 *       filters (no exact-frequency attack) while one record always gets the same filter.</li>
 *   <li><b>Balancing.</b> The base and its complement are concatenated and shuffled by a keyed
 *       permutation of the field (Schnell and Borgs 2016): every filter has exactly half of its
 *       {@value #FILTER_BITS} bits set, so the weight no longer tells the length of a name or the number of
 *       aliases.</li>
 * </ol>
 * Thread-safe: positions are cached in a bounded concurrent map, the permutation is computed once.
 */
final class BloomEncoder {

    static final int BASE_BITS = 512;
    static final int FILTER_BITS = 2 * BASE_BITS;
    /** Default flip probability of each base bit; what it costs and protects: docs/privacy.md, "Threat model". */
    static final double FLIP_PROBABILITY = 0.02;
    /** Cache bound: bigrams and common names fit many times over; rare features (postcodes) are recomputed. */
    private static final int MAX_CACHED_FEATURES = 1 << 16;
    /** Features starting with this character are unique to one record (padding) and never cached. */
    static final char UNCACHED_PREFIX = '\u0001';

    private final KeySchedule keys;
    private final BloomField field;
    private final int hashCount;
    private final double flipProbability;
    private final boolean balanced;
    private final int baseBits;
    private final Map<String, int[]> positions = new ConcurrentHashMap<>();
    private volatile int[] permutation;

    /** The standard hardened encoder of a field. */
    BloomEncoder(KeySchedule keys, BloomField field) {
        this(keys, field, field.hashCount(), FLIP_PROBABILITY, true);
    }

    /**
     * An encoder with other parameters, for experiments: {@code balanced == false} gives a plain
     * {@value #FILTER_BITS}-bit filter with no complement; {@code flipProbability == 0} gives no noise.
     */
    BloomEncoder(KeySchedule keys, BloomField field, int hashCount, double flipProbability, boolean balanced) {
        if (hashCount < 1 || hashCount > 256 || !(flipProbability >= 0 && flipProbability < 0.5)) {
            throw new IllegalArgumentException("k must be in [1, 256] and f in [0, 0.5)");
        }
        this.keys = keys;
        this.field = field;
        this.hashCount = hashCount;
        this.flipProbability = flipProbability;
        this.balanced = balanced;
        this.baseBits = balanced ? BASE_BITS : FILTER_BITS;
    }

    /**
     * The filter of a feature set, with noise drawn from {@code identity} (the record's identity, hashed,
     * never stored); {@code FILTER_BITS} bits in all.
     */
    BloomFilter encode(Set<String> features, byte[] identity) {
        long[] base = new long[baseBits / Long.SIZE];
        Mac positionMac = null;
        for (String feature : features) {
            int[] p = positions.get(feature);
            if (p == null) {
                if (positionMac == null) {
                    positionMac = keys.mac("bloom/" + field.keyColumn());
                }
                p = positionsOf(positionMac, feature);
                if (positions.size() < MAX_CACHED_FEATURES && feature.charAt(0) != UNCACHED_PREFIX) {
                    positions.put(feature, p);
                }
            }
            for (int bit : p) {
                base[bit >>> 6] |= 1L << bit;
            }
        }
        if (flipProbability > 0) {
            addNoise(base, identity);
        }
        return BloomFilter.wrap(balanced ? balance(base) : base);
    }

    private int[] positionsOf(Mac mac, String feature) {
        byte[] message = feature.getBytes(StandardCharsets.UTF_8);
        int[] p = new int[hashCount];
        byte[] block = null;
        for (int i = 0; i < hashCount; i++) {
            int slice = i % 16;
            if (slice == 0) {
                mac.update(message);
                mac.update((byte) 0);
                mac.update((byte) (i / 16));
                block = mac.doFinal();
            }
            int value = ((block[2 * slice] & 0xFF) << 8) | (block[2 * slice + 1] & 0xFF);
            p[i] = value & (baseBits - 1);
        }
        return p;
    }

    /** Flips each base bit with probability f, skipping geometrically distributed gaps between flips. */
    private void addNoise(long[] base, byte[] identity) {
        KeyStream stream = new KeyStream(keys.mac("noise/" + field.column()), identity);
        double logKeep = Math.log1p(-flipProbability);
        int bit = -1;
        while (true) {
            double u = stream.nextUnitInterval();
            long gap = (long) Math.floor(Math.log(u) / logKeep);
            if (gap >= baseBits - bit - 1) {
                return;
            }
            bit += (int) gap + 1;
            base[bit >>> 6] ^= 1L << bit;
        }
    }

    private long[] balance(long[] base) {
        int[] perm = permutation();
        long[] out = new long[FILTER_BITS / Long.SIZE];
        // Base bit j goes to perm[j] when set, its complement to perm[j + BASE_BITS] when not.
        for (int j = 0; j < BASE_BITS; j++) {
            int target = ((base[j >>> 6] >>> j) & 1L) != 0 ? perm[j] : perm[j + BASE_BITS];
            out[target >>> 6] |= 1L << target;
        }
        return out;
    }

    /** The field's keyed permutation of the filter's positions: Fisher–Yates over a keyed stream. */
    private int[] permutation() {
        int[] perm = permutation;
        if (perm == null) {
            perm = new int[FILTER_BITS];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = i;
            }
            KeyStream stream = new KeyStream(keys.mac("permutation/" + field.keyColumn()), new byte[0]);
            for (int i = perm.length - 1; i > 0; i--) {
                int j = stream.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            permutation = perm;
        }
        return perm;
    }

    void clear() {
        positions.clear();
        int[] perm = permutation;
        if (perm != null) {
            Arrays.fill(perm, 0);
        }
        permutation = null;
    }

    /** A pseudo-random byte stream: {@code HMAC(K, seed ‖ counter)} for counter 0, 1, 2, ... (counter mode). */
    private static final class KeyStream {
        private final Mac mac;
        private final byte[] seed;
        private byte[] block = new byte[0];
        private int offset;
        private int counter;

        KeyStream(Mac mac, byte[] seed) {
            this.mac = mac;
            this.seed = seed;
        }

        private int nextByte() {
            if (offset == block.length) {
                mac.update(seed);
                mac.update(new byte[] {(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8),
                    (byte) counter});
                block = mac.doFinal();
                counter++;
                offset = 0;
            }
            return block[offset++] & 0xFF;
        }

        long nextLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | nextByte();
            }
            return v;
        }

        /** Uniform in (0, 1]: 53 random bits, plus one, over 2^53. */
        double nextUnitInterval() {
            return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
        }

        /** Uniform in [0, bound) by rejection, without modulo bias. */
        int nextInt(int bound) {
            int bits = 32 - Integer.numberOfLeadingZeros(bound - 1);
            while (true) {
                int v = (int) (nextLong() >>> (64 - Math.max(bits, 1)));
                if (v < bound) {
                    return v;
                }
            }
        }
    }
}
