package io.github.palimpsest.cli;

import io.github.palimpsest.CompactLinkResult;
import io.github.palimpsest.Link;
import io.github.palimpsest.LinkStatistics;
import io.github.palimpsest.Linker;
import io.github.palimpsest.internal.Decimals;
import io.github.palimpsest.pattern.Evidence;
import io.github.palimpsest.pattern.Pattern;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.pattern.PlainWords;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.Problem;
import io.github.palimpsest.record.RecordCsvReader;
import io.github.palimpsest.review.ContradictoryDecisionsException;
import io.github.palimpsest.review.DecisionsFormatException;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.review.ReviewDecisions;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.ModelFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code link INPUT.csv... --clusters-out CLUSTERS.csv [--links-out LINKS.csv] [--patterns-out PATTERNS.csv]
 * [--problems-out PROBLEMS.csv] [--threshold P] [--model M.json] [--save-model M.json] [--seed N] [--threads N]
 * [--decisions DECISIONS.csv] [--review-out REVIEW.csv] [--review-threshold P]}:
 * the contract of issue 3. {@code --decisions} applies a reviewer's match and non-match decisions and
 * {@code --review-out} writes the pairs to review (issue 19; docs/review.md). The summary counts the records with problems (a wrong number of fields, an invalid
 * date of birth, a bad check letter...), which are linked with those values as missing; {@code --problems-out}
 * lists each problem with its file and line.
 * With {@code --key-file KEY}, or when an input is a token file made by {@code tokenise}, the inputs are linked
 * through tokens alone instead (see {@link TokenLinking}), optionally {@code --one-to-one} across inputs.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Link records from several forces into people.",
                "Writes each record's entity id, and optionally the links with their evidence and each person's "
                        + "pattern of events; prints a short summary."})
