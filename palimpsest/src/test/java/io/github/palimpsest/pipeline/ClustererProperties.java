package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ClustererProperties {
    static final double THRESHOLD = 4;
    static final double OVERWHELMING = 30;
    /** The exclusive-key constraint alone: lone links are not checked here (see the properties at the end). */
    static final Clusterer CLUSTERER = Clusterer.builder().threshold(THRESHOLD).overwhelmingWeight(OVERWHELMING)
            .loneLinkWeight(THRESHOLD).build();
    static final double LONE = 10;
    /** The same, with lone links below 10 bits between two multi-record clusters refused. */
    static final Clusterer CHECKED = Clusterer.builder().threshold(THRESHOLD).overwhelmingWeight(OVERWHELMING)
            .loneLinkWeight(LONE).build();

    /** A random graph: records, links with many tied weights, and a few identifiers per record. */
    record Graph(int n, List<ScoredLink> links, List<List<String>> keys) {}

    @Provide
    Arbitrary<Graph> graphs() {
        return Arbitraries.integers().between(1, 25).flatMap(n -> {
            Arbitrary<ScoredLink> link = Combinators.combine(
                    Arbitraries.integers().between(0, n - 1), Arbitraries.integers().between(0, n - 1),
                    Arbitraries.of(-3.0, 2.0, 4.0, 5.0, 8.0, 8.0, 12.0, 30.0, 35.0))
                    .as((a, b, w) -> a.equals(b) ? null : new ScoredLink(a, b, w))
                    .filter(l -> l != null);
            Arbitrary<List<String>> recordKeys = Arbitraries.of("pnc:1", "pnc:2", "pnc:3", "cro:7", "cro:8")
                    .list().ofMaxSize(2);
            Arbitrary<List<ScoredLink>> links = n < 2 ? Arbitraries.just(List.of()) : link.list().ofMaxSize(3 * n);
            return Combinators.combine(links, recordKeys.list().ofSize(n)).as((l, k) -> new Graph(n, l, k));
        });
    }

    static boolean conflict(List<String> x, List<String> y) {
        for (String a : x) {
            for (String b : y) {
                String typeA = a.substring(0, a.indexOf(':'));
                String typeB = b.substring(0, b.indexOf(':'));
                if (typeA.equals(typeB) && !a.equals(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean overwhelmingLink(Graph g, int x, int y) {
        return g.links().stream().anyMatch(l -> l.matchWeight() >= OVERWHELMING
                && ((l.left() == x && l.right() == y) || (l.left() == y && l.right() == x)));
    }

    /** Whether the records could share a cluster: every conflicting pair has its own overwhelming link. */
    static boolean admissible(Graph g, int[] records) {
        for (int x : records) {
            for (int y : records) {
                if (x < y && conflict(g.keys().get(x), g.keys().get(y)) && !overwhelmingLink(g, x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Property(tries = 500)
    void noClusterHoldsConflictingRecordsWithoutADirectOverwhelmingLink(@ForAll("graphs") Graph g) {
        Clustering c = CLUSTERER.cluster(g.n(), g.links(), g.keys());
        for (int cluster = 0; cluster < c.clusterCount(); cluster++) {
            assertTrue(admissible(g, c.members(cluster)), "cluster " + cluster);
        }
    }

    @Property(tries = 500)
    void everyRecordIsInExactlyOneClusterNumberedBySmallestRecord(@ForAll("graphs") Graph g) {
        Clustering c = CLUSTERER.cluster(g.n(), g.links(), g.keys());
        assertEquals(g.n(), c.recordCount());
        Set<Integer> seen = new HashSet<>();
        int previousSmallest = -1;
        for (int cluster = 0; cluster < c.clusterCount(); cluster++) {
            int[] members = c.members(cluster);
            assertTrue(members.length > 0);
            assertTrue(members[0] > previousSmallest);
            previousSmallest = members[0];
            for (int r : members) {
                assertTrue(seen.add(r), "record " + r + " in two clusters");
                assertEquals(cluster, c.clusterOf(r));
            }
        }
        assertEquals(g.n(), seen.size());
    }

    @Property(tries = 500)
    void eachClusterIsConnectedByLinksAtOrAboveTheThreshold(@ForAll("graphs") Graph g) {
        Clustering c = CLUSTERER.cluster(g.n(), g.links(), g.keys());
        int[] component = new int[g.n()];
        for (int i = 0; i < g.n(); i++) {
            component[i] = i;
        }
        for (ScoredLink l : g.links()) { // naive union over links inside one cluster
            if (l.matchWeight() >= THRESHOLD && c.clusterOf(l.left()) == c.clusterOf(l.right())) {
                int from = component[l.left()];
                int to = component[l.right()];
                for (int i = 0; i < g.n(); i++) {
                    if (component[i] == from) {
                        component[i] = to;
                    }
                }
            }
        }
        for (int i = 0; i < g.n(); i++) {
            for (int j = i + 1; j < g.n(); j++) {
                if (c.clusterOf(i) == c.clusterOf(j)) {
                    assertEquals(component[i], component[j], i + " and " + j + " share a cluster without a path");
                }
            }
        }
    }

    @Property(tries = 500)
    void aLinkAboveTheThresholdBetweenTwoClustersWouldBreakTheConstraint(@ForAll("graphs") Graph g) {
        Clustering c = CLUSTERER.cluster(g.n(), g.links(), g.keys());
        for (ScoredLink l : g.links()) {
            int a = c.clusterOf(l.left());
            int b = c.clusterOf(l.right());
            if (l.matchWeight() >= THRESHOLD && a != b) {
                int[] joined = java.util.stream.IntStream.concat(java.util.Arrays.stream(c.members(a)),
                        java.util.Arrays.stream(c.members(b))).toArray();
                assertFalse(admissible(g, joined), "the merge of clusters " + a + " and " + b + " was missed");
            }
        }
    }

    @Property(tries = 300)
    void resultIsIndependentOfLinkOrderAndDirection(@ForAll("graphs") Graph g, @ForAll long seed) {
        List<ScoredLink> shuffled = new ArrayList<>();
        Random random = new Random(seed);
        for (ScoredLink l : g.links()) {
            shuffled.add(random.nextBoolean() ? l : new ScoredLink(l.right(), l.left(), l.matchWeight()));
        }
        Collections.shuffle(shuffled, random);
        assertEquals(CLUSTERER.cluster(g.n(), g.links(), g.keys()), CLUSTERER.cluster(g.n(), shuffled, g.keys()));
    }

    @Property(tries = 300)
    void withoutExclusiveKeysClustersAreTheConnectedComponents(@ForAll("graphs") Graph g) {
        Clustering c = CLUSTERER.cluster(g.n(), ScoredLinks.of(g.links()));
        int[] component = new int[g.n()];
        for (int i = 0; i < g.n(); i++) {
            component[i] = i;
        }
        boolean changed = true;
        while (changed) { // label propagation to the smallest index: brute-force components
            changed = false;
            for (ScoredLink l : g.links()) {
                if (l.matchWeight() >= THRESHOLD && component[l.left()] != component[l.right()]) {
                    int min = Math.min(component[l.left()], component[l.right()]);
                    component[l.left()] = min;
                    component[l.right()] = min;
                    changed = true;
                }
            }
        }
        for (int i = 0; i < g.n(); i++) {
            for (int j = 0; j < g.n(); j++) {
                assertEquals(component[i] == component[j], c.clusterOf(i) == c.clusterOf(j));
            }
        }
    }

    @Property(tries = 300)
    void withLoneLinksCheckedTheResultStillIgnoresLinkOrderAndDirection(@ForAll("graphs") Graph g, @ForAll long seed) {
        List<ScoredLink> shuffled = new ArrayList<>();
        Random random = new Random(seed);
        for (ScoredLink l : g.links()) {
            shuffled.add(random.nextBoolean() ? l : new ScoredLink(l.right(), l.left(), l.matchWeight()));
        }
        Collections.shuffle(shuffled, random);
        assertEquals(CHECKED.cluster(g.n(), g.links(), g.keys()), CHECKED.cluster(g.n(), shuffled, g.keys()));
    }

    @Property(tries = 500)
    void withoutKeysCheckingLoneLinksOnlySplitsComponentsAndNeverAStrongLink(@ForAll("graphs") Graph g) {
        Clustering components = CLUSTERER.cluster(g.n(), ScoredLinks.of(g.links()));
        Clustering checked = CHECKED.cluster(g.n(), ScoredLinks.of(g.links()));
        for (int i = 0; i < g.n(); i++) {
            for (int j = i + 1; j < g.n(); j++) {
                if (checked.clusterOf(i) == checked.clusterOf(j)) {
                    assertEquals(components.clusterOf(i), components.clusterOf(j), i + " and " + j);
                }
            }
        }
        for (ScoredLink l : g.links()) {
            if (l.matchWeight() >= LONE) {
                assertEquals(checked.clusterOf(l.left()), checked.clusterOf(l.right()), "strong link " + l);
            }
        }
    }

    // ---------------------------------------------------------------- supported links

    static final Clusterer SUPPORTING = Clusterer.builder().threshold(THRESHOLD).overwhelmingWeight(OVERWHELMING)
            .loneLinkWeight(LONE).supportedLinkWeight(0).build();

    /** The scored pairs of a graph: each pair's strongest link, whatever order the links come in. */
    static PairWeights weightsOf(Graph g) {
        java.util.Map<Long, Double> weights = new java.util.HashMap<>();
        for (ScoredLink l : g.links()) {
            weights.merge(ConstrainedMerge.pack(l.left(), l.right()), l.matchWeight(), Math::max);
        }
        return (a, b) -> weights.getOrDefault(ConstrainedMerge.pack(a, b), Double.NaN);
    }

    @Property(tries = 500)
    void supportedLinksKeepTheKeyGuaranteeAndOnlyJoinWhatTheThresholdLeftApart(@ForAll("graphs") Graph g) {
        Clustering supported = SUPPORTING.cluster(g.n(), ScoredLinks.of(g.links()), g.keys(), RecordConflicts.NONE,
                PairDecisions.NONE, weightsOf(g));
        Clustering plain = CHECKED.cluster(g.n(), g.links(), g.keys());
        for (int c = 0; c < supported.clusterCount(); c++) {
            assertTrue(admissible(g, supported.members(c)), "conflicting records joined");
        }
        // Links below the threshold are offered after every link at or above it, so they only join people.
        for (int x = 0; x < g.n(); x++) {
            for (int y = 0; y < g.n(); y++) {
                if (plain.clusterOf(x) == plain.clusterOf(y)) {
                    assertEquals(supported.clusterOf(x), supported.clusterOf(y));
                }
            }
        }
        assertEquals(plain.clusterCount() - supported.clusterCount(), supported.supportedLinks().length,
                "each supported link joins a lone record to a person");
    }

    @Property(tries = 300)
    void supportedLinksDoNotDependOnLinkOrder(@ForAll("graphs") Graph g, @ForAll long seed) {
        List<ScoredLink> shuffled = new ArrayList<>(g.links());
        Collections.shuffle(shuffled, new Random(seed));
        Clustering one = SUPPORTING.cluster(g.n(), ScoredLinks.of(g.links()), g.keys(), RecordConflicts.NONE,
                PairDecisions.NONE, weightsOf(g));
        Clustering two = SUPPORTING.cluster(g.n(), ScoredLinks.of(shuffled), g.keys(), RecordConflicts.NONE,
                PairDecisions.NONE, weightsOf(g));
        for (int x = 0; x < g.n(); x++) {
            assertEquals(one.clusterOf(x), two.clusterOf(x));
        }
        assertTrue(java.util.Arrays.equals(one.supportedLinks(), two.supportedLinks()));
    }
}
