package io.github.palimpsest.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.palimpsest.pipeline.PairCounting;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PairwiseMetricsTest {

    @Test
    void countsPairsFromClusterSizesAsComputedByHand() {
        // Truth: {a,b,c} {d,e} {f}: 3 + 1 = 4 true pairs.
        // Clusters: {a,b} {c,d,e} {f}: 1 + 3 = 4 predicted pairs; correct: ab, de = 2.
        int[] truth = {0, 0, 0, 1, 1, 2};
        int[] clusters = {7, 7, 8, 8, 8, 9};
        PairwiseMetrics m = PairCounting.of(truth, clusters);
        assertEquals(new PairwiseMetrics(4, 4, 2), m);
        assertEquals(0.5, m.precision());
        assertEquals(0.5, m.recall());
        assertEquals(0.5, m.f1());
        assertEquals(2, m.falsePositives());
        assertEquals(2, m.falseNegatives());
    }

    @Test
    void emptyCasesFollowTheDocumentedConventions() {
        PairwiseMetrics allSingletons = PairCounting.of(new int[] {1, 2, 3}, new int[] {1, 2, 3});
        assertEquals(1.0, allSingletons.precision());
        assertEquals(1.0, allSingletons.recall());
        assertEquals(1.0, allSingletons.f1());
        PairwiseMetrics wrong = PairCounting.of(new int[] {1, 1, 2, 2}, new int[] {1, 2, 1, 2});
        assertEquals(0.0, wrong.f1());
    }

    @Test
    void labelsByRecordIdMustNameTheSameRecords() {
        Map<String, String> truth = new LinkedHashMap<>(Map.of("r1", "e1", "r2", "e1"));
        Map<String, String> clusters = new LinkedHashMap<>(Map.of("r1", "P-1", "r2", "P-2"));
        assertEquals(0.0, PairwiseMetrics.of(truth, clusters).recall());
        clusters.put("r3", "P-3");
        assertThrows(IllegalArgumentException.class, () -> PairwiseMetrics.of(truth, clusters));
    }

    @Property(tries = 200)
    void agreesWithCountingEveryPair(@ForAll @Size(max = 40) int[] truthLabels,
                                     @ForAll @IntRange(min = 0, max = 5) int spread) {
        int[] truth = new int[truthLabels.length];
        int[] predicted = new int[truthLabels.length];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = Math.floorMod(truthLabels[i], 6);
            predicted[i] = Math.floorMod(truthLabels[i] * 31 + i % (spread + 1), 5);
        }
        long t = 0;
        long p = 0;
        long c = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int j = i + 1; j < truth.length; j++) {
                boolean sameTruth = truth[i] == truth[j];
                boolean samePredicted = predicted[i] == predicted[j];
                t += sameTruth ? 1 : 0;
                p += samePredicted ? 1 : 0;
                c += sameTruth && samePredicted ? 1 : 0;
            }
        }
        assertEquals(new PairwiseMetrics(t, p, c), PairCounting.of(truth, predicted));
    }
}
