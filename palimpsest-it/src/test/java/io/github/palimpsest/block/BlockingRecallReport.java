package io.github.palimpsest.block;

import io.github.palimpsest.bench.AccuracyMatrix;
import io.github.palimpsest.febrl.FebrlData;
import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.RecordCsvReader;
import io.github.palimpsest.synthetic.Corruption;
import io.github.palimpsest.synthetic.CorruptionProfile;
import io.github.palimpsest.synthetic.SyntheticData;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Blocking recall and cost of {@link PersonBlockingRules#standard()} on every data set it can find: a
 * diagnostic main, not a test.
 *
 * <pre>
 * ./mvnw -q -o -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.block.BlockingRecallReport \
 *     -Dbench.args="febrl3 febrl4 historical_50k fake_1000 synthetic:10000 hard:10000 purged:10000"
 * </pre>
 *
 * <p>Per data set: the union's blocking recall (share of true pairs that are candidate pairs; in brackets
 * the share joined by a chain of true candidate pairs, what a clustering can reach), candidate
 * pairs per record, the recall of records whose names are all empty (share of those with a true mate that
 * are paired with one) and of those among them that share an identifier with a mate, and the blocking
 * time. Per rule: its pairs alone (per record), the true pairs among them, the true pairs no other rule
 * finds, its largest block and its oversize blocks. The shared files are read from {@code ../shared/data}
 * ({@code -Ddata.dir}); a missing one is skipped. {@code synthetic:N}, {@code hard:N} and {@code purged:N}
 * generate N people with the default, the hard, and a purge-heavy corruption profile (seed 42);
 * {@code csv:RECORDS,TRUTH} reads a records file and its truth as {@code generate} writes them.
 * {@code -DunionOnly=true} leaves out the per-rule lines.
 */
public final class BlockingRecallReport {
    private static final Path DATA = Path.of(System.getProperty("data.dir", "../shared/data"));

    private BlockingRecallReport() {
    }

    public static void main(String[] args) {
        List<String> runs = args.length == 0
                ? List.of("febrl3", "febrl4", "historical_50k", "fake_1000", "synthetic:10000", "hard:10000",
                        "purged:10000")
                : List.of(args);
        boolean perRule = !Boolean.getBoolean("unionOnly");
        for (String run : runs) {
            Data data = load(run);
            if (data == null) {
                System.out.println(run + ": skipped, data absent");
                continue;
            }
            report(data, perRule);
        }
    }

    /** The data set an argument names ({@code febrl3}, {@code synthetic:10000}, ...), or null when absent. */
    static Data load(String run) {
            String[] parts = run.split(":");
            return switch (parts[0]) {
                case "febrl3" -> febrl("FEBRL3", "dataset3.csv");
                case "febrl4" -> febrl("FEBRL4 pool", "dataset4a.csv", "dataset4b.csv");
                case "synthetic" -> synthetic(run, Integer.parseInt(parts[1]), CorruptionProfile.defaults());
                case "hard" -> synthetic(run, Integer.parseInt(parts[1]), CorruptionProfile.hard());
                case "purged" -> synthetic(run, Integer.parseInt(parts[1]), CorruptionProfile.defaults().toBuilder()
                        .rate(Corruption.PURGED, 0.25).rate(Corruption.MISSING_FIELDS, 0.3).build());
                case "csv" -> csv(run, Path.of(parts[1].split(",")[0]), Path.of(parts[1].split(",")[1]));
                default -> external(parts[0]);
            };
    }

