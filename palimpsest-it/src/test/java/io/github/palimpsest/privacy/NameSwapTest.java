package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.record.PersonRecord;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Names written in the wrong field: the crosswise {@link BloomField#SURNAME_AS_FORENAME} filter makes a
 * forename comparable with a surname, so a full swap and one name crossed over are both found, under the
 * separate keys of the forename and surname filters. Fictional names only.
 */
class NameSwapTest {

    private static final Comparison<Tombstone> FORENAME = TombstoneComparisons.forename();
    private static final Comparison<Tombstone> SURNAME = TombstoneComparisons.surname();

    private static Tombstone tombstone(String id, String forename, String surname) {
        PersonRecord r = PersonRecord.builder().recordId(id).force("Met").forename(forename).surname(surname).build();
        return Tombstone.of(r, TombstoneTest.KEY_A, TombstoneOptions.defaults());
    }

    private static String label(Comparison<Tombstone> comparison, Tombstone a, Tombstone b) {
        return comparison.levels().get(comparison.level(a, b)).label();
    }

    @Test
    void theSurnameUnderTheForenamesKeysComparesWithAForenameAndNotWithASurname() {
        Tombstone a = tombstone("MET-1", "Quillon", "Ottoway");
        Tombstone b = tombstone("MET-2", "Ottoway", "Bryndle");
        double crosswise = a.filter(BloomField.SURNAME_AS_FORENAME).orElseThrow()
                .dice(b.filter(BloomField.FORENAME).orElseThrow());
        assertTrue(crosswise >= 0.9, "one name under one key reaches the noise floor: " + crosswise);
        // The surname filter stays under its own key: it does not compare with a forename filter.
        double separate = a.filter(BloomField.SURNAME).orElseThrow().dice(b.filter(BloomField.FORENAME).orElseThrow());
        assertTrue(separate < 0.7, "different keys look unrelated: " + separate);
        // The same features, other keys and noise: the two surname filters of one record are not alike either.
        double own = a.filter(BloomField.SURNAME).orElseThrow().dice(a.filter(BloomField.SURNAME_AS_FORENAME)
                .orElseThrow());
        assertTrue(own < 0.7, "the crosswise filter is not the surname filter: " + own);
    }

    @Test
    void theCrosswiseFilterIsPlacedAsTheForenameIsAndNoisedOnItsOwn() {
        // Same k and position key as the forename, or one name would not reach the noise floor crosswise.
        assertEquals(BloomField.FORENAME.hashCount(), BloomField.SURNAME_AS_FORENAME.hashCount());
        assertEquals(BloomField.FORENAME.column(), BloomField.SURNAME_AS_FORENAME.keyColumn());
        // Its noise is its own: one person with forename and surname alike does not get one noise draw twice.
        Tombstone same = tombstone("MET-1", "Ottoway", "Ottoway");
        BloomFilter forename = same.filter(BloomField.FORENAME).orElseThrow();
        BloomFilter crosswise = same.filter(BloomField.SURNAME_AS_FORENAME).orElseThrow();
        assertTrue(!forename.equals(crosswise) && forename.dice(crosswise) >= 0.9, "" + forename.dice(crosswise));
        for (BloomField f : BloomField.values()) {
            if (f != BloomField.SURNAME_AS_FORENAME) {
                assertEquals(f.column(), f.keyColumn(), "every other field is placed under its own keys");
            }
        }
    }

    @Test
    void oneNameCrossedOverIsTheSurnamesLevelAndTheOtherNameStillDisagrees() {
        Tombstone written = tombstone("MET-1", "Quillon", "Ottoway");
        Tombstone crossed = tombstone("MET-2", "Ottoway", "Bryndle");
        Tombstone crossedTheOtherWay = tombstone("MET-3", "Pellamy", "Quillon");
        for (Tombstone other : List.of(crossed, crossedTheOtherWay)) {
            assertTrue(label(SURNAME, written, other).startsWith("one name crossed"), label(SURNAME, written, other));
            assertTrue(label(FORENAME, written, other).startsWith("dice <"), label(FORENAME, written, other));
            assertEquals(SURNAME.level(written, other), SURNAME.level(other, written));
            assertEquals(FORENAME.level(written, other), FORENAME.level(other, written));
        }
    }

    @Test
    void aFullSwapIsWeighedOnceAsNamesSwappedByTheForename() {
        Tombstone written = tombstone("MET-1", "Quillon", "Ottoway");
        Tombstone swapped = tombstone("MET-2", "Ottoway", "Quillon");
        assertTrue(label(FORENAME, written, swapped).startsWith("names swapped"), label(FORENAME, written, swapped));
        assertTrue(SURNAME.levels().get(SURNAME.level(written, swapped)).isNeutral(), label(SURNAME, written, swapped));
    }

    @Test
    void withoutTheCrosswiseFilterOnlyTheNamesFilterFindsASwap() {
        List<Tombstone> upgraded = VersionTwoFiles.asUpgraded(List.of(tombstone("MET-1", "Quillon", "Ottoway"),
                tombstone("MET-2", "Ottoway", "Quillon"), tombstone("MET-3", "Ottoway", "Bryndle")),
                TombstoneTest.KEY_A);
        assertTrue(label(FORENAME, upgraded.get(0), upgraded.get(1)).startsWith("names swapped"));
        assertTrue(SURNAME.levels().get(SURNAME.level(upgraded.get(0), upgraded.get(1))).isNeutral());
        for (Comparison<Tombstone> c : List.of(FORENAME, SURNAME)) {
            assertTrue(label(c, upgraded.get(0), upgraded.get(2)).startsWith("dice <"), c.name());
        }
    }

    @Test
    void namesThatShareNothingCrosswiseAreNotCrossed() {
        Tombstone a = tombstone("MET-1", "Quillon", "Ottoway");
        Tombstone b = tombstone("MET-2", "Bryndle", "Pellamy");
        assertTrue(label(SURNAME, a, b).startsWith("dice <"), label(SURNAME, a, b));
        assertTrue(label(FORENAME, a, b).startsWith("dice <"), label(FORENAME, a, b));
    }

    @Test
    void aSurnameAlikeIsNeverReadAsCrossed() {
        // One record's forename is the other's surname, but the surnames agree: no crossing is looked for.
        Tombstone a = tombstone("MET-1", "Quillon", "Ottoway");
        Tombstone b = tombstone("MET-2", "Ottoway", "Ottoway");
        assertEquals(0, SURNAME.level(a, b));
    }

    @Property(tries = 150)
    void theNameLevelsAreSymmetric(@ForAll("names") String f1, @ForAll("names") String s1,
                                   @ForAll("names") String f2, @ForAll("names") String s2) {
        Tombstone a = tombstone("MET-1", f1, s1);
        Tombstone b = tombstone("MET-2", f2, s2);
        for (Comparison<Tombstone> c : List.of(FORENAME, SURNAME)) {
            assertEquals(c.level(a, b), c.level(b, a), c.name());
        }
    }

    @Property(tries = 100)
    void aNameWrittenInTheOtherFieldIsFoundWhateverTheOtherName(@ForAll("names") String shared,
                                                               @ForAll("names") String first,
                                                               @ForAll("names") String second) {
        Tombstone a = tombstone("MET-1", first, shared);
        Tombstone b = tombstone("MET-2", shared, second);
        int level = SURNAME.level(a, b);
        String label = SURNAME.levels().get(level).label();
        // Unless a direct comparison already agrees, the shared name is found crosswise.
        boolean direct = level < TombstoneComparisons.defaultThresholds(BloomField.SURNAME).length
                || FORENAME.level(a, b) < TombstoneComparisons.defaultThresholds(BloomField.FORENAME).length;
        boolean swapped = label(FORENAME, a, b).startsWith("names swapped"); // then the surname is neutral
        assertTrue(direct || label.startsWith("one name crossed") || swapped, label);
    }

    @Provide
    Arbitrary<String> names() {
        // Random letters can spell a title or an honour ("cbe", "rev"), which the name parser removes: those
        // are no names to cross over, so only strings the parser keeps as a forename and as a surname are used.
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10)
                .filter(NameSwapTest::keptAsAName);
    }

    private static boolean keptAsAName(String name) {
        PersonRecord asForename = PersonRecord.builder().recordId("MET-0").forename(name).surname("Ottoway").build();
        PersonRecord asSurname = PersonRecord.builder().recordId("MET-0").forename("Quillon").surname(name).build();
        return asForename.name().forename().equals(name) && asSurname.name().surname().equals(name);
    }
}
