package io.github.palimpsest.bench;

import io.github.palimpsest.Entity;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import io.github.palimpsest.score.MatchModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the default linker goes wrong on a records file with a truth file: a diagnostic main, not a test.
 * For each true entity split over several predicted clusters, each record outside the entity's largest
 * fragment is shown with its best-scoring mate in that fragment (by the trained model, no term
 * frequencies), whether the two were a candidate pair, and the explanation; the strays are tallied by
 * cause (never a candidate with any mate of the main fragment, candidate below the threshold, or linked
 * yet split by clustering). Predicted clusters that mix entities are shown with the pair that joins them.
 *
 * <pre>
 * ./mvnw -q -o -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.bench.MissReport \
 *     -Dbench.args="../shared/data/external/fake_1000.csv ../shared/data/external/fake_1000_truth.csv 40"
 * </pre>
 */
public final class MissReport {
    private MissReport() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Path truthFile = Path.of(args[1]);
        int show = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        List<PersonRecord> records = RecordCsvReader.create().readRecords(List.of(file));
        Map<String, String> entityOf = new HashMap<>();
        try (Stream<String> lines = Files.lines(truthFile)) {
            lines.skip(1).forEach(line -> {
                int comma = line.indexOf(',');
                entityOf.put(line.substring(0, comma), line.substring(comma + 1));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Linker linker = Linker.builder().build();
        LinkResult result = linker.link(records);
        MatchModel model = result.model();
        List<Comparison<ComparableRecord>> comparisons = linker.comparisons();
        List<ComparableRecord> comparable = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (PersonRecord r : records) {
            index.put(r.recordId(), comparable.size());
            comparable.add(ComparableRecord.of(r));
        }
        CandidatePairs candidates = Blocker.<ComparableRecord>builder().rules(linker.blockingRules()).build()
                .candidates(comparable);
        Set<Long> candidateSet = new HashSet<>();
        for (long p : candidates.toArray()) {
            candidateSet.add(p);
        }
        Map<String, String> predicted = new HashMap<>();
        for (Entity e : result.entities()) {
            e.recordIds().forEach(id -> predicted.put(id, e.id()));
        }
        Set<Long> linked = new HashSet<>();
        result.links().forEach(l -> linked.add(key(index.get(l.leftId()), index.get(l.rightId()))));
        System.out.printf(Locale.ROOT, "model: prior %.2f bits, threshold %.2f bits%n", model.priorWeight(),
                result.thresholdWeight());
        for (int c = 0; c < IndexedModel.of(model).comparisonCount(); c++) {
            StringBuilder s = new StringBuilder("  " + model.comparisonNames().get(c) + ":");
            for (int l = 0; l < IndexedModel.of(model).levels(c).size(); l++) {
                if (!IndexedModel.of(model).levels(c).get(l).isNeutral()) {
                    s.append(String.format(Locale.ROOT, " %s %+.1f;", IndexedModel.of(model).levels(c).get(l).label(),
                            IndexedModel.of(model).levelWeight(c, l)));
                }
            }
            System.out.println(s);
        }
        Map<String, List<Integer>> byEntity = new TreeMap<>();
        for (int i = 0; i < records.size(); i++) {
            byEntity.computeIfAbsent(entityOf.get(records.get(i).recordId()), k -> new ArrayList<>()).add(i);
        }
        Map<String, Integer> causes = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        long lostPairs = 0;
        Map<String, Long> lostByCause = new TreeMap<>();
        for (List<Integer> members : byEntity.values()) {
            Map<String, List<Integer>> fragments = new HashMap<>();
            for (int i : members) {
                fragments.computeIfAbsent(predicted.get(records.get(i).recordId()), k -> new ArrayList<>()).add(i);
            }
            if (fragments.size() < 2) {
                continue;
            }
            List<Integer> main = fragments.values().stream().max((a, b) -> a.size() - b.size()).orElseThrow();
            for (List<Integer> fragment : fragments.values()) {
                if (fragment == main) {
                    continue;
                }
                double best = Double.NEGATIVE_INFINITY;
                int bestA = -1;
                int bestB = -1;
                boolean anyCandidate = false;
                boolean anyLinked = false;
                for (int a : fragment) {
                    for (int b : main) {
                        long k = key(a, b);
                        anyCandidate |= candidateSet.contains(k);
                        anyLinked |= linked.contains(k);
                        double w = IndexedModel.of(model).matchWeight(levels(comparisons, comparable.get(a), comparable.get(b)));
                        if (w > best) {
                            best = w;
                            bestA = a;
                            bestB = b;
                        }
                    }
                }
                String cause = anyLinked ? "linked, split by clustering"
                        : anyCandidate ? "candidate, below threshold" : "never a candidate";
                causes.merge(cause, 1, Integer::sum);
                long lost = (long) fragment.size() * main.size();
                lostPairs += lost;
                lostByCause.merge(cause, lost, Long::sum);
                lines.add(String.format(Locale.ROOT, "[%s] fragment %d of entity %d, best %.2f%n  %s%n  %s%n  %s",
                        cause, fragment.size(), members.size(), best, show(records.get(bestA)),
                        show(records.get(bestB)), IndexedModel.of(model).explain(levels(comparisons, comparable.get(bestA),
                                comparable.get(bestB))).summary()));
            }
        }
        System.out.println("stray fragments by cause: " + causes + ", lost pairs (fragment x main) " + lostPairs
                + " " + lostByCause);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < lines.size() && show > 0; i++) {
            if (random.nextInt(Math.max(1, lines.size() / show)) == 0) {
                System.out.println(lines.get(i));
                show--;
            }
        }
        // False positives: predicted clusters that mix entities.
        int mixed = 0;
        for (Entity e : result.entities()) {
            Map<String, List<String>> parts = new HashMap<>();
            e.recordIds().forEach(id -> parts.computeIfAbsent(entityOf.get(id), k -> new ArrayList<>()).add(id));
            if (parts.size() > 1 && mixed++ < Integer.getInteger("fp", 15)) {
                System.out.println("FP cluster of " + e.recordIds().size() + " records, " + parts.size() + " entities");
                for (List<String> part : parts.values()) {
                    System.out.println("  " + show(records.get(index.get(part.get(0)))) + (part.size() > 1
                            ? "  (+" + (part.size() - 1) + ")" : ""));
                }
                result.links().stream().filter(l -> !entityOf.get(l.leftId()).equals(entityOf.get(l.rightId())))
                        .filter(l -> predicted.get(l.leftId()).equals(e.id())).limit(2)
                        .forEach(l -> System.out.println("   link " + show(records.get(index.get(l.leftId())))
                                + " ~ " + show(records.get(index.get(l.rightId()))) + "\n     "
                                + l.explanation().summary()));
            }
        }
        System.out.println("mixed clusters: " + mixed);
    }

    private static int[] levels(List<Comparison<ComparableRecord>> comparisons, ComparableRecord a,
            ComparableRecord b) {
        int[] levels = new int[comparisons.size()];
        for (int c = 0; c < levels.length; c++) {
            levels[c] = comparisons.get(c).level(a, b);
        }
        return levels;
    }

    private static long key(int a, int b) {
        return CandidatePairs.pack(a, b);
    }

    private static String show(PersonRecord r) {
        return r.recordId() + " " + r.inputColumns();
    }
}
