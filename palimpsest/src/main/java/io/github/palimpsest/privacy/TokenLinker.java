package io.github.palimpsest.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.ModelFit;
import io.github.palimpsest.pipeline.RunSettings;
import io.github.palimpsest.score.MatchModel;
import java.util.List;
import java.util.Optional;

/**
 * Links {@link Tombstone}s (tokenised records) <em>through their tokens alone</em>: the plain-text pipeline's
 * stages over keyed tokens and Bloom filters, for whoever holds a token store but no names.
 *
 * <ol>
 *   <li><b>Block</b> with {@link TokenBlockingRules} (equal identifier tokens, and Hamming-LSH over the
 *       filters) in the generic {@link io.github.palimpsest.pipeline.Blocker}, with its skew guard;</li>
 *   <li><b>compare</b> every candidate pair with {@link TombstoneComparisons#standard()};</li>
 *   <li><b>train</b> without labels, unless a model is given: u from random pairs, m and λ by EM over the
 *       candidates (as for plain records), then m re-estimated from the pairs that
 *       share a PNC ID, CRO or NI token when there are enough of them. A pool smaller than
 *       {@link Builder#minimumTrainingRecords(int)} (default 1,000, as for plain text) linked with the standard
 *       comparisons is not trained on: it is scored with a bundled model, trained by a fixed recipe on
 *       generated fictional records (docs/privacy.md, "Small pools");</li>
 *   <li><b>score</b> each pair (term-frequency adjustment on identifier tokens);</li>
 *   <li>optionally keep a <b>one-to-one</b> assignment across sources: pairs at the threshold, and those
 *       promoted by their posterior under the one-to-one assumption (against their records' other candidates
 *       and the estimated chance that a record has no mate among them, {@link OneToOne}), then greedily,
 *       strongest first;</li>
 *   <li><b>cluster</b> with the constrained clusterer: different PNC, CRO or NI tokens
 *       stay apart, and dates of birth whose filters disagree conflict.</li>
 * </ol>
 *
 * <p><b>Two modes.</b> {@link #link(List)} deduplicates one pool: every pair may link.
 * {@link #link(List, List)} links <em>sources</em> (two forces, or the two files of a two-party linkage):
 * only pairs of records from different sources are compared, and with {@link Builder#oneToOne one-to-one}
 * each record links to at most one record of each other source: a pair is accepted when its own weight or its
 * posterior under the one-to-one assumption reaches the threshold, the strongest pairs chosen first (the
 * greedy solver of two-party linkage).
 *
 * <pre>{@code
 * TokenLinker linker = TokenLinker.builder().seed(42).oneToOne(true).build();
 * TokenLinkResult result = linker.link(tombstones, sources);   // sources: e.g. the force of each
 * result.people();                                             // each person's tombstones
 * result.links().get(0).explanation();                         // why two tombstones link
 * }</pre>
 *
 * <p>Every tombstone must be made under one key (one {@link Tombstone#keyId() key id}): tokens of different
 * keys never link, so a mixed pool is refused rather than silently left unlinked. Deterministic: the same
 * tombstones, sources and configuration give the same result whatever the number of threads. Immutable
 * and thread-safe; nothing is printed, progress goes to SLF4J (counts and timings only).
 */
public final class TokenLinker {

    final ImmutableList<Comparison<Tombstone>> comparisons;
    final Optional<ImmutableList<BlockingRule<Tombstone>>> blockingRules;
    /** The settings every front end shares, checked once by their builder. */
    final RunSettings settings;
    /** What tombstones bring to the one pipeline. */
    final TokenKind kind;
    final boolean oneToOne;
    final Optional<MatchModel> model;

    private TokenLinker(Builder b) {
        this.comparisons = ImmutableList.copyOf(b.comparisons);
        this.blockingRules = b.blockingRules.map(ImmutableList::copyOf);
        this.settings = b.settings.build();
        this.oneToOne = b.oneToOne;
        this.model = b.model;
        this.kind = new TokenKind(comparisons, blockingRules());
    }

