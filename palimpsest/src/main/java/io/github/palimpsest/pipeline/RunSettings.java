package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.Comparison;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The numeric settings of a linking run, shared by the batch linker, the token linker and the link index:
 * one immutable object, each value checked once, by {@link Builder}, with one message per setting. The
 * public builders ({@code Linker.Builder}, {@code TokenLinker.Builder}, {@code LinkIndexBuilder}) keep their
 * own methods and delegate to a builder of this class, so that a setting means the same thing, and is
 * refused for the same reason, whichever front end it is given to. What differs by the kind of record (the
 * comparisons, blocking rules and bundled model) is not here but in the {@link RecordKind}.
 *
 * <p>Internal: this package is not exported.
 */
public final class RunSettings {
    /** The default smallest pool a run trains on, and the smallest pool term frequencies are counted over. */
    public static final int DEFAULT_MINIMUM_RECORDS = 1_000;
    /** The default number of nearest neighbours each record is paired with after the blocking rules. */
    public static final int DEFAULT_NEIGHBOURS_PER_RECORD = 10;

    private final double thresholdProbability;
    private final double thresholdWeight;
    private final double overwhelmingWeight;
    /** As set, before raising to the threshold, so that a changed threshold raises it afresh. */
    private final double overwhelmingWeightAsGiven;
    private final long seed;
    private final int threads;
    private final long uSamplePairs;
    private final int maxBlockSize;
    private final int neighboursPerRecord;
    private final boolean termFrequencyAdjustment;
    private final int minimumTrainingRecords;
    private final int minimumTermFrequencyRecords;
    private final boolean householdClass;
    private final boolean supportedLinks;

    private RunSettings(Builder b) {
        this.thresholdProbability = b.thresholdProbability;
        this.thresholdWeight = weightOf(b.thresholdProbability);
        this.overwhelmingWeight = Math.max(b.overwhelmingWeight, thresholdWeight);
        this.overwhelmingWeightAsGiven = b.overwhelmingWeight;
        this.seed = b.seed;
        this.threads = b.threads;
        this.uSamplePairs = b.uSamplePairs;
        this.maxBlockSize = b.maxBlockSize;
        this.neighboursPerRecord = b.neighboursPerRecord;
        this.termFrequencyAdjustment = b.termFrequencyAdjustment;
        this.minimumTrainingRecords = b.minimumTrainingRecords;
        this.minimumTermFrequencyRecords = b.minimumTermFrequencyRecords;
        this.householdClass = b.householdClass;
        this.supportedLinks = b.supportedLinks;
    }

    /** The defaults: threshold 0.95, seed 0, one thread per core, 1,000,000 u pairs, blocks of 1,000, 20 bits. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.thresholdProbability = thresholdProbability;
        b.overwhelmingWeight = overwhelmingWeightAsGiven;
        b.seed = seed;
        b.threads = threads;
        b.uSamplePairs = uSamplePairs;
        b.maxBlockSize = maxBlockSize;
        b.neighboursPerRecord = neighboursPerRecord;
        b.termFrequencyAdjustment = termFrequencyAdjustment;
        b.minimumTrainingRecords = minimumTrainingRecords;
        b.minimumTermFrequencyRecords = minimumTermFrequencyRecords;
        b.householdClass = householdClass;
        b.supportedLinks = supportedLinks;
        return b;
    }

    /**
     * The check every front end applies to the comparisons it is given: no null, names unique (the model
     * refers to comparisons by name), and between 2 and 127 levels each (levels are stored as bytes, one per
     * candidate pair and comparison). Whether an empty list is refused at once or at {@code build()} is each
     * builder's documented choice.
     *
     * @return an immutable copy
     */
    public static <C extends Comparison<?>> List<C> checkComparisons(List<? extends C> value) {
        checkNotNull(value, "comparisons");
        Set<String> names = new HashSet<>();
        for (C c : value) {
            checkNotNull(c, "comparison");
            checkArgument(names.add(c.name()), "comparison name '%s' appears twice", c.name());
            checkArgument(c.levels().size() >= 2 && c.levels().size() <= Byte.MAX_VALUE,
                    "comparison '%s' has %s levels; it needs between 2 and 127", c.name(), c.levels().size());
        }
        return List.copyOf(value);
    }

    /**
     * The check every front end applies to the blocking rules it is given: no null, names unique (the
     * blocking report and counted u refer to rules by name).
     *
     * @return an immutable copy
     */
    public static <B extends BlockingRule<?>> List<B> checkBlockingRules(List<? extends B> value) {
        checkNotNull(value, "blockingRules");
        Set<String> names = new HashSet<>();
        for (B r : value) {
            checkNotNull(r, "blocking rule");
            checkArgument(names.add(r.name()), "blocking rule name '%s' appears twice", r.name());
        }
        return List.copyOf(value);
    }

    /** {@code log2(p / (1 − p))}: every front end converts a probability to bits this way, bit for bit. */
    public static double weightOf(double probability) {
        return StrictMath.log(probability / (1 - probability)) / StrictMath.log(2);
    }

    /** The probability at or above which a pair is a link. */
    public double thresholdProbability() {
        return thresholdProbability;
    }

    /** The threshold in bits, {@link #weightOf}. */
    public double thresholdWeight() {
        return thresholdWeight;
    }

    /** The weight a direct link needs to join records with different strong identifiers; at least the threshold. */
    public double overwhelmingWeight() {
        return overwhelmingWeight;
    }

    /** The seed of u sampling (and of the token blocking rules' bit positions). */
    public long seed() {
        return seed;
    }

    /** Worker threads of the parallel stages. */
    public int threads() {
        return threads;
    }

