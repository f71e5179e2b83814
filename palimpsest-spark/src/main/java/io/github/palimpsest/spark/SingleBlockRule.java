package io.github.palimpsest.spark;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.record.ComparableRecord;
import java.util.function.Consumer;

/**
 * One block of a library blocking rule: every record given carries the one key of the block, and
 * everything else (ordering key, records that pair with all, split keys, the rule's own maximum block size)
 * is the rule's. A {@link io.github.palimpsest.block.Blocker} over one oversize block's records, in input
 * order, with this rule, makes exactly the pairs the one-machine blocker makes inside that block: the
 * sorted window (ties by input order) and the sub-blocks by split keys.
 */
final class SingleBlockRule implements BlockingRule<ComparableRecord> {
    private final BlockingRule<ComparableRecord> rule;
    private final String key;

    SingleBlockRule(BlockingRule<ComparableRecord> rule, String key) {
        this.rule = rule;
        this.key = key;
    }

    @Override
    public String name() {
        return rule.name();
    }

    @Override
    public void keys(ComparableRecord record, Consumer<String> sink) {
        sink.accept(key);
    }

    @Override
    public String orderingKey(ComparableRecord record) {
        return rule.orderingKey(record);
    }

    @Override
    public boolean pairsWithAll(ComparableRecord record) {
        return rule.pairsWithAll(record);
    }

    @Override
    public int maxBlockSize() {
        return rule.maxBlockSize();
    }

    @Override
    public void splitKeys(ComparableRecord record, Consumer<String> sink) {
        rule.splitKeys(record, sink);
    }
}
