package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoredLinksTest {
    @Test
    void aBuiltSetOfLinksIsNotChangedByLaterAdds() {
        ScoredLinks.Builder builder = ScoredLinks.builder(2).add(0, 1, 3.5).add(2, 1, -1);
        ScoredLinks first = builder.build(); // exactly full: arrays handed over without a copy

        builder.add(4, 5, 9);
        ScoredLinks second = builder.build();

        assertEquals(2, first.size());
        assertEquals(new ScoredLink(2, 1, -1), first.link(1));
        assertEquals(3, second.size());
        assertEquals(new ScoredLink(4, 5, 9), second.link(2));
        assertEquals(first.link(0), second.link(0));
    }

    @Test
    void linksFromAListKeepTheirOrderAndDirection() {
        ScoredLinks links = ScoredLinks.of(List.of(new ScoredLink(7, 3, 1.25), new ScoredLink(0, 2, 8)));
        assertEquals(7, links.left(0));
        assertEquals(3, links.right(0));
        assertEquals(8.0, links.matchWeight(1));
    }
}
