package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.Entity;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.record.PersonRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo scenario's outcome, as issue 3 and the files' event summaries describe it. Runs with the
 * linker's default comparisons and blocking rules, so it checks them too.
 */
class DemoCommandTest {
    private static List<PersonRecord> records;
    private static LinkResult result;

    @BeforeAll
    static void linkTheScenario() throws IOException {
        records = DemoCommand.readScenario();
        result = DemoCommand.link(records);
    }

    private static Set<String> personOf(String recordId) {
        return Set.copyOf(result.entityOf(recordId).orElseThrow().recordIds());
    }

    @Test
    void stephenMarloweIsOnePersonWithFiveRecordsInFourForcesOverNineteenYears() {
        Entity marlowe = result.entityOf("MPS-02-0147").orElseThrow();
        assertEquals(Set.of("MPS-02-0147", "MPS-06-0932", "HC-16-5521", "HT-19-0077", "SX-21-3309"),
                Set.copyOf(marlowe.recordIds()));
        assertEquals(4, marlowe.forces().size());
        assertEquals(LocalDate.of(2002, 3, 15), marlowe.pattern().firstDate().orElseThrow());
        assertEquals(LocalDate.of(2021, 7, 1), marlowe.pattern().lastDate().orElseThrow());
        List<PatternEvent> events = marlowe.pattern().events();
        assertEquals(List.of("MPS-02-0147", "MPS-06-0932", "HC-16-5521", "HT-19-0077", "SX-21-3309"),
                events.stream().map(PatternEvent::recordId).toList());
        assertEquals(Set.of("MPS-06-0932", "SX-21-3309"), events.stream().filter(PatternEvent::isLinkedWithoutName)
                .map(PatternEvent::recordId).collect(Collectors.toSet()), "the two purged records");
        events.forEach(e -> assertTrue(e.linkedBy().isPresent(), e.recordId()));
    }

    @Test
    void claireWhitfieldIsFoundUnderHerMarriedSurname() {
        assertEquals(Set.of("MPS-08-2211", "SX-18-1102"), personOf("MPS-08-2211"));
    }

    @Test
    void lookAlikesStayApart() {
        assertEquals(Set.of("MPS-13-0401", "HC-14-0330", "SX-16-2044"), personOf("MPS-13-0401"), "Liam Dunmore");
        assertEquals(Set.of("MPS-13-0402", "HC-14-0331"), personOf("MPS-13-0402"), "his twin Connor");
        assertEquals(Set.of("MPS-09-1201", "HT-11-0452"), personOf("MPS-09-1201"), "Kevin Ashdown, the father");
        assertEquals(Set.of("MPS-12-0777", "HC-18-7301"), personOf("MPS-12-0777"), "Kevin Ashdown, the son");
        assertEquals(Set.of("HT-20-0918"), personOf("HT-20-0918"), "a different Stephen Marlow");
    }

    @Test
    void everyoneElseIsAlone() {
        for (String id : List.of("HC-19-0010", "HT-21-0301", "MPS-15-3020", "MPS-17-0088", "SX-20-4410")) {
            assertEquals(Set.of(id), personOf(id));
        }
        assertEquals(records.size(), result.entities().stream().mapToInt(Entity::size).sum());
        assertEquals(12, result.statistics().people());
        assertEquals(6, result.statistics().peopleSeenByMoreThanOneForce());
    }

    @Test
    void theReportShowsEachMultiForcePersonAndWhyTheirRecordsWereLinked() {
        StringWriter text = new StringWriter();
        DemoCommand.print(new PrintWriter(text), records, result);
        String report = text.toString();
        assertTrue(report.contains("22 fictional records from 4 forces"), report);
        assertTrue(report.contains(result.entityOf("MPS-02-0147").orElseThrow().id() + ": 5 records at 4 forces, "
                + "2002-03-15 to 2021-07-01"), report);
        // The whole chain: each purged record shows the record whose identifiers it shares, in words.
        assertTrue(report.contains("MPS-06-0932   (no name on record)\n      joined through MPS-02-0147: same PNC ID "
                + "(probability above 0.9999); linked without a name"), report);
        assertTrue(report.contains("SX-21-3309    (no name on record)\n      joined through HT-19-0077: same driving "
                + "licence"), report);
        // Every record after each person's first joins through a record of the same person.
        long joins = report.lines().filter(l -> l.strip().startsWith("joined through ")).count();
        assertEquals(result.entities().stream().filter(e -> e.isSeenByMoreThanOneForce())
                .mapToLong(e -> e.size() - 1).sum(), joins);
        // Figures in words: no bare bits or "p =" in the text for a reader.
        assertTrue(!report.contains("bits") && !report.contains("p = "), report);
        assertTrue(report.contains("(no name on record)"), report);
        assertTrue(report.contains("linked without a name"), report);
        assertTrue(report.contains("Look-alikes kept apart"), report);
        assertTrue(report.contains("MPS-13-0401 (DUNMORE, Liam) and MPS-13-0402 (DUNMORE, Connor)"), report);
    }

    @Test
    void theDemoCommandPrintsTheReportAndExitsZero() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), "demo"), err.toString());
        assertTrue(out.toString().contains("5 records at 4 forces"), out.toString());
    }
}
