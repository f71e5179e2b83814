package io.github.palimpsest.privacy;

import io.github.palimpsest.score.Explanation;
import io.github.palimpsest.score.MatchModel;

/**
 * A link of a {@link TokenLinker} run: two of the tombstones linked, scored at or above the threshold (or
 * kept by the one-to-one reduction), with its match weight and, on demand, the explanation of that weight.
 *
 * <p>The tombstones are the very objects given to {@link TokenLinker#link}, so an embedder can map them back
 * to its own records (e.g. by {@link Tombstone#reference()}) or compare them by identity.
 *
 * <p>Immutable and thread-safe. {@link #toString()} holds the references and the weight only.
 */
public final class TokenLink {

    private final TokenLinkResult result;
    private final int left;
    private final int right;
    private final double matchWeight;

    TokenLink(TokenLinkResult result, int left, int right, double matchWeight) {
        this.result = result;
        this.left = left;
        this.right = right;
        this.matchWeight = matchWeight;
    }

    /** The tombstone that came first in the list linked. */
    public Tombstone left() {
        return result.tombstones().get(left);
    }

    /** The tombstone that came later in the list linked. */
    public Tombstone right() {
        return result.tombstones().get(right);
    }

    /** The match weight in bits. */
    public double matchWeight() {
        return matchWeight;
    }

    /** The match probability of {@link #matchWeight()} ({@link MatchModel#probability(double)}). */
    public double probability() {
        return MatchModel.probability(matchWeight);
    }

    /**
     * Why the pair scored as it did: prior, then one row per comparison, with comparison names and level
     * labels only, never personal data. Computed on each call.
     */
    public Explanation explanation() {
        return result.explain(left, right);
    }

    /** Positions in the list linked, for the run's internal bookkeeping. */
    int leftPosition() {
        return left;
    }

    int rightPosition() {
        return right;
    }

    /** References and weight only. */
    @Override
    public String toString() {
        return "TokenLink[" + left().reference() + " ~ " + right().reference() + ", matchWeight=" + matchWeight + "]";
    }
}
