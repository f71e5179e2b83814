package io.github.palimpsest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SyntheticRecordProperties {

    @Provide
    Arbitrary<SyntheticForces> generators() {
        return SyntheticArbitraries.generators(30);
    }

    @Provide
    Arbitrary<SyntheticRecord> records() {
        return SyntheticArbitraries.records();
    }

    @Provide
    Arbitrary<List<SyntheticRecord>> pairs() {
        return SyntheticArbitraries.matchingPairs();
    }

    @Property(tries = 200)
    void everyRunHasItsPeopleUniqueRecordIdsAndItsForces(@ForAll("generators") SyntheticForces gen) {
        SyntheticData data = gen.generate();
        assertEquals(gen.people(), data.people().size());
        Set<String> ids = new HashSet<>();
        for (SyntheticRecord r : data.records()) {
            assertTrue(ids.add(r.recordId()));
            assertTrue(gen.forces().contains(r.forceCode()));
            assertEquals(SyntheticRecord.COLUMNS.size(), r.columns().size());
        }
    }

    @Property(tries = 200)
    void everyRecordCanBeIdentifiedAndHasItsEvent(@ForAll("records") SyntheticRecord r) {
        assertTrue(SyntheticForcesTest.hasIdentifyingField(r), r.toString());
        assertTrue(!r.value("event_date").isEmpty() && !r.value("event_type").isEmpty(), r.toString());
        assertTrue(r.corruptions().stream().allMatch(c -> r.eligibleCorruptions().contains(c)), r.toString());
    }

    @Property(tries = 100)
    void matchingPairsDescribeOnePerson(@ForAll("pairs") List<SyntheticRecord> pair) {
        assertEquals(pair.get(0).person(), pair.get(1).person());
        assertTrue(!pair.get(0).recordId().equals(pair.get(1).recordId()));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("ABCXYZ'-").ofMinLength(1).ofMaxLength(14);
    }

    @Property
    void aTypoIsExactlyOneKeyingErrorAway(@ForAll("words") String word, @ForAll long seed) {
        String typo = Typos.typo(word, new java.util.SplittableRandom(seed));
        assertTrue(!typo.equals(word), word);
        assertEquals(1, optimalStringAlignment(word, typo), word + " -> " + typo);
    }

    /** Damerau's restricted edit distance, written here from its definition. */
    private static int optimalStringAlignment(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
