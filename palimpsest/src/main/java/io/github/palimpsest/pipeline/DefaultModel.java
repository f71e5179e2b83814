package io.github.palimpsest.pipeline;

import io.github.palimpsest.Linker;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.synthetic.SyntheticForces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The model shipped in the jar for the standard comparisons, used when a pool is too small to train on
 * (a few dozen records give EM a handful of comparison patterns and term frequencies no finer than 1/n).
 *
 * <p>It is trained by {@link #train()} on generated, entirely fictional cross-force records: the recipe is
 * fixed (people, seed, reference date, u sample), so anyone can reproduce the bundled file bit for bit, and
 * a test checks that the bundled file is what the recipe trains today.
 */
public final class DefaultModel {
    public static final String RESOURCE = "/io/github/palimpsest/default-model.json";
    public static final int TRAINING_PEOPLE = 3_000;
    public static final long SEED = 42;
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 1, 1);
    /** Random pairs for u: the pool has about 45 million pairs; 250,000 estimate u well. */
    public static final long U_SAMPLE_PAIRS = 250_000;
    /** The records the recipe generates for {@link #TRAINING_PEOPLE} people: the pool the prior is over. */
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

    /** Trains the default model from its fixed recipe: what the bundled file must equal. */
    public static MatchModel train() {
        return Linker.builder().seed(SEED).uSamplePairs(U_SAMPLE_PAIRS).threads(1).build().train(trainingPool());
    }

    /** Generated fictional records (seed fixed): the default model's training pool. */
    public static List<PersonRecord> trainingPool() {
        return SyntheticForces.builder().people(TRAINING_PEOPLE).seed(SEED).referenceDate(REFERENCE_DATE).build()
                .stream().map(generated -> generated.toPersonRecord(REFERENCE_DATE)).toList();
    }
}
