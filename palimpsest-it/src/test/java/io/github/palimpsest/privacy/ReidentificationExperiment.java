package io.github.palimpsest.privacy;

import io.github.palimpsest.normalise.NameParser;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A frequency attack on name filters (not a test; run by hand, see docs/privacy.md for the command and
 * the recorded figures). The attacker holds the token store but not the key, and knows the public name
 * frequencies (the generator's own weight tables, so the attacker's knowledge is exact). Two attacks:
 * <ul>
 *   <li><b>exact</b>: group identical filters, rank the groups by size, and guess that the i-th largest
 *       group is the i-th most frequent public name;</li>
 *   <li><b>cluster</b>: the same after grouping filters whose Dice reaches τ (leader clustering, the
 *       attacker's best τ reported), which also gathers filters that differ only by noise.</li>
 * </ul>
 * A record counts as re-identified when the guess for its group equals its recorded (normalised) name.
 * Each attack runs against several encodings, from plain deterministic filters to the hardened default.
 *
 * <p>Arguments: {@code [people] [seed]}, default 5,000 and 3.
 */
public final class ReidentificationExperiment {

    private ReidentificationExperiment() {
    }

    /** One encoding under test. */
    private record Encoding(String label, int hashCount, double flip, boolean balanced) {
    }

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 3;
        List<SyntheticRecord> generated = GeneratedRecords.generate(people, seed);
        List<PersonRecord> records = new ArrayList<>();
        for (SyntheticRecord s : generated) {
            records.add(GeneratedRecords.toRecord(s));
        }
        DeploymentSecret secret = DeploymentSecret.generate();
        print("%,d records of %,d people; attacker knows the public frequency tables", records.size(), people);
        combinedNameFilter(records, secret);
        for (BloomField field : List.of(BloomField.SURNAME, BloomField.FORENAME)) {
            List<String> publicRanking = field == BloomField.SURNAME
                    ? ranking("surnames.csv")
                    : ranking("forenames_male.csv", "forenames_female.csv");
            List<String> truth = new ArrayList<>();
            for (PersonRecord r : records) {
                truth.add(field == BloomField.SURNAME ? r.name().surname() : r.name().forename());
            }
            print("");
            print("%s: most frequent recorded value covers %.1f%% of records (guessing it for all: the floor)",
                    field.column(), 100.0 * topShare(truth), 0);
            List<Encoding> encodings = List.of(
                    new Encoding("plain 1024 bits, no noise", 2 * field.hashCount(), 0, false),
                    new Encoding("balanced, no noise", field.hashCount(), 0, true),
                    new Encoding("balanced, noise f=0.02 (default)", field.hashCount(), 0.02, true),
                    new Encoding("balanced, noise f=0.05", field.hashCount(), 0.05, true),
                    new Encoding("balanced, noise f=0.10", field.hashCount(), 0.10, true));
            for (Encoding e : encodings) {
                BloomEncoder encoder = secret.tokeniser().encoder(field, e.hashCount(), e.flip(), e.balanced());
                List<BloomFilter> filters = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (int i = 0; i < records.size(); i++) {
                    String name = truth.get(i);
                    if (name.isEmpty()) {
                        continue;
                    }
                    PersonRecord r = records.get(i);
                    // The name alone, as in a field-level filter (aliases left out to isolate the name).
                    PersonRecord nameOnly = PersonRecord.builder().recordId(r.recordId()).force(r.force().raw())
                            .forename(r.name().forename()).surname(r.name().surname()).build();
                    Set<String> features = Features.of(field, nameOnly);
                    filters.add(encoder.encode(features, Tokeniser.identityOf(r)));
                    names.add(name);
                }
                double exact = attack(groupsOfEqual(filters), names, publicRanking);
                double bestCluster = 0;
                double bestTau = 0;
                for (double tau : new double[] {0.80, 0.85, 0.90, 0.93, 0.96, 0.999}) {
                    double r = attack(leaderClusters(filters, tau), names, publicRanking);
                    if (r > bestCluster) {
                        bestCluster = r;
                        bestTau = tau;
                    }
                }
                double[] dice = sameAndOtherNameDice(filters, names);
                print("  %-34s exact attack %5.1f%%  cluster attack %5.1f%% (τ=%.2f)  Dice same name %.3f, other %.3f",
                        e.label(), 100 * exact, 100 * bestCluster, bestTau, dice[0], dice[1]);
            }
        }
    }

    /**
     * The alternative of one filter for forename and surname together (record-level, CLK-like): the
     * attacker must now align clusters with full names, ranked by the product of the public frequencies.
     */
    private static void combinedNameFilter(List<PersonRecord> records, DeploymentSecret secret) {
        List<String> forenames = ranking("forenames_male.csv", "forenames_female.csv");
        List<String> surnames = ranking("surnames.csv");
        Map<String, Double> fw = weights("forenames_male.csv", "forenames_female.csv");
        Map<String, Double> sw = weights("surnames.csv");
        List<String> fullNames = new ArrayList<>();
        Map<String, Double> product = new HashMap<>();
        for (String f : forenames) {
            for (String s : surnames) {
                String full = f + " " + s;
                fullNames.add(full);
                product.put(full, fw.get(f) * sw.get(s));
            }
        }
        fullNames.sort(Comparator.comparingDouble((String n) -> product.get(n)).reversed().thenComparing(n -> n));
        BloomEncoder encoder = secret.tokeniser().encoder(BloomField.SURNAME, BloomField.SURNAME.hashCount() / 2,
                0.02, true);
        List<BloomFilter> filters = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (PersonRecord r : records) {
            if (r.name().forename().isEmpty() || r.name().surname().isEmpty()) {
                continue;
            }
            PersonRecord nameOnly = PersonRecord.builder().recordId(r.recordId()).force(r.force().raw())
                    .forename(r.name().forename()).surname(r.name().surname()).build();
            Set<String> features = new java.util.LinkedHashSet<>(Features.of(BloomField.FORENAME, nameOnly));
            features.addAll(Features.of(BloomField.SURNAME, nameOnly));
            filters.add(encoder.encode(features, Tokeniser.identityOf(r)));
            names.add(r.name().forename() + " " + r.name().surname());
        }
        print("");
        print("forename and surname in one balanced filter (k=%d, f=0.02), attacker aligns with full names: "
                + "most frequent full name covers %.2f%% of records", BloomField.SURNAME.hashCount() / 2,
                100 * topShare(names));
        double best = 0;
        double bestTau = 0;
        for (double tau : new double[] {0.80, 0.85, 0.90, 0.93}) {
            double r = attack(leaderClusters(filters, tau), names, fullNames);
            if (r > best) {
                best = r;
                bestTau = tau;
            }
        }
        List<String> surnamesOnly = new ArrayList<>();
        for (String n : names) {
            surnamesOnly.add(n.substring(n.indexOf(' ') + 1));
        }
        double bestSurname = 0;
        double bestSurnameTau = 0;
        for (double tau : new double[] {0.62, 0.66, 0.70, 0.75, 0.80}) {
            double r = attack(leaderClusters(filters, tau), surnamesOnly, surnames);
            if (r > bestSurname) {
                bestSurname = r;
                bestSurnameTau = tau;
            }
        }
        print("  cluster attack aligned with surnames instead: %.2f%% of surnames (τ=%.2f)", 100 * bestSurname,
                bestSurnameTau);
        double[] dice = sameAndOtherNameDice(filters, names);
        print("  cluster attack %.2f%% of full names (τ=%.2f); Dice same full name %.3f, other %.3f", 100 * best,
                bestTau, dice[0], dice[1]);
    }

    /** Groups of indexes of equal filters. */
    private static List<List<Integer>> groupsOfEqual(List<BloomFilter> filters) {
        Map<BloomFilter, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < filters.size(); i++) {
            groups.computeIfAbsent(filters.get(i), k -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(groups.values());
    }

    /** Leader clustering: each filter joins the first leader it reaches τ with, or leads a new cluster. */
    private static List<List<Integer>> leaderClusters(List<BloomFilter> filters, double tau) {
        List<BloomFilter> leaders = new ArrayList<>();
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            BloomFilter f = filters.get(i);
            int joined = -1;
            for (int c = 0; c < leaders.size() && joined < 0; c++) {
                if (leaders.get(c).dice(f) >= tau) {
                    joined = c;
                }
            }
            if (joined < 0) {
                leaders.add(f);
                clusters.add(new ArrayList<>());
                joined = clusters.size() - 1;
            }
            clusters.get(joined).add(i);
        }
        return clusters;
    }

    /** Fraction of records whose group's rank-aligned public name equals their recorded name. */
    private static double attack(List<List<Integer>> groups, List<String> names, List<String> publicRanking) {
        groups.sort(Comparator.comparingInt((List<Integer> g) -> g.size()).reversed());
        int hits = 0;
        for (int rank = 0; rank < groups.size() && rank < publicRanking.size(); rank++) {
            String guess = publicRanking.get(rank);
            for (int i : groups.get(rank)) {
                if (names.get(i).equals(guess)) {
                    hits++;
                }
            }
        }
        return hits / (double) names.size();
    }

    private static double[] sameAndOtherNameDice(List<BloomFilter> filters, List<String> names) {
        double same = 0;
        double other = 0;
        int ns = 0;
        int no = 0;
        for (int i = 0; i + 1 < filters.size() && (ns < 2_000 || no < 2_000); i++) {
            for (int j = i + 1; j < Math.min(filters.size(), i + 200); j++) {
                double d = filters.get(i).dice(filters.get(j));
                if (names.get(i).equals(names.get(j))) {
                    same += d;
                    ns++;
                } else {
                    other += d;
                    no++;
                }
            }
        }
        return new double[] {same / Math.max(ns, 1), other / Math.max(no, 1)};
    }

    private static double topShare(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        int n = 0;
        for (String v : values) {
            if (!v.isEmpty()) {
                counts.merge(v, 1, Integer::sum);
                n++;
            }
        }
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0) / (double) n;
    }

    /** Public names, normalised as the tokeniser sees them, heaviest first. */
    private static List<String> ranking(String... resources) {
        Map<String, Double> weights = weights(resources);
        List<String> names = new ArrayList<>(weights.keySet());
        names.sort(Comparator.comparingDouble((String n) -> weights.get(n)).reversed().thenComparing(n -> n));
        return names;
    }

    private static Map<String, Double> weights(String... resources) {
        Map<String, Double> weights = new HashMap<>();
        for (String resource : resources) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(ReidentificationExperiment.class
                    .getResourceAsStream("/io/github/palimpsest/synthetic/" + resource), StandardCharsets.UTF_8))) {
                String line;
                boolean header = true;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("#") || line.isBlank()) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    String[] parts = line.split(",");
                    String name = resource.startsWith("surnames")
                            ? NameParser.parse("", "", parts[0]).surname()
                            : NameParser.parse(parts[0], "", "").forename();
                    weights.merge(name, Double.parseDouble(parts[1]), Double::sum);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return weights;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
