package io.github.palimpsest.privacy;

import io.github.palimpsest.normalise.Names;
import io.github.palimpsest.normalise.Nicknames;
import io.github.palimpsest.normalise.PersonName;
import io.github.palimpsest.normalise.Postcode;
import io.github.palimpsest.record.PersonRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The features of each {@link BloomField} of a record: the strings whose keyed hashes set the filter's
 * bits. Each field has its own key, so features of different fields never collide; within a field,
 * feature kinds carry distinct prefixes where two kinds could spell the same string. Stateless.
 */
final class Features {

    private static final Pattern WORD_SEPARATORS = Pattern.compile("[ -]+");

    private Features() {
    }

    /** The features of one field; empty when the record has no usable value for it. */
    static Set<String> of(BloomField field, PersonRecord record) {
        switch (field) {
            case FORENAME:
                return bigramsOf(forenames(record));
            case FORENAME_EQUIVALENTS:
                return equivalents(forenames(record));
            case SURNAME:
            case SURNAME_AS_FORENAME:
                return bigramsOf(surnames(record));
            case DATE_OF_BIRTH:
                return record.dateOfBirth().date().map(Features::dateFeatures).orElse(Set.of());
            case POSTCODE:
                return postcode(record.postcode());
            case ADDRESS:
                return bigramsOf(addressWords(record.address()));
            case NAMES:
                return bigramsOf(allNames(record));
            default:
                throw new AssertionError(field);
        }
    }

    static List<String> forenames(PersonRecord record) {
        List<String> names = new ArrayList<>();
        addName(names, record.name().forename());
        for (PersonName alias : record.aliases()) {
            addName(names, alias.forename());
        }
        return names;
    }

    /** The forenames and the surnames, each once: the words of the {@link BloomField#NAMES} filter. */
    static List<String> allNames(PersonRecord record) {
        List<String> names = new ArrayList<>(forenames(record));
        for (String surname : surnames(record)) {
            if (!names.contains(surname)) {
                names.add(surname);
            }
        }
        return names;
    }

    static List<String> surnames(PersonRecord record) {
        List<String> names = new ArrayList<>();
        for (String variant : record.name().surnameVariants()) {
            addName(names, variant);
        }
        for (PersonName alias : record.aliases()) {
            for (String variant : alias.surnameVariants()) {
                addName(names, variant);
            }
        }
        return names;
    }

    private static void addName(List<String> names, String folded) {
        String letters = lettersAndDigits(folded);
        if (!letters.isEmpty() && !names.contains(letters)) {
            names.add(letters);
        }
    }

    /** The folded text without spaces, hyphens or other separators. */
    static String lettersAndDigits(String folded) {
        StringBuilder s = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }

    /**
     * Character bigrams of each word padded with {@code _} at both ends, so that first and last letters
     * count (Schnell, Bachteler and Reiher 2009 use padded q-grams): {@code "ann"} gives
     * {@code _a, an, nn, n_}.
     */
    static Set<String> bigramsOf(List<String> words) {
        Set<String> bigrams = new LinkedHashSet<>();
        for (String word : words) {
            String padded = "_" + word + "_";
            for (int i = 0; i + 2 <= padded.length(); i++) {
                bigrams.add(padded.substring(i, i + 2));
            }
        }
        return bigrams;
    }

    /** The whole names related to each forename of two letters or more, as {@link Nicknames} relates them. */
    private static Set<String> equivalents(List<String> forenames) {
        Set<String> all = new LinkedHashSet<>();
        for (String name : forenames) {
            if (name.length() >= 2) {
                all.addAll(Nicknames.standard().equivalents(name));
            }
        }
        return all;
    }

    /**
     * Year, month and day, each pair of them, and the unordered day–month pair, so that dates differing
     * in one part keep half their features and a day–month swap (04/03 for 03/04) keeps two.
     */
    static Set<String> dateFeatures(LocalDate date) {
        String y = String.valueOf(date.getYear());
        String m = two(date.getMonthValue());
        String d = two(date.getDayOfMonth());
        String low = date.getDayOfMonth() <= date.getMonthValue() ? d : m;
        String high = date.getDayOfMonth() <= date.getMonthValue() ? m : d;
        Set<String> features = new LinkedHashSet<>();
        features.add("y" + y);
        features.add("m" + m);
        features.add("d" + d);
        features.add("ym" + y + m);
        features.add("md" + m + d);
        features.add("yd" + y + d);
        features.add("dm~" + low + high);
        return features;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    /** For a UK postcode its unit, sector, district and area; for any postcode the bigrams of the whole code. */
    static Set<String> postcode(Postcode postcode) {
        if (!postcode.isValid()) {
            return Set.of();
        }
        String unit = lettersAndDigits(postcode.canonical().orElseThrow());
        Set<String> features = new LinkedHashSet<>();
        features.add("u:" + unit);
        postcode.sector().ifPresent(s -> features.add("s:" + lettersAndDigits(s)));
        postcode.district().ifPresent(d -> features.add("d:" + d));
        postcode.area().ifPresent(a -> features.add("a:" + a));
        features.addAll(bigramsOf(List.of(unit)));
        return features;
    }

    /** Folded address words, as {@code ComparableRecord} makes them: one-letter words other than digits dropped. */
    static List<String> addressWords(String address) {
        List<String> words = new ArrayList<>();
        for (String token : WORD_SEPARATORS.split(Names.fold(address))) {
            String word = lettersAndDigits(token);
            if (word.length() > 1 || (word.length() == 1 && Character.isDigit(word.charAt(0)))) {
                if (!words.contains(word)) {
                    words.add(word);
                }
            }
        }
        return words;
    }
}
