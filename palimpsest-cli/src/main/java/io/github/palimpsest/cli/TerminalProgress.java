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
 * second, and, where the stage counts its work (comparing and scoring candidate pairs), the share done and an
 * estimate of the time left for the pass under way; it ends with the stage's summary and time. Stages that finish sooner print nothing. Used only
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
    /** The running stage's current pass: positions done, of how many (0 when the stage does not count). */
    private volatile long done;
    private volatile long total;
    /** When the current pass began (a stage may make several, each counted from zero). */
    private volatile long passStartedNanos;

    TerminalProgress(PrintWriter err) {
        this.err = err;
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stageStarted(String name) {
        stage = name;
        startedNanos = System.nanoTime();
        passStartedNanos = startedNanos;
        shown = false;
        done = 0;
        total = 0;
    }

    @Override
    public void stageProgress(String name, long doneSoFar, long totalOfPass) {
        // Called from worker threads after each chunk: a new pass starts when the count falls back.
        if (doneSoFar < done || totalOfPass != total) {
            passStartedNanos = System.nanoTime();
        }
        total = totalOfPass;
        done = doneSoFar;
    }

    /**
     * The progress line: the stage, its seconds so far, and when its work is counted the share done and the
     * time the pass under way still needs at the rate it has gone so far.
     */
    static String line(String stage, long seconds, long done, long total, double passSeconds) {
        if (total <= 0 || done <= 0 || done > total) {
            return String.format(Locale.ROOT, "  %s ... %d s", stage, seconds);
        }
        long percent = done * 100 / total;
        long left = Math.round(passSeconds * (total - done) / done);
        return String.format(Locale.ROOT, "  %s ... %d s, %d%% of this pass, about %d s left", stage, seconds,
                percent, left);
    }

    private synchronized void tick() {
        if (stage == null) {
            return;
        }
        long now = System.nanoTime();
        long seconds = (now - startedNanos) / 1_000_000_000L;
        if (seconds >= SHOW_AFTER_SECONDS) {
            // Padded, so a shorter line wipes the end of a longer one before it.
            err.printf(Locale.ROOT, "\r%-72s", line(stage, seconds, done, total, (now - passStartedNanos) / 1e9));
            err.flush();
            shown = true;
        }
    }

    @Override
    public synchronized void stageFinished(String name, Duration elapsed, String summary) {
        if (shown || elapsed.toSeconds() >= SHOW_AFTER_SECONDS) {
            err.printf(Locale.ROOT, "\r%-72s%n", String.format(Locale.ROOT, "  %s: %s (%.1f s)", name, summary,
                    elapsed.toMillis() / 1000.0));
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