    /**
     * A builder with {@link TombstoneComparisons#standard()}, the {@link TokenBlockingRules#standard standard
     * blocking rules} for the seed, threshold probability 0.95, seed 0, one thread per core, no one-to-one
     * constraint, a model trained on the tombstones linked, 1,000,000 random pairs for u, blocks of at most
     * 1,000 records paired exhaustively, an overwhelming weight of 20 bits, and the bundled model for pools
     * of fewer than 1,000 records.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Deduplicates one pool: every pair of tombstones may link.
     *
     * @throws IllegalArgumentException if the tombstones were made under more than one key, or one-to-one is
     *                                  on (it needs {@linkplain #link(List, List) sources})
     */
    public TokenLinkResult link(List<Tombstone> tombstones) {
        checkArgument(!oneToOne, "one-to-one links records of different sources: call link(tombstones, sources)");
        return new TokenLinkRun(this, checkTombstones(tombstones), null).run();
    }

    /**
     * Links sources: only pairs of tombstones whose sources differ are compared and linked, and with
     * one-to-one each tombstone links to at most one tombstone of each other source.
     *
     * @param sources the source of each tombstone, e.g. its force or the file it came from; same size
     * @throws IllegalArgumentException if the lists differ in size, a source is null, or the tombstones were
     *                                  made under more than one key
     */
    public TokenLinkResult link(List<Tombstone> tombstones, List<String> sources) {
        List<Tombstone> checked = checkTombstones(tombstones);
        checkNotNull(sources, "sources");
        checkArgument(sources.size() == checked.size(), "%s sources for %s tombstones; give one per tombstone",
                sources.size(), checked.size());
        int[] sourceOf = new int[sources.size()];
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        for (int i = 0; i < sourceOf.length; i++) {
            String source = checkNotNull(sources.get(i), "the source of tombstone %s is null", i);
            sourceOf[i] = ids.computeIfAbsent(source, s -> ids.size());
        }
        return new TokenLinkRun(this, checked, sourceOf).run();
    }

    /**
     * Trains a model on tombstones without linking them (block, compare, train), ignoring any supplied model
     * and the small-pool default: the recipe of the bundled model uses it.
     *
     * @throws IllegalArgumentException if the tombstones were made under more than one key or are fewer than two
     */
    MatchModel train(List<Tombstone> tombstones) {
        return new TokenLinkRun(this, checkTombstones(tombstones), null).trainOnly();
    }

    private static List<Tombstone> checkTombstones(List<Tombstone> tombstones) {
        List<Tombstone> copy = List.copyOf(checkNotNull(tombstones, "tombstones"));
        for (int i = 1; i < copy.size(); i++) {
            checkArgument(copy.get(i).keyId().equals(copy.get(0).keyId()), "tombstone %s was made under key id %s "
                    + "but tombstone 0 under %s: tokens of different keys never link; re-tokenise under one key",
                    i, copy.get(i).keyId(), copy.get(0).keyId());
        }
        return copy;
    }

    /** The comparisons, in model order. */
    public List<Comparison<Tombstone>> comparisons() {
        return comparisons;
    }

    /** The blocking rules used for a run with this linker's seed. */
    public List<BlockingRule<Tombstone>> blockingRules() {
        return blockingRules.isPresent() ? blockingRules.get() : TokenBlockingRules.standard(settings.seed());
    }

    /** The match weight in bits at or above which a pair is a link. */
    public double thresholdWeight() {
        return settings.thresholdWeight();
    }

    /** Whether links across sources are one-to-one. */
    public boolean isOneToOne() {
        return oneToOne;
    }

    /**
     * The supplied model, or empty when each run trains its own (or, for a pool smaller than
     * {@link Builder#minimumTrainingRecords(int)}, scores with the bundled model).
     */
    public Optional<MatchModel> model() {
        return model;
    }

    /** The configuration; no data. */
    @Override
    public String toString() {
        return "TokenLinker[threshold=" + settings.thresholdWeight() + " bits, seed=" + settings.seed()
                + ", threads=" + settings.threads() + ", oneToOne=" + oneToOne + ", model=" + (model.isPresent()
                ? "given" : "trained, bundled below " + settings.minimumTrainingRecords() + " records") + "]";
    }

    /** Configures a {@link TokenLinker}. Not thread-safe. */
    public static final class Builder {
        private List<Comparison<Tombstone>> comparisons = TombstoneComparisons.standard();
        private Optional<List<BlockingRule<Tombstone>>> blockingRules = Optional.empty();
        /**
         * Term frequencies count over pools of {@link RunSettings#DEFAULT_MINIMUM_RECORDS} tombstones or more,
         * whatever the training minimum: the bundled model holds no frequencies (see {@link DefaultTokenModel}).
         */
        private final RunSettings.Builder settings = RunSettings.builder()
                .minimumTrainingRecords(DefaultTokenModel.MINIMUM_TRAINING_RECORDS)
                .minimumTermFrequencyRecords(RunSettings.DEFAULT_MINIMUM_RECORDS);
        private boolean oneToOne;
        private Optional<MatchModel> model = Optional.empty();

