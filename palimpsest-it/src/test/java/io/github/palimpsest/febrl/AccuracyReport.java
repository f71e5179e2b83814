package io.github.palimpsest.febrl;

import io.github.palimpsest.Entity;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticData;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of the default linker on FEBRL3, FEBRL4 (both files as one pool) and
 * generated cross-force data. A benchmark main, not a test:
 * {@code ./mvnw -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.febrl.AccuracyReport -Dbench.args="febrl3 febrl4 synthetic:10000"}.
 * FEBRL runs are skipped when {@code ../shared/data/febrl} is absent.
 */
public final class AccuracyReport {
    private AccuracyReport() {
    }

    /** One dataset's outcome. */
    public record Outcome(String name, int records, long candidatePairs, PairwiseMetrics metrics, double seconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-18s records %,9d  pairs %,11d  precision %.4f  recall %.4f  F1 %.4f  %6.1f s",
                    name, records, candidatePairs, metrics.precision(), metrics.recall(), metrics.f1(), seconds);
        }
    }

    public static void main(String[] args) {
        List<String> runs = args.length == 0 ? List.of("febrl3", "febrl4", "synthetic:10000") : List.of(args);
        for (String run : runs) {
            Outcome outcome = switch (run.split(":")[0]) {
                case "febrl3" -> febrl("FEBRL3", true, "dataset3.csv");
                case "febrl3-nossn" -> febrl("FEBRL3 (no ssn)", false, "dataset3.csv");
                case "febrl4" -> febrl("FEBRL4", true, "dataset4a.csv", "dataset4b.csv");
                case "febrl4-nossn" -> febrl("FEBRL4 (no ssn)", false, "dataset4a.csv", "dataset4b.csv");
                case "synthetic" -> synthetic(Integer.parseInt(run.split(":")[1]), 42);
                default -> throw new IllegalArgumentException("unknown run " + run);
            };
            if (outcome != null) {
                System.out.println(outcome);
            }
        }
    }

    /** Links a FEBRL pool with the default linker; null when the data is absent. */
    public static Outcome febrl(String name, boolean withSsn, String... files) {
        if (!FebrlData.isAvailable()) {
            System.out.println(name + ": skipped, " + FebrlData.DIRECTORY + " is absent");
            return null;
        }
        FebrlData.Dataset data = FebrlData.read(withSsn, files);
        return measure(name, data.records(), data.entityIds());
    }

    /** Links generated cross-force data of the given number of people. */
    public static Outcome synthetic(int people, long seed) {
        SyntheticData data = SyntheticForces.builder().people(people).seed(seed).build().generate();
        List<PersonRecord> records = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (SyntheticRecord r : data.records()) {
            records.add(r.toPersonRecord(SyntheticForces.DEFAULT_REFERENCE_DATE));
            truth.add(r.entityId());
        }
        return measure("synthetic " + people + "p", records, truth);
    }

    static Outcome measure(String name, List<PersonRecord> records, List<String> entityIds) {
        long start = System.nanoTime();
        LinkResult result = Linker.builder().seed(42).build().link(records);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, String> truth = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            truth.put(records.get(i).recordId(), entityIds.get(i));
        }
        Map<String, String> predicted = new HashMap<>();
        for (Entity entity : result.entities()) {
            for (String id : entity.recordIds()) {
                predicted.put(id, entity.id());
            }
        }
        return new Outcome(name, records.size(), result.statistics().candidatePairs(),
                PairwiseMetrics.of(truth, predicted), seconds);
    }

}
