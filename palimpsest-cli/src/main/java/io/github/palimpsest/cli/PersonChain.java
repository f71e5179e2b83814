package io.github.palimpsest.cli;

import io.github.palimpsest.Link;
import io.github.palimpsest.pattern.LinkChain;
import io.github.palimpsest.pattern.PatternEvent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one person's records joined, for the outputs a person reads (the HTML report, {@code PATTERNS.csv}):
 * from the person's earliest record, each other record by the strongest link that reaches it (see
 * {@link LinkChain}). A person whose links do not connect all its records (records joined by a reviewer's
 * decision, say) has one chain per part, each from its earliest record.
 *
 * @param through for each event (in the pattern's order), the index of the event it joined through, or -1 for
 *                the first record of a part
 * @param by      for each event, the link it joined by, or null for the first record of a part
 */
record PersonChain(int[] through, Link[] by) {

    static PersonChain of(List<PatternEvent> events, List<Link> linksWithin) {
        Map<String, Integer> position = new HashMap<>();
        for (PatternEvent event : events) {
            position.put(event.recordId(), position.size());
        }
        int[] through = new int[events.size()];
        Link[] by = new Link[events.size()];
        Arrays.fill(through, -1);
        boolean[] reached = new boolean[events.size()];
        for (int root = 0; root < events.size(); root++) {
            if (reached[root]) {
                continue;
            }
            reached[root] = true;
            for (LinkChain.Step<Link> step : LinkChain.grow(events.get(root).recordId(), linksWithin, Link::leftId,
                    Link::rightId, Link::matchWeight, Set.of())) {
                int at = position.get(step.recordId());
                reached[at] = true;
                through[at] = position.get(step.through());
                by[at] = step.link();
            }
        }
        return new PersonChain(through, by);
    }
}
