package io.github.palimpsest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.normalise.CroNumber;
import io.github.palimpsest.normalise.DrivingLicence;
import io.github.palimpsest.normalise.Email;
import io.github.palimpsest.normalise.NiNumber;
import io.github.palimpsest.normalise.Phone;
import io.github.palimpsest.normalise.PncId;
import io.github.palimpsest.normalise.Postcode;
import io.github.palimpsest.normalise.Sex;
import io.github.palimpsest.record.PersonRecord;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the generator against the normalisers: the generator makes identifiers with its own code on
 * purpose, so that two independent implementations of each format must agree.
 */
class GeneratedIdentifiersAreValidTest {
    private static final SyntheticData DATA = SyntheticForces.builder().people(1_500).seed(7).build().generate();

    @Test
    void everyPersonsIdentifiersAreValidAndAlreadyCanonicalBeforeCorruption() {
        int checked = 0;
        for (SyntheticPerson p : DATA.people()) {
            checked += expectCanonical(p.pncId(), v -> PncId.parse(v, SyntheticForces.DEFAULT_REFERENCE_DATE).canonical());
            checked += expectCanonical(p.croNumber(), v -> CroNumber.parse(v).canonical());
            checked += expectCanonical(p.niNumber(), v -> NiNumber.parse(v).canonical());
            checked += expectCanonical(p.drivingLicence(), v -> DrivingLicence.parse(v).canonical());
            checked += expectCanonical(p.email(), v -> Email.parse(v).canonical());
            p.phone().ifPresent(v -> assertTrue(Phone.parse(v).isValid(), "phone " + v));
            assertTrue(Postcode.parse(p.postcode()).isUk(), "postcode " + p.postcode());
            p.drivingLicence().ifPresent(v -> assertEquals(java.util.List.of(),
                    DrivingLicence.parse(v).contradictions(p.surname(), Optional.of(p.dateOfBirth()),
                            Sex.parse(p.sex())), "licence " + v + " contradicts its own person"));
        }
        assertTrue(checked > 1_000, "enough identifiers were generated to mean something: " + checked);
    }

    private static int expectCanonical(Optional<String> value,
            java.util.function.Function<String, Optional<String>> canonical) {
        if (value.isEmpty()) {
            return 0;
        }
        assertEquals(value, canonical.apply(value.get()), "generated value is valid and canonical");
        return 1;
    }

    @Test
    void everyGeneratedRecordReadsWithoutUnexpectedProblemsInFieldsTheGeneratorDidNotCorrupt() {
        Set<String> unexpected = new TreeSet<>();
        for (SyntheticRecord r : DATA.records()) {
            if (!r.corruptions().isEmpty()) {
                continue;
            }
            PersonRecord record = r.toPersonRecord(SyntheticForces.DEFAULT_REFERENCE_DATE);
            record.problems().stream()
                    .filter(p -> !p.field().equals("dob") && !p.field().equals("event_date"))
                    .forEach(p -> unexpected.add(r.recordId() + " " + p));
        }
        assertEquals(Set.of(), unexpected);
    }
}
