package io.github.palimpsest.cli;

import io.github.palimpsest.privacy.DeploymentSecret;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keygen --out KEY}: writes a new random deployment key file, never over an existing file (exit code
 * 2, as {@link OutputFiles} refuses other outputs), atomically and owner-only from the start (see
 * {@link DeploymentSecret#writeKeyFile(Path)}).
 */
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
            throw refuse("keygen writes the key to a new file only; '-' (standard output) is not accepted");
        }
        checkDestination();
        DeploymentSecret secret = DeploymentSecret.generate();
        try {
            secret.writeKeyFile(out);
        } catch (FileAlreadyExistsException e) {
            // Made by someone else between the check above and the write.
            throw refuse(alreadyExists());
        } finally {
            secret.destroy();
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("wrote a new deployment key to %s (key id %s); keep it secret and keep a copy%n", out,
                secret.keyId());
        err.flush();
        return Main.EXIT_OK;
    }

    /** Refuses, before a key is made, what {@link OutputFiles} refuses for other outputs, and any existing file. */
    private void checkDestination() {
        if (Files.isDirectory(out)) {
            throw refuse("--out " + out + " is a directory; name a new file");
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(alreadyExists());
        }
        Path ancestor = out.toAbsolutePath().getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor != null && !Files.isDirectory(ancestor)) {
            throw refuse("--out " + out + " cannot be created: " + ancestor + " is not a directory");
        }
        if (ancestor != null && !Files.isWritable(ancestor)) {
            throw refuse("--out " + out + " cannot be written: the directory " + ancestor + " is not writable "
                    + "(the key is written beside its destination and then given its name)");
        }
    }

    private String alreadyExists() {
        return "--out " + out + " already exists; a key file is never overwritten (tokens made with the old key "
                + "would no longer link): name a new file";
    }

    private CommandLine.ParameterException refuse(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message + " (nothing was written)");
    }
}
