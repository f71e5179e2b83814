package io.github.palimpsest.block;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The rule behind {@link BlockingRule#withMaxBlockSize} and {@link BlockingRule#withSplitKeys}: another rule
 * with its own maximum block size and its own split keys.
 */
final class GuardedBlockingRule<R> implements BlockingRule<R> {
    private final BlockingRule<R> rule;
    private final int maxBlockSize;
    private final BiConsumer<? super R, Consumer<String>> splitKeys;

    GuardedBlockingRule(BlockingRule<R> rule, int maxBlockSize, BiConsumer<? super R, Consumer<String>> splitKeys) {
        this.rule = rule;
        this.maxBlockSize = maxBlockSize;
        this.splitKeys = splitKeys;
    }

    @Override
    public String name() {
        return rule.name();
    }

    @Override
    public void keys(R record, Consumer<String> sink) {
        rule.keys(record, sink);
    }

    @Override
    public String orderingKey(R record) {
        return rule.orderingKey(record);
    }

    @Override
    public boolean pairsWithAll(R record) {
        return rule.pairsWithAll(record);
    }

    @Override
    public int maxBlockSize() {
        return maxBlockSize;
    }

    @Override
    public void splitKeys(R record, Consumer<String> sink) {
        if (splitKeys == null) {
            rule.splitKeys(record, sink);
        } else {
            splitKeys.accept(record, sink);
        }
    }

    @Override
    public java.util.Optional<io.github.palimpsest.compare.Comparison<? super R>> agreementCovered() {
        return rule.agreementCovered();
    }

    @Override
    public BlockingRule<R> withMaxBlockSize(int size) {
        BlockingRule.super.withMaxBlockSize(size); // checks the argument
        return new GuardedBlockingRule<>(rule, size, splitKeys);
    }

    @Override
    public BlockingRule<R> withSplitKeys(BiConsumer<? super R, Consumer<String>> keys) {
        return new GuardedBlockingRule<>(rule, maxBlockSize, java.util.Objects.requireNonNull(keys, "keys"));
    }

    @Override
    public String toString() {
        return rule + "[maxBlockSize=" + maxBlockSize + (splitKeys == null ? "" : ", split") + "]";
    }
}
