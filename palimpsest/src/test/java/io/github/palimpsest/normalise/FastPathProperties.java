package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast paths of the normalisers give exactly what the general paths they skip would give: the folding
 * of names without NFKD for ASCII text, and the reading of all-numeric dates without regular expressions.
 * The references below are the earlier implementations, kept here only as oracles. The checks that let
 * the read stage skip a regular expression are tested against the expression itself.
 */
class FastPathProperties {

    @Property
    void separatorRemovalEqualsTheRegex(@ForAll("separatorLike") String text) {
        assertEquals(Pattern.compile("\\s+").matcher(text).replaceAll(""), RawText.withoutWhitespace(text));
        Pattern ni = Pattern.compile("[\\s\\-./]+");
        assertEquals(ni.matcher(text).replaceAll(""), RawText.withoutMatches(text, ni, "-./"));
        Pattern licence = Pattern.compile("[\\s\\-]+");
        assertEquals(licence.matcher(text).replaceAll(""), RawText.withoutMatches(text, licence, "-"));
    }

    @Property
    void phoneRegexesAreSkippedOnlyWhenTheyCannotMatch(@ForAll("phoneLike") String text) {
        if (!Phone.startsWithAsciiLetter(text)) {
            assertEquals(text, Phone.LABEL.matcher(text).replaceFirst(""));
        }
        if (!Phone.mayHaveExtension(text)) {
            assertEquals(false, Phone.EXTENSION.matcher(text).matches(), text);
        }
        if (Phone.isAscii(text)) {
            assertEquals(text, Normalizer.normalize(text, Normalizer.Form.NFKC));
        }
    }

    @Property
    void asciiIsUnchangedByNfkc(@ForAll @net.jqwik.api.constraints.CharRange(from = 0, to = 127) String text) {
        assertEquals(true, Phone.isAscii(text));
        assertEquals(text, Normalizer.normalize(text, Normalizer.Form.NFKC));
    }

    @Property
    void inwardCodeTestEqualsThePattern(@ForAll("codeLike") String text) {
        assertEquals(text.matches("[0-9][ABD-HJLNP-UW-Z]{2}"), Postcode.isInward(text), text);
    }

    @Property
    void licenceInitialsTestEqualsThePattern(@ForAll("codeLike") String text) {
        assertEquals(text.matches("[A-Z][A-Z9]"), DrivingLicence.isInitials(text), text);
    }

    @net.jqwik.api.Example
    void everyShortCodeTestEqualsThePatterns() {
        for (char a = 0; a < 0x80; a++) {
            for (char b = 0; b < 0x80; b++) {
                String two = "" + a + b;
                assertEquals(two.matches("[A-Z][A-Z9]"), DrivingLicence.isInitials(two), two);
                String three = "1" + two;
                assertEquals(three.matches("[0-9][ABD-HJLNP-UW-Z]{2}"), Postcode.isInward(three), three);
            }
        }
    }

    @Provide
    Arbitrary<String> codeLike() {
        return Arbitraries.strings().withChars("0159ABCDIKMOVWXYZaz@[`{É\u0130").ofMaxLength(4);
    }

    @net.jqwik.api.Example
    void everyAsciiCharacterSplitsWordsAsTheUnicodeTestDoes() {
        for (int cp = 0; cp < 0x80; cp++) {
            assertEquals(referencePartOfWord(cp), NameToken.isPartOfWord(cp), "code point " + cp);
        }
    }

    @Property
    void anyCodePointSplitsWordsAsTheReference(@ForAll @net.jqwik.api.constraints.IntRange(max = 0x10FFFF) int cp) {
        assertEquals(referencePartOfWord(cp), NameToken.isPartOfWord(cp), "code point " + cp);
    }

    /** The word test of NameToken.split before its ASCII fast path. */
    private static boolean referencePartOfWord(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '-'
                || Character.getType(cp) == Character.DASH_PUNCTUATION
                || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK
                || Character.getType(cp) == Character.FORMAT
                || (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT && Names.isApostrophe((char) cp));
    }

    @Property
    void surnameVariantsEqualTheReference(@ForAll("surnameLike") String surname) {
        PersonName name = NameParser.parse("Ann", "", surname);
        assertEquals(referenceVariants(name.surname()), name.surnameVariants(), surname);
    }

