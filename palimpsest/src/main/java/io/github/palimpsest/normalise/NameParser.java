package io.github.palimpsest.normalise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses a person's name, as a single full-name string or as separate fields, into a {@link PersonName}.
 *
 * <p>Full names are read in the forms police and court records carry:
 *
 * <pre>{@code
 * NameParser.parse("SMITH, John Paul")          // surname first, marked by the comma
 * NameParser.parse("John Paul SMITH")           // surname marked by capitals
 * NameParser.parse("SMITH John Paul")           // capitals mark it even when it comes first
 * NameParser.parse("Dr J. A. SMITH-JONES Jr")   // title, initials, double-barrelled surname, suffix
 * NameParser.parse("DS Ann O'Brien")            // police rank stripped; surname "obrien"
 * NameParser.parse("Pieter van der Berg")       // particles belong to the surname: "van der berg"
 * }</pre>
 *
 * <p>Rules, in order: text after the first comma holds the given names (a comma-separated part that
 * is only a suffix or only a title, as in "John Smith, Jr", is not a surname); leading titles and ranks
 * (see {@code docs/names.md}) and trailing suffixes and post-nominal honours are removed; without a
 * comma, a run of words in capitals at the start or end of a mixed-case name is the surname, otherwise
 * the last word is, together with any particles ({@code van, de, st, ...}) before it; the first
 * remaining word is the forename and the rest are middle names. "O", "Mc" and "Mac" written as a separate
 * word are joined to the next surname word, so "O Brien" is "obrien" — except "O." with a full stop,
 * which is read as an initial. A name of one word is taken as a surname.
 *
 * <p>All methods are static, pure and thread-safe, never throw, and never return {@code null};
 * {@code null} input is treated as absent.
 */
public final class NameParser {

    private NameParser() {
    }

    /**
     * Parses a full name written in one field.
     *
     * @param fullName the name as written, or {@code null}
     * @return the parsed name; without name parts when the text holds none
     */
    public static PersonName parse(String fullName) {
        String raw = fullName == null ? "" : fullName;
        Parts parts = new Parts();
        List<List<NameToken>> sections = new ArrayList<>();
        String[] commaSections = raw.split(",", -1);
        for (int s = 0; s < commaSections.length; s++) {
            NameToken.Tokens tokens = NameToken.split(commaSections[s]);
            parts.droppedLetters |= tokens.droppedLetters;
            List<NameToken> words = new ArrayList<>(tokens.words);
            parts.stripOrdinals(words);
            if (words.isEmpty()) {
                // ", John": the surname place before the comma is there, but empty.
                if (s == 0 && commaSections.length > 1) {
                    sections.add(words);
                }
                continue;
            }
            // "John Smith, Jr" and "Smith, John, Dr": a section of only suffixes or only titles is not a name.
            if (!sections.isEmpty() && parts.takeAllAsSuffixes(words)) {
                continue;
            }
            if (!sections.isEmpty() && parts.takeAllAsTitles(words)) {
                continue;
            }
            sections.add(words);
        }
        if (sections.size() >= 2) {
            List<NameToken> surnameWords = sections.get(0);
            List<NameToken> given = new ArrayList<>();
            for (int i = 1; i < sections.size(); i++) {
                given.addAll(sections.get(i));
            }
            parts.stripLeadingTitles(surnameWords, false);
            parts.stripTrailingSuffixes(surnameWords);
            parts.stripLeadingTitles(given, false);
            parts.stripTrailingSuffixes(given);
            parts.surname = joinSurname(surnameWords);
            parts.setGiven(given);
        } else if (sections.size() == 1) {
            List<NameToken> words = sections.get(0);
            parts.stripLeadingTitles(words, false);
            parts.stripTrailingSuffixes(words);
            int[] span = surnameSpan(words);
            parts.surname = joinSurname(words.subList(span[0], span[1]));
            List<NameToken> given = new ArrayList<>(words.subList(0, span[0]));
            given.addAll(words.subList(span[1], words.size()));
            parts.setGiven(given);
        }
        return parts.build(raw);
    }

