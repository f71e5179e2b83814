package io.github.palimpsest;

import io.github.palimpsest.cluster.RefusalReason;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.Candidates;
import io.github.palimpsest.pipeline.Clustering;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.pipeline.PairDecisions;
import io.github.palimpsest.pipeline.RefusedLink;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.review.ReviewDecisions;
import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's review decisions over its records (as clustering constraints), and what they and clustering leave
 * for review: the links decisions made or broke, the links constraints refused, the pairs in the review band.
 * One per run, used by one thread.
 */
final class Reviewing {
    /** The reason code of a pair in the band that is a link: a supported link (see {@link ReviewPair#supported()}). */
    static final byte SUPPORTED = -2;

    private static final Logger LOG = LoggerFactory.getLogger(Reviewing.class);

    final PairDecisions pairs;
    final List<ReviewDecision> unknown;

    private Reviewing(PairDecisions pairs, List<ReviewDecision> unknown) {
        this.pairs = pairs;
        this.unknown = unknown;
    }

    /** The decisions over {@code records} by index; those naming other records are logged and kept aside. */
    static Reviewing of(ReviewDecisions decisions, ComparableRecord[] records) {
        if (decisions.isEmpty()) {
            return new Reviewing(PairDecisions.NONE, List.of());
        }
        // Only the ids decisions name are indexed: a map of a million record ids would cost far more.
        Map<String, Integer> named = new HashMap<>();
        for (ReviewDecision d : decisions.decisions()) {
            named.put(d.recordIdA(), -1);
            named.put(d.recordIdB(), -1);
        }
        for (int r = 0; r < records.length; r++) {
            if (named.containsKey(records[r].recordId())) {
                named.put(records[r].recordId(), r);
            }
        }
        List<ReviewDecision> unknown = decisions.unknownTo(id -> named.get(id) >= 0);
        for (ReviewDecision d : unknown) {
            LOG.warn("review decision {} names a record id that is not among the records linked; it is ignored",
                    d.origin().isEmpty() ? d.recordIdA() + " – " + d.recordIdB() : d.origin());
        }
        return new Reviewing(pairDecisions(decisions, named::get), unknown);
    }

    /**
     * The decisions as clustering constraints over record indexes; decisions naming a record for which
     * {@code indexOf} gives a negative index (not among the records clustered) are left out.
     */
    static PairDecisions pairDecisions(ReviewDecisions decisions, ToIntFunction<String> indexOf) {
        PairDecisions.Builder pairs = PairDecisions.builder();
        for (ReviewDecision d : decisions.decisions()) {
            int a = indexOf.applyAsInt(d.recordIdA());
            int b = indexOf.applyAsInt(d.recordIdB());
            if (a >= 0 && b >= 0) {
                if (d.isMatch()) {
                    pairs.mustLink(a, b);
                } else {
                    pairs.cannotLink(a, b);
                }
            }
        }
        return pairs.build();
    }

    /** Links to add for must-link pairs not already linked at or above the threshold, sorted by pair. */
    record ExtraLinks(long[] pairs, double[] weights, byte[][] levels) {
    }

    /**
     * The must-link pairs that are not links already: each with its candidate weight and levels when it is a
     * candidate pair, else compared now and weighed by the model's explanation (its total, as for any link).
     */
    ExtraLinks extraLinks(Candidates candidates, double[] weights, byte[][] levels, double thresholdWeight,
                          List<Comparison<ComparableRecord>> comparisons, ComparableRecord[] records,
                          MatchModel model, double[][] termFrequency) {
        long[] must = pairs.packedMustLinks();
        int comparisonCount = comparisons.size();
        double[] extraWeights = new double[must.length];
        byte[][] extraLevels = new byte[comparisonCount][must.length];
        long[] extraPairs = new long[must.length];
        int n = 0;
        for (long pair : must) {
            int k = candidateIndex(candidates, pair);
            if (k >= 0 && weights[k] >= thresholdWeight) {
                continue; // already a link
            }
            extraPairs[n] = pair;
            if (k >= 0) {
                extraWeights[n] = weights[k];
                for (int c = 0; c < comparisonCount; c++) {
                    extraLevels[c][n] = levels[c][k];
                }
            } else {
                ComparableRecord left = records[CandidatePairs.left(pair)];
                ComparableRecord right = records[CandidatePairs.right(pair)];
                int[] vector = new int[comparisonCount];
                double[] tf = new double[comparisonCount];
                for (int c = 0; c < comparisonCount; c++) {
                    vector[c] = comparisons.get(c).level(left, right);
                    extraLevels[c][n] = (byte) vector[c];
                    tf[c] = termFrequency[c] == null ? IndexedModel.NO_TERM_FREQUENCY
                            : termFrequency[c][CandidatePairs.left(pair)];
                }
                extraWeights[n] = IndexedModel.of(model).explain(vector, tf).totalWeight();
            }
            n++;
        }
        byte[][] trimmed = new byte[comparisonCount][];
        for (int c = 0; c < comparisonCount; c++) {
            trimmed[c] = Arrays.copyOf(extraLevels[c], n);
        }
        return new ExtraLinks(Arrays.copyOf(extraPairs, n), Arrays.copyOf(extraWeights, n), trimmed);
    }

