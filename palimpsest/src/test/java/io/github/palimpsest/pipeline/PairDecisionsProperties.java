package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PairDecisionsProperties {

    /** A random graph with random decisions: pairs {a, b, kind} with kind 0 must-link and 1 cannot-link. */
    record Decided(ClustererProperties.Graph graph, List<int[]> decisions) {}

    @Provide
    Arbitrary<Decided> decided() {
        return new ClustererProperties().graphs().filter(g -> g.n() >= 2).flatMap(g -> {
            Arbitrary<int[]> decision = Combinators.combine(Arbitraries.integers().between(0, g.n() - 1),
                    Arbitraries.integers().between(0, g.n() - 1), Arbitraries.integers().between(0, 1))
                    .as((a, b, kind) -> new int[] {a, b, kind}).filter(d -> d[0] != d[1]);
            return decision.list().ofMaxSize(6).map(d -> new Decided(g, d));
        });
    }

    @Property
    void decisionsHoldOrContradictoryOnesAreRefused(@ForAll("decided") Decided d) {
        PairDecisions.Builder builder = PairDecisions.builder();
        int[] group = new int[d.graph().n()]; // union-find over must-links, to know when they contradict
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
        }
        for (int[] x : d.decisions()) {
            if (x[2] == 0) {
                builder.mustLink(x[0], x[1]);
                group[find(group, x[0])] = find(group, x[1]);
            } else {
                builder.cannotLink(x[0], x[1]);
            }
        }
        boolean contradictory = d.decisions().stream()
                .anyMatch(x -> x[2] == 1 && find(group, x[0]) == find(group, x[1]));
        PairDecisions decisions;
        Clustering people;
        try {
            decisions = builder.build();
            people = ClustererProperties.CHECKED.cluster(d.graph().n(), ScoredLinks.of(d.graph().links()),
                    d.graph().keys(), RecordConflicts.NONE, decisions);
        } catch (IllegalArgumentException e) {
            assertTrue(contradictory, "refused only when must-links join a cannot-link pair: " + e.getMessage());
            return;
        }
        assertTrue(!contradictory, "a contradiction must be refused");
        for (int[] x : d.decisions()) {
            if (x[2] == 0) {
                assertEquals(people.clusterOf(x[0]), people.clusterOf(x[1]), "a must-link holds");
            } else {
                assertNotEquals(people.clusterOf(x[0]), people.clusterOf(x[1]), "a cannot-link holds");
            }
        }
    }

    private static int find(int[] group, int i) {
        while (group[i] != i) {
            i = group[i];
        }
        return i;
    }
}
