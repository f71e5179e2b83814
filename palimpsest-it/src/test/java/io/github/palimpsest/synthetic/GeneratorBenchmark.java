package io.github.palimpsest.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams about 1,000,000 records as CSV to a null writer and reports records per second and the peak
 * heap in use. Not a test: run it by hand (command in {@code docs/synthetic-data.md}), e.g. with a small
 * {@code -Xmx} to show that memory stays flat.
 */
public final class GeneratorBenchmark {

    private GeneratorBenchmark() {
    }

    /** Arguments: [people (default 333,334, about 1,000,000 records)] [seed (default 42)]. */
    public static void main(String[] args) throws IOException {
        long people = args.length > 0 ? Long.parseLong(args[0]) : 333_334;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        SyntheticForces gen = SyntheticForces.builder().people(people).seed(seed).build();

        // Warm-up, so that the figure is for compiled code.
        SyntheticForces.builder().people(20_000).seed(seed + 1).build().writeCsv(Writer.nullWriter(), Writer.nullWriter());
        // Heap in use, sampled every 20 ms by a daemon thread (java.management is outside the module).
        AtomicLong peakHeap = new AtomicLong();
        Runtime rt = Runtime.getRuntime();
        Thread sampler = new Thread(() -> {
            while (true) {
                peakHeap.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        long start = System.nanoTime();
        long records = gen.writeCsv(Writer.nullWriter(), Writer.nullWriter());
        double seconds = (System.nanoTime() - start) / 1e9;

        sampler.interrupt();
        System.out.printf(Locale.ROOT, "%,d records about %,d people as CSV in %.1f s: %,.0f records/s; "
                + "peak heap %.0f MB (max %.0f MB)%n", records, people, seconds, records / seconds,
                peakHeap.get() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    }
}
