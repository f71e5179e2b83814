package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.febrl.FebrlData;
import io.github.palimpsest.pipeline.PairCounting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * FEBRL4 without {@code soc_sec_id}, linked through tokens alone (docs/privacy.md, "Quality"). Needs the
 * shared FEBRL folder ({@code -Dfebrl.dir=...}); skipped when it is absent, and excluded from the default
 * test run with the other {@code febrl} tests.
 */
@Tag("febrl")
class TokenFebrlTest {

    @Test
    void febrl4ThroughTokensAloneOneToOneWithDefaultsReachesPrecisionAndRecallOf0995() {
        assumeTrue(FebrlData.isAvailable(), "FEBRL data not present");
        FebrlData.Dataset a = FebrlData.read(false, "dataset4a.csv");
        FebrlData.Dataset b = FebrlData.read(false, "dataset4b.csv");
        List<Tombstone> tombstones = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> entities = new ArrayList<>(a.entityIds());
        entities.addAll(b.entityIds());
        a.records().forEach(r -> {
            tombstones.add(Tombstone.of(r, TombstoneTest.KEY_A, TombstoneOptions.defaults()));
            sources.add("4a");
        });
        b.records().forEach(r -> {
            tombstones.add(Tombstone.of(r, TombstoneTest.KEY_A, TombstoneOptions.defaults()));
            sources.add("4b");
        });
        Map<String, Integer> ids = new HashMap<>();
        int[] truth = entities.stream().mapToInt(e -> ids.computeIfAbsent(e, k -> ids.size())).toArray();
        TokenLinkResult result = TokenLinker.builder().seed(42).oneToOne(true).build()
                .link(tombstones, sources);
        PairwiseMetrics metrics = PairCounting.of(truth, TokenResults.personOfRecords(result));
        double blockingRecall = TokenResults.blockingRecall(result, truth);
        assertTrue(blockingRecall >= 0.998, "blocking recall " + blockingRecall);
        assertTrue(metrics.precision() >= 0.995 && metrics.recall() >= 0.995,
                "precision " + metrics.precision() + ", recall " + metrics.recall());
    }
}
