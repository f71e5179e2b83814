package io.github.palimpsest.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the command-line tool. Exit codes: 0 success, 1 bad input, 2 usage error.
 */
@Command(name = "palimpsest",
        mixinStandardHelpOptions = true,
        description = "Cross-force record matching: normalise, link and explain police records about people.",
        subcommands = {GenerateCommand.class})
public final class Main implements Runnable {

    /** Exit code for a run that completed. */
    public static final int EXIT_OK = 0;
    /** Exit code for input that could not be read (file, line and field are reported). */
    public static final int EXIT_BAD_INPUT = 1;
    /** Exit code for a command line that could not be understood. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code instead of exiting: the entry point for tests. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> e instanceof CliInputException ? EXIT_BAD_INPUT : EXIT_USAGE);
        cli.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof CliInputException) {
                cmd.getErr().println("palimpsest: " + e.getMessage());
                cmd.getErr().flush();
                return EXIT_BAD_INPUT;
            }
            throw e;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
