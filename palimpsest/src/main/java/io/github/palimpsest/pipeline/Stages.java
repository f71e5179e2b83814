package io.github.palimpsest.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the stages of one run, logs each (counts and timings only) and tells a listener. Used by one thread.
 */
public final class Stages {
    private static final Logger LOG = LoggerFactory.getLogger(Stages.class);

    /** Hears stage starts and ends. */
    public interface Listener {
        /** A stage is starting. */
        void started(String stage);

        /** A stage has finished after {@code elapsed}; {@code summary} is a short count. */
        void finished(String stage, Duration elapsed, String summary);

        /** {@code done} of {@code total} units of the running stage's current pass are finished; thread-safe. */
        default void progress(String stage, long done, long total) {
        }
    }

    /** Hears nothing. */
    public static final Listener SILENT = new Listener() {
        @Override
        public void started(String stage) {
        }

        @Override
        public void finished(String stage, Duration elapsed, String summary) {
        }
    };

    private final Listener listener;
    private final Map<String, Duration> times = new LinkedHashMap<>();
    /** The stage running now, for progress reported from worker threads. */
    private volatile String running;

    public Stages(Listener listener) {
        this.listener = listener;
    }

    /** Runs one stage; {@code work} returns its summary. */
    public void run(String name, Supplier<String> work) {
        listener.started(name);
        running = name;
        long started = System.nanoTime();
        String summary;
        try {
            summary = work.get();
        } finally {
            running = null;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        times.put(name, elapsed);
        LOG.info("{}: {} in {} ms", name, summary, elapsed.toMillis());
        listener.finished(name, elapsed, summary);
    }

    /** Passes progress of the running stage to the listener (from any thread); ignored between stages. */
    public void progress(long done, long total) {
        String stage = running;
        if (stage != null) {
            listener.progress(stage, done, total);
        }
    }

    /** Adds time to a stage already run (or starts its count). */
    public void add(String name, Duration elapsed) {
        times.merge(name, elapsed, Duration::plus);
    }

    /** Each stage's time, in the order the stages ran; a live view. */
    public Map<String, Duration> times() {
        return times;
    }
}
