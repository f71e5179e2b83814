package io.github.palimpsest.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Different people who look alike are planted, so that precision is really tested. */
class HardNegativesTest {

    private static List<SyntheticPerson> people;

    @BeforeAll
    static void generate() {
        people = SyntheticForces.builder().people(5000).seed(31).build().generate().people();
    }

    @Test
    void twinsShareSurnameDateOfBirthAndAddressButNotEntity() {
        long pairs = countGroups(p -> p.surname() + "|" + p.dateOfBirth() + "|" + p.address());
        // 1% of households are twins: about 50 pairs in 5,000 people.
        assertTrue(pairs >= 25, "twin pairs: " + pairs);
    }

    @Test
    void parentsAndChildrenShareForenameSurnameAndAddressWithDifferentBirthDates() {
        Map<String, Set<java.time.LocalDate>> dobs = new HashMap<>();
        for (SyntheticPerson p : people) {
            dobs.computeIfAbsent(p.forename() + "|" + p.surname() + "|" + p.address(), k -> new HashSet<>())
                    .add(p.dateOfBirth());
        }
        long pairs = dobs.values().stream().filter(s -> s.size() > 1).count();
        assertTrue(pairs >= 50, "parent-child pairs: " + pairs);
    }

    @Test
    void veryCommonNamesAreSharedByUnrelatedPeople() {
        Map<String, Set<String>> addressesByName = new HashMap<>();
        for (SyntheticPerson p : people) {
            addressesByName.computeIfAbsent(p.forename() + " " + p.surname(), k -> new HashSet<>()).add(p.address());
        }
        int max = addressesByName.values().stream().mapToInt(Set::size).max().orElse(0);
        assertTrue(max >= 10, "the most shared name is held by people at only " + max + " addresses");
    }

    @Test
    void cleanProfilePlantsNoTwins() {
        List<SyntheticPerson> clean = SyntheticForces.builder().people(2000).seed(31)
                .profile(CorruptionProfile.clean()).build().generate().people();
        Set<String> seen = new HashSet<>();
        for (SyntheticPerson p : clean) {
            assertTrue(seen.add(p.dateOfBirth() + "|" + p.address()), "two people share a birth date and address");
        }
    }

    private static long countGroups(java.util.function.Function<SyntheticPerson, String> key) {
        Map<String, Set<String>> groups = new HashMap<>();
        for (SyntheticPerson p : people) {
            groups.computeIfAbsent(key.apply(p), k -> new HashSet<>()).add(p.entityId());
        }
        return groups.values().stream().filter(s -> s.size() > 1).count();
    }
}
