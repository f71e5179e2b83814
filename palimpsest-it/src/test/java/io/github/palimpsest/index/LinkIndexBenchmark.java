package io.github.palimpsest.index;

import io.github.palimpsest.pipeline.DefaultModel;
import io.github.palimpsest.pipeline.RunSettings;
import io.github.palimpsest.Entity;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import java.util.Optional;

/**
 * Look-up latency of {@link LinkIndex#match} with many records indexed. A {@code main}, not a test, so CI
 * never runs it; the command and figures are in docs/index.md.
 *
 * <p>Generates fictional cross-force records (default profile), holds out about one record in 100 as a probe,
 * adds the rest with as many threads as there are cores, then times {@code match} for each probe on one
 * thread and reports p50/p99/p99.9, the heap in use per indexed record after a full collection, the
 * pairwise accuracy of the index's people, and the time to save and load the index.
 *
 * <p>Arguments: {@code [records=100000] [seed=42] [save=true] [model=bundled] [batch=false] [neighbours=10]}
 * ({@code neighbours} is {@link LinkIndexBuilder#neighboursPerRecord}; 0 turns the search off). With
 * {@code model=trained}, a model is first trained on the records to be indexed with the batch trainer
 * ({@code Linker.builder().build().train(records)}, the recommended path in docs/index.md) and the index
 * scores with it; with {@code bundled}, the index scores with the bundled default model, its priors scaled to
 * the index's expected size as the builder does without a model; with {@code unscaled}, with the bundled
 * model as it is in the jar (given to {@code model(...)}, which the builder never scales). With
 * {@code batch=true}, the batch {@code Linker} also links the indexed records with the same model, for a
 * reference F1 on the same data (it holds every record and pair in memory: mind the heap at 1M).
 */
public final class LinkIndexBenchmark {
    private static final int PROBE_EVERY = 100;

