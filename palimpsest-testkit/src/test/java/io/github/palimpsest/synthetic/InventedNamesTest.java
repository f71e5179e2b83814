package io.github.palimpsest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link NameOrigin#INVENTED}: people whose names are none of the British tables' and have no nicknames,
 * with frequencies shaped like the British ones, reproducible from the seed.
 */
class InventedNamesTest {

    private static List<SyntheticRecord> records(NameOrigin origin, long seed) {
        CorruptionProfile profile = CorruptionProfile.defaults().toBuilder().names(origin).build();
        return SyntheticForces.builder().people(2_000).seed(seed).profile(profile).build().generate().records();
    }

    private static Set<String> britishNames() {
        Set<String> names = new HashSet<>();
        for (WeightedNames table : List.of(NameData.MALE_FORENAMES, NameData.FEMALE_FORENAMES, NameData.SURNAMES)) {
            names.addAll(table.heaviest(Integer.MAX_VALUE));
        }
        return names;
    }

    @Test
    void inventedPeopleBearNoNameOfTheBritishTables() {
        Set<String> british = britishNames();
        List<SyntheticRecord> records = records(NameOrigin.INVENTED, 7);
        int named = 0;
        for (SyntheticRecord r : records) {
            SyntheticPerson person = r.person();
            named++;
            assertTrue(!british.contains(person.forename()) && !british.contains(person.surname()),
                    person.forename() + " " + person.surname());
        }
        assertTrue(named > 5_000, "records generated: " + named);
    }

    @Test
    void inventedNamesFollowAZipfShapeAsTheBritishDo() {
        Map<String, Integer> surnames = new HashMap<>();
        for (SyntheticRecord r : records(NameOrigin.INVENTED, 8)) {
            surnames.merge(r.person().surname(), 1, Integer::sum);
        }
        int commonest = surnames.values().stream().max(Integer::compare).orElseThrow();
        int total = surnames.values().stream().mapToInt(Integer::intValue).sum();
        // Common names recur across people, yet no one surname covers a large share of them.
        assertTrue(commonest > 5 && commonest < 0.05 * total, commonest + " of " + total);
        assertTrue(surnames.size() > 500, "distinct surnames: " + surnames.size());
    }

    @Test
    void theSameSeedGivesTheSameInventedPeopleAndTheOriginIsPartOfTheProfile() {
        assertEquals(records(NameOrigin.INVENTED, 9), records(NameOrigin.INVENTED, 9));
        assertNotEquals(records(NameOrigin.INVENTED, 9), records(NameOrigin.BRITISH, 9));
        CorruptionProfile invented = CorruptionProfile.defaults().toBuilder().names(NameOrigin.INVENTED).build();
        assertNotEquals(CorruptionProfile.defaults(), invented);
        assertEquals(invented, invented.toBuilder().build());
        assertEquals(NameOrigin.BRITISH, CorruptionProfile.defaults().names());
    }
}
