package io.github.palimpsest.pipeline;

import io.github.palimpsest.score.MatchModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The model shipped in the jar for the standard comparisons, used when a pool is too small to train on
 * (a few dozen records give EM a handful of comparison patterns and term frequencies no finer than 1/n).
 *
 * <p>The library only loads the bundled file. It is trained on generated, entirely fictional cross-force
 * records by a fixed recipe (people, seed, reference date, u sample) that lives beside the generator, in the
 * test code of palimpsest-it ({@code DefaultModelRecipe}): anyone can reproduce the file bit for bit, and a
 * test there checks that the bundled file is what the recipe trains today.
 */
public final class DefaultModel {
    public static final String RESOURCE = "/io/github/palimpsest/default-model.json";
    /** The records the recipe generated to train the bundled model: the pool the prior is over. */
    public static final int TRAINING_RECORDS = 8_926;

    private DefaultModel() {
    }

    /** The bundled model, loaded once. */
    public static MatchModel standard() {
        return Holder.MODEL;
    }

    /**
     * The bundled model with its prior (and household and relatives priors) scaled from the training pool
     * to a pool of {@code records} ({@link MatchModel#scaledToPool}): the chance that two records are the
     * same person falls as the pool grows. The prior is kept at or below 0.5, which a pool of a few records
     * would otherwise exceed.
     */
    public static MatchModel scaledTo(int records) {
        MatchModel standard = standard();
        long smallest = (long) Math.ceil(2 * standard.prior() * (TRAINING_RECORDS - 1)) + 1;
        return standard.scaledToPool(TRAINING_RECORDS, Math.max(Math.max(2, records), smallest));
    }

    private static final class Holder {
        static final MatchModel MODEL = load();

        private static MatchModel load() {
            try (InputStream in = DefaultModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the default model " + RESOURCE + " is missing from the jar");
                }
                return MatchModel.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
