package io.github.palimpsest.privacy;

import io.github.palimpsest.block.BlockingRule;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Hamming-LSH by bit sampling over one or more Bloom fields (Indyk and Motwani 1998; used for Bloom-filter
 * blocking by Karapiperis and Verykios 2015): band {@code b} samples {@code bitsPerField} fixed positions
 * of each field's filter and emits the sampled bits as its key, so two records share a band's key with
 * probability {@code Π dice_f^bitsPerField} (for balanced filters a sampled bit agrees with probability
 * equal to the Dice coefficient). Several bands make a near pair very likely to share at least one key
 * while a distant pair rarely does. A record lacking any of the fields gets no key from this rule.
 *
 * <p>Positions are drawn without replacement per band and field from a random stream seeded by the seed
 * and the rule's name, so both parties of a linkage that use the same seed sample the same bits. They are
 * not secret: the filters they sample are already keyed. Immutable and thread-safe.
 */
final class BitSamplingRule implements BlockingRule<Tombstone> {

    private final String name;
    private final BloomField[] fields;
    /** positions[band][field][k]: the bit sampled. */
    private final int[][][] positions;

    BitSamplingRule(String name, long seed, int bands, int bitsPerField, BloomField... fields) {
        if (fields.length == 0 || bands < 1 || bitsPerField < 1 || bitsPerField * fields.length > Long.SIZE) {
            throw new IllegalArgumentException("a bit-sampling rule needs at least one field, one band, and 1 to "
                    + Long.SIZE + " bits per band in all; got " + fields.length + " fields, " + bands + " bands, "
                    + bitsPerField + " bits per field");
        }
        this.name = name;
        this.fields = fields.clone();
        SplittableRandom random = new SplittableRandom(seed ^ mix(name.hashCode()));
        this.positions = new int[bands][fields.length][];
        for (int b = 0; b < bands; b++) {
            for (int f = 0; f < fields.length; f++) {
                positions[b][f] = sample(random, BloomEncoder.FILTER_BITS, bitsPerField);
            }
        }
    }

    private static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }

    /** {@code count} distinct positions in [0, size), by a partial Fisher–Yates shuffle. */
    private static int[] sample(SplittableRandom random, int size, int count) {
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, count);
        Arrays.sort(chosen);
        return chosen;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void keys(Tombstone record, Consumer<String> sink) {
        BloomFilter[] filters = new BloomFilter[fields.length];
        for (int f = 0; f < fields.length; f++) {
            filters[f] = record.filterOrNull(fields[f]);
            if (filters[f] == null || filters[f].sizeBits() != BloomEncoder.FILTER_BITS) {
                return;
            }
        }
        for (int b = 0; b < positions.length; b++) {
            long key = 0;
            for (int f = 0; f < fields.length; f++) {
                for (int position : positions[b][f]) {
                    key = key << 1 | (filters[f].bit(position) ? 1 : 0);
                }
            }
            // The band is part of the key: equal bits in two different bands say nothing.
            sink.accept(Integer.toString(b, 36) + ':' + Long.toHexString(key));
        }
    }

    @Override
    public String toString() {
        return "BitSamplingRule[" + name + ", " + positions.length + " bands]";
    }
}