final class LinkCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(LinkCommand.class);

    static final List<String> CLUSTER_COLUMNS = List.of("record_id", "entity_id");
    static final List<String> LINK_COLUMNS =
            List.of("left_id", "right_id", "match_weight", "match_probability", "evidence");
    static final List<String> LINK_COLUMNS_WITH_DECISION =
            List.of("left_id", "right_id", "match_weight", "match_probability", "evidence", "decision");
    static final List<String> PATTERN_COLUMNS = List.of("entity_id", "event_date", "force_code", "force_name",
            "event_type", "record_id", "name", "joined_through", "linked_by", "linked_by_words");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT.csv",
            description = "Record files in the canonical schema, linked as one pool.")
    List<Path> inputs;

    @Option(names = "--clusters-out", required = true, paramLabel = "CLUSTERS.csv",
            description = "record_id,entity_id for every input record.")
    Path clustersOut;

    @Option(names = "--links-out", paramLabel = "LINKS.csv",
            description = "Every link with its evidence: each scored pair at or above the threshold, and each "
                    + "pair below it that joined a record to a person whose other records support it.")
    Path linksOut;

    @Option(names = "--patterns-out", paramLabel = "PATTERNS.csv",
            description = "Each person's events in date order, with how each record was linked.")
    Path patternsOut;

    @Option(names = "--problems-out", paramLabel = "PROBLEMS.csv",
            description = "file,line,record_id,field,problem for every problem found in the input, in input order.")
    Path problemsOut;

    @Option(names = "--report", paramLabel = "REPORT.html",
            description = "A self-contained HTML page explaining the result: each person's timeline and why their "
                    + "records were linked (see docs/report.md).")
    Path reportOut;

    @Option(names = "--decisions", paramLabel = "DECISIONS.csv",
            description = {"A reviewer's decisions to honour: record_id_a,record_id_b,decision (match or non-match; "
                    + "optional reviewer, reason, decided_at). A match joins the two records; a non-match keeps them "
                    + "apart even through chains of other links (see docs/review.md)."})
    Path decisionsIn;

    @Option(names = "--review-out", paramLabel = "REVIEW.csv",
            description = {"The pairs a person should look at, most uncertain first: links a constraint refused, "
                    + "then pairs scored between --review-threshold and --threshold, with their evidence in words. "
                    + "Fill in the decision column and give the file back as --decisions."})
    Path reviewOut;

    @Option(names = "--review-threshold", paramLabel = "P",
            description = {"The lowest match probability a pair needs to go to --review-out, below --threshold "
                    + "(default: odds 19 times lower than the threshold's, 0.5 for the default threshold 0.95)."})
    Double reviewThreshold;

    @Option(names = "--threshold", defaultValue = "0.95", paramLabel = "P",
            description = "Match probability at or above which a pair is linked, in (0, 1) (default ${DEFAULT-VALUE}). "
                    + "A pair below it but more likely than not also links a lone record to a person whose other "
                    + "records support it (docs/blocking-and-clustering.md).")
    double threshold;

    @Option(names = "--model", paramLabel = "M.json",
            description = "Score with this trained model instead of training on the input.")
    Path modelIn;

    @Option(names = "--save-model", paramLabel = "M.json", description = "Save the model used.")
    Path modelOut;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N",
            description = "Seed for sampling while training (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--key-file", paramLabel = "KEY",
            description = {"Link through tokens alone: token files (made by 'tokenise' under this key) and "
                    + "plain-text files, which are tokenised under it first. Outputs name records by input file "
                    + "and reference (a token row's reference, a plain record's record id)."})
    Path keyFile;

    @Option(names = "--one-to-one",
            description = "With --key-file: link each record to at most one record of each other input file.")
    boolean oneToOne;

    @Override
    public Integer call() throws IOException {
        checkThreshold(spec.commandLine(), threshold);
        int workers = workers(spec.commandLine(), threads);
        double reviewProbability = reviewProbability();
        try (OutputFiles files = OutputFiles.builder(spec.commandLine()).inputs(inputs).input("--model", modelIn)
                .input("--key-file", keyFile).input("--decisions", decisionsIn)
                .output("--clusters-out", clustersOut).output("--links-out", linksOut)
                .output("--patterns-out", patternsOut).output("--problems-out", problemsOut)
                .output("--save-model", modelOut).output("--report", reportOut)
                .output("--review-out", reviewOut).check()) {
            this.reviewProbability = reviewProbability;
            return link(files, workers);
        }
    }

    private int link(OutputFiles files, int workers) throws IOException {
        Path tokenFile = inputs.stream().filter(TokenLinking::isTokenFile).findFirst().orElse(null);
        if (keyFile != null || tokenFile != null) {
            if (keyFile == null) {
                throw new CliInputException(tokenFile + " is a token file (made by 'tokenise'): pass --key-file "
                        + "with the key it was made under to link it");
            }
            if (patternsOut != null || problemsOut != null || reportOut != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), (patternsOut != null
                        ? "--patterns-out" : problemsOut != null ? "--problems-out" : "--report") + " needs plain-text records; it is not available "
                        + "when linking through tokens (--key-file)");
            }
            if (decisionsIn != null || reviewOut != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), (decisionsIn != null ? "--decisions"
                        : "--review-out") + " needs plain-text records; it is not available when linking through "
                        + "tokens (--key-file)");
            }
            return TokenLinking.run(this, files, keyFile, oneToOne, modelIn == null ? null : loadModel(modelIn),
                    workers);
        }
        if (oneToOne) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--one-to-one links through tokens: give --key-file");
        }
        // Decisions are read and checked before the records: a contradiction stops the run before any work.
        ReviewDecisions decisions = readDecisions();
        TerminalProgress progress = System.console() == null ? null
                : new TerminalProgress(spec.commandLine().getErr());
        try {
            // Records are read straight into their comparable form: a million person records would not fit.
            ComparableRecordFactory factory = ComparableRecordFactory.create();
            List<ComparableRecord> records = new ArrayList<>();
            ProblemReport problems = timed(progress, "read", () -> {
                // Problems are found on the read workers while each record is hot: on the batch path nothing
                // else would ask for them, and bad input must never pass silently. Their details are kept only
                // for --problems-out, so that a large pool with many flawed rows holds no more than a count.
                boolean keepDetails = problemsOut != null;
                List<ReadRow> read = RecordCsvReader.create().readRecords(inputs,
                        (file, line, record) -> readRow(factory, file, line, record, keepDetails), workers);
                int withProblems = 0;
                List<RowProblems> details = new ArrayList<>();
                for (ReadRow row : read) {
                    records.add(row.record());
                    if (row.hasProblems()) {
                        withProblems++;
                        if (keepDetails) {
                            details.add(row.details());
                        }
                    }
                }
                return new Timed<>(new ProblemReport(read.size(), withProblems, details), String.format(Locale.ROOT,
                        "%,d records, %,d with problems", read.size(), withProblems));
            });
            Linker linker = linker(records.size(), workers, progress, decisions);
            CompactLinkResult result = linker.linkComparable(records);
            timed(progress, "write", () -> {
                writeOutputs(files, result, problems, workers);
                return new Timed<>(null, "outputs written");
            });
            PrintWriter out = files.summary();
            printRecordCounts(out, problems.recordsRead(), result.recordCount());
            printSummary(out, result.statistics());
            printProblemCount(out, problems.recordsWithProblems(), problemsOut);
            if (decisionsIn != null) {
                printDecisions(out, decisions, result);
            }
            if (reviewOut != null) {
                out.printf(Locale.ROOT, "pairs to review: %d (in %s)%n", result.reviewPairs().size(),
                        OutputFiles.describe(reviewOut));
                out.flush();
            }
            return Main.EXIT_OK;
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
    }

    /** Refuses a {@code --threshold} that is not a probability strictly between 0 and 1 (exit 2). */
    static void checkThreshold(CommandLine cli, double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new CommandLine.ParameterException(cli, "--threshold must be a probability in (0, 1), got " + threshold);
        }
    }

    /** The worker threads for {@code --threads} (one per core when absent), refusing absurd counts (exit 2). */
    static int workers(CommandLine cli, Integer threads) {
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(cli, "--threads must be at least 1, got " + threads);
        }
        int processors = Runtime.getRuntime().availableProcessors();
        if (threads != null && threads > maxThreads(processors)) {
            // Each worker holds its own buffers: far more workers than cores only costs memory.
            throw new CommandLine.ParameterException(cli, "--threads " + threads + " is too many: "
                    + "this machine has " + processors + " processor(s); give at most " + maxThreads(processors));
        }
        return threads != null ? threads : processors;
    }

    /** The most worker threads accepted: four per processor, and at least 16. */
    static int maxThreads(int processors) {
        return Math.max(16, 4 * processors);
    }

    /** A record read for linking, whether it has problems, and (if kept) them with where it was read, else null. */
    private record ReadRow(ComparableRecord record, boolean hasProblems, RowProblems details) {
    }

    private static ReadRow readRow(ComparableRecordFactory factory, Path file, long line, PersonRecord record,
            boolean keepDetails) {
        List<Problem> found = record.problems();
        RowProblems details = keepDetails && !found.isEmpty()
                ? new RowProblems(file, line, record.recordId(), found) : null;
        return new ReadRow(factory.of(record), !found.isEmpty(), details);
    }

    /** A stage's value and its one-line summary. */
    private record Timed<T>(T value, String summary) {
    }

    @FunctionalInterface
    private interface Stage<T> {
        Timed<T> run() throws IOException;
    }

    private static <T> T timed(TerminalProgress progress, String name, Stage<T> stage) throws IOException {
        if (progress != null) {
            progress.stageStarted(name);
        }
        long started = System.nanoTime();
        Timed<T> done = stage.run();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("{}: {} in {} ms", name, done.summary(), elapsed.toMillis());
        if (progress != null) {
            progress.stageFinished(name, elapsed, done.summary());
        }
        return done.value();
    }

    /** The review threshold in effect, or NaN without --review-out. */
    private double reviewProbability = Double.NaN;

    /**
     * The review threshold: the one given, else the probability whose odds are 19 times lower than the
     * threshold's (a factor that takes the default threshold 0.95 to even odds, 0.5).
     */
    private double reviewProbability() {
        if (reviewThreshold == null) {
            double odds = threshold / (1 - threshold) / 19;
            return odds / (1 + odds);
        }
        if (!(reviewThreshold > 0 && reviewThreshold < threshold)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--review-threshold must be a probability "
                    + "above 0 and below --threshold " + threshold + ", got " + reviewThreshold);
        }
        if (reviewOut == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--review-threshold chooses the pairs of --review-out: give --review-out REVIEW.csv too");
        }
        return reviewThreshold;
    }

    private ReviewDecisions readDecisions() {
        if (decisionsIn == null) {
            return ReviewDecisions.none();
        }
        try {
            return ReviewDecisions.read(decisionsIn);
        } catch (NoSuchFileException e) {
            throw new CliInputException(decisionsIn + ": no such file", e);
        } catch (DecisionsFormatException e) {
            throw new CliInputException(e.getMessage(), e);
        } catch (ContradictoryDecisionsException e) {
            throw new CliInputException("contradictory review decisions: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliInputException(decisionsIn + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The decisions applied, and a warning line for each that names a record not in the input. */
    private void printDecisions(PrintWriter out, ReviewDecisions decisions, CompactLinkResult result) {
        List<ReviewDecision> unknown = result.unknownDecisions();
        long matches = decisions.decisions().stream().filter(d -> !unknown.contains(d) && d.isMatch()).count();
        long nonMatches = decisions.size() - unknown.size() - matches;
        out.printf(Locale.ROOT, "review decisions: %d applied (%d matches, %d non-matches), %d undecided rows skipped, "
                + "%d on unknown record ids%n", matches + nonMatches, matches, nonMatches, decisions.undecidedRows(),
                unknown.size());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (ReviewDecision d : unknown) {
            err.printf(Locale.ROOT, "warning: %s names a record id that is not among the input records; the "
                    + "decision is ignored%n", d.describe());
        }
        err.flush();
    }

    private Linker linker(int recordCount, int workers, TerminalProgress progress, ReviewDecisions decisions) {
        Linker.Builder builder = Linker.builder().thresholdProbability(threshold).seed(seed).threads(workers)
                .decisions(decisions);
        if (reviewOut != null) {
            builder.reviewThresholdProbability(reviewProbability);
        }
        if (progress != null) {
            builder.stageListener(progress);
        }
        if (modelIn != null) {
            builder.model(loadModel(modelIn));
        } else if (recordCount < 2) {
            throw new CliInputException("training a model needs at least two records, but the input holds "
                    + recordCount + "; pass a trained model with --model");
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new CliInputException(modelIn + ": " + e.getMessage(), e);
        }
    }

    /** Loads a saved model, a missing or malformed file being bad input (exit 1) naming the file. */
    static MatchModel loadModel(Path file) {
        try {
            return MatchModel.load(file);
        } catch (NoSuchFileException e) {
            throw new CliInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new CliInputException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (ModelFormatException e) {
            throw new CliInputException(e.getMessage(), e);
        }
    }

    /**
     * Writes every output to a temporary file first, and moves them into place only when all are complete.
     * Rows are formatted in blocks on all workers and written in order.
     */
    private void writeOutputs(OutputFiles files, CompactLinkResult result, ProblemReport problems, int workers)
            throws IOException {
        // Printers are flushed, not closed: closing would close the file before AtomicOutput commits it.
        Writer clustersFile = files.open(clustersOut).writer();
        Csv.printer(clustersFile, CLUSTER_COLUMNS).flush();
        ParallelCsvWriter.write(clustersFile, result.recordCount(), workers,
                (r, csv) -> csv.printRecord(result.record(r).recordId(), result.entityIdOf(r)));
        if (linksOut != null) {
            Writer linksFile = files.open(linksOut).writer();
            // With decisions, a last column says which links a decision made or broke; without, nothing changes.
            boolean decided = decisionsIn != null;
            Csv.printer(linksFile, decided ? LINK_COLUMNS_WITH_DECISION : LINK_COLUMNS).flush();
            ParallelCsvWriter.write(linksFile, result.linkCount(), workers, (k, csv) -> {
                Link link = result.link(k);
                if (decided) {
                    csv.printRecord(link.leftId(), link.rightId(), Decimals.fixed(link.matchWeight(), 4),
                            Decimals.fixed(link.probability(), 6), link.evidence(), link.decision().text());
                } else {
                    csv.printRecord(link.leftId(), link.rightId(), Decimals.fixed(link.matchWeight(), 4),
                            Decimals.fixed(link.probability(), 6), link.evidence());
                }
            });
        }
        if (reviewOut != null) {
            ReviewCsv.write(files.open(reviewOut).writer(), result.reviewPairs(), threshold);
        }
        if (patternsOut != null) {
            Writer patternsFile = files.open(patternsOut).writer();
            Csv.printer(patternsFile, PATTERN_COLUMNS).flush();
            // Each person's chain (PersonChain), as the report and the demo show it: the name, the record each
            // record joined through and the evidence of that link, in the model's terms and in words.
            HtmlReport.Source people = HtmlReport.of(result);
            ParallelCsvWriter.write(patternsFile, result.entityCount(), workers, (e, csv) -> {
                Pattern pattern = result.pattern(e);
                List<PatternEvent> events = pattern.events();
                PersonChain chain = PersonChain.of(events, people.linksWithin(e));
                java.util.Map<String, Integer> rowOf = new java.util.HashMap<>();
                for (int r : result.members(e)) {
                    rowOf.put(result.record(r).recordId(), r);
                }
                for (int i = 0; i < events.size(); i++) {
                    PatternEvent event = events.get(i);
                    Link by = chain.by()[i];
                    String evidence = by == null ? "" : Evidence.strongest(by.explanation(), result.thresholdWeight());
                    String purged = (by == null ? "" : Evidence.supportNote(by, result.thresholdWeight()))
                            + (by != null && event.isNamePurged() ? "; linked without a name" : "");
                    csv.printRecord(pattern.entityId(), event.date().map(Object::toString).orElse(""),
                            event.forceCode(), event.forceName(), event.eventType(), event.recordId(),
                            people.row(rowOf.get(event.recordId())).name(),
                            chain.through()[i] < 0 ? "" : events.get(chain.through()[i]).recordId(),
                            evidence.isEmpty() ? "" : evidence + purged,
                            evidence.isEmpty() ? "" : PlainWords.evidence(evidence) + purged);
                }
            });
        }
        if (problemsOut != null) {
            problems.write(files.open(problemsOut).writer());
        }
        if (reportOut != null) {
            HtmlReport.write(files.open(reportOut).writer(), HtmlReport.of(result), reportTitle(),
                    problems.recordsWithProblems(), result.statistics().isModelTrained()
                            ? HtmlReport.ModelSource.TRAINED
                            : modelIn != null ? HtmlReport.ModelSource.SUPPLIED : HtmlReport.ModelSource.BUNDLED);
        }
        if (modelOut != null) {
            AtomicOutput model = files.open(modelOut);
            model.writer().write(result.model().toJson());
        }
        files.commit();
    }

    private String reportTitle() {
        return "Linked " + String.join(", ", inputs.stream().map(p -> String.valueOf(p.getFileName())).toList());
    }

    /**
     * Rows in = rows accounted for: every record read is either in the clusters or rejected. A row that
     * cannot be read stops the run with its file and line before any output, so none is rejected today; the
     * line is there so that a reader of the summary need not take that on trust. A difference is a bug.
     */
    static void printRecordCounts(PrintWriter out, long read, long linked) {
        long rejected = 0;
        if (read != linked + rejected) {
            throw new IllegalStateException("read " + read + " records but " + linked + " reached the clusters and "
                    + rejected + " were rejected; records must never be lost");
        }
        out.printf(Locale.ROOT, "records read: %d%n", read);
        out.printf(Locale.ROOT, "records linked: %d%n", linked);
        out.printf(Locale.ROOT, "records rejected: %d%n", rejected);
    }

    static void printSummary(PrintWriter out, LinkStatistics s) {
        out.printf(Locale.ROOT, "candidate pairs: %d%n", s.candidatePairs());
        out.printf(Locale.ROOT, "links: %d%n", s.links());
        out.printf(Locale.ROOT, "people: %d%n", s.people());
        out.printf(Locale.ROOT, "people seen by more than one force: %d%n", s.peopleSeenByMoreThanOneForce());
        if (!s.trainingNote().isEmpty()) {
            // A fallback model scores differently from one trained on the input: say so where it is read.
            out.printf(Locale.ROOT, "model: %s%n", s.trainingNote());
        }
        out.flush();
    }

    static void printProblemCount(PrintWriter out, int recordsWithProblems, Path problemsOut) {
        out.printf(Locale.ROOT, "records with problems: %d%n", recordsWithProblems);
        if (recordsWithProblems > 0) {
            // An invalid value is linked as missing (DESIGN.md: nothing lost, no evidence); say where to look.
            out.println(problemsOut != null
                    ? "  each problem is listed in " + OutputFiles.describe(problemsOut)
                    : "  to list each problem with its file and line: --problems-out PROBLEMS.csv");
        }
        out.flush();
    }
}
