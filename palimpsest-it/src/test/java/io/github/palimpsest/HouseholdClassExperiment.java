package io.github.palimpsest;

import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.Clusterer;
import io.github.palimpsest.pipeline.Clustering;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.pipeline.PairCounting;
import io.github.palimpsest.pipeline.PersonConflicts;
import io.github.palimpsest.pipeline.ScoredLinks;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.RecordCsvReader;
import io.github.palimpsest.score.MatchModel;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An experiment, not a feature: would a third latent class for relatives of one household (besides match
 * and stranger), learned by EM over the candidate pairs, remove the false links between a parent and a
 * child of one name at one home? The standard model is trained as usual; its match/stranger likelihood
 * ratio (with term frequencies) is kept; the household class's level distributions and the three class
 * shares are then fitted by EM over the candidate pairs, and pairs are re-scored by P(match | pattern)
 * against both other classes. Both scorings are clustered the same way and compared against the truth.
 *
 * <p>Note: {@code normalise} spreads the class's probability over all levels, the neutral one included,
 * while the ratio to {@code u} is taken only at usable levels, which penalises the class for every usable
 * field. The measured gain depends on it: normalised over usable levels only, the class copies the match
 * class and absorbs true pairs (docs/accuracy.md, "Other measurements"; history in CHANGELOG.md).
 *
 * <pre>
 * ./mvnw -o -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.HouseholdClassExperiment \
 *     -Dbench.args="/tmp/r.csv /tmp/t.csv" -Dbench.heap=-Xmx4g
 * </pre>
 */
public final class HouseholdClassExperiment {
    private HouseholdClassExperiment() {
    }

    private static final double THRESHOLD = Math.log(19) / Math.log(2);

