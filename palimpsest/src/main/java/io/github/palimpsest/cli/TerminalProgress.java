package io.github.palimpsest.cli;

import io.github.palimpsest.Linker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress of a linking run on a terminal's error stream, so a long run is visibly alive: once a stage
 * (reading, blocking, comparing, training, scoring, clustering, writing, ...) has run for
 * {@value #SHOW_AFTER_SECONDS} seconds, a line shows its name and the seconds so far, updated every
 * second, and ends with the stage's summary and time. Stages that finish sooner print nothing. Used only
 * when {@code System.console()} is present, so files and pipes never receive it. Thread-safe: a timer
 * thread updates the line while the run goes on.
 */
final class TerminalProgress implements Linker.StageListener, AutoCloseable {
    private static final int SHOW_AFTER_SECONDS = 2;

    private final PrintWriter err;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "palimpsest-progress");
        thread.setDaemon(true);
        return thread;
    });
    private String stage;
    private long startedNanos;
    private boolean shown;

    TerminalProgress(PrintWriter err) {
        this.err = err;
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stageStarted(String name) {
        stage = name;
        startedNanos = System.nanoTime();
        shown = false;
    }

    private synchronized void tick() {
        if (stage == null) {
            return;
        }
        long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
        if (seconds >= SHOW_AFTER_SECONDS) {
            err.printf(Locale.ROOT, "\r  %s ... %d s", stage, seconds);
            err.flush();
            shown = true;
        }
    }

    @Override
    public synchronized void stageFinished(String name, Duration elapsed, String summary) {
        if (shown || elapsed.toSeconds() >= SHOW_AFTER_SECONDS) {
            err.printf(Locale.ROOT, "\r  %s: %s (%.1f s)%n", name, summary, elapsed.toMillis() / 1000.0);
            err.flush();
        }
        stage = null;
        shown = false;
    }

    /** Stops the timer thread. */
    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
