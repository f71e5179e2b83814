package io.github.palimpsest.cli;

import io.github.palimpsest.privacy.DeploymentSecret;
import io.github.palimpsest.privacy.Tombstone;
import io.github.palimpsest.privacy.TombstoneCsv;
import io.github.palimpsest.privacy.TombstoneOptions;
import io.github.palimpsest.record.RecordCsvReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tokenise INPUT.csv... --key-file KEY --out TOKENS.csv}: one token row (a tombstone) per input
 * record, in order, in the token file format of {@link TombstoneCsv}. No name, date of birth, identifier,
 * postcode or address reaches the output in readable form.
 */
@Command(name = "tokenise", aliases = "tokenize", mixinStandardHelpOptions = true,
        description = {"Turn force record files into privacy-preserving tokens (tombstones) under a deployment key.",
                "Identifiers become keyed tokens; names, date of birth, postcode and address become hardened "
                        + "Bloom filters. See docs/privacy.md."})
final class TokeniseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT.csv", description = {"Record files in the canonical schema;",
            "with --upgrade, token files of format palimpsest-tombstone/3 or /2."})
    List<Path> inputs;

    @Option(names = "--key-file", required = true, paramLabel = "KEY",
            description = "The deployment key file (make one with 'keygen').")
    Path keyFile;

    @Option(names = "--out", required = true, paramLabel = "TOKENS.csv", description = "Where to write the tokens.")
    Path out;

    @Option(names = "--drop-force", description = "Do not keep the force code.")
    boolean dropForce;

    @Option(names = "--drop-event-date", description = "Do not keep the event date.")
    boolean dropEventDate;

    @Option(names = "--keep-event-type", description = "Keep the event type text (free text: check it first).")
    boolean keepEventType;

    @Option(names = "--upgrade", description = {"The inputs are token files of an earlier format "
            + "(palimpsest-tombstone/3, or /2 without an integrity line), made with this key: verify them (every "
            + "row's tag, and a /3 file's integrity line) and write them again in the current format. For "
            + "tombstones whose plain records are gone: an upgraded row has no surname_as_forename filter, which "
            + "only the plain record can give, so its names are compared crosswise through names_bloom alone. "
            + "Upgrade only /2 files you trust (a row deleted before the upgrade cannot be found)."})
    boolean upgrade;

    @Override
    public Integer call() throws IOException {
        try (OutputFiles files = OutputFiles.builder(spec.commandLine()).inputs(inputs).input("--key-file", keyFile)
                .output("--out", out).check()) {
            return tokenise(files);
        }
    }

    private int tokenise(OutputFiles files) throws IOException {
        if (upgrade && (dropForce || dropEventDate || keepEventType)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--upgrade writes the tokens as they "
                    + "are; --drop-force, --drop-event-date and --keep-event-type do not apply to it");
        }
        DeploymentSecret secret = DeploymentSecret.load(keyFile);
        try {
            if (upgrade) {
                return upgrade(files, secret);
            }
            TombstoneOptions options = TombstoneOptions.builder().keepForce(!dropForce)
                    .keepEventDate(!dropEventDate).keepEventType(keepEventType).build();
            List<Tombstone> tombstones = new ArrayList<>();
            // Record ids are unique across the inputs (RecordCsvReader), so the keyed references are too, as a
            // token file requires.
            RecordCsvReader.create().read(inputs, row -> tombstones.add(Tombstone.of(row.record(), secret, options)));
            long withoutEvidence = tombstones.stream().filter(t -> !t.hasEvidence()).count();
            TombstoneCsv.write(files.open(out).writer(), tombstones, secret);
            files.commit();
            PrintWriter err = spec.commandLine().getErr();
            err.printf("tokenised %d rows from %d file(s) into %s under key id %s; %d row(s) had nothing to "
                    + "tokenise%n", tombstones.size(), inputs.size(), OutputFiles.describe(out), secret.keyId(), withoutEvidence);
            err.flush();
            return Main.EXIT_OK;
        } finally {
            secret.destroy();
        }
    }

    /** {@code --upgrade}: token files of format 3 or 2, verified, written again in the current format. */
    private int upgrade(OutputFiles files, DeploymentSecret secret) throws IOException {
        List<Tombstone> tombstones = new ArrayList<>();
        Map<String, Path> fileOfReference = new HashMap<>();
        for (Path input : inputs) {
            for (Tombstone t : TombstoneCsv.readEarlierVersion(input, secret)) {
                Path first = fileOfReference.putIfAbsent(t.reference(), input);
                if (first != null) {
                    throw new CliInputException(input + ": a reference of this file is also in " + first
                            + "; references are unique in a token file, so these files cannot be joined into one");
                }
                tombstones.add(t);
            }
        }
        TombstoneCsv.write(files.open(out).writer(), tombstones, secret);
        files.commit();
        PrintWriter err = spec.commandLine().getErr();
        err.printf("upgraded %d rows from %d file(s) of an earlier format into %s (format %s) under key "
                + "id %s; every row's tag was verified%n", tombstones.size(), inputs.size(), OutputFiles.describe(out),
                TombstoneCsv.FORMAT, secret.keyId());
        err.flush();
        return Main.EXIT_OK;
    }
}
