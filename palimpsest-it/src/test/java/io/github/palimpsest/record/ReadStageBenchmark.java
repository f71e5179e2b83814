package io.github.palimpsest.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Times the batch read path alone ({@code readRecords(files, factory::of, threads)}, what {@code link}'s
 * read stage runs) and reports wall time, process CPU and CPU per record, so that one- and two-thread
 * reads can be compared by CPU rather than wall time on a shared machine. Not a test: a {@code main} run
 * through the bench profile.
 *
 * <pre>
 * ./mvnw -o -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.main=io.github.palimpsest.record.ReadStageBenchmark \
 *     -Dbench.args="records.csv 2 1" -Dbench.heap=-Xmx4g
 * </pre>
 *
 * Arguments: file, threads, repetitions in this JVM (default 1; the first is the cold one {@code link}
 * sees), and optionally {@code problems}: also find each record's problems on the workers, as {@code link}
 * does since it reports them.
 */
final class ReadStageBenchmark {
    private ReadStageBenchmark() {}

    /** User + system CPU of this process, from /proc/self/stat (Linux; clock ticks of 10 ms). */
    private static long processCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 once pid and comm are dropped.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CPU of the JVM's own threads still alive, by kind: index 0 the JIT compilers, 1 the garbage
     * collector, from /proc/self/task/N/stat. What is left of the process CPU is the read itself (the
     * reading thread and the workers, which are gone once the read returns).
     */
    private static long[] vmThreadCpuNanos() {
        long[] cpu = new long[2];
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long nanos = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
                if (name.contains("CompilerThre")) {
                    cpu[0] += nanos;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    cpu[1] += nanos;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cpu;
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        boolean problems = args.length > 3 && args[3].equals("problems");
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < repetitions; rep++) {
            long cpu0 = processCpuNanos();
            long[] vm0 = vmThreadCpuNanos();
            long main0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            ComparableRecordFactory factory = ComparableRecordFactory.create();
            List<ComparableRecord> records = problems
                    ? RecordCsvReader.create().readRecords(List.of(file), (f, line, record) -> {
                        record.problems();
                        return factory.of(record);
                    }, threads)
                    : RecordCsvReader.create().readRecords(List.of(file), factory::of, threads);
            long wall = System.nanoTime() - wall0;
            long cpu = processCpuNanos() - cpu0;
            long[] vm1 = vmThreadCpuNanos();
            long jit = vm1[0] - vm0[0];
            long gc = vm1[1] - vm0[1];
            long work = cpu - jit - gc;
            long mainCpu = mx.getCurrentThreadCpuTime() - main0;
            System.out.printf(Locale.ROOT,
                    "threads %d rep %d: %,d records, wall %.2f s, process cpu %.2f s (%.1f us/record),"
                            + " jit %.2f s, gc %.2f s, read work %.2f s (%.1f us/record), reading thread %.2f s,"
                            + " load %.2f%n",
                    threads, rep, records.size(), wall / 1e9, cpu / 1e9, cpu / 1e3 / records.size(),
                    jit / 1e9, gc / 1e9, work / 1e9, work / 1e3 / records.size(), mainCpu / 1e9,
                    os.getSystemLoadAverage());
        }
    }
}
