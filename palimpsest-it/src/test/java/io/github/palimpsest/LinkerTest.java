package io.github.palimpsest;

import static io.github.palimpsest.TestComparisons.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.pattern.Evidence;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkerTest {

    /** Sam Okonjo x3 (one purged), a twin with another PNC ID, the Fairweathers, and one stranger. */
    static List<PersonRecord> smallPool() {
        return List.of(
                record("A1", "Met", "Okonjo", "1980-05-01", "1995/0040127L", "2010-01-05"),
                record("A2", "Herts", "Okonjo", "1980-05-01", "", "2012-03-09"),
                record("B1", "Sussex", "Okonjo", "1980-05-01", "1995/0040219L", "2013-07-01"),
                record("C1", "Met", "Fairweather", "1975-02-03", "", "2001-11-30"),
                record("A3", "Hants", "", "1980-05-01", "1995/0040127L", "2008-04-12"),
                record("C2", "Hants", "Fairweather", "1975-02-03", "", ""),
                record("D1", "Herts", "Quennell", "1990-09-09", "", "2015-06-06"));
    }

    private static Map<String, String> entityOfRecord(LinkResult result) {
        Map<String, String> map = new HashMap<>();
        result.entities().forEach(e -> e.recordIds().forEach(id -> map.put(id, e.id())));
        return map;
    }

    @Test
    void linksASmallPoolIntoPeopleKeepingDifferentPncIdsApart() {
        LinkResult result = TestComparisons.linker().model(TestComparisons.handModel()).build().link(smallPool());
        Set<Set<String>> people = result.entities().stream().map(e -> Set.copyOf(e.recordIds()))
                .collect(Collectors.toSet());
        assertEquals(Set.of(Set.of("A1", "A2", "A3"), Set.of("B1"), Set.of("C1", "C2"), Set.of("D1")), people);
        assertEquals(4, result.statistics().people());
        assertEquals(2, result.statistics().peopleSeenByMoreThanOneForce());
        assertEquals(1, result.statistics().constraintRejections(), "A2~B1 is above the threshold but refused");
        assertFalse(result.statistics().isModelTrained());
        assertEquals(TestComparisons.handModel(), result.model());
    }

    @Test
    void thePatternListsEventsInDateOrderAndMarksThePurgedRecordLinkedWithoutAName() {
        LinkResult result = TestComparisons.linker().model(TestComparisons.handModel()).build().link(smallPool());
        Entity sam = result.entityOf("A1").orElseThrow();
        List<PatternEvent> events = sam.pattern().events();
        assertEquals(List.of("A3", "A1", "A2"), events.stream().map(PatternEvent::recordId).toList());
        assertEquals(List.of("44", "01", "41"), sam.pattern().forces());
        PatternEvent purged = events.get(0);
        assertTrue(purged.isLinkedWithoutName());
        assertEquals("A1", purged.linkedTo().orElseThrow());
        assertEquals("pnc_id exact + dob exact", purged.linkedBy().orElseThrow());
        assertEquals("pnc_id exact + dob exact; linked without a name", purged.linkedByText());
        assertEquals("44", purged.forceCode());
        assertEquals("Hampshire and Isle of Wight", purged.forceName());
        assertEquals("dob exact + surname exact", events.get(2).linkedBy().orElseThrow());
        Entity fairweather = result.entityOf("C1").orElseThrow();
        assertEquals(List.of("C1", "C2"), fairweather.pattern().events().stream().map(PatternEvent::recordId).toList(),
                "the undated event comes last");
        Entity stranger = result.entityOf("D1").orElseThrow();
        assertTrue(stranger.pattern().events().get(0).linkedBy().isEmpty());
        assertEquals("", stranger.pattern().events().get(0).linkedByText());
    }

    @Test
    void everyRecordIsInExactlyOneEntityAndLinksAreAtOrAboveTheThresholdOrSupported() {
        List<PersonRecord> records = TestComparisons.synthetic(400, 7).stream().map(TestComparisons::toRecord).toList();
        LinkResult result = TestComparisons.linker().seed(7).build().link(records);
        List<String> clustered = new ArrayList<>();
        result.entities().forEach(e -> clustered.addAll(e.recordIds()));
        assertEquals(records.size(), clustered.size());
        assertEquals(records.stream().map(PersonRecord::recordId).collect(Collectors.toSet()), Set.copyOf(clustered));
        assertEquals(records.size(), result.statistics().records());
        assertTrue(result.links().size() > 100);
        for (Link link : result.links()) {
            // At or above the threshold, or a supported link: more likely than not, and inside one person.
            boolean supported = link.matchWeight() >= 0
                    && result.entityOf(link.leftId()).equals(result.entityOf(link.rightId()));
            assertTrue(link.matchWeight() >= result.thresholdWeight() || supported, link.toString());
            assertTrue(link.probability() >= 0.95 - 1e-12 || supported, link.toString());
            assertEquals(link.matchWeight(), link.explanation().totalWeight(), 0.0);
            assertEquals(link.probability(), link.explanation().probability(), 0.0);
        }
        assertEquals(result.links().size(), result.statistics().links());
        assertTrue(result.statistics().isModelTrained());
        assertEquals(List.of("prepare", "block", "compare", "train", "search", "score", "cluster", "pattern"),
                List.copyOf(result.statistics().stageTimes().keySet()));
    }

    @Test
    void aTrainedModelLinksGeneratedCrossForceDataWell() {
        List<SyntheticRecord> generated = TestComparisons.synthetic(1_000, 11);
        List<PersonRecord> records = generated.stream().map(TestComparisons::toRecord).toList();
        LinkResult result = TestComparisons.linker().seed(11).build().link(records);
        Map<String, String> truth = new HashMap<>();
        generated.forEach(g -> truth.put(g.recordId(), g.entityId()));
        PairwiseMetrics metrics = PairwiseMetrics.of(truth, entityOfRecord(result));
        // Three comparisons only (surname, dob, PNC): a floor that shows the stages work together.
        assertTrue(metrics.precision() > 0.9, "precision " + metrics.precision());
        assertTrue(metrics.recall() > 0.6, "recall " + metrics.recall());
    }

    @Test
    void theSameSeedGivesTheSameResultWhateverTheThreads() {
        List<PersonRecord> records = TestComparisons.synthetic(300, 3).stream().map(TestComparisons::toRecord).toList();
        LinkResult one = TestComparisons.linker().seed(5).threads(1).build().link(records);
        LinkResult two = TestComparisons.linker().seed(5).threads(2).build().link(records);
        assertEquals(one.model(), two.model());
        assertEquals(entityOfRecord(one), entityOfRecord(two));
        assertEquals(summaries(one), summaries(two));
        assertEquals(one.entities().stream().map(Entity::id).toList(), two.entities().stream().map(Entity::id).toList());
        LinkResult otherSeed = TestComparisons.linker().seed(6).uSamplePairs(5_000).build().link(records);
        LinkResult sameOtherSeed = TestComparisons.linker().seed(6).uSamplePairs(5_000).build().link(records);
        assertEquals(otherSeed.model(), sameOtherSeed.model());
        assertNotEquals(TestComparisons.linker().seed(7).uSamplePairs(5_000).build().link(records).model(),
                otherSeed.model(), "the seed drives u sampling");
    }

    @Test
    void entityIdsStayPutWhenAnUnrelatedRecordIsAdded() {
        LinkResult before = TestComparisons.linker().model(TestComparisons.handModel()).build().link(smallPool());
        List<PersonRecord> more = new ArrayList<>(smallPool());
        more.add(0, record("Z9", "Met", "Ashworth", "1966-06-06", "", "2020-01-01"));
        LinkResult after = TestComparisons.linker().model(TestComparisons.handModel()).build().link(more);
        for (Entity e : before.entities()) {
            assertEquals(e.id(), after.entityOf(e.recordIds().get(0)).orElseThrow().id());
        }
    }

    @Test
    void aSavedAndReloadedModelScoresExactlyTheSame(@TempDir Path dir) throws IOException {
        List<PersonRecord> records = TestComparisons.synthetic(200, 9).stream().map(TestComparisons::toRecord).toList();
        LinkResult trained = TestComparisons.linker().seed(9).build().link(records);
        Path file = dir.resolve("model.json");
        trained.model().save(file);
        assertTrue(Files.readString(file).contains("\"palimpsest-model\""));
        LinkResult reused = TestComparisons.linker().model(MatchModel.load(file)).build().link(records);
        assertEquals(summaries(trained), summaries(reused));
        assertEquals(entityOfRecord(trained), entityOfRecord(reused));
    }

    @Test
    void aPoolBelowTheTrainingMinimumIsNeverTermFrequencyAdjusted() {
        List<PersonRecord> records = new ArrayList<>();
        records.add(record("Q-a", "Met", "Quennell", "1985-08-08", "", ""));
        records.add(record("Q-b", "Kent", "Quennell", "1985-08-08", "", ""));
        MatchModel model = TestComparisons.handModel().toBuilder().termFrequencyLevel("surname", TestComparisons.SURNAME.levels().get(0)).build();
        LinkResult result = TestComparisons.linker().model(model).thresholdProbability(0.5)
                .termFrequencyAdjustment(true).minimumTrainingRecords(3).build().link(records);
        assertEquals(0.0, result.links().get(0).explanation().rows().get(0).termFrequencyAdjustment());
    }

    @Test
    void theSameAgreementLinksARareSurnameButNotACommonOneWithTermFrequencies() {
        List<PersonRecord> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(record("S" + i, "Met", "Smith", "1970-01-" + String.format("%02d", i + 2), "", ""));
        }
        records.add(record("S-a", "Met", "Smith", "1985-07-07", "", ""));
        records.add(record("S-b", "Kent", "Smith", "1985-07-07", "", ""));
        records.add(record("Q-a", "Met", "Quennell", "1985-08-08", "", ""));
        records.add(record("Q-b", "Kent", "Quennell", "1985-08-08", "", ""));
        MatchModel model = TestComparisons.handModel().toBuilder().termFrequencyLevel("surname", TestComparisons.SURNAME.levels().get(0)).build();
        // Threshold 0.5 (0 bits): surname and dob exact give 6.3 bits before adjustment; "smith" is 22 of
        // 24 surnames (−6.5 bits of adjustment), "quennell" 2 of 24 (−3.1).
        LinkResult adjusted = TestComparisons.linker().model(model).thresholdProbability(0.5)
                .termFrequencyAdjustment(true).minimumTrainingRecords(records.size()).build().link(records);
        assertEquals(Double.NEGATIVE_INFINITY, weightOf(adjusted, "S-a", "S-b"), "Smith is not a link");
        assertTrue(weightOf(adjusted, "Q-a", "Q-b") > 0);
        Link q = adjusted.links().stream().filter(l -> l.leftId().equals("Q-a")).findFirst().orElseThrow();
        assertEquals(Math.log(0.01 / (2 / 24.0)) / Math.log(2), q.explanation().rows().get(0).termFrequencyAdjustment(),
                1e-12);
        LinkResult unadjusted = TestComparisons.linker().model(model).thresholdProbability(0.5)
                .termFrequencyAdjustment(false).build().link(records);
        assertEquals(weightOf(unadjusted, "Q-a", "Q-b"), weightOf(unadjusted, "S-a", "S-b"));
    }

    /** Links as comparable text: ids, exact weight and the full evidence. */
    static List<String> summaries(LinkResult result) {
        return result.links().stream().map(l -> l.leftId() + " " + l.rightId() + " " + l.matchWeight() + " "
                + l.probability() + " " + l.evidence()).toList();
    }

    private static double weightOf(LinkResult result, String a, String b) {
        return result.links().stream().filter(l -> l.leftId().equals(a) && l.rightId().equals(b))
                .mapToDouble(Link::matchWeight).findFirst().orElse(Double.NEGATIVE_INFINITY);
    }

    @Test
    void repeatedRecordIdsAndTooFewRecordsToTrainOnAreRefused() {
        List<PersonRecord> twice = List.of(record("X", "Met", "A", "", "", ""), record("X", "Kent", "B", "", "", ""));
        Linker linker = TestComparisons.linker().build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> linker.link(twice)).getMessage().contains("'X'"));
        assertThrows(IllegalArgumentException.class, () -> linker.link(List.of(record("X", "Met", "A", "", "", ""))));
        LinkResult one = TestComparisons.linker().model(TestComparisons.handModel()).build()
                .link(List.of(record("X", "Met", "A", "", "", "")));
        assertEquals(1, one.entities().size());
        assertEquals(0, TestComparisons.linker().model(TestComparisons.handModel()).build().link(List.of())
                .entities().size());
    }

    @Test
    void aModelThatDoesNotFitTheComparisonsIsRefusedAtBuild() {
        MatchModel other = MatchModel.builder().prior(1e-3)
                .comparison("forename", TestComparisons.EXACT_DIFFERENT_MISSING, new double[] {0.9, 0.1, 1},
                        new double[] {0.01, 0.99, 1})
                .build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestComparisons.linker().model(other).build());
        assertTrue(e.getMessage().contains("forename"), e.getMessage());
    }

    @Test
    void explainScoresAnyPairWithTheModel() {
        Linker linker = TestComparisons.linker().build();
        List<PersonRecord> pool = smallPool();
        var why = linker.explain(pool.get(0), pool.get(2), TestComparisons.handModel());
        assertEquals("pnc_id", why.rows().get(2).comparison());
        assertEquals("different", why.rows().get(2).level());
        assertTrue(why.totalWeight() < 0);
    }

    @Test
    void stageListenerHearsEveryStageInOrder() {
        List<String> heard = new ArrayList<>();
        Linker.StageListener listener = new Linker.StageListener() {
            @Override
            public void stageStarted(String stage) {
                heard.add("+" + stage);
            }

            @Override
            public void stageFinished(String stage, java.time.Duration elapsed, String summary) {
                heard.add("-" + stage);
            }
        };
        TestComparisons.linker().model(TestComparisons.handModel()).stageListener(listener).build().link(smallPool());
        assertEquals(List.of("+prepare", "-prepare", "+block", "-block", "+compare", "-compare", "+search", "-search", "+score", "-score",
                "+cluster", "-cluster", "+pattern", "-pattern"), heard);
        assertTrue(new HashSet<>(Linker.STAGES).containsAll(heard.stream().map(s -> s.substring(1)).toList()));
    }

    @Test
    void aRecordJoinedThroughALinkBelowTheThresholdSaysItWasSupported() {
        List<PersonRecord> records = TestComparisons.synthetic(400, 7).stream().map(TestComparisons::toRecord).toList();
        LinkResult result = TestComparisons.linker().seed(7).build().link(records);
        Map<Set<String>, Double> weightOf = new HashMap<>();
        result.links().forEach(l -> weightOf.put(Set.of(l.leftId(), l.rightId()), l.matchWeight()));
        int supported = 0;
        for (Entity person : result.entities()) {
            for (PatternEvent event : person.pattern().events()) {
                if (event.linkedTo().isEmpty()) {
                    continue;
                }
                double weight = weightOf.get(Set.of(event.recordId(), event.linkedTo().get()));
                boolean below = weight < result.thresholdWeight();
                assertEquals(below, event.linkedByText().contains(Evidence.SUPPORTED), event.toString());
                supported += below ? 1 : 0;
            }
        }
        assertTrue(supported > 0, "the pool has a record joined through a supported link");
    }
}
