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
        subcommands = {NormaliseCommand.class, GenerateCommand.class, TokeniseCommand.class, KeygenCommand.class})
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

    public static void main(String[] args) {
        System.exit(run(args));
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
