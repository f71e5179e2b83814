package io.github.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: every failure ends in one line a person can act on and a distinct exit code, never a stack trace. */
class ErrorReportTest {
    @TempDir
    Path dir;

    private static String report(Throwable e, boolean verbose, int expectedCode) {
        StringWriter text = new StringWriter();
        assertEquals(expectedCode, Main.report(e, "palimpsest link", new PrintWriter(text), verbose));
        return text.toString();
    }

    private static boolean hasStackTrace(String text) {
        return text.contains("\tat ") || text.contains("Exception in thread");
    }

    @Test
    void theExitCodesAreDistinct() {
        assertEquals(5, Set.of(Main.EXIT_OK, Main.EXIT_BAD_INPUT, Main.EXIT_USAGE, Main.EXIT_INTERNAL_ERROR,
                Main.EXIT_RESOURCE_LIMIT).size());
    }

    @Test
    void runningOutOfMemoryIsAResourceLimitThatSaysHowToGiveMore() {
        String text = report(new OutOfMemoryError("Java heap space"), false, Main.EXIT_RESOURCE_LIMIT);
        assertTrue(text.contains("-Xmx"), text);
        assertFalse(hasStackTrace(text), text);
        // Thrown on a worker and rethrown wrapped by the pool.
        String wrapped = report(new RuntimeException(new OutOfMemoryError("Java heap space")), false,
                Main.EXIT_RESOURCE_LIMIT);
        assertTrue(wrapped.contains("-Xmx"), wrapped);
    }

    @Test
    void aFullDiskIsAResourceLimit() {
        String text = report(new IOException("No space left on device"), false, Main.EXIT_RESOURCE_LIMIT);
        assertTrue(text.contains("No space left"), text);
    }

    @Test
    void anInternalErrorShowsItsStackTraceOnlyWhenVerbose() {
        IllegalStateException bug = new IllegalStateException("cannot happen");
        String quiet = report(bug, false, Main.EXIT_INTERNAL_ERROR);
        assertTrue(quiet.contains("internal error") && quiet.contains("--verbose"), quiet);
        assertFalse(hasStackTrace(quiet), quiet);
        assertTrue(hasStackTrace(report(bug, true, Main.EXIT_INTERNAL_ERROR)));
    }

    @Test
    void badInputAndUnreadableFilesAreExitCodeOne() {
        report(new InputException(Path.of("in.csv"), 3, "bad"), false, Main.EXIT_BAD_INPUT);
        String text = report(new IOException("Permission denied"), false, Main.EXIT_BAD_INPUT);
        assertTrue(text.contains("Permission denied"), text);
    }

    @Test
    void absurdThreadCountsAreRefusedWithoutAStackTrace() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "link",
                dir.resolve("in.csv").toString(), "--clusters-out", dir.resolve("c.csv").toString(),
                "--threads", "100000");
        assertEquals(Main.EXIT_USAGE, code);
        assertTrue(err.toString().contains("--threads 100000 is too many"), err.toString());
        assertFalse(hasStackTrace(err.toString()), err.toString());
    }

    @Test
    void anInputThatDoesNotExistIsBadInputWithoutAStackTrace() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "link",
                dir.resolve("missing.csv").toString(), "--clusters-out", dir.resolve("c.csv").toString());
        assertEquals(Main.EXIT_BAD_INPUT, code, err.toString());
        assertFalse(hasStackTrace(err.toString()), err.toString());
    }
}
