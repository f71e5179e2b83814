package io.github.palimpsest.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.review.ReviewDecisions;
import io.github.palimpsest.synthetic.SyntheticData;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark linker against the one-machine linker on the project's generator: the same people, the same
 * ids, constraints honoured, ids stable across runs. One local session for the class; small data.
 */
class SparkLinkerTest {
    private static final LocalDate REFERENCE = SyntheticForces.DEFAULT_REFERENCE_DATE;
    private static SparkSession spark;
    private static SyntheticData data;
    private static Dataset<Row> table;
    private static SparkLinker linker;
    private static SparkLinkResult first;

    @BeforeAll
    static void start() {
        // Kryo, as the command line runs; FebrlSparkTest keeps Spark's default serializer.
        spark = LocalSpark.startWithKryo("SparkLinkerTest");
        data = SyntheticForces.builder().people(400).seed(21).build().generate();
        List<Map<String, String>> rows = new ArrayList<>();
        for (SyntheticRecord record : data.records()) {
            rows.add(record.columns());
        }
        table = LocalSpark.table(spark, SyntheticRecord.COLUMNS, rows).cache();
        linker = SparkLinker.builder().referenceDate(REFERENCE).build();
        first = linker.link(table);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void sameAnswersAsOneMachine() {
        List<PersonRecord> records = LocalSpark.records(table, REFERENCE);
        LinkResult oneMachine = linker.oneMachineLinker().link(records);
        Map<String, String> single = LocalSpark.persons(oneMachine);
        Map<String, String> distributed = LocalSpark.persons(first.persons());
        assertEquals(records.size(), distributed.size());
        double f1Single = PairwiseMetrics.of(data.truth(), single).f1();
        double f1Spark = PairwiseMetrics.of(data.truth(), distributed).f1();
        assertTrue(Math.abs(f1Single - f1Spark) <= 0.005, "F1 one machine " + f1Single + ", Spark " + f1Spark);
        // The pool is smaller than the training sample: the same model, pairs, weights and people, so the
        // same entity ids record for record.
        assertEquals(oneMachine.statistics().candidatePairs(), first.candidatePairCount());
        assertEquals(oneMachine.links().size(), first.linkCount());
        assertEquals(oneMachine.model(), first.model());
        assertEquals(single, distributed);
        // The same links, the supported ones below the threshold among them (this pool has some).
        Map<List<String>, Double> oneMachineLinks = new HashMap<>();
        for (io.github.palimpsest.Link link : oneMachine.links()) {
            oneMachineLinks.put(List.of(link.leftId(), link.rightId()), link.matchWeight());
        }
        Map<List<String>, Double> sparkLinks = new HashMap<>();
        for (Row link : first.links().collectAsList()) {
            sparkLinks.put(List.of(link.getString(0), link.getString(1)), link.getDouble(2));
        }
        assertEquals(oneMachineLinks, sparkLinks);
        double thresholdBits = Math.log(linker.thresholdProbability() / (1 - linker.thresholdProbability())) / Math.log(2);
        assertTrue(sparkLinks.values().stream().anyMatch(w -> w < thresholdBits), "a supported link below the threshold");
    }

    @Test
    void aRecordOnlyTheNearestNeighbourSearchFindsIsLinkedAsOnOneMachine() {
        // Two records of one fictional man that share no blocking key: the second has a misspelt surname (a
        // different phonetic key), a typo in the year of birth, a typo in the phone number and no postcode.
        // They share the address, whose rare words the search pairs them by.
        String force = data.records().get(0).columns().get("force");
        Map<String, String> a = new HashMap<>(Map.of("record_id", "search-a", "force", force, "forename", "Thaddeus",
                "surname", "Quillfeather", "dob", "1968-09-23", "sex", "M", "phone", "07700 900512",
                "postcode", "LS6 2QT", "address", "14 Wrenfield Terrace, Leeds"));
        Map<String, String> b = new HashMap<>(Map.of("record_id", "search-b", "force", force, "forename", "Thaddeus",
                "surname", "Uillfeather", "dob", "1969-09-23", "sex", "M", "phone", "07700 900521",
                "address", "14 Wrenfield Terrace, Leeds"));
        List<Map<String, String>> rows = new ArrayList<>();
        for (SyntheticRecord record : data.records()) {
            rows.add(record.columns());
        }
        rows.add(a);
        rows.add(b);
        Dataset<Row> pool = LocalSpark.table(spark, SyntheticRecord.COLUMNS, rows).cache();
        List<PersonRecord> records = LocalSpark.records(pool, REFERENCE);

        SparkLinkResult with = linker.link(pool);
        SparkLinker blockedOnly = SparkLinker.builder().referenceDate(REFERENCE).neighboursPerRecord(0).build();
        SparkLinkResult without = blockedOnly.link(pool);

        Map<String, String> withSearch = LocalSpark.persons(with.persons());
        Map<String, String> withoutSearch = LocalSpark.persons(without.persons());
        assertEquals(withSearch.get("search-a"), withSearch.get("search-b"), "the search finds and links the pair");
        assertTrue(!withoutSearch.get("search-a").equals(withoutSearch.get("search-b")), "blocking alone misses it");
        assertTrue(with.candidatePairCount() > without.candidatePairCount());
        // Each as the one-machine linker with the same setting.
        LinkResult single = linker.oneMachineLinker().link(records);
        assertEquals(LocalSpark.persons(single), withSearch);
        assertEquals(single.statistics().candidatePairs(), with.candidatePairCount());
        assertEquals(single.links().size(), with.linkCount());
        assertEquals(LocalSpark.persons(blockedOnly.oneMachineLinker().link(records)), withoutSearch);
        with.release();
        without.release();
        pool.unpersist();
    }

    @Test
    void differentValidPncIdsNeverShareAPersonWithoutAnOverwhelmingDirectLink() {
        Map<String, String> persons = LocalSpark.persons(first.persons());
        Map<String, String> pncOf = new HashMap<>();
        for (PersonRecord record : LocalSpark.records(table, REFERENCE)) {
            String pnc = ComparableRecord.of(record).pncId();
            if (!pnc.isEmpty()) {
                pncOf.put(record.recordId(), pnc);
            }
        }
        Map<String, Double> linkWeights = new HashMap<>();
        for (Row link : first.links().collectAsList()) {
            linkWeights.put(link.getString(0) + "|" + link.getString(1), link.getDouble(2));
            linkWeights.put(link.getString(1) + "|" + link.getString(0), link.getDouble(2));
        }
        Map<String, List<String>> members = new HashMap<>();
        persons.forEach((record, person) -> members.computeIfAbsent(person, p -> new ArrayList<>()).add(record));
        int checked = 0;
        for (List<String> person : members.values()) {
            for (int i = 0; i < person.size(); i++) {
                for (int j = i + 1; j < person.size(); j++) {
                    String a = pncOf.get(person.get(i));
                    String b = pncOf.get(person.get(j));
                    if (a != null && b != null && !a.equals(b)) {
                        double weight = linkWeights.getOrDefault(person.get(i) + "|" + person.get(j), 0.0);
                        assertTrue(weight >= 20, person.get(i) + " and " + person.get(j)
                                + " have different PNC IDs and share a person with a direct link of " + weight);
                    }
                    checked += a != null && b != null ? 1 : 0;
                }
            }
        }
        assertTrue(checked > 0, "no person holds two records with PNC IDs: the check checked nothing");
    }

    @Test
    void personIdsAreStableAcrossRunsAndPartitionings() {
        // The same input again, in one partition instead of several: the same ids, record for record.
        SparkLinkResult second = linker.link(table.coalesce(1));
        assertEquals(LocalSpark.persons(first.persons()), LocalSpark.persons(second.persons()));
        second.release();
    }

    @Test
    void aModelTrainedOnASampleLinksAlmostAsWell() {
        // 1,000 of about 1,180 records: the sampled path, its priors scaled to the pool.
        SparkLinker sampled = SparkLinker.builder().referenceDate(REFERENCE).trainingSampleSize(1_000).build();
        SparkLinkResult result = sampled.link(table);
        assertTrue(!result.model().trainingNote().contains("bundled"), result.model().trainingNote());
        double f1Sample = PairwiseMetrics.of(data.truth(), LocalSpark.persons(result.persons())).f1();
        double f1Whole = PairwiseMetrics.of(data.truth(), LocalSpark.persons(first.persons())).f1();
        assertTrue(Math.abs(f1Whole - f1Sample) <= 0.005, "F1 trained on all " + f1Whole + ", on a sample " + f1Sample);
        result.release();
    }

    @Test
    void reviewDecisionsAreHonouredAsOnOneMachine() {
        Map<String, String> persons = LocalSpark.persons(first.persons());
        Map<String, List<String>> members = new java.util.LinkedHashMap<>();
        persons.forEach((record, person) -> members.computeIfAbsent(person, p -> new ArrayList<>()).add(record));
        // A non-match inside a person of three or more, and a match between two people of one record each
        // or more: both change the clustering.
        List<String> large = members.values().stream().filter(m -> m.size() >= 3).findFirst().orElseThrow();
        List<List<String>> people = new ArrayList<>(members.values());
        String apartA = large.get(0);
        String apartB = large.get(1);
        String togetherA = people.get(0).get(0);
        String togetherB = people.get(people.size() - 1).get(0);
        ReviewDecisions decisions = ReviewDecisions.of(List.of(ReviewDecision.nonMatch(apartA, apartB),
                ReviewDecision.match(togetherA, togetherB), ReviewDecision.match(apartA, "no-such-record")));
        SparkLinker decided = SparkLinker.builder().referenceDate(REFERENCE).decisions(decisions).build();

        SparkLinkResult result = decided.link(table);

        Map<String, String> distributed = LocalSpark.persons(result.persons());
        assertTrue(!distributed.get(apartA).equals(distributed.get(apartB)), "the non-match is kept apart");
        assertEquals(distributed.get(togetherA), distributed.get(togetherB), "the match is joined");
        LinkResult oneMachine = decided.oneMachineLinker().link(LocalSpark.records(table, REFERENCE));
        assertEquals(LocalSpark.persons(oneMachine), distributed, "the one-machine people under the same decisions");
        // The match's pair, not a link by score, is listed among the links as on one machine.
        assertEquals(oneMachine.links().size(), result.linkCount());
        assertTrue(result.links().collectAsList().stream().anyMatch(l -> List.of(l.getString(0), l.getString(1))
                .containsAll(List.of(togetherA, togetherB))), "the match's pair is among the links");
        result.release();
    }

    @Test
    void linksSayWhatADecisionDidToThemAsOnOneMachine() {
        Map<String, String> persons = LocalSpark.persons(first.persons());
        Map<String, List<String>> members = new java.util.LinkedHashMap<>();
        persons.forEach((record, person) -> members.computeIfAbsent(person, p -> new ArrayList<>()).add(record));
        // Non-matches inside people of three or more (each refuses the link between its pair and keeps other
        // links apart), and a match between two people.
        List<List<String>> large = members.values().stream().filter(m -> m.size() >= 3).limit(3).toList();
        List<List<String>> people = new ArrayList<>(members.values());
        List<ReviewDecision> given = new ArrayList<>();
        for (List<String> person : large) {
            given.add(ReviewDecision.nonMatch(person.get(0), person.get(1)));
        }
        given.add(ReviewDecision.match(people.get(0).get(0), people.get(people.size() - 1).get(0)));
        SparkLinker decided = SparkLinker.builder().referenceDate(REFERENCE)
                .decisions(ReviewDecisions.of(given)).build();

        SparkLinkResult result = decided.link(table);

        Dataset<Row> links = result.links();
        assertEquals(List.of("left_id", "right_id", "match_weight", "match_probability", "evidence", "decision"),
                List.of(links.columns()), "the columns of palimpsest link --decisions ... --links-out");
        Map<List<String>, String> distributed = new HashMap<>();
        for (Row link : links.collectAsList()) {
            distributed.put(List.of(link.getString(0), link.getString(1)), link.getString(5));
        }
        LinkResult oneMachine = decided.oneMachineLinker().link(LocalSpark.records(table, REFERENCE));
        Map<List<String>, String> single = new HashMap<>();
        for (io.github.palimpsest.Link link : oneMachine.links()) {
            single.put(List.of(link.leftId(), link.rightId()), link.decision().text());
        }
        assertEquals(single, distributed, "each link's decision as on one machine");
        assertTrue(distributed.containsValue("match"), "the match's link");
        assertTrue(distributed.containsValue("non-match"), "a non-match's own link");
        assertTrue(distributed.containsValue(io.github.palimpsest.Link.Decision.KEPT_APART.text()),
                "a link a non-match kept apart");
        result.release();
    }

    @Test
    void connectedComponentsAreThoseOfAUnionFind() {
        java.util.Random random = new java.util.Random(5);
        int nodes = 400;
        List<scala.Tuple2<Long, Long>> edges = new ArrayList<>();
        int[] parent = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            parent[i] = i;
        }
        for (int k = 0; k < 330; k++) {
            int a = random.nextInt(nodes);
            int b = k % 3 == 0 ? a + 1 < nodes ? a + 1 : a : random.nextInt(nodes); // chains as well as random edges
            edges.add(new scala.Tuple2<>((long) a, (long) b));
            parent[find(parent, a)] = find(parent, b);
        }
        Map<Long, Long> components = new HashMap<>(ConnectedComponents.of(
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                        .parallelizePairs(edges, 3)).collectAsMap());
        Map<Integer, Long> smallest = new HashMap<>();
        for (scala.Tuple2<Long, Long> e : edges) {
            for (long node : new long[] {e._1, e._2}) {
                smallest.merge(find(parent, (int) node), node, Math::min);
            }
        }
        for (scala.Tuple2<Long, Long> e : edges) {
            if (!e._1.equals(e._2)) {
                for (long node : new long[] {e._1, e._2}) {
                    assertEquals(smallest.get(find(parent, (int) node)), components.get(node), "node " + node);
                }
            }
        }
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            x = parent[x];
        }
        return x;
    }

    @Test
    void linksCarryTheirEvidence() {
        // Without decisions, the columns of palimpsest link --links-out: no decision column.
        assertEquals(List.of("left_id", "right_id", "match_weight", "match_probability", "evidence"),
                List.of(first.links().columns()));
        List<Row> links = first.links().limit(5).collectAsList();
        assertTrue(!links.isEmpty());
        for (Row link : links) {
            assertTrue(link.getDouble(2) >= Linker.builder().build().thresholdWeight());
            assertTrue(link.getString(4).startsWith("prior "), link.getString(4));
        }
    }
}