    public static void main(String[] args) {
        List<ComparableRecord> records;
        int[] entity;
        if (args[0].startsWith("febrl")) {
            // febrl3 | febrl4 | febrl4-nossn: the FEBRL files mapped as AccuracyReport maps them.
            boolean ssn = !args[0].endsWith("-nossn");
            io.github.palimpsest.febrl.FebrlData.Dataset data = args[0].startsWith("febrl3")
                    ? io.github.palimpsest.febrl.FebrlData.read(ssn, "dataset3.csv")
                    : io.github.palimpsest.febrl.FebrlData.read(ssn, "dataset4a.csv", "dataset4b.csv");
            ComparableRecordFactory factory = ComparableRecordFactory.create();
            records = data.records().stream().map(factory::of).toList();
            java.util.Map<String, Integer> ids = new java.util.HashMap<>();
            entity = data.entityIds().stream().mapToInt(e -> ids.computeIfAbsent(e, x -> ids.size())).toArray();
        } else {
            records = RecordCsvReader.create().readRecords(List.of(Path.of(args[0])),
                    ComparableRecordFactory.create()::of, Runtime.getRuntime().availableProcessors());
            entity = ScaleAccuracyBenchmark.entities(records, Path.of(args[1]));
        }
        int iterations = Integer.getInteger("iterations", 30);
        MatchModel model = Linker.builder().seed(0).build().linkComparable(records).model();
        List<Comparison<ComparableRecord>> comparisons = Defaults.comparisons();
        int c = comparisons.size();
        CandidatePairs candidates = Blocker.<ComparableRecord>builder().rules(Defaults.blockingRules()).build()
                .candidates(records);
        int n = candidates.size();
        double[][] frequency = ScaleAccuracyBenchmark.termFrequencies(records, comparisons, model);
        byte[][] levels = new byte[n][c];
        double[] bayesFactorBits = new double[n]; // log2 P(x|M)/P(x|S), term frequencies included
        int[] lv = new int[c];
        double[] tfs = new double[c];
        for (int p = 0; p < n; p++) {
            long pair = candidates.pair(p);
            ComparableRecord a = records.get(CandidatePairs.left(pair));
            ComparableRecord b = records.get(CandidatePairs.right(pair));
            for (int k = 0; k < c; k++) {
                lv[k] = comparisons.get(k).level(a, b);
                levels[p][k] = (byte) lv[k];
                tfs[k] = frequency[k] == null ? IndexedModel.NO_TERM_FREQUENCY : frequency[k][CandidatePairs.left(pair)];
            }
            bayesFactorBits[p] = IndexedModel.of(model).matchWeight(lv, tfs) - model.priorWeight();
        }
        // Household class: h[k][l] / u[k][l] per level, started from "shares surname and home, differs in
        // forename or date of birth", then fitted.
        double[][] h = new double[c][];
        for (int k = 0; k < c; k++) {
            int levelCount = IndexedModel.of(model).levels(k).size();
            h[k] = new double[levelCount];
            for (int l = 0; l < levelCount; l++) {
                h[k][l] = IndexedModel.of(model).u(k, l);
            }
        }
        double[] responsibility = new double[3];
        double priorMatch = model.prior();
        double shareMatch = 0;
        double shareHousehold = 0;
        // Start: pairs agreeing on surname exact and postcode full but not on forename + date of birth.
        int surname = index(comparisons, "surname");
        int forename = index(comparisons, "forename");
        int dob = index(comparisons, "dob");
        int postcode = index(comparisons, "postcode");
        if (!Boolean.getBoolean("unconfined")) {
            homePostcode = postcode;
            homeAddress = index(comparisons, "address");
        }
        double[][] counts = new double[c][];
        for (int k = 0; k < c; k++) {
            counts[k] = new double[h[k].length];
        }
        double householdTotal = 0;
        for (int p = 0; p < n; p++) {
            boolean household = levels[p][surname] == 0 && levels[p][postcode] == 0
                    && (levels[p][forename] != 0 || levels[p][dob] != 0) && bayesFactorBits[p] < 30;
            if (household) {
                householdTotal++;
                for (int k = 0; k < c; k++) {
                    counts[k][levels[p][k]]++;
                }
            }
        }
        normalise(counts, h, householdTotal);
        double piM = Math.min(0.5, 2 * priorMatch * records.size() * (records.size() - 1) / 2.0 / n);
        double piH = householdTotal / n;
        double piS = 1 - piM - piH;
        for (int it = 0; it < iterations; it++) {
            for (double[] row : counts) {
                java.util.Arrays.fill(row, 0);
            }
            double sumM = 0;
            double sumH = 0;
            for (int p = 0; p < n; p++) {
                posterior(levels[p], bayesFactorBits[p], h, model, piM, piH, piS, responsibility);
                sumM += responsibility[0];
                sumH += responsibility[1];
                for (int k = 0; k < c; k++) {
                    counts[k][levels[p][k]] += responsibility[1];
                }
            }
            normalise(counts, h, sumH);
            piM = sumM / n;
            piH = sumH / n;
            piS = 1 - piM - piH;
        }
        System.out.printf(Locale.ROOT, "%,d records, %,d candidate pairs; shares: match %.4f household %.4f stranger %.4f%n",
                records.size(), n, piM, piH, piS);
        for (int k = 0; k < c; k++) {
            StringBuilder line = new StringBuilder(comparisons.get(k).name()).append(" log2 h/u:");
            for (int l = 0; l < h[k].length; l++) {
                line.append(String.format(Locale.ROOT, " %.2f", Math.log(h[k][l] / IndexedModel.of(model).u(k, l)) / Math.log(2)));
            }
            System.out.println("  " + line);
        }
        // Score both ways and cluster. The shares were fitted among candidates; over all pairs (the scale of
        // the standard prior, whose u come from random pairs) the household share is the same count of pairs
        // spread over all pairs, as the standard prior is.
        double allPairs = records.size() * (records.size() - 1.0) / 2;
        double lambda = model.prior();
        double eta = piH * n / allPairs;
        System.out.printf(Locale.ROOT, "over all pairs: match %.3g household %.3g%n", lambda, eta);
        double[] standard = new double[n];
        double[] threeClass = new double[n];
        for (int p = 0; p < n; p++) {
            standard[p] = bayesFactorBits[p] + model.priorWeight();
            double logH = householdLog(levels[p], h, model);
            double logMatch = Math.log(lambda) + bayesFactorBits[p] * Math.log(2);
            double logRest = logSumExp(Math.log(eta) + logH, Math.log(1 - lambda - eta));
            threeClass[p] = (logMatch - logRest) / Math.log(2);
        }
        report("standard", records, entity, candidates, standard, comparisons, model);
        report("three-class", records, entity, candidates, threeClass, comparisons, model);
    }

