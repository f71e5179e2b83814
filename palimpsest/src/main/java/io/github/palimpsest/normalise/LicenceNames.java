package io.github.palimpsest.normalise;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How the DVLA turns names into the surname and initials fields of a driving licence number. */
final class LicenceNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^A-Z]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String[][] TRANSLITERATIONS = {
        {"Ł", "L"}, {"ł", "l"}, {"Ø", "O"}, {"ø", "o"}, {"Đ", "D"}, {"đ", "d"}, {"Æ", "AE"}, {"æ", "ae"},
        {"Œ", "OE"}, {"œ", "oe"}, {"Þ", "TH"}, {"þ", "th"}, {"ß", "SS"},
    };

    private LicenceNames() {
    }

    /**
     * The surname's letters, accents folded, upper case, everything else dropped; with {@code macAsMc} a
     * leading MAC is written MC, as the DVLA does (MACDONALD gives MCDON).
     */
    static String surnameKey(String surname, boolean macAsMc) {
        String letters = lettersOnly(surname);
        return macAsMc && letters.startsWith("MAC") ? "MC" + letters.substring(3) : letters;
    }

    /** The five-character surname field: the first five letters, padded with 9s. */
    static String padStem(String key) {
        String five = key.length() > 5 ? key.substring(0, 5) : key;
        return five + "9".repeat(5 - five.length());
    }

    /** The two-character initials field: first letters of the first two forenames, padded with 9s. */
    static String initialsField(String forenames) {
        StringBuilder field = new StringBuilder(2);
        for (String name : SPACES.split(forenames.strip())) {
            String letters = lettersOnly(name);
            if (!letters.isEmpty() && field.length() < 2) {
                field.append(letters.charAt(0));
            }
        }
        while (field.length() < 2) {
            field.append('9');
        }
        return field.toString();
    }

    /**
     * Placeholder check letters for synthetic numbers: NOT the DVLA's algorithm, which is not public.
     * A position-weighted sum of the 14 characters gives two letters so that generated numbers vary.
     */
    static String placeholderCheck(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (i + 1) * Character.digit(body.charAt(i), 36);
        }
        return "" + (char) ('A' + sum % 26) + (char) ('A' + (sum / 26) % 26);
    }

    private static String lettersOnly(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        // letters that Unicode does not decompose into a base letter and a mark
        for (String[] pair : TRANSLITERATIONS) {
            decomposed = decomposed.replace(pair[0], pair[1]);
        }
        String folded = MARKS.matcher(decomposed).replaceAll("");
        return NOT_LETTER.matcher(folded.toUpperCase(Locale.ROOT)).replaceAll("");
    }
}
