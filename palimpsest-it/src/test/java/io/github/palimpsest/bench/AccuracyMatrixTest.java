package io.github.palimpsest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix's measures on a pool small enough to count by hand; the matrix itself is a benchmark, not run here. */
class AccuracyMatrixTest {

    @TempDir
    Path dir;

    /**
     * Fictional pool: A1/A2/A3 one person (A3 purged, sharing A1's e-mail), B1/B2 another (B2 purged, sharing
     * nothing), C1 alone and purged. Clusters: {A1, A3}, {A2}, {B1}, {B2}, {C1}.
     */
    private AccuracyMatrix.Prepared pool() throws IOException {
        Path records = dir.resolve("r.csv");
        Path truth = dir.resolve("t.csv");
        Files.writeString(records, String.join("\n",
                "record_id,forename,surname,dob,email,postcode",
                "A1,Ada,Quill,1980-02-03,ada.quill@example.org,AL1 3AB",
                "A2,Ada,Quill,1980-02-03,,AL1 3AB",
                "A3,,,1980-02-03,ADA.QUILL@example.org,",
                "B1,Bram,Oddly,1975-06-07,,SO14 1AA",
                "B2,,,,,SO14 1AA",
                "C1,,,1990-01-01,c1@example.org,") + "\n");
        Files.writeString(truth, "record_id,entity_id\nA1,a\nA2,a\nA3,a\nB1,b\nB2,b\nC1,c\n");
        return new AccuracyMatrix.Prepared(records, truth, List.of());
    }

    @Test
    void countsPairsPurgedRecordsAndTheirSharedIdentifiers() throws IOException {
        Map<String, String> clusters = Map.of("A1", "1", "A3", "1", "A2", "2", "B1", "3", "B2", "4", "C1", "5");
        AccuracyMatrix.Outcome o = AccuracyMatrix.score(pool(), clusters, 1.5, 2048);
        assertEquals(6, o.records());
        assertEquals(4, o.metrics().truePairs());
        assertEquals(1, o.metrics().predictedPairs());
        assertEquals(1, o.metrics().correctPairs());
        // Purged with a mate: A3 (linked to A1) and B2 (linked to none); C1 has no mate.
        assertEquals(2, o.purgedWithMate());
        assertEquals(1, o.purgedLinked());
        // Of those, only A3 shares an identifier (the e-mail, equal once normalised).
        assertEquals(1, o.purgedSharingId());
        assertEquals(1, o.purgedSharingIdLinked());
        assertTrue(o.blockingRecall() >= 0 && o.blockingRecall() <= 1);
        assertEquals(o.pairsPerRecord() * 6, Math.rint(o.pairsPerRecord() * 6), 1e-9);
    }

    @Test
    void theTableReplacesWhatIsBetweenTheMarkersAndNothingElse() {
        String doc = "# T\n\nintro\n\n" + AccuracyMatrix.START + "\nold table\n" + AccuracyMatrix.END + "\n\n## Next\n";
        String updated = AccuracyMatrix.withTable(doc, "new table\n");
        assertEquals("# T\n\nintro\n\n" + AccuracyMatrix.START + "\nnew table\n" + AccuracyMatrix.END + "\n\n## Next\n",
                updated);
        assertEquals(updated, AccuracyMatrix.withTable(updated, "new table"));
        assertTrue(AccuracyMatrix.withTable("# T\n", "t").endsWith(AccuracyMatrix.START + "\nt\n" + AccuracyMatrix.END + "\n"));
    }

    @Test
    void readsThePreviousTablesF1ByDataSet() {
        String doc = "x\n" + AccuracyMatrix.START + "\nMeasured ...\n\n| data set | records | F1 |\n|---|---:|---:|\n"
                + "| FEBRL3 | 5,000 | **0.9962** |\n| generated no-dob | 15,024 | **0.9512** |\n"
                + "| fake_1000 | skipped: absent | |\n" + AccuracyMatrix.END + "\n| other | 1 | **0.1** |\n";
        assertEquals(Map.of("FEBRL3", 0.9962, "generated no-dob", 0.9512), AccuracyMatrix.previousF1(doc));
        assertEquals(Map.of(), AccuracyMatrix.previousF1("no markers"));
    }

    @Test
    void findsEveryExternalSetWithATruthFileAndAlwaysNamesTheTwoKnownOnes() throws IOException {
        Files.writeString(dir.resolve("held_out.csv"), "record_id\n");
        Files.writeString(dir.resolve("held_out_truth.csv"), "record_id,entity_id\n");
        Files.writeString(dir.resolve("lonely.csv"), "record_id\n");
        assertEquals(List.of("historical_50k", "fake_1000", "held_out"), AccuracyMatrix.externalSets(dir));
        assertEquals(List.of("historical_50k", "fake_1000"), AccuracyMatrix.externalSets(dir.resolve("absent")));
    }
}