    private static int root(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Records, their entity numbers and a label. */
    record Data(String name, List<ComparableRecord> records, int[] entity) {
    }

    private static Data febrl(String name, String... files) {
        if (!FebrlData.isAvailable()) {
            return null;
        }
        FebrlData.Dataset data = FebrlData.read(true, files);
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        List<ComparableRecord> records = new ArrayList<>();
        data.records().forEach(r -> records.add(factory.of(r)));
        return new Data(name, records, numbered(data.entityIds()));
    }

    private static Data synthetic(String name, int people, CorruptionProfile profile) {
        SyntheticData data = SyntheticForces.builder().people(people).seed(42).profile(profile).build().generate();
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        List<ComparableRecord> records = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (SyntheticRecord r : data.records()) {
            records.add(factory.of(r.toPersonRecord(SyntheticForces.DEFAULT_REFERENCE_DATE)));
            truth.add(r.entityId());
        }
        return new Data(name, records, numbered(truth));
    }

    private static Data external(String name) {
        return csv(name, DATA.resolve("external").resolve(name + ".csv"),
                DATA.resolve("external").resolve(name + "_truth.csv"));
    }

    private static Data csv(String name, Path file, Path truthFile) {
        if (!Files.isRegularFile(file) || !Files.isRegularFile(truthFile)) {
            return null;
        }
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        List<ComparableRecord> records = RecordCsvReader.create().readRecords(List.of(file), factory::of,
                Runtime.getRuntime().availableProcessors());
        Map<String, String> entityOf = new HashMap<>();
        try (Stream<String> lines = Files.lines(truthFile)) {
            lines.skip(1).forEach(line -> {
                int comma = line.indexOf(',');
                entityOf.put(line.substring(0, comma), line.substring(comma + 1));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> truth = new ArrayList<>();
        records.forEach(r -> truth.add(entityOf.get(r.recordId())));
        return new Data(name, records, numbered(truth));
    }

    private static int[] numbered(List<String> ids) {
        Map<String, Integer> numbers = new HashMap<>();
        int[] entity = new int[ids.size()];
        for (int i = 0; i < entity.length; i++) {
            entity[i] = numbers.computeIfAbsent(ids.get(i), k -> numbers.size());
        }
        return entity;
    }

    private static void report(Data data, boolean perRule) {
        List<ComparableRecord> records = data.records();
        int n = records.size();
        long[] truePairs = truePairs(data.entity());
        List<BlockingRule<ComparableRecord>> rules = PersonBlockingRules.standard();
        long started = System.nanoTime();
        CandidatePairs all = io.github.palimpsest.DefaultBlocking.candidates(records); // rules and neighbour search
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] candidates = all.toArray();
        boolean[] found = new boolean[truePairs.length];
        intersect(candidates, truePairs, t -> found[t] = true);
        int hits = 0;
        for (boolean f : found) {
            hits += f ? 1 : 0;
        }
        // Connected recall: true pairs joined by a chain of true candidate pairs, which a clustering that
        // links every true candidate pair would put together (pairwise recall counts only direct pairs).
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int t = 0; t < truePairs.length; t++) {
            if (found[t]) {
                parent[root(parent, CandidatePairs.left(truePairs[t]))] = root(parent, CandidatePairs.right(truePairs[t]));
            }
        }
        int connected = 0;
        for (long pair : truePairs) {
            connected += root(parent, CandidatePairs.left(pair)) == root(parent, CandidatePairs.right(pair)) ? 1 : 0;
        }
        // Purged records (no name) with a true mate, and those sharing an identifier with one.
        boolean[] hasMate = new boolean[n];
        boolean[] metMate = new boolean[n];
        boolean[] sharesId = new boolean[n];
        boolean[] metIdMate = new boolean[n];
        for (int t = 0; t < truePairs.length; t++) {
            int a = CandidatePairs.left(truePairs[t]);
            int b = CandidatePairs.right(truePairs[t]);
            boolean shared = AccuracyMatrix.sharesIdentifier(records.get(a), records.get(b));
            for (int x : new int[] {a, b}) {
                hasMate[x] = true;
                metMate[x] |= found[t];
                sharesId[x] |= shared;
                metIdMate[x] |= shared && found[t];
            }
        }
        int purged = 0;
        int purgedMet = 0;
        int purgedId = 0;
        int purgedIdMet = 0;
        for (int i = 0; i < n; i++) {
            if (!records.get(i).hasName() && hasMate[i]) {
                purged++;
                purgedMet += metMate[i] ? 1 : 0;
                if (sharesId[i]) {
                    purgedId++;
                    purgedIdMet += metIdMate[i] ? 1 : 0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-16s %,9d records %,10d true pairs | recall %.5f (connected %.5f) | "
                        + "%6.2f pairs/record | purged %d/%d, with identifier %d/%d | %,d oversize | %.1f s%n",
                data.name(), n, truePairs.length, hits / (double) Math.max(1, truePairs.length),
                connected / (double) Math.max(1, truePairs.length),
                all.size() / (double) n, purgedMet, purged, purgedIdMet, purgedId,
                all.report().oversizeBlocks().size(), seconds);
        int misses = Integer.getInteger("misses", 0);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int t = 0; t < truePairs.length && misses > 0; t++) {
            if (!found[t] && random.nextInt(Math.max(1, (truePairs.length - hits) / misses / 2 + 1)) == 0) {
                misses--;
                System.out.println("  missed: " + show(records.get(CandidatePairs.left(truePairs[t]))));
                System.out.println("      vs: " + show(records.get(CandidatePairs.right(truePairs[t]))));
            }
        }
        if (Boolean.getBoolean("missCauses")) {
            Map<String, Integer> causes = new java.util.TreeMap<>();
            for (int t = 0; t < truePairs.length; t++) {
                if (!found[t]) {
                    ComparableRecord a = records.get(CandidatePairs.left(truePairs[t]));
                    ComparableRecord b = records.get(CandidatePairs.right(truePairs[t]));
                    int dobs = (a.dateOfBirth() != 0 ? 1 : 0) + (b.dateOfBirth() != 0 ? 1 : 0);
                    String cause = "dobs " + dobs + (dobs == 2 && a.dateOfBirth() == b.dateOfBirth() ? "=" : "")
                            + " sur " + (a.surname().isEmpty() || b.surname().isEmpty() ? "-"
                                    : a.surname().equals(b.surname()) ? "=" : a.surnamePhonetic().equals(b.surnamePhonetic()) ? "~" : "x")
                            + " fore " + (a.forename().isEmpty() || b.forename().isEmpty() ? "-"
                                    : a.forename().equals(b.forename()) ? "=" : a.forename().charAt(0) == b.forename().charAt(0) ? "i" : "x")
                            + " pc " + (a.postcode().isEmpty() || b.postcode().isEmpty() ? "-"
                                    : a.postcode().equals(b.postcode()) ? "=" : "x")
                            + " addr " + (a.addressTokens().isEmpty() || b.addressTokens().isEmpty() ? "-"
                                    : a.addressTokens().equals(b.addressTokens()) ? "=" : "x");
                    causes.merge(cause, 1, Integer::sum);
                }
            }
            causes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(40)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %7d %s%n", e.getValue(), e.getKey()));
        }
        if (!perRule) {
            return;
        }
        int[] foundBy = new int[truePairs.length];
        long[][] ruleArrays = new long[rules.size()][];
        long[] rulePairs = new long[rules.size()];
        int[] largest = new int[rules.size()];
        int[] oversize = new int[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            CandidatePairs pairs = Blocker.<ComparableRecord>builder().rule(rules.get(r)).build().candidates(records);
            rulePairs[r] = pairs.size();
            ruleArrays[r] = pairs.toArray();
            largest[r] = pairs.report().rules().get(0).largestBlock();
            oversize[r] = pairs.report().oversizeBlocks().size();
            int bit = r;
            intersect(ruleArrays[r], truePairs, t -> foundBy[t] = foundBy[t] == 0 ? bit + 1 : -1);
        }
        int[] alone = new int[rules.size()];
        int[] only = new int[rules.size()];
        // foundBy: 0 none, r + 1 only rule r, -1 several.
        for (int r = 0; r < rules.size(); r++) {
            int rule = r;
            intersect(ruleArrays[r], truePairs, t -> {
                alone[rule]++;
                if (foundBy[t] == rule + 1) {
                    only[rule]++;
                }
            });
        }
        for (int r = 0; r < rules.size(); r++) {
            System.out.printf(Locale.ROOT, "    %-44s %,11d %7.3f/rec  true %,9d recall %.4f  only %,7d  largest %,7d"
                            + "  oversize %,5d%n", rules.get(r).name(), rulePairs[r], rulePairs[r] / (double) n,
                    alone[r], alone[r] / (double) Math.max(1, truePairs.length), only[r], largest[r], oversize[r]);
        }
    }

    /** The blocking fields of a record, for reading missed pairs of public test data by eye. */
    private static String show(ComparableRecord r) {
        return String.join(" | ", r.recordId(), r.forename(), r.surname(), String.valueOf(r.dateOfBirth()),
                r.postcode(), String.join(" ", r.addressTokens()), r.phone(), r.email());
    }

    private static long[] truePairs(int[] entity) {
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int r = 0; r < entity.length; r++) {
            groups.computeIfAbsent(entity[r], k -> new ArrayList<>()).add(r);
        }
        long count = 0;
        for (List<Integer> g : groups.values()) {
            count += (long) g.size() * (g.size() - 1) / 2;
        }
        long[] pairs = new long[(int) count];
        int k = 0;
        for (List<Integer> g : groups.values()) {
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    pairs[k++] = CandidatePairs.pack(g.get(i), g.get(j));
                }
            }
        }
        Arrays.sort(pairs);
        return pairs;
    }

    private static void intersect(long[] pairs, long[] truePairs, IntConsumer hit) {
        int i = 0;
        int t = 0;
        while (i < pairs.length && t < truePairs.length) {
            if (pairs[i] < truePairs[t]) {
                i++;
            } else if (pairs[i] > truePairs[t]) {
                t++;
            } else {
                hit.accept(t);
                i++;
                t++;
            }
        }
    }
}
