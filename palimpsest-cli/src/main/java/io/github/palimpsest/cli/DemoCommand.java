package io.github.palimpsest.cli;

import io.github.palimpsest.Entity;
import io.github.palimpsest.Link;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.normalise.Nicknames;
import io.github.palimpsest.pattern.Evidence;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.pattern.PlainWords;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import io.github.palimpsest.score.Explanation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: links the bundled, entirely fictional scenario (one file per force under
 * {@code io/github/palimpsest/demo/}) and prints each person seen by more than one force: their events in
 * date order and why the records were linked.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Link a small, entirely fictional scenario from four forces and explain the result."})
final class DemoCommand implements Callable<Integer> {

    /** The scenario's files, one per force, as bundled in the jar. */
    static final List<String> FILES = List.of("met.csv", "hampshire.csv", "herts.csv", "sussex.csv");
    /** Fixed, so the demo reads two-digit years and prints the same result on every day it is run. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 1, 1);
    static final long SEED = 42;

    @Spec
    CommandSpec spec;

    @Option(names = "--report", paramLabel = "REPORT.html",
            description = "Also write the result as a self-contained HTML page (see docs/report.md).")
    Path reportOut;

    @Override
    public Integer call() throws IOException {
        List<PersonRecord> records = readScenario();
        LinkResult result = link(records);
        print(spec.commandLine().getOut(), records, result);
        if (reportOut != null) {
            writeReport(reportOut, records, result);
        }
        return Main.EXIT_OK;
    }

    /** Writes the demo's HTML report: the model is the bundled one, the scenario being too small to train on. */
    static void writeReport(Path file, List<PersonRecord> records, LinkResult result) throws IOException {
        try (OutputFiles files = OutputFiles.builder(new picocli.CommandLine(new DemoCommand()))
                .output("--report", file).check()) {
            writeReport(files, file, records, result);
        }
    }

    private static void writeReport(OutputFiles files, Path file, List<PersonRecord> records, LinkResult result)
            throws IOException {
        int withProblems = (int) records.stream().filter(r -> !r.problems().isEmpty()).count();
        HtmlReport.write(files.open(file).writer(), HtmlReport.of(result, records),
                "Demo: a fictional scenario from four forces", withProblems,
                result.statistics().isModelTrained() ? HtmlReport.ModelSource.TRAINED
                        : HtmlReport.ModelSource.BUNDLED);
        files.commit();
    }

