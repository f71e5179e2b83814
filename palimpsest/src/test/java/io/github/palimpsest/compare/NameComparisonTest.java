package io.github.palimpsest.compare;

import static io.github.palimpsest.compare.Records.named;
import static io.github.palimpsest.compare.Records.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.palimpsest.record.ComparableRecord;
import org.junit.jupiter.api.Test;

class NameComparisonTest {
    private final ForenameComparison forenames = ForenameComparison.standard();
    private final SurnameComparison surnames = SurnameComparison.standard();

    private void assertForename(int expected, ComparableRecord a, ComparableRecord b) {
        assertEquals(forenames.levels().get(expected), forenames.levels().get(forenames.level(a, b)));
        assertEquals(expected, forenames.level(b, a), "symmetric");
    }

    private void assertSurname(int expected, ComparableRecord a, ComparableRecord b) {
        assertEquals(surnames.levels().get(expected), surnames.levels().get(surnames.level(a, b)));
        assertEquals(expected, surnames.level(b, a), "symmetric");
    }

    @Test
    void sameForenameIsExactWhateverTheCase() {
        assertForename(ForenameComparison.EXACT, named("Orla", "Quince"), named("ORLA", "Pryor"));
    }

    @Test
    void forenameAndSurnameSwappedIsWeighedOnceByTheForename() {
        ComparableRecord a = named("Tamsin", "Grail");
        ComparableRecord b = named("Grail", "Tamsin");
        assertForename(ForenameComparison.SWAPPED, a, b);
        assertSurname(SurnameComparison.MISSING, a, b);
    }

    @Test
    void aSwapWithOneNameALittleDifferentIsTheLevelBelowAnExactSwap() {
        assertSwappedClose(named("Tamsin", "Grail"), named("Grale", "Tamsin")); // a typo
        assertSwappedClose(named("Harry", "Quarrie"), named("Quarrie", "Harold")); // a nickname
        assertSwappedClose(named("M", "Slade"), named("Slade", "Morwenna")); // an initial in the forename
        assertSwappedClose(named("Dean", "Thorne"), named("Thorne", "D")); // an initial in the surname
        assertSwappedClose(named("Andrew", "Pennant-Brisk"), named("Brisk", "Andrew")); // part of a surname
        assertSwappedClose(named("J", "Grail"), named("Grail", "J")); // an initial is never an exact swap
        assertSwappedClose(named("Stephen", "Dorling"), named("Dorling", "Steven")); // phonetic
    }

    private void assertSwappedClose(ComparableRecord a, ComparableRecord b) {
        assertForename(ForenameComparison.SWAPPED_CLOSE, a, b);
        assertSurname(SurnameComparison.MISSING, a, b); // weighed once, by the forename
    }

    @Test
    void aSwapNeedsOneNameTheSameCrosswiseAndNeitherTheSameStraight() {
        // No name in common crosswise: the pair is two different people.
        assertForename(ForenameComparison.ELSE, named("Tamsin", "Grail"), named("Grale", "Ottoline"));
        assertSurname(SurnameComparison.ELSE, named("Tamsin", "Grail"), named("Grale", "Ottoline"));
        // The same forename straight: a surname typo, not a swap, though Grail and Tamsin cross over.
        assertForename(ForenameComparison.EXACT, named("Tamsin", "Grail"), named("Tamsin", "Grale"));
        assertSurname(SurnameComparison.PHONETIC, named("Tamsin", "Grail"), named("Tamsin", "Grale"));
        assertForename(ForenameComparison.EXACT, named("Grail", "Grail"), named("Grail", "Grale"));
        // Crosswise the same but the other crosswise pair unrelated.
        assertForename(ForenameComparison.ELSE, named("Tamsin", "Grail"), named("Grail", "Bramwell"));
    }

    @Test
    void aNicknameOrDiminutiveIsEquivalent() {
        assertForename(ForenameComparison.NICKNAME, named("Bill", "Quarrie"), named("William", "Quarrie"));
        assertForename(ForenameComparison.NICKNAME, named("Peggy", "Thwaite"), named("Margaret", "Thwaite"));
    }

    @Test
    void aForenameGivenAsTheOthersAliasIsEquivalent() {
        ComparableRecord a = of("forename", "Zinnia", "surname", "Marl", "aliases", "Zed Marl");
        assertForename(ForenameComparison.NICKNAME, a, named("Zed", "Marl"));
    }

    @Test
    void aTypoInALongForenameIsHighJaroWinkler() {
        assertForename(ForenameComparison.SIMILAR_HIGH, named("Christabel", "Oakes"), named("Christable", "Oakes"));
    }

