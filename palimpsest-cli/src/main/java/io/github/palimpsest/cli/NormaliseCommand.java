package io.github.palimpsest.cli;

import io.github.palimpsest.normalise.ParsedValue;
import io.github.palimpsest.record.Column;
import io.github.palimpsest.record.CsvRow;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.Problem;
import io.github.palimpsest.record.RecordCsvReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code normalise INPUT.csv... --out OUT.csv}: one output row per input row, in order, with every input
 * column as read (in NFC, invisible characters removed: see {@link io.github.palimpsest.normalise.InputText}),
 * then the surplus values of rows longer than their header as {@code _extra_1}, {@code _extra_2}, ..., then
 * the normalised values and the problems found.
 */
@Command(name = "normalise", aliases = "normalize", mixinStandardHelpOptions = true,
        description = {"Normalise names, dates, identifiers and forces in force record files.",
                "Writes every input column as read (surplus values as _extra_ columns), then the normalised "
                        + "columns and a problems column."})
final class NormaliseCommand implements Callable<Integer> {

    /** The columns appended after the input columns, in order. */
    static final List<String> OUTPUT_COLUMNS = List.of("force_code", "force_name", "forename_norm",
            "middle_names_norm", "surname_norm", "dob_norm", "pnc_id_norm", "cro_number_norm", "ni_number_norm",
            "driving_licence_norm", "postcode_norm", "phone_norm", "email_norm", "problems");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT.csv", description = "Record files in the canonical schema.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv", description = "Where to write the result.")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (OutputFiles files = OutputFiles.builder(spec.commandLine()).inputs(inputs).output("--out", out).check()) {
            return normalise(files);
        }
    }

    private int normalise(OutputFiles files) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        RecordCsvReader.create().read(inputs, rows::add);
        Map<String, String> inputColumns = unionOfHeaders(rows);
        List<String> header = new ArrayList<>(inputColumns.values());
        header.addAll(OUTPUT_COLUMNS);
        long problems = 0;
        AtomicOutput output = files.open(out);
        // Flushed, not closed: the file is committed by OutputFiles.
        CSVPrinter printer = Csv.printer(output.writer(), header);
        for (CsvRow row : rows) {
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int i = 0; i < row.header().size(); i++) {
                byColumn.put(Column.normaliseHeader(row.header().get(i)), row.values().get(i));
            }
            List<String> values = new ArrayList<>(header.size());
            for (String folded : inputColumns.keySet()) {
                values.add(byColumn.getOrDefault(folded, ""));
            }
            values.addAll(normalisedValues(row.record()));
            printer.printRecord(values);
            problems += row.record().problems().size();
        }
        printer.flush();
        files.commit();
        PrintWriter err = spec.commandLine().getErr();
        err.printf("normalised %d rows from %d file(s) into %s; %d problem(s) reported in the problems column%n",
                rows.size(), inputs.size(), OutputFiles.describe(out), problems);
        err.flush();
        return Main.EXIT_OK;
    }

    /**
     * Input columns in order of first appearance across the files, keyed by folded header; a row longer than
     * its header adds its {@code _extra_} columns where it first appears.
     */
    private static Map<String, String> unionOfHeaders(List<CsvRow> rows) {
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> lastHeader = List.of();
        for (CsvRow row : rows) {
            if (row.header() == lastHeader) {
                continue;
            }
            lastHeader = row.header();
            for (String name : row.header()) {
                columns.putIfAbsent(Column.normaliseHeader(name), name);
            }
        }
        return columns;
    }

    static List<String> normalisedValues(PersonRecord record) {
        return List.of(
                record.force().canonical().orElse(""),
                record.force().force().map(f -> f.name()).orElse(record.force().raw().strip()),
                record.name().forename(),
                String.join(" ", record.name().middleNames()),
                record.name().surname(),
                canonical(record.dateOfBirth()),
                canonical(record.pncId()),
                canonical(record.croNumber()),
                canonical(record.niNumber()),
                canonical(record.drivingLicence()),
                canonical(record.postcode()),
                canonical(record.phone()),
                canonical(record.email()),
                record.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
    }

    private static String canonical(ParsedValue value) {
        return value.canonical().orElse("");
    }
}
