package io.github.palimpsest.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.pattern.Evidence;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.DefaultModel;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.synthetic.CorruptionProfile;
import io.github.palimpsest.synthetic.SyntheticForces;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index makes batch linking's supported links (docs/blocking-and-clustering.md, "Supported links"): a
 * record below the threshold with each record of a person, but supported by them all, joins that person in the
 * index exactly when it does in a batch run with the default settings, on add, on the removal of a record that
 * supported it, through a save and load, and (as docs/index.md says) in a bounded change.
 */
class LinkIndexSupportedLinksTest {
    private static final MatchModel MODEL = DefaultModel.standard();
    /** A generated pool with a person of three records, one of which joins the other two through a supported link. */
    private static List<PersonRecord> pool;
    /** The record that joins through the supported link, the other end of that link, and the third record. */
    private static String lone;
    private static String partner;
    private static String supporter;

    @TempDir
    Path directory;

    /**
     * Finds, in the first generated pool that has one, a person of three records held by one link at or above
     * the threshold, whose third record has no link at or above it to either: it joined through a supported link.
     */
    @BeforeAll
    static void findASupportedLink() {
        for (int seed = 1; seed <= 8 && lone == null; seed++) {
            List<PersonRecord> records = IndexFixtures.generated(300, seed);
            LinkIndex index = IndexFixtures.exactIncrementalIndex(MODEL).build();
            records.forEach(index::add);
            IndexCore core = index.core();
            for (long pair : core.supportedPairs()) {
                int[] members = core.members(CandidatePairs.left(pair));
                if (members.length != 3) {
                    continue;
                }
                for (int m : members) {
                    if (!linkedAtThreshold(core, m, members)) {
                        pool = records;
                        lone = core.recordId(m);
                        int other = m == CandidatePairs.left(pair) ? CandidatePairs.right(pair) : CandidatePairs.left(pair);
                        partner = core.recordId(other);
                        for (int s : members) {
                            if (s != m && s != other) {
                                supporter = core.recordId(s);
                            }
                        }
                    }
                }
                if (lone != null) {
                    break;
                }
            }
        }
        assertTrue(lone != null, "no generated pool of seeds 1 to 8 has a person of three joined through a supported link");
    }

    private static boolean linkedAtThreshold(IndexCore core, int slot, int[] members) {
        for (int e = 0; e < core.edgeCount[slot]; e++) {
            int other = core.edgeTo[slot][e];
            if (core.edgeWeight[slot][e] >= core.config.thresholdWeight && Arrays.stream(members).anyMatch(m -> m == other)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theIndexHasTheBatchRunsPeopleWithSupportedLinksBuiltInBulkOrOneAtATime() {
        int supported = 0;
        boolean theyMatter = false;
        for (int seed = 1; seed <= 4; seed++) {
            List<PersonRecord> records = new ArrayList<>(IndexFixtures.generated(300, seed));
            LinkIndex bulk = IndexFixtures.exactIndex(MODEL).build(records);
            IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIds(records, MODEL), bulk.entityIds());

            Collections.shuffle(records, new Random(seed));
            LinkIndex one = IndexFixtures.exactIncrementalIndex(MODEL).build();
            records.forEach(one::add);
            Map<String, String> batch = IndexFixtures.batchEntityIdsWithoutSearch(records, MODEL);
            IndexFixtures.assertSamePeople(batch, one.entityIds());
            supported += one.core().supportedPairs().length;

            // Off on both sides, the people are those of a batch run without them.
            LinkIndex off = IndexFixtures.exactIncrementalIndex(MODEL).supportedLinks(false).build();
            records.forEach(off::add);
            assertFalse(off.supportedLinks());
            assertEquals(0, off.core().scoredTotal(), "without supported links no pair below the threshold is kept");
            Map<String, String> batchOff = IndexFixtures.batchEntityIds(records, MODEL,
                    Linker.builder().neighboursPerRecord(0).supportedLinks(false));
            IndexFixtures.assertSamePeople(batchOff, off.entityIds());
            theyMatter |= !batchOff.equals(batch);
        }
        assertTrue(supported > 0, "the pools make supported links");
        assertTrue(theyMatter, "supported links change some pool's people");
    }

    /**
     * Harder generated pools (purged names, no dates of birth, heavier corruption) make many more supported
     * links; built in bulk, the index still has the batch run's people.
     */
    @Test
    void builtInBulkTheBatchRunsPeopleOnPoolsThatMakeManySupportedLinks() {
        int supported = 0;
        for (CorruptionProfile profile : List.of(CorruptionProfile.hard(), CorruptionProfile.purgeHeavy(),
                CorruptionProfile.noDatesOfBirth())) {
            List<PersonRecord> records = SyntheticForces.builder().people(300).seed(12).profile(profile).build().stream()
                    .map(g -> g.toPersonRecord(SyntheticForces.DEFAULT_REFERENCE_DATE)).toList();
            LinkIndex bulk = IndexFixtures.exactIndex(MODEL).build(records);
            IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIds(records, MODEL), bulk.entityIds());
            supported += bulk.core().supportedPairs().length;
        }
        assertTrue(supported >= 10, supported + " supported links");
    }

    /**
     * Built in bulk, a pair the nearest-neighbour search finds below 0 bits joins no component but weighs on the
     * support of a link inside one: its component is re-clustered too. (In this pool a record joined a person
     * through a supported link the batch run refuses, before the index re-clustered for such pairs.)
     */
    @Test
    void aPairTheBulkSearchFindsBelowZeroBitsWeighsOnTheSupport() {
        List<PersonRecord> records = IndexFixtures.generated(300, 11);
        LinkIndex bulk = IndexFixtures.exactIndex(MODEL).build(records);
        IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIds(records, MODEL), bulk.entityIds());
    }

