package io.github.palimpsest.privacy;

import com.google.common.hash.Hashing;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.synthetic.SyntheticForces;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The fixed recipe that trains the library's bundled token model ({@link DefaultTokenModel}) on generated,
 * entirely fictional cross-force records tokenised under a fixed, public <em>recipe key</em>. It lives beside
 * the generator, not in the library, which only loads the file; {@code DefaultTokenModelTest} checks that the
 * bundled file is what the recipe trains today. Why a model trained under one key scores tokens of any key:
 * see {@link DefaultTokenModel}.
 */
final class DefaultTokenModelRecipe {
    static final int TRAINING_PEOPLE = 3_000;
    static final long SEED = 42;
    static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 1, 1);
    /** Random pairs for u: the pool has about 40 million pairs; 250,000 estimate u well, as for plain text. */
    static final long U_SAMPLE_PAIRS = 250_000;
    /** The label the recipe key is derived from: public on purpose, see {@link DefaultTokenModel}. */
    private static final String RECIPE_KEY_LABEL = "palimpsest default token model recipe key, v1 (public; "
            + "generated records only)";

    private DefaultTokenModelRecipe() {
    }

    /** Trains the default token model from its fixed recipe: what the bundled file must equal. */
    static MatchModel train() {
        return TokenLinker.builder().seed(SEED).uSamplePairs(U_SAMPLE_PAIRS).threads(1).build()
                .train(trainingPool(recipeKey()));
    }

    /** The recipe key: fixed, public, for generated records only. */
    static DeploymentSecret recipeKey() {
        return DeploymentSecret.fromBytes(
                Hashing.sha256().hashString(RECIPE_KEY_LABEL, StandardCharsets.UTF_8).asBytes());
    }

    /** Generated fictional records (seed fixed): the people of the recipe. */
    static List<PersonRecord> trainingRecords() {
        return SyntheticForces.builder().people(TRAINING_PEOPLE).seed(SEED).referenceDate(REFERENCE_DATE).build()
                .stream().map(generated -> generated.toPersonRecord(REFERENCE_DATE)).toList();
    }

    /**
     * The recipe's records tokenised under {@code key}, in order: the training pool. Tokenising is the costly
     * part (keyed hashes of every feature), so it runs in parallel; the order, and so the model, does not
     * depend on it.
     */
    static List<Tombstone> trainingPool(DeploymentSecret key) {
        return trainingRecords().parallelStream()
                .map(r -> Tombstone.of(r, key, TombstoneOptions.defaults())).toList();
    }
}
