package io.github.palimpsest.compare;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;

/**
 * One outcome of comparing a pair of field values, for example {@code "exact"}, {@code "jaro-winkler ≥ 0.92"}
 * or {@code "missing"}.
 *
 * <p>A <em>neutral</em> level is the outcome when either value is missing, purged or unusable: the
 * comparison then says nothing about whether the two records are the same person, so its match weight
 * is exactly 0. Missing data is never evidence of a mismatch (see {@code docs/model.md}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param label     short, human-readable name of the level, shown in explanations and saved in model files;
 *                  never blank
 * @param isNeutral whether this level carries no evidence (weight exactly 0)
 */
public record ComparisonLevel(String label, boolean isNeutral) implements Serializable {

    /**
     * Validates the label.
     *
     * @throws IllegalArgumentException if the label is null or blank
     */
    public ComparisonLevel {
        checkArgument(label != null && !label.isBlank(), "a comparison level needs a non-blank label");
    }

    /** A level that carries evidence, e.g. {@code ComparisonLevel.of("exact")}. */
    public static ComparisonLevel of(String label) {
        return new ComparisonLevel(label, false);
    }

    /** The neutral level for missing or unusable values, e.g. {@code ComparisonLevel.neutral("missing")}. */
    public static ComparisonLevel neutral(String label) {
        return new ComparisonLevel(label, true);
    }
}
