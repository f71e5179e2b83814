package io.github.palimpsest.block;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.PersonComparisons;
import io.github.palimpsest.febrl.FebrlData;
import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticData;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocking recall and candidate-pair counts of {@link PersonBlockingRules#standard()} on FEBRL3, FEBRL4
 * and generated cross-force data. Opt-in (tag {@code febrl}); the FEBRL cases skip when the shared data
 * folder is absent. Run with
 * {@code ./mvnw -o test -Dtest=PersonBlockingRecallTest -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("febrl")
class PersonBlockingRecallTest {
    private static final Logger LOG = LoggerFactory.getLogger(PersonBlockingRecallTest.class);

    @Test
    void febrl3RecallIsAtLeast0995() {
        assumeTrue(FebrlData.isAvailable(), "FEBRL data not present");
        FebrlData.Dataset data = FebrlData.read(true, "dataset3.csv");
        double recall = measure("FEBRL3", data.records(), data.entityIds());
        assertTrue(recall >= 0.995, "FEBRL3 blocking recall " + recall);
    }

    @Test
    void febrl4RecallIsAtLeast0995() {
        assumeTrue(FebrlData.isAvailable(), "FEBRL data not present");
        FebrlData.Dataset data = FebrlData.read(true, "dataset4a.csv", "dataset4b.csv");
        double recall = measure("FEBRL4", data.records(), data.entityIds());
        assertTrue(recall >= 0.995, "FEBRL4 blocking recall " + recall);
    }

    @Test
    void febrl4WithoutSocialSecurityIdRecallIsAtLeast0995() {
        assumeTrue(FebrlData.isAvailable(), "FEBRL data not present");
        FebrlData.Dataset data = FebrlData.read(false, "dataset4a.csv", "dataset4b.csv");
        double recall = measure("FEBRL4 without id_ssn", data.records(), data.entityIds());
        assertTrue(recall >= 0.985, "FEBRL4 blocking recall without id_ssn " + recall);
    }

    @Test
    void syntheticCrossForceTrueRecordsStayConnected() {
        int people = Integer.getInteger("blocking.people", 10_000);
        SyntheticData data = SyntheticForces.builder().people(people).seed(7).build().generate();
        List<PersonRecord> records = new ArrayList<>();
        List<String> entities = new ArrayList<>();
        for (SyntheticRecord r : data.records()) {
            records.add(r.toPersonRecord(SyntheticForces.DEFAULT_REFERENCE_DATE));
            entities.add(r.entityId());
        }
        double[] recall = new double[2];
        measure("synthetic " + people + " people", records, entities, recall);
        // Pairwise recall is lower on purpose: a purged record that kept only a PNC is paired with the
        // person's records that carry the PNC, not with every other record of the person.
        assertTrue(recall[0] >= 0.93, "synthetic pairwise blocking recall " + recall[0]);
        assertTrue(recall[1] >= 0.96, "synthetic reachable recall " + recall[1]);
    }

    /** Blocks the records with the standard rules, logs the report and returns the recall. */
    static double measure(String label, List<PersonRecord> records, List<String> entityIds) {
        return measure(label, records, entityIds, new double[2]);
    }

    /** As {@link #measure(String, List, List)}, also storing pairwise and reachable recall in {@code out}. */
    static double measure(String label, List<PersonRecord> records, List<String> entityIds, double[] out) {
        List<ComparableRecord> comparable = records.stream().map(ComparableRecord::of).toList();
        Blocker<ComparableRecord> blocker = Blocker.<ComparableRecord>builder()
                .rules(PersonBlockingRules.standard()).build();
        long started = System.nanoTime();
        CandidatePairs pairs = blocker.candidates(comparable);
        long millis = (System.nanoTime() - started) / 1_000_000;
        int[] entity = new int[entityIds.size()];
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < entity.length; i++) {
            entity[i] = ids.computeIfAbsent(entityIds.get(i), k -> ids.size());
        }
        double recall = pairs.recall(entity);
        double reachable = reachableRecall(pairs, entity);
        StringBuilder rules = new StringBuilder();
        for (BlockingReport.RuleSummary rule : pairs.report().rules()) {
            rules.append(String.format("%n  %-28s pairs %,12d  new %,12d  largest block %,d", rule.name(),
                    rule.pairs(), rule.newPairs(), rule.largestBlock()));
        }
        LOG.info("{}: {} records, {} candidate pairs ({} per record), recall {}, reachable {}, {} ms, "
                + "{} oversize blocks, {} records in no pair{}",
                label, records.size(), pairs.size(), String.format("%.1f", pairs.size() / (double) records.size()),
                String.format("%.5f", recall), String.format("%.5f", reachable), millis,
                pairs.report().oversizeBlocks().size(), pairs.report().recordsWithoutCandidates(), rules);
        logMissed(label, pairs, entity, comparable);
        logComparisonSpeed(label, pairs, comparable);
        out[0] = recall;
        out[1] = reachable;
        return recall;
    }

    /** Times every standard comparison over every candidate pair, on one thread, to size the scoring loop. */
    private static void logComparisonSpeed(String label, CandidatePairs pairs, List<ComparableRecord> records) {
        List<Comparison<ComparableRecord>> comparisons = PersonComparisons.standard();
        long checksum = 0;
        long started = System.nanoTime();
        for (int k = 0; k < pairs.size(); k++) {
            long pair = pairs.pair(k);
            ComparableRecord a = records.get(CandidatePairs.left(pair));
            ComparableRecord b = records.get(CandidatePairs.right(pair));
            for (Comparison<ComparableRecord> c : comparisons) {
                checksum += c.level(a, b);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder each = new StringBuilder();
        for (Comparison<ComparableRecord> c : comparisons) {
            long t = System.nanoTime();
            for (int k = 0; k < pairs.size(); k++) {
                long pair = pairs.pair(k);
                checksum += c.level(records.get(CandidatePairs.left(pair)), records.get(CandidatePairs.right(pair)));
            }
            each.append(String.format(" %s %.0f ns;", c.name(), (System.nanoTime() - t) / (double) pairs.size()));
        }
        LOG.info("{}: {} comparisons x {} pairs in {} s on one thread ({} pairs/s; checksum {}); per pair:{}", label,
                comparisons.size(), pairs.size(), String.format("%.2f", seconds),
                String.format("%,.0f", pairs.size() / seconds), checksum, each);
    }

    /**
     * The share of true pairs whose two records are connected by a path of true candidate pairs: the most
     * that clustering (which links transitively) could recover from these candidates.
     */
    static double reachableRecall(CandidatePairs pairs, int[] entity) {
        int[] parent = new int[entity.length];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        pairs.forEach(pair -> {
            int a = CandidatePairs.left(pair);
            int b = CandidatePairs.right(pair);
            if (entity[a] == entity[b]) {
                parent[find(parent, a)] = find(parent, b);
            }
        });
        Map<Integer, Integer> componentSizes = new HashMap<>();
        Map<Integer, Integer> entitySizes = new HashMap<>();
        for (int i = 0; i < entity.length; i++) {
            componentSizes.merge(find(parent, i), 1, Integer::sum);
            entitySizes.merge(entity[i], 1, Integer::sum);
        }
        long reachable = componentSizes.values().stream().mapToLong(s -> (long) s * (s - 1) / 2).sum();
        long truePairs = entitySizes.values().stream().mapToLong(s -> (long) s * (s - 1) / 2).sum();
        return truePairs == 0 ? 1 : reachable / (double) truePairs;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Logs (at DEBUG, fictional or public benchmark data only) which true pairs were missed. */
    private static void logMissed(String label, CandidatePairs pairs, int[] entity, List<ComparableRecord> records) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < entity.length; i++) {
            members.computeIfAbsent(entity[i], k -> new ArrayList<>()).add(i);
        }
        int shown = 0;
        for (List<Integer> group : members.values()) {
            for (int x = 0; x < group.size(); x++) {
                for (int y = x + 1; y < group.size(); y++) {
                    if (!pairs.contains(group.get(x), group.get(y)) && shown++ < 40) {
                        LOG.debug("{} missed: {} / {}", label, describe(records.get(group.get(x))),
                                describe(records.get(group.get(y))));
                    }
                }
            }
        }
    }

    private static String describe(ComparableRecord r) {
        return r.forename() + " " + r.surname() + " " + r.dateOfBirth() + " " + r.postcode() + " " + r.addressTokens()
                + " " + r.identifiers() + " aliases " + r.aliasSurnames() + " pnc " + r.pncId() + " phone " + r.phone();
    }
}
