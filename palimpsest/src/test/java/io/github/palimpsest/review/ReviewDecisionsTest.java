package io.github.palimpsest.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewDecisionsTest {

    private static ReviewDecisions read(String text) throws IOException {
        return ReviewDecisions.read(new StringReader(text), "decisions.csv");
    }

    @Test
    void readsTheRequiredAndOptionalColumnsInAnyOrderIgnoringOthersAndUndecidedRows() throws IOException {
        ReviewDecisions decided = read("""
                match_probability,decision,record_id_b,record_id_a,reviewer,reason,decided_at
                0.81,match,B7,A1,J. Okafor,"same officer, new force",2026-03-01
                0.62,,C3,A1,,,
                0.55, Non-Match ,C3,B7,,father and son,
                """);

        assertEquals(2, decided.size());
        assertEquals(1, decided.undecidedRows());
        ReviewDecision first = decided.decisions().get(0);
        assertEquals(List.of("A1", "B7", "match", "J. Okafor", "same officer, new force", "2026-03-01",
                "decisions.csv line 2"), List.of(first.recordIdA(), first.recordIdB(), first.verdict().text(),
                first.reviewer(), first.reason(), first.decidedAt(), first.origin()));
        assertEquals(ReviewDecision.Verdict.NON_MATCH, decided.decisionFor("B7", "C3").orElseThrow().verdict());
        assertEquals(ReviewDecision.Verdict.NON_MATCH, decided.decisionFor("C3", "B7").orElseThrow().verdict());
        assertEquals(2, decided.decisionsOn("B7").size());
    }

    @Test
    void badRowsAreRefusedNamingTheLine() {
        DecisionsFormatException unknown = assertThrows(DecisionsFormatException.class,
                () -> read("record_id_a,record_id_b,decision\nA1,B7,maybe\n"));
        assertTrue(unknown.getMessage().startsWith("decisions.csv line 2: decision 'maybe'"), unknown.getMessage());
        DecisionsFormatException noColumn = assertThrows(DecisionsFormatException.class,
                () -> read("record_id_a,record_id_b\nA1,B7\n"));
        assertTrue(noColumn.getMessage().contains("'decision'"), noColumn.getMessage());
        assertThrows(DecisionsFormatException.class, () -> read("record_id_a,record_id_b,decision\nA1,,match\n"));
        assertThrows(DecisionsFormatException.class, () -> read("record_id_a,record_id_b,decision\nA1,A1,match\n"));
        assertThrows(DecisionsFormatException.class, () -> read(""));
    }

    @Test
    void contradictionsInAFileNameTheirLines() {
        ContradictoryDecisionsException e = assertThrows(ContradictoryDecisionsException.class, () -> read("""
                record_id_a,record_id_b,decision
                A1,B7,match
                B7,C3,match
                X1,Y1,non-match
                C3,A1,non-match
                """));
        assertTrue(e.getMessage().startsWith("decisions.csv line 5 (C3 – A1: non-match) contradicts the chain of "
                + "matches"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("line 3"), e.getMessage());
        assertEquals(3, e.decisions().size());
    }

    @Test
    void aPairDecidedTwiceTheSameWayKeepsTheFirstAndPlusChecksAcrossSets() {
        ReviewDecisions once = ReviewDecisions.of(List.of(ReviewDecision.match("A", "B").by("first"),
                ReviewDecision.match("B", "A").by("second")));
        assertEquals(List.of("first"), once.decisions().stream().map(ReviewDecision::reviewer).toList());

        assertThrows(ContradictoryDecisionsException.class,
                () -> once.plus(ReviewDecisions.of(List.of(ReviewDecision.nonMatch("A", "B")))));
        assertEquals(2, once.plus(ReviewDecisions.of(List.of(ReviewDecision.nonMatch("A", "C")))).size());
    }

    @Test
    void decisionsNamingAnUnknownRecordAreSetAside() {
        ReviewDecisions decided = ReviewDecisions.of(List.of(ReviewDecision.match("A", "B"),
                ReviewDecision.nonMatch("B", "C"), ReviewDecision.nonMatch("A", "Z")));
        Map<String, Integer> index = Map.of("A", 0, "B", 1, "C", 2);

        assertEquals(List.of(decided.decisions().get(2)), decided.unknownTo(index::containsKey));
    }

    @Test
    void readsAFileWithAByteOrderMark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("decisions.csv");
        Files.writeString(file, "\uFEFFrecord_id_a,record_id_b,decision\nA1,B7,non-match\n");

        assertEquals(1, ReviewDecisions.read(file).size());
    }
}
