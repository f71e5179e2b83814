package io.github.palimpsest.bench;

import io.github.palimpsest.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The child process of {@link AccuracyMatrix}: runs the command line exactly as {@code java -jar} would
 * (same entry, same defaults, library logging at WARN), then prints the process's peak resident set size
 * ({@code VmHWM} from {@code /proc/self/status}, in kB; -1 where there is none) on a last line starting
 * {@value #PEAK_PREFIX}, and exits with the command's exit code.
 */
public final class LinkChild {
    /** Prefix of the line that carries the peak RSS in kB. */
    static final String PEAK_PREFIX = "bench-peak-rss-kb ";

    private LinkChild() {
    }

    public static void main(String[] args) {
        // As Main.main does: the library's INFO lines stay off unless asked for.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                    Arrays.asList(args).contains("--verbose") ? "info" : "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        int code = Main.run(args);
        System.out.println(PEAK_PREFIX + peakRssKb());
        System.out.flush();
        System.exit(code);
    }

    /** VmHWM of this process in kB, or -1 when /proc is not there (not Linux). */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
