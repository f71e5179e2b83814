package io.github.palimpsest.index;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.pipeline.NearestNeighbours;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import java.util.Arrays;
import java.util.List;

/**
 * A record made ready for the index outside its lock: the {@link ComparableRecord} and the hash of every
 * blocking key it emits. Immutable.
 *
 * <p>A key's hash covers the rule's position and the key text, so keys of different rules never meet
 * (the {@link BlockingRule} contract); empty and null keys are skipped, as the batch blocker skips them.
 * Two different keys of one rule share a hash with a probability of 2<sup>−56</sup> per pair (about one
 * chance in 6,000 over the 5 million distinct keys of a million records); if they ever did, the only effect
 * would be an extra candidate pair, scored like any other.
 */
final class PreparedRecord {
    private static final HashFunction HASH = Hashing.murmur3_128(0x5eed);

    final PersonRecord record;
    final ComparableRecord comparable;
    /** Distinct key hashes, ascending. */
    final long[] keyHashes;
    /** The rule index of each key hash (for the ordering key of an oversize block). */
    final int[] keyRules;
    /** The nearest-neighbour search's token hashes ({@link NearestNeighbours#tokenHashes}), or null when off. */
    final long[] tokenHashes;

    private PreparedRecord(PersonRecord record, ComparableRecord comparable, long[] keyHashes, int[] keyRules,
            long[] tokenHashes) {
        this.record = record;
        this.comparable = comparable;
        this.keyHashes = keyHashes;
        this.keyRules = keyRules;
        this.tokenHashes = tokenHashes;
    }

    /** The record with its blocking keys, and its search tokens when the index runs the search. */
    static PreparedRecord of(PersonRecord record, IndexConfig config) {
        PreparedRecord keyed = of(record, config.blockingRules);
        return config.search == null ? keyed : new PreparedRecord(record, keyed.comparable, keyed.keyHashes,
                keyed.keyRules, config.search.tokenHashes(keyed.comparable));
    }

    /** The record with its blocking keys only (the index computes its tokens when it needs them). */
    static PreparedRecord of(PersonRecord record, List<BlockingRule<ComparableRecord>> rules) {
        ComparableRecord comparable = ComparableRecord.of(record);
        return new PreparedRecord(record, comparable, null, null, null).withKeys(rules);
    }

    private PreparedRecord withKeys(List<BlockingRule<ComparableRecord>> rules) {
        long[][] collected = {new long[16]};
        int[] count = {0};
        for (int r = 0; r < rules.size(); r++) {
            int rule = r;
            rules.get(r).keys(comparable, key -> {
                if (key != null && !key.isEmpty()) {
                    if (count[0] == collected[0].length) {
                        collected[0] = Arrays.copyOf(collected[0], count[0] * 2);
                    }
                    collected[0][count[0]++] = keyHash(rule, key);
                }
            });
        }
        long[] hashes = Arrays.copyOf(collected[0], count[0]);
        Arrays.sort(hashes);
        int distinct = 0;
        for (int k = 0; k < hashes.length; k++) {
            if (k == 0 || hashes[k] != hashes[distinct - 1]) {
                hashes[distinct++] = hashes[k];
            }
        }
        hashes = Arrays.copyOf(hashes, distinct);
        int[] ruleOf = new int[distinct];
        for (int k = 0; k < distinct; k++) {
            ruleOf[k] = ruleOf(hashes[k]);
        }
        return new PreparedRecord(record, comparable, hashes, ruleOf, null);
    }

    /**
     * The hash of one key of rule {@code rule}: 56 bits of MurmurHash3 over the key text, with the rule
     * index in the low 8 bits so that it can be read back (at most 256 rules).
     */
    static long keyHash(int rule, String key) {
        long text = HASH.newHasher().putInt(rule).putUnencodedChars(key).hash().asLong();
        return (text & ~0xFFL) | rule;
    }

    /**
     * The hashes of the record's {@linkplain BlockingRule#splitKeys split keys} for each rule whose index is
     * in {@code rules}, each as {@link #keyHash} makes it (the rule index in the low 8 bits, so keys of
     * different rules never meet), distinct and ascending; empty and null keys are skipped.
     */
    static long[] splitHashes(ComparableRecord record, int[] rules, List<BlockingRule<ComparableRecord>> byIndex) {
        long[][] collected = {new long[16]};
        int[] count = {0};
        for (int rule : rules) {
            byIndex.get(rule).splitKeys(record, key -> {
                if (key != null && !key.isEmpty()) {
                    if (count[0] == collected[0].length) {
                        collected[0] = Arrays.copyOf(collected[0], count[0] * 2);
                    }
                    collected[0][count[0]++] = keyHash(rule, key);
                }
            });
        }
        return sortedDistinct(collected[0], count[0]);
    }

    private static long[] sortedDistinct(long[] values, int count) {
        long[] hashes = Arrays.copyOf(values, count);
        Arrays.sort(hashes);
        int distinct = 0;
        for (int k = 0; k < hashes.length; k++) {
            if (k == 0 || hashes[k] != hashes[distinct - 1]) {
                hashes[distinct++] = hashes[k];
            }
        }
        return distinct == hashes.length ? hashes : Arrays.copyOf(hashes, distinct);
    }

    static int ruleOf(long keyHash) {
        return (int) (keyHash & 0xFF);
    }

    String recordId() {
        return record.recordId();
    }
}
