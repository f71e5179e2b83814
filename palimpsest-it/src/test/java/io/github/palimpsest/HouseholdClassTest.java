package io.github.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The household class: relatives of one home who differ in forename or date of birth stop linking, and
 * one person's records at one home still do.
 */
class HouseholdClassTest {

    private static List<SyntheticRecord> generated;
    private static List<PersonRecord> records;
    private static MatchModel model;

    @BeforeAll
    static void generate() {
        generated = TestComparisons.synthetic(3_000, 11);
        records = generated.stream().map(TestComparisons::toRecord).toList();
        model = Linker.builder().seed(3).build().train(records);
    }

    @Test
    void trainingFitsAHouseholdClassThatConfinesItselfToHomes() {
        assertTrue(model.hasHouseholdClass());
        int postcode = IndexedModel.of(model).indexOf("postcode").orElseThrow();
        int forename = IndexedModel.of(model).indexOf("forename").orElseThrow();
        int pnc = IndexedModel.of(model).indexOf("pnc_id").orElseThrow();
        assertTrue(IndexedModel.of(model).isHomeComparison(postcode));
        assertTrue(IndexedModel.of(model).isDistinguishingComparison(forename));
        // Relatives are different people: sharing a PNC ID is no more likely for them than for strangers.
        assertEquals(0.0, IndexedModel.of(model).householdLevelWeight(pnc, 0), 1e-12);
        MatchModel twoClass = Linker.builder().seed(3).householdClass(false).build().train(records);
        assertFalse(twoClass.hasHouseholdClass());
    }

    @Test
    void aParentAndChildOfOneNameAtOneHomeLoseWeightAndOnePersonDoesNot() {
        // A parent and a child of one name at one home: dates of birth a generation apart ("else").
        int[] parentAndChild = pair(Set.of("forename", "surname", "postcode", "address", "sex"), Set.of("dob"));
        int[] samePerson = pair(Set.of("forename", "surname", "postcode", "address", "sex", "dob"), Set.of());
        assertTrue(IndexedModel.of(model).householdAdjustment(parentAndChild) < -5,
                "parent and child: " + IndexedModel.of(model).explain(parentAndChild).summary());
        assertEquals(0.0, IndexedModel.of(model).householdAdjustment(samePerson), "one person at home agrees on forename and dob");
        assertEquals(IndexedModel.of(model).matchWeight(parentAndChild), IndexedModel.of(model).explain(parentAndChild).totalWeight());
    }

    @Test
    void theHouseholdClassRaisesPrecisionOnGeneratedDataWithoutLosingMuchRecall() {
        Map<String, String> truth = new HashMap<>();
        for (SyntheticRecord r : generated) {
            truth.put(r.recordId(), r.entityId());
        }
        PairwiseMetrics with = metrics(Linker.builder().model(model).build().link(records), truth);
        MatchModel twoClass = model.toBuilder().relativesApartClass(0, List.of()).householdClass(0, List.of(), List.of())
                .build();
        PairwiseMetrics without = metrics(Linker.builder().model(twoClass).build().link(records), truth);
        assertTrue(with.precision() > without.precision(),
                "precision with " + with.precision() + ", without " + without.precision());
        // It must not buy that precision by losing many true pairs (F1 is measured over many seeds in
        // docs/accuracy.md; on one small pool it can go either way by a few thousandths).
        assertTrue(with.recall() > without.recall() - 0.005,
                "recall with " + with.recall() + ", without " + without.recall());
    }

    @Test
    void aRareSharedSurnameIsNoMoreEvidenceForOnePersonThanForTwoRelativesOfOneHome() {
        int[] parentAndChild = pair(Set.of("forename", "surname", "postcode", "address", "sex"), Set.of("dob"));
        int[] apart = pair(Set.of("forename", "surname"), Set.of());
        int surname = IndexedModel.of(model).indexOf("surname").orElseThrow();
        double[] rare = frequencies(surname, 2e-6);
        double[] common = frequencies(surname, 0.01);
        double tfGain = IndexedModel.of(model).termFrequencyAdjustment(surname, 2e-6) - IndexedModel.of(model).termFrequencyAdjustment(surname, 0.01);
        assertTrue(tfGain > 10, "a rare surname is strong evidence against a stranger: " + tfGain);
        // Away from home, with nothing that tells two people apart, the rare name counts in full ...
        assertEquals(tfGain, IndexedModel.of(model).matchWeight(apart, rare) - IndexedModel.of(model).matchWeight(apart, common), 1e-9);
        // ... but at home relatives share it as surely as one person does: the household class takes the
        // same adjustment, so match against household barely moves (it moves only against strangers).
        double atHome = IndexedModel.of(model).matchWeight(parentAndChild, rare) - IndexedModel.of(model).matchWeight(parentAndChild, common);
        assertTrue(atHome < 1, "a rare surname at home moved the match weight by " + atHome + " bits");
        assertTrue(IndexedModel.of(model).householdAdjustment(parentAndChild, rare) < IndexedModel.of(model).householdAdjustment(parentAndChild, common) - 9);
        assertEquals(IndexedModel.of(model).matchWeight(parentAndChild, rare), IndexedModel.of(model).explain(parentAndChild, rare).totalWeight());
    }

