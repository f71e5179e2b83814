package io.github.palimpsest.cli;

import io.github.palimpsest.privacy.DeploymentSecret;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keygen --out KEY}: writes a new random deployment key file, never over an existing file. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Write a new random deployment key (256 bits) for 'tokenise'.",
                "Keep it apart from token files; every party whose tokens should link needs the same key."})
final class KeygenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "KEY", description = "The key file to create.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (OutputFiles.isStandardOutput(out)) {
            // A key is a file made owner-only and never replaced; standard output is neither.
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "keygen writes the key to a new file only; '-' (standard output) is not accepted");
        }
        DeploymentSecret secret = DeploymentSecret.generate();
        try {
            secret.writeKeyFile(out);
        } catch (FileAlreadyExistsException e) {
            throw new CliInputException(out + ": already exists; a key file is never overwritten (tokens made "
                    + "with the old key would no longer link)");
        } finally {
            secret.destroy();
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("wrote a new deployment key to %s (key id %s); keep it secret and keep a copy%n", out,
                secret.keyId());
        err.flush();
        return Main.EXIT_OK;
    }
}
