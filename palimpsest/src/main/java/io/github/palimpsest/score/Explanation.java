package io.github.palimpsest.score;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.internal.Decimals;
import java.util.List;

/**
 * Why a pair scored what it did: the prior weight, one row per comparison, their total and the
 * probability. The total is computed as the model computes a pair's match weight
 * (prior first, then each row's weight in comparison order), so the two are exactly equal, and
 * {@link #probability()} is {@code MatchModel.probability(totalWeight())}.
 *
 * <p>{@link #summary()} shows each row's level weight and, separately, its term-frequency adjustment:
 * <pre>
 * prior -13.29; surname exact +8.89 (tf +2.30); dob missing +0.00; pnc different -9.97 = -12.07 → 0.0002
 * </pre>
 *
 * <p>Immutable and thread-safe. Given by {@link io.github.palimpsest.Linker#explain} and the link results.
 */
public final class Explanation {

    /**
     * One comparison's contribution.
     *
     * @param comparison              the comparison's name
     * @param level                   the label of the level the pair fell in
     * @param isNeutral               whether that level is neutral (then {@code levelWeight} is exactly 0)
     * @param levelWeight             {@code log2(m/u)} of the level
     * @param termFrequencyAdjustment {@code log2(u/tf)} when the level takes term-frequency adjustment and a
     *                                frequency was supplied, else exactly 0
     */
    public record Row(String comparison, String level, boolean isNeutral, double levelWeight,
                      double termFrequencyAdjustment) {

        /** Validates that names are present. */
        public Row {
            checkNotNull(comparison, "comparison");
            checkNotNull(level, "level");
        }

        /** The row's contribution to the total: level weight plus term-frequency adjustment. */
        public double weight() {
            return levelWeight + termFrequencyAdjustment;
        }
    }

    private final double prior;
    private final double priorWeight;
    private final ImmutableList<Row> rows;
    private final double householdWeight;
    private final boolean relativesApart;
    private final double totalWeight;

    Explanation(double prior, double priorWeight, ImmutableList<Row> rows, double householdWeight,
                boolean relativesApart) {
        this.prior = prior;
        this.priorWeight = priorWeight;
        this.rows = rows;
        this.householdWeight = householdWeight;
        this.relativesApart = relativesApart && householdWeight != 0.0;
        double total = priorWeight;
        for (Row row : rows) {
            total += row.weight();
        }
        this.totalWeight = total + householdWeight;
    }

    /** The model's prior λ. */
    public double prior() {
        return prior;
    }

    /** {@code log2(λ/(1−λ))}. */
    public double priorWeight() {
        return priorWeight;
    }

    /** One row per comparison, in model order. */
    public List<Row> rows() {
        return rows;
    }

    /**
     * What the model's classes of relatives took off (0 or negative): how much the pair also looks like two
     * relatives of one home or, when {@link #relativesApart()}, two relatives who share a surname but no
     * home. See {@link MatchModel} and {@code docs/model.md}.
     */
    public double householdWeight() {
        return householdWeight;
    }

    /** Whether {@link #householdWeight()} is the class of relatives apart's, not the household class's. */
    public boolean relativesApart() {
        return relativesApart;
    }

    /** Prior weight plus every row's weight plus the household weight: the pair's match weight. */
    public double totalWeight() {
        return totalWeight;
    }

    /** {@code MatchModel.probability(totalWeight())}. */
    public double probability() {
        return MatchModel.probability(totalWeight);
    }

    /**
     * A readable one-line account, weights to two decimals and probability to four, e.g.
     * {@code prior -13.29; surname exact +8.89 (tf +2.30); dob exact +10.20 = 8.10 → 0.9964}. Rounded
     * figures may differ from the rounded total by a unit in the last place; the unrounded ones add up.
     */
    public String summary() {
        StringBuilder s = new StringBuilder(40 + 36 * rows.size()).append("prior ");
        Decimals.append(s, priorWeight, 2, true);
        for (Row row : rows) {
            s.append("; ").append(row.comparison()).append(' ').append(row.level()).append(' ');
            Decimals.append(s, row.levelWeight(), 2, true);
            if (row.termFrequencyAdjustment() != 0.0) {
                s.append(" (tf ");
                Decimals.append(s, row.termFrequencyAdjustment(), 2, true).append(')');
            }
        }
        if (householdWeight != 0.0) {
            s.append(relativesApart ? "; relatives apart " : "; household ");
            Decimals.append(s, householdWeight, 2, true);
        }
        s.append(" = ");
        Decimals.append(s, totalWeight, 2, false).append(" → ");
        return Decimals.append(s, probability(), 4, false).toString();
    }

    /** The same as {@link #summary()}. */
    @Override
    public String toString() {
        return summary();
    }
}