    /**
     * Parses a name held in separate fields. Each field may be blank or {@code null}; titles at the start
     * of the forename or surname field and suffixes at the end of any field are still removed, a forename
     * field of several words contributes the later ones as middle names, and every word of the surname
     * field belongs to the surname.
     *
     * <pre>{@code
     * NameParser.parse("Mr John", "", "O Brien Jnr")   // title "mr", forename "john", surname "obrien", suffix "jr"
     * }</pre>
     *
     * @param forename    the forename field, or {@code null}
     * @param middleNames the middle-names field, or {@code null}
     * @param surname     the surname field, or {@code null}
     * @return the parsed name; {@link PersonName#raw()} is the non-blank fields joined by single spaces
     */
    public static PersonName parse(String forename, String middleNames, String surname) {
        Parts parts = new Parts();
        NameToken.Tokens fore = NameToken.split(forename);
        NameToken.Tokens middle = NameToken.split(middleNames);
        NameToken.Tokens sur = NameToken.split(surname);
        parts.droppedLetters = fore.droppedLetters || middle.droppedLetters || sur.droppedLetters;

        // A forename or middle-names field may hold only a title or suffix ("Sir", "Rt.", "Jr"): it is then
        // empty. The surname field keeps its last word, because Lord, Major and King are surnames too.
        List<NameToken> foreWords = new ArrayList<>(fore.words);
        parts.stripOrdinals(foreWords);
        parts.stripLeadingTitles(foreWords, true);
        parts.stripTrailingSuffixes(foreWords, true);
        List<NameToken> middleWords = new ArrayList<>(middle.words);
        parts.stripOrdinals(middleWords);
        parts.stripLeadingTitles(middleWords, true);
        parts.stripTrailingSuffixes(middleWords, true);
        List<NameToken> surWords = new ArrayList<>(sur.words);
        parts.stripOrdinals(surWords);
        parts.stripLeadingTitles(surWords, false);
        parts.stripTrailingSuffixes(surWords, false);

        if (!foreWords.isEmpty()) {
            parts.forename = foreWords.get(0).folded;
            foreWords.subList(1, foreWords.size()).forEach(w -> parts.middle.add(w.folded));
        }
        middleWords.forEach(w -> parts.middle.add(w.folded));
        parts.surname = joinSurname(surWords);

        StringBuilder raw = new StringBuilder();
        for (String field : new String[] {forename, middleNames, surname}) {
            if (field != null && !field.isBlank()) {
                raw.append(raw.length() == 0 ? "" : " ").append(field);
            }
        }
        return parts.build(raw.toString());
    }

    /**
     * The half-open range [start, end) of the surname words in a name written without a comma: a run of
     * capitals at the start or end when the rest is in mixed case, else the last word and its particles.
     */
    private static int[] surnameSpan(List<NameToken> words) {
        int n = words.size();
        if (n <= 1) {
            return new int[] {0, n};
        }
        boolean anyLower = words.stream().anyMatch(w -> w.lowerCase);
        if (anyLower) {
            // Capitals at the start: "SMITH John", "O BRIEN John", "von NEUMANN John" (particles before
            // the capitals belong to them).
            int start = 0;
            while (start < n - 1 && !words.get(start).capitals && isParticleOrPrefix(words.get(start))) {
                start++;
            }
            int end = start;
            while (end < n && words.get(end).capitals) {
                end++;
            }
            if (end > start && end < n) {
                return new int[] {0, end};
            }
            // Capitals at the end: "John Paul SMITH", "Helena BONHAM CARTER".
            int begin = n;
            while (begin > 0 && words.get(begin - 1).capitals) {
                begin--;
            }
            if (begin < n && begin > 0) {
                return new int[] {extendOverParticles(words, begin), n};
            }
        }
        return new int[] {extendOverParticles(words, n - 1), n};
    }

    /** Moves the surname start back over particles and joining prefixes, leaving at least one word before. */
    private static int extendOverParticles(List<NameToken> words, int start) {
        int s = start;
        while (s > 1) {
            if (!isParticleOrPrefix(words.get(s - 1))) {
                break;
            }
            s--;
        }
        return s;
    }

    private static boolean isParticleOrPrefix(NameToken word) {
        return NameVocabulary.isParticle(word.folded) || NameVocabulary.isJoiningPrefix(word.folded) && !word.dotted;
    }

    /** Joins surname words with spaces, except that "o", "mc" and "mac" join the next word directly. */
    static String joinSurname(List<NameToken> words) {
        StringBuilder out = new StringBuilder();
        boolean joinNext = false;
        for (int i = 0; i < words.size(); i++) {
            NameToken w = words.get(i);
            if (out.length() > 0 && !joinNext) {
                out.append(' ');
            }
            out.append(w.folded);
            joinNext = i + 1 < words.size() && NameVocabulary.isJoiningPrefix(w.folded) && !w.dotted;
        }
        return out.toString();
    }

    /** The parts found so far; mutable, confined to one parse call. */
    private static final class Parts {
        final List<String> titles = new ArrayList<>();
        final List<String> suffixes = new ArrayList<>();
        final List<String> middle = new ArrayList<>();
        String forename = "";
        String surname = "";
        boolean droppedLetters;

        void setGiven(List<NameToken> given) {
            if (!given.isEmpty()) {
                forename = given.get(0).folded;
                given.subList(1, given.size()).forEach(w -> middle.add(w.folded));
            }
        }

