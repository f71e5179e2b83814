package io.github.palimpsest.cli;

import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.internal.Decimals;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import io.github.palimpsest.vet.VetMatch;
import io.github.palimpsest.vet.VetResult;
import io.github.palimpsest.vet.Vetting;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code vet --roster ROSTER.csv RECORDS.csv... --out VET.csv [--report VET.html]}: checks a roster of officers and staff against
 * every force's records (see {@link Vetting}). One output row per roster member and record of their person.
 */
@Command(name = "vet", mixinStandardHelpOptions = true,
        description = {"Check a roster of officers and staff against force records.",
                "Writes, for each roster member, every record of the person they are, with how each record joined "
                        + "(directly, or through which record); prints a short summary."})
final class VetCommand implements Callable<Integer> {

    static final List<String> COLUMNS = List.of("roster_id", "record_id", "force_code", "force_name", "event_date",
            "event_type", "match_probability", "joined", "joined_through", "evidence");

    @Spec
    CommandSpec spec;

    @Option(names = "--roster", required = true, paramLabel = "ROSTER.csv",
            description = "The roster in the canonical schema; its record_id is the staff number.")
    Path roster;

    @Parameters(arity = "1..*", paramLabel = "RECORDS.csv",
            description = "Force record files in the canonical schema, read as one pool.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "VET.csv",
            description = "roster_id,record_id,... for every record found; '-' for standard output.")
    Path out;

    @Option(names = "--report", paramLabel = "VET.html",
            description = "Also write the vetting run as a self-contained HTML page: each person's timeline across "
                    + "forces, roster members among their records (see docs/report.md).")
    Path reportOut;

    @Option(names = "--threshold", defaultValue = "0.95", paramLabel = "P",
            description = "Match probability at or above which a pair is linked, in (0, 1) (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--model", paramLabel = "M.json",
            description = "Score with this trained model instead of training on the roster and records.")
    Path modelIn;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Seed for sampling while training (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        LinkCommand.checkThreshold(spec.commandLine(), threshold);
        int workers = LinkCommand.workers(spec.commandLine(), threads);
        try (OutputFiles files = OutputFiles.builder(spec.commandLine()).input("--roster", roster).inputs(inputs)
                .input("--model", modelIn).output("--out", out).output("--report", reportOut).check()) {
            List<PersonRecord> members = RecordCsvReader.create().readRecords(List.of(roster));
            if (members.isEmpty()) {
                throw new CliInputException(roster + ": the roster holds no one");
            }
            List<PersonRecord> records = RecordCsvReader.create().readRecords(inputs);
            Linker.Builder linker = Linker.builder().thresholdProbability(threshold).seed(seed)
                    .threads(workers);
            if (modelIn != null) {
                linker.model(LinkCommand.loadModel(modelIn));
            }
            VetResult result;
            try {
                result = Vetting.vet(members, records, linker.build());
            } catch (IllegalArgumentException e) {
                throw new CliInputException(e.getMessage(), e);
            }
            write(files, result);
            if (reportOut != null) {
                writeReport(files, result.linkResult().orElseThrow());
            }
            files.commit();
            printSummary(files.summary(), result);
            return Main.EXIT_OK;
        }
    }

    private void write(OutputFiles files, VetResult result) throws IOException {
        CSVPrinter csv = Csv.printer(files.open(out).writer(), COLUMNS);
        for (VetMatch m : result.matches()) {
            PersonRecord r = m.record();
            csv.printRecord(m.rosterId(), r.recordId(), r.force().canonical().orElse(""),
                    r.force().force().map(f -> f.name()).orElse(r.force().raw().strip()),
                    r.eventDate().date().map(Object::toString).orElse(""), r.eventType(),
                    Decimals.fixed(m.probability(), 6), m.isDirect() ? "directly" : "through",
                    m.joinedThrough().orElse(""), m.evidence());
        }
        // Flushed, not closed: the file is committed by OutputFiles.
        csv.flush();
    }

    private void writeReport(OutputFiles files, LinkResult linked) throws IOException {
        List<PersonRecord> pooled = new ArrayList<>();
        linked.entities().forEach(e -> pooled.addAll(e.records()));
        int withProblems = (int) pooled.stream().filter(r -> !r.problems().isEmpty()).count();
        HtmlReport.write(files.open(reportOut).writer(), HtmlReport.of(linked, pooled),
                "Vetting " + roster.getFileName() + " against " + String.join(", ",
                        inputs.stream().map(p -> String.valueOf(p.getFileName())).toList()), withProblems,
                linked.statistics().isModelTrained() ? HtmlReport.ModelSource.TRAINED
                        : modelIn != null ? HtmlReport.ModelSource.SUPPLIED : HtmlReport.ModelSource.BUNDLED);
    }

    static void printSummary(PrintWriter out, VetResult result) {
        long direct = result.matches().stream().filter(VetMatch::isDirect).count();
        out.printf(Locale.ROOT, "roster members: %d%n", result.rosterSize());
        out.printf(Locale.ROOT, "members with records: %d%n", result.membersWithRecords());
        out.printf(Locale.ROOT, "members without records: %d%n", result.membersWithoutRecords().size());
        out.printf(Locale.ROOT, "records found: %d (%d linked to the member directly, %d through another record)%n",
                result.matches().size(), direct, result.matches().size() - direct);
        if (!result.recordsFoundForSeveralMembers().isEmpty()) {
            out.printf(Locale.ROOT, "records found for more than one member: %d (check these by hand)%n",
                    result.recordsFoundForSeveralMembers().size());
        }
        out.flush();
    }
}
