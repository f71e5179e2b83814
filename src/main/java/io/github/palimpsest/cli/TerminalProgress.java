package io.github.palimpsest.cli;

import io.github.palimpsest.Linker;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Progress of a linking run on a terminal's error stream: a line per stage that can take a while
 * (blocking, comparing, training, scoring), so a long run is visibly alive. Used only when
 * {@code System.console()} is present, so files and pipes never receive it.
 */
final class TerminalProgress implements Linker.StageListener {
    private static final Set<String> LONG_STAGES = Set.of("block", "compare", "train", "score");
    private final PrintWriter err;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void stageStarted(String stage) {
        if (LONG_STAGES.contains(stage)) {
            err.print("  " + stage + " ...");
            err.flush();
        }
    }

    @Override
    public void stageFinished(String stage, Duration elapsed, String summary) {
        if (LONG_STAGES.contains(stage)) {
            err.printf(Locale.ROOT, "\r  %s: %s (%.1f s)%n", stage, summary, elapsed.toMillis() / 1000.0);
            err.flush();
        }
    }
}
