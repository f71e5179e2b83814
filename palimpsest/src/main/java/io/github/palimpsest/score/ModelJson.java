package io.github.palimpsest.score;

import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.pipeline.IndexedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the model file format, version {@value #VERSION} (described in {@code docs/model.md}).
 * Numbers are written with {@link Double#toString(double)} and read with {@link Double#parseDouble}, so
 * every parameter round-trips bit for bit. Weights are written for the reviewer; on reading they are
 * checked against {@code log2(m/u)} and then recomputed. Stateless and thread-safe.
 *
 * <p>The text is parsed by {@link JsonTree} (Gson's strict streaming reader, bounded in size and depth). The
 * writer stays a few lines of {@link StringBuilder}: its layout, one line per level so a reviewer reads a
 * comparison as a small table, is not one a JSON library's pretty printer produces, and saved models must stay
 * byte for byte as they are. It writes only numbers, booleans and strings escaped by {@link #quote}.
 */
final class ModelJson {

    static final String FORMAT = "palimpsest-model";
    static final int VERSION = 1;
    /** The longest model text read (see {@link JsonTree#MAX_CHARS}). */
    static final int MAX_CHARS = JsonTree.MAX_CHARS;
    /** A written weight may differ this much from log2(m/u) (a reviewer may round it by hand). */
    private static final double WEIGHT_TOLERANCE = 1e-9;

    private static final Set<String> ROOT_KEYS =
            Set.of("format", "version", "prior", "priorWeight", "minimumTermFrequency", "householdPrior", "home", "householdDiffersIn",
                    "relativesApartPrior", "kin", "training", "comparisons");
    private static final Set<String> COMPARISON_KEYS = Set.of("name", "termFrequencyLevel", "levels");
    private static final Set<String> LEVEL_KEYS = Set.of("label", "neutral", "m", "u", "h", "k", "weight");

    private ModelJson() {
    }

    static String write(MatchModel model) {
        IndexedModel indexed = model.indexed();
        StringBuilder s = new StringBuilder();
        s.append("{\n");
        s.append("  \"format\": ").append(quote(FORMAT)).append(",\n");
        s.append("  \"version\": ").append(VERSION).append(",\n");
        s.append("  \"prior\": ").append(model.prior()).append(",\n");
        s.append("  \"priorWeight\": ").append(model.priorWeight()).append(",\n");
        s.append("  \"minimumTermFrequency\": ").append(model.minimumTermFrequency()).append(",\n");
        if (model.hasHouseholdClass()) {
            s.append("  \"householdPrior\": ").append(model.householdPrior()).append(",\n");
            appendNames(s, "home", model, indexed::isHomeComparison);
            appendNames(s, "householdDiffersIn", model, indexed::isDistinguishingComparison);
        }
        if (model.hasRelativesApartClass()) {
            s.append("  \"relativesApartPrior\": ").append(model.relativesApartPrior()).append(",\n");
            appendNames(s, "kin", model, indexed::isKinComparison);
        }
        if (!model.trainingNote().isEmpty()) {
            s.append("  \"training\": ").append(quote(model.trainingNote())).append(",\n");
        }
        s.append("  \"comparisons\": [");
        for (int c = 0; c < indexed.comparisonCount(); c++) {
            List<ComparisonLevel> levels = indexed.levels(c);
            s.append(c == 0 ? "\n" : ",\n").append("    {\n");
            s.append("      \"name\": ").append(quote(model.comparisonNames().get(c))).append(",\n");
            int tfLevel = indexed.termFrequencyLevel(c).orElse(-1);
            if (tfLevel >= 0) {
                s.append("      \"termFrequencyLevel\": ").append(quote(levels.get(tfLevel).label())).append(",\n");
            }
            s.append("      \"levels\": [\n");
            for (int l = 0; l < levels.size(); l++) {
                ComparisonLevel level = levels.get(l);
                s.append("        {\"label\": ").append(quote(level.label()))
                        .append(", \"neutral\": ").append(level.isNeutral());
                if (!level.isNeutral()) {
                    s.append(", \"m\": ").append(indexed.m(c, l)).append(", \"u\": ").append(indexed.u(c, l));
                    if (model.hasHouseholdClass()) {
                        s.append(", \"h\": ").append(indexed.h(c, l));
                    }
                    if (model.hasRelativesApartClass()) {
                        s.append(", \"k\": ").append(indexed.k(c, l));
                    }
                }
                s.append(", \"weight\": ").append(indexed.levelWeight(c, l)).append('}')
                        .append(l + 1 < levels.size() ? ",\n" : "\n");
            }
            s.append("      ]\n    }");
        }
        s.append(indexed.comparisonCount() == 0 ? "]\n" : "\n  ]\n").append("}\n");
        return s.toString();
    }

    static String quote(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        s.append(String.format("\\u%04x", (int) ch));
                    } else {
                        s.append(ch);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** A root key whose value lists the names of the comparisons that {@code member} picks, in model order. */
    private static void appendNames(StringBuilder s, String key, MatchModel model, java.util.function.IntPredicate member) {
        s.append("  ").append(quote(key)).append(": [");
        IndexedModel indexed = model.indexed();
        boolean first = true;
        for (int c = 0; c < indexed.comparisonCount(); c++) {
            if (member.test(c)) {
                s.append(first ? "" : ", ").append(quote(model.comparisonNames().get(c)));
                first = false;
            }
        }
        s.append("],\n");
    }

    static MatchModel read(String json) {
        Map<String, Object> root = object(JsonTree.parse(json), "the model");
        Object format = root.get("format");
        if (!FORMAT.equals(format)) {
            throw new ModelFormatException("not a Palimpsest model: \"format\" must be \"" + FORMAT + "\", got "
                    + (format == null ? "nothing" : describe(format)));
        }
        double version = number(root, "version", "the model");
        if (version != VERSION) {
            throw new ModelFormatException("model format version " + describe(root.get("version"))
                    + " is not supported: this release of Palimpsest reads version " + VERSION);
        }
        checkKeys(root, ROOT_KEYS, "the model");
        MatchModelBuilder builder = MatchModel.builder().prior(number(root, "prior", "the model"));
        if (root.containsKey("training")) {
            builder.trainingNote(string(root, "training", "the model"));
        }
        if (root.containsKey("minimumTermFrequency")) {
            builder.minimumTermFrequency(number(root, "minimumTermFrequency", "the model"));
        }
        List<Object> comparisons = array(root, "comparisons", "the model");
        List<Double> writtenWeights = new ArrayList<>();
        List<String> weightPaths = new ArrayList<>();
        for (int c = 0; c < comparisons.size(); c++) {
            String where = "comparisons[" + c + "]";
            Map<String, Object> comparison = object(comparisons.get(c), where);
            checkKeys(comparison, COMPARISON_KEYS, where);
            String name = string(comparison, "name", where);
            List<Object> levelNodes = array(comparison, "levels", where);
            List<ComparisonLevel> levels = new ArrayList<>();
            double[] m = new double[levelNodes.size()];
            double[] u = new double[levelNodes.size()];
            double[] h = new double[levelNodes.size()];
            boolean hasH = false;
            double[] k = new double[levelNodes.size()];
            boolean hasK = false;
            for (int l = 0; l < levelNodes.size(); l++) {
                String levelWhere = where + ".levels[" + l + "]";
                Map<String, Object> level = object(levelNodes.get(l), levelWhere);
                checkKeys(level, LEVEL_KEYS, levelWhere);
                String label = string(level, "label", levelWhere);
                if (label.isBlank()) {
                    throw new ModelFormatException(levelWhere + ".label must not be blank");
                }
                boolean neutral = bool(level, "neutral", levelWhere);
                levels.add(new ComparisonLevel(label, neutral));
                if (neutral) {
                    if (level.containsKey("m") || level.containsKey("u") || level.containsKey("h")
                            || level.containsKey("k")) {
                        throw new ModelFormatException(levelWhere + " is neutral and so has no m, u, h or k");
                    }
                    m[l] = 1.0;
                    u[l] = 1.0;
                    h[l] = 1.0;
                    k[l] = 1.0;
                } else {
                    m[l] = number(level, "m", levelWhere);
                    u[l] = number(level, "u", levelWhere);
                    if (level.containsKey("h")) {
                        h[l] = number(level, "h", levelWhere);
                        hasH = true;
                    }
                    if (level.containsKey("k")) {
                        k[l] = number(level, "k", levelWhere);
                        hasK = true;
                    }
                }
                if (level.containsKey("weight")) {
                    writtenWeights.add(number(level, "weight", levelWhere));
                    weightPaths.add(levelWhere + ".weight");
                }
            }
            builder.comparison(name, levels, m, u);
            if (hasH) {
                builder.h(name, h);
            }
            if (hasK) {
                builder.k(name, k);
            }
            if (comparison.containsKey("termFrequencyLevel")) {
                String tfLabel = string(comparison, "termFrequencyLevel", where);
                int tfLevel = levels.stream().map(ComparisonLevel::label).toList().indexOf(tfLabel);
                if (tfLevel < 0) {
                    throw new ModelFormatException(where + ".termFrequencyLevel \"" + tfLabel
                            + "\" is not the label of one of its levels");
                }
                builder.termFrequencyLevel(name, tfLevel);
            }
        }
        if (root.containsKey("householdPrior")) {
            List<String> differs = root.containsKey("householdDiffersIn") ? names(root, "householdDiffersIn") : List.of();
            builder.householdClass(number(root, "householdPrior", "the model"), names(root, "home"), differs);
        }
        if (root.containsKey("relativesApartPrior")) {
            builder.relativesApartClass(number(root, "relativesApartPrior", "the model"), names(root, "kin"));
        }
        MatchModel model;
        try {
            model = builder.build();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("invalid model: " + e.getMessage(), e);
        }
        checkWrittenWeights(root, model, writtenWeights, weightPaths);
        return model;
    }

    /** A root key whose value must list comparison names. */
    private static List<String> names(Map<String, Object> root, String key) {
        List<String> names = new ArrayList<>();
        for (Object node : array(root, key, "the model")) {
            if (!(node instanceof String name)) {
                throw new ModelFormatException(key + " must list comparison names, got " + describe(node));
            }
            names.add(name);
        }
        return names;
    }

    private static void checkWrittenWeights(Map<String, Object> root, MatchModel model, List<Double> written,
                                            List<String> paths) {
        if (root.containsKey("priorWeight")) {
            checkWeight("priorWeight", number(root, "priorWeight", "the model"), model.priorWeight());
        }
        IndexedModel indexed = model.indexed();
        int i = 0;
        for (int c = 0; c < indexed.comparisonCount(); c++) {
            for (int l = 0; l < indexed.levels(c).size(); l++) {
                String path = "comparisons[" + c + "].levels[" + l + "].weight";
                if (i < paths.size() && paths.get(i).equals(path)) {
                    checkWeight(path, written.get(i++), indexed.levelWeight(c, l));
                }
            }
        }
    }

    private static void checkWeight(String path, double written, double computed) {
        if (Math.abs(written - computed) > WEIGHT_TOLERANCE) {
            throw new ModelFormatException(path + " is " + written + " but the parameters give " + computed
                    + "; weights are shown for the reviewer: correct it or delete it");
        }
    }

    private static void checkKeys(Map<String, Object> map, Set<String> allowed, String where) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new ModelFormatException("unknown key \"" + key + "\" in " + where
                        + "; allowed keys are " + allowed.stream().sorted().toList());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object node, String where) {
        if (!(node instanceof Map)) {
            throw new ModelFormatException(where + " must be a JSON object, got " + describe(node));
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> array(Map<String, Object> map, String key, String where) {
        Object node = required(map, key, where);
        if (!(node instanceof List)) {
            throw new ModelFormatException(path(where, key) + " must be an array, got " + describe(node));
        }
        return (List<Object>) node;
    }

    private static double number(Map<String, Object> map, String key, String where) {
        Object node = required(map, key, where);
        if (!(node instanceof Double d)) {
            throw new ModelFormatException(path(where, key) + " must be a number, got " + describe(node));
        }
        return d;
    }

    private static String string(Map<String, Object> map, String key, String where) {
        Object node = required(map, key, where);
        if (!(node instanceof String s)) {
            throw new ModelFormatException(path(where, key) + " must be a string, got " + describe(node));
        }
        return s;
    }

    private static boolean bool(Map<String, Object> map, String key, String where) {
        Object node = required(map, key, where);
        if (!(node instanceof Boolean b)) {
            throw new ModelFormatException(path(where, key) + " must be true or false, got " + describe(node));
        }
        return b;
    }

    private static Object required(Map<String, Object> map, String key, String where) {
        Object node = map.get(key);
        if (node == null) {
            throw new ModelFormatException(where + " has no \"" + key + "\"");
        }
        return node;
    }

    private static String path(String where, String key) {
        return "the model".equals(where) ? key : where + "." + key;
    }

    private static String describe(Object node) {
        if (node instanceof String s) {
            return quote(s);
        }
        if (node instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (node instanceof Map) {
            return "an object";
        }
        if (node instanceof List) {
            return "an array";
        }
        return String.valueOf(node);
    }
}
