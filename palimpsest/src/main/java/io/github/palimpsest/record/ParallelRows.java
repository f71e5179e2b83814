package io.github.palimpsest.record;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Converts rows in batches on worker threads while the reading thread goes on parsing, and collects the
 * results in input order. At most a few batches per worker are in flight, so raw rows never pile up: when
 * the workers fall behind, the reading thread waits for the oldest batch. With one thread, rows are
 * converted on the reading thread. Not thread-safe: one reading thread calls {@link #add} and
 * {@link #finish}.
 */
final class ParallelRows<T> implements AutoCloseable {
    /** Rows per task: enough to amortise a hand-over, few enough to keep both cores busy to the end. */
    private static final int BATCH = 1024;
    private static final int BATCHES_IN_FLIGHT_PER_THREAD = 4;

    private final Function<CsvHeader.Row, ? extends T> convert;
    private final ExecutorService workers;
    private final int maxInFlight;
    private final ArrayDeque<Future<List<T>>> inFlight = new ArrayDeque<>();
    private final List<T> results = new ArrayList<>();
    private List<CsvHeader.Row> batch = new ArrayList<>(BATCH);

    ParallelRows(int threads, Function<CsvHeader.Row, ? extends T> convert) {
        this.convert = convert;
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "palimpsest-reader");
            thread.setDaemon(true);
            return thread;
        });
        this.maxInFlight = threads * BATCHES_IN_FLIGHT_PER_THREAD;
    }

    void add(CsvHeader.Row row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            submit();
        }
    }

    /** Waits for every batch and returns all results in input order. */
    List<T> finish() {
        submit();
        while (!inFlight.isEmpty()) {
            collectOldest();
        }
        return results;
    }

    private void submit() {
        if (batch.isEmpty()) {
            return;
        }
        List<CsvHeader.Row> rows = batch;
        batch = new ArrayList<>(BATCH);
        if (workers == null) {
            results.addAll(convertAll(rows));
            return;
        }
        inFlight.add(workers.submit(() -> convertAll(rows)));
        while (inFlight.size() > maxInFlight) {
            collectOldest();
        }
    }

    private List<T> convertAll(List<CsvHeader.Row> rows) {
        List<T> converted = new ArrayList<>(rows.size());
        for (CsvHeader.Row row : rows) {
            converted.add(convert.apply(row));
        }
        return converted;
    }

    private void collectOldest() {
        try {
            results.addAll(inFlight.removeFirst().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading records", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