    /** Comparison indexes of postcode and address: the household class is confined to pairs sharing a home. */
    private static int homePostcode = -1;
    private static int homeAddress = -1;

    private static double householdLog(byte[] levels, double[][] h, MatchModel model) {
        if (homePostcode >= 0 && levels[homePostcode] != 0 && levels[homeAddress] != 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double logH = 0;
        for (int k = 0; k < levels.length; k++) {
            if (!IndexedModel.of(model).levels(k).get(levels[k]).isNeutral()) {
                logH += Math.log(h[k][levels[k]] / IndexedModel.of(model).u(k, levels[k]));
            }
        }
        return logH;
    }

    private static double logSumExp(double a, double b) {
        double top = Math.max(a, b);
        return top + Math.log(Math.exp(a - top) + Math.exp(b - top));
    }

    private static void posterior(byte[] levels, double bayesFactorBits, double[][] h, MatchModel model, double piM,
            double piH, double piS, double[] out) {
        double logH = householdLog(levels, h, model);
        double logM = bayesFactorBits * Math.log(2);
        double top = Math.max(Math.max(logM, logH), 0);
        double m = piM * Math.exp(logM - top);
        // exp(-inf) is 0: a pair outside any home has no household likelihood.
        double hh = piH * Math.exp(logH - top);
        double s = piS * Math.exp(-top);
        double sum = m + hh + s;
        out[0] = m / sum;
        out[1] = hh / sum;
        out[2] = s / sum;
    }

    private static void normalise(double[][] counts, double[][] h, double total) {
        for (int k = 0; k < counts.length; k++) {
            double rowTotal = 0;
            for (double v : counts[k]) {
                rowTotal += v;
            }
            for (int l = 0; l < counts[k].length; l++) {
                h[k][l] = (counts[k][l] + 0.5) / (rowTotal + 0.5 * counts[k].length);
            }
        }
    }

    private static int index(List<Comparison<ComparableRecord>> comparisons, String name) {
        for (int k = 0; k < comparisons.size(); k++) {
            if (comparisons.get(k).name().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void report(String label, List<ComparableRecord> records, int[] entity, CandidatePairs candidates,
            double[] weights, List<Comparison<ComparableRecord>> comparisons, MatchModel model) {
        int n = records.size();
        ScoredLinks.Builder links = ScoredLinks.builder(weights.length / 2);
        for (int p = 0; p < weights.length; p++) {
            if (weights[p] >= THRESHOLD) {
                long pair = candidates.pair(p);
                links.add(CandidatePairs.left(pair), CandidatePairs.right(pair), weights[p]);
            }
        }
        List<List<String>> keys = new AbstractList<>() {
            @Override
            public List<String> get(int r) {
                ComparableRecord record = records.get(r);
                List<String> k = new ArrayList<>(3);
                if (!record.pncId().isEmpty()) {
                    k.add("pnc:" + record.pncId());
                }
                if (!record.croNumber().isEmpty()) {
                    k.add("cro:" + record.croNumber());
                }
                if (!record.niNumber().isEmpty()) {
                    k.add("ni:" + record.niNumber());
                }
                return k;
            }

            @Override
            public int size() {
                return n;
            }
        };
        Clustering clustering = Clusterer.builder().threshold(THRESHOLD).overwhelmingWeight(20)
                .conflictOverrideWeight(THRESHOLD).build()
                .cluster(n, links.build(), keys, PersonConflicts.birthDates(comparisons, model, records::get));
        PairwiseMetrics metrics = PairCounting.of(entity, clustering.clusterOfRecords());
        System.out.printf(Locale.ROOT, "%-24s precision %.5f recall %.5f F1 %.5f%n", label, metrics.precision(),
                metrics.recall(), metrics.f1());
    }
}
