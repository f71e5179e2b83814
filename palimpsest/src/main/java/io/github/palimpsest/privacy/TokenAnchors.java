package io.github.palimpsest.privacy;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.Anchors;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.Candidates;
import io.github.palimpsest.score.MatchModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchor pairs of a token run: candidate pairs that share a PNC, CRO or NI token. Their comparison levels
 * show how the same person's records differ, which EM alone estimates poorly (docs/model.md). Stateless.
 */
final class TokenAnchors {
    private static final Logger LOG = LoggerFactory.getLogger(TokenAnchors.class);
    /** Fewest anchor pairs for their levels to replace EM's m, as plain text does. */
    static final int MINIMUM_ANCHOR_PAIRS = 200;
    /** The identifiers whose equal tokens make an anchor; also the clustering's exclusive keys. */
    static final IdentifierField[] FIELDS =
            {IdentifierField.PNC_ID, IdentifierField.CRO_NUMBER, IdentifierField.NI_NUMBER};

    private TokenAnchors() {
    }

    /** Whether the two tombstones share a PNC, CRO or NI token. */
    static boolean isAnchor(Tombstone a, Tombstone b) {
        for (IdentifierField field : FIELDS) {
            IdentifierToken ta = a.tokenOrNull(field);
            if (ta != null && ta.equals(b.tokenOrNull(field))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Re-estimates m of every comparison but the anchoring identifiers from the candidate pairs that share a
     * PNC, CRO or NI token, as the plain-text pipeline does: EM alone counts part of the tight group of
     * relatives who share a surname, address and phone as matches, which weakens the very evidence that keeps
     * them apart. With fewer than {@value #MINIMUM_ANCHOR_PAIRS} anchors EM's m stands.
     *
     * @param levels the level of each candidate pair, per comparison: {@code levels[c][k]}
     */
    static MatchModel reestimateM(MatchModel trained, List<Comparison<Tombstone>> comparisons,
                                  List<Tombstone> tombstones, Candidates candidates, byte[][] levels) {
        int comparisonCount = comparisons.size();
        double[][] counts = new double[comparisonCount][];
        for (int c = 0; c < comparisonCount; c++) {
            counts[c] = new double[comparisons.get(c).levels().size()];
        }
        int anchors = 0;
        for (int k = 0; k < candidates.size(); k++) {
            long pair = candidates.pair(k);
            if (isAnchor(tombstones.get(CandidatePairs.left(pair)), tombstones.get(CandidatePairs.right(pair)))) {
                anchors++;
                for (int c = 0; c < comparisonCount; c++) {
                    counts[c][levels[c][k]]++;
                }
            }
        }
        if (anchors < MINIMUM_ANCHOR_PAIRS) {
            LOG.info("{} anchor pairs: m as estimated by EM", anchors);
            return trained;
        }
        var builder = trained.toBuilder();
        for (int c = 0; c < comparisonCount; c++) {
            Comparison<Tombstone> comparison = comparisons.get(c);
            if (isAnchorComparison(comparison.name())) {
                continue;
            }
            // The plain run's estimate, from unweighted counts: every token anchor counts as one match.
            double[] m = Anchors.mFromCounts(comparison.levels(), counts[c], 0);
            if (m == null) {
                continue;
            }
            builder.m(comparison.name(), m);
        }
        LOG.info("m re-estimated from {} anchor pairs", anchors);
        return builder.build();
    }

    private static boolean isAnchorComparison(String name) {
        for (IdentifierField field : FIELDS) {
            if (field.column().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
