package io.github.palimpsest.block;

import io.github.palimpsest.compare.Comparison;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The rule behind {@link BlockingRule#coveringAgreementOf}: another rule that covers a comparison's agreement. */
final class CoveringBlockingRule<R> implements BlockingRule<R> {
    private final BlockingRule<R> rule;
    private final Comparison<? super R> comparison;

    CoveringBlockingRule(BlockingRule<R> rule, Comparison<? super R> comparison) {
        this.rule = rule;
        this.comparison = comparison;
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
        return rule.maxBlockSize();
    }

    @Override
    public void splitKeys(R record, Consumer<String> sink) {
        rule.splitKeys(record, sink);
    }

    @Override
    public Optional<Comparison<? super R>> agreementCovered() {
        return Optional.of(comparison);
    }

    @Override
    public BlockingRule<R> withMaxBlockSize(int size) {
        return new CoveringBlockingRule<>(rule.withMaxBlockSize(size), comparison);
    }

    @Override
    public BlockingRule<R> withSplitKeys(BiConsumer<? super R, Consumer<String>> keys) {
        return new CoveringBlockingRule<>(rule.withSplitKeys(keys), comparison);
    }

    @Override
    public String toString() {
        return rule + "[covers " + comparison.name() + "]";
    }
}
