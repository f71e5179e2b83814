package io.github.palimpsest.spark;

import io.github.palimpsest.review.ContradictoryDecisionsException;
import io.github.palimpsest.review.DecisionsFormatException;
import io.github.palimpsest.review.ReviewDecisions;
import io.github.palimpsest.score.MatchModel;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line of the Spark module: {@code link} reads a table in the canonical schema (CSV or Parquet
 * by extension), links it with {@link SparkLinker} and writes each record's person (and optionally the links
 * with their evidence), CSV or Parquet by extension.
 *
 * <pre>
 * ./mvnw -q -pl palimpsest-spark exec:java -Dexec.args="link --master local[2] records.csv --clusters-out clusters.csv"
 * spark-submit --class io.github.palimpsest.spark.SparkMain palimpsest-spark-app.jar link records.parquet --clusters-out persons.parquet
 * </pre>
 */
@Command(name = "palimpsest-spark", mixinStandardHelpOptions = true, version = "palimpsest-spark 0.1.0-SNAPSHOT",
        description = "Palimpsest's linkage on Apache Spark.", subcommands = SparkMain.Link.class)
public final class SparkMain implements Callable<Integer> {
    /**
     * What Spark's launcher passes to a Java 17 JVM (its JavaModuleOptions): Spark reflects into these
     * packages. spark-submit adds them itself; a JVM started without them (e.g. by {@code exec:java}) is
     * relaunched with them.
     */
    static final List<String> JAVA_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private SparkMain() {
    }

