package io.github.palimpsest;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.AddressComparison;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.compare.PostcodeComparison;
import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.pipeline.PairScoring;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.RecordCsvReader;
import io.github.palimpsest.score.MatchModel;
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
 * Where accuracy goes as the pool grows: blocking recall per rule and overall, and the linkage errors split
 * by cause, for a record file and its truth as {@code generate} writes them. A diagnostic main, not a test:
 *
 * <pre>
 * ./mvnw -o -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.ScaleAccuracyBenchmark \
 *     -Dbench.args="/tmp/r333333.csv /tmp/t333333.csv [seed=0] [block|link|both]" -Dbench.heap=-Xmx4g
 * </pre>
 *
 * <p>Per rule: its pairs alone, the true pairs among them, the rule's recall alone, the true pairs no other
 * rule finds, its largest block and its oversize blocks. Then the union's recall, and (with {@code link})
 * the default linker's pairwise precision, recall and F1, with each false-negative pair put in one of three
 * causes (never a candidate; a candidate below the threshold; linked but kept apart by clustering) and each
 * false-positive pair in one of two (a direct link at or above the threshold; joined only through others),
 * then every candidate pair by match weight (1-bit bins, true and false: the model's calibration), the
 * commonest comparison patterns of false links and of missed true candidates, and the model's weights.
 *
 * <p>System properties: {@code -Dvariant=address-given-postcode} links with {@code address} neutral when the
 * postcodes agree in full (an experiment on the postcode–address dependence, docs/accuracy.md);
 * {@code -Dvariant=oracle} links twice, the second time with {@code address} conditional on the postcode and
 * its u among strangers who share a postcode taken from the truth ({@link ConditionalAddressOracle}: the
 * most a conditional address comparison could gain);
 * {@code -DuPairs=N} sets the u sample; {@code -Ddump=PATTERN} prints some false links of one pattern.
 */
public final class ScaleAccuracyBenchmark {
    private ScaleAccuracyBenchmark() {
    }

    public static void main(String[] args) {
        Path recordsFile = Path.of(args[0]);
        Path truthFile = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 0;
        String mode = args.length > 3 ? args[3] : "both";
        int threads = Runtime.getRuntime().availableProcessors();
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        List<ComparableRecord> records = RecordCsvReader.create().readRecords(List.of(recordsFile), factory::of, threads);
        int[] entity = entities(records, truthFile);
        long[] truePairs = truePairs(entity);
        System.out.printf(Locale.ROOT, "%,d records, %,d true pairs%n", records.size(), truePairs.length);
        if (!mode.equals("link")) {
            blocking(records, truePairs);
        }
        if (!mode.equals("block")) {
            linkage(records, entity, truePairs, seed, threads);
        }
    }

    private static void blocking(List<ComparableRecord> records, long[] truePairs) {
        List<BlockingRule<ComparableRecord>> rules = Defaults.blockingRules();
        int[] foundBy = new int[truePairs.length];
        System.out.printf(Locale.ROOT, "%-38s %11s %11s %8s %9s %8s %8s%n", "rule", "pairs", "true", "recall",
                "only this", "largest", "oversize");
        long[][] rulePairs = new long[rules.size()][];
        int[] largest = new int[rules.size()];
        int[] oversize = new int[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            CandidatePairs pairs = Blocker.<ComparableRecord>builder().rule(rules.get(r)).build().candidates(records);
            rulePairs[r] = new long[pairs.size()];
            for (int k = 0; k < pairs.size(); k++) {
                rulePairs[r][k] = pairs.pair(k);
            }
            largest[r] = pairs.report().rules().get(0).largestBlock();
            oversize[r] = pairs.report().oversizeBlocks().size();
            int bit = 1 << r;
            intersect(rulePairs[r], truePairs, t -> foundBy[t] |= bit);
        }
        int[] only = new int[rules.size()];
        int[] alone = new int[rules.size()];
        int found = 0;
        for (int mask : foundBy) {
            if (mask != 0) {
                found++;
            }
            if (Integer.bitCount(mask) == 1) {
                only[Integer.numberOfTrailingZeros(mask)]++;
            }
            for (int r = 0; r < rules.size(); r++) {
                if ((mask & 1 << r) != 0) {
                    alone[r]++;
                }
            }
        }
        long union = 0;
        for (int r = 0; r < rules.size(); r++) {
            union += rulePairs[r].length;
            System.out.printf(Locale.ROOT, "%-38s %,11d %,11d %8.4f %,9d %,8d %,8d%n", rules.get(r).name(),
                    rulePairs[r].length, alone[r], alone[r] / (double) truePairs.length, only[r], largest[r],
                    oversize[r]);
        }
        CandidatePairs all = Blocker.<ComparableRecord>builder().rules(rules).build().candidates(records);
        System.out.printf(Locale.ROOT, "union: %,d pairs (%.2f a record; %,d before de-duplication), %,d of %,d true"
                + " pairs, blocking recall %.5f, %,d oversize blocks%n", all.size(),
                all.size() / (double) records.size(), union, found, truePairs.length, found / (double) truePairs.length,
                all.report().oversizeBlocks().size());
    }

    private static void linkage(List<ComparableRecord> records, int[] entity, long[] truePairs, long seed,
            int threads) {
        long started = System.nanoTime();
        Linker.Builder builder = Linker.builder().seed(seed).threads(threads);
        if (System.getProperty("uPairs") != null) {
            builder.uSamplePairs(Long.getLong("uPairs"));
        }
        if (System.getProperty("variant", "").equals("address-given-postcode")) {
            builder.comparisons(experimentalComparisons());
        }
        if (System.getProperty("variant", "").equals("oracle")) {
            builder.comparisons(ConditionalAddressOracle.comparisons());
            MatchModel first = builder.build().linkComparable(records).model();
            builder.model(ConditionalAddressOracle.adjust(first, records, entity));
        }
        CompactLinkResult result = builder.build().linkComparable(records);
        double seconds = (System.nanoTime() - started) / 1e9;
        int n = records.size();
        int[] predicted = new int[n];
        for (int r = 0; r < n; r++) {
            predicted[r] = result.entityOf(r);
        }
        long[] links = new long[result.linkCount()];
        for (int k = 0; k < links.length; k++) {
            Link link = result.link(k);
            links[k] = CandidatePairs.pack(indexOf(result, link.leftId()), indexOf(result, link.rightId()));
        }
        Arrays.sort(links);
        // False negatives by cause.
        long notCandidate = 0;
        long belowThreshold = 0;
        long keptApart = 0;
        long truePositive = 0;
        long[] candidates = candidatePairs(records);
        for (long pair : truePairs) {
            if (predicted[CandidatePairs.left(pair)] == predicted[CandidatePairs.right(pair)]) {
                truePositive++;
            } else if (Arrays.binarySearch(candidates, pair) < 0) {
                notCandidate++;
            } else if (Arrays.binarySearch(links, pair) < 0) {
                belowThreshold++;
            } else {
                keptApart++;
            }
        }
        // False positives by cause: predicted pairs of different truth.
        long predictedPairs = 0;
        long directFalse = 0;
        long transitiveFalse = 0;
        for (int e = 0; e < result.entityCount(); e++) {
            int[] members = result.members(e);
            predictedPairs += (long) members.length * (members.length - 1) / 2;
            for (int i = 0; i < members.length; i++) {
                for (int j = i + 1; j < members.length; j++) {
                    if (entity[members[i]] != entity[members[j]]) {
                        if (Arrays.binarySearch(links, CandidatePairs.pack(members[i], members[j])) >= 0) {
                            directFalse++;
                        } else {
                            transitiveFalse++;
                        }
                    }
                }
            }
        }
        double precision = truePositive / (double) predictedPairs;
        double recall = truePositive / (double) truePairs.length;
        System.out.printf(Locale.ROOT, "link: %.1f s, %,d candidate pairs, %,d links, prior %.4g (λ·pairs %,.0f)%n",
                seconds, result.statistics().candidatePairs(), links.length, result.model().prior(),
                result.model().prior() * n * (n - 1.0) / 2);
        System.out.printf(Locale.ROOT, "precision %.5f recall %.5f F1 %.5f%n", precision, recall,
                2 * precision * recall / (precision + recall));
        System.out.printf(Locale.ROOT, "false negatives %,d: never a candidate %,d, below threshold %,d, kept apart %,d%n",
                truePairs.length - truePositive, notCandidate, belowThreshold, keptApart);
        System.out.printf(Locale.ROOT, "false positives %,d: direct link %,d, only through others %,d%n",
                predictedPairs - truePositive, directFalse, transitiveFalse);
        weightHistogram(records, entity, candidates, result.model());
    }

    /** Candidate pairs by match weight (1-bit bins, with term-frequency adjustment), true and false. */
    private static void weightHistogram(List<ComparableRecord> records, int[] entity, long[] candidates,
            MatchModel model) {
        List<Comparison<ComparableRecord>> comparisons =
                System.getProperty("variant", "").equals("address-given-postcode") ? experimentalComparisons()
                        : System.getProperty("variant", "").equals("oracle") ? ConditionalAddressOracle.comparisons()
                        : Defaults.comparisons();
        int c = comparisons.size();
        double[][] frequency = termFrequencies(records, comparisons, model);
        int low = -10;
        long[][] bins = new long[2][50];
        Map<String, long[]> falsePatterns = new HashMap<>();
        Map<String, long[]> allPatterns = new HashMap<>();
        int[] levels = new int[c];
        double[] tfs = new double[c];
        for (long pair : candidates) {
            ComparableRecord a = records.get(CandidatePairs.left(pair));
            ComparableRecord b = records.get(CandidatePairs.right(pair));
            for (int k = 0; k < c; k++) {
                levels[k] = comparisons.get(k).level(a, b);
                tfs[k] = frequency[k] == null ? IndexedModel.NO_TERM_FREQUENCY
                        : frequency[k][CandidatePairs.left(pair)];
            }
            double w = IndexedModel.of(model).matchWeight(levels, tfs);
            boolean match = entity[CandidatePairs.left(pair)] == entity[CandidatePairs.right(pair)];
            int bin = Math.max(0, Math.min(49, (int) Math.floor(w) - low));
            bins[match ? 1 : 0][bin]++;
            boolean above = w >= THRESHOLD;
            StringBuilder all = new StringBuilder();
            for (int k = 0; k < c; k++) {
                all.append(levels[k]);
            }
            long[] seen = allPatterns.computeIfAbsent(all.toString(), x -> new long[4]);
            seen[match ? 1 : 0]++;
            seen[match ? 3 : 2] += Math.round(w * 100);
            if (above != match) {
                StringBuilder key = new StringBuilder(match ? "missed " : "false  ");
                for (int k = 0; k < c; k++) {
                    key.append(levels[k]);
                }
                long[] tally = falsePatterns.computeIfAbsent(key.toString(), x -> new long[3]);
                tally[0]++;
                tally[1] += Math.round(w * 100);
                if (key.substring(7).equals(System.getProperty("dump", "-")) && tally[0] <= 12) {
                    System.out.printf(Locale.ROOT, "  " + (match ? "missed" : "false") + " %.2f: %s %s %d %s %s %s | %s %s %d %s %s %s%n", w,
                            a.forename(), a.surname(), a.dateOfBirth(), a.postcode(), a.addressTokens(), a.recordId(),
                            b.forename(), b.surname(), b.dateOfBirth(), b.postcode(), b.addressTokens(), b.recordId());
                }
            }
        }
        System.out.println("weight bin: false / true candidate pairs");
        for (int bin = 0; bin < 50; bin++) {
            if (bins[0][bin] + bins[1][bin] > 0) {
                System.out.printf(Locale.ROOT, "  [%3d, %3d) %,10d %,10d%n", bin + low, bin + low + 1, bins[0][bin],
                        bins[1][bin]);
            }
        }
        System.out.println("commonest patterns of false pairs at or above the threshold and true pairs below it ("
                + comparisons.stream().map(x -> x.name()).toList() + "): count, mean weight");
        for (String kind : List.of("false", "missed")) {
            falsePatterns.entrySet().stream().filter(e -> e.getKey().startsWith(kind))
                    .sorted((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0])).limit(25)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %s %,9d %6.2f  (pattern: %,d false, %,d true)%n",
                            e.getKey(), e.getValue()[0], e.getValue()[1] / 100.0 / e.getValue()[0],
                            allPatterns.get(e.getKey().substring(7))[0], allPatterns.get(e.getKey().substring(7))[1]));
        }
        for (String shown : System.getProperty("show", "").split(",")) {
            long[] seen = allPatterns.get(shown);
            if (seen != null) {
                System.out.printf(Locale.ROOT, "  pattern %s: %,d false (mean %.2f bits), %,d true (mean %.2f bits)%n",
                        shown, seen[0], seen[2] / 100.0 / Math.max(1, seen[0]), seen[1], seen[3] / 100.0 / Math.max(1, seen[1]));
            }
        }
        // Candidate pairs per level, false and true: a level's observed odds beside its weight.
        long[][][] perLevel = new long[c][10][2];
        allPatterns.forEach((pattern, counts) -> {
            for (int k = 0; k < c; k++) {
                perLevel[k][pattern.charAt(k) - '0'][0] += counts[0];
                perLevel[k][pattern.charAt(k) - '0'][1] += counts[1];
            }
        });
        for (int k = 0; k < c; k++) {
            StringBuilder line = new StringBuilder(comparisons.get(k).name()).append(':');
            for (int l = 0; l < IndexedModel.of(model).levels(k).size(); l++) {
                line.append(String.format(Locale.ROOT, " %.2f (%,d/%,d)", IndexedModel.of(model).levelWeight(k, l), perLevel[k][l][0],
                        perLevel[k][l][1]));
            }
            System.out.println("  " + line);
        }
        System.out.printf(Locale.ROOT, "  prior weight %.2f%n", model.priorWeight());
    }

    /**
     * Each record's term frequency for every comparison the model adjusts by term frequency (null rows for
     * the others), as the linker computes them over the pool.
     */
    static double[][] termFrequencies(List<ComparableRecord> records, List<Comparison<ComparableRecord>> comparisons,
            MatchModel model) {
        return PairScoring.termFrequencies(model, comparisons, records, true);
    }

    /** The standard comparisons with {@code address} neutral when the postcodes agree in full (an experiment). */
    static List<Comparison<ComparableRecord>> experimentalComparisons() {
        Comparison<ComparableRecord> postcode =
                PostcodeComparison.standard();
        Comparison<ComparableRecord> address =
                AddressComparison.standard();
        int missing = address.levels().indexOf(ComparisonLevel.neutral("missing"));
        int fullPostcode = postcode.levels().indexOf(ComparisonLevel.of("full"));
        List<Comparison<ComparableRecord>> list = new ArrayList<>();
        for (Comparison<ComparableRecord> c : Defaults.comparisons()) {
            list.add(!c.name().equals("address") ? c : new Comparison<ComparableRecord>() {
                @Override
                public String name() {
                    return "address";
                }

                @Override
                public List<ComparisonLevel> levels() {
                    return address.levels();
                }

                @Override
                public int level(ComparableRecord a, ComparableRecord b) {
                    return postcode.level(a, b) == fullPostcode ? missing : address.level(a, b);
                }
            });
        }
        return list;
    }

    private static final double THRESHOLD = Math.log(19) / Math.log(2);

    private static Map<String, Integer> indexes;

    private static int indexOf(CompactLinkResult result, String recordId) {
        if (indexes == null) {
            indexes = new HashMap<>();
            for (int r = 0; r < result.recordCount(); r++) {
                indexes.put(result.record(r).recordId(), r);
            }
        }
        return indexes.get(recordId);
    }

    private static long[] candidatePairs(List<ComparableRecord> records) {
        CandidatePairs pairs = Blocker.<ComparableRecord>builder().rules(Defaults.blockingRules()).build()
                .candidates(records);
        long[] packed = new long[pairs.size()];
        for (int k = 0; k < packed.length; k++) {
            packed[k] = pairs.pair(k);
        }
        return packed;
    }

    /** Calls {@code hit} with the index in {@code truePairs} of every pair both sorted arrays hold. */
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

    static int[] entities(List<ComparableRecord> records, Path truthFile) {
        Map<String, Integer> entityOfRecord = new HashMap<>();
        Map<String, Integer> ids = new HashMap<>();
        try (Stream<String> lines = Files.lines(truthFile)) {
            lines.skip(1).forEach(line -> {
                int comma = line.indexOf(',');
                entityOfRecord.put(line.substring(0, comma),
                        ids.computeIfAbsent(line.substring(comma + 1), k -> ids.size()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] entity = new int[records.size()];
        for (int r = 0; r < entity.length; r++) {
            entity[r] = entityOfRecord.get(records.get(r).recordId());
        }
        return entity;
    }

    /** Every pair of records with the same entity, packed and sorted. */
    private static long[] truePairs(int[] entity) {
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int r = 0; r < entity.length; r++) {
            groups.computeIfAbsent(entity[r], k -> new ArrayList<>()).add(r);
        }
        List<Long> pairs = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    pairs.add(CandidatePairs.pack(group.get(i), group.get(j)));
                }
            }
        }
        return pairs.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
