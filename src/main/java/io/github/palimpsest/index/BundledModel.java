package io.github.palimpsest.index;

import io.github.palimpsest.score.MatchModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The model bundled in the jar for the standard person comparisons: the one the batch {@code Linker} uses
 * for pools too small to train on (its package-private {@code DefaultModel}, documented in
 * {@code docs/model.md}). Read from the same resource; a test checks that both are equal.
 */
final class BundledModel {
    static final String RESOURCE = "/io/github/palimpsest/default-model.json";
    /** The records in the pool the bundled model was trained on (its recipe's 3,000 generated people). */
    static final int TRAINING_RECORDS = 8_926;

    private BundledModel() {
    }

    static MatchModel standard() {
        return Holder.MODEL;
    }

    private static final class Holder {
        static final MatchModel MODEL = load();

        private static MatchModel load() {
            try (InputStream in = BundledModel.class.getResourceAsStream(RESOURCE)) {
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
