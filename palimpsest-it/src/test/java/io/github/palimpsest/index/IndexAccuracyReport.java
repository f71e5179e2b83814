package io.github.palimpsest.index;

import io.github.palimpsest.Entity;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import io.github.palimpsest.score.MatchModel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Accuracy and build time of a {@link LinkIndex} on labelled CSV sets (default: {@code historical_50k} and
 * {@code fake_1000} under the shared data folder's {@code external}, each with its {@code NAME_truth.csv}). A
 * {@code main}, not a test; the command and figures are in docs/index.md.
 *
 * <p>Per set, with the model the batch trainer fits to the records ({@code Linker.builder().build().train},
 * the path docs/index.md recommends) and the index's other defaults (term-frequency adjustment on): the index
 * fed one record at a time in file order without the nearest-neighbour search and with it, built in bulk
 * with it ({@link LinkIndexBuilder#build(java.util.Collection)}), and the batch {@code Linker} with the
 * same model, for reference. Each line gives pairwise precision, recall and F1 against the truth, and the
 * build time (each index is built twice and the second build timed, after the JIT has warmed up), the heap
 * the index holds per record and the changes whose component exceeded the re-clustering budget. Arguments: set names, or {@code dir=PATH} for another folder.
 */
public final class IndexAccuracyReport {
    private IndexAccuracyReport() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(System.getProperty("shared.data", "../shared/data"), "external");
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("dir=")) {
                dir = Path.of(arg.substring(4));
            } else if (!arg.isBlank()) {
                names.add(arg);
            }
        }
        if (names.isEmpty()) {
            names = List.of("historical_50k", "fake_1000");
        }
        for (String name : names) {
            Path records = dir.resolve(name + ".csv");
            Path truthFile = dir.resolve(name + "_truth.csv");
            if (!Files.isRegularFile(records) || !Files.isRegularFile(truthFile)) {
                System.out.println(name + ": skipped, " + records + " or its truth is absent");
                continue;
            }
            List<PersonRecord> pool = RecordCsvReader.create().readRecords(List.of(records));
            Map<String, String> truth = truth(truthFile);
            MatchModel model = Linker.builder().build().train(pool);
            System.out.printf(Locale.ROOT, "%s: %,d records, model trained by the batch trainer%n", name, pool.size());

            build("index, one at a time, no search", () -> {
                LinkIndex index = LinkIndex.builder().model(model).neighboursPerRecord(0).build();
                pool.forEach(index::add);
                return index;
            }, truth);
            build("index, one at a time, search", () -> {
                LinkIndex index = LinkIndex.builder().model(model).build();
                pool.forEach(index::add);
                return index;
            }, truth);
            build("index, in bulk, search", () -> LinkIndex.builder().model(model).build(pool), truth);

            long started = System.nanoTime();
            started = System.nanoTime();
            LinkResult batch = Linker.builder().model(model).build().link(pool);
            Map<String, String> batchIds = new HashMap<>();
            for (Entity e : batch.entities()) {
                e.recordIds().forEach(id -> batchIds.put(id, e.id()));
            }
            print("batch Linker, same model", batchIds, truth, started);
        }
    }

    /**
     * Builds twice and reports the second build's time (the first warms the JIT up), the heap the index holds
     * after a full collection, and its people's accuracy.
     */
    private static void build(String what, Supplier<LinkIndex> builder, Map<String, String> truth) {
        builder.get();
        long before = usedHeap();
        long started = System.nanoTime();
        LinkIndex index = builder.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        long held = usedHeap() - before;
        PairwiseMetrics m = PairwiseMetrics.of(truth, index.entityIds());
        System.out.printf(Locale.ROOT, "  %-34s P %.4f  R %.4f  F1 %.4f  %6.1f s  %,6d bytes/record  %,d bounded%n",
                what, m.precision(), m.recall(), m.f1(), seconds, held / Math.max(1, index.size()),
                index.boundedChangeCount());
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void print(String what, Map<String, String> clusters, Map<String, String> truth, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        PairwiseMetrics m = PairwiseMetrics.of(truth, clusters);
        System.out.printf(Locale.ROOT, "  %-34s P %.4f  R %.4f  F1 %.4f  %6.1f s%n", what, m.precision(), m.recall(),
                m.f1(), seconds);
    }

    private static Map<String, String> truth(Path file) throws IOException {
        Map<String, String> truth = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                truth.put(row.get("record_id"), row.get("entity_id"));
            }
        }
        return truth;
    }
}
