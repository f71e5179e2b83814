package io.github.palimpsest.index;

import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Look-up latency of {@link LinkIndex#match} with many records indexed. A {@code main}, not a test, so CI
 * never runs it; the command and figures are in docs/index.md.
 *
 * <p>Generates fictional cross-force records (default profile), holds out every 100th record as a probe,
 * adds the rest with as many threads as there are cores, then times {@code match} for each probe on one
 * thread and reports p50/p99/p99.9, the heap in use per indexed record after a full collection, the
 * pairwise accuracy of the index's people, and the time to save and load the index.
 *
 * <p>Arguments: {@code [records=100000] [seed=42] [save=true]}.
 */
public final class LinkIndexBenchmark {
    private static final int PROBE_EVERY = 100;

    private LinkIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        boolean save = args.length <= 2 || Boolean.parseBoolean(args[2]);
        SyntheticForces generator = SyntheticForces.builder().seed(seed)
                .people(Math.max(1, Math.round(wanted / SyntheticForces.builder().build().meanRecordsPerPerson())))
                .build();
        long heapBefore = usedHeapAfterGc();

        LinkIndex index = LinkIndex.builder().expectedSize(wanted).build();
        List<PersonRecord> probes = new ArrayList<>();
        Map<String, String> truth = new ConcurrentHashMap<>();
        AtomicInteger seen = new AtomicInteger();
        long started = System.nanoTime();
        // The generator is sequential; records are normalised and added on every core (add is thread-safe and
        // does its record-local work outside the index's lock).
        generator.stream().parallel().forEach(generated -> {
            PersonRecord record = toRecord(generated);
            if (seen.incrementAndGet() % PROBE_EVERY == 0) {
                synchronized (probes) {
                    probes.add(record);
                }
            } else {
                index.add(record);
                truth.put(generated.recordId(), generated.entityId());
            }
        });
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        int n = index.size();
        System.out.printf(Locale.ROOT, "indexed %,d records (%,d people, %,d links) in %.1f s: %.0f records/s on %d threads%n",
                n, index.entityCount(), index.linkCount(), loadSeconds, n / loadSeconds,
                Runtime.getRuntime().availableProcessors());
        long heapAfter = usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "heap in use after GC: %,d MB, %,d bytes per indexed record%n",
                (heapAfter - heapBefore) >> 20, (heapAfter - heapBefore - truthBytes(truth)) / Math.max(1, n));

        probes.sort((a, b) -> a.recordId().compareTo(b.recordId()));
        for (int round = 0; round < 3; round++) { // warm-up: JIT-compile the match path
            for (PersonRecord probe : probes) {
                index.match(probe);
            }
        }
        long[] nanos = new long[probes.size()];
        int matched = 0;
        long candidates = 0;
        for (int k = 0; k < probes.size(); k++) {
            long t = System.nanoTime();
            MatchResult result = index.match(probes.get(k));
            nanos[k] = System.nanoTime() - t;
            matched += result.isMatch() ? 1 : 0;
            candidates += result.candidates().size();
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "match over %,d held-out records: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, "
                        + "p99.9 %.3f ms, max %.3f ms, mean %.3f ms%n",
                nanos.length, ms(percentile(nanos, 50)), ms(percentile(nanos, 90)), ms(percentile(nanos, 99)),
                ms(percentile(nanos, 99.9)), ms(nanos[nanos.length - 1]), ms(Arrays.stream(nanos).sum() / nanos.length));
        System.out.printf(Locale.ROOT, "%.1f%% of probes matched a person; %.1f candidates shown per probe%n",
                100.0 * matched / probes.size(), (double) candidates / probes.size());

        PairwiseMetrics metrics = PairwiseMetrics.of(truth, index.entityIds());
        System.out.printf(Locale.ROOT, "people against ground truth: precision %.4f, recall %.4f, F1 %.4f%n",
                metrics.precision(), metrics.recall(), metrics.f1());

        if (save) {
            Path file = Files.createTempFile("palimpsest-index", ".idx");
            try {
                long t = System.nanoTime();
                index.save(file);
                double saveSeconds = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                LinkIndex loaded = LinkIndex.load(file);
                double loadFileSeconds = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "saved %,d bytes (%,d per record) in %.1f s; loaded %,d records in %.1f s%n",
                        Files.size(file), Files.size(file) / Math.max(1, n), saveSeconds, loaded.size(), loadFileSeconds);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static PersonRecord toRecord(SyntheticRecord generated) {
        PersonRecord.Builder record = PersonRecord.builder().referenceDate(SyntheticForces.DEFAULT_REFERENCE_DATE);
        generated.columns().forEach(record::set);
        return record.build();
    }

    /** The ground-truth map is the benchmark's, not the index's: about 150 bytes an entry, subtracted. */
    private static long truthBytes(Map<String, String> truth) {
        return truth.size() * 150L;
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
