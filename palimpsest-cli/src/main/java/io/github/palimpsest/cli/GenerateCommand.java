package io.github.palimpsest.cli;

import io.github.palimpsest.synthetic.CorruptionProfile;
import io.github.palimpsest.synthetic.NameOrigin;
import io.github.palimpsest.synthetic.SyntheticForces;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate}: writes synthetic cross-force records in the canonical schema and their ground truth.
 *
 * <pre>
 * java -jar palimpsest-cli/target/palimpsest.jar generate --people 10000 --seed 42 --out records.csv --truth truth.csv
 * </pre>
 */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {"Generate fictional people and the records several forces hold about them, with the "
                + "ground truth. Same seed and options, same bytes."})
final class GenerateCommand implements Callable<Integer> {

    /**
     * The named profiles: a corruption profile, and for {@link #SINGLE_FORCE} one source only (the first
     * of {@code --forces}), so that linkage is deduplication within one force's records.
     */
    enum Profile {
        DEFAULT, CLEAN, HARD, PURGE_HEAVY, NO_DOB, HEAVY_TYPOS, SINGLE_FORCE, INVENTED_NAMES;

        CorruptionProfile toProfile() {
            switch (this) {
                case CLEAN:
                    return CorruptionProfile.clean();
                case HARD:
                    return CorruptionProfile.hard();
                case PURGE_HEAVY:
                    return CorruptionProfile.purgeHeavy();
                case NO_DOB:
                    return CorruptionProfile.noDatesOfBirth();
                case HEAVY_TYPOS:
                    return CorruptionProfile.heavyTypos();
                case INVENTED_NAMES:
                    return CorruptionProfile.defaults().toBuilder().names(NameOrigin.INVENTED).build();
                default:
                    return CorruptionProfile.defaults();
            }
        }

        /** The forces records are drawn from, given those asked for. */
        List<String> forces(List<String> asked) {
            return this == SINGLE_FORCE ? asked.subList(0, Math.min(1, asked.size())) : asked;
        }

        /** The name as written on the command line: lower case, words joined by hyphens. */
        String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static String cliNames() {
            return java.util.Arrays.stream(values()).map(Profile::cliName)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--people", required = true, paramLabel = "N", description = "Number of people (at least 1).")
    long people;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "RECORDS.csv", description = "Records file to write.")
    Path out;

    @Option(names = "--truth", required = true, paramLabel = "TRUTH.csv",
            description = "Truth file to write: record_id,entity_id.")
    Path truth;

    @Option(names = "--forces", split = ",", paramLabel = "CODE",
            description = "Force codes, comma-separated (default 01,41,44,47).")
    List<String> forces = SyntheticForces.DEFAULT_FORCES;

    @Option(names = "--profile", defaultValue = "default", paramLabel = "PROFILE",
            converter = ProfileConverter.class,
            description = "Profile: default, clean, hard, purge-heavy (15%% of records purged), no-dob (no"
                    + " dates of birth), heavy-typos (30%% of names with a typo), single-force (one source"
                    + " only, the first of --forces) or invented-names (the default damage to people with"
                    + " invented, non-English names); see docs/synthetic-data.md (default ${DEFAULT-VALUE}).")
    Profile profile;

    @Option(names = "--rare-surnames", paramLabel = "SHARE",
            description = "Share of surnames drawn from the long tail of rare ones, in [0, 1] (default: the"
                    + " profile's, 0.55); 0 keeps to the table of common surnames, where strangers share"
                    + " names far more often.")
    Double rareSurnames;

    @Override
    public Integer call() {
        SyntheticForces generator;
        try {
            generator = SyntheticForces.builder().people(people).seed(seed).forces(profile.forces(forces))
                    .profile(rareSurnames == null ? profile.toProfile()
                            : profile.toProfile().toBuilder().rareSurnameRate(rareSurnames).build())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        long count;
        try (OutputFiles files = OutputFiles.builder(spec.commandLine()).output("--out", out)
                .output("--truth", truth).check()) {
            try {
                count = generator.writeCsv(files.open(out).writer(), files.open(truth).writer());
                files.commit();
            } catch (IOException e) {
                throw new CliInputException("cannot write " + OutputFiles.describe(out) + " or "
                        + OutputFiles.describe(truth) + ": " + e.getMessage(), e);
            }
            PrintWriter summary = files.summary();
            summary.printf("wrote %d records about %d people to %s, truth to %s%n",
                    count, people, OutputFiles.describe(out), OutputFiles.describe(truth));
            summary.flush();
        }
        return Main.EXIT_OK;
    }

    /** Reads a profile name in any case. */
    static final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            for (Profile p : Profile.values()) {
                if (p.cliName().equalsIgnoreCase(value.trim().replace('_', '-'))) {
                    return p;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "unknown profile '" + value + "'; use one of " + Profile.cliNames());
        }
    }
}
