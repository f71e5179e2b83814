package io.github.palimpsest.review;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.score.Explanation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A pair's evidence in plain words, for a reviewer who is not a specialist, as the HTML report words it:
 * {@code "before any comparison, a match is about 20,000 times less likely than not (how rare a match is);
 * same date of birth: about 1,000 times more likely (very strong evidence for); different PNC IDs: about
 * 30,000 times less likely (very strong evidence against)"}. Comparisons are named by what they
 * compare and each level by what it means; the strength follows Kass and Raftery's scale for a likelihood
 * ratio (under 3 weak, 3 to 20 moderate, 20 to 150 strong, above very strong). Comparisons that weigh
 * nothing either way are left out; the strongest come first.
 *
 * <p>Stateless and thread-safe.
 */
public final class EvidenceWords {
    private static final Map<String, String> NOUNS = Map.ofEntries(Map.entry("forename", "forename"),
            Map.entry("surname", "surname"), Map.entry("middle_names", "middle names"),
            Map.entry("dob", "date of birth"), Map.entry("sex", "sex"), Map.entry("pnc_id", "PNC ID"),
            Map.entry("cro_number", "CRO number"), Map.entry("ni_number", "National Insurance number"),
            Map.entry("driving_licence", "driving licence"), Map.entry("warrant_number", "warrant number"),
            Map.entry("phone", "phone number"), Map.entry("email", "email address"), Map.entry("postcode", "postcode"),
            Map.entry("address", "address"));
    private static final Map<String, String> PLURALS = Map.of("date of birth", "dates of birth", "sex", "sex",
            "address", "addresses", "email address", "email addresses");
    /** Level labels in words; {n} is the comparison's noun, {ns} its plural. Others read "noun: label". */
    private static final Map<String, String> LEVELS = Map.ofEntries(Map.entry("exact", "same {n}"),
            Map.entry("equal", "same {n}"), Map.entry("full", "same {n}"), Map.entry("same words", "same {n}"),
            Map.entry("same initials", "same middle initials"), Map.entry("missing", "{n} missing on one record"),
            Map.entry("different", "different {ns}"), Map.entry("different valid values", "different {ns}"),
            Map.entry("else", "different {ns}"), Map.entry("swapped with surname", "forename and surname swapped"),
            Map.entry("swapped with forename", "forename and surname swapped"),
            Map.entry("nickname or alias", "{n} a nickname or alias of the other"),
            Map.entry("alias or previous surname", "an alias or previous surname"),
            Map.entry("hyphenated part or Mac/Mc", "part of a double-barrelled surname, or Mac/Mc"),
            Map.entry("jaro-winkler ≥ 0.92", "{n} spelt almost the same"),
            Map.entry("jaro-winkler ≥ 0.8", "{n} spelt similarly"), Map.entry("phonetic", "{n} sounding the same"),
            Map.entry("initial", "only the forename initial agrees"),
            Map.entry("first initial agrees", "first middle initial agrees"),
            Map.entry("exact, low information", "same {n}, but a common placeholder date"),
            Map.entry("day and month swapped", "{n} with day and month swapped"),
            Map.entry("one digit typo", "{n} one digit different"), Map.entry("year ± 1", "{n} a year apart"),
            Map.entry("within 3 years", "{n} within 3 years"), Map.entry("one side invalid", "{n} invalid on one record"),
            Map.entry("one character different", "{n} one character different"),
            Map.entry("same sector", "same postcode sector"), Map.entry("same district", "same postcode district"),
            Map.entry("jaccard ≥ 0.6", "{n} mostly the same words"),
            Map.entry("jaccard ≥ 0.3", "{n} some words in common"));

    private EvidenceWords() {
    }

    /**
     * The starting odds, then every comparison that weighs something, strongest first, in words, joined by
     * {@code "; "}.
     */
    public static String of(Explanation explanation) {
        checkNotNull(explanation, "explanation");
        List<Explanation.Row> rows = new ArrayList<>(explanation.rows());
        rows.removeIf(r -> Math.abs(r.weight()) < 0.005);
        rows.sort((a, b) -> Double.compare(Math.abs(b.weight()), Math.abs(a.weight()))); // stable: ties keep order
        List<String> parts = new ArrayList<>(rows.size() + 2);
        // The starting odds, so that the words add up to the probability shown beside them.
        double prior = explanation.priorWeight();
        parts.add("before any comparison, a match is " + times(prior).replace(" likely", " likely than not")
                + " (how rare a match is)");
        for (Explanation.Row row : rows) {
            parts.add(phrase(row.comparison(), row.level()) + ": " + times(row.weight()) + " (" + strength(row.weight())
                    + ")");
        }
        if (Math.abs(explanation.householdWeight()) >= 0.005) {
            parts.add((explanation.relativesApart() ? "looks like relatives living apart" : "looks like relatives of "
                    + "one home") + ": " + times(explanation.householdWeight()));
        }
        if (parts.size() == 1) {
            parts.add("no evidence either way from any comparison");
        }
        return String.join("; ", parts);
    }

    /** One comparison level in words, e.g. {@code ("dob", "day and month swapped")} → "date of birth with day and month swapped". */
    public static String phrase(String comparison, String level) {
        String noun = noun(comparison);
        String text = LEVELS.get(level);
        return text == null ? noun + ": " + level : text.replace("{ns}", plural(noun)).replace("{n}", noun);
    }

    private static String noun(String comparison) {
        String n = NOUNS.get(comparison);
        if (n != null) {
            return n;
        }
        if (comparison.equals("id_*")) {
            return "other identifier";
        }
        return (comparison.startsWith("id_") ? comparison.substring(3) : comparison).replace('_', ' ');
    }

    private static String plural(String noun) {
        String p = PLURALS.get(noun);
        if (p != null) {
            return p;
        }
        return noun.endsWith("s") ? noun : noun + "s"; // "PNC IDs", "CRO numbers", "postcodes"
    }

    /** E.g. "about 4,000 times more likely": the Bayes factor 2^|w| to two significant figures. */
    static String times(double weight) {
        double factor = Math.pow(2, Math.abs(weight));
        double digits = factor >= 10 ? Math.pow(10, Math.floor(Math.log10(factor)) - 1) : 0.1;
        double rounded = Math.round(factor / digits) * digits;
        String text = rounded >= 10 ? String.format(Locale.ROOT, "%,d", Math.round(rounded))
                : String.format(Locale.ROOT, "%.1f", rounded).replaceAll("\\.0$", "");
        return "about " + text + " times " + (weight >= 0 ? "more" : "less") + " likely";
    }

    private static String strength(double weight) {
        double factor = Math.pow(2, Math.abs(weight));
        String s = factor > 150 ? "very strong" : factor > 20 ? "strong" : factor >= 3 ? "moderate" : "weak";
        return s + " evidence " + (weight > 0 ? "for" : "against");
    }
}
