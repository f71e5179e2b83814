package io.github.palimpsest.cli;

import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.record.Column;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate --truth TRUTH.csv --clusters CLUSTERS.csv}: pairwise precision, recall and F1 of a
 * clustering against ground truth, both files {@code record_id,entity_id}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Pairwise precision, recall and F1 of clusters against ground truth.",
                "Both files have the columns record_id,entity_id and must name the same records."})
final class EvaluateCommand implements Callable<Integer> {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true).get();

    @Spec
    CommandSpec spec;

    @Option(names = "--truth", required = true, paramLabel = "TRUTH.csv", description = "record_id,entity_id ground truth.")
    Path truth;

    @Option(names = "--clusters", required = true, paramLabel = "CLUSTERS.csv",
            description = "record_id,entity_id as written by link --clusters-out.")
    Path clusters;

    @Override
    public Integer call() {
        Map<String, Long> truthLines = new LinkedHashMap<>();
        Map<String, Long> clusterLines = new LinkedHashMap<>();
        Map<String, String> truthEntities = read(truth, truthLines);
        Map<String, String> clusterEntities = read(clusters, clusterLines);
        clusterLines.forEach((id, line) -> {
            if (!truthEntities.containsKey(id)) {
                throw new CliInputException(clusters + ":" + line + ": record_id '" + id + "' is not in " + truth
                        + "; both files must name the same records");
            }
        });
        truthLines.forEach((id, line) -> {
            if (!clusterEntities.containsKey(id)) {
                throw new CliInputException(truth + ":" + line + ": record_id '" + id + "' is not in " + clusters
                        + "; both files must name the same records");
            }
        });
        PairwiseMetrics metrics = PairwiseMetrics.of(truthEntities, clusterEntities);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "records: %d%n", truthEntities.size());
        out.printf(Locale.ROOT, "true pairs: %d%n", metrics.truePairs());
        out.printf(Locale.ROOT, "predicted pairs: %d%n", metrics.predictedPairs());
        out.printf(Locale.ROOT, "correct pairs: %d%n", metrics.correctPairs());
        out.printf(Locale.ROOT, "precision: %.6f%n", metrics.precision());
        out.printf(Locale.ROOT, "recall: %.6f%n", metrics.recall());
        out.printf(Locale.ROOT, "f1: %.6f%n", metrics.f1());
        out.flush();
        return Main.EXIT_OK;
    }

    /** Reads {@code record_id -> entity_id}, remembering each id's line; errors name file and line. */
    private static Map<String, String> read(Path file, Map<String, Long> lines) {
        Map<String, String> entities = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> rows = parser.iterator();
            if (!rows.hasNext()) {
                throw new CliInputException(file + ": is empty; expected a header record_id,entity_id");
            }
            CSVRecord header = rows.next();
            int idColumn = column(header, "record_id", file);
            int entityColumn = column(header, "entity_id", file);
            long lineBefore = parser.getCurrentLineNumber();
            while (rows.hasNext()) {
                CSVRecord row = rows.next();
                long line = lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                String id = row.size() > idColumn ? row.get(idColumn).strip() : "";
                String entity = row.size() > entityColumn ? row.get(entityColumn).strip() : "";
                if (id.isEmpty() || entity.isEmpty()) {
                    throw new CliInputException(file + ":" + line + ": every row needs a record_id and an entity_id");
                }
                Long previous = lines.putIfAbsent(id, line);
                if (previous != null) {
                    throw new CliInputException(file + ":" + line + ": record_id '" + id + "' already appeared on line "
                            + previous + "; each record may have only one entity");
                }
                entities.put(id, entity);
            }
            return entities;
        } catch (NoSuchFileException e) {
            throw new CliInputException(file + ": no such file", e);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new CliInputException(file + ": cannot be read as CSV: " + e.getMessage(), e);
        }
    }

    private static int column(CSVRecord header, String name, Path file) {
        List<String> names = header.toList().stream().map(h -> Column.normaliseHeader(h.replace("\uFEFF", ""))).toList();
        int index = names.indexOf(name);
        if (index < 0) {
            throw new CliInputException(file + ":1: no " + name + " column; expected a header record_id,entity_id");
        }
        return index;
    }
}
