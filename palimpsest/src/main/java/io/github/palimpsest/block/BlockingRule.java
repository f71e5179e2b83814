package io.github.palimpsest.block;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.compare.Comparison;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One way of grouping records into blocks: records that share a key value under the same rule become
 * candidate pairs. The linker unions the pairs of several rules.
 *
 * <p>A rule emits zero or more keys per record. A record with no key under a rule is simply not blocked
 * by it (another rule may still reach it). The empty string is ignored as a key, because in practice it
 * almost always stands for a missing value, and a block of every record with a missing value is exactly
 * the skew a blocker must avoid. Keys of different rules never meet: "1980" under a birth-year rule and
 * "1980" under a house-number rule form separate blocks.
 *
 * <p>Implementations must be immutable, thread-safe and deterministic: the blocker calls {@link #keys}
 * from several threads at once, and the same record must always yield the same keys.
 *
 * <pre>{@code
 * BlockingRule<Person> surnameYear = BlockingRule.of("surname-soundex+birth-year",
 *     (p, sink) -> p.birthYear().ifPresent(y -> sink.accept(p.surnameSoundex() + "|" + y)),
 *     Person::forename);   // orders the records of an oversize block (see orderingKey)
 * }</pre>
 *
 * @param <R> the record type
 */
public interface BlockingRule<R> {

    /** A short stable name for reports and logs, e.g. {@code "pnc"} or {@code "surname+year"}. */
    String name();

    /**
     * Emits this rule's keys for {@code record} into {@code sink}: none, one or several. Keys may be
     * personal data (a date of birth, a phonetic surname); the blocker never writes them to a log.
     */
    void keys(R record, Consumer<String> sink);

    /**
     * A secondary key that orders the records of an oversize block (one whose key value is shared by more
     * than the blocker's maximum block size) before a sorted-neighbourhood window pairs each record with
     * its nearest neighbours in that order. A good ordering key is a field the rule's key does not
     * already contain, so that similar records sort next to each other: a surname for a date-of-birth
     * rule, a date of birth for a surname rule.
     *
     * <p>The default returns the empty string, in which case ties are broken by record index, so the
     * window then pairs records by input position: deterministic but close to arbitrary. Called only for
     * records inside oversize blocks.
     */
    default String orderingKey(R record) {
        return "";
    }

    /**
     * Whether this record pairs with every record that shares one of its keys. Two records that share a key
     * become a pair only if at least one of them does. So a rule can key on a value too common to pair all
     * its records (a full name) and still pair each record that has nothing else (no date of birth) with
     * every record of that value, at a cost linear in the number of such records. The default is
     * {@code true}: every two records that share a key are a pair. Must be deterministic, like the keys.
     */
    default boolean pairsWithAll(R record) {
        return true;
    }

    /**
     * The largest block this rule pairs in full. The blocker (and {@code LinkIndex}) uses the smaller of this
     * and its own maximum block size; a larger block is sub-blocked with the sorted window. The default
     * leaves the choice to the blocker. See {@link #withMaxBlockSize}.
     */
    default int maxBlockSize() {
        return Integer.MAX_VALUE;
    }

    /**
     * Second keys that split an oversize block: inside a block larger than the maximum block size, the
     * records that also share one of these keys form a sub-block, paired in full when it is within the
     * maximum block size (a larger sub-block is left to the window), on top of the sorted window over the
     * whole block. So a value too common to pair in full (a hostel's phone number, a placeholder
     * identifier, a common surname) still pairs each record with every record of the block that agrees
     * with it on something more (a surname, a year of birth), however large the block. The window then
     * pairs only where at least one of the two records emits no split key: a record that has no second
     * key (a purged record with only a phone) still meets its sorted neighbours, while the others are
     * placed by their second keys instead of by position. The default emits none: the window alone.
     * Called only for records inside oversize blocks; must be deterministic, like the keys.
     */
    default void splitKeys(R record, Consumer<String> sink) {
    }

    /**
     * This rule with the given {@linkplain #splitKeys split keys} for its oversize blocks.
     */
    default BlockingRule<R> withSplitKeys(BiConsumer<? super R, Consumer<String>> splitKeys) {
        return new GuardedBlockingRule<>(this, maxBlockSize(), checkNotNull(splitKeys, "splitKeys"));
    }

    /**
     * The comparison whose agreeing pairs this rule makes all candidates: every two records that agree on it
     * (its first level) share a key of this rule, as an identifier rule keyed on the identifier does. The
     * linker then counts that comparison's {@code u} over every pair of the pool instead of sampling it.
     * Empty by default; set with {@link #coveringAgreementOf}.
     */
    default Optional<Comparison<? super R>> agreementCovered() {
        return Optional.empty();
    }

    /**
     * This rule, declared to make every pair that agrees on {@code comparison} a candidate (see {@link
     * #agreementCovered}). Only declare what the keys guarantee: a rule keyed on the value itself, or on a
     * superset such as the value and its one-deletion neighbours.
     */
    default BlockingRule<R> coveringAgreementOf(Comparison<? super R> comparison) {
        return new GuardedBlockingRule<>(this, maxBlockSize(), null, checkNotNull(comparison, "comparison"));
    }

    /**
     * This rule with its own, smaller maximum block size: for a rule whose common values cannot carry a link
     * on their own (a full name shared by a hundred records), so that their blocks cost a window rather than
     * every pair. Its oversize blocks are expected and logged at INFO, not WARN.
     *
     * @throws IllegalArgumentException if {@code maxBlockSize} is below 2
     */
    default BlockingRule<R> withMaxBlockSize(int maxBlockSize) {
        checkArgument(maxBlockSize >= 2, "maxBlockSize must be at least 2, got %s", maxBlockSize);
        return new GuardedBlockingRule<>(this, maxBlockSize, null);
    }

    /**
     * A rule from a name and a key function.
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    static <R> BlockingRule<R> of(String name, BiConsumer<? super R, Consumer<String>> keys) {
        return of(name, keys, record -> "");
    }

    /**
     * A rule from a name, a key function and an ordering key for oversize blocks (see
     * {@link #orderingKey}).
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    static <R> BlockingRule<R> of(
            String name,
            BiConsumer<? super R, Consumer<String>> keys,
            Function<? super R, String> orderingKey) {
        return of(name, keys, orderingKey, record -> true);
    }

    /**
     * A rule from a name, a key function, an ordering key for oversize blocks and the records that pair with
     * every record of their blocks (see {@link #pairsWithAll}).
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    static <R> BlockingRule<R> of(
            String name,
            BiConsumer<? super R, Consumer<String>> keys,
            Function<? super R, String> orderingKey,
            Predicate<? super R> pairsWithAll) {
        checkNotNull(name, "name");
        checkArgument(!name.isBlank(), "a blocking rule needs a non-blank name");
        return new SimpleBlockingRule<>(name, checkNotNull(keys, "keys"), checkNotNull(orderingKey, "orderingKey"),
                checkNotNull(pairsWithAll, "pairsWithAll"));
    }
}
