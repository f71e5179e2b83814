package io.github.palimpsest;

import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end linking time on generated cross-force records with the default configuration. A {@code main},
 * not a test, so CI never runs it; the command is in docs/pipeline.md. Arguments: {@code [records=100000]
 * [seed=42] [threads=cores]}.
 */
public final class LinkerBenchmark {
    private LinkerBenchmark() {
    }

    public static void main(String[] args) {
        int wanted = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        LocalDate reference = LocalDate.of(2025, 1, 1);
        SyntheticForces generator = SyntheticForces.builder().people(Math.max(1, Math.round(wanted / 3.0)))
                .seed(seed).referenceDate(reference).build();
        List<SyntheticRecord> generated = generator.generate().records();
        List<PersonRecord> records = generated.stream().map(g -> {
            PersonRecord.Builder b = PersonRecord.builder().referenceDate(reference);
            g.columns().forEach(b::set);
            return b.build();
        }).toList();
        Linker linker = Linker.builder().seed(seed).threads(threads).build();
        linker.link(records.subList(0, Math.min(records.size(), 10_000)));   // warm-up
        long started = System.nanoTime();
        LinkResult result = linker.link(records);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, String> truth = new HashMap<>();
        generated.forEach(g -> truth.put(g.recordId(), g.entityId()));
        Map<String, String> clusters = new HashMap<>();
        result.entities().forEach(e -> e.recordIds().forEach(id -> clusters.put(id, e.id())));
        PairwiseMetrics metrics = PairwiseMetrics.of(truth, clusters);
        System.out.printf(Locale.ROOT, "%,d records, %d threads: %.2f s end to end%n", records.size(), threads, seconds);
        result.statistics().stageTimes().forEach((stage, time) ->
                System.out.printf(Locale.ROOT, "  %-8s %6.2f s%n", stage, time.toMillis() / 1000.0));
        System.out.printf(Locale.ROOT, "candidate pairs %,d, links %,d, people %,d, multi-force %,d%n",
                result.statistics().candidatePairs(), result.statistics().links(), result.statistics().people(),
                result.statistics().peopleSeenByMoreThanOneForce());
        System.out.printf(Locale.ROOT, "pairwise precision %.4f, recall %.4f, F1 %.4f (interim comparisons)%n",
                metrics.precision(), metrics.recall(), metrics.f1());
    }
}
