package io.github.palimpsest;

import io.github.palimpsest.pipeline.DefaultModel;
import io.github.palimpsest.pipeline.DefaultModelRecipe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultModelTest {

    /**
     * Rewrites the bundled model from its recipe, after a change to the standard comparisons:
     * {@code ./mvnw -o -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.DefaultModelTest -Dbench.args=}.
     */
    public static void main(String[] args) throws IOException {
        Path file = DefaultModelRecipe.librarySource(DefaultModel.RESOURCE);
        Files.writeString(file, DefaultModelRecipe.train().toJson(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    @Test
    void theBundledModelIsWhatItsRecipeTrainsToday() {
        assertEquals(DefaultModelRecipe.train().toJson(), DefaultModel.standard().toJson(),
                "the standard comparisons or the generator changed: rewrite the bundled model with DefaultModelTest.main");
    }

    @Test
    void aSmallPoolWithTheStandardComparisonsUsesTheBundledModel() {
        List<PersonRecord> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(PersonRecord.builder().recordId("R" + i).forename("Alex").surname("Example" + (i % 3))
                    .dob("1980-02-0" + (1 + i % 3)).build());
        }
        LinkResult result = Linker.builder().build().link(records);
        assertFalse(result.statistics().isModelTrained());
        assertEquals(DefaultModel.standard(), result.model());
        assertTrue(result.statistics().trainingNote().contains("bundled default model"),
                result.statistics().trainingNote());
    }

    @Test
    void aPoolAtTheMinimumIsTrainedOn() {
        List<PersonRecord> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(PersonRecord.builder().recordId("R" + i).forename(i % 2 == 0 ? "Alex" : "Sam")
                    .surname("Example" + (i % 7)).dob("1980-02-0" + (1 + i % 5)).build());
        }
        LinkResult result = Linker.builder().minimumTrainingRecords(40).build().link(records);
        assertTrue(result.statistics().isModelTrained());
        MatchModel trained = result.model();
        assertFalse(trained.toJson().equals(DefaultModel.standard().toJson()));
    }
}
