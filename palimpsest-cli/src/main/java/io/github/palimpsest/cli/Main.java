package io.github.palimpsest.cli;

import io.github.palimpsest.record.InputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the command-line tool. Exit codes: 0 success, 1 bad input (or a file that cannot be read
 * or written), 2 usage error (including an output refused because it would destroy data), 3 internal error,
 * 4 out of memory or another resource limit. No failure shows a Java stack trace unless {@code --verbose}
 * is given.
 */
@Command(name = "palimpsest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Cross-force record matching: normalise, link and explain police records about people.",
        subcommands = {DemoCommand.class, LinkCommand.class, EvaluateCommand.class, NormaliseCommand.class,
                GenerateCommand.class, KeygenCommand.class, TokeniseCommand.class, VetCommand.class})
public final class Main implements Runnable {

    /** Exit code for a run that completed. */
    public static final int EXIT_OK = 0;
    /** Exit code for input that could not be read (file, line and field are reported). */
    public static final int EXIT_BAD_INPUT = 1;
    /** Exit code for a command line that could not be understood. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a failure inside the tool itself (a bug: please report it with the stack trace). */
    public static final int EXIT_INTERNAL_ERROR = 3;
    /** Exit code for a run that ran out of memory, disk space or another resource of the machine. */
    public static final int EXIT_RESOURCE_LIMIT = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Also show the library's log lines (stage timings and counts) on standard error.")
    boolean verbose;

    public static void main(String[] args) {
        configureLogging(args);
        boolean verbose = isVerbose(args);
        // A worker thread that dies ends the run with one line, not a stack trace, and cleans up outputs.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
            System.exit(report(e, "palimpsest", err, verbose));
        });
        CommandLine cli = commandLine(verbose);
        // Outputs sent to standard output ('-') are UTF-8 text whatever the platform's default charset.
        cli.setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)),
                true));
        System.exit(execute(cli, args));
    }

    private static boolean isVerbose(String[] args) {
        return java.util.Arrays.asList(args).contains("--verbose");
    }

    /**
     * The command line shows its own summaries; the library's INFO log lines (stage timings, counts) are
     * shown only with {@code --verbose} or when the caller set a level for the bundled SLF4J binding.
     * Must run before the first logger is created.
     */
    private static void configureLogging(String[] args) {
        String levelProperty = "org.slf4j.simpleLogger.defaultLogLevel";
        if (System.getProperty(levelProperty) == null) {
            boolean verbose = isVerbose(args);
            System.setProperty(levelProperty, verbose ? "info" : "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }

    /** Runs the tool and returns its exit code instead of exiting: the entry point for tests. */
    public static int run(String... args) {
        return execute(commandLine(isVerbose(args)), args);
    }

    /** Runs the tool with the given output streams, for tests that read what it prints. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(isVerbose(args));
        cli.setOut(out);
        cli.setErr(err);
        return execute(cli, args);
    }

    private static int execute(CommandLine cli, String[] args) {
        try {
            return cli.execute(args);
        } catch (Throwable e) { // NOPMD: an Error (out of memory) thrown by a command must not reach the user raw
            return report(e, "palimpsest", cli.getErr(), isVerbose(args));
        }
    }

    static CommandLine commandLine(boolean verbose) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(Main::exitCodeOf);
        cli.setExecutionExceptionHandler((e, cmd, parseResult) ->
                report(e, "palimpsest " + cmd.getCommandName(), cmd.getErr(), verbose));
        return cli;
    }

    /**
     * Tells the user in one line what went wrong and what to do, the stack trace only when {@code verbose};
     * returns the exit code.
     */
    static int report(Throwable e, String command, PrintWriter err, boolean verbose) {
        int code = exitCodeOf(e);
        String message = switch (code) {
            case EXIT_BAD_INPUT -> e instanceof InputException || e instanceof CliInputException
                    ? e.getMessage() : "a file cannot be read or written: " + describe(e);
            case EXIT_USAGE -> e.getMessage();
            case EXIT_RESOURCE_LIMIT -> resourceMessage(e);
            default -> "internal error (" + describe(e) + "); no output was left half-written. This is a bug: please report "
                    + "it with what the same command prints with --verbose";
        };
        err.println(command + ": " + message);
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String resourceMessage(Throwable e) {
        Throwable cause = resourceCause(e);
        if (cause instanceof OutOfMemoryError) {
            long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            return "ran out of memory (Java may use at most " + maxMb + " MB); no output was left half-written. Give Java "
                    + "more memory, e.g. java -Xmx8g -jar palimpsest.jar ..., or use fewer --threads";
        }
        if (cause instanceof StackOverflowError) {
            return "ran out of stack space; no output was left half-written. Give Java more, e.g. java -Xss16m -jar "
                    + "palimpsest.jar ...";
        }
        return "a resource of the machine ran out (" + cause.getMessage() + "); no output was left half-written. Free some "
                + "(disk space, open files) or write the outputs elsewhere";
    }

    /** The out-of-memory, stack-overflow or out-of-space error behind {@code e}, or null. */
    private static Throwable resourceCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof VirtualMachineError && !(t instanceof InternalError)) {
                return t;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String m = t.getMessage();
                if (m.contains("No space left") || m.contains("Disk quota exceeded")
                        || m.contains("Too many open files")) {
                    return t;
                }
            }
        }
        return null;
    }

    private static int exitCodeOf(Throwable e) {
        if (e instanceof CommandLine.ParameterException) {
            return EXIT_USAGE;
        }
        if (resourceCause(e) != null) {
            return EXIT_RESOURCE_LIMIT;
        }
        if (e instanceof InputException || e instanceof CliInputException || e instanceof IOException
                || e instanceof UncheckedIOException) {
            return EXIT_BAD_INPUT;
        }
        return EXIT_INTERNAL_ERROR;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
