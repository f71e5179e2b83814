package io.github.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.PersonRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompactLinkResultTest {
    private static List<PersonRecord> records;
    private static List<ComparableRecord> prepared;

    @BeforeAll
    static void generate() {
        // 800 fictional people, about 2,400 records: more pairs than the u sample below, so u is sampled.
        records = TestComparisons.synthetic(800, 11).stream().map(TestComparisons::toRecord).toList();
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        prepared = records.stream().map(factory::of).toList();
    }

    private static Linker.Builder linker() {
        return Linker.builder().seed(3).uSamplePairs(20_000);
    }

    /** Everything a reader of either result sees, as text, record by record and link by link. */
    private static List<String> view(CompactLinkResult result) {
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < result.recordCount(); r++) {
            lines.add(result.record(r).recordId() + " " + result.entityIdOf(r));
        }
        for (Link link : result.links()) {
            lines.add(link.leftId() + " " + link.rightId() + " " + link.matchWeight() + " " + link.evidence());
        }
        for (int e = 0; e < result.entityCount(); e++) {
            lines.add(result.pattern(e).entityId() + " " + result.pattern(e).events());
        }
        return lines;
    }

    private static List<String> view(LinkResult result) {
        List<String> lines = new ArrayList<>();
        for (PersonRecord record : records) {
            lines.add(record.recordId() + " " + result.entityOf(record.recordId()).orElseThrow().id());
        }
        for (Link link : result.links()) {
            lines.add(link.leftId() + " " + link.rightId() + " " + link.matchWeight() + " " + link.evidence());
        }
        for (Entity entity : result.entities()) {
            lines.add(entity.id() + " " + entity.pattern().events());
        }
        return lines;
    }

    @Test
    void linkingPreparedRecordsGivesWhatLinkingPersonRecordsGives() {
        Linker linker = linker().build();
        LinkResult full = linker.link(records);
        CompactLinkResult compact = linker.linkComparable(prepared);
        assertEquals(full.model(), compact.model());
        assertEquals(view(full), view(compact));
        assertEquals(full.statistics().people(), compact.statistics().people());
        assertEquals(full.statistics().peopleSeenByMoreThanOneForce(),
                compact.statistics().peopleSeenByMoreThanOneForce());
        assertEquals(full.statistics().candidatePairs(), compact.statistics().candidatePairs());
        assertTrue(compact.linkCount() > 500, "the pool is large enough to link");
    }

    @Test
    void theResultIsTheSameWhateverTheNumberOfThreads() {
        CompactLinkResult one = linker().threads(1).build().linkComparable(prepared);
        CompactLinkResult two = linker().threads(2).build().linkComparable(prepared);
        CompactLinkResult three = linker().threads(3).build().linkComparable(prepared);
        assertEquals(one.model(), two.model());
        assertEquals(one.model(), three.model());
        assertEquals(view(one), view(two));
        assertEquals(view(one), view(three));
    }

    @Test
    void everyLinkWeighsWhatItsExplanationAddsUpTo() {
        CompactLinkResult result = linker().build().linkComparable(prepared);
        for (int k = 0; k < result.linkCount(); k++) {
            Link link = result.link(k);
            assertEquals(link.matchWeight(), link.explanation().totalWeight(), 0.0);
            assertEquals(link.matchWeight(), result.linkWeight(k), 0.0);
            assertTrue(link.matchWeight() >= result.thresholdWeight() || link.matchWeight() >= 0
                    && result.entityIdOf(indexOf(link.leftId())).equals(result.entityIdOf(indexOf(link.rightId()))),
                    "at or above the threshold, or a supported link inside one person: " + link);
        }
    }

    @Test
    void everyRecordIsInExactlyOneEntityAndItsPattern() {
        CompactLinkResult result = linker().build().linkComparable(prepared);
        int events = 0;
        for (int e = 0; e < result.entityCount(); e++) {
            for (int r : result.members(e)) {
                assertEquals(e, result.entityOf(r));
            }
            events += result.pattern(e).events().size();
        }
        assertEquals(result.recordCount(), events);
    }

    @Test
    void aRepeatedRecordIdIsRejected() {
        List<ComparableRecord> twice = new ArrayList<>(prepared.subList(0, 10));
        twice.add(prepared.get(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> linker().build().linkComparable(twice));
        assertTrue(e.getMessage().contains(prepared.get(3).recordId()));
    }

    private int indexOf(String recordId) {
        for (int r = 0; r < prepared.size(); r++) {
            if (prepared.get(r).recordId().equals(recordId)) {
                return r;
            }
        }
        throw new AssertionError("no record " + recordId);
    }
}
