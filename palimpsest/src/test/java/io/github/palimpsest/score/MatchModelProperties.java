package io.github.palimpsest.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.pipeline.IndexedModel;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MatchModelProperties {

    @Provide
    Arbitrary<MatchModel> models() {
        return RandomModels.models();
    }

    @Provide
    Arbitrary<Double> weights() {
        return Arbitraries.doubles().between(-2000, 2000).withStandardSpecialValues()
                .filter(w -> !Double.isNaN(w));
    }

    @Property
    void probabilityIsInTheUnitIntervalAndMonotone(@ForAll("weights") double a, @ForAll("weights") double b) {
        double pa = MatchModel.probability(a);
        double pb = MatchModel.probability(b);
        assertTrue(pa >= 0 && pa <= 1, "probability(" + a + ") = " + pa);
        if (a <= b) {
            assertTrue(pa <= pb, a + " <= " + b + " but " + pa + " > " + pb);
        }
    }

    @Property(tries = 300)
    void explanationTotalIsExactlyTheMatchWeight(@ForAll("models") MatchModel model, @ForAll long seed) {
        Random random = new Random(seed);
        int[] levels = RandomModels.levels(model, random);
        double[] tfs = RandomModels.termFrequencies(model, random);
        Explanation e = IndexedModel.of(model).explain(levels, tfs);
        assertEquals(IndexedModel.of(model).matchWeight(levels, tfs), e.totalWeight());
        assertEquals(MatchModel.probability(e.totalWeight()), e.probability());
        double sum = e.priorWeight();
        for (Explanation.Row row : e.rows()) {
            sum += row.weight();
            if (row.isNeutral()) {
                assertEquals(0.0, row.weight());
            }
        }
        assertEquals(sum, e.totalWeight());
        assertTrue(Double.isFinite(e.totalWeight()), e.summary());
    }

    @Property(tries = 300)
    void withoutTermFrequenciesBothMatchWeightsAgree(@ForAll("models") MatchModel model, @ForAll long seed) {
        int[] levels = RandomModels.levels(model, new Random(seed));
        double[] none = new double[IndexedModel.of(model).comparisonCount()];
        Arrays.fill(none, IndexedModel.NO_TERM_FREQUENCY);
        assertEquals(IndexedModel.of(model).matchWeight(levels), IndexedModel.of(model).matchWeight(levels, none));
        assertEquals(IndexedModel.of(model).matchWeight(levels), IndexedModel.of(model).explain(levels).totalWeight());
    }

    @Property(tries = 300)
    void rarerSharedValuesNeverWeighLess(@ForAll("models") MatchModel model, @ForAll long seed) {
        Random random = new Random(seed);
        int[] levels = RandomModels.levels(model, random);
        double[] rare = RandomModels.termFrequencies(model, random);
        double[] common = rare.clone();
        for (int c = 0; c < common.length; c++) {
            if (!Double.isNaN(common[c])) {
                common[c] = common[c] + (1 - common[c]) * random.nextDouble();
            }
        }
        assertTrue(IndexedModel.of(model).matchWeight(levels, rare) >= IndexedModel.of(model).matchWeight(levels, common));
    }

    @Property(tries = 300)
    void jsonRoundTripPreservesTheModelExactly(@ForAll("models") MatchModel model) {
        String json = model.toJson();
        MatchModel read = MatchModel.fromJson(json);
        assertEquals(model, read);
        assertEquals(json, read.toJson());
    }

    @Property(tries = 300)
    void scaledToALargerPoolThePriorFallsAndTheEvidenceStays(@ForAll("models") MatchModel model, @ForAll long seed) {
        Random random = new Random(seed);
        long trained = 2 + random.nextInt(1_000_000);
        long pool = trained + random.nextInt(100_000_000);
        MatchModel scaled = model.scaledToPool(trained, pool);
        assertEquals(model.prior() * (trained - 1.0) / (pool - 1.0), scaled.prior(), model.prior() * 1e-12);
        int[] levels = RandomModels.levels(model, random);
        double[] frequencies = RandomModels.termFrequencies(model, random);
        assertEquals(IndexedModel.of(model).matchWeight(levels, frequencies) - model.priorWeight(),
                IndexedModel.of(scaled).matchWeight(levels, frequencies) - scaled.priorWeight(), 1e-9, "m, u and term frequencies unchanged");
        assertTrue(IndexedModel.of(scaled).matchWeight(levels, frequencies) <= IndexedModel.of(model).matchWeight(levels, frequencies),
                "no pair is likelier to match in a larger pool");
        assertEquals(model, model.scaledToPool(trained, trained), "the same pool changes nothing");
    }
}
