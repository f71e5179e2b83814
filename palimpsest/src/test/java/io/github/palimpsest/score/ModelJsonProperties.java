package io.github.palimpsest.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
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

    @Provide
    Arbitrary<String> jsonishText() {
        // JSON's own characters, and those only a lenient reader takes, so the parser's error paths are reached.
        return Arbitraries.strings().withChars("{}[],:\"\\/'#;=0123456789-+.eEtrufalsnNI u\n\t\r\u0001\ud800")
                .ofMaxLength(40);
    }

    @Property
    void jsonLikeTextIsReadOrRejectedWithAModelFormatException(@ForAll("jsonishText") String text) {
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

    /**
     * The reader depends on the JSON, not on the writer's layout: the same model written compactly or pretty
     * printed by another writer with its own choice of escapes, reads back equal.
     */
    @Property(tries = 300)
    void aModelReadsBackEqualWhateverItsLayout(@ForAll("models") MatchModel model, @ForAll boolean pretty) {
        GsonBuilder gson = new GsonBuilder();
        if (pretty) {
            gson.setPrettyPrinting();
        }
        String relaid = gson.create().toJson(JsonParser.parseString(model.toJson()));
        assertEquals(model, MatchModel.fromJson(relaid));
    }

    @Provide
    Arbitrary<Object> trees() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff').ofMaxLength(6),
                Arbitraries.of("😀", "中∅", "\"\\/", ""));
        Arbitrary<Object> leaf = Arbitraries.oneOf(text,
                Arbitraries.doubles().filter(Double::isFinite).map(d -> (Object) d),
                Arbitraries.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 0.1, 1.0 / 3),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE, JsonTree.NULL));
        return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(text, inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m))), 0, 4);
    }

    /** Any tree of JSON values, written by Gson's writer, parses back to the same tree, every double bit for bit. */
    @Property(tries = 500)
    void anyJsonValueParsesBackToTheSameTree(@ForAll("trees") Object tree) throws IOException {
        StringWriter out = new StringWriter();
        write(new JsonWriter(out), tree);
        assertEquals(tree, JsonTree.parse(out.toString()));
    }

    private static void write(JsonWriter w, Object node) throws IOException {
        if (node instanceof Map<?, ?> map) {
            w.beginObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                w.name((String) e.getKey());
                write(w, e.getValue());
            }
            w.endObject();
        } else if (node instanceof List<?> list) {
            w.beginArray();
            for (Object item : list) {
                write(w, item);
            }
            w.endArray();
        } else if (node instanceof String s) {
            w.value(s);
        } else if (node instanceof Double d) {
            w.value(d.doubleValue());
        } else if (node instanceof Boolean b) {
            w.value(b.booleanValue());
        } else {
            w.nullValue();
        }
    }
}
