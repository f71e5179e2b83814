package io.github.palimpsest.bench;

import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a pair's match probability means what it says: for every data set of the {@link AccuracyMatrix}, the
 * pairs the default linker scores (its links and its review band down to {@value #REVIEW_PROBABILITY}) are put
 * in bands of match weight, and each band shows the share of its pairs that are true matches beside the mean
 * probability the model gave them. A benchmark, not a test:
 *
 * <pre>
 * scripts/calibration.sh [--people N] [--only NAME,NAME] [--no-docs]
 * </pre>
 *
 * <p>Each set is linked in this process with {@code Linker.builder()}'s defaults (the same linker as
 * {@code link}) and a review threshold of {@value #REVIEW_PROBABILITY}; a pair counts once, whether a link, a
 * supported link or a review pair. The table goes into {@value AccuracyMatrix#RESULTS} between the
 * {@value #START} and {@value #END} markers unless {@code --no-docs} or {@code --only} is given.
 */
public final class CalibrationReport {
    static final String START = "<!-- calibration:start -->";
    static final String END = "<!-- calibration:end -->";
    /** The lowest probability of a pair counted: about -10 bits. */
    static final double REVIEW_PROBABILITY = 0.001;
    /** Band edges in bits; the threshold's own weight is put in between 2 and 6. */
    private static final double[] EDGES = {-10, -4, -2, 0, 2, Double.NaN, 6, 8, 12};

    private CalibrationReport() {
    }

    /** Pairs in one band of match weight: how many, how many true, and the sum of their probabilities. */
    static final class Band {
        final double low;
        final double high;
        long pairs;
        long matches;
        double probabilitySum;

        Band(double low, double high) {
            this.low = low;
            this.high = high;
        }

        void add(double probability, boolean match) {
            pairs++;
            matches += match ? 1 : 0;
            probabilitySum += probability;
        }

        String cell() {
            return pairs == 0 ? "—" : String.format(Locale.ROOT, "%.2f / %.2f (%,d)", matches / (double) pairs,
                    probabilitySum / pairs, pairs);
        }

        /** The band in bits, as {@code [low, high)}. */
        String heading() {
            return Double.isInfinite(high) ? "≥ " + bits(low) : "[" + bits(low) + ", " + bits(high) + ")";
        }

        private static String bits(double x) {
            return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.2f", x);
        }
    }

    /**
     * The bands of a run with threshold weight {@code thresholdBits}: from -10 bits up, with the threshold as an
     * edge (so the band just below it holds the pairs it leaves unlinked).
     */
    static List<Band> bands(double thresholdBits) {
        List<Double> edges = new ArrayList<>();
        for (double e : EDGES) {
            edges.add(Double.isNaN(e) ? thresholdBits : e);
        }
        edges.add(Double.POSITIVE_INFINITY);
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i + 1 < edges.size(); i++) {
            bands.add(new Band(edges.get(i), edges.get(i + 1)));
        }
        return bands;
    }

    /** Adds each scored pair of {@code result} once to its band; pairs below the lowest edge are left out. */
    static void tally(LinkResult result, Map<String, String> entityOf, List<Band> bands) {
        Map<String, Boolean> seen = new HashMap<>();
        result.links().forEach(l -> count(l.leftId(), l.rightId(), l.matchWeight(), l.probability(), entityOf,
                bands, seen));
        result.reviewPairs().forEach(r -> count(r.link().leftId(), r.link().rightId(), r.link().matchWeight(),
                r.link().probability(), entityOf, bands, seen));
    }

    private static void count(String a, String b, double weight, double probability, Map<String, String> entityOf,
            List<Band> bands, Map<String, Boolean> seen) {
        String key = a.compareTo(b) < 0 ? a + '\u0000' + b : b + '\u0000' + a;
        if (seen.put(key, Boolean.TRUE) != null) {
            return;
        }
        for (Band band : bands) {
            if (weight >= band.low && weight < band.high) {
                band.add(probability, entityOf.get(a).equals(entityOf.get(b)));
                return;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        AccuracyMatrix.Options options = AccuracyMatrix.Options.parse(args);
        int people = options.people();
        List<String> only = options.only();
        boolean writeDocs = options.writeDocs();
        Map<String, AccuracyMatrix.Source> sources = AccuracyMatrix.sources(
                Path.of(System.getProperty("shared.data", "../shared/data")), people);
        Path tmp = Files.createTempDirectory("calibration");
        StringBuilder rows = new StringBuilder();
        List<Band> headings = null;
        try {
            for (Map.Entry<String, AccuracyMatrix.Source> e : sources.entrySet()) {
                if (!AccuracyMatrix.selected(e.getKey(), only)) {
                    continue;
                }
                String[] why = new String[1];
                AccuracyMatrix.Prepared data = e.getValue().prepare(tmp, why);
                if (data == null) {
                    System.out.println(e.getKey() + ": skipped, " + why[0]);
                    continue;
                }
                try {
                    List<PersonRecord> records = RecordCsvReader.create().readRecords(List.of(data.records()));
                    LinkResult result = Linker.builder().reviewThresholdProbability(REVIEW_PROBABILITY).build()
                            .link(records);
                    List<Band> bands = bands(result.thresholdWeight());
                    tally(result, AccuracyMatrix.readPairs(data.truth()), bands);
                    headings = headings == null ? bands : headings;
                    StringBuilder row = new StringBuilder("| ").append(e.getKey());
                    bands.forEach(b -> row.append(" | ").append(b.cell()));
                    rows.append(row).append(" |\n");
                    System.out.println(row + " |");
                } finally {
                    for (Path p : data.temporary()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } finally {
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (headings == null) {
            System.out.println("no data set found");
            return;
        }
        StringBuilder table = new StringBuilder();
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        table.append(String.format(Locale.ROOT, "Measured %s at commit `%s`, generated sets and faker en-GB %,d people,"
                + " other faker sets %,d (seed %d). Columns: bands of match weight in bits, the link threshold an"
                + " edge; each cell: share of true matches / mean model probability (pairs). Reproduce with `scripts/calibration.sh`.%n%n", when, AccuracyMatrix.commit(), people,
                AccuracyMatrix.FAKER_PEOPLE, AccuracyMatrix.GENERATOR_SEED));
        table.append("| data set");
        headings.forEach(b -> table.append(" | ").append(b.heading()));
        table.append(" |\n|---");
        headings.forEach(b -> table.append("|---:"));
        table.append("|\n").append(rows);
        System.out.println();
        System.out.println(table);
        Path docs = Path.of(AccuracyMatrix.RESULTS);
        if (writeDocs && only == null && Files.isRegularFile(docs)) {
            Files.writeString(docs, AccuracyMatrix.withTable(Files.readString(docs), table.toString(), START, END),
                    StandardCharsets.UTF_8);
            System.out.println("written to " + docs);
        }
    }
}
