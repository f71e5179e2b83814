package io.github.palimpsest.cli;

import io.github.palimpsest.record.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the command-line tool. Exit codes: 0 success, 1 bad input, 2 usage error, 3 internal
 * error.
 */
@Command(name = "palimpsest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Cross-force record matching: normalise, link and explain police records about people.",
        subcommands = {DemoCommand.class, LinkCommand.class, EvaluateCommand.class, NormaliseCommand.class,
                GenerateCommand.class, KeygenCommand.class, TokeniseCommand.class})
public final class Main implements Runnable {

    /** Exit code for a run that completed. */
    public static final int EXIT_OK = 0;
    /** Exit code for input that could not be read (file, line and field are reported). */
    public static final int EXIT_BAD_INPUT = 1;
    /** Exit code for a command line that could not be understood. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a failure inside the tool itself (a bug: please report it with the stack trace). */
    public static final int EXIT_INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Also show the library's log lines (stage timings and counts) on standard error.")
    boolean verbose;

    public static void main(String[] args) {
        configureLogging(args);
        System.exit(run(args));
    }

    /**
     * The command line shows its own summaries; the library's INFO log lines (stage timings, counts) are
     * shown only with {@code --verbose} or when the caller set a level for the bundled SLF4J binding.
     * Must run before the first logger is created.
     */
    private static void configureLogging(String[] args) {
        String levelProperty = "org.slf4j.simpleLogger.defaultLogLevel";
        if (System.getProperty(levelProperty) == null) {
            boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
            System.setProperty(levelProperty, verbose ? "info" : "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }

    /** Runs the tool and returns its exit code instead of exiting: the entry point for tests. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the tool with the given output streams, for tests that read what it prints. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(Main::exitCodeOf);
        cli.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            int code = exitCodeOf(e);
            if (code == EXIT_BAD_INPUT) {
                cmd.getErr().println("palimpsest " + cmd.getCommandName() + ": " + e.getMessage());
                cmd.getErr().flush();
                return code;
            }
            throw e;
        });
        return cli;
    }

    private static int exitCodeOf(Throwable e) {
        if (e instanceof CommandLine.ParameterException) {
            return EXIT_USAGE;
        }
        return e instanceof InputException || e instanceof CliInputException ? EXIT_BAD_INPUT : EXIT_INTERNAL_ERROR;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
