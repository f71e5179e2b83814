package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultTokenModelTest {

    /**
     * Rewrites the bundled token model from its recipe, after a change to the token comparisons, blocking,
     * training or the generator: {@code ./mvnw -o -pl palimpsest-it -am -Pbench test-compile exec:exec
     * -Dbench.main=io.github.palimpsest.privacy.DefaultTokenModelTest -Dbench.args=}.
     */
    public static void main(String[] args) throws IOException {
        Path file = io.github.palimpsest.pipeline.DefaultModelRecipe.librarySource(DefaultTokenModel.RESOURCE);
        Files.writeString(file, DefaultTokenModelRecipe.train().toJson(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    @Test
    void theBundledModelIsWhatItsRecipeTrainsToday() {
        assertEquals(DefaultTokenModelRecipe.train().toJson(), DefaultTokenModel.standard().toJson(),
                "the token comparisons, blocking, training or the generator changed: rewrite the bundled model "
                        + "with DefaultTokenModelTest.main");
    }

    @Test
    void theRecipeTrainedUnderAnotherKeyGivesNearlyTheSameWeights() {
        // Why the bundled model scores tokens of any key: token equality and the Dice distributions are
        // properties of the records, not of the key. Per key, levels whose pairs sit near a threshold move a
        // little (a field's common words take one random draw of bit positions per key); measured over four
        // other keys, every level holding 1% of matches or non-matches moved by at most 0.74 bits (address
        // dice >= 0.68, -0.37 against -1.11); under key B the identifier and top Dice levels moved by 0.08.
        MatchModel bundled = DefaultTokenModel.standard();
        MatchModel other = TokenLinker.builder().seed(DefaultTokenModelRecipe.SEED).uSamplePairs(DefaultTokenModelRecipe.U_SAMPLE_PAIRS)
                .threads(2).build().train(DefaultTokenModelRecipe.trainingPool(TombstoneTest.KEY_B));
        assertEquals(bundled.comparisonNames(), other.comparisonNames());
        assertEquals(bundled.priorWeight(), other.priorWeight(), 0.1);
        int common = 0;
        for (int c = 0; c < IndexedModel.of(bundled).comparisonCount(); c++) {
            for (int l = 0; l < IndexedModel.of(bundled).levels(c).size(); l++) {
                String level = bundled.comparisonNames().get(c) + " / " + IndexedModel.of(bundled).levels(c).get(l).label();
                if (!IndexedModel.of(bundled).levels(c).get(l).isNeutral() && Math.max(IndexedModel.of(bundled).m(c, l), IndexedModel.of(bundled).u(c, l)) >= 0.01) {
                    common++;
                    assertEquals(IndexedModel.of(bundled).levelWeight(c, l), IndexedModel.of(other).levelWeight(c, l), 1.0, level);
                }
                if (l == 0 && Math.abs(IndexedModel.of(bundled).levelWeight(c, l)) > 1) {
                    // "token equal" and "dice >= 0.93": the evidence that decides most links.
                    assertEquals(IndexedModel.of(bundled).levelWeight(c, l), IndexedModel.of(other).levelWeight(c, l), 0.2, level);
                }
            }
        }
        assertTrue(common >= 25, "too few common levels compared: " + common);
    }

    @Test
    void theBundledModelHoldsNoTokenOfItsTrainingPool() {
        // Term frequencies would be key-specific (they count token values); the model holds only which level
        // they adjust, and a run counts them over its own pool. So no token of the recipe's records is in it.
        String json = DefaultTokenModel.standard().toJson();
        DeploymentSecret recipeKey = DefaultTokenModelRecipe.recipeKey();
        int tokens = 0;
        for (PersonRecord r : DefaultTokenModelRecipe.trainingRecords().subList(0, 500)) {
            Tombstone t = Tombstone.of(r, recipeKey, TombstoneOptions.defaults());
            for (IdentifierToken token : t.tokens().values()) {
                tokens++;
                assertFalse(json.contains(token.toText()), "a training token is in the bundled model");
            }
        }
        assertTrue(tokens > 500, "the sample should hold tokens: " + tokens);
    }

    @Test
    void onlyTheStandardComparisonsFitTheBundledModel() {
        assertTrue(DefaultTokenModel.fits(TombstoneComparisons.standard()));
        List<io.github.palimpsest.compare.Comparison<Tombstone>> otherThresholds = new java.util.ArrayList<>(
                TombstoneComparisons.standard());
        otherThresholds.set(otherThresholds.size() - 3, TombstoneComparisons.dice(BloomField.DATE_OF_BIRTH, 0.9, 0.7));
        assertFalse(DefaultTokenModel.fits(otherThresholds));
        assertFalse(DefaultTokenModel.fits(TombstoneComparisons.standard().subList(0, 5)));
    }
}
