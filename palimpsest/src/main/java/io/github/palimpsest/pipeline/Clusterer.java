package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Turns scored links into people: records joined by links at or above a threshold form clusters, under a
 * constraint that plain connected components lack.
 *
 * <p><b>Threshold.</b> Expressed as a match weight in bits (log2 of the Bayes factor with the prior, so
 * {@code w} corresponds to probability {@code 2^w / (1 + 2^w)}); {@link Builder#thresholdProbability}
 * converts from a probability. A link is used when its weight is at or above the threshold.
 *
 * <p><b>Exclusive keys.</b> Each record may carry keys of the form {@code "type:value"}, e.g.
 * {@code "pnc:1979/0163001B"}. Two records <em>conflict</em> when they carry different values of one type.
 * The guarantee: <em>two conflicting records are in one cluster only if a direct link between those two
 * records has at least the overwhelming weight</em>. However the links chain, a weak path through records
 * without identifiers never joins two people with different PNC IDs.
 *
 * <p><b>Algorithm.</b> Links are taken in descending weight (ties by record pair, so the result is
 * independent of the order links are given in) and merged with a union–find whose roots carry the union
 * of their members' keys. A merge whose key sets agree is immediate; one whose sets conflict is allowed
 * only if every conflicting pair across the two clusters has its own overwhelming link. Because links
 * come strongest first, the link that joins two clusters is the strongest link between them; and because
 * a cluster's keys only grow, a refused merge stays refused, so the result is the same as if each merge
 * had been decided with all the evidence known (no order effects beyond the documented tie-break).
 *
 * <p><b>Weak-chain guard.</b> Optionally ({@link Builder#multiRecordMergeWeight}), joining two clusters that
 * each already hold two or more records may require a stronger link than the threshold: chaining through
 * a single borderline link is how single-linkage clustering goes wrong. By default the requirement equals
 * the threshold (no extra guard): the exclusive-key constraint already stops the harmful chains, and an
 * extra margin trades recall for precision on every data set alike.
 *
 * <p><b>Lone links.</b> Optionally ({@link Builder#loneLinkWeight}), joining two clusters that each already
 * hold two or more records through a link below a given weight needs a second link between the two clusters:
 * in a large pool one borderline link between two established people is the commonest false merge. The
 * person linker and index use 15 bits ({@code PersonConflicts.LONE_LINK_WEIGHT}).
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Clusterer clusterer = Clusterer.builder().thresholdProbability(0.95).overwhelmingWeight(25).build();
 * Clustering people = clusterer.cluster(records.size(), links,
 *     records.stream().map(r -> r.pnc().map(p -> List.of("pnc:" + p)).orElse(List.of())).toList());
 * }</pre>
 */
public final class Clusterer {
    private static final Logger LOG = LoggerFactory.getLogger(Clusterer.class);
    /** Clusterings of fewer records than this log their summary at DEBUG rather than INFO. */
    private static final int SMALL_CLUSTERING = 1_000;
    /** Links ranked per parallel task. */
    private static final int RANK_CHUNK = 1 << 14;

    private final double threshold;
    private final double overwhelmingWeight;
    private final double multiRecordMergeWeight;
    private final double conflictOverrideWeight;
    private final double loneLinkWeight;
    private final double supportedLinkWeight;

    private Clusterer(double threshold, double overwhelmingWeight, double multiRecordMergeWeight,
                      double conflictOverrideWeight, double loneLinkWeight, double supportedLinkWeight) {
        this.threshold = threshold;
        this.overwhelmingWeight = overwhelmingWeight;
        this.multiRecordMergeWeight = multiRecordMergeWeight;
        this.conflictOverrideWeight = conflictOverrideWeight;
        this.loneLinkWeight = loneLinkWeight;
        this.supportedLinkWeight = supportedLinkWeight;
    }

    /**
     * A builder with threshold log2(19) ≈ 4.25 bits (probability 0.95), overwhelming weight 20 bits (odds
     * of about a million to one), no lone-link check and no weak-chain guard.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The match weight in bits at or above which a link is used. */
    public double threshold() {
        return threshold;
    }

    /** The match weight in bits at or above which a direct link may join two conflicting records. */
    public double overwhelmingWeight() {
        return overwhelmingWeight;
    }

    /** The match weight in bits needed to join two clusters that each hold two or more records. */
    public double multiRecordMergeWeight() {
        return multiRecordMergeWeight;
    }

    /**
     * The match weight in bits at or above which one link alone may join two clusters that each hold two or
     * more records; below it a second link between the two clusters must corroborate the first.
     */
    public double loneLinkWeight() {
        return loneLinkWeight;
    }

    /** Clusters without exclusive keys. */
    public Clustering cluster(int recordCount, ScoredLinks links) {
        return cluster(recordCount, links, List.of());
    }

    /** Clusters a list of links; see {@link #cluster(int, ScoredLinks, List)}. */
    public Clustering cluster(int recordCount, List<ScoredLink> links, List<? extends Collection<String>> exclusiveKeys) {
        return cluster(recordCount, ScoredLinks.of(links), exclusiveKeys);
    }

    /**
     * Clusters records {@code 0 .. recordCount - 1}. Every record is in exactly one cluster; a record
     * without links is a cluster of its own.
     *
     * @param recordCount the number of records
     * @param links scored links, in any order, in either direction; duplicates are harmless
     * @param exclusiveKeys for each record the {@code "type:value"} keys it carries, or an empty list when
     *     no record carries any
     * @throws IllegalArgumentException if a link names a record outside the range, if exclusiveKeys is
     *     neither empty nor of size recordCount, or a key lacks its {@code "type:"} prefix
     */
    public Clustering cluster(int recordCount, ScoredLinks links, List<? extends Collection<String>> exclusiveKeys) {
        return cluster(recordCount, links, exclusiveKeys, RecordConflicts.NONE);
    }

    /**
     * Clusters as {@link #cluster(int, ScoredLinks, List)}, and also never joins two clusters while a record
     * of one {@linkplain RecordConflicts conflicts} with a record of the other, unless the direct link
     * between those two is overwhelming.
     */
    public Clustering cluster(int recordCount, ScoredLinks links, List<? extends Collection<String>> exclusiveKeys,
                              RecordConflicts conflicts) {
        return cluster(recordCount, links, exclusiveKeys, conflicts, PairDecisions.NONE);
    }

    /**
     * Clusters as {@link #cluster(int, ScoredLinks, List, RecordConflicts)} under a reviewer's decisions: every
     * must-link pair is joined first, whatever its score and identifiers (and counts as an overwhelming direct
     * link between its two records for the constraints of later merges); then links are offered as usual,
     * and a merge that would put both records of a cannot-link pair in one cluster is refused, however
     * strong the link — a cannot-link is an exclusive key that nothing overrides, so a chain A–B–C never
     * joins A and C when they are a cannot-link pair. Refused links are reported by
     * {@link Clustering#refusedLinks()}. Without decisions the result is that of the overload without them.
     *
     * @throws IllegalArgumentException as the other overloads, if a decision names a record beyond the range,
     *     or if must-links join a cannot-link pair (directly or through other must-links)
     */
    public Clustering cluster(int recordCount, ScoredLinks links, List<? extends Collection<String>> exclusiveKeys,
                              RecordConflicts conflicts, PairDecisions decisions) {
        return cluster(recordCount, links, exclusiveKeys, conflicts, decisions, PairWeights.NONE);
    }

    /**
     * Clusters as {@link #cluster(int, ScoredLinks, List, RecordConflicts, PairDecisions)}, and, when
     * {@code pairWeights} knows the scored pairs, also takes the links between the {@linkplain
     * Builder#supportedLinkWeight supported-link weight} and the threshold: each joins a record or cluster to a
     * cluster of several records when the scored pairs between the two weigh for a match on average.
     */
    public Clustering cluster(int recordCount, ScoredLinks links, List<? extends Collection<String>> exclusiveKeys,
                              RecordConflicts conflicts, PairDecisions decisions, PairWeights pairWeights) {
        checkNotNull(pairWeights, "pairWeights");
        checkNotNull(conflicts, "conflicts");
        checkNotNull(decisions, "decisions");
        checkArgument(decisions.maxRecord() < recordCount, "a decision names record %s, beyond the %s records",
                decisions.maxRecord(), recordCount);
        checkArgument(recordCount >= 0, "recordCount must not be negative, got %s", recordCount);
        checkNotNull(links, "links");
        long started = System.nanoTime();
        ExclusiveKeys keys = ExclusiveKeys.intern(recordCount, exclusiveKeys);
        int[] lefts = links.lefts();
        int[] rights = links.rights();
        double[] weights = links.weights();
        double lowest = pairWeights == PairWeights.NONE ? threshold : Math.min(threshold, supportedLinkWeight);
        int used = 0;
        int atThreshold = 0;
        for (int k = 0; k < links.size(); k++) {
            checkArgument(lefts[k] < recordCount && rights[k] < recordCount,
                    "link %s-%s names a record beyond the %s records", lefts[k], rights[k], recordCount);
            if (weights[k] >= lowest) {
                used++;
            }
            if (weights[k] >= threshold) {
                atThreshold++;
            }
        }
        long[] pairs = new long[used];
        double[] kept = new double[used];
        LongHashSet overwhelming = new LongHashSet();
        LongHashSet resolving = new LongHashSet();
        for (long pair : decisions.mustLinkPairs()) { // a reviewer's match outweighs any score
            overwhelming.add(pair);
            resolving.add(pair);
        }
        int m = 0;
        long[] thresholdPairs = new long[atThreshold];
        int t = 0;
        for (int k = 0; k < links.size(); k++) {
            if (weights[k] >= threshold) {
                thresholdPairs[t++] = ConstrainedMerge.pack(lefts[k], rights[k]);
            }
            if (weights[k] >= lowest) {
                pairs[m] = ConstrainedMerge.pack(lefts[k], rights[k]);
                kept[m] = weights[k];
                if (weights[k] >= overwhelmingWeight) {
                    overwhelming.add(pairs[m]);
                }
                if (weights[k] >= conflictOverrideWeight) {
                    resolving.add(pairs[m]);
                }
                m++;
            }
        }
        ConstrainedMerge merge = new ConstrainedMerge(recordCount, keys, overwhelming, conflicts, resolving);
        if (loneLinkWeight > threshold) {
            merge.indexLinks(thresholdPairs);
        }
        if (lowest < threshold) {
            merge.supportLinks(pairWeights, threshold, pairs, kept);
        }
        merge.applyDecisions(decisions);
        mergeInOrder(pairs, kept, merge);
        Clustering clustering = Clustering.of(recordCount, merge::find, merge.overrides, merge.constraintRejections,
                merge.chainGuardRejections, merge);
        // The incremental index re-clusters one small component per change: those summaries go to DEBUG.
        Level level = recordCount < SMALL_CLUSTERING ? Level.DEBUG : Level.INFO;
        LOG.atLevel(level).log("clustering: {} records, {} links at or above {} bits, {} clusters, {} merges refused by "
                        + "exclusive keys, {} allowed by overwhelming links, {} refused by the chain guard, {} lone links "
                        + "refused, {} refused and {} made by decisions, {} ms",
                recordCount, atThreshold, String.format("%.2f", threshold), clustering.clusterCount(), merge.constraintRejections,
                merge.overrides, merge.chainGuardRejections, merge.uncorroboratedRejections,
                merge.decisionRejections, merge.decidedMerges, (System.nanoTime() - started) / 1_000_000);
        return clustering;
    }

    /**
     * Offers the links in descending weight, ties in ascending pair order. Sorting primitive arrays: each
     * link is keyed by (descending rank of its weight among the distinct weights, link index); runs of equal
     * weight are then re-sorted by pair, so the order never depends on the order links were given in.
     */
    private void mergeInOrder(long[] pairs, double[] weights, ConstrainedMerge merge) {
        int m = pairs.length;
        double[] distinct = weights.clone();
        Arrays.parallelSort(distinct);
        int d = 0;
        for (int k = 0; k < m; k++) {
            if (k == 0 || Double.compare(distinct[k], distinct[d - 1]) != 0) {
                distinct[d++] = distinct[k];
            }
        }
        long[] order = new long[m];
        int distinctCount = d;
        // Each link's rank is its own binary search: on all cores for many links, as the sorts around it are
        // (the index re-clusters small components, one at a time: those stay on the calling thread).
        IntStream chunks = IntStream.range(0, (m + RANK_CHUNK - 1) / RANK_CHUNK);
        (m > RANK_CHUNK ? chunks.parallel() : chunks).forEach(chunk -> {
            for (int k = chunk * RANK_CHUNK, end = Math.min(m, k + RANK_CHUNK); k < end; k++) {
                long descendingRank = distinctCount - 1 - Arrays.binarySearch(distinct, 0, distinctCount, weights[k]);
                order[k] = descendingRank << 32 | k;
            }
        });
        Arrays.parallelSort(order);
        long[] run = new long[16];
        for (int start = 0, end; start < m; start = end) {
            long rank = order[start] >>> 32;
            end = start + 1;
            while (end < m && order[end] >>> 32 == rank) {
                end++;
            }
            if (run.length < end - start) {
                run = new long[end - start];
            }
            for (int k = start; k < end; k++) {
                run[k - start] = pairs[(int) order[k]];
            }
            Arrays.sort(run, 0, end - start);
            double weight = weights[(int) order[start]];
            for (int k = 0; k < end - start; k++) {
                merge.offer((int) (run[k] >>> 32), (int) run[k], weight, multiRecordMergeWeight, loneLinkWeight);
            }
        }
    }

    /** The configuration, in bits. */
    @Override
    public String toString() {
        return "Clusterer[threshold=" + threshold + ", overwhelmingWeight=" + overwhelmingWeight
                + ", multiRecordMergeWeight=" + multiRecordMergeWeight + ", loneLinkWeight=" + loneLinkWeight + "]";
    }

    /** Configures a {@link Clusterer}. Not thread-safe. */
    public static final class Builder {
        private double threshold = Math.log(19) / Math.log(2);
        private double overwhelmingWeight = 20;
        private double multiRecordMergeWeight = Double.NaN; // NaN: same as the threshold
        private double conflictOverrideWeight = Double.NaN; // NaN: same as the overwhelming weight
        private double loneLinkWeight = Double.NEGATIVE_INFINITY; // off
        private double supportedLinkWeight = Double.POSITIVE_INFINITY; // off

        private Builder() {}

        /** The match weight in bits at or above which a link is used (default log2(19) ≈ 4.25). */
        public Builder threshold(double matchWeight) {
            checkArgument(Double.isFinite(matchWeight), "threshold must be a finite weight in bits, got %s",
                    matchWeight);
            this.threshold = matchWeight;
            return this;
        }

        /**
         * The threshold given as a match probability, converted to a weight: {@code log2(p / (1 - p))}.
         *
         * @throws IllegalArgumentException unless {@code 0 < p < 1}
         */
        public Builder thresholdProbability(double probability) {
            checkArgument(probability > 0 && probability < 1, "threshold probability must be in (0, 1), got %s",
                    probability);
            return threshold(Math.log(probability / (1 - probability)) / Math.log(2));
        }

        /**
         * The weight in bits at or above which a direct link may join two records with different values
         * of an exclusive key type (default 20). {@code Double.POSITIVE_INFINITY} never allows it.
         */
        public Builder overwhelmingWeight(double matchWeight) {
            checkArgument(!Double.isNaN(matchWeight), "overwhelmingWeight must not be NaN");
            this.overwhelmingWeight = matchWeight;
            return this;
        }

        /**
         * The weight in bits a link needs to join two clusters that each already hold two or more records
         * (default: the threshold, i.e. no extra guard). See the class comment.
         */
        public Builder multiRecordMergeWeight(double matchWeight) {
            checkArgument(!Double.isNaN(matchWeight), "multiRecordMergeWeight must not be NaN");
            this.multiRecordMergeWeight = matchWeight;
            return this;
        }

        /**
         * The weight in bits at or above which a direct link between two {@linkplain RecordConflicts
         * conflicting} records lets them share a cluster (default: the overwhelming weight). A conflict is
         * softer evidence than two different identifiers, so it may be resolved by a weaker direct link: the
         * model has then weighed the conflicting field itself and still found the pair convincing.
         */
        public Builder conflictOverrideWeight(double matchWeight) {
            checkArgument(!Double.isNaN(matchWeight), "conflictOverrideWeight must not be NaN");
            this.conflictOverrideWeight = matchWeight;
            return this;
        }

        /**
         * The weight in bits at or above which one link alone may join two clusters that each already hold two
         * or more records (default: no check). A weaker link joins them only when a
         * second link between the two clusters, of any weight at or above the threshold, corroborates it;
         * whether that link comes earlier or later in weight order does not matter. A record on its own joins
         * a cluster through any link at or above the threshold.
         *
         * <p>Why: in a large pool, two people who each have several records are joined most often by one
         * borderline link between one record of each (twins at different addresses, two strangers of a common
         * name and a near date of birth), while the records of one person that were split apart usually
         * resemble each other in more than one pair. The person linker and index use
         * {@code PersonConflicts.LONE_LINK_WEIGHT} (docs/blocking-and-clustering.md). A value at or below the
         * threshold turns the check off;
         * {@code Double.POSITIVE_INFINITY} requires two links for every such merge.
         */
        public Builder loneLinkWeight(double matchWeight) {
            checkArgument(!Double.isNaN(matchWeight), "loneLinkWeight must not be NaN");
            this.loneLinkWeight = matchWeight;
            return this;
        }

        /**
         * The weight in bits from which a link below the threshold may join a record or cluster to a cluster of
         * two or more records, when the clusterer is given the scored pairs ({@link PairWeights}) and those
         * between the two clusters, the link and at least one more, have a mean weight of at least 0 bits
         * (default: off). Such a link never joins two clusters of several records each and never overrides a
         * constraint.
         */
        public Builder supportedLinkWeight(double matchWeight) {
            checkArgument(!Double.isNaN(matchWeight), "supportedLinkWeight must not be NaN");
            this.supportedLinkWeight = matchWeight;
            return this;
        }

        /**
         * A clusterer with this configuration.
         *
         * @throws IllegalStateException if the overwhelming weight or the multi-record merge weight is below
         *     the threshold (links below the threshold are never used, so such a setting would be a mistake)
         */
        public Clusterer build() {
            double guard = Double.isNaN(multiRecordMergeWeight) ? threshold : multiRecordMergeWeight;
            if (overwhelmingWeight < threshold) {
                throw new IllegalStateException("overwhelmingWeight " + overwhelmingWeight
                        + " is below the threshold " + threshold + "; it must be at least the threshold");
            }
            if (guard < threshold) {
                throw new IllegalStateException("multiRecordMergeWeight " + guard + " is below the threshold "
                        + threshold + "; it must be at least the threshold");
            }
            double conflictOverride = Double.isNaN(conflictOverrideWeight) ? overwhelmingWeight : conflictOverrideWeight;
            if (conflictOverride < threshold) {
                throw new IllegalStateException("conflictOverrideWeight " + conflictOverride
                        + " is below the threshold " + threshold + "; it must be at least the threshold");
            }
            return new Clusterer(threshold, overwhelmingWeight, guard, conflictOverride, loneLinkWeight,
                    supportedLinkWeight);
        }
    }
}
