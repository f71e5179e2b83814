package io.github.palimpsest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aMessageThatRepeatsItsFieldSaysItOnce() {
        assertEquals("pnc_id: check letter is wrong", Problem.of("pnc_id", "pnc_id: check letter is wrong").toString());
    }

    @Test
    void theNameParsersLabelIsDroppedForEveryNameColumn() {
        assertEquals("full_name: only initials", Problem.of("full_name", "name: only initials").toString());
        assertEquals("surname: only initials", Problem.of("surname", "name: only initials").toString());
        // Other fields keep a message that happens to start with "name: ".
        assertEquals("address: name: odd", Problem.of("address", "name: odd").toString());
    }

    @Test
    void aRecordReadFromAFullNameReportsTheNameProblemOnce() {
        PersonRecord r = PersonRecord.builder().referenceDate(LocalDate.of(2025, 1, 1)).recordId("T-1")
                .set("full_name", "J. K.").build();
        assertEquals(1, r.problems().stream().filter(p -> p.toString().equals("full_name: only initials")).count(),
                r.problems().toString());
    }
}