    private LinkIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        boolean save = args.length <= 2 || Boolean.parseBoolean(args[2]);
        String model = args.length > 3 ? args[3] : "bundled";
        if (!List.of("bundled", "unscaled", "trained").contains(model)) {
            throw new IllegalArgumentException("model must be bundled, unscaled or trained, got " + model);
        }
        boolean batch = args.length > 4 && Boolean.parseBoolean(args[4]);
        int neighbours = args.length > 5 ? Integer.parseInt(args[5]) : RunSettings.DEFAULT_NEIGHBOURS_PER_RECORD;
        SyntheticForces generator = SyntheticForces.builder().seed(seed)
                .people(Math.max(1, Math.round(wanted / SyntheticForces.builder().build().meanRecordsPerPerson())))
                .build();
        List<PersonRecord> probes = new ArrayList<>();
        Path file = save ? Files.createTempFile("palimpsest-index", ".idx") : null;
        try {
            int n = buildAndMeasure(generator, wanted, probes, file, model, batch, neighbours);
            if (file != null) {
                // The built index is unreachable now: the loaded one is measured alone.
                usedHeapAfterGc();
                long t = System.nanoTime();
                LinkIndex loaded = LinkIndex.load(file);
                double loadSeconds = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "index file %,d bytes (%,d per record); loaded %,d records in %.1f s%n",
                        Files.size(file), Files.size(file) / Math.max(1, n), loaded.size(), loadSeconds);
                timeMatches(loaded, probes.subList(0, Math.min(1_000, probes.size())), "match while warming up");
                t = System.nanoTime();
                loaded.awaitWarmUp(1, TimeUnit.HOURS);
                System.out.printf(Locale.ROOT, "warm-up finished %.1f s later%n", (System.nanoTime() - t) / 1e9);
                timeMatches(loaded, probes, "match after load and warm-up");
            }
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Builds the index, prints load time, memory, latency and accuracy, saves it; returns its size. */
    private static int buildAndMeasure(SyntheticForces generator, int wanted, List<PersonRecord> probes, Path file,
            String modelChoice, boolean batch, int neighbours) throws Exception {
        boolean trained = modelChoice.equals("trained");
        LinkIndexBuilder builder = LinkIndex.builder().expectedSize(wanted).neighboursPerRecord(neighbours);
        if (modelChoice.equals("unscaled")) {
            builder.model(DefaultModel.standard());
        }
        Optional<MatchModel> model = Optional.empty();
        if (trained || batch) {
            // The same split as below (every 100th generated record is a probe), so the model is trained on
            // exactly the records the index will hold.
            List<PersonRecord> indexed = new ArrayList<>();
            generator.stream().filter(g -> !isProbe(g)).forEach(g -> indexed.add(toRecord(g)));
            if (trained) {
                long t = System.nanoTime();
                model = Optional.of(Linker.builder().build().train(indexed));
                System.out.printf(Locale.ROOT, "model trained on the %,d records to index in %.1f s%n", indexed.size(),
                        (System.nanoTime() - t) / 1e9);
                builder.model(model.get());
            }
            if (batch) {
                batchReference(generator, indexed, model);
            }
        }
        long heapBefore = usedHeapAfterGc();
        LinkIndex index = builder.build();
        // The prior (lambda) is the model parameter that depends most on the pool's size: print it.
        System.out.printf(Locale.ROOT, "index scores with the %s model: prior %.3g (%.2f bits)%n",
                modelChoice, index.model().prior(), index.model().priorWeight());
        long started = System.nanoTime();
        double cpuStarted = processCpuSeconds();
        // The generator is sequential; records are normalised and added on every core (add is thread-safe and
        // does its record-local work outside the index's lock).
        generator.stream().parallel().forEach(generated -> {
            PersonRecord record = toRecord(generated);
            if (isProbe(generated)) {
                synchronized (probes) {
                    probes.add(record);
                }
            } else {
                index.add(record);
            }
        });
        double addSeconds = (System.nanoTime() - started) / 1e9;
        double addCpuSeconds = processCpuSeconds() - cpuStarted;
        int n = index.size();
        System.out.printf(Locale.ROOT, "indexed %,d records (%,d people, %,d links) in %.1f s: %.0f records/s on %d threads%n",
                n, index.entityCount(), index.linkCount(), addSeconds, n / addSeconds,
                Runtime.getRuntime().availableProcessors());
        // On a shared machine the wall-clock rate is mostly the others' load: the process's CPU time is not.
        System.out.printf(Locale.ROOT, "adds used %.1f s of process CPU (generating the records too): %.0f records per"
                + " CPU-second (load average %s)%n", addCpuSeconds, n / addCpuSeconds, loadAverage());
        long heapAfter = usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "heap in use after GC: %,d MB, %,d bytes per indexed record%n",
                (heapAfter - heapBefore) >> 20, (heapAfter - heapBefore) / Math.max(1, n));

        probes.sort((a, b) -> a.recordId().compareTo(b.recordId()));
        for (int round = 0; round < 3; round++) { // warm-up: JIT-compile the match path
            for (PersonRecord probe : probes) {
                index.match(probe);
            }
        }
        timeMatches(index, probes, "match");
        int matched = 0;
        long candidates = 0;
        for (PersonRecord probe : probes) {
            MatchResult result = index.match(probe);
            matched += result.isMatch() ? 1 : 0;
            candidates += result.candidates().size();
        }
        System.out.printf(Locale.ROOT, "%.1f%% of probes matched a person; %.1f candidates shown per probe%n",
                100.0 * matched / probes.size(), (double) candidates / probes.size());

