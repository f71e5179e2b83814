package io.github.palimpsest.febrl;

import io.github.palimpsest.block.BlockingReport;
import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.pipeline.PairCounting;
import io.github.palimpsest.privacy.DeploymentSecret;
import io.github.palimpsest.privacy.TokenLink;
import io.github.palimpsest.privacy.TokenLinkResult;
import io.github.palimpsest.privacy.TokenLinker;
import io.github.palimpsest.privacy.TokenResults;
import io.github.palimpsest.privacy.Tombstone;
import io.github.palimpsest.privacy.TombstoneOptions;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Pairwise precision, recall and F1 of linkage <em>through tokens alone</em>: every record is tokenised under
 * a fresh random key and linked by {@link TokenLinker}, which never sees plain text. A benchmark main, not a
 * test:
 * {@code ./mvnw -o -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.febrl.TokenAccuracyReport -Dbench.args="febrl4 synthetic:10000"}.
 *
 * <p>Runs: {@code febrl4} (FEBRL4 without {@code soc_sec_id}: the two files as one pool, as two sources,
 * and as two sources one-to-one; {@code 1to1half}: one-to-one with every other record of 4b left out, so that
 * half of 4a has no mate; {@code febrl4:pool,sources,1to1@0.5} picks among them, {@code @p} setting
 * the threshold probability, default 0.95), {@code synthetic:N} (generated cross-force data of N people, seed 42, one
 * pool; {@code synthetic-1to1:N} the same with each force a source, one-to-one), {@code plain-synthetic:N} (the same data through the plain-text linker, for comparison). Add
 * {@code --rules} to print each blocking rule's contribution. FEBRL runs are skipped when the data is absent.
 */
public final class TokenAccuracyReport {

    private TokenAccuracyReport() {
    }

