package io.github.palimpsest.index;

import static io.github.palimpsest.index.LinkIndexTest.BRIDGE;
import static io.github.palimpsest.index.LinkIndexTest.NAMED_1;
import static io.github.palimpsest.index.LinkIndexTest.NAMED_2;
import static io.github.palimpsest.index.LinkIndexTest.PURGED_1;
import static io.github.palimpsest.index.LinkIndexTest.PURGED_2;
import static io.github.palimpsest.index.LinkIndexTest.STRANGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.review.ContradictoryDecisionsException;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.review.ReviewDecisions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkIndexDecisionsTest {
    @TempDir
    Path directory;

    private static final List<PersonRecord> DANIEL = List.of(NAMED_1, NAMED_2, PURGED_1, PURGED_2, BRIDGE);

    private static LinkIndex withAll(LinkIndex index, List<PersonRecord> records) {
        records.forEach(index::add);
        return index;
    }

    private static ReviewDecisions of(ReviewDecision... decisions) {
        return ReviewDecisions.of(List.of(decisions));
    }

    @Test
    void aNonMatchSplitsTheChainThroughTheBridge() {
        LinkIndex index = withAll(LinkIndex.builder().build(), DANIEL);
        assertEquals(index.entityIdOf("H1-A"), index.entityIdOf("H2-A"), "the bridge joins both histories");

        List<ReviewDecision> unknown = index.decide(of(ReviewDecision.nonMatch("H1-A", "H2-B")));

        assertEquals(List.of(), unknown);
        assertNotEquals(index.entityIdOf("H1-A"), index.entityIdOf("H2-B"));
        assertEquals(index.entityCount(), index.entityIds().values().stream().distinct().count());
    }

    @Test
    void aMatchJoinsTwoPeopleWithoutAnyLinkAndHoldsAsRecordsComeAndGo() {
        LinkIndex index = withAll(LinkIndex.builder().build(), List.of(NAMED_1, STRANGER));
        assertNotEquals(index.entityIdOf("H1-A"), index.entityIdOf("S-1"));

        index.decide(of(ReviewDecision.match("S-1", "H1-A")));
        assertEquals(index.entityIdOf("H1-A"), index.entityIdOf("S-1"));
        assertEquals(1, index.entityCount());

        index.add(NAMED_2);
        index.remove("H1-A");
        index.add(NAMED_1);
        assertEquals(index.entityIdOf("H1-A"), index.entityIdOf("S-1"), "re-added, the record rejoins its match");
    }

    @Test
    void aDecisionOnARecordNotYetIndexedIsReportedAndAppliesWhenItArrives() {
        LinkIndex index = withAll(LinkIndex.builder().build(), List.of(NAMED_1, NAMED_2, PURGED_1, PURGED_2));

        ReviewDecision early = ReviewDecision.nonMatch("N-1", "H2-A").from("decisions.csv line 2");
        assertEquals(List.of(early), index.decide(of(early)));
        index.add(BRIDGE);

        assertNotEquals(index.entityIdOf("N-1"), index.entityIdOf("H2-A"));
    }

    @Test
    void decisionsSurviveSaveAndLoad() throws IOException {
        ReviewDecisions decided = of(ReviewDecision.nonMatch("H1-A", "H2-B").by("a reviewer").because("two men"),
                ReviewDecision.match("S-1", "H1-B"));
        LinkIndex index = withAll(LinkIndex.builder().decisions(decided).build(), DANIEL);
        index.add(STRANGER);
        Map<String, String> people = index.entityIds();
        assertNotEquals(people.get("H1-A"), people.get("H2-B"));
        assertEquals(people.get("S-1"), people.get("H1-B"));
        Path file = directory.resolve("people.idx");

        index.save(file);
        LinkIndex loaded = LinkIndex.load(file);

        assertEquals(decided.decisions(), loaded.decisions().decisions());
        assertEquals(people, loaded.entityIds());
        loaded.remove("N-1");
        loaded.add(BRIDGE);
        assertNotEquals(loaded.entityIdOf("H1-A"), loaded.entityIdOf("H2-B"), "the loaded decision still holds");
        assertEquals(loaded.entityIdOf("S-1"), loaded.entityIdOf("H1-B"));
    }

    @Test
    void contradictoryDecisionsAreRefusedBeforeAnyChange() {
        LinkIndex index = withAll(LinkIndex.builder().build(), DANIEL);
        index.decide(of(ReviewDecision.match("H1-A", "S-9"), ReviewDecision.match("S-9", "H2-B")));
        Map<String, String> before = index.entityIds();

        ContradictoryDecisionsException e = assertThrows(ContradictoryDecisionsException.class,
                () -> index.decide(of(ReviewDecision.nonMatch("H2-B", "H1-A").from("decisions.csv line 7"))));

        assertTrue(e.getMessage().startsWith("decisions.csv line 7"), e.getMessage());
        assertEquals(3, e.decisions().size());
        assertEquals(before, index.entityIds());
        assertEquals(2, index.decisions().size());
    }

    @Test
    void theIndexFormsTheBatchLinkersPeopleUnderTheSameDecisions() {
        ReviewDecisions decided = of(ReviewDecision.nonMatch("H1-A", "H2-B"), ReviewDecision.match("S-1", "H1-B"));
        List<PersonRecord> records = new java.util.ArrayList<>(DANIEL);
        records.add(STRANGER);
        records.sort(java.util.Comparator.comparing(PersonRecord::recordId));

        LinkIndex index = withAll(LinkIndex.builder().decisions(decided).build(), records);
        io.github.palimpsest.LinkResult batch = io.github.palimpsest.Linker.builder().model(index.model())
                .termFrequencyAdjustment(false).decisions(decided).build().link(records);

        for (PersonRecord r : records) {
            assertEquals(batch.entityOf(r.recordId()).orElseThrow().id(), index.entityIdOf(r.recordId()).orElseThrow(),
                    r.recordId());
        }
    }
}
