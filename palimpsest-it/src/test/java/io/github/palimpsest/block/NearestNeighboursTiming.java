package io.github.palimpsest.block;

import io.github.palimpsest.pipeline.NearestNeighbours;
import io.github.palimpsest.pipeline.PersonKind;
import io.github.palimpsest.pipeline.RunSettings;
import io.github.palimpsest.record.ComparableRecord;

/**
 * Times the default nearest-neighbour search alone on the data sets {@link BlockingRecallReport} loads
 * (arguments as there): three runs each, sequential and parallel. A diagnostic, not a results table.
 */
public final class NearestNeighboursTiming {
    private NearestNeighboursTiming() {
    }

    public static void main(String[] args) {
        RunSettings settings = RunSettings.builder().build();
        NearestNeighbours<ComparableRecord> search = new PersonKind(PersonKind.standardComparisons(),
                PersonKind.standardBlockingRules(), settings).nearestNeighbours(settings.neighboursPerRecord())
                .orElseThrow();
        for (String name : args) {
            BlockingRecallReport.Data data = BlockingRecallReport.load(name);
            if (data == null) {
                System.out.println(name + ": skipped, data absent");
                continue;
            }
            for (boolean parallel : new boolean[] {false, true}) {
                for (int run = 0; run < 3; run++) {
                    long started = System.nanoTime();
                    int pairs = search.candidates(data.records(), parallel).size();
                    System.out.printf("%-16s %s run %d: %,d pairs in %.0f ms%n", data.name(),
                            parallel ? "parallel  " : "sequential", run, pairs, (System.nanoTime() - started) / 1e6);
                }
            }
        }
    }
}
