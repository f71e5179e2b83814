package io.github.palimpsest.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the tombstones that may concern the same person as a (tokenised) record, with the same
 * Fellegi–Sunter machinery as plain-text linkage: each comparison gives a level, the model turns the
 * levels into a match weight, and pairs at or above a minimum weight are reported as
 * {@link TombstoneMatch}es, strongest first.
 *
 * <pre>{@code
 * TombstoneMatcher matcher = TombstoneMatcher.of(TombstoneComparisons.standard(), model, 0.0);
 * Tombstone probe = Tombstone.of(newRecord, secret, TombstoneOptions.tokensOnly());
 * for (TombstoneMatch m : matcher.matches(probe, store)) report(m.summary());
 * }</pre>
 *
 * <p>This class compares the probe with every tombstone it is given; blocking a large store down to
 * candidates is the caller's (or the linking pipeline's) job. Immutable and thread-safe.
 */
public final class TombstoneMatcher {

    private final ImmutableList<Comparison<Tombstone>> comparisons;
    private final MatchModel model;
    private final double minimumWeight;

    private TombstoneMatcher(List<? extends Comparison<Tombstone>> comparisons, MatchModel model,
                             double minimumWeight) {
        this.comparisons = ImmutableList.copyOf(comparisons);
        this.model = model;
        this.minimumWeight = minimumWeight;
    }

    /**
     * A matcher.
     *
     * @param comparisons   the comparisons, in the model's order
     * @param model         a model whose comparisons have the same names and levels, in the same order
     * @param minimumWeight the smallest match weight (bits) reported
     * @throws IllegalArgumentException if the model does not fit the comparisons or the weight is not finite
     */
    public static TombstoneMatcher of(List<? extends Comparison<Tombstone>> comparisons, MatchModel model,
                                      double minimumWeight) {
        checkNotNull(comparisons, "comparisons");
        checkNotNull(model, "model");
        checkArgument(Double.isFinite(minimumWeight), "the minimum weight must be finite, got %s", minimumWeight);
        IndexedModel indexed = IndexedModel.of(model);
        checkArgument(indexed.comparisonCount() == comparisons.size(), "the model has %s comparisons, the list %s",
                indexed.comparisonCount(), comparisons.size());
        for (int c = 0; c < comparisons.size(); c++) {
            Comparison<Tombstone> comparison = comparisons.get(c);
            checkArgument(model.comparisonNames().get(c).equals(comparison.name())
                            && indexed.levels(c).equals(comparison.levels()),
                    "comparison %s of the model ('%s') does not have the name and levels of '%s'", c,
                    model.comparisonNames().get(c), comparison.name());
        }
        return new TombstoneMatcher(comparisons, model, minimumWeight);
    }

    /** The comparison levels of a pair, one per comparison. */
    private int[] levels(Tombstone left, Tombstone right) {
        checkArgument(left.keyId().equals(right.keyId()), "tokens made under different keys (key ids %s and %s) "
                + "never link; re-tokenise under one key", left.keyId(), right.keyId());
        int[] levels = new int[comparisons.size()];
        for (int c = 0; c < levels.length; c++) {
            levels[c] = comparisons.get(c).level(left, right);
        }
        return levels;
    }

    /** The match of one pair when its weight reaches the minimum. */
    public Optional<TombstoneMatch> match(Tombstone probe, Tombstone tombstone) {
        IndexedModel indexed = IndexedModel.of(model);
        int[] levels = levels(probe, tombstone);
        double weight = indexed.matchWeight(levels);
        return weight >= minimumWeight
                ? Optional.of(new TombstoneMatch(tombstone, indexed.explain(levels)))
                : Optional.empty();
    }

    /**
     * Every tombstone whose match weight with the probe reaches the minimum, strongest first (ties in the
     * order given).
     */
    public List<TombstoneMatch> matches(Tombstone probe, Iterable<Tombstone> tombstones) {
        checkNotNull(probe, "probe");
        List<TombstoneMatch> found = new ArrayList<>();
        for (Tombstone t : tombstones) {
            match(probe, t).ifPresent(found::add);
        }
        found.sort(Comparator.comparingDouble(TombstoneMatch::matchWeight).reversed());
        return found;
    }
}
