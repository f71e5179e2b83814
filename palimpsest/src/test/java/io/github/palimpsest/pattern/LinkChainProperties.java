package io.github.palimpsest.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link LinkChain} against brute force on small random graphs. */
class LinkChainProperties {

    record Edge(String a, String b, double w) {
    }

    @Provide
    Arbitrary<List<Edge>> graphs() {
        Arbitrary<String> node = Arbitraries.integers().between(0, 7).map(i -> "r" + i);
        Arbitrary<Edge> edge = Combinators.combine(node, node, Arbitraries.integers().between(-5, 40))
                .filter((a, b, w) -> !a.equals(b)).as((a, b, w) -> new Edge(a, b, w));
        return edge.list().ofMaxSize(16);
    }

    @Property
    void reachesExactlyTheRecordsConnectedToTheStartAvoidingBarredOnes(@ForAll("graphs") List<Edge> edges,
            @ForAll boolean barOne) {
        Set<String> barred = barOne ? Set.of("r3") : Set.of();
        List<LinkChain.Step<Edge>> steps = LinkChain.grow("r0", edges, Edge::a, Edge::b, Edge::w, barred);
        Set<String> reached = new HashSet<>(Set.of("r0"));
        for (LinkChain.Step<Edge> step : steps) {
            assertTrue(reached.contains(step.through()), "joined through a record reached before it");
            assertTrue(reached.add(step.recordId()), "each record reached once");
            Edge e = step.link();
            assertTrue(e.a().equals(step.recordId()) && e.b().equals(step.through())
                    || e.b().equals(step.recordId()) && e.a().equals(step.through()), "the link joins the two");
        }
        assertEquals(component(edges, barred), reached);
        assertFalse(reached.contains("r3") && barOne);
    }

    @Property
    void theChainIsAMaximumSpanningTreeOfWhatItReaches(@ForAll("graphs") List<Edge> edges) {
        List<LinkChain.Step<Edge>> steps = LinkChain.grow("r0", edges, Edge::a, Edge::b, Edge::w, Set.of());
        double chain = steps.stream().mapToDouble(s -> s.link().w()).sum();
        assertEquals(kruskal(edges, component(edges, Set.of())), chain, 1e-9);
    }

    @Test
    void aPurgedRecordJoinsThroughTheRecordItSharesAnIdentifierWith() {
        List<Edge> edges = List.of(new Edge("named-2002", "purged-2006", 39), new Edge("named-2002", "named-2016", 19),
                new Edge("purged-2006", "named-2016", 2));
        List<LinkChain.Step<Edge>> steps = LinkChain.grow("named-2002", edges, Edge::a, Edge::b, Edge::w, Set.of());
        assertEquals(List.of("purged-2006", "named-2016"), steps.stream().map(LinkChain.Step::recordId).toList());
        assertEquals("named-2002", steps.get(1).through());
    }

    private static Set<String> component(List<Edge> edges, Set<String> barred) {
        Set<String> seen = new HashSet<>(Set.of("r0"));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of("r0"));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (Edge e : edges) {
                String other = e.a().equals(at) ? e.b() : e.b().equals(at) ? e.a() : null;
                if (other != null && !barred.contains(other) && seen.add(other)) {
                    queue.add(other);
                }
            }
        }
        return seen;
    }

    /** The weight of a maximum spanning tree over the given records, by Kruskal's algorithm. */
    private static double kruskal(List<Edge> edges, Set<String> nodes) {
        List<Edge> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.comparingDouble((Edge e) -> -e.w()));
        List<Set<String>> parts = new ArrayList<>();
        nodes.forEach(n -> parts.add(new HashSet<>(Set.of(n))));
        double total = 0;
        for (Edge e : sorted) {
            if (!nodes.contains(e.a()) || !nodes.contains(e.b())) {
                continue;
            }
            Set<String> pa = parts.stream().filter(p -> p.contains(e.a())).findFirst().orElseThrow();
            Set<String> pb = parts.stream().filter(p -> p.contains(e.b())).findFirst().orElseThrow();
            if (pa != pb) {
                pa.addAll(pb);
                parts.remove(pb);
                total += e.w();
            }
        }
        return total;
    }
}
