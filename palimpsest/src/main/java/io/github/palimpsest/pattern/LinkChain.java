package io.github.palimpsest.pattern;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * How the records of one person joined, as a chain a reader can follow: from one record, each other record
 * is reached by the strongest link that reaches it from a record already reached (a maximum spanning tree
 * grown from that record, Prim's algorithm). A purged record that shares only a PNC ID with one earlier
 * record then shows as joined through that record, whatever its other links.
 *
 * <p>Stateless and thread-safe.
 */
public final class LinkChain {

    private LinkChain() {
    }

    /**
     * One record reached, and the link that reached it.
     *
     * @param recordId the record reached
     * @param through  the record it was reached from
     * @param link     the link between the two
     * @param <L>      the type of link
     */
    public record Step<L>(String recordId, String through, L link) {
        /** Checks that nothing is null. */
        public Step {
            checkNotNull(recordId, "recordId");
            checkNotNull(through, "through");
            checkNotNull(link, "link");
        }
    }

    /**
     * The records reachable from {@code start} over {@code links}, in the order they are reached, never
     * entering a record in {@code barred}. Ties between equally strong links go to the smaller record id, so the
     * chain is the same on every run.
     *
     * @param start  the record to grow from (not itself a step)
     * @param links  the links, in any order; each joins {@code left} and {@code right} with weight {@code weight}
     * @param left   one end of a link
     * @param right  the other end
     * @param weight the strength of a link (a match weight): the strongest is followed first
     * @param barred records never reached or passed through (other roster members, say)
     * @param <L>    the type of link
     */
    public static <L> List<Step<L>> grow(String start, List<? extends L> links, Function<? super L, String> left,
            Function<? super L, String> right, ToDoubleFunction<? super L> weight, Set<String> barred) {
        checkNotNull(start, "start");
        checkNotNull(barred, "barred");
        Map<String, List<L>> byRecord = new HashMap<>();
        for (L link : links) {
            byRecord.computeIfAbsent(left.apply(link), k -> new ArrayList<>()).add(link);
            byRecord.computeIfAbsent(right.apply(link), k -> new ArrayList<>()).add(link);
        }
        record Candidate<L>(String from, String to, L link, double weight) {
        }
        PriorityQueue<Candidate<L>> frontier = new PriorityQueue<>(Comparator
                .comparingDouble((Candidate<L> c) -> -c.weight()).thenComparing(Candidate::to)
                .thenComparing(Candidate::from));
        Set<String> reached = new HashSet<>();
        reached.add(start);
        List<Step<L>> steps = new ArrayList<>();
        String from = start;
        while (true) {
            for (L link : byRecord.getOrDefault(from, List.of())) {
                String other = left.apply(link).equals(from) ? right.apply(link) : left.apply(link);
                if (!reached.contains(other) && !barred.contains(other)) {
                    frontier.add(new Candidate<>(from, other, link, weight.applyAsDouble(link)));
                }
            }
            Candidate<L> next = frontier.poll();
            while (next != null && reached.contains(next.to())) {
                next = frontier.poll();
            }
            if (next == null) {
                return steps;
            }
            reached.add(next.to());
            steps.add(new Step<>(next.to(), next.from(), next.link()));
            from = next.to();
        }
    }
}
