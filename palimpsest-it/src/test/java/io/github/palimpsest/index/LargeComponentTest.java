package io.github.palimpsest.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.index.ChangeReport.Outcome;
import io.github.palimpsest.index.ChangeReport.Reclustering;
import io.github.palimpsest.record.PersonRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The re-clustering budget: a change whose link component is larger than it only changes the people it
 * touches, says so, and still forms sound people.
 */
class LargeComponentTest {

    /** Sparse hostel records (fictional): every pair links through the shared phone, postcode and address. */
    private static List<PersonRecord> hostel(int sparse, int residents) {
        List<PersonRecord> records = new ArrayList<>();
        for (int i = 0; i < sparse; i++) {
            records.add(LargeComponentBenchmark.sparse(i));
        }
        for (int i = 0; i < residents; i++) {
            records.add(LargeComponentBenchmark.resident(i));
        }
        return records;
    }

    @Test
    void theBudgetMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> LinkIndex.builder().maxReclusterLinks(0));
    }

    @Test
    void changesWithinTheBudgetAreExactAndCountNothing() {
        LinkIndex index = LinkIndex.builder().build();
        for (PersonRecord r : hostel(30, 0)) {
            assertTrue(index.add(r).isExact());
        }
        assertEquals(0, index.boundedChangeCount());
        assertEquals(1, index.entityCount(), "thirty sparse records sharing phone, postcode and address are one person");
    }

    @Test
    void aChangeWhoseComponentExceedsTheBudgetIsReportedAsBounded() {
        LinkIndex index = LinkIndex.builder().maxReclusterLinks(50).build();
        List<ChangeReport> reports = new ArrayList<>();
        for (PersonRecord r : hostel(30, 0)) {
            reports.add(index.add(r));
        }
        // Record k brings k links to a clique of k(k-1)/2: add k=10 (45 + 10 links) is the first over 50.
        for (int k = 0; k < reports.size(); k++) {
            assertEquals(k * (k + 1) / 2 <= 50, reports.get(k).isExact(), "add " + k);
        }
        assertEquals(Reclustering.BOUNDED, reports.get(29).reclustering());
        assertEquals(Outcome.JOINED, reports.get(29).outcome());
        assertEquals(20, index.boundedChangeCount());
        assertEquals(1, index.entityCount(), "the bounded adds join the same person the exact path forms");
        assertTrue(reports.get(29).toString().contains("bounded"));
    }

    @Test
    void boundedChangesMergeAndSplitTheTouchedPeopleAsTheExactPathDoes() {
        // Daniel Ashcombe's two histories and the allegation that bridges them with four links: a budget of
        // three links makes the bridge's arrival and removal bounded.
        LinkIndex exact = LinkIndex.builder().build();
        LinkIndex bounded = LinkIndex.builder().maxReclusterLinks(3).build();
        for (PersonRecord r : List.of(LinkIndexTest.NAMED_1, LinkIndexTest.NAMED_2, LinkIndexTest.PURGED_1,
                LinkIndexTest.PURGED_2)) {
            exact.add(r);
            bounded.add(r);
        }
        exact.add(LinkIndexTest.BRIDGE);
        ChangeReport merged = bounded.add(LinkIndexTest.BRIDGE);
        assertEquals(Outcome.MERGED, merged.outcome());
        assertFalse(merged.isExact());
        assertEquals(exact.entityIds(), bounded.entityIds());

        exact.remove("N-1");
        ChangeReport split = bounded.remove("N-1");
        assertEquals(Outcome.SPLIT, split.outcome());
        assertFalse(split.isExact());
        assertEquals(2, split.splitEntityIds().size());
        assertEquals(exact.entityIds(), bounded.entityIds());
        assertEquals(2, bounded.entityCount());
    }

    @Test
    void boundedAddsNeverJoinConflictingBirthDatesWithoutADirectLink() {
        LinkIndex index = LinkIndex.builder().maxReclusterLinks(20).build();
        hostel(40, 12).forEach(index::add);
        assertTrue(index.boundedChangeCount() > 0);
        assertSoundPeople(index);
        // The check above means something: the residents link to every sparse record, some of their dates of
        // birth conflict, and the sparse records' person took some residents and refused others.
        IndexCore core = index.core();
        var conflicts = io.github.palimpsest.pipeline.PersonConflicts.birthDates(core.config.comparisons, core.config.model,
                core::comparable);
        int first = core.slotOf("RES-00001");
        int far = core.slotOf("RES-00007");
        assertTrue(conflicts.conflict(first, far), "born 1951 and 1957: a conflict no keying error explains");
        Map<String, String> ids = index.entityIds();
        String hostelPerson = ids.get(LargeComponentBenchmark.sparse(0).recordId());
        long residentsIn = ids.entrySet().stream()
                .filter(e -> e.getKey().startsWith("RES-") && e.getValue().equals(hostelPerson)).count();
        assertTrue(residentsIn >= 1 && residentsIn < 12, residentsIn + " of 12 residents in the hostel's person");
    }

    @Test
    void boundedUpdatesAndRemovalsKeepEveryPersonLinkedAndSound() {
        LinkIndex index = LinkIndex.builder().maxReclusterLinks(20).build();
        List<PersonRecord> records = hostel(40, 6);
        records.forEach(index::add);
        for (int i = 0; i < 10; i++) {
            // A corrected phone takes a sparse record out of the hostel; a removal takes another away.
            ChangeReport moved = index.update(LargeComponentBenchmark.sparse(i).toBuilder().phone("07700 900" + (100 + i)).build());
            assertFalse(moved.isExact());
            index.remove(LargeComponentBenchmark.sparse(20 + i).recordId());
        }
        assertEquals(records.size() - 10, index.size());
        assertSoundPeople(index);
    }

    /** The hostel's first {@code sparse} records, indexed under {@code budget} and saved to {@code file}. */
    private static Path savedHostel(Path file, int sparse, int budget) throws Exception {
        LinkIndex index = LinkIndex.builder().maxReclusterLinks(budget).build();
        hostel(sparse, 0).forEach(index::add);
        assertEquals(1, index.entityCount());
        index.save(file);
        return file;
    }

    /** How the next hostel record's arrival is re-clustered in {@code index}, which holds {@code sparse} of them. */
    private static Reclustering nextArrival(LinkIndex index, int sparse) {
        return index.add(LargeComponentBenchmark.sparse(sparse)).reclustering();
    }

    @Test
    void aLoadedIndexKeepsTheSmallBudgetItWasSavedWith(@TempDir Path dir) throws Exception {
        // 20 records: a clique of 190 links, within the default budget of 4,096 but not within 50.
        Path small = savedHostel(dir.resolve("small.idx"), 20, 50);
        Path standard = savedHostel(dir.resolve("standard.idx"), 20, LinkIndexBuilder.DEFAULT_MAX_RECLUSTER_LINKS);
        assertEquals(Reclustering.BOUNDED, nextArrival(LinkIndex.load(small), 20));
        assertEquals(Reclustering.EXACT, nextArrival(LinkIndex.load(standard), 20));
    }

    @Test
    void aLoadedIndexKeepsALargeBudgetItWasSavedWith(@TempDir Path dir) throws Exception {
        // 95 records: a clique of 4,465 links, just over the default budget.
        Path large = savedHostel(dir.resolve("large.idx"), 95, 10_000);
        LinkIndex loaded = LinkIndex.load(large);
        assertEquals(Reclustering.EXACT, nextArrival(loaded, 95));
        assertEquals(0, loaded.boundedChangeCount());
        LinkIndex defaultBudget = LinkIndex.builder().build();
        hostel(95, 0).forEach(defaultBudget::add);
        assertEquals(Reclustering.BOUNDED, nextArrival(defaultBudget, 95), "the default would have bounded it");
    }

    @Test
    void aBudgetSetOnTheLoadingBuilderOverridesTheSavedOneAndIsSavedNext(@TempDir Path dir) throws Exception {
        Path small = savedHostel(dir.resolve("small.idx"), 20, 50);
        LinkIndex widened = LinkIndex.builder().maxReclusterLinks(Integer.MAX_VALUE).load(small);
        assertEquals(Reclustering.EXACT, nextArrival(widened, 20));
        Path standard = savedHostel(dir.resolve("standard.idx"), 20, LinkIndexBuilder.DEFAULT_MAX_RECLUSTER_LINKS);
        LinkIndex narrowed = LinkIndex.builder().maxReclusterLinks(5).load(standard);
        assertEquals(Reclustering.BOUNDED, nextArrival(narrowed, 20));
        assertEquals(1, narrowed.boundedChangeCount());
        // The override is now the index's budget: saving and loading again keeps it.
        Path resaved = dir.resolve("resaved.idx");
        narrowed.save(resaved);
        assertEquals(Reclustering.BOUNDED, nextArrival(LinkIndex.load(resaved), 21));
        widened.save(resaved);
        assertEquals(Reclustering.EXACT, nextArrival(LinkIndex.load(resaved), 21));
    }

    @Test
    void theIndexFindsTheBatchBlockersPairsWhereAFullNameBlockIsWindowedAndFiltered() {
        // The blocker's maximum (10) windows the block of 14.
        assertIndexPairsAreTheBatchPairs(14, 10);
        // The rule's own maximum (PersonBlockingRules.FULL_NAME_MAX_BLOCK_SIZE, 100) windows the block of 120
        // while the blocker's is 1,000.
        assertIndexPairsAreTheBatchPairs(120, 1_000);
    }

    /**
     * Records of one fictional name, each at its own postcode with its own date of birth, every third without
     * one: the index's candidates are the batch blocker's pairs, and no two records with a date of birth pair
     * through the name.
     */
    private static void assertIndexPairsAreTheBatchPairs(int count, int maxBlockSize) {
        List<PersonRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // A year and two days apart each: no two share a year, a day and month, or any other date key.
            String dob = i % 3 == 0 ? "" : java.time.LocalDate.of(1900, 1, 1).plusDays(367L * i).toString();
            // Each in its own postcode district, so that no postcode key pairs them either.
            String postcode = AREAS[i % AREAS.length] + (1 + i / AREAS.length) + " 1AA";
            records.add(LinkIndexTest.record(String.format("FN-%03d", i), "Sussex", "Tamsin", "Grail", dob, "", "",
                    postcode, "2020-01-01"));
        }
        LinkIndex index = LinkIndex.builder().maxBlockSize(maxBlockSize).windowSize(4).build();
        records.forEach(index::add);
        IndexCore core = index.core();
        List<io.github.palimpsest.record.ComparableRecord> comparable =
                records.stream().map(io.github.palimpsest.record.ComparableRecord::of).toList();
        io.github.palimpsest.pipeline.CandidatePairs batch = io.github.palimpsest.pipeline.Blocker
                .<io.github.palimpsest.record.ComparableRecord>builder().rules(core.config.blockingRules)
                .maxBlockSize(maxBlockSize).windowSize(4).build().candidates(comparable);
        java.util.Set<String> expected = new java.util.TreeSet<>();
        batch.forEach(pair -> expected.add(pairOf(records.get(io.github.palimpsest.pipeline.CandidatePairs.left(pair))
                .recordId(), records.get(io.github.palimpsest.pipeline.CandidatePairs.right(pair)).recordId())));
        java.util.Set<String> actual = new java.util.TreeSet<>();
        for (PersonRecord r : records) {
            PreparedRecord p = PreparedRecord.of(r, core.config.blockingRules);
            for (int s : new Scoring(core).candidates(p, core.slotOf(r.recordId()))) {
                actual.add(pairOf(r.recordId(), core.recordId(s)));
            }
        }
        assertEquals(expected, actual);
        assertTrue(batch.report().oversizeBlocks().stream().anyMatch(b -> b.rule().startsWith("full-name")),
                "the full-name block is windowed");
        for (String pair : actual) {
            String[] ids = pair.split("\\|");
            int a = Integer.parseInt(ids[0].substring(3));
            int b = Integer.parseInt(ids[1].substring(3));
            assertTrue(a % 3 == 0 || b % 3 == 0, "two records with a date of birth are not paired: " + pair);
        }
    }

    private static final String[] AREAS = {"BN", "RH", "TN", "PO", "SO", "GU", "SL", "RG", "OX", "MK", "AL", "SG",
        "HP", "WD", "EN", "CM", "SS", "CO", "IP", "NR", "PE", "CB", "LU", "NN"};

    private static String pairOf(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    @Test
    void anOversizeBlockPairsTheProbeWithItsNearestNeighboursInOrderingKeyOrder() {
        LinkIndex index = LinkIndex.builder().maxBlockSize(10).windowSize(4).build();
        hostel(60, 12).forEach(index::add);
        IndexCore core = index.core();
        List<PersonRecord> probes = List.of(LargeComponentBenchmark.sparse(500), LargeComponentBenchmark.resident(3),
                LargeComponentBenchmark.resident(40), LargeComponentBenchmark.sparse(17));
        for (PersonRecord probe : probes) {
            PreparedRecord p = PreparedRecord.of(probe, core.config.blockingRules);
            int exclude = core.slotOf(probe.recordId());
            java.util.Set<Integer> expected = new java.util.TreeSet<>();
            for (int k = 0; k < p.keyHashes.length; k++) {
                List<Integer> block = new ArrayList<>();
                for (int s : core.postings.members(p.keyHashes[k])) {
                    if (s != exclude) {
                        block.add(s);
                    }
                }
                var rule = core.config.blockingRules.get(p.keyRules[k]);
                java.util.function.Predicate<Integer> paired = s -> rule.pairsWithAll(p.comparable)
                        || rule.pairsWithAll(core.comparable(s));
                if (block.size() + 1 <= core.config.maxBlockSize) {
                    block.stream().filter(paired).forEach(expected::add);
                    continue;
                }
                // The reference: sort the whole block with the probe in it, take windowSize - 1 on each side.
                java.util.function.Function<Integer, String> key = s -> s < 0 ? rule.orderingKey(p.comparable)
                        : rule.orderingKey(core.comparable(s));
                java.util.function.Function<Integer, String> id = s -> s < 0 ? probe.recordId() : core.recordId(s);
                List<Integer> sorted = new ArrayList<>(block);
                sorted.add(-1);
                sorted.sort(java.util.Comparator.comparing(key).thenComparing(id));
                int at = sorted.indexOf(-1);
                int reach = core.config.windowSize - 1;
                for (int j = Math.max(0, at - reach); j <= Math.min(sorted.size() - 1, at + reach); j++) {
                    if (j != at && paired.test(sorted.get(j))) {
                        expected.add(sorted.get(j));
                    }
                }
            }
            java.util.Set<Integer> actual = new java.util.TreeSet<>();
            for (int s : new Scoring(core).candidates(p, exclude)) {
                actual.add(s);
            }
            assertEquals(expected, actual, "candidates of " + probe.recordId());
            assertTrue(actual.size() < 72, "an oversize block is windowed");
        }
    }

    /**
     * Every person is held together by links among its own records (at or above the threshold, or supported
     * links), and no two of its records carry
     * different PNC IDs, CRO or NI numbers without a direct overwhelming link, or conflicting dates of birth
     * without a direct link: the clusterer's guarantees.
     */
    static void assertSoundPeople(LinkIndex index) {
        IndexCore core = index.core();
        for (int slot : core.usedSlots()) {
            if (core.anchor[slot] != slot) {
                continue;
            }
            int[] members = core.members(slot);
            assertEquals(core.recordId(members[0]), core.recordId(slot), "the anchor has the smallest record id");
            // Linked: a walk over links inside the person reaches every member.
            List<Integer> reached = new ArrayList<>(List.of(slot));
            for (int k = 0; k < reached.size(); k++) {
                int s = reached.get(k);
                for (int e = 0; e < core.edgeCount[s]; e++) {
                    int other = core.edgeTo[s][e];
                    // A link: at or above the threshold, or a supported link (an edge below it that joined nobody is not).
                    boolean link = core.edgeWeight[s][e] >= core.config.thresholdWeight || core.isSupported(s, other);
                    if (link && core.anchor[other] == slot && !reached.contains(other)) {
                        reached.add(other);
                    }
                }
            }
            assertEquals(members.length, reached.size(), "person of " + core.recordId(slot) + " is not linked");
            var conflicts = io.github.palimpsest.pipeline.PersonConflicts.birthDates(core.config.comparisons, core.config.model,
                    core::comparable);
            for (int x : members) {
                for (int y : members) {
                    if (x >= y) {
                        continue;
                    }
                    var a = core.comparable(x);
                    var b = core.comparable(y);
                    boolean differentIds = differ(a.pncId(), b.pncId()) || differ(a.croNumber(), b.croNumber())
                            || differ(a.niNumber(), b.niNumber());
                    double direct = directWeight(core, x, y);
                    if (differentIds) {
                        assertTrue(direct >= core.config.overwhelmingWeight, "different identifiers without an "
                                + "overwhelming link: " + core.recordId(x) + ", " + core.recordId(y));
                    }
                    if (conflicts.conflict(x, y)) {
                        int first = x;
                        int second = y;
                        boolean bridged = Arrays.stream(members)
                                .anyMatch(z -> z != first && z != second && conflicts.bridges(z, first, second));
                        assertTrue(direct >= core.config.thresholdWeight || bridged,
                                "conflicting birth dates without a link or a bridging member: "
                                + core.recordId(x) + ", " + core.recordId(y));
                    }
                }
            }
        }
    }

    private static boolean differ(String a, String b) {
        return !a.isEmpty() && !b.isEmpty() && !a.equals(b);
    }

    private static double directWeight(IndexCore core, int x, int y) {
        for (int e = 0; e < core.edgeCount[x]; e++) {
            if (core.edgeTo[x][e] == y) {
                return core.edgeWeight[x][e];
            }
        }
        return Double.NEGATIVE_INFINITY;
    }
}
