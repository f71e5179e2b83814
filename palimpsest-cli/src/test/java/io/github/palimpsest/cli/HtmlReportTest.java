package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.Link;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.LinkStatistics;
import io.github.palimpsest.pattern.Pattern;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report's contents and escaping; {@link HtmlReportBrowserTest} renders it in a browser. */
class HtmlReportTest {
    /** A name, event type and force that would break out of a script block or open a comment if unescaped. */
    static final String HOSTILE_CSV = "record_id,force,full_name,dob,sex,event_date,event_type\n"
            + "EV-</script>-1,MPS,\"MARLOWE</script><script>document.title='x'</script><!--, Stephen\",09/04/1968,M,"
            + "01/01/2020,<!-- arrest & </SCRIPT>\n"
            + "EV-2,MPS,\"Joan <b>Bold</b> & Co\",01/02/1970,F,02/02/2021,stop\n";

    @TempDir
    Path dir;

    /** The demo scenario plus {@link #HOSTILE_CSV}, linked as the demo links. */
    static LinkResultAndRecords hostileScenario(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : DemoCommand.FILES) {
            Path file = dir.resolve(name);
            try (InputStream in = HtmlReportTest.class.getResourceAsStream("/io/github/palimpsest/demo/" + name)) {
                Files.copy(in, file);
            }
            files.add(file);
        }
        Path hostile = dir.resolve("hostile.csv");
        Files.writeString(hostile, HOSTILE_CSV, StandardCharsets.UTF_8);
        files.add(hostile);
        List<PersonRecord> records = RecordCsvReader.withReferenceDate(DemoCommand.REFERENCE_DATE).readRecords(files);
        return new LinkResultAndRecords(DemoCommand.link(records), records);
    }

    record LinkResultAndRecords(LinkResult result, List<PersonRecord> records) {
    }

    static String report(LinkResultAndRecords run) throws IOException {
        StringWriter html = new StringWriter();
        HtmlReport.write(html, HtmlReport.of(run.result(), run.records()), "Test <title> & </script>", 1,
                HtmlReport.ModelSource.BUNDLED);
        return html.toString();
    }

    /** A fallback note as a run whose trained model failed the health check reports it, with a hostile tail. */
    static final String FALLBACK_NOTE = "training failed the health check (exact name and dob weigh against a "
            + "match); using the bundled default model, its prior scaled to 22 records </script><!--";

    /** The report of a run whose training fell back to the bundled model (its statistics carry the note). */
    static String fallbackReport() throws IOException {
        List<PersonRecord> records = DemoCommand.readScenario();
        HtmlReport.Source demo = HtmlReport.of(DemoCommand.link(records), records);
        LinkStatistics s = demo.statistics();
        LinkStatistics fallback = new LinkStatistics(s.records(), s.candidatePairs(), s.links(), s.people(),
                s.peopleSeenByMoreThanOneForce(), s.constraintRejections(), true, s.stageTimes(), FALLBACK_NOTE);
        HtmlReport.Source source = new HtmlReport.Source() {
            @Override
            public int recordCount() {
                return demo.recordCount();
            }

            @Override
            public HtmlReport.Row row(int record) {
                return demo.row(record);
            }

            @Override
            public int entityCount() {
                return demo.entityCount();
            }

            @Override
            public String entityId(int entity) {
                return demo.entityId(entity);
            }

            @Override
            public int[] members(int entity) {
                return demo.members(entity);
            }

            @Override
            public boolean isSeenByMoreThanOneForce(int entity) {
                return demo.isSeenByMoreThanOneForce(entity);
            }

            @Override
            public Pattern pattern(int entity) {
                return demo.pattern(entity);
            }

            @Override
            public List<Link> linksWithin(int entity) {
                return demo.linksWithin(entity);
            }

            @Override
            public LinkStatistics statistics() {
                return fallback;
            }

            @Override
            public double thresholdWeight() {
                return demo.thresholdWeight();
            }
        };
        StringWriter html = new StringWriter();
        HtmlReport.write(html, source, "Fallback", 0, HtmlReport.ModelSource.TRAINED);
        return html.toString();
    }

    @Test
    void aTrainingFallbackIsEmbeddedSoThePageDoesNotClaimTheModelWasTrainedOnTheRecords() throws IOException {
        String html = fallbackReport();
        assertTrue(html.contains("\"model\":\"trained\",\"modelNote\":\"training failed the health check (exact "
                + "name and dob weigh against a match); using the bundled default model, its prior scaled to 22 records "
                + "\\u003c/script\\u003e\\u003c!--\""), "the note, escaped");
        assertEquals(0, count(html, "<!--"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static String template() throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream("/io/github/palimpsest/report/report.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void jsonStringsEscapeEverythingThatCouldEndTheScriptBlock() {
        StringBuilder s = new StringBuilder();
        HtmlReport.json(s, "a\"b\\c\n</script><!--&\u2028\u0001é");
        assertEquals("\"a\\\"b\\\\c\\n\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u0001é\"", s.toString());
    }

    @Test
    void noValueCanCloseTheScriptBlockOrOpenAComment() throws IOException {
        String html = report(hostileScenario(dir));
        String template = template();
        assertEquals(count(template.toLowerCase(), "</script"), count(html.toLowerCase(), "</script"),
                "only the template's own script blocks close");
        assertEquals(count(template, "<!--"), count(html, "<!--"));
        assertEquals(0, count(html, "<!--"));
        assertTrue(html.contains("MARLOWE\\u003c/script\\u003e\\u003cscript\\u003edocument.title='x'"), "escaped");
        assertTrue(html.contains("Joan \\u003cb\\u003eBold\\u003c/b\\u003e \\u0026 Co"));
        assertFalse(html.contains("<b>Bold"));
    }

    @Test
    void theDemoReportEmbedsEveryRecordEachPersonsChainAndNothingFromTheNetwork() throws IOException {
        List<PersonRecord> records = DemoCommand.readScenario();
        LinkResult result = DemoCommand.link(records);
        Path file = dir.resolve("report.html");
        DemoCommand.writeReport(file, records, result);
        String html = Files.readString(file);
        String data = html.substring(html.indexOf("{\"meta\":"), html.indexOf("</script>", html.indexOf("{\"meta\":")));
        for (PersonRecord r : records) {
            assertEquals(1, count(data, "[\"" + r.recordId() + "\","), r.recordId() + " once in the records");
        }
        String marlowe = result.entityOf("MPS-02-0147").orElseThrow().id();
        assertTrue(data.contains("\"" + marlowe + "\""), marlowe);
        assertTrue(data.contains("\"model\":\"bundled\""), "the demo is too small to train on");
        assertTrue(data.contains("\"modelNote\":\"22 records are fewer than"), "and the run's note says so");
        assertTrue(data.contains("\"records\":22,"));
        assertTrue(data.contains("\"multiForce\":6,"));
        assertTrue(data.contains("\"threshold\":0.95"));
        assertTrue(data.contains("\"pnc_id\"") && data.contains("\"equal\""), "explanation rows");
        assertEquals(1, count(html, "<script type=\"application/json\""), "the data is embedded once");
        assertFalse(html.contains("https://"), "nothing is fetched");
        assertEquals(count(html, "http://"), count(html, "http://www.w3.org/2000/svg"), "only the SVG namespace");
        assertFalse(html.contains(" src="), "no external script or image");
    }

    @Test
    void linkWritesTheReportAndRefusesItWhenLinkingThroughTokens() throws IOException {
        List<String> args = new ArrayList<>(List.of("link"));
        for (String name : DemoCommand.FILES) {
            Path file = dir.resolve(name);
            try (InputStream in = getClass().getResourceAsStream("/io/github/palimpsest/demo/" + name)) {
                Files.copy(in, file);
            }
            args.add(file.toString());
        }
        Path report = dir.resolve("out/report.html");
        args.addAll(List.of("--clusters-out", dir.resolve("c.csv").toString(), "--report", report.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new)),
                err.toString());
        String html = Files.readString(report);
        assertTrue(html.contains("[\"MPS-06-0932\",\"\","), "a purged record has no name");
        assertTrue(html.contains("\"Stephen J Marlowe\""), "names are the folded names, capitalised");
        assertTrue(html.contains("\"title\":\"Linked met.csv, hampshire.csv, herts.csv, sussex.csv\""));

        List<String> tokens = new ArrayList<>(args);
        tokens.addAll(List.of("--key-file", dir.resolve("key").toString()));
        StringWriter err2 = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err2),
                tokens.toArray(String[]::new)));
        assertTrue(err2.toString().contains("--report needs plain-text records"), err2.toString());
    }
}
