package io.github.palimpsest.privacy;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.*;

public class Scratch3 {
    public static void main(String[] args) {
        DeploymentSecret s = DeploymentSecret.fromBytes(new byte[32]);
        List<SyntheticRecord> recs = GeneratedRecords.generate(3000, 7);
        List<Tombstone> ts = new ArrayList<>();
        for (SyntheticRecord r : recs) ts.add(Tombstone.of(GeneratedRecords.toRecord(r), s, TombstoneOptions.defaults()));
        List<Comparison<Tombstone>> cs = TombstoneComparisons.standard();
        LabelledModel lm = LabelledModel.estimate(cs, recs, ts, 200000, 1);
        for (int c = 0; c < cs.size(); c++) {
            StringBuilder sb = new StringBuilder(cs.get(c).name());
            for (int l = 0; l < cs.get(c).levels().size(); l++)
                sb.append(String.format(" | %s m=%.0f u=%.0f w=%.2f", cs.get(c).levels().get(l).label(), lm.mCounts[c][l], lm.uCounts[c][l], lm.model.levelWeight(c, l)));
            System.out.println(sb);
        }
    }
}
