package io.github.palimpsest;

import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Linking time on generated cross-force records with the default configuration, in one JVM: the records
 * are generated in memory (no CSV), a 10,000-record run warms the JIT up, and the whole pool is timed. A
 * {@code main}, not a test, so CI never runs it; the end-to-end command-line figures (CSV in, CSV out, a
 * fresh JVM per run) are in docs/performance.md. Arguments: {@code [records=100000] [seed=42]
 * [threads=cores] [compact|full]}: {@code compact} (the default) links prepared records with
 * {@link Linker#linkComparable}, as the {@code link} command does; {@code full} uses {@link Linker#link} and
 * holds every {@link PersonRecord}.
 */
public final class LinkerBenchmark {
    private LinkerBenchmark() {
    }

    public static void main(String[] args) {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        boolean full = args.length > 3 && args[3].equals("full");
        LocalDate reference = LocalDate.of(2025, 1, 1);
        SyntheticForces generator = SyntheticForces.builder().people(Math.max(1, Math.round(wanted / 3.0)))
                .seed(seed).referenceDate(reference).build();
        List<SyntheticRecord> generated = generator.generate().records();
        List<PersonRecord> records = generated.stream().map(g -> g.toPersonRecord(reference)).toList();
        Linker linker = Linker.builder().seed(seed).threads(threads).build();
        linker.link(records.subList(0, Math.min(records.size(), 10_000)));   // warm-up
        long started = System.nanoTime();
        LinkStatistics statistics;
        Map<String, String> clusters = new HashMap<>();
        if (full) {
            LinkResult result = linker.link(records);
            statistics = result.statistics();
            result.entities().forEach(e -> e.recordIds().forEach(id -> clusters.put(id, e.id())));
        } else {
            ComparableRecordFactory factory = ComparableRecordFactory.create();
            List<ComparableRecord> prepared = records.parallelStream().map(factory::of).toList();
            CompactLinkResult result = linker.linkComparable(prepared);
            statistics = result.statistics();
            for (int r = 0; r < result.recordCount(); r++) {
                clusters.put(result.record(r).recordId(), result.entityIdOf(r));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, String> truth = new HashMap<>();
        generated.forEach(g -> truth.put(g.recordId(), g.entityId()));
        PairwiseMetrics metrics = PairwiseMetrics.of(truth, clusters);
        System.out.printf(Locale.ROOT, "%,d records, %d threads, %s: %.2f s%n", records.size(), threads,
                full ? "link" : "linkComparable", seconds);
        statistics.stageTimes().forEach((stage, time) ->
                System.out.printf(Locale.ROOT, "  %-8s %6.2f s%n", stage, time.toMillis() / 1000.0));
        System.out.printf(Locale.ROOT, "candidate pairs %,d (%,.0f a second), links %,d, people %,d, multi-force %,d%n",
                statistics.candidatePairs(), statistics.candidatePairs() / seconds, statistics.links(),
                statistics.people(), statistics.peopleSeenByMoreThanOneForce());
        System.out.printf(Locale.ROOT, "pairwise precision %.4f, recall %.4f, F1 %.4f%n",
                metrics.precision(), metrics.recall(), metrics.f1());
    }
}
