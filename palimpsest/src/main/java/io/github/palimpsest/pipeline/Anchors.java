package io.github.palimpsest.pipeline;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchor pairs of a plain-text run: candidate pairs that share a valid PNC ID, CRO number or NI number, and
 * the m they give (docs/model.md). Stateless.
 */
public final class Anchors {
    private static final Logger LOG = LoggerFactory.getLogger(Anchors.class);

    /** Fewest anchor pairs (sharing a PNC ID, CRO or NI number) for their levels to replace EM's m. */
    static final int MINIMUM_ANCHOR_PAIRS = 200;
    /**
     * The anchoring identifiers ({@link ModelPart#ANCHORS}: the comparisons whose agreement defines an anchor
     * pair, so whose m anchors cannot tell), in the order of the flags that say which of them a pair shares.
     */
    private static final List<String> ANCHOR_ORDER = ModelPart.ANCHORS.stream().map(ModelPart::key).toList();

    private Anchors() {
    }

    /**
     * Re-estimates m for every comparison but the anchoring identifiers from the candidate pairs that share
     * a valid PNC ID, CRO or NI number: pairs that are, with rare exceptions, the same person. EM alone
     * learns m over all candidate pairs, and relatives who share a surname, an address and a phone — twins,
     * a parent and child of the same name — form a tight group of near-agreeing pairs that EM partly counts
     * as matches; that inflates m of "different forename" and "different date of birth" and so weakens the
     * very evidence that keeps relatives apart. Counting levels over anchor pairs (Laplace-smoothed) is the
     * deterministic-rule estimate Splink-style training uses for m; with too few anchors EM's m stands.
     *
     * @param levels the level of each candidate pair, per comparison: {@code levels[c][k]}
     * @param seen   whether some candidate pair takes each level, {@code seen[c][l]}: a level none takes keeps
     *               no more m than u ({@link ModelTrainer#withoutUnseenEvidence})
     * @param anchor whether each candidate pair shares a strong identifier ({@link #sharesStrongIdentifier}),
     *               {@code anchor[k]}: found once while the pairs were compared
     */
    public static MatchModel withAnchoredM(MatchModel trained, List<Comparison<ComparableRecord>> comparisons,
                                    List<ComparableRecord> comparable, Candidates candidates, byte[][] levels,
                                    boolean[][] seen, boolean[] anchor) {
        int comparisonCount = comparisons.size();
        double[][] counts = new double[comparisonCount][];
        for (int c = 0; c < comparisonCount; c++) {
            counts[c] = new double[comparisons.get(c).levels().size()];
        }
        int anchors = 0;
        int[] vector = new int[comparisonCount];
        for (int k = 0; k < candidates.size(); k++) {
            if (anchor[k]) {
                long pair = candidates.pair(k);
                anchors++;
                for (int c = 0; c < comparisonCount; c++) {
                    vector[c] = levels[c][k];
                }
                // Identifiers drawn from a finite space collide by chance, more often the larger the pool
                // (chance collisions grow with the square of the pool, true pairs linearly); such a pair
                // disagrees on names, date of birth and sex, so weighting each anchor by its match
                // probability under the EM model keeps the collisions from inflating m of "different".
                double weight = MatchModel.probability(IndexedModel.of(trained).matchWeight(vector));
                ComparableRecord a = comparable.get(CandidatePairs.left(pair));
                ComparableRecord b = comparable.get(CandidatePairs.right(pair));
                boolean[] shared = {same(a.pncId(), b.pncId()), same(a.croNumber(), b.croNumber()),
                        same(a.niNumber(), b.niNumber())};
                for (int c = 0; c < comparisonCount; c++) {
                    int own = ANCHOR_ORDER.indexOf(comparisons.get(c).name());
                    // An anchoring identifier's own m is counted over the anchors that another identifier
                    // defines (identifiers are independent given the person), rather than left to EM.
                    if (own < 0 || shared[(own + 1) % 3] || shared[(own + 2) % 3]) {
                        counts[c][levels[c][k]] += weight;
                    }
                }
            }
        }
        if (anchors < MINIMUM_ANCHOR_PAIRS) {
            LOG.info("{} anchor pairs: m as estimated by EM", anchors);
            return trained;
        }
        var builder = trained.toBuilder();
        IndexedModel indexed = IndexedModel.of(trained);
        for (int c = 0; c < comparisonCount; c++) {
            Comparison<ComparableRecord> comparison = comparisons.get(c);
            double[] m = mFromCounts(comparison.levels(), counts[c],
                    ANCHOR_ORDER.contains(comparison.name()) ? MINIMUM_ANCHOR_PAIRS : 0);
            if (m == null) {
                continue;
            }
            // As for EM's m: a level no candidate pair takes is no evidence for a match.
            double[] u = new double[m.length];
            for (int l = 0; l < u.length; l++) {
                u[l] = indexed.u(c, l);
            }
            builder.m(comparison.name(),
                    ModelTrainer.withoutUnseenEvidence(m, u, ModelTrainer.neutralMask(comparison.levels()), seen[c]));
        }
        LOG.info("m re-estimated from {} anchor pairs", anchors);
        return builder.build();
    }

    /**
     * m of one comparison from its level counts over anchor pairs, as plain and token training both estimate
     * it: Laplace-smoothed over the informative (non-neutral) levels, 1.0 at neutral ones. Null when the
     * informative count is 0 or below {@code minimumInformative}: then EM's m stands.
     */
    public static double[] mFromCounts(List<ComparisonLevel> comparisonLevels, double[] counts,
                                       double minimumInformative) {
        double informative = 0;
        int informativeLevels = 0;
        for (int l = 0; l < comparisonLevels.size(); l++) {
            if (!comparisonLevels.get(l).isNeutral()) {
                informative += counts[l];
                informativeLevels++;
            }
        }
        if (informative == 0 || informative < minimumInformative) {
            return null;
        }
        double[] m = new double[comparisonLevels.size()];
        for (int l = 0; l < m.length; l++) {
            m[l] = comparisonLevels.get(l).isNeutral() ? 1.0 : (counts[l] + 1.0) / (informative + informativeLevels);
        }
        return m;
    }

    public static boolean sharesStrongIdentifier(ComparableRecord a, ComparableRecord b) {
        return same(a.pncId(), b.pncId()) || same(a.croNumber(), b.croNumber()) || same(a.niNumber(), b.niNumber());
    }

    private static boolean same(String a, String b) {
        return !a.isEmpty() && a.equals(b);
    }
}
