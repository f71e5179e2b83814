package io.github.palimpsest.bench;

import io.github.palimpsest.DefaultBlocking;
import io.github.palimpsest.cli.Main;
import io.github.palimpsest.cluster.PairwiseMetrics;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.PairCounting;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.RecordCsvReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The accuracy matrix: the {@code link} command with its defaults on every data set it can find, one row
 * each. A benchmark main, never part of the test run:
 *
 * <pre>
 * scripts/accuracy-matrix.sh [--people N] [--only NAME,NAME] [--no-docs]
 * </pre>
 *
 * which is {@code ./mvnw -q -o -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.bench.AccuracyMatrix
 * -Dbench.args="..."}. Each data set is first a CSV in the canonical schema (FEBRL and generated data are written
 * to temporary files, deleted afterwards), then linked by {@code link} in a child JVM ({@link LinkChild}, heap
 * {@value #CHILD_HEAP} for all), so that wall time and peak resident memory are those of the command alone.
 * This process then reads the clusters and the truth and measures: pairwise precision, recall and F1 over
 * clusters ({@link PairwiseMetrics}, as {@code evaluate}); blocking recall and candidate pairs per record
 * under the default linker's blocking ({@link DefaultBlocking}); and recall on purged records (no name at all)
 * that have a true mate, overall and for those sharing a normalised identifier with a mate.
 *
 * <p>Shared data sets ({@code ../shared/data}, or the system property {@code shared.data}) are skipped with a
 * line saying so when absent; any further {@code external/NAME.csv} with a {@code NAME_truth.csv} gets a row too.
 * The project's generator runs with each of {@link #PROFILES}, and {@link FakerStyleData} with each of
 * {@link #FAKER_LOCALES} and British names: data in another style than the generator's.
 * The table is printed and, unless {@code --no-docs}, written into {@value #RESULTS}, the one benchmark results
 * file, between the {@value #START} and {@value #END} markers with the date, commit and command; each row's F1
 * is first printed against the table already there. See docs/results.md for what each column means.
 */
public final class AccuracyMatrix {
    static final String CHILD_HEAP = "-Xmx4g";
    static final String START = "<!-- accuracy-matrix:start -->";
    static final String END = "<!-- accuracy-matrix:end -->";
    /** The one benchmark results file the table is written into, relative to the project root. */
    static final String RESULTS = System.getProperty("results.file", "docs/results.md");
    static final int DEFAULT_PEOPLE = 5_000;
    static final long GENERATOR_SEED = 42;
    /** The generator profiles run, by their {@code generate --profile} names. */
    static final List<String> PROFILES = List.of("default", "purge-heavy", "no-dob", "heavy-typos", "single-force",
            "invented-names");
    /**
     * The faker-style sets ({@link FakerStyleData}): names of these countries, {@value #FAKER_PEOPLE} people
     * each, and one of British names at the matrix's number of people, a larger set of the same kind.
     */
    static final List<String> FAKER_LOCALES = List.of("de", "es", "nl", "pl", "pt-BR", "tr");
    static final int FAKER_PEOPLE = 1_000;

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setTrim(true).get();
    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private AccuracyMatrix() {
    }

    /** One data set's row, or a skipped one (outcome null). */
    record Row(String name, String skipped, Outcome outcome) {
    }

    /** What was measured on one data set. */
    record Outcome(int records, PairwiseMetrics metrics, double blockingRecall, double pairsPerRecord,
            int purgedWithMate, int purgedLinked, int purgedSharingId, int purgedSharingIdLinked,
            double seconds, long peakRssKb) {
    }

    /** A data set ready to link: its records and truth files, and temporary files to delete afterwards. */
    record Prepared(Path records, Path truth, List<Path> temporary) {
    }

    @FunctionalInterface
    interface Source {
        /** The prepared files, or null with {@code why[0]} set when the data set is absent. */
        Prepared prepare(Path tmp, String[] why) throws IOException;
    }

    /** The command's options, shared with {@link CalibrationReport}: {@code [--people N] [--only NAME,NAME] [--no-docs]}. */
    record Options(int people, List<String> only, boolean writeDocs) {
        static Options parse(String[] args) {
            // As the command line does: the library's INFO lines (blocking, training) stay off; set before any logger.
            if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            }
            int people = DEFAULT_PEOPLE;
            List<String> only = null;
            boolean writeDocs = true;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--people" -> people = Integer.parseInt(args[++i]);
                    case "--only" -> only = List.of(args[++i].split(","));
                    case "--no-docs" -> writeDocs = false;
                    case ".*", "" -> { } // the bench profile's default bench.args
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; use [--people N] [--only NAME,NAME] [--no-docs]");
                }
            }
            return new Options(people, only, writeDocs);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int people = options.people();
        List<String> only = options.only();
        boolean writeDocs = options.writeDocs();
        Map<String, Source> sources = sources(Path.of(System.getProperty("shared.data", "../shared/data")), people);
        List<Row> rows = new ArrayList<>();
        int failures = 0;
        Path tmp = Files.createTempDirectory("accuracy-matrix");
        try {
            for (Map.Entry<String, Source> e : sources.entrySet()) {
                String name = e.getKey();
                if (!selected(name, only)) {
                    continue;
                }
                String[] why = new String[1];
                Prepared prepared = e.getValue().prepare(tmp, why);
                Row row;
                if (prepared == null) {
                    row = new Row(name, why[0], null);
                    System.out.println(name + ": skipped, " + why[0]);
                } else {
                    try {
                        row = new Row(name, null, measure(prepared, tmp));
                        System.out.println(line(row));
                    } catch (RuntimeException ex) {
                        // One broken data set must not cost the others their rows; it fails the run below.
                        row = new Row(name, "FAILED: " + ex.getMessage().lines().findFirst().orElse(""), null);
                        failures++;
                        System.out.println(name + ": " + ex.getMessage());
                    } finally {
                        for (Path p : prepared.temporary()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
                rows.add(row);
            }
        } finally {
            deleteTree(tmp);
        }
        String command = "scripts/accuracy-matrix.sh" + (people != DEFAULT_PEOPLE ? " --people " + people : "");
        String table = table(rows, people, command);
        System.out.println();
        System.out.println(table);
        Path docs = Path.of(RESULTS);
        if (Files.isRegularFile(docs)) {
            printChanges(previousF1(Files.readString(docs)), rows);
        }
        if (failures > 0) {
            System.out.println(failures + " data set(s) failed; " + docs + " not updated");
            System.exit(1);
        }
        if (writeDocs && only == null && Files.isRegularFile(docs)) {
            Files.writeString(docs, withTable(Files.readString(docs), table), StandardCharsets.UTF_8);
            System.out.println("written to " + docs);
        } else if (writeDocs) {
            System.out.println(docs + " not updated (" + (only != null ? "--only given" : "not found") + ")");
        }
    }

    /**
     * Every data set of the matrix, in its order, by name: FEBRL, the external sets under {@code shared}, the
     * generator's profiles at {@code people} people, the faker-style sets.
     */
    static Map<String, Source> sources(Path shared, int people) throws IOException {
        Map<String, Source> sources = new java.util.LinkedHashMap<>();
        sources.put("FEBRL3", (tmp, why) -> febrl(shared.resolve("febrl"), tmp, why, "dataset3.csv"));
        sources.put("FEBRL4", (tmp, why) -> febrl(shared.resolve("febrl"), tmp, why, "dataset4a.csv", "dataset4b.csv"));
        for (String name : externalSets(shared.resolve("external"))) {
            sources.put(name, (tmp, why) -> external(shared.resolve("external"), name, why));
        }
        for (String profile : PROFILES) {
            int n = people;
            sources.put("generated " + profile, (tmp, why) -> generated(profile, n, tmp));
        }
        for (String locale : FAKER_LOCALES) {
            sources.put("faker " + locale, (tmp, why) -> fakerStyle(locale, FAKER_PEOPLE, tmp));
        }
        int britons = people;
        sources.put("faker en-GB", (tmp, why) -> fakerStyle("en-GB", britons, tmp));
        return sources;
    }

    /** Whether the data set {@code name} is among those {@code --only} names (all when {@code only} is null). */
    static boolean selected(String name, List<String> only) {
        return only == null || only.stream().anyMatch(o -> name.equalsIgnoreCase(o)
                || name.equalsIgnoreCase("generated " + o) || name.equalsIgnoreCase("faker " + o));
    }

    // ---- data sets -------------------------------------------------------------------------------------------

    /** A FEBRL pool in the canonical schema, mapped as FebrlData (and the folder's README) say. */
    private static Prepared febrl(Path dir, Path tmp, String[] why, String... files) throws IOException {
        for (String f : files) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                why[0] = dir.resolve(f) + " is absent";
                return null;
            }
        }
        Path records = Files.createTempFile(tmp, "febrl", ".csv");
        Path truth = Files.createTempFile(tmp, "febrl-truth", ".csv");
        try (Writer rw = Files.newBufferedWriter(records, StandardCharsets.UTF_8);
                Writer tw = Files.newBufferedWriter(truth, StandardCharsets.UTF_8);
                CSVPrinter rp = new CSVPrinter(rw, WRITE); CSVPrinter tp = new CSVPrinter(tw, WRITE)) {
            rp.printRecord("record_id", "forename", "surname", "dob", "postcode", "address", "id_ssn");
            tp.printRecord("record_id", "entity_id");
            for (String f : files) {
                try (Reader in = Files.newBufferedReader(dir.resolve(f), StandardCharsets.UTF_8)) {
                    for (CSVRecord row : READ.parse(in)) {
                        String id = row.get("rec_id");
                        String address = String.join(" ", row.get("street_number"), row.get("address_1"),
                                row.get("address_2"), row.get("suburb"), row.get("state"))
                                .replaceAll("\\s+", " ").strip();
                        rp.printRecord(id, row.get("given_name"), row.get("surname"), row.get("date_of_birth"),
                                row.get("postcode"), address, row.get("soc_sec_id"));
                        tp.printRecord(id, "E" + id.replaceAll("^rec-(\\d+)-.*$", "$1"));
                    }
                }
            }
        }
        return new Prepared(records, truth, List.of(records, truth));
    }

    /**
     * The external sets: historical_50k and fake_1000 always (a skipped row when absent), then every other
     * {@code NAME.csv} beside a {@code NAME_truth.csv} in {@code dir}, so that a held-out set dropped there
     * gets its row without a code change.
     */
    static List<String> externalSets(Path dir) throws IOException {
        List<String> names = new ArrayList<>(List.of("historical_50k", "fake_1000"));
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith("_truth.csv"))
                        .map(f -> f.substring(0, f.length() - "_truth.csv".length()))
                        .filter(n -> !names.contains(n) && Files.isRegularFile(dir.resolve(n + ".csv")))
                        .sorted().forEach(names::add);
            }
        }
        return names;
    }

    private static Prepared external(Path dir, String name, String[] why) {
        Path records = dir.resolve(name + ".csv");
        Path truth = dir.resolve(name + "_truth.csv");
        if (!Files.isRegularFile(records) || !Files.isRegularFile(truth)) {
            why[0] = records + " or its truth is absent";
            return null;
        }
        return new Prepared(records, truth, List.of());
    }

    /** Generated data through the real {@code generate} command with a named profile. */
    private static Prepared generated(String profile, int people, Path tmp) throws IOException {
        Path records = Files.createTempFile(tmp, "generated", ".csv");
        Path truth = Files.createTempFile(tmp, "generated-truth", ".csv");
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(out), "generate", "--people",
                Integer.toString(people), "--seed", Long.toString(GENERATOR_SEED), "--profile", profile,
                "--out", records.toString(), "--truth", truth.toString());
        if (code != Main.EXIT_OK) {
            throw new IllegalStateException("generate --profile " + profile + " failed: " + out);
        }
        return new Prepared(records, truth, List.of(records, truth));
    }

    /** Faker-style data ({@link FakerStyleData}) with the names of one locale. */
    private static Prepared fakerStyle(String locale, int people, Path tmp) throws IOException {
        Path records = Files.createTempFile(tmp, "faker", ".csv");
        Path truth = Files.createTempFile(tmp, "faker-truth", ".csv");
        FakerStyleData.write(Locale.forLanguageTag(locale), people, GENERATOR_SEED, records, truth);
        return new Prepared(records, truth, List.of(records, truth));
    }

    // ---- measuring -------------------------------------------------------------------------------------------

    private static Outcome measure(Prepared data, Path tmp) throws IOException, InterruptedException {
        Path clusters = Files.createTempFile(tmp, "clusters", ".csv");
        Path output = Files.createTempFile(tmp, "child", ".txt");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, CHILD_HEAP, "-cp", System.getProperty("java.class.path"),
                    LinkChild.class.getName(), "link", data.records().toString(), "--clusters-out",
                    clusters.toString());
            long start = System.nanoTime();
            Process child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!child.waitFor(2, TimeUnit.HOURS)) {
                child.destroyForcibly();
                throw new IllegalStateException("link did not finish on " + data.records());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> lines = Files.readAllLines(output);
            if (child.exitValue() != 0) {
                throw new IllegalStateException("link failed (exit " + child.exitValue() + ") on " + data.records()
                        + ":\n" + String.join("\n", lines));
            }
            long peak = lines.stream().filter(l -> l.startsWith(LinkChild.PEAK_PREFIX))
                    .mapToLong(l -> Long.parseLong(l.substring(LinkChild.PEAK_PREFIX.length()).trim()))
                    .findFirst().orElse(-1);
            return score(data, readPairs(clusters), seconds, peak);
        } finally {
            Files.deleteIfExists(clusters);
            Files.deleteIfExists(output);
        }
    }

    /** Everything but time and memory, from the records, the truth and the clusters {@code link} wrote. */
    static Outcome score(Prepared data, Map<String, String> clusterOf, double seconds, long peakRssKb) {
        Map<String, String> truthOf = readPairs(data.truth());
        int threads = Runtime.getRuntime().availableProcessors();
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        List<ComparableRecord> pool = RecordCsvReader.create()
                .readRecords(List.of(data.records()), factory::of, threads);
        int n = pool.size();
        int[] entity = new int[n];
        int[] cluster = new int[n];
        Map<String, Integer> entityIds = new HashMap<>();
        Map<String, Integer> clusterIds = new HashMap<>();
        for (int r = 0; r < n; r++) {
            String id = pool.get(r).recordId();
            String e = truthOf.get(id);
            String c = clusterOf.get(id);
            if (e == null || c == null) {
                throw new IllegalStateException("record " + id + " is missing from the " + (e == null ? "truth" : "clusters"));
            }
            entity[r] = entityIds.computeIfAbsent(e, k -> entityIds.size());
            cluster[r] = clusterIds.computeIfAbsent(c, k -> clusterIds.size());
        }
        PairwiseMetrics metrics = PairCounting.of(entity, cluster);

        CandidatePairs candidates = DefaultBlocking.candidates(pool);
        long trueCandidates = 0;
        for (int k = 0; k < candidates.size(); k++) {
            long pair = candidates.pair(k);
            if (entity[CandidatePairs.left(pair)] == entity[CandidatePairs.right(pair)]) {
                trueCandidates++;
            }
        }
        double blockingRecall = metrics.truePairs() == 0 ? Double.NaN
                : trueCandidates / (double) metrics.truePairs();

        List<List<Integer>> members = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            while (members.size() <= entity[r]) {
                members.add(new ArrayList<>(2));
            }
            members.get(entity[r]).add(r);
        }
        int purgedWithMate = 0;
        int purgedLinked = 0;
        int sharing = 0;
        int sharingLinked = 0;
        for (int r = 0; r < n; r++) {
            ComparableRecord record = pool.get(r);
            List<Integer> group = members.get(entity[r]);
            if (record.hasName() || group.size() < 2) {
                continue;
            }
            boolean linked = false;
            boolean sharesId = false;
            for (int m : group) {
                if (m != r) {
                    linked |= cluster[m] == cluster[r];
                    sharesId |= sharesIdentifier(record, pool.get(m));
                }
            }
            purgedWithMate++;
            purgedLinked += linked ? 1 : 0;
            if (sharesId) {
                sharing++;
                sharingLinked += linked ? 1 : 0;
            }
        }
        return new Outcome(n, metrics, blockingRecall, candidates.size() / (double) n, purgedWithMate,
                purgedLinked, sharing, sharingLinked, seconds, peakRssKb);
    }

    /** Whether two records hold an equal normalised identifier: PNC, CRO, NI, licence, phone, e-mail, warrant or any id_*. */
    public static boolean sharesIdentifier(ComparableRecord a, ComparableRecord b) {
        if (same(a.pncId(), b.pncId()) || same(a.croNumber(), b.croNumber()) || same(a.niNumber(), b.niNumber())
                || same(a.drivingLicence(), b.drivingLicence()) || same(a.phone(), b.phone())
                || same(a.email(), b.email()) || same(a.warrantNumber(), b.warrantNumber())) {
            return true;
        }
        for (Map.Entry<String, String> id : a.identifiers().entrySet()) {
            if (same(id.getValue(), b.identifier(id.getKey()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(String x, String y) {
        return !x.isEmpty() && x.equals(y);
    }

    /** A two-column {@code record_id,<id>} file as a map. */
    static Map<String, String> readPairs(Path file) {
        Map<String, String> map = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : READ.parse(in)) {
                map.put(row.get(0), row.get(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }

    // ---- output ----------------------------------------------------------------------------------------------

    static String line(Row row) {
        Outcome o = row.outcome();
        return String.format(Locale.ROOT, "%-26s %,9d records  P %.4f  R %.4f  F1 %.4f  blocking %.4f  %.2f pairs/rec"
                + "  purged %s  purged+id %s  %.1f s  %s", row.name(), o.records(), o.metrics().precision(),
                o.metrics().recall(), o.metrics().f1(), o.blockingRecall(), o.pairsPerRecord(),
                share(o.purgedLinked(), o.purgedWithMate()), share(o.purgedSharingIdLinked(), o.purgedSharingId()),
                o.seconds(), megabytes(o.peakRssKb()));
    }

    static String table(List<Row> rows, int people, String command) {
        StringBuilder t = new StringBuilder();
        String when = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        t.append(String.format(Locale.ROOT, "Measured %s at commit `%s` on %d cores (Java %s; load average %s at the"
                + " end, so times on a shared machine are rough), generated sets and faker en-GB %,d people, other faker sets %,d"
                + " (seed %d), child heap `%s`. Reproduce with `%s`.%n%n", when, commit(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage(), people,
                FAKER_PEOPLE, GENERATOR_SEED, CHILD_HEAP, command));
        t.append("| data set | records | precision | recall | F1 | blocking recall | pairs / record | purged recall"
                + " | purged + shared id recall | wall s | peak RSS MB |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            if (row.outcome() == null) {
                t.append("| ").append(row.name()).append(" | ")
                        .append(row.skipped().startsWith("FAILED") ? "" : "skipped: ").append(row.skipped())
                        .append(" | | | | | | | | | |\n");
                continue;
            }
            Outcome o = row.outcome();
            t.append(String.format(Locale.ROOT, "| %s | %,d | %.4f | %.4f | **%.4f** | %.4f | %.2f | %s | %s | %.1f | %s |%n",
                    row.name(), o.records(), o.metrics().precision(), o.metrics().recall(), o.metrics().f1(),
                    o.blockingRecall(), o.pairsPerRecord(), share(o.purgedLinked(), o.purgedWithMate()),
                    share(o.purgedSharingIdLinked(), o.purgedSharingId()), o.seconds(), megabytes(o.peakRssKb())));
        }
        return t.toString();
    }

    /** "0.8123 (of 312)", or "— (none)" when there is nothing to measure. */
    private static String share(int linked, int of) {
        return of == 0 ? "— (none)" : String.format(Locale.ROOT, "%.4f (of %,d)", linked / (double) of, of);
    }

    private static String megabytes(long kb) {
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", Math.round(kb / 1024.0));
    }

    /** Each row's F1 in the table between the markers of {@code doc} (the bold column), by data set name. */
    static Map<String, Double> previousF1(String doc) {
        Map<String, Double> f1 = new HashMap<>();
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        if (start < 0 || end < start) {
            return f1;
        }
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("^\\| ([^|]+?) \\|.*?\\*\\*([0-9.]+)\\*\\*");
        for (String line : doc.substring(start, end).lines().toList()) {
            java.util.regex.Matcher m = row.matcher(line);
            if (m.find()) {
                f1.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return f1;
    }

    /** F1 against the table already in the docs, so that a before/after is one run away. */
    private static void printChanges(Map<String, Double> before, List<Row> rows) {
        if (before.isEmpty()) {
            return;
        }
        System.out.println("F1 against the table in " + RESULTS + " before this run:");
        for (Row row : rows) {
            Double old = before.get(row.name());
            if (row.outcome() != null && old != null) {
                double now = row.outcome().metrics().f1();
                double change = Math.round((now - old) * 1e4) / 1e4 + 0.0; // + 0.0: no "-0.0000"
                System.out.printf(Locale.ROOT, "  %-26s %.4f -> %.4f  (%+.4f)%n", row.name(), old, now, change);
            }
        }
        System.out.println();
    }

    /** The document with the table between the markers, or with a new section at the end when they are absent. */
    static String withTable(String doc, String table) {
        return withTable(doc, table, START, END);
    }

    /** {@code doc} with {@code table} between the markers {@code startMarker} and {@code endMarker}, added at the end if absent. */
    static String withTable(String doc, String table, String startMarker, String endMarker) {
        int start = doc.indexOf(startMarker);
        int end = doc.indexOf(endMarker);
        String block = startMarker + "\n" + table.strip() + "\n" + endMarker;
        if (start < 0 || end < start) {
            return doc.stripTrailing() + "\n\n" + block + "\n";
        }
        return doc.substring(0, start) + block + doc.substring(end + endMarker.length());
    }

    /** The one-minute load average from /proc/loadavg, or "n/a". */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static String commit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 && !out.isEmpty() ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
