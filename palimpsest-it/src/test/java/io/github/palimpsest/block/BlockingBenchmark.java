package io.github.palimpsest.block;

import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times {@link Blocker} over synthetic integer-keyed records (not a test; run by hand, see
 * docs/blocking-and-clustering.md for the command and the recorded figures).
 *
 * <p>Each record is {@code int[] {entity, surname, forename, birthDate, postcode, pnc}}. Entities have one
 * to several records; surnames and forenames follow a Zipf law (a few very common values, a long tail),
 * and 2% of records carry the placeholder birth date "1900-01-01", the skewed key the guard must absorb.
 * Records of one entity differ by realistic noise: a changed surname, a mistyped date, a move.
 *
 * <p>Arguments: {@code [records] [seed]}, default 1,000,000 and 42.
 */
public final class BlockingBenchmark {
    static final int ENTITY = 0;
    static final int SURNAME = 1;
    static final int FORENAME = 2;
    static final int BIRTH_DATE = 3;
    static final int POSTCODE = 4;
    static final int PNC = 5;
    static final int PLACEHOLDER_DATE = -25_567; // 1900-01-01 in days since 1970-01-01

    private BlockingBenchmark() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        long t0 = System.nanoTime();
        List<int[]> records = generate(n, seed);
        long t1 = System.nanoTime();
        print("generated %,d records of %,d entities in %.1f s", n, records.get(n - 1)[ENTITY] + 1, (t1 - t0) / 1e9);

        Blocker<int[]> blocker = Blocker.<int[]>builder().rules(rules()).maxBlockSize(1_000).windowSize(10).build();
        // One warm-up run on a tenth, so the JIT has compiled the hot loops before the timed run.
        blocker.candidates(records.subList(0, n / 10));
        HeapSampler heap = new HeapSampler();
        long t2 = System.nanoTime();
        CandidatePairs pairs = blocker.candidates(records);
        long t3 = System.nanoTime();
        heap.close();
        double seconds = (t3 - t2) / 1e9;
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = records.get(i)[ENTITY];
        }
        print("%s", pairs.report());
        print("blocking: %.2f s wall, %,d candidate pairs, %,.0f pairs/s, %,.0f records/s, recall %.4f, "
                        + "peak heap %,d MB, %d cores",
                seconds, pairs.size(), pairs.size() / seconds, n / seconds, pairs.recall(truth),
                heap.peakMegabytes(), Runtime.getRuntime().availableProcessors());
        int[] pnc = new int[n];
        for (int i = 0; i < n; i++) {
            pnc[i] = records.get(i)[PNC];
        }
        io.github.palimpsest.pipeline.ClusteringBenchmark.run(pairs, truth, pnc, seed);
    }

    static List<BlockingRule<int[]>> rules() {
        return List.of(
                BlockingRule.of("pnc", (r, keys) -> {
                    if (r[PNC] >= 0) {
                        keys.accept("pnc:" + r[PNC]);
                    }
                }),
                BlockingRule.of("surname+birth-year", (r, keys) -> keys.accept(r[SURNAME] + "|" + year(r[BIRTH_DATE])),
                        r -> Integer.toString(r[FORENAME])),
                BlockingRule.of("forename+dob", (r, keys) -> keys.accept(r[FORENAME] + "|" + r[BIRTH_DATE]),
                        r -> Integer.toString(r[SURNAME])),
                BlockingRule.of("dob+postcode", (r, keys) -> keys.accept(r[BIRTH_DATE] + "|" + r[POSTCODE])),
                // reaches records whose names were purged; carries the skewed placeholder date
                BlockingRule.of("dob", (r, keys) -> keys.accept(Integer.toString(r[BIRTH_DATE])),
                        r -> String.format("%06d", r[SURNAME])));
    }

    private static int year(int days) {
        return Math.floorDiv(days, 365) + 1970;
    }

    static List<int[]> generate(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] surnameCdf = zipf(60_000, 1.0, 10); // the commonest ~1%, as Smith in the UK
        double[] forenameCdf = zipf(4_000, 1.0, 3); // the commonest ~3.5%
        List<int[]> records = new ArrayList<>(n);
        int entity = 0;
        while (records.size() < n) {
            int surname = sample(surnameCdf, random);
            int forename = sample(forenameCdf, random);
            int birthDate = random.nextInt(-14_600, 12_800); // 1930 to 2005
            int postcode = random.nextInt(1_700_000);
            int pnc = random.nextInt(100) < 70 ? entity : -1;
            // 1 to 6 records an entity, mean ~1.7: most people appear once, a few many times
            int copies = 1 + (random.nextInt(100) < 45 ? 1 + (int) Math.min(4, -Math.log(random.nextDouble()) * 0.8) : 0);
            for (int c = 0; c < copies && records.size() < n; c++) {
                int[] r = {entity, surname, forename, birthDate, postcode, pnc};
                if (c > 0) {
                    if (random.nextInt(100) < 10) {
                        r[SURNAME] = sample(surnameCdf, random); // married or changed name
                    }
                    if (random.nextInt(100) < 5) {
                        r[BIRTH_DATE] += random.nextInt(-40, 41); // a mistyped date
                    }
                    if (random.nextInt(100) < 30) {
                        r[POSTCODE] = random.nextInt(1_700_000); // moved
                    }
                    if (random.nextInt(100) < 30) {
                        r[PNC] = -1; // this force did not record it
                    }
                }
                if (random.nextInt(100) < 2) {
                    r[BIRTH_DATE] = PLACEHOLDER_DATE;
                }
                records.add(r);
            }
            entity++;
        }
        return records;
    }

    /** A Zipf-Mandelbrot law: value k has weight 1 / (k + 1 + shift)^exponent. */
    private static double[] zipf(int values, double exponent, double shift) {
        double[] cdf = new double[values];
        double sum = 0;
        for (int k = 0; k < values; k++) {
            sum += 1 / Math.pow(k + 1 + shift, exponent);
            cdf[k] = sum;
        }
        for (int k = 0; k < values; k++) {
            cdf[k] /= sum;
        }
        return cdf;
    }

    private static int sample(double[] cdf, SplittableRandom random) {
        int k = java.util.Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, k >= 0 ? k : -k - 1);
    }

    /**
     * Samples used heap every 5 ms on a daemon thread (java.management is not readable from this module,
     * so the memory beans are out of reach): an estimate of the peak, accurate to a few MB.
     */
    static final class HeapSampler implements AutoCloseable {
        private volatile boolean running = true;
        private volatile long peak;
        private final Thread thread;

        HeapSampler() {
            System.gc();
            thread = new Thread(() -> {
                Runtime runtime = Runtime.getRuntime();
                while (running) {
                    peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long peakMegabytes() {
            return peak >> 20;
        }

        @Override
        public void close() {
            running = false;
        }
    }

    static void print(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }
}
