package io.github.palimpsest.normalise;

import com.google.common.collect.ImmutableSet;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The look-up key of a force name: the words that tell forces apart, and nothing else.
 *
 * <p>Case, accents and punctuation are dropped ({@code "P.S.N.I."} &rarr; {@code "psni"},
 * {@code "Dyfed-Powys"} &rarr; {@code "dyfed powys"}), {@code &} and {@code +} read as "and", and the
 * words every force name may or may not carry are removed: police, constabulary, service, force, the,
 * of, and, and the Welsh "heddlu". So "Hertfordshire Constabulary", "Herts Police" (via the variant
 * "Herts") and "HERTFORDSHIRE" meet, as do "Avon &amp; Somerset" and "Avon and Somerset Police".
 *
 * <p>Package-private: used by {@link Forces} for both its data and the text it resolves, so the two
 * always agree.
 */
final class ForceKeys {

    private static final Set<String> NOISE_WORDS = ImmutableSet.of(
            "the", "of", "and", "police", "constabulary", "constab", "service", "force", "heddlu");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DROPPED = Pattern.compile("[.'\u2019]");
    private static final Pattern BREAKS = Pattern.compile("[^a-z0-9]+");

    private ForceKeys() {
    }

    /** The key of {@code text}, possibly empty; never {@code null}. */
    static String of(String text) {
        String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).replace("&", " and ").replace("+", " and ");
        s = DROPPED.matcher(s).replaceAll("");
        StringBuilder key = new StringBuilder();
        for (String word : BREAKS.split(s)) {
            if (!word.isEmpty() && !NOISE_WORDS.contains(word)) {
                if (key.length() > 0) {
                    key.append(' ');
                }
                key.append(word);
            }
        }
        return key.toString();
    }
}
