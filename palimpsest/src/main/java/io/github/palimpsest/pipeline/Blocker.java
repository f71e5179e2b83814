package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.block.BlockingReport.OversizeBlock;
import io.github.palimpsest.block.BlockingReport.RuleSummary;
import io.github.palimpsest.block.BlockingReport;
import io.github.palimpsest.block.BlockingRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.ForkJoinTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candidate generation: runs several {@link BlockingRule}s over a list of records and unions their pairs,
 * each pair once. Records are addressed by their index in the list.
 *
 * <p><b>Skew guard.</b> A key value shared by very many records (a placeholder date of birth such as
 * 1900-01-01, a default postcode) would produce a quadratic number of pairs. A block larger than
 * {@link Builder#maxBlockSize maxBlockSize} is therefore not paired exhaustively: its records are sorted
 * by the rule's {@link BlockingRule#orderingKey ordering key} and each is paired with its next
 * {@code windowSize - 1} neighbours (a sorted-neighbourhood window), so the window costs at most
 * {@code size * (windowSize - 1)} pairs; and it is split by the rule's
 * {@linkplain BlockingRule#splitKeys second keys}: the records that also share one of those form a
 * sub-block, paired in full when it is within the maximum block size. So a shared phone number is split by
 * surname and year of birth rather than dropped, and costs about what those finer keys would. Such blocks
 * are never dropped silently: each one is listed in {@link BlockingReport#oversizeBlocks()} and logged
 * (rule, size, window, sub-blocks; never the key text).
 *
 * <p><b>Cost.</b> Memory is a few primitive arrays: 8 bytes per (key, record) while a rule is built, 8
 * bytes per pair it emits, and 8 bytes per distinct pair in the union. Key extraction, pair emission and
 * sorting use all cores when {@link Builder#parallel parallel} (the default).
 *
 * <p>Immutable and thread-safe; the output depends only on the rules and the records, never on thread
 * timing.
 *
 * <pre>{@code
 * Blocker<Person> blocker = Blocker.<Person>builder()
 *     .rule(BlockingRule.of("pnc", (p, keys) -> p.pnc().ifPresent(keys)))
 *     .rule(BlockingRule.of("dob+postcode", (p, keys) -> keys.accept(p.dob() + "|" + p.postcode())))
 *     .maxBlockSize(1_000)
 *     .build();
 * CandidatePairs pairs = blocker.candidates(people);
 * }</pre>
 *
 * @param <R> the record type
 */
public final class Blocker<R> {
    private static final Logger LOG = LoggerFactory.getLogger(Blocker.class);

    private final List<BlockingRule<R>> rules;
    private final int maxBlockSize;
    private final int windowSize;
    private final boolean parallel;

    private Blocker(Builder<R> builder) {
        this.rules = List.copyOf(builder.rules);
        this.maxBlockSize = builder.maxBlockSize;
        this.windowSize = builder.windowSize;
        this.parallel = builder.parallel;
    }

    /** A builder with no rules, a maximum block size of 1,000 and a window of 10. */
    public static <R> Builder<R> builder() {
        return new Builder<>();
    }

    /** The rules, in the order their pairs are counted as new. */
    public List<BlockingRule<R>> rules() {
        return rules;
    }

    /** The largest block that is paired exhaustively. */
    public int maxBlockSize() {
        return maxBlockSize;
    }

    /** The sorted-neighbourhood window used inside larger blocks. */
    public int windowSize() {
        return windowSize;
    }

    /**
     * The union of every rule's candidate pairs over {@code records}, with a report.
     *
     * @param records the records, addressed by index; none may be null
     * @throws IllegalStateException if the pairs would not fit one array (about two billion): lower the
     *     maximum block size or make the rules more selective
     */
    public CandidatePairs candidates(List<R> records) {
        checkNotNull(records, "records");
        List<R> indexed = records instanceof RandomAccess ? records : new ArrayList<>(records);
        for (int i = 0; i < indexed.size(); i++) {
            checkNotNull(indexed.get(i), "record %s is null", i);
        }
        long started = System.nanoTime();
        // The union grows rule by rule in two buffers used in turn, each a little larger than it needs to
        // be, rather than in a fresh array per rule: at a million records the rules' unions otherwise
        // allocated some twenty arrays of millions of pairs.
        long[] union = new long[0];
        int unionLength = 0;
        long[] spare = new long[0];
        List<RuleSummary> summaries = new ArrayList<>();
        List<OversizeBlock> oversize = new ArrayList<>();
        RuleBuilds<R> builds = new RuleBuilds<>(rules, indexed, maxBlockSize, windowSize, parallel);
        try {
            for (int r = 0; r < rules.size(); r++) {
                BlockingRule<R> rule = rules.get(r);
                int ruleMaxBlockSize = Math.min(maxBlockSize, rule.maxBlockSize());
                Built built = builds.take(r);
                RuleBlocks blocks = built.blocks;
                int before = unionLength;
                int most = LongArrays.checkedTotal(unionLength, blocks.pairs.length);
                if (spare.length < most) {
                    spare = new long[(int) Math.min(LongArrays.MAX_LENGTH, most + (long) most / 2)];
                }
                unionLength = LongArrays.unionInto(union, unionLength, blocks.pairs, spare);
                long[] swap = union;
                union = spare;
                spare = swap;
                long newPairs = unionLength - before;
                summaries.add(new RuleSummary(blocks.name, blocks.recordsWithKey, blocks.blocks, blocks.largestBlock,
                        blocks.oversize.size(), blocks.pairs.length, newPairs));
                oversize.addAll(blocks.oversize);
                LOG.info("blocking rule {}: {} records keyed, {} blocks, largest {}, {} pairs, {} new, {} ms",
                        blocks.name, blocks.recordsWithKey, blocks.blocks, blocks.largestBlock, blocks.pairs.length,
                        newPairs, built.nanos / 1_000_000);
                if (!blocks.oversize.isEmpty()) {
                    // One line a rule, sizes only: the keys may be personal data (DESIGN.md, "PII stays out of
                    // logs"); every block is in the report. A common full name makes dozens at a million records.
                    // A rule that set its own smaller maximum expects such blocks: INFO, not WARN.
                    long windowed = blocks.oversize.stream().mapToLong(OversizeBlock::pairs).sum();
                    long subBlocks = blocks.oversize.stream().mapToLong(OversizeBlock::subBlocks).sum();
                    long subBlockPairs = blocks.oversize.stream().mapToLong(OversizeBlock::subBlockPairs).sum();
                    String message = "blocking rule {}: {} block(s) exceed the maximum block size {} "
                            + "(largest {} records); split, not dropped: a sorted window of {} ({} pairs) and {} "
                            + "sub-blocks by a second key ({} pairs)";
                    Object[] arguments = {blocks.name, blocks.oversize.size(), ruleMaxBlockSize,
                        blocks.oversize.get(0).size(), windowSize, windowed, subBlocks, subBlockPairs};
                    if (ruleMaxBlockSize < maxBlockSize) {
                        LOG.info(message, arguments);
                    } else {
                        LOG.warn(message, arguments);
                    }
                }
            }
        } finally {
            builds.cancelRest();
        }
        spare = null;
        union = union.length == unionLength ? union : Arrays.copyOf(union, unionLength);
        int unpaired = recordsWithoutPairs(indexed.size(), union);
        BlockingReport report = new BlockingReport(indexed.size(), summaries, oversize, union.length, unpaired);
        LOG.info("blocking: {} records, {} candidate pairs, {} records in no pair, {} ms",
                indexed.size(), union.length, unpaired, (System.nanoTime() - started) / 1_000_000);
        return new CandidatePairs(indexed.size(), union, report);
    }

    /** One rule's blocks and how long they took to build (its own time, not the wait for it). */
    private static final class Built {
        final RuleBlocks blocks;
        final long nanos;

        Built(RuleBlocks blocks, long nanos) {
            this.blocks = blocks;
            this.nanos = nanos;
        }
    }

    /**
     * The rules' blocks, built ahead of the union. The union must take the rules in order (a rule's new
     * pairs are those no earlier rule made), but each rule's blocks are a pure function of the rule and the
     * records, so when parallel the next {@value #BUILDS_AHEAD} rules are built on other workers while the
     * caller waits for, and unions, the current one: each rule has sequential steps (the walk over its
     * blocks, the pair scatter) that otherwise left every other core idle, about two thirds of the stage at a
     * million records. Only a few rules' pairs are held at once. Sequential, or called from outside a
     * fork-join pool, each rule is built when taken.
     */
    private static final class RuleBuilds<R> {
        /** Rules built ahead of the one being unioned: enough to fill two cores, few to hold in memory. */
        static final int BUILDS_AHEAD = 1;

        private final List<BlockingRule<R>> rules;
        private final List<R> records;
        private final int maxBlockSize;
        private final int windowSize;
        private final boolean parallel;
        private final List<ForkJoinTask<Object>> started = new ArrayList<>();

        RuleBuilds(List<BlockingRule<R>> rules, List<R> records, int maxBlockSize, int windowSize,
                boolean parallel) {
            this.rules = rules;
            this.records = records;
            this.maxBlockSize = maxBlockSize;
            this.windowSize = windowSize;
            this.parallel = parallel;
        }

        /** Rule {@code r}'s blocks, taken in rule order; throws what building them threw. */
        Built take(int r) {
            // Ahead only from a worker of a pool (a run's): a thread outside one would wait idle in join()
            // while the common pool, a single worker on two cores, built both rules.
            if (!parallel || !ForkJoinTask.inForkJoinPool()) {
                return build(r);
            }
            while (started.size() < rules.size() && started.size() <= r + BUILDS_AHEAD) {
                int next = started.size();
                // A failure is returned, not thrown: join() would rethrow a copy wrapping it.
                started.add(ForkJoinTask.adapt(() -> {
                    try {
                        return (Object) build(next);
                    } catch (RuntimeException e) {
                        return e;
                    }
                }).fork());
            }
            Object result = started.get(r).join();
            started.set(r, null); // its pairs are the caller's now
            if (result instanceof RuntimeException failure) {
                throw failure;
            }
            return (Built) result;
        }

        /** Cancels the builds not taken (after a failure); a build under way runs to its end, unread. */
        void cancelRest() {
            for (ForkJoinTask<Object> task : started) {
                if (task != null) {
                    task.cancel(false);
                }
            }
        }

        private Built build(int r) {
            long started = System.nanoTime();
            BlockingRule<R> rule = rules.get(r);
            RuleBlocks blocks = RuleBlocks.build(rule, records, Math.min(maxBlockSize, rule.maxBlockSize()),
                    windowSize, parallel);
            return new Built(blocks, System.nanoTime() - started);
        }
    }

    static int recordsWithoutPairs(int recordCount, long[] pairs) {
        boolean[] paired = new boolean[recordCount];
        for (long pair : pairs) {
            paired[CandidatePairs.left(pair)] = true;
            paired[CandidatePairs.right(pair)] = true;
        }
        int count = 0;
        for (boolean p : paired) {
            if (!p) {
                count++;
            }
        }
        return count;
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "Blocker[rules=" + rules.size() + ", maxBlockSize=" + maxBlockSize + ", windowSize=" + windowSize + "]";
    }

    /**
     * Configures a {@link Blocker}. Not thread-safe; {@link #build()} may be called more than once.
     *
     * @param <R> the record type
     */
    public static final class Builder<R> {
        private final List<BlockingRule<R>> rules = new ArrayList<>();
        private int maxBlockSize = 1_000;
        private int windowSize = 10;
        private boolean parallel = true;

        private Builder() {}

        /**
         * Adds a rule; rules are applied in the order added.
         *
         * @throws IllegalArgumentException if a rule with the same name was already added
         */
        public Builder<R> rule(BlockingRule<R> rule) {
            checkNotNull(rule, "rule");
            for (BlockingRule<R> existing : rules) {
                checkArgument(!existing.name().equals(rule.name()),
                        "two blocking rules are named '%s'; names must be unique for the report", rule.name());
            }
            rules.add(rule);
            return this;
        }

        /** Adds several rules, in order. */
        public Builder<R> rules(List<? extends BlockingRule<R>> more) {
            checkNotNull(more, "rules").forEach(this::rule);
            return this;
        }

        /**
         * The largest block that is paired exhaustively (default 1,000, i.e. at most 499,500 pairs from one
         * block). Larger blocks are sub-blocked with a sorted window and reported.
         *
         * @throws IllegalArgumentException if below 2
         */
        public Builder<R> maxBlockSize(int maxBlockSize) {
            checkArgument(maxBlockSize >= 2, "maxBlockSize must be at least 2, got %s", maxBlockSize);
            this.maxBlockSize = maxBlockSize;
            return this;
        }

        /**
         * The sorted-neighbourhood window inside an oversize block (default 10): each record is paired with
         * the next {@code windowSize - 1} records in ordering-key order.
         *
         * @throws IllegalArgumentException if below 2
         */
        public Builder<R> windowSize(int windowSize) {
            checkArgument(windowSize >= 2, "windowSize must be at least 2, got %s", windowSize);
            this.windowSize = windowSize;
            return this;
        }

        /** Whether to use all cores (default true); the output is the same either way. */
        public Builder<R> parallel(boolean parallel) {
            this.parallel = parallel;
            return this;
        }

        /**
         * A blocker with this configuration.
         *
         * @throws IllegalStateException if no rule was added, or the window is larger than the maximum block
         *     size (the sub-blocking would then make more pairs than the block it replaces)
         */
        public Blocker<R> build() {
            if (rules.isEmpty()) {
                throw new IllegalStateException("a blocker needs at least one rule; add one with rule(...)");
            }
            if (windowSize > maxBlockSize) {
                throw new IllegalStateException("windowSize " + windowSize + " exceeds maxBlockSize "
                        + maxBlockSize + "; a window must be smaller than the blocks it replaces");
            }
            return new Blocker<>(this);
        }
    }
}