        boolean takeAllAsSuffixes(List<NameToken> words) {
            for (NameToken w : words) {
                if (NameVocabulary.suffix(w.folded).isEmpty() && !NameVocabulary.isHonour(w.folded)) {
                    return false;
                }
            }
            words.forEach(w -> NameVocabulary.suffix(w.folded).ifPresent(suffixes::add));
            return true;
        }

        boolean takeAllAsTitles(List<NameToken> words) {
            List<NameToken> copy = new ArrayList<>(words);
            int before = titles.size();
            stripLeadingTitles(copy, true);
            if (copy.isEmpty()) {
                return true;
            }
            titles.subList(before, titles.size()).clear();
            return false;
        }

        /**
         * Removes titles from the start, longest phrase first. An ambiguous title (Di) is removed only
         * when written in capitals or with dots and followed by another word. Unless {@code mayEmpty},
         * the last word is never removed, so a lone "Lord" or "Major" stays a name.
         */
        void stripLeadingTitles(List<NameToken> words, boolean mayEmpty) {
            boolean removed = true;
            while (removed && !words.isEmpty()) {
                removed = false;
                for (int len = Math.min(NameVocabulary.MAX_TITLE_WORDS, words.size()); len >= 1; len--) {
                    int remaining = words.size() - len;
                    if (remaining == 0 && !mayEmpty) {
                        continue;
                    }
                    Optional<String> title = titleAt(words, len, remaining);
                    if (title.isPresent()) {
                        titles.add(title.get());
                        words.subList(0, len).clear();
                        removed = true;
                        break;
                    }
                }
                if (!removed) {
                    removed = stripDottedTitle(words, mayEmpty);
                }
            }
        }

        private Optional<String> titleAt(List<NameToken> words, int len, int remaining) {
            StringBuilder phrase = new StringBuilder();
            boolean capitalsOrDots = true;
            for (int i = 0; i < len; i++) {
                phrase.append(i == 0 ? "" : " ").append(words.get(i).folded);
                capitalsOrDots &= words.get(i).capitals || words.get(i).dotted;
            }
            String p = phrase.toString();
            if (NameVocabulary.isAmbiguousTitle(p) && !(capitalsOrDots && remaining > 0)) {
                return Optional.empty();
            }
            return NameVocabulary.title(p);
        }

        /**
         * "D.C.I. Jane Smith", "P.C. John Jones": a run of dotted single letters spelling a title. In a full
         * name two words must follow, because "D.S. Smith" is more often two initials than a rank.
         */
        private boolean stripDottedTitle(List<NameToken> words, boolean mayEmpty) {
            int run = 0;
            while (run < words.size() && words.get(run).isInitial() && words.get(run).dotted) {
                run++;
            }
            int minRemaining = mayEmpty ? 1 : 2;
            for (int len = run; len >= 2; len--) {
                if (words.size() - len < minRemaining) {
                    continue;
                }
                StringBuilder letters = new StringBuilder();
                words.subList(0, len).forEach(w -> letters.append(w.folded));
                Optional<String> title = NameVocabulary.title(letters.toString());
                if (title.isPresent()) {
                    titles.add(title.get());
                    words.subList(0, len).clear();
                    return true;
                }
            }
            return false;
        }

        /**
         * Removes ordinals written in digits ("2nd", "14th") wherever they are: they are never a name
         * ("2nd Baron", "William 3rd"). They are kept as suffixes.
         */
        void stripOrdinals(List<NameToken> words) {
            for (int i = 0; i < words.size(); i++) {
                if (NameVocabulary.isDigitOrdinal(words.get(i).folded)) {
                    suffixes.add(words.remove(i).folded);
                    i--;
                }
            }
        }

        /** Removes generational suffixes and honours from the end, never the last remaining word. */
        void stripTrailingSuffixes(List<NameToken> words) {
            stripTrailingSuffixes(words, false);
        }

        /** As {@link #stripTrailingSuffixes(List)}, removing the last word too when {@code mayEmpty}. */
        void stripTrailingSuffixes(List<NameToken> words, boolean mayEmpty) {
            List<String> found = new ArrayList<>();
            while (words.size() > (mayEmpty ? 0 : 1)) {
                String last = words.get(words.size() - 1).folded;
                Optional<String> suffix = NameVocabulary.suffix(last);
                if (suffix.isEmpty() && !NameVocabulary.isHonour(last)) {
                    break;
                }
                suffix.ifPresent(s -> found.add(0, s));
                words.remove(words.size() - 1);
            }
            suffixes.addAll(0, found);
        }

        PersonName build(String raw) {
            return new PersonName(raw, titles, forename, middle, surname, suffixes, droppedLetters);
        }
    }
}