        private Builder() {
        }

        /**
         * The comparisons (default {@link TombstoneComparisons#standard()}).
         *
         * @throws IllegalArgumentException if empty, two share a name, or one has fewer than 2 or more than 127 levels
         */
        public Builder comparisons(List<? extends Comparison<Tombstone>> value) {
            List<Comparison<Tombstone>> copy = RunSettings.checkComparisons(value);
            checkArgument(!copy.isEmpty(), "at least one comparison is needed");
            this.comparisons = copy;
            return this;
        }

        /**
         * The blocking rules (default {@link TokenBlockingRules#standard} with this builder's seed).
         *
         * @throws IllegalArgumentException if empty
         */
        public Builder blockingRules(List<? extends BlockingRule<Tombstone>> value) {
            List<BlockingRule<Tombstone>> copy = RunSettings.checkBlockingRules(value);
            checkArgument(!copy.isEmpty(), "at least one blocking rule is needed");
            this.blockingRules = Optional.of(copy);
            return this;
        }

        /**
         * The match probability at or above which a pair is a link (default 0.95).
         *
         * @throws IllegalArgumentException unless in (0, 1)
         */
        public Builder thresholdProbability(double probability) {
            settings.thresholdProbability(probability);
            return this;
        }

        /** The seed of u sampling and of the standard rules' bit positions (default 0). */
        public Builder seed(long value) {
            settings.seed(value);
            return this;
        }

        /**
         * Worker threads of the parallel stages (default: one per core); the result does not depend on it.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder threads(int count) {
            settings.threads(count);
            return this;
        }

        /**
         * Whether each record links to at most one record of each other source (default false); only for
         * {@link TokenLinker#link(List, List)}. A pair is accepted when its own weight reaches the threshold, or
         * its posterior <em>under the one-to-one assumption</em> does: judged against both records' other
         * candidates and the estimated chance that a record has no mate among them, so that a pair below the
         * threshold links when the two records are clearly each other's mate (it then enters at the
         * threshold weight). Accepted pairs are taken strongest first (ties by record indexes) and a link is
         * kept when neither record already has a kept link into the other's source. Linking without
         * one-to-one is unaffected.
         */
        public Builder oneToOne(boolean value) {
            this.oneToOne = value;
            return this;
        }

        /**
         * A model to score with instead of training one per run; its comparisons must have the names and
         * levels of the linker's comparisons, in order.
         */
        public Builder model(MatchModel value) {
            this.model = Optional.of(checkNotNull(value, "model"));
            return this;
        }

        /**
         * Random pairs compared to estimate u (default 1,000,000).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder uSamplePairs(long count) {
            settings.uSamplePairs(count);
            return this;
        }

        /**
         * The largest block paired exhaustively (default 1,000); larger ones are sub-blocked and reported.
         *
         * @throws IllegalArgumentException if below 10
         */
        public Builder maxBlockSize(int size) {
            settings.maxBlockSize(size);
            return this;
        }

        /**
         * The weight in bits a direct link needs to join records with different PNC, CRO or NI tokens
         * (default 20; raised to the threshold if below it).
         */
        public Builder overwhelmingWeight(double bits) {
            settings.overwhelmingWeight(bits);
            return this;
        }

        /**
         * The smallest pool a run trains a model on (default 1,000 tombstones, the plain-text linker's
         * default). A smaller pool, linked without a supplied model, is scored with the bundled default token
         * model when the comparisons are {@link TombstoneComparisons#standard()}: a few hundred records give
         * EM too few pairs of each pattern to learn from. Term-frequency adjustment applies only to pools of
         * 1,000 tombstones or more, whatever this is.
         *
         * @throws IllegalArgumentException if below 2
         */
        public Builder minimumTrainingRecords(int count) {
            settings.minimumTrainingRecords(count);
            return this;
        }

        /**
         * The linker.
         *
         * @throws IllegalArgumentException if a given model does not fit the comparisons
         */
        public TokenLinker build() {
            model.ifPresent(m -> ModelFit.check(m, comparisons, "linker"));
            return new TokenLinker(this);
        }
    }
}