    /** Random pairs compared to estimate u. */
    public long uSamplePairs() {
        return uSamplePairs;
    }

    /** The largest block paired exhaustively. */
    public int maxBlockSize() {
        return maxBlockSize;
    }

    /** The nearest neighbours each record is paired with after the blocking rules; 0 when the search is off. */
    public int neighboursPerRecord() {
        return neighboursPerRecord;
    }

    /** Whether weights are adjusted by term frequency at all. */
    public boolean termFrequencyAdjustment() {
        return termFrequencyAdjustment;
    }

    /** The smallest pool a run trains on; smaller pools use the kind's bundled model. */
    public int minimumTrainingRecords() {
        return minimumTrainingRecords;
    }

    /** The smallest pool whose term frequencies are fine enough to adjust weights with. */
    public int minimumTermFrequencyRecords() {
        return minimumTermFrequencyRecords;
    }

    /** Whether training fits the relatives' classes (where the kind of record supports them). */
    public boolean householdClass() {
        return householdClass;
    }

    /** Whether a link below the threshold may join a cluster that supports it (see {@link #supportedLinkWeight()}). */
    public boolean supportedLinks() {
        return supportedLinks;
    }

    /**
     * The weight from which a link below the threshold may join a record or cluster to a person whose records
     * support it (see {@code Clusterer.Builder#supportedLinkWeight}): 0 bits, even odds, when supported links
     * are on, so that a link must itself be more likely than not; positive infinity when they are off.
     */
    public double supportedLinkWeight() {
        return supportedLinks ? Math.min(0, thresholdWeight) : Double.POSITIVE_INFINITY;
    }

    /** Whether a pool of {@code recordCount} records is term-frequency adjusted. */
    public boolean adjustsTermFrequencies(int recordCount) {
        return termFrequencyAdjustment && recordCount >= minimumTermFrequencyRecords;
    }

    /** The settings; no data. */
    @Override
    public String toString() {
        return "RunSettings[threshold=" + thresholdProbability + ", seed=" + seed + ", threads=" + threads
                + ", uSamplePairs=" + uSamplePairs + ", maxBlockSize=" + maxBlockSize + ", neighboursPerRecord=" + neighboursPerRecord + ", overwhelmingWeight="
                + overwhelmingWeight + ", termFrequencyAdjustment=" + termFrequencyAdjustment
                + ", minimumTrainingRecords=" + minimumTrainingRecords + ", supportedLinks=" + supportedLinks + "]";
    }

    /** Collects and checks settings; each setter refuses a bad value at once. Not thread-safe. */
    public static final class Builder {
        private double thresholdProbability = 0.95;
        private double overwhelmingWeight = 20;
        private long seed;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long uSamplePairs = 1_000_000;
        private int maxBlockSize = 1_000;
        private int neighboursPerRecord = DEFAULT_NEIGHBOURS_PER_RECORD;
        private boolean termFrequencyAdjustment = true;
        private int minimumTrainingRecords = DEFAULT_MINIMUM_RECORDS;
        private int minimumTermFrequencyRecords = DEFAULT_MINIMUM_RECORDS;
        private boolean householdClass = true;
        private boolean supportedLinks = true;

        private Builder() {
        }

        /** In (0, 1). */
        public Builder thresholdProbability(double probability) {
            checkArgument(probability > 0 && probability < 1, "threshold probability must be in (0, 1), got %s",
                    probability);
            this.thresholdProbability = probability;
            return this;
        }

        /** Not NaN; raised to the threshold's weight if below it. */
        public Builder overwhelmingWeight(double bits) {
            checkArgument(!Double.isNaN(bits), "overwhelmingWeight must not be NaN");
            this.overwhelmingWeight = bits;
            return this;
        }

        /** Any value. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** At least 1. */
        public Builder threads(int count) {
            checkArgument(count >= 1, "threads must be at least 1, got %s", count);
            this.threads = count;
            return this;
        }

        /** Positive. */
        public Builder uSamplePairs(long count) {
            checkArgument(count > 0, "uSamplePairs must be positive, got %s", count);
            this.uSamplePairs = count;
            return this;
        }

        /** At least 10, the sorted window inside an oversize block. */
        public Builder maxBlockSize(int size) {
            checkArgument(size >= 10, "maxBlockSize must be at least 10, got %s", size);
            this.maxBlockSize = size;
            return this;
        }

        /** At least 0 (0: no nearest-neighbour search). */
        public Builder neighboursPerRecord(int count) {
            checkArgument(count >= 0, "neighboursPerRecord must be at least 0, got %s", count);
            this.neighboursPerRecord = count;
            return this;
        }

        /** On or off. */
        public Builder termFrequencyAdjustment(boolean value) {
            this.termFrequencyAdjustment = value;
            return this;
        }

        /** At least 2. */
        public Builder minimumTrainingRecords(int count) {
            checkArgument(count >= 2, "minimumTrainingRecords must be at least 2, got %s", count);
            this.minimumTrainingRecords = count;
            return this;
        }

        /** At least 2. */
        public Builder minimumTermFrequencyRecords(int count) {
            checkArgument(count >= 2, "minimumTermFrequencyRecords must be at least 2, got %s", count);
            this.minimumTermFrequencyRecords = count;
            return this;
        }

        /** On or off. */
        public Builder householdClass(boolean fit) {
            this.householdClass = fit;
            return this;
        }

        /** On or off. */
        public Builder supportedLinks(boolean on) {
            this.supportedLinks = on;
            return this;
        }

        /** The settings; every value was checked when it was set. */
        public RunSettings build() {
            return new RunSettings(this);
        }
    }
}
