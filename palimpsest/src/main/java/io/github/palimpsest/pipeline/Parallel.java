package io.github.palimpsest.pipeline;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The worker threads of one run: a fork–join pool that lives for the run, and fixed chunks of work. Every
 * parallel stage splits its positions into chunks of {@value #CHUNK} and each chunk writes only its own
 * positions, so a result does not depend on the number of threads or on scheduling.
 */
public final class Parallel implements AutoCloseable {
    /** Pairs per parallel task: large enough to amortise scheduling, small enough to balance two cores. */
    public static final int CHUNK = 1 << 13;

    private final ForkJoinPool pool;
    private final int threads;
    /** Told how much of each {@link #chunks} pass is done; never null. */
    private volatile Progress progress = (done, total) -> { };

    /** Hears how much of a pass of chunks is done: {@code done} of {@code total} positions; thread-safe. */
    @FunctionalInterface
    public interface Progress {
        void advanced(long done, long total);
    }

    /** A pool of {@code threads} workers; close it when the run ends. */
    public Parallel(int threads) {
        this.threads = threads;
        this.pool = new ForkJoinPool(threads);
    }

    /** A range of positions, {@code [from, to)}, one chunk of parallel work. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** The number of worker threads. */
    public int threads() {
        return threads;
    }

    /** Runs {@code work} in the pool (so that its parallel streams use the pool's threads). */
    public <T> T call(Supplier<T> work) {
        return pool.submit(work::get).join();
    }

    /** Where {@link #chunks} reports how far each pass has got (for a progress display). */
    public void onProgress(Progress value) {
        this.progress = java.util.Objects.requireNonNull(value, "progress");
    }

    /**
     * Runs {@code work} over {@code [0, size)} in fixed chunks of {@value #CHUNK}, in parallel, telling the
     * {@linkplain #onProgress progress listener} as each chunk ends.
     */
    public void chunks(int size, Range work) {
        int chunks = (size + CHUNK - 1) / CHUNK;
        Progress told = progress;
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        call(() -> {
            IntStream.range(0, chunks).parallel().forEach(chunk -> {
                int from = chunk * CHUNK;
                int to = Math.min(size, (chunk + 1) * CHUNK);
                work.run(from, to);
                told.advanced(done.addAndGet(to - from), size);
            });
            return null;
        });
    }

    /** Runs {@code count} tasks, {@code task.accept(i)} for each, in the pool, in any order. */
    public void tasks(int count, java.util.function.IntConsumer task) {
        call(() -> {
            IntStream.range(0, count).parallel().forEach(task);
            return null;
        });
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
