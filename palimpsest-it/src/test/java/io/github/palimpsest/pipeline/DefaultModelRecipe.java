package io.github.palimpsest.pipeline;

import io.github.palimpsest.Linker;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.synthetic.SyntheticForces;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * The fixed recipe that trains the library's bundled model ({@link DefaultModel}) on generated, entirely
 * fictional cross-force records. It lives beside the generator, not in the library, which only loads the
 * file: anyone can reproduce the file bit for bit, and {@code DefaultModelTest} checks that the bundled file is
 * what the recipe trains today.
 */
public final class DefaultModelRecipe {
    public static final int TRAINING_PEOPLE = 3_000;
    public static final long SEED = 42;
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 1, 1);
    /** Random pairs for u: the pool has about 45 million pairs; 250,000 estimate u well. */
    public static final long U_SAMPLE_PAIRS = 250_000;

    private DefaultModelRecipe() {
    }

    /** Trains the default model from its fixed recipe: what the bundled file must equal. */
    public static MatchModel train() {
        return Linker.builder().seed(SEED).uSamplePairs(U_SAMPLE_PAIRS).threads(1).build().train(trainingPool());
    }

    /**
     * Generated fictional records (seed fixed): the default model's training pool, of
     * {@link DefaultModel#TRAINING_RECORDS} records.
     */
    public static List<PersonRecord> trainingPool() {
        return SyntheticForces.builder().people(TRAINING_PEOPLE).seed(SEED).referenceDate(REFERENCE_DATE).build()
                .stream().map(generated -> generated.toPersonRecord(REFERENCE_DATE)).toList();
    }

    /**
     * Where a bundled resource of the library is in the source tree, for the mains that rewrite it. Bench mains
     * run in palimpsest-it's folder (docs/performance.md), beside the library's.
     */
    public static Path librarySource(String resource) {
        return Path.of("../palimpsest/src/main/resources" + resource);
    }
}
