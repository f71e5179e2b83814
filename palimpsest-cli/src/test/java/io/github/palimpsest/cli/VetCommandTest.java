package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vet --roster ROSTER.csv RECORDS.csv... --out VET.csv} over the demo's four forces. */
class VetCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> records = new ArrayList<>();
    private Path roster;

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @BeforeEach
    void files() throws IOException {
        for (String name : List.of("met.csv", "hampshire.csv", "herts.csv", "sussex.csv")) {
            Path file = dir.resolve(name);
            try (InputStream in = VetCommandTest.class.getResourceAsStream("/io/github/palimpsest/demo/" + name)) {
                Files.copy(in, file);
            }
            records.add(file.toString());
        }
        roster = dir.resolve("roster.csv");
        Files.writeString(roster, "record_id,full_name,dob\nS1001,Stephen Marlowe,09/04/1968\n"
                + "S1002,Kevin Ashdown,03/10/1988\nS1003,Imogen Tarrant,01/01/1990\n");
    }

    private String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("vet", "--roster", roster.toString()));
        all.addAll(records);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void writesOneRowPerMemberAndRecordWithHowItJoined() throws IOException {
        Path vet = dir.resolve("vet.csv");
        assertEquals(Main.EXIT_OK, run(args("--out", vet.toString())), err.toString());
        List<String> lines = Files.readAllLines(vet);
        assertEquals(String.join(",", VetCommand.COLUMNS), lines.get(0));
        assertTrue(lines.get(0).startsWith("roster_id,record_id,"));
        List<String> officer = lines.stream().filter(l -> l.startsWith("S1001,")).toList();
        assertEquals(5, officer.size(), String.join("\n", lines));
        // In event-date order: 2002 Met, 2006 Met (purged), 2016 Hampshire, 2019 Herts, 2021 Sussex (purged).
        assertEquals(List.of("MPS-02-0147", "MPS-06-0932", "HC-16-5521", "HT-19-0077", "SX-21-3309"),
                officer.stream().map(l -> l.split(",")[1]).toList());
        assertTrue(officer.stream().anyMatch(l -> l.contains(",through,")), String.join("\n", officer));
        assertTrue(officer.stream().anyMatch(l -> l.contains(",directly,,")), String.join("\n", officer));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("S1003,")), "a member with no records has no rows");
        String summary = out.toString();
        assertTrue(summary.contains("roster members: 3"), summary);
        assertTrue(summary.contains("members without records: 1"), summary);
    }

    @Test
    void writesAReportOfTheVettingRun() throws IOException {
        Path vet = dir.resolve("vet.csv");
        Path report = dir.resolve("vet.html");
        assertEquals(Main.EXIT_OK, run(args("--out", vet.toString(), "--report", report.toString())),
                err.toString());
        String html = Files.readString(report);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertTrue(html.contains("roster:S1001") && html.contains("MPS-06-0932"), "the member and a purged record");
    }

    @Test
    void refusesAnOutputThatIsAnInput() throws IOException {
        String before = Files.readString(roster);
        assertEquals(Main.EXIT_USAGE, run(args("--out", roster.toString())));
        assertEquals(before, Files.readString(roster));
        assertTrue(err.toString().contains("--roster"), err.toString());
    }

    @Test
    void anEmptyRosterIsBadInputWithoutAStackTrace() throws IOException {
        Files.writeString(roster, "record_id,full_name,dob\n");
        Path vet = dir.resolve("vet.csv");
        assertEquals(Main.EXIT_BAD_INPUT, run(args("--out", vet.toString())));
        assertFalse(Files.exists(vet));
        assertTrue(err.toString().contains("roster holds no one"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }
}
