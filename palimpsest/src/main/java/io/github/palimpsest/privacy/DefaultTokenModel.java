package io.github.palimpsest.privacy;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.score.MatchModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The model shipped in the jar for {@link TombstoneComparisons#standard()}, used by {@link TokenLinker} when a
 * pool is too small to train on: a few dozen tombstones give EM a handful of comparison patterns, and the
 * demo's 22 records train a model that links nothing.
 *
 * <p>The library only loads the bundled file. It is trained on generated, entirely fictional cross-force
 * records, tokenised under a fixed <em>recipe key</em>, by a recipe that lives beside the generator, in the
 * test code of palimpsest-it ({@code DefaultTokenModelRecipe}). The recipe is fixed (people, seed, reference
 * date, key, u sample), so anyone can reproduce the bundled file bit for bit, and a test there checks that the
 * bundled file is what the recipe trains today.
 *
 * <p><b>Why a model trained under one key scores tokens of any key.</b> The model holds, per comparison level,
 * m and u (and λ), never a token, filter or frequency table:
 * <ul>
 *   <li>two identifier tokens are equal exactly when the normalised values are (HMAC-SHA-256 collisions
 *       aside), under every key, so the chance of {@code token equal} among matches and non-matches is a
 *       property of the records, not of the key;</li>
 *   <li>a filter's bit positions and noise are pseudo-random functions of the key, so the Dice coefficient of
 *       two values is a random variable whose distribution (shared and distinct bigrams, plus chance
 *       collisions and noise) is the same under every key; only which pairs land just either side of a
 *       threshold changes, and level probabilities estimated over thousands of pairs do not;</li>
 *   <li>term frequencies are not in the model (only the index of the level they adjust): a run counts them
 *       over its own pool's tokens, and only for pools of 1,000 tombstones or more, never for the small pools
 *       that use this model.</li>
 * </ul>
 * The recipe key is public (it is derived from a label in the recipe), which is harmless: it only ever
 * tokenises generated people, and nothing made with it leaves the training run.
 */
final class DefaultTokenModel {
    static final String RESOURCE = "/io/github/palimpsest/default-token-model.json";
    /** Pools smaller than this use the bundled model: the plain-text linker's default limit, for one behaviour. */
    static final int MINIMUM_TRAINING_RECORDS = 1_000;

    private DefaultTokenModel() {
    }

    /** The bundled model, loaded once, on first use. */
    static MatchModel standard() {
        return Holder.MODEL;
    }

    private static final class Holder {
        static final MatchModel MODEL = load();

        private static MatchModel load() {
            try (InputStream in = DefaultTokenModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the default token model " + RESOURCE + " is missing from the jar");
                }
                return MatchModel.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Whether comparisons are the standard ones the bundled model was trained with: the same classes, names and
     * level labels, in order. The labels carry the thresholds ({@code dice ≥ 0.93}), so a comparison with other
     * thresholds does not fit.
     */
    static boolean fits(List<Comparison<Tombstone>> comparisons) {
        List<Comparison<Tombstone>> standard = TombstoneComparisons.standard();
        if (comparisons.size() != standard.size()) {
            return false;
        }
        for (int c = 0; c < standard.size(); c++) {
            Comparison<Tombstone> given = comparisons.get(c);
            Comparison<Tombstone> expected = standard.get(c);
            if (given.getClass() != expected.getClass() || !given.name().equals(expected.name())
                    || !given.levels().equals(expected.levels())) {
                return false;
            }
        }
        return true;
    }
}