    /** One run's outcome. */
    record Outcome(String name, int records, long candidatePairs, double blockingRecall, PairwiseMetrics metrics,
                   double seconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-34s records %,7d  candidates %,10d  blocking recall %.4f  "
                            + "precision %.4f  recall %.4f  F1 %.4f  (TP %d, FP %d, FN %d)  %5.1f s",
                    name, records, candidatePairs, blockingRecall, metrics.precision(), metrics.recall(),
                    metrics.f1(), metrics.correctPairs(), metrics.falsePositives(), metrics.falseNegatives(), seconds);
        }
    }

    /** The source of the keys under {@code --key-seed}, null for fresh random keys. */
    private static Random fixedKey;

    public static void main(String[] args) {
        Long keySeed = null;
        List<String> runs = new ArrayList<>();
        boolean rules = false;
        int keys = 1;
        for (String arg : args.length == 0 ? new String[] {"febrl4", "synthetic:10000"} : args) {
            if (arg.equals("--rules")) {
                rules = true;
            } else if (arg.startsWith("--key-seed=")) {
                keySeed = Long.parseLong(arg.substring("--key-seed=".length()));
            } else if (arg.startsWith("--keys=")) {
                keys = Integer.parseInt(arg.substring("--keys=".length()));
            } else {
                runs.add(arg);
            }
        }
        for (int key = 0; key < keys; key++) {
            if (keySeed != null) {
                fixedKey = new Random(keySeed + key);
                System.out.println("key seed " + (keySeed + key));
            }
            for (String run : runs) {
                runOnce(run, rules);
            }
        }
    }

    private static void runOnce(String run, boolean rules) {
        String kind = run.split(":")[0];
        switch (kind) {
            case "febrl4" -> febrl4(run.contains(":") ? run.split(":")[1] : "pool,sources,1to1", rules);
            case "synthetic" -> synthetic(Integer.parseInt(run.split(":")[1]), 42, rules, false);
            case "synthetic-1to1" -> synthetic(Integer.parseInt(run.split(":")[1]), 42, rules, true);
            case "plain-synthetic" -> System.out.println(AccuracyReport.synthetic(
                    Integer.parseInt(run.split(":")[1]), 42));
            default -> throw new IllegalArgumentException("unknown run " + run);
        }
    }

    private static void febrl4(String modes, boolean rules) {
        if (!FebrlData.isAvailable()) {
            System.out.println("FEBRL4: skipped, " + FebrlData.DIRECTORY + " is absent");
            return;
        }
        FebrlData.Dataset a = FebrlData.read(false, "dataset4a.csv");
        FebrlData.Dataset b = FebrlData.read(false, "dataset4b.csv");
        List<PersonRecord> records = new ArrayList<>(a.records());
        records.addAll(b.records());
        List<String> entities = new ArrayList<>(a.entityIds());
        entities.addAll(b.entityIds());
        List<String> sources = new ArrayList<>();
        a.records().forEach(r -> sources.add("4a"));
        b.records().forEach(r -> sources.add("4b"));
        List<Tombstone> tombstones = tokenise(records);
        int[] truth = entityNumbers(entities);
        for (String mode : modes.split(",")) {
            String[] parts = mode.split("@");
            double threshold = parts.length > 1 ? Double.parseDouble(parts[1]) : 0.95;
            TokenLinker.Builder builder = TokenLinker.builder().seed(42).thresholdProbability(threshold);
            String suffix = parts.length > 1 ? " p>=" + parts[1] : "";
            switch (parts[0]) {
                case "pool" -> print("FEBRL4 no ssn, tokens, one pool" + suffix, rules, truth, records,
                        () -> builder.build().link(tombstones));
                case "sources" -> print("FEBRL4 no ssn, tokens, 4a x 4b" + suffix, rules, truth, records,
                        () -> builder.build().link(tombstones, sources));
                case "1to1" -> print("FEBRL4 no ssn, tokens, 4a x 4b 1:1" + suffix, rules, truth, records,
                        () -> builder.oneToOne(true).build().link(tombstones, sources));
                case "1to1half" -> {
                    // Every other record of 4b left out: half of 4a has no mate, as when two forces share few people.
                    List<Integer> keep = new ArrayList<>();
                    for (int i = 0; i < records.size(); i++) {
                        if (i < a.records().size() || (i - a.records().size()) % 2 == 0) {
                            keep.add(i);
                        }
                    }
                    List<Tombstone> kept = keep.stream().map(tombstones::get).toList();
                    List<String> keptSources = keep.stream().map(sources::get).toList();
                    List<PersonRecord> keptRecords = keep.stream().map(records::get).toList();
                    int[] keptTruth = keep.stream().mapToInt(i -> truth[i]).toArray();
                    print("FEBRL4 no ssn, tokens, 4a x half 4b 1:1" + suffix, rules, keptTruth, keptRecords,
                            () -> builder.oneToOne(true).build().link(kept, keptSources));
                }
                default -> throw new IllegalArgumentException("unknown FEBRL4 mode " + mode);
            }
        }
    }

    private static void synthetic(int people, long seed, boolean rules, boolean oneToOne) {
        List<SyntheticRecord> generated = SyntheticForces.builder().people(people).seed(seed).build().generate()
                .records();
        List<PersonRecord> records = new ArrayList<>();
        List<String> entities = new ArrayList<>();
        for (SyntheticRecord r : generated) {
            records.add(r.toPersonRecord(SyntheticForces.DEFAULT_REFERENCE_DATE));
            entities.add(r.entityId());
        }
        List<Tombstone> tombstones = tokenise(records);
        if (oneToOne) {
            // Each force a source: a force holds several records of one person, so one-to-one is the wrong
            // assumption here; the run shows what it costs.
            List<String> forces = records.stream().map(r -> r.force().canonical().orElse("?")).toList();
            print("synthetic " + people + "p, tokens, forces 1:1", rules, entityNumbers(entities), records,
                    () -> TokenLinker.builder().seed(42).oneToOne(true).build().link(tombstones, forces));
            return;
        }
        print("synthetic " + people + "p, tokens, one pool", rules, entityNumbers(entities), records,
                () -> TokenLinker.builder().seed(42).build().link(tombstones));
    }

    /**
     * Tokenises under a fresh random key (with {@code --key-seed=S}, the key {@code java.util.Random(S + run)}
     * draws, so that two versions of the code can be compared under the same keys), destroyed once every record
     * is tokenised.
     */
    static List<Tombstone> tokenise(List<PersonRecord> records) {
        DeploymentSecret secret;
        if (fixedKey != null) {
            byte[] key = new byte[32];
            new Random(fixedKey.nextLong()).nextBytes(key);
            secret = DeploymentSecret.fromBytes(key);
        } else {
            secret = DeploymentSecret.generate();
        }
        try {
            return records.parallelStream().map(r -> Tombstone.of(r, secret, TombstoneOptions.defaults())).toList();
        } finally {
            secret.destroy();
        }
    }

    static int[] entityNumbers(List<String> entities) {
        Map<String, Integer> numbers = new HashMap<>();
        return entities.stream().mapToInt(e -> numbers.computeIfAbsent(e, k -> numbers.size())).toArray();
    }

    private static void print(String name, boolean rules, int[] truth, List<PersonRecord> records,
                              java.util.function.Supplier<TokenLinkResult> run) {
        long started = System.nanoTime();
        TokenLinkResult result = run.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        PairwiseMetrics metrics = PairCounting.of(truth, TokenResults.personOfRecords(result));
        System.out.println(new Outcome(name, result.recordCount(), result.candidatePairCount(),
                TokenResults.blockingRecall(result, truth), metrics, seconds));
        if (rules) {
            BlockingReport report = result.blockingReport();
            report.rules().forEach(r -> System.out.println("    " + r));
            missed(result, truth, records);
        }
    }

    /** How the true pairs that were not linked directly were lost: never a candidate, or below the threshold. */
    private static void missed(TokenLinkResult result, int[] truth, List<PersonRecord> records) {
        Map<Tombstone, Integer> places = TokenResults.places(result);
        java.util.Set<Long> linked = new java.util.HashSet<>();
        for (TokenLink link : result.links()) {
            linked.add(pack(places.get(link.left()), places.get(link.right())));
        }
        Map<Integer, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < truth.length; i++) {
            byEntity.computeIfAbsent(truth[i], k -> new ArrayList<>()).add(i);
        }
        int notCandidate = 0;
        int belowThreshold = 0;
        int shown = 0;
        for (List<Integer> group : byEntity.values()) {
            for (int x = 0; x < group.size(); x++) {
                for (int y = x + 1; y < group.size(); y++) {
                    int i = group.get(x);
                    int j = group.get(y);
                    if (linked.contains(pack(i, j))) {
                        continue;
                    }
                    if (!result.isCandidate(result.tombstones().get(i), result.tombstones().get(j))) {
                        notCandidate++;
                        if (records != null && notCandidate <= 20) {
                            System.out.println("    never candidates:\n      " + describe(records.get(i)) + "\n      "
                                    + describe(records.get(j)));
                        }
                    } else {
                        belowThreshold++;
                        if (shown++ < 40) {
                            System.out.println("    below threshold: " + result.explain(result.tombstones().get(i), result.tombstones().get(j)).summary()
                                    .replaceAll("[a-z_]+ missing \\+0\\.00; ", ""));
                            if (records != null) {
                                System.out.println("      " + describe(records.get(i)) + "\n      " + describe(records.get(j)));
                            }
                        }
                    }
                }
            }
        }
        System.out.println("    true pairs without a direct link: " + notCandidate + " never candidates, "
                + belowThreshold + " candidates not linked");
    }

    /** A generated or FEBRL record's fields, for error analysis of fictional data only. */
    private static String describe(PersonRecord r) {
        return String.join(" | ", r.recordId(), r.name().forename(), r.name().surname(),
                r.dateOfBirth().date().map(Object::toString).orElse("-"), r.postcode().canonical().orElse("-"),
                r.address());
    }

    private static long pack(int a, int b) {
        return a < b ? (long) a << 32 | b : (long) b << 32 | a;
    }
}
