package io.github.palimpsest.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReviewDecisionsProperties {

    @Provide
    Arbitrary<String> cells() {
        // Commas, quotes, line breaks and non-ASCII letters: what a spreadsheet may put in a cell.
        return Arbitraries.strings().withChars("abcXYZ019-/,\"' \n\u00e9\u0141\u4e2d").ofMinLength(1).ofMaxLength(12)
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    @Provide
    Arbitrary<List<ReviewDecision>> decisionLists() {
        Arbitrary<ReviewDecision> one = Combinators.combine(cells(), cells(), Arbitraries.of(ReviewDecision.Verdict.class),
                cells().injectNull(0.5), cells().injectNull(0.5)).as((a, b, verdict, reviewer, reason) ->
                a.equals(b) ? null : new ReviewDecision(a, b, verdict, reviewer == null ? "" : reviewer,
                        reason == null ? "" : reason, "2026-03-01", ""));
        return one.filter(d -> d != null).list().ofMaxSize(12);
    }

    @Property
    void writtenDecisionsReadBackTheSame(@ForAll("decisionLists") List<ReviewDecision> given) throws IOException {
        ReviewDecisions decisions;
        try {
            decisions = ReviewDecisions.of(given);
        } catch (ContradictoryDecisionsException e) {
            Assume.that(false);
            return;
        }
        StringBuilder file = new StringBuilder();
        decisions.write(file);

        ReviewDecisions read = ReviewDecisions.read(new StringReader(file.toString()), "decisions.csv");

        assertEquals(withoutOrigins(decisions), withoutOrigins(read));
    }

    @Property
    void anyTextIsReadOrRefusedWithAFormatOrContradictionError(@ForAll("lines") List<String> lines) {
        String text = "record_id_a,record_id_b,decision,reviewer\n" + String.join("\n", lines);
        try {
            ReviewDecisions read = ReviewDecisions.read(new StringReader(text), "decisions.csv");
            for (ReviewDecision d : read.decisions()) {
                assertEquals(false, d.recordIdA().isBlank() || d.recordIdA().equals(d.recordIdB()));
            }
        } catch (DecisionsFormatException | ContradictoryDecisionsException expected) {
            // refused with a message naming the line or the rows
        } catch (IOException e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    @Provide
    Arbitrary<List<String>> lines() {
        Arbitrary<String> line = Combinators.combine(cells().injectNull(0.2),
                        cells().injectNull(0.2),
                        Arbitraries.of("match", "non-match", "MATCH", " Non-Match ", "", "maybe", "nonmatch"),
                        cells().injectNull(0.5))
                .as((a, b, d, r) -> quote(a) + "," + quote(b) + "," + d + "," + quote(r));
        return line.list().ofMaxSize(8);
    }

    private static String quote(String cell) {
        return cell == null ? "" : "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    private static List<List<String>> withoutOrigins(ReviewDecisions decisions) {
        List<List<String>> rows = new ArrayList<>();
        for (ReviewDecision d : decisions.decisions()) {
            rows.add(List.of(d.recordIdA(), d.recordIdB(), d.verdict().text(), d.reviewer(), d.reason(), d.decidedAt()));
        }
        return rows;
    }
}
