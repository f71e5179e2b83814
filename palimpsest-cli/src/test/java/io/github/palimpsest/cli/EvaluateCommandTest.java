package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void printsPairwisePrecisionRecallAndF1ComputedByHand() throws IOException {
        // Truth {a,b,c} {d,e} {f}: 4 true pairs. Clusters {a,b} {c,d,e} {f}: 4 predicted, 2 correct (ab, de).
        // Precision 2/4, recall 2/4, F1 0.5. Clusters are in another order, with an extra column.
        Path truth = write("truth.csv", "record_id,entity_id\na,T1\nb,T1\nc,T1\nd,T2\ne,T2\nf,T3\n");
        Path clusters = write("clusters.csv", "entity_id,record_id,note\nP-2,e,x\nP-1,a,\nP-1,b,\nP-2,c,\nP-2,d,\nP-3,f,\n");
        assertEquals(0, run("evaluate", "--truth", truth.toString(), "--clusters", clusters.toString()), err.toString());
        String text = out.toString();
        assertTrue(text.contains("true pairs: 4"), text);
        assertTrue(text.contains("predicted pairs: 4"), text);
        assertTrue(text.contains("correct pairs: 2"), text);
        assertTrue(text.contains("precision: 0.500000"), text);
        assertTrue(text.contains("recall: 0.500000"), text);
        assertTrue(text.contains("f1: 0.500000"), text);
    }

    @Test
    void unequalPrecisionAndRecall() throws IOException {
        // Truth {a,b,c,d}: 6 pairs. Clusters {a,b} {c} {d}: 1 predicted, correct. P = 1, R = 1/6, F1 = 2/7.
        Path truth = write("truth.csv", "record_id,entity_id\na,T\nb,T\nc,T\nd,T\n");
        Path clusters = write("clusters.csv", "record_id,entity_id\na,P-1\nb,P-1\nc,P-2\nd,P-3\n");
        assertEquals(0, run("evaluate", "--truth", truth.toString(), "--clusters", clusters.toString()), err.toString());
        assertTrue(out.toString().contains("precision: 1.000000"), out.toString());
        assertTrue(out.toString().contains("recall: 0.166667"), out.toString());
        assertTrue(out.toString().contains("f1: 0.285714"), out.toString());
    }

    @Test
    void anIdMissingFromEitherFileIsBadInputNamingFileAndLine() throws IOException {
        Path truth = write("truth.csv", "record_id,entity_id\na,T1\nb,T1\n");
        Path clusters = write("clusters.csv", "record_id,entity_id\na,P-1\nb,P-1\nz,P-9\n");
        assertEquals(1, run("evaluate", "--truth", truth.toString(), "--clusters", clusters.toString()));
        assertTrue(err.toString().contains(clusters + ":4"), err.toString());
        assertTrue(err.toString().contains("'z'"), err.toString());

        Path fewer = write("fewer.csv", "record_id,entity_id\nb,P-1\n");
        assertEquals(1, run("evaluate", "--truth", truth.toString(), "--clusters", fewer.toString()));
        assertTrue(err.toString().contains(truth + ":2"), err.toString());
    }

    @Test
    void repeatedIdsMissingColumnsAndAbsentFilesAreBadInput() throws IOException {
        Path truth = write("truth.csv", "record_id,entity_id\na,T1\na,T2\n");
        Path clusters = write("clusters.csv", "record_id,entity_id\na,P-1\n");
        assertEquals(1, run("evaluate", "--truth", truth.toString(), "--clusters", clusters.toString()));
        assertTrue(err.toString().contains(truth + ":3"), err.toString());
        Path noColumn = write("nocolumn.csv", "record_id,cluster\na,P-1\n");
        assertEquals(1, run("evaluate", "--truth", clusters.toString(), "--clusters", noColumn.toString()));
        assertTrue(err.toString().contains(noColumn + ":1"), err.toString());
        assertEquals(1, run("evaluate", "--truth", dir.resolve("absent.csv").toString(), "--clusters",
                clusters.toString()));
        assertEquals(2, run("evaluate", "--truth", truth.toString()));
    }
}
