package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.palimpsest.Link;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.review.ReviewDecisions;
import io.github.palimpsest.synthetic.SyntheticForces;
import java.time.LocalDate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report in headless Chromium ({@code --dump-dom}) and checks the page the script built: the
 * demo's Stephen Marlowe with his five records in date order, the two purged ones shown as purged, and no
 * script error (the page's {@code window.onerror} writes a {@code <p class="script-error">} into the DOM).
 * Skips when {@code /usr/bin/chromium} is absent; CI installs it (see .ci/run).
 */
class HtmlReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    /** The DOM Chromium renders from the file, after its scripts have run. */
    private String render(Path html) throws IOException, InterruptedException {
        return render(html, "");
    }

    /** As {@link #render(Path)}, opening the page at {@code #fragment} (a record or person to select). */
    private String render(Path html, String fragment) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": the browser test skips");
        Path dom = dir.resolve("dom.html");
        Path log = dir.resolve("chromium.log");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", html.toUri() + (fragment.isEmpty() ? "" : "#" + fragment))
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        // A guard against a hung browser, not a timing assertion.
        if (!chromium.waitFor(180, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("Chromium did not finish: " + Files.readString(log));
        }
        assertEquals(0, chromium.exitValue(), Files.readString(log));
        String text = Files.readString(dom, StandardCharsets.UTF_8);
        assertTrue(text.contains("data-rendered=\"yes\""), "the page's script ran to its end");
        assertFalse(text.contains("<p class=\"script-error\">"), () -> "script error: " + text.substring(
                text.indexOf("<p class=\"script-error\">")));
        return text;
    }

    /** The section the page rendered for one person (the first one, in the people list). */
    private static String card(String dom, String entityId) {
        int start = dom.indexOf("data-person=\"" + entityId + "\"");
        assertTrue(start >= 0, "a card for " + entityId);
        int end = dom.indexOf("data-person=", start + 20);
        return dom.substring(start, end < 0 ? dom.length() : end);
    }

    @Test
    void theDemoReportShowsTheOfficersRecordsInDateOrderWithThePurgedOnesAsPurged() throws Exception {
        List<PersonRecord> records = DemoCommand.readScenario();
        LinkResult result = DemoCommand.link(records);
        Path html = dir.resolve("demo report.html");
        DemoCommand.writeReport(html, records, result);
        String dom = render(html);

        String marlowe = card(dom, result.entityOf("MPS-02-0147").orElseThrow().id());
        Matcher rows = Pattern.compile("<tr class=\"event( purged)?\" data-record=\"([^\"]+)\"").matcher(marlowe);
        List<String> order = new ArrayList<>();
        List<String> purged = new ArrayList<>();
        while (rows.find()) {
            order.add(rows.group(2));
            if (rows.group(1) != null) {
                purged.add(rows.group(2));
            }
        }
        assertEquals(List.of("MPS-02-0147", "MPS-06-0932", "HC-16-5521", "HT-19-0077", "SX-21-3309"), order);
        assertEquals(List.of("MPS-06-0932", "SX-21-3309"), purged);
        assertEquals(2, count(marlowe, "class=\"mark purged-mark\""), "two purged marks on the timeline");
        assertEquals(3, count(marlowe, "class=\"mark\""), "three named marks");
        assertTrue(marlowe.contains("<svg") && marlowe.contains("class=\"timeline\""), "an inline SVG timeline");
        assertTrue(marlowe.contains("class=\"waterfall\""), "evidence waterfalls");
        // The chain is a spanning tree walked from the earliest record: each later record joined through one.
        for (String later : List.of("MPS-06-0932", "HC-16-5521", "HT-19-0077", "SX-21-3309")) {
            assertTrue(marlowe.contains("<li><b>" + later + "</b> joined through <b>"), later);
        }
        assertEquals(4, count(marlowe, " joined through "), "five records, four links");
        assertTrue(marlowe.contains("date of birth with day and month swapped"), "the Herts record's swapped dob");
        assertTrue(marlowe.contains("times more likely"), "evidence in plain words");
        assertTrue(marlowe.contains("linked without a name"));
        assertTrue(marlowe.contains("mainly on same PNC ID"), "the linked-by evidence in words");
        // Every record appears in the searchable list (first page holds all 22).
        for (PersonRecord r : records) {
            assertTrue(dom.contains("<td>" + r.recordId() + "</td>"), r.recordId());
        }
    }

    @Test
    void hostileValuesRenderAsTextAndBreakNothing() throws Exception {
        Path html = dir.resolve("hostile.html");
        Files.writeString(html, HtmlReportTest.report(HtmlReportTest.hostileScenario(dir)), StandardCharsets.UTF_8);
        String dom = render(html);
        assertTrue(dom.contains("MARLOWE&lt;/script&gt;&lt;script&gt;document.title='x'&lt;/script&gt;&lt;!--, Stephen"),
                "the name is shown as text");
        assertTrue(dom.contains("Joan &lt;b&gt;Bold&lt;/b&gt; &amp; Co"));
        assertTrue(dom.contains("<title>Palimpsest linking report</title>"), "no injected script ran");
        assertTrue(dom.contains("Test &lt;title&gt; &amp; &lt;/script&gt;"), "the title too");
    }

    @Test
    void aTrainingFallbackIsShownAsAWarningNotAsAModelTrainedOnTheRecords() throws Exception {
        Path html = dir.resolve("fallback.html");
        Files.writeString(html, HtmlReportTest.fallbackReport(), StandardCharsets.UTF_8);
        String dom = render(html);
        // The overview's explanation as rendered (the DOM also holds the script's own text).
        int start = dom.indexOf("<div class=\"note\" id=\"explain\">");
        assertTrue(start >= 0, "the overview's explanation");
        String explain = dom.substring(start, dom.indexOf("</div>", start));
        assertTrue(explain.contains("<p class=\"model-note warn\">Model check: "), "a highlighted model check");
        assertTrue(explain.contains("using the bundled default model, its prior scaled to 22 records "
                + "&lt;/script&gt;&lt;!--."), "the run's note, as text");
        assertFalse(explain.contains("The model was trained on these records themselves"),
                "no claim that the model used was learnt from these records");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void linksMadeAndBrokenByReviewDecisionsAreShownAsSuch() throws Exception {
        List<PersonRecord> records = DemoCommand.readScenario();
        LinkResult plain = DemoCommand.link(records);
        // The first two singletons of the demo, joined by a match; Marlowe's first and last record, parted.
        List<String> alone = plain.entities().stream().filter(e -> e.recordIds().size() == 1)
                .map(e -> e.recordIds().get(0)).limit(2).toList();
        ReviewDecisions decisions = ReviewDecisions.of(List.of(ReviewDecision.match(alone.get(0), alone.get(1)),
                ReviewDecision.nonMatch("MPS-02-0147", "SX-21-3309")));
        LinkResult result = Linker.builder().seed(DemoCommand.SEED).decisions(decisions).build().link(records);
        Path html = dir.resolve("decided.html");
        DemoCommand.writeReport(html, records, result);

        String dom = render(html);

        String joined = card(dom, result.entityOf(alone.get(0)).orElseThrow().id());
        assertTrue(joined.contains("joined by a review decision (match)"), joined);
        String parted = card(dom, result.entityOf("MPS-02-0147").orElseThrow().id());
        assertTrue(parted.contains("Kept apart by review decisions"), parted);
        assertTrue(parted.contains("non-match") || parted.contains("kept apart by a non-match"), parted);
    }

    @Test
    void aRecordJoinedThroughASupportedLinkIsTaggedAsSuch() throws Exception {
        LocalDate today = LocalDate.of(2026, 1, 1);
        List<PersonRecord> records = SyntheticForces.builder().people(400).seed(11).referenceDate(today).build()
                .generate().records().stream().map(r -> r.toPersonRecord(today)).toList();
        LinkResult result = Linker.builder().seed(1).build().link(records);
        Link supported = result.links().stream().filter(l -> l.matchWeight() < result.thresholdWeight())
                .findFirst().orElseThrow(() -> new AssertionError("no supported link in the generated pool"));
        String entity = result.entityOf(supported.leftId()).orElseThrow().id();
        Path html = dir.resolve("supported.html");
        DemoCommand.writeReport(html, records, result);
        // The page opened at the person: their card is selected and shown.
        String card = card(render(html, entity), entity);
        assertTrue(card.contains("supported by the person's other records"), card);
        String strong = result.entities().stream().filter(e -> e.recordIds().size() > 1)
                .filter(e -> result.links().stream().filter(l -> e.recordIds().contains(l.leftId()))
                        .allMatch(l -> l.matchWeight() >= result.thresholdWeight()))
                .findFirst().orElseThrow().id();
        assertFalse(card(render(html, strong), strong).contains("supported by the person's other records"),
                "only a person with a supported link has the tag");
    }
}
