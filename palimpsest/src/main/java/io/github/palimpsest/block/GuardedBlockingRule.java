package io.github.palimpsest.block;

import io.github.palimpsest.compare.Comparison;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The rule behind {@link BlockingRule#withMaxBlockSize}, {@link BlockingRule#withSplitKeys} and {@link
 * BlockingRule#coveringAgreementOf}: another rule with its own maximum block size, split keys and covered
 * comparison (each null to keep the other rule's).
 */
final class GuardedBlockingRule<R> implements BlockingRule<R> {
    private final BlockingRule<R> rule;
    private final int maxBlockSize;
    private final BiConsumer<? super R, Consumer<String>> splitKeys;
    private final Comparison<? super R> covered;

    GuardedBlockingRule(BlockingRule<R> rule, int maxBlockSize, BiConsumer<? super R, Consumer<String>> splitKeys) {
        this(rule, maxBlockSize, splitKeys, null);
    }

    GuardedBlockingRule(BlockingRule<R> rule, int maxBlockSize, BiConsumer<? super R, Consumer<String>> splitKeys,
            Comparison<? super R> covered) {
        this.rule = rule;
        this.maxBlockSize = maxBlockSize;
        this.splitKeys = splitKeys;
        this.covered = covered;
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
    public Optional<Comparison<? super R>> agreementCovered() {
        return covered == null ? rule.agreementCovered() : Optional.of(covered);
    }

    @Override
    public BlockingRule<R> withMaxBlockSize(int size) {
        BlockingRule.super.withMaxBlockSize(size); // checks the argument
        return new GuardedBlockingRule<>(rule, size, splitKeys, covered);
    }

    @Override
    public BlockingRule<R> withSplitKeys(BiConsumer<? super R, Consumer<String>> keys) {
        return new GuardedBlockingRule<>(rule, maxBlockSize, java.util.Objects.requireNonNull(keys, "keys"), covered);
    }

    @Override
    public BlockingRule<R> coveringAgreementOf(Comparison<? super R> comparison) {
        return new GuardedBlockingRule<>(rule, maxBlockSize, splitKeys,
                java.util.Objects.requireNonNull(comparison, "comparison"));
    }

    @Override
    public String toString() {
        return rule + "[maxBlockSize=" + maxBlockSize + (splitKeys == null ? "" : ", split")
                + (covered == null ? "" : ", covers " + covered.name()) + "]";
    }
}