    @Test
    void aRecordJoinsThroughASupportedLinkWhenAddedAndPartsWhenItsSupportIsRemoved() {
        LinkIndex index = IndexFixtures.exactIncrementalIndex(MODEL).build();
        pool.stream().filter(r -> !r.recordId().equals(lone)).forEach(index::add);
        PersonRecord record = record(lone);

        // A look-up shows the pair below the threshold: it is no link on its own.
        MatchCandidate toPartner = index.match(record).candidates().stream()
                .filter(c -> c.recordId().equals(partner)).findFirst().orElseThrow();
        assertFalse(toPartner.isLink());
        assertTrue(toPartner.probability() < index.thresholdProbability());
        assertTrue(toPartner.matchWeight() >= 0, "a supported link is at least even odds");

        int linksBefore = index.linkCount();
        ChangeReport added = index.add(record);
        assertEquals(ChangeReport.Outcome.JOINED, added.outcome());
        assertEquals(index.entityIdOf(partner).orElseThrow(), added.entityId());
        assertTrue(added.isExact());
        assertEquals(linksBefore + 1, index.linkCount(), "the supported link is one of the index's links");
        IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIdsWithoutSearch(pool, MODEL), index.entityIds());
        PatternEvent event = eventOf(index, lone);
        assertTrue(event.linkedBy().orElseThrow().endsWith(Evidence.SUPPORTED), event.toString());
        assertEquals(batchEventOf(pool, lone), event, "the pattern says what the batch run's says");

