package io.github.palimpsest.spark;

import io.github.palimpsest.CompactLinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.RecordCsvReader;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;

/**
 * A benchmark main, never run by the tests: links one CSV file on one machine ({@link Linker}, as
 * {@code palimpsest link} does) and then with {@link SparkLinker} in local mode, in the same JVM, and prints
 * wall and CPU time, peak heap, F1 against the truth and how many records got a different person id.
 *
 * <pre>
 * ./mvnw -q -pl palimpsest-spark test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.palimpsest.spark.SparkBench -Dexec.args="RECORDS.csv TRUTH.csv local[2]"
 * </pre>
 * For max RSS, run each side alone under {@code /usr/bin/time -v} (docs/spark.md, "Measured").
 */
public final class SparkBench {
    private SparkBench() {
    }

    /** Arguments: records CSV, truth CSV ({@code record_id,entity_id}), optional master (default local[2]). */
    public static void main(String[] args) throws Exception {
        if (!SparkMain.sparkCanReflect()) {
            System.exit(SparkMain.relaunch(SparkBench.class, args));
        }
        Path records = Path.of(args[0]);
        Map<String, String> truth = readPersons(Path.of(args[1]));
        String master = args.length > 2 ? args[2] : "local[2]";

        long cpu = cpuNanos();
        long started = System.nanoTime();
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        List<ComparableRecord> prepared = RecordCsvReader.create().readRecords(List.of(records), factory::of, 2);
        CompactLinkResult one = Linker.builder().build().linkComparable(prepared);
        Map<String, String> single = new HashMap<>();
        for (int r = 0; r < one.recordCount(); r++) {
            single.put(one.record(r).recordId(), one.entityIdOf(r));
        }
        report("one machine", started, cpu, PairwiseMetrics.of(truth, single), one.statistics().candidatePairs());
        prepared = null;
        one = null;
        System.gc();

        SparkSession spark = SparkSession.builder().master(master).appName("SparkBench")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        cpu = cpuNanos();
        started = System.nanoTime();
        SparkLinkResult result = SparkLinker.builder().sourceName(SparkMain.sourceNameOf(args[0])).build()
                .link(CanonicalRows.read(spark, args[0]));
        Map<String, String> distributed = LocalSpark.persons(result.persons());
        report("Spark " + master, started, cpu, PairwiseMetrics.of(truth, distributed), result.candidatePairCount());
        long differ = single.entrySet().stream().filter(e -> !e.getValue().equals(distributed.get(e.getKey()))).count();
        System.out.printf(Locale.ROOT, "records whose person id differs: %,d of %,d; peak heap %,d MB%n", differ,
                single.size(), peakHeapBytes() >> 20);
        spark.stop();
    }

    private static void report(String side, long started, long cpu, PairwiseMetrics metrics, long pairs) {
        System.out.printf(Locale.ROOT, "%-16s wall %6.1f s  JVM CPU %6.1f s  pairs %,d  P %.6f  R %.6f  F1 %.6f%n", side,
                (System.nanoTime() - started) / 1e9, (cpuNanos() - cpu) / 1e9, pairs, metrics.precision(),
                metrics.recall(), metrics.f1());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static Map<String, String> readPersons(Path file) throws IOException {
        Map<String, String> persons = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                persons.put(row.get("record_id"), row.get("entity_id"));
            }
        }
        return persons;
    }
}