    /** The index of a pair among the candidates (ascending), or −1. */
    static int candidateIndex(Candidates candidates, long pair) {
        int lo = 0;
        int hi = candidates.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long at = candidates.pair(mid);
            if (at < pair) {
                lo = mid + 1;
            } else if (at > pair) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** What a decision did to each link (null when there are no decisions). */
    Link.Decision[] linkDecisions(long[] linkPairs, Clustering clustering) {
        if (pairs.isEmpty()) {
            return null;
        }
        Link.Decision[] decided = new Link.Decision[linkPairs.length];
        Arrays.fill(decided, Link.Decision.NONE);
        Set<Long> keptApart = new HashSet<>();
        for (RefusedLink r : clustering.refusedLinks()) {
            if (r.reason() == RefusalReason.DECISION && clustering.clusterOf(r.left()) != clustering.clusterOf(r.right())) {
                keptApart.add(CandidatePairs.pack(r.left(), r.right()));
            }
        }
        for (int m = 0; m < linkPairs.length; m++) {
            int a = CandidatePairs.left(linkPairs[m]);
            int b = CandidatePairs.right(linkPairs[m]);
            decided[m] = pairs.isMustLink(a, b) ? Link.Decision.MATCH : pairs.isCannotLink(a, b) ? Link.Decision.NON_MATCH
                    : keptApart.contains(linkPairs[m]) ? Link.Decision.KEPT_APART : Link.Decision.NONE;
        }
        return decided;
    }

    /**
     * What the decisions did to each link, the unknown decisions, and (with a review band, {@code reviewWeight}
     * not NaN) the pairs to review: refused links whose records ended apart, then candidate pairs in
     * {@code [reviewWeight, thresholdWeight)}, leaving out pairs a decision covers.
     */
    ReviewState state(long[] linkPairs, double[] linkWeights, byte[][] linkLevels, Clustering clustering,
                      Candidates candidates, double[] weights, byte[][] levels, double thresholdWeight,
                      double reviewWeight) {
        Link.Decision[] decided = linkDecisions(linkPairs, clustering);
        if (Double.isNaN(reviewWeight)) {
            return new ReviewState(decided, unknown, new long[0], new double[0], new byte[levels.length][0],
                    new byte[0]);
        }
        int comparisons = levels.length;
        List<RefusedLink> refused = new ArrayList<>();
        for (RefusedLink r : clustering.refusedLinks()) {
            if (r.reason() != RefusalReason.DECISION
                    && clustering.clusterOf(r.left()) != clustering.clusterOf(r.right())
                    && !pairs.isMustLink(r.left(), r.right()) && !pairs.isCannotLink(r.left(), r.right())) {
                refused.add(r);
            }
        }
        int band = 0;
        for (int k = 0; k < weights.length; k++) {
            if (inBand(k, weights, reviewWeight, thresholdWeight)) {
                band++;
            }
        }
        int size = refused.size() + band;
        long[] out = new long[size];
        double[] outWeights = new double[size];
        byte[][] outLevels = new byte[comparisons][size];
        byte[] reasons = new byte[size];
        int n = 0;
        for (RefusedLink r : refused) {
            long pair = CandidatePairs.pack(r.left(), r.right());
            int m = Arrays.binarySearch(linkPairs, pair);
            out[n] = pair;
            outWeights[n] = linkWeights[m];
            for (int c = 0; c < comparisons; c++) {
                outLevels[c][n] = linkLevels[c][m];
            }
            reasons[n] = (byte) r.reason().ordinal();
            n++;
        }
        for (int k = 0; k < weights.length; k++) {
            if (inBand(k, weights, reviewWeight, thresholdWeight)) {
                long pair = candidates.pair(k);
                if (pairs.isMustLink(CandidatePairs.left(pair), CandidatePairs.right(pair))
                        || pairs.isCannotLink(CandidatePairs.left(pair), CandidatePairs.right(pair))) {
                    continue;
                }
                out[n] = pair;
                outWeights[n] = weights[k];
                for (int c = 0; c < comparisons; c++) {
                    outLevels[c][n] = levels[c][k];
                }
                // Below the threshold, yet a link: a supported link, for a person to confirm.
                reasons[n] = Arrays.binarySearch(linkPairs, pair) >= 0 ? SUPPORTED : -1;
                n++;
            }
        }
        byte[][] trimmed = new byte[comparisons][];
        for (int c = 0; c < comparisons; c++) {
            trimmed[c] = Arrays.copyOf(outLevels[c], n);
        }
        return new ReviewState(decided, unknown, Arrays.copyOf(out, n), Arrays.copyOf(outWeights, n), trimmed,
                Arrays.copyOf(reasons, n));
    }

    /** A candidate below the threshold and at or above the review weight (a supported link among them). */
    private static boolean inBand(int k, double[] weights, double reviewWeight, double thresholdWeight) {
        return weights[k] >= reviewWeight && weights[k] < thresholdWeight;
    }
}