        // Without the third record, two lone records remain: they never join below the threshold.
        ChangeReport removed = index.remove(supporter);
        assertEquals(ChangeReport.Outcome.SPLIT, removed.outcome());
        assertNotEquals(index.entityIdOf(partner), index.entityIdOf(lone));
        List<PersonRecord> without = pool.stream().filter(r -> !r.recordId().equals(supporter)).toList();
        IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIdsWithoutSearch(without, MODEL), index.entityIds());
        assertTrue(eventOf(index, lone).linkedBy().isEmpty());

        index.add(record(supporter));
        assertEquals(index.entityIdOf(partner), index.entityIdOf(lone));
        IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIdsWithoutSearch(pool, MODEL), index.entityIds());
    }

    /**
     * Under a re-clustering budget the change exceeds, the add is bounded and still makes the supported link
     * through the batch clusterer; a bounded removal keeps it (a removal's pieces are held by their links, the
     * supported link among them, and it is not weighed again), until an exact change re-clusters the component.
     */
    @Test
    void aBoundedAddMakesTheSupportedLinkAndABoundedRemovalKeepsItUntilAnExactChange() throws IOException {
        LinkIndex built = IndexFixtures.exactIncrementalIndex(MODEL).build();
        pool.stream().filter(r -> !r.recordId().equals(lone)).forEach(built::add);
        Path file = directory.resolve("people.idx");
        built.save(file);
        LinkIndex index = LinkIndex.builder().maxReclusterLinks(1).load(file);

        ChangeReport added = index.add(record(lone));
        assertFalse(added.isExact());
        assertEquals(ChangeReport.Outcome.JOINED, added.outcome());
        assertEquals(index.entityIdOf(partner).orElseThrow(), added.entityId());
        IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIdsWithoutSearch(pool, MODEL), index.entityIds());
        assertTrue(eventOf(index, lone).linkedBy().orElseThrow().endsWith(Evidence.SUPPORTED));

        ChangeReport removed = index.remove(supporter);
        assertFalse(removed.isExact());
        assertEquals(index.entityIdOf(partner), index.entityIdOf(lone), "a bounded removal keeps the supported link");
        LargeComponentTest.assertSoundPeople(index);

        index.save(file);
        LinkIndex exact = LinkIndex.builder().maxReclusterLinks(4_096).load(file);
        ChangeReport updated = exact.update(record(partner)); // the same content: re-clusters the component exactly
        assertTrue(updated.isExact());
        assertNotEquals(exact.entityIdOf(partner), exact.entityIdOf(lone));
        List<PersonRecord> without = pool.stream().filter(r -> !r.recordId().equals(supporter)).toList();
        IndexFixtures.assertSamePeople(IndexFixtures.batchEntityIdsWithoutSearch(without, MODEL), exact.entityIds());
    }

    @Test
    void supportedLinksAndThePairsBelowTheThresholdSurviveASaveAndLoad() throws IOException {
        LinkIndex index = IndexFixtures.exactIncrementalIndex(MODEL).build();
        pool.forEach(index::add);
        Path file = directory.resolve("people.idx");
        index.save(file);
        LinkIndex loaded = LinkIndex.load(file);

        assertTrue(loaded.supportedLinks());
        assertEquals(index.entityIds(), loaded.entityIds());
        assertEquals(index.linkCount(), loaded.linkCount());
        assertEquals(supportedLinks(index), supportedLinks(loaded));
        assertEquals(index.core().edgeTotal(), loaded.core().edgeTotal());
        assertEquals(index.core().scoredTotal(), loaded.core().scoredTotal());
        assertEquals(index.entityOf(lone).orElseThrow().pattern().events(), loaded.entityOf(lone).orElseThrow().pattern().events());

        // The loaded index weighs the same pairs: removing the supporter parts the record there too.
        index.remove(supporter);
        loaded.remove(supporter);
        assertEquals(index.entityIds(), loaded.entityIds());
        assertNotEquals(loaded.entityIdOf(partner), loaded.entityIdOf(lone));
        loaded.add(record(supporter));
        assertEquals(loaded.entityIdOf(partner), loaded.entityIdOf(lone));
    }

    private static Set<String> supportedLinks(LinkIndex index) {
        Set<String> links = new TreeSet<>();
        for (long pair : index.core().supportedPairs()) {
            String a = index.core().recordId(CandidatePairs.left(pair));
            String b = index.core().recordId(CandidatePairs.right(pair));
            links.add(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
        }
        return links;
    }

    private static PersonRecord record(String recordId) {
        Predicate<PersonRecord> named = r -> r.recordId().equals(recordId);
        return pool.stream().filter(named).findFirst().orElseThrow();
    }

    private static PatternEvent eventOf(LinkIndex index, String recordId) {
        return index.entityOf(recordId).orElseThrow().pattern().events().stream()
                .filter(e -> e.recordId().equals(recordId)).findFirst().orElseThrow();
    }

    /** The record's event in the pattern of a batch run over the records in record-id order, as the index's reference. */
    private static PatternEvent batchEventOf(List<PersonRecord> records, String recordId) {
        List<PersonRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(PersonRecord::recordId));
        LinkResult batch = Linker.builder().model(MODEL).termFrequencyAdjustment(false).neighboursPerRecord(0).threads(1)
                .build().link(sorted);
        return batch.entityOf(recordId).orElseThrow().pattern().events().stream()
                .filter(e -> e.recordId().equals(recordId)).findFirst().orElseThrow();
    }
}
