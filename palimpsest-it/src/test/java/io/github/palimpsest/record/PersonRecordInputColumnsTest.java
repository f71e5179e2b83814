package io.github.palimpsest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.palimpsest.synthetic.SyntheticForces;
import java.time.LocalDate;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonRecordInputColumnsTest {

    @Test
    void inputColumnsAreTheNonBlankFieldsExactlyAsGiven() {
        PersonRecord r = PersonRecord.builder().recordId("MET-7").force("Met").forename(" Ada ").surname("LOVELACE")
                .dob("10.12.15").pncId("79/163001B").identifier("Passport", "X123").extra("officer", "PC 12")
                .address("  1 Cheyne Walk ").referenceDate(LocalDate.of(2020, 1, 1)).build();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("record_id", "MET-7");
        expected.put("force", "Met");
        expected.put("forename", " Ada ");
        expected.put("surname", "LOVELACE");
        expected.put("dob", "10.12.15");
        expected.put("pnc_id", "79/163001B");
        expected.put("address", "1 Cheyne Walk");
        expected.put("id_passport", "X123");
        expected.put("officer", "PC 12");
        assertEquals(expected, r.inputColumns());
        assertEquals(LocalDate.of(2020, 1, 1), r.referenceDate());
    }

    @Test
    void toBuilderRebuildsEveryGeneratedRecordWithTheSameValuesAndProblems() {
        SyntheticForces.builder().people(200).seed(3).build().stream().forEach(generated -> {
            PersonRecord.Builder builder = PersonRecord.builder().referenceDate(SyntheticForces.DEFAULT_REFERENCE_DATE);
            generated.columns().forEach(builder::set);
            PersonRecord original = builder.problem(Problem.of("row", "a short row")).build();
            PersonRecord copy = original.toBuilder().build();
            assertEquals(original.inputColumns(), copy.inputColumns());
            assertEquals(original.problems(), copy.problems());
            assertEquals(original.name(), copy.name());
            assertEquals(original.aliases(), copy.aliases());
            assertEquals(original.dateOfBirth(), copy.dateOfBirth());
            assertEquals(original.pncId().canonical(), copy.pncId().canonical());
            ComparableRecord a = ComparableRecord.of(original);
            ComparableRecord b = ComparableRecord.of(copy);
            assertEquals(List.of(a.forename(), a.surname(), a.dateOfBirth(), a.pncId(), a.croNumber(), a.niNumber(),
                    a.drivingLicence(), a.phone(), a.email(), a.postcode(), a.addressTokens(), a.identifiers(),
                    a.aliasSurnames(), a.eventDate(), a.forceCode()),
                    List.of(b.forename(), b.surname(), b.dateOfBirth(), b.pncId(), b.croNumber(), b.niNumber(),
                    b.drivingLicence(), b.phone(), b.email(), b.postcode(), b.addressTokens(), b.identifiers(),
                    b.aliasSurnames(), b.eventDate(), b.forceCode()));
            Map<String, String> nonBlank = new LinkedHashMap<>();
            generated.columns().forEach((k, v) -> {
                if (!v.isBlank()) {
                    nonBlank.put(k, v.strip().equals(v) || !k.equals("address") ? v : v.strip());
                }
            });
            assertEquals(nonBlank.keySet(), original.inputColumns().keySet());
        });
    }
}
