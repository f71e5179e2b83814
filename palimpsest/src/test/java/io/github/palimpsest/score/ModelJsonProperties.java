package io.github.palimpsest.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ModelJsonProperties {

    @Provide
    Arbitrary<MatchModel> models() {
        return RandomModels.models();
    }

    /** Whatever the text, reading either gives a model or a ModelFormatException: nothing else escapes. */
    private static void readsOrRejectsCleanly(String text) {
        try {
            MatchModel.fromJson(text);
        } catch (ModelFormatException expected) {
            assertEquals(false, expected.getMessage().isBlank());
        }
    }

    @Property
    void anyTextIsReadOrRejectedWithAModelFormatException(@ForAll String text) {
        readsOrRejectsCleanly(text);
    }

    @Property(tries = 500)
    void damagedModelFilesAreReadOrRejectedWithAModelFormatException(@ForAll("models") MatchModel model,
                                                                    @ForAll long seed) {
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder(model.toJson());
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(json.length());
            switch (random.nextInt(3)) {
                case 0 -> json.deleteCharAt(at);
                case 1 -> json.insert(at, "{}[],:\"0-.eE\\ntf"
                        .charAt(random.nextInt(16)));
                default -> json.setCharAt(at, (char) random.nextInt(128));
            }
        }
        readsOrRejectsCleanly(json.toString());
    }
}