        // The ground truth is collected only now, so that it does not count in the heap per record above.
        Map<String, String> clusters = index.entityIds();
        Map<String, String> truth = new HashMap<>();
        generator.stream().filter(g -> clusters.containsKey(g.recordId()))
                .forEach(g -> truth.put(g.recordId(), g.entityId()));
        PairwiseMetrics metrics = PairwiseMetrics.of(truth, clusters);
        System.out.printf(Locale.ROOT, "people against ground truth: precision %.4f, recall %.4f, F1 %.4f%n",
                metrics.precision(), metrics.recall(), metrics.f1());
        if (file != null) {
            long t = System.nanoTime();
            index.save(file);
            System.out.printf(Locale.ROOT, "saved in %.1f s%n", (System.nanoTime() - t) / 1e9);
        }
        return n;
    }

    /**
     * Times one {@code match} per probe on this thread and prints the percentiles of wall time and of the
     * thread's CPU time. On a shared machine the two differ: a thread preempted mid-match (every few
     * milliseconds when more threads want to run than there are cores) counts the wait in wall time only.
     */
    private static long[] timeMatches(LinkIndex index, List<PersonRecord> probes, String what) throws Exception {
        long[] nanos = new long[probes.size()];
        long[] cpu = new long[probes.size()];
        for (int k = 0; k < probes.size(); k++) {
            long c = threadCpuNanos();
            long t = System.nanoTime();
            index.match(probes.get(k));
            nanos[k] = System.nanoTime() - t;
            cpu[k] = threadCpuNanos() - c;
        }
        print(what + ", wall", nanos);
        print(what + ", CPU ", cpu);
        return nanos;
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s over %,d held-out records: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, "
                        + "p99.9 %.3f ms, max %.3f ms, mean %.3f ms (load average %s)%n",
                what, sorted.length, ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)),
                ms(percentile(sorted, 99.9)), ms(sorted[sorted.length - 1]),
                ms(Arrays.stream(sorted).sum() / Math.max(1, sorted.length)), loadAverage());
    }

    /**
     * This thread's CPU time, through {@code java.lang.management} by reflection (the test sources compile
     * against the library's module, which does not read {@code java.management}); 0 where unavailable.
     */
    private static long threadCpuNanos() {
        try {
            if (cpuTime == null) {
                Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                        .invoke(null);
                cpuTime = () -> {
                    try {
                        return (Long) Class.forName("java.lang.management.ThreadMXBean")
                                .getMethod("getCurrentThreadCpuTime").invoke(bean);
                    } catch (ReflectiveOperationException e) {
                        return 0L;
                    }
                };
            }
            return cpuTime.getAsLong();
        } catch (ReflectiveOperationException e) {
            return 0;
        }
    }

    private static java.util.function.LongSupplier cpuTime;

    /**
     * The CPU time of this process, all threads (user and system), from /proc/self/stat at the usual 100 ticks a
     * second; NaN where there is no /proc.
     */
    private static double processCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** The 1-minute load average, from /proc/loadavg where there is one: other work on the machine skews tails. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /**
     * About one record in 100 is held out as a probe, chosen by its id so that the choice does not depend
     * on thread timing and the trained model sees exactly the records the index holds.
     */
    private static boolean isProbe(SyntheticRecord generated) {
        return Math.floorMod(generated.recordId().hashCode() * 0x9E3779B1, PROBE_EVERY) == 0;
    }

    /** Links the indexed records with the batch linker (with {@code model} when given) and prints its F1. */
    private static void batchReference(SyntheticForces generator, List<PersonRecord> indexed,
            Optional<MatchModel> model) {
        Linker.Builder linker = Linker.builder();
        model.ifPresent(linker::model);
        long t = System.nanoTime();
        LinkResult result = linker.build().link(indexed);
        Map<String, String> clusters = new HashMap<>();
        for (Entity person : result.entities()) {
            for (String id : person.recordIds()) {
                clusters.put(id, person.id());
            }
        }
        Map<String, String> truth = new HashMap<>();
        generator.stream().filter(g -> clusters.containsKey(g.recordId()))
                .forEach(g -> truth.put(g.recordId(), g.entityId()));
        PairwiseMetrics metrics = PairwiseMetrics.of(truth, clusters);
        System.out.printf(Locale.ROOT, "batch Linker (%s model) on the same %,d records in %.1f s: precision %.4f, "
                        + "recall %.4f, F1 %.4f%n", model.isPresent() ? "the trained" : "its own trained",
                indexed.size(), (System.nanoTime() - t) / 1e9, metrics.precision(), metrics.recall(), metrics.f1());
    }

    private static PersonRecord toRecord(SyntheticRecord generated) {
        return generated.toPersonRecord(SyntheticForces.DEFAULT_REFERENCE_DATE);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int k = 0; k < 3; k++) {
            System.gc();
            Thread.sleep(100);
        }
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
