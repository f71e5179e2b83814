package io.github.palimpsest.spark;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One block of a library blocking rule, over its members in the form that rule's blocking reads them: every
 * member carries the one key of the block, and the rule's ordering key, whether the record pairs with all
 * and its split keys, each worked out by the rule itself from the record ({@link Member#of}), where the
 * record is. A {@link io.github.palimpsest.pipeline.Blocker} over one oversize block's members, in input order,
 * with this rule, makes exactly the pairs the one-machine blocker makes inside that block: the sorted window
 * (ties by input order) and the sub-blocks by split keys. Only these few strings travel to the block's task,
 * not the records.
 */
final class SingleBlockRule implements BlockingRule<SingleBlockRule.Member> {
    private final BlockingRule<ComparableRecord> rule;
    private final String key;

    SingleBlockRule(BlockingRule<ComparableRecord> rule, String key) {
        this.rule = rule;
        this.key = key;
    }

    /** What one record brings to a block of one rule: its input position and the rule's view of it. */
    static final class Member implements Serializable {
        private static final long serialVersionUID = 1L;
        private static final String[] NONE = new String[0];

        final long position;
        final String orderingKey;
        final boolean pairsWithAll;
        final String[] splitKeys;

        private Member(long position, String orderingKey, boolean pairsWithAll, String[] splitKeys) {
            this.position = position;
            this.orderingKey = orderingKey;
            this.pairsWithAll = pairsWithAll;
            this.splitKeys = splitKeys;
        }

        /** The record at {@code position} as {@code rule} blocks it. */
        static Member of(long position, ComparableRecord record, BlockingRule<ComparableRecord> rule) {
            List<String> split = new ArrayList<>(2);
            rule.splitKeys(record, split::add);
            return new Member(position, rule.orderingKey(record), rule.pairsWithAll(record),
                    split.isEmpty() ? NONE : split.toArray(NONE));
        }
    }

    @Override
    public String name() {
        return rule.name();
    }

    @Override
    public void keys(Member member, Consumer<String> sink) {
        sink.accept(key);
    }

    @Override
    public String orderingKey(Member member) {
        return member.orderingKey;
    }

    @Override
    public boolean pairsWithAll(Member member) {
        return member.pairsWithAll;
    }

    @Override
    public int maxBlockSize() {
        return rule.maxBlockSize();
    }

    @Override
    public void splitKeys(Member member, Consumer<String> sink) {
        for (String split : member.splitKeys) {
            sink.accept(split);
        }
    }
}