    /** The scenario's records, in file order. */
    static List<PersonRecord> readScenario() throws IOException {
        Path dir = Files.createTempDirectory("palimpsest-demo");
        try {
            List<Path> files = new ArrayList<>();
            for (String name : FILES) {
                Path file = dir.resolve(name);
                // The scenario is in the library's module, which opens its package to this one.
                try (InputStream in = Linker.class.getResourceAsStream("/io/github/palimpsest/demo/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("the demo file " + name + " is missing from the jar");
                    }
                    Files.copy(in, file);
                }
                files.add(file);
            }
            return RecordCsvReader.withReferenceDate(REFERENCE_DATE).readRecords(files);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Links the scenario with the library's defaults. Two dozen records are too few to train on, so the
     * linker uses its bundled default model (trained on generated fictional cross-force records) and no
     * term-frequency adjustment: see {@code Linker.Builder#minimumTrainingRecords}.
     */
    static LinkResult link(List<PersonRecord> records) {
        return linker().link(records);
    }

    private static Linker linker() {
        return Linker.builder().seed(SEED).build();
    }

    static void print(PrintWriter out, List<PersonRecord> records, LinkResult result) {
        Map<String, PersonRecord> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.recordId(), r));
        List<Entity> multiForce = result.entities().stream().filter(Entity::isSeenByMoreThanOneForce)
                .sorted(Comparator.comparing((Entity e) -> e.pattern().firstDate().orElse(LocalDate.MAX))
                        .thenComparing(Entity::id))
                .toList();
        out.printf(Locale.ROOT, "Palimpsest demo: %d fictional records from %d forces.%n", records.size(),
                records.stream().map(r -> r.force().canonical().orElse("")).distinct().count());
        out.printf(Locale.ROOT, "Linked into %d people; %d of them seen by more than one force.%n",
                result.entities().size(), multiForce.size());
        out.printf(Locale.ROOT, "Each person's records are listed in date order. Every record after the first says "
                + "which record it joined through and why,%nwith the probability that the two are the same person; "
                + "two records are linked when it is %.2f or more,%nor when it is below that but more likely than not "
                + "and the person's other records support it.%n%n", probability(result.thresholdWeight()));
        for (Entity person : multiForce) {
            out.printf(Locale.ROOT, "%s: %d records at %d forces, %s to %s%n", person.id(), person.size(),
                    person.forces().size(), date(person.pattern().firstDate()), date(person.pattern().lastDate()));
            List<PatternEvent> events = person.pattern().events();
            Set<String> members = Set.copyOf(person.recordIds());
            PersonChain chain = PersonChain.of(events, result.links().stream()
                    .filter(l -> members.contains(l.leftId()) && members.contains(l.rightId())).toList());
            for (int i = 0; i < events.size(); i++) {
                PatternEvent e = events.get(i);
                PersonRecord r = byId.get(e.recordId());
                out.printf(Locale.ROOT, "  %-10s  %-34s  %-10s  %-12s  %s%n", date(e.date()), e.forceName(),
                        e.eventType(), e.recordId(), name(r));
                Link link = chain.by()[i];
                if (link != null) {
                    out.printf(Locale.ROOT, "      joined through %s: %s (probability %s)%s%n",
                            events.get(chain.through()[i]).recordId(),
                            PlainWords.evidence(Evidence.strongest(link.explanation(), result.thresholdWeight())),
                            PlainWords.probability(link.probability()),
                            Evidence.supportNote(link, result.thresholdWeight())
                                    + (e.isNamePurged() ? "; linked without a name" : ""));
                }
            }
            out.println();
        }
        printLookAlikes(out, records, result);
        out.printf(Locale.ROOT, "%d pairs of records were linked; `link --links-out LINKS.csv` lists every link with "
                + "its full evidence, and `--report REPORT.html` draws it.%n", result.links().size());
        out.flush();
    }

    /**
     * Records of different people who share a surname and either a date of birth or a forename: the
     * look-alikes a careless linker would merge, with the evidence that kept them apart.
     */
    private static void printLookAlikes(PrintWriter out, List<PersonRecord> records, LinkResult result) {
        Linker linker = linker();
        List<String> shown = new ArrayList<>();
        out.println("Look-alikes kept apart:");
        for (int i = 0; i < records.size(); i++) {
            for (int j = i + 1; j < records.size(); j++) {
                PersonRecord a = records.get(i);
                PersonRecord b = records.get(j);
                String entityA = result.entityOf(a.recordId()).orElseThrow().id();
                String entityB = result.entityOf(b.recordId()).orElseThrow().id();
                String key = entityA.compareTo(entityB) < 0 ? entityA + entityB : entityB + entityA;
                if (entityA.equals(entityB) || shown.contains(key) || !lookAlike(a, b)) {
                    continue;
                }
                shown.add(key);
                Explanation why = linker.explain(a, b, result.model());
                String reason = why.totalWeight() >= result.thresholdWeight()
                        ? "enough to link, but kept apart because their identifiers (PNC, CRO or NI) differ"
                        : "too low to link";
                out.printf(Locale.ROOT, "  %s (%s) and %s (%s)%n      probability %s, %s; %s%n", a.recordId(),
                        name(a), b.recordId(), name(b), PlainWords.probability(why.probability()), reason,
                        against(why));
            }
        }
        out.println();
    }

    private static boolean lookAlike(PersonRecord a, PersonRecord b) {
        String surname = a.name().surname();
        boolean sameDob = a.dateOfBirth().date().isPresent() && a.dateOfBirth().date().equals(b.dateOfBirth().date());
        boolean sameForename = !a.name().forename().isEmpty() && (a.name().forename().equals(b.name().forename())
                || Nicknames.standard().areEquivalent(a.name().forename(), b.name().forename()));
        return !surname.isEmpty() && surname.equals(b.name().surname()) && (sameDob || sameForename);
    }

    /**
     * The comparisons that weigh against a pair, strongest first, in words, e.g. "looks like relatives of one
     * home (very strong), different phone numbers (strong)".
     */
    private static String against(Explanation why) {
        // The household class is evidence like any comparison's: it goes where its weight puts it.
        List<Map.Entry<String, Double>> parts = new ArrayList<>();
        for (Explanation.Row r : why.rows()) {
            if (r.weight() < 0) {
                parts.add(Map.entry(PlainWords.phrase(r.comparison(), r.level()), r.weight()));
            }
        }
        if (why.householdWeight() <= -0.005) { // shown to two decimals: a trace is no evidence
            parts.add(Map.entry(why.relativesApart() ? "looks like relatives living apart"
                    : "looks like relatives of one home", why.householdWeight()));
        }
        List<String> text = parts.stream().sorted(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + " (" + PlainWords.strength(e.getValue()).replace(" evidence against", "")
                        + ")").toList();
        return text.isEmpty() ? "no evidence against" : "evidence against: " + String.join(", ", text);
    }

    private static double probability(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }

    private static String date(Optional<LocalDate> date) {
        return date.map(LocalDate::toString).orElse("undated");
    }

    private static String name(PersonRecord r) {
        if (!r.hasName()) {
            return "(no name on record)";
        }
        String raw = r.rawFullName().isBlank() ? r.name().raw() : r.rawFullName();
        return raw.strip();
    }
}