    @Test
    void oneKeyingErrorInAShortNameIsAtLeastMediumSimilarity() {
        // Jaro–Winkler of these is 0.60 and 0 (letters pair only at their own place), phonetic keys differ
        assertForename(ForenameComparison.SIMILAR_MEDIUM, named("Oks", "Oakes"), named("Osk", "Oakes"));
        assertForename(ForenameComparison.SIMILAR_MEDIUM, named("Li", "Oakes"), named("Il", "Oakes"));
        assertSurname(SurnameComparison.SIMILAR_MEDIUM, named("Ada", "Ubs"), named("Ada", "Usb"));
        assertSurname(SurnameComparison.SIMILAR_MEDIUM, named("Ada", "Ok"), named("Ada", "Ko"));
        // two errors, or a single letter against two, stay different
        assertForename(ForenameComparison.ELSE, named("Ano", "Oakes"), named("Tia", "Oakes"));
        assertSurname(SurnameComparison.ELSE, named("Ada", "Ki"), named("Ada", "Ib"));
    }

    @Test
    void forenamesThatSoundAlikeArePhonetic() {
        // Jaro-Winkler of these is below 0.92 but their Double Metaphone keys agree
        assertForename(ForenameComparison.PHONETIC, named("Kaytlin", "Oakes"), named("Caitlyn", "Oakes"));
    }

    @Test
    void anInitialAgreesWithTheFullForename() {
        assertForename(ForenameComparison.INITIAL, named("J.", "Oakes"), named("Juniper", "Oakes"));
        assertForename(ForenameComparison.ELSE, named("K.", "Oakes"), named("Juniper", "Oakes"));
    }

    @Test
    void unrelatedForenamesAreElse() {
        assertForename(ForenameComparison.ELSE, named("Ottoline", "Oakes"), named("Bramwell", "Oakes"));
    }

    @Test
    void aMissingOrPurgedForenameIsNeutralNeverAMismatch() {
        ComparableRecord purged = of("dob", "1980-05-06", "pnc_id", "");
        assertForename(ForenameComparison.MISSING, purged, named("Ottoline", "Oakes"));
        assertEquals(true, forenames.levels().get(ForenameComparison.MISSING).isNeutral());
    }

    @Test
    void sameSurnameIsExactAndTermFrequencyAdjusted() {
        assertSurname(SurnameComparison.EXACT, named("Ada", "Quillfeather"), named("Bea", "quillfeather"));
        assertEquals(SurnameComparison.EXACT, surnames.termFrequencyLevel());
        assertEquals("quillfeather", surnames.termFrequencyValue(named("Ada", "Quillfeather")));
    }

    @Test
    void aHyphenatedPartOrMacMcSpellingIsAVariant() {
        assertSurname(SurnameComparison.VARIANT, named("Ada", "Pennant-Brisk"), named("Ada", "Brisk"));
        assertSurname(SurnameComparison.VARIANT, named("Ada", "MacAllister"), named("Ada", "McAllister"));
    }

    @Test
    void aMaidenNameGivenAsAnAliasMatchesTheMarriedSurname() {
        ComparableRecord married = of("forename", "Imogen", "surname", "Fairweather", "aliases", "Imogen Tolliver");
        ComparableRecord maiden = named("Imogen", "Tolliver");
        assertSurname(SurnameComparison.ALIAS, married, maiden);
    }

    @Test
    void anAliasSurnameStillMatchesWhenTheMainSurnameIsMissing() {
        ComparableRecord onlyAlias = of("forename", "Imogen", "aliases", "Imogen Tolliver");
        assertSurname(SurnameComparison.ALIAS, onlyAlias, named("Imogen", "Tolliver"));
    }

    @Test
    void surnameTyposAndSoundAlikesGetPartialLevels() {
        assertSurname(SurnameComparison.SIMILAR_HIGH, named("A", "Wetherington"), named("A", "Wetheringtom"));
        assertSurname(SurnameComparison.PHONETIC, named("A", "Smyth"), named("A", "Smith"));
        assertSurname(SurnameComparison.ELSE, named("A", "Quillfeather"), named("A", "Brown"));
    }

    @Test
    void aMissingSurnameIsNeutral() {
        assertSurname(SurnameComparison.MISSING, named("Ada", ""), named("Ada", "Brown"));
    }

    @Test
    void aSingleNameThatIsTheOthersSurnameIsWeighedAsASurname() {
        ComparableRecord single = named("Hillier", "");
        ComparableRecord full = named("George", "Hillier");
        assertSurname(SurnameComparison.SINGLE_NAME, single, full);
        assertForename(ForenameComparison.MISSING, single, full);
        assertSurname(SurnameComparison.SINGLE_NAME, named("Hilier", ""), full);
        assertForename(ForenameComparison.MISSING, named("Hilier", ""), full);
        assertSurname(SurnameComparison.SINGLE_NAME, single, named("", "Hillier"));
    }

    @Test
    void aSingleNameThatIsTheOthersForenameStaysAForename() {
        assertForename(ForenameComparison.EXACT, named("George", ""), named("George", "Hillier"));
        assertSurname(SurnameComparison.MISSING, named("George", ""), named("George", "Hillier"));
        assertForename(ForenameComparison.EXACT, named("George", ""), named("George", "George"));
        assertSurname(SurnameComparison.MISSING, named("Quentin", ""), named("George", "Hillier"));
        assertForename(ForenameComparison.ELSE, named("Quentin", ""), named("George", "Hillier"));
        assertSurname(SurnameComparison.MISSING, named("G", ""), named("George", "G"));
    }
}
