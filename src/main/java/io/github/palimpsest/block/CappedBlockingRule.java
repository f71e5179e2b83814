package io.github.palimpsest.block;

import java.util.function.Consumer;

/** The rule behind {@link BlockingRule#withMaxBlockSize}: another rule with its own maximum block size. */
final class CappedBlockingRule<R> implements BlockingRule<R> {
    private final BlockingRule<R> rule;
    private final int maxBlockSize;

    CappedBlockingRule(BlockingRule<R> rule, int maxBlockSize) {
        this.rule = rule;
        this.maxBlockSize = maxBlockSize;
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
    public String toString() {
        return rule + "[maxBlockSize=" + maxBlockSize + "]";
    }
}
