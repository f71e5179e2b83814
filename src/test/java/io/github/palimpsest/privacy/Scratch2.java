package io.github.palimpsest.privacy;

import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.*;

public class Scratch2 {
    public static void main(String[] args) {
        DeploymentSecret s = DeploymentSecret.fromBytes(new byte[32]);
        List<SyntheticRecord> recs = GeneratedRecords.generate(3000, 7);
        List<Tombstone> ts = new ArrayList<>();
        for (SyntheticRecord r : recs) ts.add(Tombstone.of(GeneratedRecords.toRecord(r), s, TombstoneOptions.defaults()));
        Map<String, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < recs.size(); i++) byEntity.computeIfAbsent(recs.get(i).entityId(), k -> new ArrayList<>()).add(i);
        Map<BloomField, List<Double>> m = new EnumMap<>(BloomField.class), u = new EnumMap<>(BloomField.class);
        for (BloomField f : BloomField.values()) { m.put(f, new ArrayList<>()); u.put(f, new ArrayList<>()); }
        for (List<Integer> g : byEntity.values()) for (int a = 0; a < g.size(); a++) for (int b = a+1; b < g.size(); b++) add(m, ts.get(g.get(a)), ts.get(g.get(b)));
        Random rnd = new Random(1);
        for (int k = 0; k < 50000; k++) { int i = rnd.nextInt(ts.size()), j = rnd.nextInt(ts.size()); if (!recs.get(i).entityId().equals(recs.get(j).entityId())) add(u, ts.get(i), ts.get(j)); }
        for (BloomField f : BloomField.values()) { System.out.println(f + " m " + q(m.get(f))); System.out.println(f + " u " + q(u.get(f))); }
        System.out.println("records " + recs.size());
    }
    static void add(Map<BloomField, List<Double>> acc, Tombstone a, Tombstone b) {
        for (BloomField f : BloomField.values()) if (a.filter(f).isPresent() && b.filter(f).isPresent()) acc.get(f).add(a.filter(f).get().dice(b.filter(f).get()));
    }
    static String q(List<Double> v) {
        Collections.sort(v); StringBuilder sb = new StringBuilder("n=" + v.size());
        for (double p : new double[]{0.001,0.01,0.05,0.1,0.25,0.5,0.75,0.9,0.95,0.99,0.999}) sb.append(String.format(" p%s=%.3f", p, v.get((int)(p*(v.size()-1)))));
        return sb.toString();
    }
}
