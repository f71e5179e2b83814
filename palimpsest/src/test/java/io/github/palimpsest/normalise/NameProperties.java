package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class NameProperties {

    // --- generators ---------------------------------------------------------------------------------

    /** Any text at all: every UTF-16 unit, lone surrogates included. */
    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u036F').ofMaxLength(30),
                messyNames());
    }

    /** One word of a name, in Latin letters with some diacritics and apostrophes, in any case. */
    @Provide
    Arbitrary<String> word() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz").ofMinLength(2).ofMaxLength(9)
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }

    /** Names as records carry them: titles, initials, capitals, commas, diacritics, apostrophes, suffixes. */
    @Provide
    Arbitrary<String> messyNames() {
        Arbitrary<String> title = Arbitraries.of("", "", "Mr ", "Mrs. ", "Dr ", "DS ", "Ch Insp ", "P.C. ", "Sir ");
        Arbitrary<String> suffix = Arbitraries.of("", "", " Jr", " Snr", " III", " OBE");
        Arbitrary<String> fancy = Arbitraries.of("Łukasz", "Zoë", "Strauß", "O'Brien", "Smith-Jones", "J.", "A",
                "van der", "Mc Donald", "MacLeod", "Søren", "d'Arcy", "Ærø", "Иван", "—", "  ");
        Arbitrary<String> part = Arbitraries.frequencyOf(
                Tuple.of(4, word()),
                Tuple.of(1, word().map(w -> w.toUpperCase(Locale.ROOT))),
                Tuple.of(2, fancy));
        return Combinators.combine(title, part.list().ofMinSize(1).ofMaxSize(4), suffix, Arbitraries.of(true, false))
                .as((t, parts, s, comma) -> comma && parts.size() > 1
                        ? t + parts.get(parts.size() - 1) + s + ", " + String.join(" ", parts.subList(0, parts.size() - 1))
                        : t + String.join(" ", parts) + s);
    }

    // --- Names.fold -----------------------------------------------------------------------------------

    @Property
    void foldKeepsOnlyLowerCaseAsciiLettersDigitsSingleSpacesAndInnerHyphens(@ForAll("anyText") String s) {
        String folded = Names.fold(s);
        assertTrue(folded.matches("[a-z0-9 -]*"), folded);
        assertFalse(folded.startsWith(" ") || folded.endsWith(" ") || folded.contains("  "), folded);
        assertFalse(folded.startsWith("-") || folded.endsWith("-") || folded.contains("--"), folded);
        assertFalse(folded.contains(" -") || folded.contains("- "), folded);
    }

    @Property
    void foldIsIdempotent(@ForAll("anyText") String s) {
        String once = Names.fold(s);
        assertEquals(once, Names.fold(once));
    }

    @Property
    void foldIgnoresCase(@ForAll("word") String w) {
        assertEquals(Names.fold(w), Names.fold(w.toUpperCase(Locale.ROOT)));
    }

    // --- NameParser -----------------------------------------------------------------------------------

    @Property
    void parsingAnyTextNeverFailsAndGivesFoldedParts(@ForAll("anyText") String s) {
        PersonName n = NameParser.parse(s);
        assertEquals(s, n.raw());
        assertParts(n);
    }

    @Property(tries = 500)
    void parsingAnyFieldsNeverFails(@ForAll("anyText") String f, @ForAll("anyText") String m,
            @ForAll("anyText") String s) {
        assertParts(NameParser.parse(f, m, s));
    }

    private static void assertParts(PersonName n) {
        assertNotNull(n.problems());
        for (String part : n.middleNames()) {
            assertTrue(!part.isEmpty() && Names.fold(part).equals(part), part);
        }
        assertEquals(Names.fold(n.forename()), n.forename());
        assertEquals(Names.fold(n.surname()), n.surname());
        assertEquals(n.hasName() || !n.middleNames().isEmpty(), n.canonical().isPresent());
        n.canonical().ifPresent(c -> assertEquals(Names.fold(c), c));
        n.surnameVariants().forEach(v -> assertFalse(v.isEmpty()));
        assertEquals(n.surname().isEmpty(), n.surnameVariants().isEmpty());
    }

    /**
     * The canonical form parses back to itself unless it holds a word the parser gives a meaning of its
     * own (a title, a suffix, "o"/"mc"/"mac"), which a canonical form cannot protect.
     */
    @Property
    void parsingTheCanonicalFormReturnsIt(@ForAll("anyText") String s) {
        Optional<String> canonical = NameParser.parse(s).canonical();
        Assume.that(canonical.isPresent()
                && Arrays.stream(canonical.get().split(" ")).noneMatch(NameVocabulary::isReserved));
        assertEquals(canonical, NameParser.parse(canonical.get()).canonical());
    }

    @Property
    void forenameSurnameCanonicalFormsAreStable(@ForAll("word") String forename, @ForAll("word") String surname) {
        // A surname that is itself a suffix ("Ii", "Jr") or a forename that is a title cannot survive.
        Assume.that(!NameVocabulary.isReserved(Names.fold(forename)) && !NameVocabulary.isReserved(Names.fold(surname)));
        String canonical = NameParser.parse(forename + " " + surname).canonical().orElseThrow();
        assertEquals(Names.fold(forename) + " " + Names.fold(surname), canonical);
        PersonName again = NameParser.parse(canonical);
        assertEquals(Optional.of(canonical), again.canonical());
        assertEquals(Names.fold(surname), again.surname());
    }

    @Property
    void surnameFirstAndSurnameLastFormsAgree(@ForAll("word") String forename, @ForAll("word") String middle,
            @ForAll("word") String surname) {
        Assume.that(!NameVocabulary.isReserved(Names.fold(forename))
                && !NameVocabulary.isReserved(Names.fold(surname)) && !NameVocabulary.isReserved(Names.fold(middle))
                && !NameVocabulary.isParticle(Names.fold(middle)));
        PersonName last = NameParser.parse(forename + " " + middle + " " + surname);
        PersonName first = NameParser.parse(surname.toUpperCase(Locale.ROOT) + ", " + forename + " " + middle);
        PersonName capitals = NameParser.parse(surname.toUpperCase(Locale.ROOT) + " " + forename + " " + middle);
        PersonName fields = NameParser.parse(forename, middle, surname);
        assertEquals(last.canonical(), first.canonical());
        assertEquals(last.canonical(), capitals.canonical());
        assertEquals(last.canonical(), fields.canonical());
        assertEquals(Names.fold(surname), first.surname());
    }

    // --- Nicknames ------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> tableNames() {
        return Arbitraries.of("robert", "rob", "robin", "bill", "william", "peggy", "margaret", "dave", "david",
                "gaz", "gary", "mohammed", "muhammad", "mo", "maurice", "sean", "shaun", "catherine", "kathryn",
                "kate", "Zoë", "ZOEY", "Jon", "john", "jack", "ian", "iain", "al", "alex", "alexander", "sandy");
    }

    @Property
    void equivalenceIsSymmetric(@ForAll("tableNames") String a, @ForAll("tableNames") String b) {
        Nicknames n = Nicknames.standard();
        assertEquals(n.areEquivalent(a, b), n.areEquivalent(b, a));
        assertEquals(n.areEquivalent(a, b), n.equivalents(a).contains(Names.fold(b)));
    }

    @Property(tries = 500)
    void equivalenceIsSymmetricForAnyText(@ForAll("anyText") String a, @ForAll("anyText") String b) {
        Nicknames n = Nicknames.standard();
        assertEquals(n.areEquivalent(a, b), n.areEquivalent(b, a));
    }

    @Property
    void equivalenceIsReflexive(@ForAll("anyText") String a) {
        assertTrue(Nicknames.standard().areEquivalent(a, a));
        String folded = Names.fold(a);
        assertTrue(folded.isEmpty() || Nicknames.standard().equivalents(a).contains(folded));
    }

    // --- PhoneticKeys ---------------------------------------------------------------------------------

    @Property
    void phoneticKeysNeverFailAndAreUpperCase(@ForAll("anyText") String s) {
        for (String key : new String[] {PhoneticKeys.doubleMetaphone(s), PhoneticKeys.doubleMetaphoneAlternate(s),
            PhoneticKeys.nysiis(s)}) {
            assertTrue(key.matches("[A-Z0-9]*"), key);
        }
        assertEquals(PhoneticKeys.nysiis(s), PhoneticKeys.nysiis(Names.fold(s)));
    }
}