    /** The surname variants before the one-part fast path. */
    private static List<String> referenceVariants(String surname) {
        if (surname.isEmpty()) {
            return List.of();
        }
        Set<String> variants = new LinkedHashSet<>();
        variants.add(surname);
        if (surname.indexOf(' ') >= 0) {
            variants.add(surname.replace(" ", ""));
        }
        String[] parts = surname.split("[ -]");
        if (parts.length > 1) {
            for (String part : parts) {
                if (part.length() >= 2 && !NameVocabulary.isParticle(part)) {
                    variants.add(part);
                }
            }
        }
        for (String v : List.copyOf(variants)) {
            variants.add(Names.macNeutralKey(v));
        }
        return List.copyOf(variants);
    }

    @Provide
    Arbitrary<String> separatorLike() {
        return Arbitraries.strings().withChars("aB9 \t\n\u000B\f\r\u00A0\u2028\u3000-./\\_#x").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> phoneLike() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789 +()-.xX#eEtTmMhH:é\u00A0\uFF10").ofMaxLength(20),
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("tel: 0161 496 0000", "Mob. 07700 900123", "m: 07700900123", "0161 496 0000 ext 12",
                        "0161 496 0000 x12", "+44 (0)20 7946 0018 #3", " h:01632 960000", "\uFF14\uFF14 20"));
    }

    @Provide
    Arbitrary<String> surnameLike() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("macdonalDMC -'vanerbgé").ofMaxLength(16),
                Arbitraries.of("MacDonald", "Mack", "Smith-Jones", "van der Berg", "Mac Donald", "MacLeod-Smith",
                        "Bonham Carter", "O'Brien", "Macintyre"));
    }

    @Property
    void foldingEqualsTheReferenceOnAnyText(@ForAll String text) {
        assertEquals(ReferenceFold.fold(text), Names.fold(text));
    }

    @Property
    void foldingEqualsTheReferenceOnNameLikeText(@ForAll("nameLike") String text) {
        assertEquals(ReferenceFold.fold(text), Names.fold(text));
    }

    @Property
    void numericDatesReadAsThePatternsReadThem(@ForAll("dateLike") String text) {
        DateText.Parts fast = DateText.readNumeric(text);
        DateText.Parts reference = ReferenceDates.readNumeric(text);
        if (fast != null) {
            assertEquals(reference, fast, text);
        }
        if (reference == null) {
            assertEquals(null, fast, text);
        }
    }

    @Property
    void commonDatesTakeTheFastPath(@ForAll("commonDates") String text) {
        DateText.Parts fast = DateText.readNumeric(text);
        assertEquals(ReferenceDates.readNumeric(text), fast, text);
        assertEquals(true, fast != null, text);
    }

    @Provide
    Arbitrary<String> nameLike() {
        return Arbitraries.strings().withChars("aZé Ł'`’-–ßøÆ.,\u0301\u200Dx9 ").ofMaxLength(16);
    }

    @Provide
    Arbitrary<String> dateLike() {
        return Arbitraries.strings().withChars("0123456789-/. T:APMZ+J").ofMaxLength(14);
    }

    @Provide
    Arbitrary<String> commonDates() {
        Arbitrary<String> sep = Arbitraries.of("-", "/", ".", " ");
        Arbitrary<String> small = Arbitraries.integers().between(0, 99).map(i -> i < 10 && i % 2 == 0 ? "0" + i : "" + i);
        Arbitrary<String> year = Arbitraries.integers().between(1800, 2099).map(String::valueOf);
        Arbitrary<String> dayFirst = net.jqwik.api.Combinators.combine(small, sep, small, sep, year)
                .as((d, s1, m, s2, y) -> d + s1 + m + s2 + y);
        Arbitrary<String> yearFirst = net.jqwik.api.Combinators.combine(year, sep, small, sep, small)
                .as((y, s1, m, s2, d) -> y + s1 + m + s2 + d);
        Arbitrary<String> compact = Arbitraries.strings().numeric().ofLength(8);
        return Arbitraries.oneOf(dayFirst, yearFirst, compact);
    }

    /** The folding before its ASCII fast path. */
    private static final class ReferenceFold {
        private static final Map<Character, String> SPECIAL = Map.ofEntries(
                Map.entry('ß', "ss"), Map.entry('ẞ', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "ae"),
                Map.entry('œ', "oe"), Map.entry('Œ', "oe"), Map.entry('ø', "o"), Map.entry('Ø', "o"),
                Map.entry('đ', "d"), Map.entry('Đ', "d"), Map.entry('ð', "d"), Map.entry('Ð', "d"),
                Map.entry('þ', "th"), Map.entry('Þ', "th"), Map.entry('ł', "l"), Map.entry('Ł', "l"),
                Map.entry('ı', "i"), Map.entry('ħ', "h"), Map.entry('Ħ', "h"), Map.entry('ŧ', "t"),
                Map.entry('Ŧ', "t"), Map.entry('ŋ', "n"), Map.entry('Ŋ', "n"), Map.entry('ĸ', "k"),
                Map.entry('ƒ', "f"), Map.entry('ɨ', "i"), Map.entry('ʉ', "u"));

        static String fold(String s) {
            if (s == null || s.isEmpty()) {
                return "";
            }
            StringBuilder noApostrophes = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (!Names.isApostrophe(c)) {
                    noApostrophes.append(c);
                }
            }
            String decomposed = Normalizer.normalize(noApostrophes, Normalizer.Form.NFKD);
            StringBuilder out = new StringBuilder();
            for (char c : decomposed.toCharArray()) {
                String special = SPECIAL.get(c);
                int type = Character.getType(c);
                if (special != null) {
                    out.append(special);
                } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    out.append(c);
                } else if (c >= 'A' && c <= 'Z') {
                    out.append((char) (c + ('a' - 'A')));
                } else if (Names.isApostrophe(c) || type == Character.NON_SPACING_MARK
                        || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                        || c == '\u200D' || c == '\u200C' || c == '\u00AD') {
                    continue;
                } else if (c == '-' || type == Character.DASH_PUNCTUATION) {
                    out.append('-');
                } else {
                    out.append(' ');
                }
            }
            // Spaces and hyphens: collapse, join words around a hyphen, trim.
            String tidy = out.toString().replaceAll("[ -]*-[ -]*", "-").replaceAll(" +", " ")
                    .replaceAll("^[ -]+|[ -]+$", "");
            return tidy;
        }
    }

    /** The first four readings of {@code DateText.read}, by pattern, as they were before the hand-written path. */
    private static final class ReferenceDates {
        private static final String TIME =
                "(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?: ?[AP]M)?(?: ?Z|[+-]\\d{2}(?::?\\d{2})?)?)?";
        private static final String SEP = "[-/. ]";
        private static final Pattern YEAR_FIRST =
                Pattern.compile("(\\d{4})" + SEP + "(\\d{1,2})" + SEP + "(\\d{1,2})" + TIME);
        private static final Pattern DAY_FIRST =
                Pattern.compile("(\\d{1,2})" + SEP + "(\\d{1,2})" + SEP + "(\\d{4}|\\d{2})" + TIME);
        private static final Pattern EIGHT_DIGITS = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
        private static final Pattern SIX_DIGITS = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})");

        /** What the patterns read, or null when none of the four matches. */
        static DateText.Parts readNumeric(String text) {
            Matcher m = YEAR_FIRST.matcher(text);
            if (m.matches()) {
                return DateText.Parts.of(m.group(3), m.group(2), m.group(1));
            }
            m = DAY_FIRST.matcher(text);
            if (m.matches()) {
                return DateText.Parts.of(m.group(1), m.group(2), m.group(3));
            }
            m = EIGHT_DIGITS.matcher(text);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                int month = Integer.parseInt(m.group(2));
                if (!(year >= DateParser.EIGHT_DIGIT_YEAR_FIRST_FROM && month >= 1 && month <= 12)) {
                    String s = m.group();
                    int dayFirstMonth = Integer.parseInt(s.substring(2, 4));
                    int dayFirstYear = Integer.parseInt(s.substring(4));
                    if (dayFirstMonth >= 1 && dayFirstMonth <= 12 && dayFirstYear >= DateParser.EIGHT_DIGIT_YEAR_FIRST_FROM) {
                        return DateText.Parts.of(s.substring(0, 2), s.substring(2, 4), s.substring(4));
                    }
                }
                return DateText.Parts.of(m.group(3), m.group(2), m.group(1));
            }
            m = SIX_DIGITS.matcher(text);
            if (m.matches()) {
                return DateText.Parts.of(m.group(1), m.group(2), m.group(3));
            }
            return null;
        }
    }
}
