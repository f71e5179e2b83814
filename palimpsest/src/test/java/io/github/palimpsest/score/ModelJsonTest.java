package io.github.palimpsest.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.pipeline.IndexedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelJsonTest {

    private final MatchModel model = TestModels.threeComparisons();

    @Test
    void roundTripPreservesEveryNumberExactly() {
        MatchModel awkward = TestModels.withParameters(
                new double[][] {{0.1 + 0.2, 1 / 7.0, 1 - (0.1 + 0.2) - 1 / 7.0, 1}, {1 / 3.0, 1 / 3.0, 1 / 3.0, 1},
                        {0.9999999999999999, 1e-300, 1.1102230246251565E-16, 1}},
                TestModels.TRUE_U, 3.0e-17);
        MatchModel read = MatchModel.fromJson(awkward.toJson());
        assertEquals(awkward, read);
        for (int c = 0; c < IndexedModel.of(read).comparisonCount(); c++) {
            for (int l = 0; l < IndexedModel.of(read).levels(c).size(); l++) {
                assertEquals(Double.doubleToRawLongBits(IndexedModel.of(awkward).m(c, l)), Double.doubleToRawLongBits(IndexedModel.of(read).m(c, l)));
                assertEquals(Double.doubleToRawLongBits(IndexedModel.of(awkward).levelWeight(c, l)),
                        Double.doubleToRawLongBits(IndexedModel.of(read).levelWeight(c, l)));
            }
        }
        assertEquals(awkward.priorWeight(), read.priorWeight());
        assertEquals(awkward.toJson(), read.toJson());
    }

    @Test
    void fileIsPrettyPrintedVersionedAndReadable() {
        String json = model.toJson();
        assertTrue(json.startsWith("{\n  \"format\": \"palimpsest-model\",\n  \"version\": 1,\n"), json);
        assertTrue(json.contains("\"termFrequencyLevel\": \"exact\""), json);
        assertTrue(json.contains("{\"label\": \"exact\", \"neutral\": false, \"m\": 0.85, \"u\": 0.01, \"weight\": "), json);
        assertTrue(json.contains("{\"label\": \"missing\", \"neutral\": true, \"weight\": 0.0}"), json);
        // One line per level, so a reviewer reads a comparison as a small table.
        assertEquals(12, json.lines().filter(l -> l.trim().startsWith("{\"label\"")).count());
    }

    @Test
    void saveAndLoadThroughAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.json");
        model.save(file);
        assertEquals(model, MatchModel.load(file));
    }

    @Test
    void loadNamesTheFileInItsError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"palimpsest-model\", \"version\": 1,");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> MatchModel.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void aFileFarLargerThanAnyModelIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("records.csv");
        Files.write(file, new byte[4 * JsonTree.MAX_CHARS + 1]);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> MatchModel.load(file));
        assertEquals(file + ": 4194305 bytes is not a model file (a model has at most 1048576 characters)",
                e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsNamedAsSuch(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.bin");
        Files.write(file, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> MatchModel.load(file));
        assertEquals(file + ": not UTF-8 text, so not a model file", e.getMessage());
    }

    @Test
    void aHandEditedFileWithAStrayCommaNamesTheFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("edited.json");
        Files.writeString(file, model.toJson().replaceFirst("\\]\n    \\}", "],\n    }"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> MatchModel.load(file));
        assertEquals(file + ": malformed JSON at line 17, column 5: expected a quoted key", e.getMessage());
    }

    @Test
    void malformedJsonIsRejectedWithLineAndColumn() {
        String broken = model.toJson().replaceFirst("\"version\": 1,", "\"version\": 1");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> MatchModel.fromJson(broken));
        assertEquals("malformed JSON at line 4, column 3: expected ',' or '}' in an object", e.getMessage());
    }

    @Test
    void unknownVersionIsRejectedBeforeAnythingElse() {
        String v2 = model.toJson().replace("\"version\": 1", "\"version\": 2").replace("\"prior\"", "\"lambda\"");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> MatchModel.fromJson(v2));
        assertEquals("model format version 2 is not supported: this release of Palimpsest reads version 1",
                e.getMessage());
    }

    @Test
    void otherJsonIsNotTakenForAModel() {
        assertMessage("not a Palimpsest model: \"format\" must be \"palimpsest-model\", got nothing", "{}");
        assertMessage("not a Palimpsest model: \"format\" must be \"palimpsest-model\", got \"splink\"",
                "{\"format\": \"splink\"}");
        assertMessage("the model must be a JSON object, got an array", "[1, 2]");
        assertMessage("no model text given", null);
    }

    @Test
    void invalidParametersAreRejectedWithTheirPath() {
        String json = model.toJson();
        assertMessage("m of level 'exact' of 'surname' must be in (0, 1], got 1.85",
                json.replace("\"m\": 0.85", "\"m\": 1.85"));
        assertMessage("comparisons[0].levels[0].weight is 6.4",
                json.replace("\"m\": 0.85", "\"m\": 0.8").replaceFirst("\"m\": 0.1,", "\"m\": 0.15,"));
        assertMessage("comparisons[0].levels[3] is neutral and so has no m, u, h or k",
                json.replaceFirst("\"neutral\": true,", "\"neutral\": true, \"m\": 1.0, \"u\": 1.0,"));
        assertMessage("unknown key \"lambda\" in the model", json.replace("\"prior\"", "\"lambda\""));
        assertMessage("comparisons[1].levels[2] has no \"u\"",
                json.replace("\"m\": 0.1, \"u\": 0.88", "\"m\": 0.1"));
        assertMessage("comparisons[0].termFrequencyLevel \"same\" is not the label of one of its levels",
                json.replace("\"termFrequencyLevel\": \"exact\"", "\"termFrequencyLevel\": \"same\""));
        assertMessage("must have exactly one neutral level",
                json.replaceFirst("\"neutral\": true", "\"neutral\": false, \"m\": 0.5, \"u\": 0.5"));
        assertMessage("prior must be a number, got \"0.1\"", json.replaceFirst("\"prior\": [^,]*,", "\"prior\": \"0.1\","));
        assertMessage("priorWeight is -1.0 but the parameters give",
                json.replaceFirst("\"priorWeight\": [^,]*,", "\"priorWeight\": -1.0,"));
    }

    @Test
    void informativeWeightsMayBeLeftOut() {
        String bare = model.toJson().replaceAll(", \"weight\": [^}]*", "").replaceFirst("\\s*\"priorWeight\": [^,]*,", "");
        assertTrue(!bare.contains("weight\""), bare);
        assertEquals(model, MatchModel.fromJson(bare));
    }

    @Test
    void labelsWithQuotesAndControlCharactersSurviveTheRoundTrip() {
        List<ComparisonLevel> levels = List.of(ComparisonLevel.of("say \"hi\" \\ ok"), ComparisonLevel.of("tab\tnew\nline\u0001é"),
                ComparisonLevel.neutral("∅ missing"));
        MatchModel odd = MatchModel.builder().prior(0.25)
                .comparison("name/\"odd\"", levels, new double[] {0.75, 0.25, 1}, new double[] {0.25, 0.75, 1}).build();
        assertEquals(odd, MatchModel.fromJson(odd.toJson()));
    }

    private static void assertMessage(String fragment, String json) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> MatchModel.fromJson(json));
        assertTrue(e.getMessage().contains(fragment), () -> "expected '" + fragment + "' in: " + e.getMessage());
    }
}
