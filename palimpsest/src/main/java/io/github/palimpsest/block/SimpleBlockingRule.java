package io.github.palimpsest.block;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** The rule behind {@link BlockingRule#of}: a name, two functions and a predicate. */
final class SimpleBlockingRule<R> implements BlockingRule<R> {
    private final String name;
    private final BiConsumer<? super R, Consumer<String>> keys;
    private final Function<? super R, String> orderingKey;
    private final Predicate<? super R> pairsWithAll;

    SimpleBlockingRule(String name, BiConsumer<? super R, Consumer<String>> keys,
            Function<? super R, String> orderingKey, Predicate<? super R> pairsWithAll) {
        this.name = name;
        this.keys = keys;
        this.orderingKey = orderingKey;
        this.pairsWithAll = pairsWithAll;
    }

    @Override
    public boolean pairsWithAll(R record) {
        return pairsWithAll.test(record);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void keys(R record, Consumer<String> sink) {
        keys.accept(record, sink);
    }

    @Override
    public String orderingKey(R record) {
        String key = orderingKey.apply(record);
        return key == null ? "" : key;
    }

    @Override
    public String toString() {
        return "BlockingRule[" + name + "]";
    }
}
