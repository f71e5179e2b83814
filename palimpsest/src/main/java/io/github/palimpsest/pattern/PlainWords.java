package io.github.palimpsest.pattern;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.score.Explanation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Evidence in plain words, for the people who act on a link rather than the people who build the model:
 * {@code "dob exact + phone equal"} reads {@code "same date of birth and same phone number"}, a weight of
 * 12 bits reads {@code "about 4,100 times more likely"}.
 *
 * <p>The words come from one resource, {@code plain-words.properties} beside this class, which the HTML report
 * embeds as well, so every place that explains a link says the same thing. A level label that the file does
 * not list reads {@code "noun: label"}, so a new comparison level is never shown as nothing.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlainWords {
    private static final Map<String, String> NOUNS = new LinkedHashMap<>();
    private static final Map<String, String> PLURALS = new LinkedHashMap<>();
    private static final Map<String, String> LEVELS = new LinkedHashMap<>();

    static {
        Properties words = new Properties();
        try (InputStream in = PlainWords.class.getResourceAsStream("plain-words.properties")) {
            if (in == null) {
                throw new IllegalStateException("plain-words.properties is missing from the jar");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                words.load(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        words.stringPropertyNames().stream().sorted().forEach(key -> {
            int dot = key.indexOf('.');
            Map<String, String> table = switch (key.substring(0, dot)) {
                case "noun" -> NOUNS;
                case "plural" -> PLURALS;
                case "level" -> LEVELS;
                default -> throw new IllegalStateException("plain-words.properties: unknown key " + key);
            };
            table.put(key.substring(dot + 1), words.getProperty(key));
        });
    }

    private PlainWords() {
    }

    /** The tables as the HTML report embeds them: {@code nouns}, {@code plurals} and {@code levels}. */
    public static Map<String, Map<String, String>> tables() {
        return Map.of("nouns", Map.copyOf(NOUNS), "plurals", Map.copyOf(PLURALS), "levels", Map.copyOf(LEVELS));
    }

    /** What a comparison compares: {@code "pnc_id"} is {@code "PNC ID"}, {@code "id_staff_no"} {@code "staff no"}. */
    static String noun(String comparison) {
        checkNotNull(comparison, "comparison");
        String known = NOUNS.get(comparison);
        if (known != null) {
            return known;
        }
        if (comparison.equals("id_*")) {
            return "other identifier";
        }
        String bare = comparison.startsWith("id_") ? comparison.substring(3) : comparison;
        return bare.replace('_', ' ');
    }

    /** The plural of a noun: {@code "date of birth"} is {@code "dates of birth"}, {@code "PNC ID"} {@code "PNC IDs"}. */
    static String plural(String noun) {
        checkNotNull(noun, "noun");
        String known = PLURALS.get(noun);
        if (known != null) {
            return known;
        }
        return noun.endsWith("s") ? noun : noun + "s";
    }

    /** One comparison's level in words, e.g. ({@code "dob"}, {@code "day and month swapped"}). */
    public static String phrase(String comparison, String level) {
        checkNotNull(level, "level");
        String noun = noun(comparison);
        String template = LEVELS.get(level);
        return template == null ? noun + ": " + level
                : template.replace("{ns}", plural(noun)).replace("{n}", noun);
    }

    /**
     * Evidence text as a pattern's "linked by" shows it ({@code "dob exact + surname exact"}, see
     * {@link Evidence#strongest}) in words: {@code "same date of birth and same surname"}.
     */
    public static String evidence(String linkedBy) {
        checkNotNull(linkedBy, "linkedBy");
        if (linkedBy.isBlank() || linkedBy.equals("no evidence")) {
            return "no evidence";
        }
        StringBuilder text = new StringBuilder();
        for (String part : linkedBy.split(" \\+ ")) {
            int space = part.indexOf(' ');
            if (!text.isEmpty()) {
                text.append(" and ");
            }
            text.append(space < 0 ? part : phrase(part.substring(0, space), part.substring(space + 1)));
        }
        return text.toString();
    }

    /**
     * A weight in bits as how much more (or less) likely the evidence is for the same person than for two
     * people, to two significant figures: {@code 12.0} is {@code "about 4,100 times more likely"}.
     */
    static String likelihood(double weightBits) {
        double factor = Math.pow(2, Math.abs(weightBits));
        String direction = weightBits >= 0 ? "more" : "less";
        if (Double.isInfinite(factor) || factor >= 1e15) {
            return "overwhelmingly " + direction + " likely";
        }
        double unit = factor >= 10 ? Math.pow(10, Math.floor(Math.log10(factor)) - 1) : 0.1;
        double rounded = Math.round(factor / unit) * unit;
        String shown = rounded >= 10 ? String.format(Locale.ROOT, "%,d", Math.round(rounded))
                : String.format(Locale.ROOT, "%.1f", rounded).replaceAll("\\.0$", "");
        return "about " + shown + " times " + direction + " likely";
    }

    /**
     * How strong a weight is, on Kass and Raftery's scale for a likelihood ratio (under 3 weak, 3 to 20
     * moderate, 20 to 150 strong, above that very strong): {@code "strong evidence against"}.
     */
    public static String strength(double weightBits) {
        double magnitude = Math.abs(weightBits);
        if (magnitude < 0.05) {
            return "no evidence either way";
        }
        double factor = Math.pow(2, magnitude);
        String size = factor > 150 ? "very strong" : factor > 20 ? "strong" : factor >= 3 ? "moderate" : "weak";
        return size + " evidence " + (weightBits > 0 ? "for" : "against");
    }

    /**
     * A pair's whole evidence in words, for a reviewer who is not a specialist: the starting odds, then every
     * comparison that weighs something, strongest first, with how much more or less likely it makes a match
     * and how strong that is, joined by {@code "; "}: {@code "before any comparison, a match is about 20,000
     * times less likely than not (how rare a match is); same date of birth: about 1,000 times more likely (very
     * strong evidence for); different PNC IDs: about 30,000 times less likely (very strong evidence against)"}.
     */
    public static String explanation(Explanation explanation) {
        checkNotNull(explanation, "explanation");
        List<Explanation.Row> rows = new ArrayList<>(explanation.rows());
        rows.removeIf(r -> Math.abs(r.weight()) < 0.005);
        rows.sort((a, b) -> Double.compare(Math.abs(b.weight()), Math.abs(a.weight()))); // stable: ties keep order
        List<String> parts = new ArrayList<>(rows.size() + 2);
        // The starting odds, so that the words add up to the probability shown beside them.
        parts.add("before any comparison, a match is "
                + likelihood(explanation.priorWeight()).replace(" likely", " likely than not") + " (how rare a match is)");
        for (Explanation.Row row : rows) {
            parts.add(phrase(row.comparison(), row.level()) + ": " + likelihood(row.weight()) + " ("
                    + strength(row.weight()) + ")");
        }
        if (Math.abs(explanation.householdWeight()) >= 0.005) {
            parts.add((explanation.relativesApart() ? "looks like relatives living apart"
                    : "looks like relatives of one home") + ": " + likelihood(explanation.householdWeight()));
        }
        if (parts.size() == 1) {
            parts.add("no evidence either way from any comparison");
        }
        return String.join("; ", parts);
    }

    /** A probability as a person reads it: {@code "above 0.9999"}, {@code "0.9531"}, {@code "below 0.0001"}. */
    public static String probability(double probability) {
        if (probability > 0.9999) {
            return "above 0.9999";
        }
        if (probability < 0.0001) {
            return "below 0.0001";
        }
        return String.format(Locale.ROOT, "%.4f", probability);
    }
}
