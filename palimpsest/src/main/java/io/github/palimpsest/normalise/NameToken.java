package io.github.palimpsest.normalise;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One word of a raw name with what the parser needs to know about how it was written: its folded form,
 * whether it was in capitals (the "SMITH, John" / "John SMITH" convention for marking the surname), and
 * whether a full stop followed it (an initial or an abbreviated title). Package-private; immutable.
 */
final class NameToken {

    private static final Pattern MC_PREFIX = Pattern.compile("Ma?c(?=\\p{Lu})");

    final String folded;
    /** Written entirely in capitals with at least two letters, e.g. "SMITH" (not "J", not "Smith"). */
    final boolean capitals;
    /** Followed by a full stop, e.g. "J." or "Dr.". */
    final boolean dotted;
    /** Written with some lower-case letters, e.g. "Smith" or "smith". */
    final boolean lowerCase;

    private NameToken(String folded, boolean capitals, boolean dotted, boolean lowerCase) {
        this.folded = folded;
        this.capitals = capitals;
        this.dotted = dotted;
        this.lowerCase = lowerCase;
    }

    /** Whether the word is a single letter, i.e. an initial. */
    boolean isInitial() {
        return folded.length() == 1 && folded.charAt(0) >= 'a' && folded.charAt(0) <= 'z';
    }


    /** Whether the word starts "Mc" or "Mac": the only words the prefix pattern can match, tested first. */
    private static boolean startsMcOrMac(String word) {
        return word.startsWith("Mc") || word.startsWith("Mac");
    }

    /** Result of splitting raw text into words. */
    static final class Tokens {
        final List<NameToken> words;
        /** Whether some letters could not be folded to ASCII (e.g. a name in Cyrillic) and were dropped. */
        final boolean droppedLetters;

        Tokens(List<NameToken> words, boolean droppedLetters) {
            this.words = words;
            this.droppedLetters = droppedLetters;
        }
    }

    /**
     * Splits raw text into words at white space, full stops and any other punctuation except hyphens
     * (which join a double-barrelled word) and apostrophes (which are removed, joining O'Brien).
     */
    static Tokens split(String raw) {
        List<NameToken> words = new ArrayList<>();
        boolean dropped = false;
        if (raw == null) {
            return new Tokens(words, false);
        }
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i <= raw.length()) {
            int cp = i < raw.length() ? raw.codePointAt(i) : ' ';
            if (isPartOfWord(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                dropped |= addWord(words, word.toString(), cp == '.');
                word.setLength(0);
            }
            i += i < raw.length() ? Character.charCount(cp) : 1;
        }
        return new Tokens(words, dropped);
    }

    /**
     * Whether a code point belongs to a word: a letter or digit, a dash, a mark, an invisible format character
     * (zero-width space, soft hyphen: never a word break; folding removes it) or an apostrophe.
     */
    static boolean isPartOfWord(int cp) {
        if (cp < 0x80) {
            // The only ASCII dash is '-', the only ASCII apostrophes are ' and `; ASCII has no marks or format
            // characters.
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9' || cp == '-'
                    || cp == '\'' || cp == '`';
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.DASH_PUNCTUATION
                || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.FORMAT
                || (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT && Names.isApostrophe((char) cp));
    }

    /** Adds the folded word (several if folding splits it); returns whether letters were lost. */
    private static boolean addWord(List<NameToken> words, String rawWord, boolean dotted) {
        int letters = 0;
        boolean upper = false;
        boolean lower = false;
        boolean lost = false;
        // "McDONALD" and "MacDONALD" are capitals too: the prefix keeps its usual lower-case c.
        int start = startsMcOrMac(rawWord) && MC_PREFIX.matcher(rawWord).lookingAt() ? rawWord.indexOf('c') + 1 : 0;
        for (int i = start; i < rawWord.length(); ) {
            int cp = rawWord.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                upper |= Character.isUpperCase(cp) || Character.isTitleCase(cp);
                lower |= Character.isLowerCase(cp);
                // An ASCII letter always folds to itself in lower case; only others can be lost.
                boolean ascii = cp < 0x80;
                lost |= !ascii && Names.fold(new String(Character.toChars(cp))).isEmpty();
            }
            i += Character.charCount(cp);
        }
        boolean capitals = upper && !lower && letters >= 2;
        String folded = Names.fold(rawWord);
        if (folded.indexOf(' ') < 0) {
            if (!folded.isEmpty()) {
                words.add(new NameToken(folded, capitals, dotted, lower)); // one word: no split
            }
        } else {
            String[] parts = folded.split(" ");
            for (int p = 0; p < parts.length; p++) {
                words.add(new NameToken(parts[p], capitals, dotted && p == parts.length - 1, lower));
            }
        }
        return lost;
    }
}