    /** Runs the command line; exits with its status when that is not 0 (under exec:java, 0 just returns). */
    public static void main(String[] args) throws Exception {
        int status = sparkCanReflect() ? run(args) : relaunch(SparkMain.class, args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command line in this JVM and returns its exit status. */
    static int run(String... args) {
        return new CommandLine(new SparkMain()).execute(args);
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** {@code link}: one table in, each record's person out. */
    @Command(name = "link", mixinStandardHelpOptions = true,
            description = "Link records from several forces into people, on Spark.")
    static final class Link implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "INPUT",
                description = "Records in the canonical schema: a CSV file (with a header row), a Parquet table "
                        + "(.parquet), or a directory or glob of either.")
        String input;

        @Option(names = "--clusters-out", required = true, paramLabel = "CLUSTERS",
                description = "Each record's person: record_id, entity_id (.csv: one file; .parquet: a table).")
        String clustersOut;

        @Option(names = "--links-out", paramLabel = "LINKS",
                description = "Every link (at or above the threshold, or a supported link below it), with its "
                        + "evidence (.csv or .parquet); with --decisions, a last column decision, as palimpsest "
                        + "link writes it.")
        String linksOut;

        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master, e.g. local[2]; omit under spark-submit, which sets it.")
        String master;

        @Option(names = "--threshold", defaultValue = "0.95", paramLabel = "P",
                description = "Match probability at or above which a pair is a link (default: ${DEFAULT-VALUE}). "
                        + "A pair below it but more likely than not also links a lone record to a person whose "
                        + "other records support it (docs/blocking-and-clustering.md).")
        double threshold;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of u sampling (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--model", paramLabel = "MODEL.json", description = "Score with this model; no training.")
        Path modelIn;

        @Option(names = "--save-model", paramLabel = "MODEL.json", description = "Save the model used.")
        Path modelOut;

        @Option(names = "--training-sample", defaultValue = "200000", paramLabel = "N",
                description = "Most records the driver trains on (default: ${DEFAULT-VALUE}).")
        int trainingSample;

        @Option(names = "--decisions", paramLabel = "DECISIONS.csv",
                description = {"A reviewer's decisions to honour, as palimpsest link --decisions reads them: "
                        + "record_id_a,record_id_b,decision (match or non-match). A match joins the two records, "
                        + "a non-match keeps them apart; decisions naming records not in the input are ignored."})
        String decisionsIn;

        @Option(names = "--reference-date", paramLabel = "YYYY-MM-DD",
                description = "Judge two-digit years and future dates against this date (default: today).")
        LocalDate referenceDate;

        @Override
        public Integer call() throws IOException {
            SparkSession.Builder builder = SparkSession.builder().appName("palimpsest link");
            if (master != null) {
                builder.master(master);
            }
            // Kryo for the shuffles and caches (about a tenth less CPU than Java serialization at 100k),
            // unless the submitter chose a serializer (spark-submit --conf spark.serializer=...).
            if (!new SparkConf().contains("spark.serializer")) {
                KryoRegistration.SETTINGS.forEach(builder::config);
            }
            SparkSession spark = builder.getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            try {
                SparkLinker.Builder linker = SparkLinker.builder().thresholdProbability(threshold).seed(seed)
                        .trainingSampleSize(trainingSample).sourceName(sourceNameOf(input));
                if (referenceDate != null) {
                    linker.referenceDate(referenceDate);
                }
                if (modelIn != null) {
                    linker.model(MatchModel.load(modelIn));
                }
                if (decisionsIn != null) {
                    linker.decisions(readDecisions(spark, decisionsIn));
                }
                long started = System.nanoTime();
                SparkLinkResult result = linker.build().link(CanonicalRows.read(spark, input));
                writeTable(spark, result.persons(), clustersOut);
                if (linksOut != null) {
                    writeTable(spark, result.links(), linksOut);
                }
                if (modelOut != null) {
                    result.model().save(modelOut);
                }
                PrintWriter out = new PrintWriter(System.out, true);
                out.printf(Locale.ROOT, "records: %,d%ncandidate pairs: %,d%nlinks: %,d%npeople: %,d%n"
                                + "oversize blocks: %,d%nseconds: %.1f%n", result.recordCount(),
                        result.candidatePairCount(), result.linkCount(), result.peopleCount(),
                        result.oversizeBlockCount(), (System.nanoTime() - started) / 1e9);
                if (!result.model().trainingNote().isEmpty()) {
                    out.println("model: " + result.model().trainingNote());
                }
                return 0;
            } finally {
                spark.stop();
            }
        }
    }

    /**
     * Reads a decisions file on the driver through Hadoop's file system (a local path, or e.g. {@code hdfs://}
     * under spark-submit).
     *
     * @throws IOException if it cannot be read, is not a decisions file, or its decisions contradict each other
     */
    static ReviewDecisions readDecisions(SparkSession spark, String path) throws IOException {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path);
        FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (Reader in = new InputStreamReader(fs.open(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return ReviewDecisions.read(in, file.getName());
        } catch (CharacterCodingException e) {
            throw new IOException(path + ": not valid UTF-8 text", e);
        } catch (DecisionsFormatException | ContradictoryDecisionsException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    /** The CLI's source name for a file without a force column: its name without extension. */
    static String sourceNameOf(String input) {
        String name = new File(input.replaceAll("/+$", "")).getName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Writes a table; a CSV path becomes one file (written by Spark to a directory beside it, then moved into
     * place), as the one-machine CLI writes it.
     */
    static void writeTable(SparkSession spark, Dataset<Row> table, String path) throws IOException {
        if (CanonicalRows.isParquet(path)) {
            CanonicalRows.write(table, path);
            return;
        }
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(path);
        org.apache.hadoop.fs.Path parts = new org.apache.hadoop.fs.Path(path + ".parts");
        FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        CanonicalRows.write(table, parts.toString());
        FileStatus[] written = fs.globStatus(new org.apache.hadoop.fs.Path(parts, "part-*"));
        if (written == null || written.length != 1) {
            throw new IOException("expected one part file in " + parts);
        }
        fs.delete(target, true);
        if (!fs.rename(written[0].getPath(), target)) {
            throw new IOException("cannot move " + written[0].getPath() + " to " + target);
        }
        fs.delete(parts, true);
        // The local file system keeps a checksum file beside each file it writes; the moved file needs none.
        fs.delete(new org.apache.hadoop.fs.Path(target.getParent(), "." + target.getName() + ".crc"), false);
    }

    /** Whether this JVM lets Spark reflect into java.base (it was started with {@link #JAVA_OPTIONS}). */
    static boolean sparkCanReflect() {
        return Object.class.getModule().isOpen("sun.nio.ch", SparkMain.class.getModule());
    }

    /** Runs a main class again in a child JVM with Spark's Java options and this class path; its exit status. */
    static int relaunch(Class<?> main, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + Runtime.getRuntime().maxMemory() / (1 << 20) + "m");
        command.addAll(JAVA_OPTIONS);
        URL logging = SparkMain.class.getResource("log4j2-cli.properties");
        if (System.getProperty("log4j2.configurationFile") == null && logging != null) {
            command.add("-Dlog4j2.configurationFile=" + logging);
        }
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        return child.waitFor();
    }

    private static String classPath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader instanceof URLClassLoader urls) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(new File(url.toURI()).getPath());
                } catch (URISyntaxException e) {
                    entries.add(url.getPath());
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