    @Test
    void twinsAtDifferentAddressesLookLikeRelativesApartAndOnePersonApartDoesNot() {
        assertTrue(model.hasRelativesApartClass());
        assertTrue(IndexedModel.of(model).isKinComparison(IndexedModel.of(model).indexOf("surname").orElseThrow()));
        // Twins: another forename ("else") and different homes; one person apart agrees on forename too.
        int[] twins = pair(Set.of("surname", "dob", "sex"), Set.of("forename", "postcode", "address"));
        int[] samePerson = pair(Set.of("surname", "dob", "sex", "forename"), Set.of("postcode", "address"));
        int surname = IndexedModel.of(model).indexOf("surname").orElseThrow();
        double[] rare = frequencies(surname, 2e-6);
        double adjustment = IndexedModel.of(model).householdAdjustment(twins, rare);
        assertTrue(adjustment < -5, "twins apart: " + IndexedModel.of(model).explain(twins, rare).summary());
        assertTrue(IndexedModel.of(model).explain(twins, rare).relativesApart());
        assertTrue(IndexedModel.of(model).explain(twins, rare).summary().contains("relatives apart"));
        assertEquals(0.0, IndexedModel.of(model).householdAdjustment(samePerson, rare), "one person apart agrees on forename and dob");
        assertEquals(IndexedModel.of(model).matchWeight(twins, rare), IndexedModel.of(model).explain(twins, rare).totalWeight());
        // A missing date of birth is no sign of two people: without a clear difference the class does not apply.
        int[] undated = pair(Set.of("surname", "sex", "forename"), Set.of("postcode", "address"));
        assertEquals(0.0, IndexedModel.of(model).householdAdjustment(undated, rare));
    }

    /**
     * A pair's levels: the comparisons in {@code agree} at their first level, those in {@code differ} at
     * "else" (the last before missing), every other one missing.
     */
    private static int[] pair(Set<String> agree, Set<String> differ) {
        int[] levels = new int[IndexedModel.of(model).comparisonCount()];
        for (int c = 0; c < levels.length; c++) {
            String name = model.comparisonNames().get(c);
            int neutral = IndexedModel.of(model).levels(c).size() - 1;
            levels[c] = agree.contains(name) ? 0 : differ.contains(name) ? neutral - 1 : neutral;
        }
        return levels;
    }

    private static double[] frequencies(int comparison, double frequency) {
        double[] frequencies = new double[IndexedModel.of(model).comparisonCount()];
        java.util.Arrays.fill(frequencies, IndexedModel.NO_TERM_FREQUENCY);
        frequencies[comparison] = frequency;
        return frequencies;
    }

    @Test
    void theRelativesClassesAreFittedToTheSameBitsOnOneThreadOrTwo() {
        // About 18,000 candidate pairs: the EM's sums run over two chunks, on one thread or two.
        MatchModel one = Linker.builder().seed(3).threads(1).build().train(records);
        MatchModel two = Linker.builder().seed(3).threads(2).build().train(records);
        assertTrue(one.hasRelativesApartClass());
        assertEquals(one.toJson(), two.toJson());
        assertEquals(model, two);
    }

    @Test
    void aModelWithAHouseholdClassSurvivesJson() {
        assertEquals(model, MatchModel.fromJson(model.toJson()));
    }

    @Test
    void aHouseholdClassMustNameComparisonsOfTheModel() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> model.toBuilder().householdClass(1e-6, List.of("no such comparison"), List.of()).build());
    }

    private static PairwiseMetrics metrics(LinkResult result, Map<String, String> truth) {
        Map<String, String> predicted = new HashMap<>();
        for (Entity e : result.entities()) {
            for (String id : e.recordIds()) {
                predicted.put(id, e.id());
            }
        }
        return PairwiseMetrics.of(truth, predicted);
    }
}
