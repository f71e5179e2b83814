package io.github.palimpsest;

import io.github.palimpsest.compare.AddressComparison;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.compare.PostcodeComparison;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.MatchModelBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment for {@link ScaleAccuracyBenchmark} ({@code -Dvariant=oracle}), not a linker option: the
 * standard comparisons with {@code address} split by whether the postcodes agree in full, and a model whose
 * address weights are conditional on that split: m and u are renormalised within each half (times the same
 * constant, so the model file's sums still hold), and u within "postcode full" is the truth's share of each
 * address level among the non-matching pairs of records that share a postcode. It measures the ceiling of a
 * conditional address comparison before anyone builds an unlabelled estimator for that u.
 */
final class ConditionalAddressOracle {
    static final List<ComparisonLevel> LEVELS = List.of(ComparisonLevel.of("pf same"), ComparisonLevel.of("pf mostly"),
            ComparisonLevel.of("pf else"), ComparisonLevel.of("same"), ComparisonLevel.of("mostly"),
            ComparisonLevel.of("partly"), ComparisonLevel.of("else"), ComparisonLevel.neutral("missing"));

    static List<Comparison<ComparableRecord>> comparisons() {
        AddressComparison address = AddressComparison.standard();
        PostcodeComparison postcode = PostcodeComparison.standard();
        int missing = address.levels().indexOf(ComparisonLevel.neutral("missing"));
        int fullPostcode = postcode.levels().indexOf(ComparisonLevel.of("full"));
        List<Comparison<ComparableRecord>> list = new ArrayList<>();
        for (Comparison<ComparableRecord> c : Defaults.comparisons()) {
            list.add(!c.name().equals("address") ? c : new Comparison<ComparableRecord>() {
                public String name() { return "address"; }
                public List<ComparisonLevel> levels() { return LEVELS; }
                public int level(ComparableRecord a, ComparableRecord b) {
                    int l = address.level(a, b);
                    if (l == missing) return 7;
                    if (postcode.level(a, b) == fullPostcode) return l == 0 ? 0 : l == 1 ? 1 : 2;
                    return 3 + l;
                }
            });
        }
        return list;
    }

    static MatchModel adjust(MatchModel model, List<ComparableRecord> records, int[] entity) {
        Map<String, List<Integer>> byPostcode = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            if (!records.get(i).postcode().isEmpty()) {
                byPostcode.computeIfAbsent(records.get(i).postcode(), k -> new ArrayList<>()).add(i);
            }
        }
        Comparison<ComparableRecord> address = comparisons().get(comparisons().size() - 1);
        double[] nonMatch = new double[3];
        for (List<Integer> group : byPostcode.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    if (entity[group.get(i)] != entity[group.get(j)]) {
                        int l = address.level(records.get(group.get(i)), records.get(group.get(j)));
                        if (l < 3) nonMatch[l]++;
                    }
                }
            }
        }
        // The trained model's other parts (household class, relatives apart, term frequencies) stay as they are.
        MatchModelBuilder b = model.toBuilder();
        int c = IndexedModel.of(model).indexOf("address").orElseThrow();
        int n = IndexedModel.of(model).levels(c).size();
        double[] m = new double[n];
        double[] u = new double[n];
        for (int l = 0; l < n; l++) {
            m[l] = IndexedModel.of(model).m(c, l);
            u[l] = IndexedModel.of(model).u(c, l);
        }
        double mg0 = m[0] + m[1] + m[2], mg1 = m[3] + m[4] + m[5] + m[6];
        double ug0 = u[0] + u[1] + u[2], ug1 = u[3] + u[4] + u[5] + u[6];
        double nm = nonMatch[0] + nonMatch[1] + nonMatch[2] + 3;
        for (int l = 0; l < 3; l++) {
            m[l] = m[l] / mg0 * ug0;
            u[l] = (nonMatch[l] + 1) / nm * ug0;
        }
        for (int l = 3; l < 7; l++) {
            m[l] = m[l] / mg1 * ug1;
        }
        System.out.printf("oracle P(a|full,U) %.4f %.4f %.4f%n", u[0] / ug0, u[1] / ug0, u[2] / ug0);
        b.m("address", m);
        b.u("address", u);
        return b.build();
    }
}
