package io.github.palimpsest.pipeline;

import io.github.palimpsest.DefaultBlocking;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.RecordCsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How far candidate generation that needs no exact key could take blocking recall within a pair budget: a
 * diagnostic main, not a test. For a records file with its truth it prints the recall and pairs per record of
 * the default candidates ({@link DefaultBlocking}: the blocking rules and the search with its default
 * neighbours, run from every record), and of the search alone and of their union with the search run from
 * every record at the given numbers of neighbours per record. It bounds what a larger search could add to
 * blocking recall within a budget of candidate pairs per record.
 *
 * <pre>
 * ./mvnw -q -o -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.pipeline.SearchBudgetReport \
 *     -Dbench.args="../shared/data/external/historical_50k.csv ../shared/data/external/historical_50k_truth.csv 10 20 40"
 * </pre>
 */
public final class SearchBudgetReport {
    private SearchBudgetReport() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Map<String, String> entityOf = new HashMap<>();
        List<String> truth = Files.readAllLines(Path.of(args[1]));
        for (String line : truth.subList(1, truth.size())) {
            int comma = line.indexOf(',');
            entityOf.put(line.substring(0, comma), line.substring(comma + 1));
        }
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        List<ComparableRecord> records = RecordCsvReader.create().readRecords(List.of(file), factory::of, 2);
        int n = records.size();
        int[] entity = new int[n];
        Map<String, Integer> ids = new HashMap<>();
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int i = 0; i < n; i++) {
            entity[i] = ids.computeIfAbsent(entityOf.get(records.get(i).recordId()), k -> ids.size());
            sizes.merge(entity[i], 1, Integer::sum);
        }
        long truePairs = sizes.values().stream().mapToLong(s -> (long) s * (s - 1) / 2).sum();
        CandidatePairs blocking = DefaultBlocking.candidates(records);
        print("default blocking", blocking, entity, truePairs, n);
        for (int a = 2; a < args.length; a++) {
            int k = Integer.parseInt(args[a]);
            CandidatePairs search = PersonKind.standardNearestNeighbours(k).candidates(records, true);
            print("search alone, " + k + " per record", search, entity, truePairs, n);
            print("blocking + search, " + k + " per record", blocking.union(search), entity, truePairs, n);
        }
    }

    private static void print(String what, CandidatePairs pairs, int[] entity, long truePairs, int n) {
        long hits = 0;
        for (int i = 0; i < pairs.size(); i++) {
            long p = pairs.pair(i);
            if (entity[CandidatePairs.left(p)] == entity[CandidatePairs.right(p)]) {
                hits++;
            }
        }
        System.out.printf(Locale.ROOT, "%-36s recall %.4f  %6.2f pairs/record%n", what, hits / (double) truePairs,
                pairs.size() / (double) n);
    }
}
