package io.github.palimpsest.privacy;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts, on generated data with its ground truth, how often each level of {@link TombstoneComparisons}
 * occurs among pairs of records of one person (m) and among random pairs of different people (u), and the
 * resulting weights (not a test; run by hand, figures in docs/privacy.md).
 *
 * <p>Arguments: {@code [people] [seed] [random pairs]}, default 3,000, 7 and 200,000.
 */
public final class ComparisonLevelsReport {

    private ComparisonLevelsReport() {
    }

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
        int randomPairs = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        DeploymentSecret secret = DeploymentSecret.generate();
        List<SyntheticRecord> records = GeneratedRecords.generate(people, seed);
        List<Tombstone> tombstones = new ArrayList<>();
        for (SyntheticRecord r : records) {
            tombstones.add(Tombstone.of(GeneratedRecords.toRecord(r), secret, TombstoneOptions.defaults()));
        }
        List<Comparison<Tombstone>> comparisons = TombstoneComparisons.standard();
        LabelledModel lm = LabelledModel.estimate(comparisons, records, tombstones, randomPairs, 1);
        System.out.printf(Locale.ROOT, "%,d records of %,d people; prior %.3g%n", records.size(), people,
                lm.model.prior());
        System.out.println("| comparison | level | pairs of one person | random pairs | weight (bits) |");
        System.out.println("|---|---|---:|---:|---:|");
        for (int c = 0; c < comparisons.size(); c++) {
            for (int l = 0; l < comparisons.get(c).levels().size(); l++) {
                System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %+.2f |%n", comparisons.get(c).name(),
                        comparisons.get(c).levels().get(l).label(), lm.mCounts[c][l], lm.uCounts[c][l],
                        IndexedModel.of(lm.model).levelWeight(c, l));
            }
        }
    }
}
