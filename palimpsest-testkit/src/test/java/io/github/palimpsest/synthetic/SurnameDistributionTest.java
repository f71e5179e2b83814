package io.github.palimpsest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The generated population's surnames have a realistic long tail: the commonest covers about 1% of
 * people, not 3%, and two strangers share a surname several times less often than with the table alone.
 */
class SurnameDistributionTest {

    @Test
    void everyTailRankHasItsOwnName() {
        Set<String> names = new HashSet<>();
        for (int rank = 1; rank <= RareSurnames.SIZE; rank++) {
            names.add(RareSurnames.name(rank));
        }
        assertEquals(RareSurnames.SIZE, names.size());
    }

    @Property
    void tailNamesAreCapitalisedLetters(@ForAll @IntRange(min = 1, max = RareSurnames.SIZE) int rank) {
        String name = RareSurnames.name(rank);
        assertTrue(name.matches("[A-Z][a-z]{3,}"), name);
    }

    @Test
    void ranksOutsideTheTailAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RareSurnames.name(0));
        assertThrows(IllegalArgumentException.class, () -> RareSurnames.name(RareSurnames.SIZE + 1));
    }

    @Test
    void tailDrawsFollowRank() {
        SplittableRandom rng = new SplittableRandom(5);
        Map<String, Integer> counts = new HashMap<>();
        int draws = 400_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(RareSurnames.draw(rng), 1, Integer::sum);
        }
        int first = counts.getOrDefault(RareSurnames.name(1), 0);
        int tenth = counts.getOrDefault(RareSurnames.name(10), 0);
        int thousandth = counts.getOrDefault(RareSurnames.name(1000), 0);
        // Under (368 + rank)^-1.08 the first is 1.03x the tenth and 4.1x the thousandth.
        assertTrue(first > thousandth * 2.5 && first < thousandth * 5, first + " vs " + thousandth);
        assertTrue(Math.abs(first - tenth) < 0.25 * first, first + " vs " + tenth);
        // The tail is long: most of its 100,000 names are drawn at least once in 400,000 draws.
        assertTrue(counts.size() > 50_000, "distinct tail names drawn: " + counts.size());
    }

    @Test
    void defaultPopulationHasARealisticShareOfTheCommonestSurname() {
        List<SyntheticPerson> people = SyntheticForces.builder().people(20_000).seed(3)
                .profile(CorruptionProfile.defaults().toBuilder().commonNameRate(0).build())
                .build().generate().people();
        Map<String, Integer> counts = new HashMap<>();
        for (SyntheticPerson p : people) {
            counts.merge(p.surname(), 1, Integer::sum);
        }
        double smith = counts.getOrDefault("Smith", 0) / (double) people.size();
        // Published figures for England and Wales put Smith at 1.2-1.4% of people.
        assertTrue(smith > 0.009 && smith < 0.016, "Smith share " + smith);
        double collision = collisionProbability(counts, people.size());
        // Britain: about 1 in 1,000; the table alone gives about 1 in 150.
        assertTrue(collision < 1 / 500.0, "surname collision probability " + collision);
    }

    @Test
    void rateZeroKeepsToTheTable() {
        CorruptionProfile closed = CorruptionProfile.defaults().toBuilder().rareSurnameRate(0).build();
        List<SyntheticPerson> people = SyntheticForces.builder().people(5_000).seed(3).profile(closed)
                .build().generate().people();
        Map<String, Integer> counts = new HashMap<>();
        for (SyntheticPerson p : people) {
            counts.merge(p.surname(), 1, Integer::sum);
        }
        // The table has 368 surnames, plus feminine forms and double-barrelled pairs.
        long single = counts.keySet().stream().filter(s -> !s.contains("-")).count();
        assertTrue(single <= 400, "distinct single surnames: " + single);
        assertTrue(collisionProbability(counts, people.size()) > 1 / 250.0);
    }

    @Test
    void rateIsValidated() {
        assertThrows(IllegalArgumentException.class,
                () -> CorruptionProfile.builder().rareSurnameRate(1.5));
        assertEquals(CorruptionProfile.DEFAULT_RARE_SURNAME_RATE, CorruptionProfile.builder().build().rareSurnameRate());
    }

    private static double collisionProbability(Map<String, Integer> counts, int n) {
        double sum = 0;
        for (int c : counts.values()) {
            sum += (double) c * (c - 1);
        }
        return sum / ((double) n * (n - 1));
    }
}
