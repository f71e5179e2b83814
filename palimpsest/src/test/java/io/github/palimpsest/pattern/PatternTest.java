package io.github.palimpsest.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.pipeline.LibraryAccess;
import io.github.palimpsest.record.PersonRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatternTest {

    private static PatternEvent event(String id, String date) {
        return new PatternEvent(id, date.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(date)), "01",
                "Metropolitan Police Service", "arrest", Optional.empty(), Optional.empty(), false);
    }

    @Test
    void eventsAreInDateOrderUndatedLastTiesByRecordIdWhateverTheInputOrder() {
        List<PatternEvent> events = new ArrayList<>(List.of(event("R9", ""), event("R2", "2010-01-01"),
                event("R1", "2010-01-01"), event("R3", "2001-05-05"), event("R0", "")));
        List<String> expected = List.of("R3", "R1", "R2", "R0", "R9");
        for (int shuffle = 0; shuffle < 5; shuffle++) {
            Collections.rotate(events, 1);
            assertEquals(expected, Pattern.of("P-1", events).events().stream().map(PatternEvent::recordId).toList());
        }
        Pattern p = Pattern.of("P-1", events);
        assertEquals(Optional.of(LocalDate.of(2001, 5, 5)), p.firstDate());
        assertEquals(Optional.of(LocalDate.of(2010, 1, 1)), p.lastDate());
        assertEquals(List.of("01"), p.forces());
    }

    @Test
    void aRecordMayAppearOnlyOnceInAPattern() {
        assertThrows(IllegalArgumentException.class, () -> Pattern.of("P-1", List.of(event("R1", ""), event("R1", ""))));
    }

    @Test
    void anEventComesFromTheRecordWithForceNameAndCodeAndMarksAPurgedName() {
        PersonRecord purged = PersonRecord.builder().recordId("SX-1").force("Sussex Police").dob("1970-01-02")
                .pncId("1995/0040127L").eventDate("2021-07-01").eventType("allegation").build();
        PatternEvent linked = LibraryAccess.patternEvent(purged, Optional.of("MPS-1"), Optional.of("pnc_id exact"));
        assertEquals("47", linked.forceCode());
        assertEquals("Sussex", linked.forceName());
        assertEquals(Optional.of(LocalDate.of(2021, 7, 1)), linked.date());
        assertTrue(linked.isNamePurged());
        assertTrue(linked.isLinkedWithoutName());
        assertEquals("pnc_id exact; linked without a name", linked.linkedByText());
        PatternEvent alone = LibraryAccess.patternEvent(purged, Optional.empty(), Optional.empty());
        assertFalse(alone.isLinkedWithoutName(), "a purged record that linked to nothing was not linked at all");
        assertEquals("", alone.linkedByText());
    }

    @Test
    void anUnknownForceKeepsItsTextAsTheName() {
        PersonRecord r = PersonRecord.builder().recordId("X-1").force("Ruritania Constabulary").surname("Bly").build();
        PatternEvent e = LibraryAccess.patternEvent(r, Optional.empty(), Optional.empty());
        assertEquals("", e.forceCode());
        assertEquals("Ruritania Constabulary", e.forceName());
        assertEquals(List.of("Ruritania Constabulary"), Pattern.of("P-2", List.of(e)).forces());
    }
}
