package io.github.palimpsest.febrl;

import io.github.palimpsest.Entity;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticData;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the default linker goes wrong on generated data: false-negative and false-positive record pairs
 * inside and across predicted clusters, tallied by the corruptions and hard-negative kinds involved. A
 * diagnostic main for tuning, not a test.
 */
public final class ErrorAnalysis {
    private ErrorAnalysis() {
    }

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        SyntheticData data = SyntheticForces.builder().people(people).seed(42).build().generate();
        List<PersonRecord> records = new ArrayList<>();
        Map<String, SyntheticRecord> byId = new HashMap<>();
        for (SyntheticRecord r : data.records()) {
            records.add(r.toPersonRecord(SyntheticForces.DEFAULT_REFERENCE_DATE));
            byId.put(r.recordId(), r);
        }
        LinkResult result = Linker.builder().seed(42).build().link(records);
        Map<String, String> predicted = new HashMap<>();
        for (Entity e : result.entities()) {
            e.recordIds().forEach(id -> predicted.put(id, e.id()));
        }
        // False positives: pairs in one predicted cluster with different truth.
        Map<String, Integer> fp = new TreeMap<>();
        for (Entity e : result.entities()) {
            List<String> ids = e.recordIds();
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    SyntheticRecord a = byId.get(ids.get(i));
                    SyntheticRecord b = byId.get(ids.get(j));
                    if (!a.entityId().equals(b.entityId())) {
                        String kind = a.person().surname().equals(b.person().surname())
                                && a.person().dateOfBirth().equals(b.person().dateOfBirth()) ? "same surname+dob (twins?)"
                                : a.person().surname().equals(b.person().surname())
                                        && a.person().address().equals(b.person().address()) ? "same surname+address (family)"
                                : a.person().forename().equals(b.person().forename())
                                        && a.person().surname().equals(b.person().surname()) ? "same full name" : "other";
                        fp.merge(kind, 1, Integer::sum);
                        if (fp.get(kind) <= 3 && !kind.equals("other")) {
                            System.out.println("FP " + kind + ": " + a.columns() + "\n   vs " + b.columns());
                            result.links().stream().filter(l -> (l.leftId().equals(a.recordId()) && l.rightId().equals(b.recordId()))
                                    || (l.leftId().equals(b.recordId()) && l.rightId().equals(a.recordId())))
                                    .forEach(l -> System.out.println("   direct link: " + l.explanation().summary()));
                        }
                    }
                }
            }
        }
        // False negatives: pairs with the same truth in different predicted clusters.
        Map<String, List<SyntheticRecord>> byTruth = new HashMap<>();
        data.records().forEach(r -> byTruth.computeIfAbsent(r.entityId(), k -> new ArrayList<>()).add(r));
        Map<String, Integer> fn = new TreeMap<>();
        for (List<SyntheticRecord> group : byTruth.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    SyntheticRecord a = group.get(i);
                    SyntheticRecord b = group.get(j);
                    if (!predicted.get(a.recordId()).equals(predicted.get(b.recordId()))) {
                        List<String> kinds = new ArrayList<>();
                        a.corruptions().forEach(c -> kinds.add(c.name()));
                        b.corruptions().forEach(c -> kinds.add(c.name()));
                        kinds.sort(null);
                        fn.merge(kinds.isEmpty() ? "(none)" : String.join("+", kinds), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.println("false positive pairs by kind: " + fp);
        System.out.println("false negative pairs by corruptions (top):");
        fn.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25)
                .forEach(e -> System.out.println("  " + e.getValue() + "  " + e.getKey()));
    }
}
