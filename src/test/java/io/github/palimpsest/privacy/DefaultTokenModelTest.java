package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DefaultTokenModelTest {

    /**
     * Rewrites the bundled token model from its recipe, after a change to the token comparisons, blocking,
     * training or the generator: {@code ./mvnw -o -Pbench test-compile exec:exec
     * -Dbench.main=io.github.palimpsest.privacy.DefaultTokenModelTest -Dbench.args=}.
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of("src/main/resources" + DefaultTokenModel.RESOURCE);
        Files.writeString(file, DefaultTokenModel.train().toJson(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    @Test
    void theBundledModelIsWhatItsRecipeTrainsToday() {
        assertEquals(DefaultTokenModel.train().toJson(), DefaultTokenModel.standard().toJson(),
                "the token comparisons, blocking, training or the generator changed: rewrite the bundled model "
                        + "with DefaultTokenModelTest.main");
    }
}
