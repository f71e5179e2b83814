package io.github.palimpsest.block;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * What blocking did: per rule, how many blocks and pairs it made and how many of its pairs no earlier
 * rule had found; which blocks were too large to pair exhaustively and how they were handled; and how
 * many records ended up in no candidate pair at all.
 *
 * <p>Immutable and thread-safe. The {@link OversizeBlock#key() key} of an oversize block is the rule's key
 * text and may be personal data (a placeholder date of birth, a common surname): it is kept for the
 * caller, who may show it to an analyst, but it is left out of {@link #toString()} and of every log line.
 *
 * @param recordCount the number of records blocked
 * @param rules one summary per rule, in the order the rules were configured
 * @param oversizeBlocks every block larger than the maximum block size, in rule order and then by
 *     decreasing size (ties by key hash)
 * @param candidatePairs the number of distinct pairs in the union of all rules
 * @param recordsWithoutCandidates the records that are in no candidate pair, so can never be linked
 */
public record BlockingReport(
        int recordCount,
        List<RuleSummary> rules,
        List<OversizeBlock> oversizeBlocks,
        long candidatePairs,
        int recordsWithoutCandidates) {

    /** Copies the lists; see the record components. */
    public BlockingReport {
        rules = List.copyOf(checkNotNull(rules, "rules"));
        oversizeBlocks = List.copyOf(checkNotNull(oversizeBlocks, "oversizeBlocks"));
    }

    /**
     * What one rule produced.
     *
     * @param name the rule's {@link BlockingRule#name() name}
     * @param recordsWithKey records that got at least one key under this rule
     * @param blocks distinct key values (blocks of any size, singletons included)
     * @param largestBlock the size of the largest block, before any sub-blocking
     * @param oversizeBlocks how many blocks exceeded the maximum block size and were sub-blocked
     * @param pairs distinct pairs this rule produced
     * @param newPairs those of {@code pairs} that no earlier rule had produced
     */
    public record RuleSummary(
            String name,
            int recordsWithKey,
            int blocks,
            int largestBlock,
            int oversizeBlocks,
            long pairs,
            long newPairs) {

        /** Checks the name is present. */
        public RuleSummary {
            checkNotNull(name, "name");
        }
    }

    /**
     * A block too large to pair exhaustively. It is split, not dropped: its records were sorted by the
     * rule's {@link BlockingRule#orderingKey ordering key} (then record index) and each was paired with the
     * next {@code windowSize - 1} records in that order, and the records that also share a
     * {@linkplain BlockingRule#splitKeys split key} were paired in full, sub-block by sub-block.
     *
     * @param rule the rule's name
     * @param key the key value shared by the block's records: may be personal data, never logged
     * @param keyHash a hexadecimal 64-bit hash of the key, safe to log or share
     * @param size the number of records in the block
     * @param windowSize the sorted-neighbourhood window used instead of all pairs
     * @param pairs the pairs the window produced (before de-duplication against other blocks)
     * @param subBlocks the sub-blocks of records that also share one of the rule's
     *     {@linkplain BlockingRule#splitKeys split keys}, each paired in full (0 when the rule has none)
     * @param subBlockPairs the pairs those sub-blocks produced (before de-duplication)
     */
    public record OversizeBlock(String rule, String key, String keyHash, int size, int windowSize, long pairs,
            int subBlocks, long subBlockPairs) {

        /** Checks the texts are present. */
        public OversizeBlock {
            checkNotNull(rule, "rule");
            checkNotNull(key, "key");
            checkNotNull(keyHash, "keyHash");
        }

        /** A block without sub-blocks (the window alone). */
        public OversizeBlock(String rule, String key, String keyHash, int size, int windowSize, long pairs) {
            this(rule, key, keyHash, size, windowSize, pairs, 0, 0);
        }

        /**
         * How the block was handled, in words and without the key, e.g. {@code "sorted window of 10 over
         * 5,000 records and 812 sub-blocks by a second key (44,955 + 3,120 pairs instead of 12,497,500)"}.
         */
        public String handling() {
            return String.format("sorted window of %d over %,d records and %,d sub-blocks by a second key "
                            + "(%,d + %,d pairs instead of %,d)",
                    windowSize, size, subBlocks, pairs, subBlockPairs, (long) size * (size - 1) / 2);
        }

        /** Describes the block without its key text, which may be personal data. */
        @Override
        public String toString() {
            return "OversizeBlock[rule=" + rule + ", keyHash=" + keyHash + ", size=" + size
                    + ", windowSize=" + windowSize + ", pairs=" + pairs + ", subBlocks=" + subBlocks
                    + ", subBlockPairs=" + subBlockPairs + "]";
        }
    }

    /** A multi-line summary, without any key text. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%,d records, %,d candidate pairs, %,d records in no pair%n",
                recordCount, candidatePairs, recordsWithoutCandidates));
        for (RuleSummary rule : rules) {
            text.append(String.format("  %s: %,d records keyed, %,d blocks, largest %,d, %,d oversize, "
                            + "%,d pairs, %,d new%n",
                    rule.name(), rule.recordsWithKey(), rule.blocks(), rule.largestBlock(),
                    rule.oversizeBlocks(), rule.pairs(), rule.newPairs()));
        }
        for (OversizeBlock block : oversizeBlocks) {
            text.append("  oversize ").append(block.rule()).append(" #").append(block.keyHash()).append(": ")
                    .append(block.handling()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
