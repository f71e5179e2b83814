package io.github.palimpsest.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.Entity;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.cluster.EntityIds;
import io.github.palimpsest.compare.PersonComparisons;
import io.github.palimpsest.index.ChangeReport.Outcome;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.pipeline.DefaultModel;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.synthetic.SyntheticForces;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkIndexTest {
    private static final LocalDate REFERENCE = LocalDate.of(2025, 1, 1);
    private static final EntityIds IDS = EntityIds.people();

    /** A fictional record. Blank arguments are absent fields. */
    static PersonRecord record(String id, String force, String forename, String surname, String dob, String pnc,
            String phone, String postcode, String eventDate) {
        return PersonRecord.builder().referenceDate(REFERENCE).recordId(id).force(force).forename(forename)
                .surname(surname).dob(dob).pncId(pnc).phone(phone).postcode(postcode).eventDate(eventDate)
                .eventType("allegation").build();
    }

    /** Daniel Ashcombe's first history: his name, date of birth and phone, no PNC ID. */
    static final PersonRecord NAMED_1 =
            record("H1-A", "Met", "Daniel", "Ashcombe", "1984-06-17", "", "07700 900461", "N1 9GU", "2009-03-02");
    static final PersonRecord NAMED_2 =
            record("H1-B", "Met", "Daniel", "Ashcombe", "1984-06-17", "", "07700 900461", "N1 9GU", "2011-08-19");
    /**
     * His second history: the name and date of birth purged, a PNC ID kept. Nothing in it meets the first
     * history (with the date of birth kept, the two would already be more likely than not one person, and
     * the first history's two records would support the link), so only a record that carries both joins them.
     */
    static final PersonRecord PURGED_1 =
            record("H2-A", "Hants", "", "", "", "1995/0040127L", "", "SO14 3JR", "2014-01-10");
    static final PersonRecord PURGED_2 =
            record("H2-B", "Sussex", "", "", "", "1995/0040127L", "", "BN1 1AA", "2016-05-23");
    /** The new allegation that carries both his name and phone and his PNC ID. */
    static final PersonRecord BRIDGE =
            record("N-1", "Herts", "Daniel", "Ashcombe", "1984-06-17", "1995/0040127L", "07700 900461", "AL1 3JE",
                    "2021-11-04");
    /** Someone else entirely. */
    static final PersonRecord STRANGER =
            record("S-1", "Herts", "Priya", "Vellacott", "1991-02-09", "", "07700 900982", "AL5 2PR", "2019-07-07");

    private static LinkIndex twoHistories() {
        LinkIndex index = LinkIndex.builder().build();
        for (PersonRecord r : List.of(NAMED_1, NAMED_2, PURGED_1, PURGED_2)) {
            index.add(r);
        }
        return index;
    }

    @Test
    void aRecordThatMatchesNobodyCreatesAPersonNamedAfterItsOwnId() {
        LinkIndex index = LinkIndex.builder().build();
        ChangeReport change = index.add(STRANGER);
        assertEquals(Outcome.CREATED, change.outcome());
        assertEquals(IDS.idFor("S-1"), change.entityId());
        assertEquals(Optional.empty(), change.previousEntityId());
        assertEquals(1, index.size());
        assertEquals(1, index.entityCount());
    }

    @Test
    void aRecordThatMatchesOnePersonJoinsItAndKeepsItsId() {
        LinkIndex index = LinkIndex.builder().build();
        index.add(NAMED_1);
        ChangeReport change = index.add(NAMED_2);
        assertEquals(Outcome.JOINED, change.outcome());
        assertEquals(IDS.idFor("H1-A"), change.entityId(), "H1-A sorts first, so the person keeps its id");
        assertEquals(List.of("H1-A", "H1-B"), change.after().get(change.entityId()));
    }

    @Test
    void theTwoEarlierHistoriesStayApartWithoutTheBridge() {
        LinkIndex index = twoHistories();
        assertEquals(2, index.entityCount());
        assertNotEquals(index.entityIdOf("H1-A"), index.entityIdOf("H2-A"));
        assertEquals(index.entityIdOf("H2-A"), index.entityIdOf("H2-B"));
    }

    @Test
    void aNewAllegationJoiningTwoEarlierHistoriesIsReportedAsAMerge() {
        LinkIndex index = twoHistories();
        String named = index.entityIdOf("H1-A").orElseThrow();
        String purged = index.entityIdOf("H2-A").orElseThrow();
        ChangeReport change = index.add(BRIDGE);
        assertEquals(Outcome.MERGED, change.outcome());
        assertEquals(List.of(named, purged).stream().sorted().toList(), change.mergedEntityIds());
        assertEquals(named, change.entityId(), "the merged person keeps the id of the one holding H1-A");
        assertEquals(List.of("H1-A", "H1-B", "H2-A", "H2-B", "N-1"), change.after().get(named));
        assertEquals(Set.of(named, purged), change.before().keySet());
        assertEquals(1, index.entityCount());
    }

    @Test
    void removingTheBridgeSplitsThePersonBackIntoItsHistories() {
        LinkIndex index = twoHistories();
        String named = index.entityIdOf("H1-A").orElseThrow();
        String purged = index.entityIdOf("H2-A").orElseThrow();
        index.add(BRIDGE);
        ChangeReport change = index.remove("N-1");
        assertEquals(Outcome.SPLIT, change.outcome());
        assertEquals(named, change.entityId(), "the person the record was removed from");
        assertEquals(List.of(named, purged).stream().sorted().toList(), change.splitEntityIds());
        assertEquals(Optional.empty(), index.record("N-1"));
        assertEquals(2, index.entityCount());
    }

    @Test
    void removingARecordThatHoldsNothingTogetherIsReportedAsARemoval() {
        LinkIndex index = twoHistories();
        ChangeReport change = index.remove("H1-B");
        assertEquals(Outcome.REMOVED, change.outcome());
        assertEquals(List.of(), change.splitEntityIds());
        assertEquals(3, index.size());
        assertEquals(Optional.of(IDS.idFor("H1-A")), index.entityIdOf("H1-A"));
    }

    @Test
    void anUpdateThatTakesAwayTheBridgingIdentifierSplitsThePerson() {
        LinkIndex index = twoHistories();
        index.add(BRIDGE);
        PersonRecord withoutPnc = BRIDGE.toBuilder().pncId("").build();
        ChangeReport change = index.update(withoutPnc);
        assertEquals(Outcome.SPLIT, change.outcome());
        assertEquals(index.entityIdOf("H1-A").orElseThrow(), change.entityId(), "it stays with its named history");
        assertEquals(2, index.entityCount());
        assertEquals("", index.record("N-1").orElseThrow().pncId().raw());
    }

    @Test
    void anUpdateThatAddsTheBridgingIdentifierMerges() {
        LinkIndex index = twoHistories();
        index.add(BRIDGE.toBuilder().pncId("").build());
        ChangeReport change = index.update(BRIDGE);
        assertEquals(Outcome.MERGED, change.outcome());
        assertEquals(1, index.entityCount());
    }

    @Test
    void anUpdateWithTheSameContentChangesNobody() {
        LinkIndex index = twoHistories();
        index.add(BRIDGE);
        ChangeReport change = index.update(BRIDGE.toBuilder().build());
        assertEquals(Outcome.UNCHANGED, change.outcome());
        assertEquals(change.before(), change.after());
        ChangeReport alone = index.add(STRANGER);
        assertEquals(Outcome.CREATED, alone.outcome());
        assertEquals(Outcome.UNCHANGED, index.update(STRANGER.toBuilder().eventType("arrest").build()).outcome());
    }

    @Test
    void movingARecordToAnotherPersonIsReportedAsAJoin() {
        LinkIndex index = twoHistories();
        index.add(STRANGER);
        index.add(record("X-1", "Met", "Priya", "Vellacott", "1991-02-09", "", "07700 900982", "AL5 2PR", ""));
        ChangeReport change = index.update(record("X-1", "Met", "Daniel", "Ashcombe", "1984-06-17", "",
                "07700 900461", "N1 9GU", ""));
        assertEquals(Outcome.JOINED, change.outcome());
        assertEquals(index.entityIdOf("H1-A").orElseThrow(), change.entityId());
        assertEquals(Optional.of(IDS.idFor("S-1")), change.previousEntityId());
    }

    @Test
    void entityIdsStayPutWhenUnrelatedRecordsArrive() {
        LinkIndex index = twoHistories();
        String named = index.entityIdOf("H1-A").orElseThrow();
        String purged = index.entityIdOf("H2-A").orElseThrow();
        index.add(STRANGER);
        index.add(record("Z-9", "Met", "Tomasz", "Brightwell", "1970-12-01", "", "", "E1 6AN", ""));
        assertEquals(named, index.entityIdOf("H1-B").orElseThrow());
        assertEquals(purged, index.entityIdOf("H2-B").orElseThrow());
    }

    @Test
    void aJoiningRecordWhoseIdSortsFirstRenamesThePersonAndSaysSo() {
        LinkIndex index = twoHistories();
        String before = index.entityIdOf("H1-A").orElseThrow();
        PersonRecord earlier = record("A-0", "Met", "Daniel", "Ashcombe", "1984-06-17", "", "07700 900461", "N1 9GU", "");
        ChangeReport change = index.add(earlier);
        assertEquals(Outcome.JOINED, change.outcome());
        assertEquals(IDS.idFor("A-0"), change.entityId());
        assertEquals(Set.of(before), change.before().keySet());
    }

    @Test
    void matchFindsThePersonWithItsPatternWithoutAddingTheRecord() {
        LinkIndex index = twoHistories();
        MatchResult result = index.match(BRIDGE);
        assertEquals(4, index.size(), "match is read-only");
        assertTrue(result.isMatch());
        assertEquals(Set.of("H1-A", "H1-B", "H2-A", "H2-B"),
                Set.copyOf(result.links().stream().map(MatchCandidate::recordId).toList()));
        assertEquals(2, result.entities().size(), "both earlier people are shown: the record would merge them");
        for (MatchCandidate c : result.candidates()) {
            assertEquals(c.matchWeight(), c.explanation().totalWeight(), 1e-9);
            assertEquals(c.probability(), c.explanation().probability(), 1e-12);
            assertTrue(result.entity(c.entityId()).orElseThrow().recordIds().contains(c.recordId()));
        }
        for (int k = 1; k < result.candidates().size(); k++) {
            assertTrue(result.candidates().get(k - 1).matchWeight() >= result.candidates().get(k).matchWeight());
        }
        Entity purged = result.entity(index.entityIdOf("H2-A").orElseThrow()).orElseThrow();
        List<PatternEvent> events = purged.pattern().events();
        assertEquals(List.of("H2-A", "H2-B"), events.stream().map(PatternEvent::recordId).toList());
        assertTrue(events.get(0).isLinkedWithoutName());
        assertEquals(Optional.of("H2-B"), events.get(0).linkedTo());
    }

    @Test
    void aRecordWithANameAndNoDateOfBirthMeetsEveryRecordOfThatNameAndOnlyIt() {
        PersonRecord nameOnly = record("Q-1", "Sussex", "Daniel", "Ashcombe", "", "", "", "", "2022-02-02");
        PersonRecord otherBirth = record("Q-2", "Sussex", "Daniel", "Ashcombe", "1990-01-01", "", "", "", "2022-03-03");
        LinkIndex index = twoHistories();
        assertTrue(candidateIds(index.match(nameOnly)).contains("H1-A"), "the name alone reaches his records");
        // Two records that both have a date of birth also meet by the full name's sounds alone (the
        // full-name-phonetic rule: dates of birth may be wrong by more than the date keys forgive).
        assertTrue(candidateIds(index.match(otherBirth)).contains("H1-A"));
        // And the other way round: an indexed name-only record is found by a record with a date of birth.
        index.add(nameOnly);
        assertTrue(candidateIds(index.match(otherBirth)).contains("Q-1"));
    }

    private static Set<String> candidateIds(MatchResult result) {
        return Set.copyOf(result.candidates().stream().map(MatchCandidate::recordId).toList());
    }

    @Test
    void matchOfAStrangerFindsNoPerson() {
        LinkIndex index = twoHistories();
        MatchResult result = index.match(STRANGER);
        assertFalse(result.isMatch());
        assertEquals(Optional.empty(), result.bestEntity());
    }

    @Test
    void matchLeavesOutTheIndexedRecordWithTheSameId() {
        LinkIndex index = twoHistories();
        MatchResult result = index.match(NAMED_1);
        assertFalse(result.candidates().stream().anyMatch(c -> c.recordId().equals("H1-A")));
        assertEquals(Optional.of(index.entityIdOf("H1-A").orElseThrow()), result.bestEntity().map(Entity::id));
    }

    @Test
    void matchReturnsAtMostMaxCandidates() {
        LinkIndex index = LinkIndex.builder().maxCandidates(1).build();
        for (PersonRecord r : List.of(NAMED_1, NAMED_2, PURGED_1, PURGED_2)) {
            index.add(r);
        }
        assertEquals(1, index.match(BRIDGE).candidates().size());
    }

    @Test
    void addingAnIndexedIdOrChangingAnUnknownOneFailsClearly() {
        LinkIndex index = twoHistories();
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class, () -> index.add(NAMED_1));
        assertTrue(duplicate.getMessage().contains("H1-A"));
        assertThrows(NoSuchElementException.class, () -> index.remove("nobody"));
        assertThrows(NoSuchElementException.class, () -> index.update(STRANGER));
        assertEquals(4, index.size(), "a failed change changes nothing");
    }

    @Test
    void withoutAModelTheIndexUsesTheBatchLinkersBundledModel() {
        LinkResult small = Linker.builder().build().link(List.of(NAMED_1, STRANGER));
        assertEquals(small.model(), LinkIndex.builder().build().model());
    }

    @Test
    void aLargeIndexWithoutAModelScalesTheBundledPriorsToItsExpectedSize() {
        MatchModel bundled = DefaultModel.standard();
        MatchModel large = LinkIndex.builder().expectedSize(100_000).build().model();
        double factor = (DefaultModel.TRAINING_RECORDS - 1.0) / (100_000 - 1.0);
        assertEquals(bundled.prior() * factor, large.prior(), bundled.prior() * 1e-12);
        assertTrue(bundled.householdPrior() > 0 && bundled.relativesApartPrior() > 0, "the bundled model has both classes");
        assertEquals(bundled.householdPrior() * factor, large.householdPrior(), bundled.householdPrior() * 1e-12);
        assertEquals(bundled.relativesApartPrior() * factor, large.relativesApartPrior(),
                bundled.relativesApartPrior() * 1e-12);
        assertEquals(IndexedModel.of(bundled).levelWeight(0, 0), IndexedModel.of(large).levelWeight(0, 0), "the evidence is unchanged");
        assertEquals(bundled, LinkIndex.builder().expectedSize(DefaultModel.TRAINING_RECORDS).build().model(),
                "no larger than the training pool: as it is");
        assertEquals(bundled, LinkIndex.builder().model(bundled).expectedSize(100_000).build().model(),
                "a given model is used as it is");
    }

    @Test
    void theBundledModelsTrainingPoolHasAsManyRecordsAsTheIndexAssumes() {
        // DefaultModel's recipe (DefaultModelTest checks that the bundled file is what it trains).
        long records = SyntheticForces.builder().people(3_000).seed(42).referenceDate(LocalDate.of(2025, 1, 1)).build()
                .stream().count();
        assertEquals(DefaultModel.TRAINING_RECORDS, records);
    }

    @Test
    void nonStandardComparisonsNeedAModel() {
        LinkIndexBuilder builder = LinkIndex.builder().comparisons(PersonComparisons.febrl());
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
        assertTrue(e.getMessage().contains("model"));
        assertThrows(IllegalArgumentException.class, () -> builder.model(IndexFixtures.model()).build(),
                "the standard model does not fit the FEBRL comparisons");
    }

    @Test
    void entityOfReturnsThePersonWithAllItsRecords() {
        LinkIndex index = twoHistories();
        index.add(BRIDGE);
        Entity person = index.entityOf("H2-B").orElseThrow();
        assertEquals(List.of("H1-A", "H1-B", "H2-A", "H2-B", "N-1"), person.recordIds());
        assertEquals(person.id(), person.pattern().entityId());
        assertEquals(List.of("H1-A", "H1-B", "H2-A", "H2-B", "N-1"),
                person.pattern().events().stream().map(PatternEvent::recordId).toList(), "in date order");
        assertEquals(Optional.empty(), index.entityOf("nobody"));
    }
    /**
     * The search only adds links: records fed one at a time with it have every link at or above the threshold
     * they have without it
     * (blocked candidates are scored alike), and on a pool where blocking misses some pairs, more. Each added
     * link has an end whose record had no blocked link when it arrived.
     */
    @Test
    void theNearestNeighbourSearchOnlyAddsLinks() {
        List<PersonRecord> pool = IndexFixtures.generated(300, 4);
        LinkIndex without = IndexFixtures.exactIncrementalIndex(DefaultModel.standard()).build();
        LinkIndex with = IndexFixtures.exactIndex(DefaultModel.standard()).build();
        for (PersonRecord r : pool) {
            without.add(r);
            with.add(r);
        }
        Set<String> withoutLinks = links(without);
        Set<String> withLinks = links(with);
        assertTrue(withLinks.containsAll(withoutLinks));
        assertTrue(withLinks.size() > withoutLinks.size(), withLinks.size() + " links");
        assertEquals(with.linkCount(), withLinks.size() + with.core().supportedPairs().length);
    }

    @Test
    void aBulkBuildRefusesARepeatedIdAndAnIndexWithoutTheSearchKeepsNoTokens() {
        assertThrows(IllegalArgumentException.class, () -> LinkIndex.builder().build(List.of(NAMED_1, NAMED_1)));
        assertEquals(null, LinkIndex.builder().neighboursPerRecord(0).build().core().tokenPostings);
        assertThrows(IllegalArgumentException.class, () -> LinkIndex.builder().neighboursPerRecord(-1));
    }

    /** Each link as "smaller id|larger id". */
    private static Set<String> links(LinkIndex index) {
        IndexCore core = index.core();
        Set<String> links = new java.util.TreeSet<>();
        for (int s : core.usedSlots()) {
            for (int e = 0; e < core.edgeCount[s]; e++) {
                if (core.edgeWeight[s][e] < index.thresholdWeight()) {
                    continue; // an edge below the threshold: a supported link at most, counted apart
                }
                String a = core.recordId(s);
                String b = core.recordId(core.edgeTo[s][e]);
                links.add(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
            }
        }
        return links;
    }
}
