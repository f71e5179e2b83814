package io.github.palimpsest.cli;

import io.github.palimpsest.cluster.EntityIds;
import io.github.palimpsest.internal.Decimals;
import io.github.palimpsest.privacy.DeploymentSecret;
import io.github.palimpsest.privacy.TokenLink;
import io.github.palimpsest.privacy.TokenLinkResult;
import io.github.palimpsest.privacy.TokenLinker;
import io.github.palimpsest.privacy.Tombstone;
import io.github.palimpsest.privacy.TombstoneCsv;
import io.github.palimpsest.privacy.TombstoneOptions;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import io.github.palimpsest.score.MatchModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code link} over token files (made by {@code tokenise}) and plain-text files together: every plain record
 * is tokenised under the same key, then the pool is linked through tokens alone by {@link TokenLinker}.
 * Records are named by the input file and their reference: a token row's reference, or a plain record's own
 * record id (it never leaves the machine that holds the plain file). A pool of fewer than 1,000 records is
 * scored with the bundled token model, as {@link TokenLinker} does, unless {@code --model} is given.
 */
final class TokenLinking {

    static final List<String> CLUSTER_COLUMNS = List.of("input", "reference", "entity_id");
    static final List<String> LINK_COLUMNS = List.of("left_input", "left_reference", "right_input",
            "right_reference", "match_weight", "match_probability", "evidence");

    private TokenLinking() {
    }

    /**
     * Whether a file is a token file of any version (its first line is a token file's integrity line or
     * header; a leading byte-order mark is ignored), so that it is read, and refused if need be, as one.
     */
    static boolean isTokenFile(Path file) {
        try {
            return TombstoneCsv.looksLikeTokenFile(file);
        } catch (NoSuchFileException e) {
            throw new CliInputException(file + ": no such file", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            // Not readable as UTF-8 text: the plain-text reader gives the precise error.
            return false;
        }
    }

    /** The tombstones of every input, in order, and the input each came from. */
    private record Pool(List<Tombstone> tombstones, List<String> inputs) {
    }

    static int run(LinkCommand command, OutputFiles files, Path keyFile, boolean oneToOne, MatchModel model, int workers)
            throws IOException {
        DeploymentSecret secret = DeploymentSecret.load(keyFile);
        Pool pool;
        try {
            pool = read(command.inputs, secret);
        } finally {
            secret.destroy();
        }
        if (pool.tombstones().size() < 2 && model == null) {
            throw new CliInputException("training a model needs at least two records, but the input holds "
                    + pool.tombstones().size() + "; pass a trained model with --model");
        }
        TokenLinker.Builder builder = TokenLinker.builder().thresholdProbability(command.threshold)
                .seed(command.seed).threads(workers).oneToOne(oneToOne);
        TokenLinker linker;
        try {
            if (model != null) {
                builder.model(model);
            }
            linker = builder.build();
        } catch (IllegalArgumentException e) {
            throw new CliInputException(command.modelIn + ": not a model of token comparisons: " + e.getMessage(), e);
        }
        TokenLinkResult result = oneToOne ? linker.link(pool.tombstones(), pool.inputs())
                : linker.link(pool.tombstones());
        write(command, files, pool, result);
        printSummary(files.summary(), result, model != null);
        return Main.EXIT_OK;
    }

    private static Pool read(List<Path> inputs, DeploymentSecret secret) {
        List<Tombstone> tombstones = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            if (isTokenFile(input)) {
                // Verified: the key id must match, every row's integrity tag and the file's MAC must hold.
                for (Tombstone t : TombstoneCsv.read(input, secret)) {
                    tombstones.add(t);
                    names.add(name);
                }
            } else {
                RecordCsvReader.create().read(List.of(input), row -> {
                    tombstones.add(tokenise(row.record(), secret));
                    names.add(name);
                });
            }
        }
        return new Pool(tombstones, names);
    }

    /** A local record keeps its own record id as its reference, so the output names it as the input did. */
    private static Tombstone tokenise(PersonRecord record, DeploymentSecret secret) {
        try {
            return Tombstone.of(record, secret, TombstoneOptions.defaults(), record.recordId());
        } catch (IllegalArgumentException e) {
            // A record id that cannot be a reference (blank, too long, control characters): the keyed default.
            return Tombstone.of(record, secret, TombstoneOptions.defaults());
        }
    }

    private static void write(LinkCommand command, OutputFiles files, Pool pool, TokenLinkResult result)
            throws IOException {
        // The result hands back the pool's own tombstone objects: their place in the pool names their input.
        Map<Tombstone, Integer> places = new IdentityHashMap<>();
        for (int r = 0; r < pool.tombstones().size(); r++) {
            places.put(pool.tombstones().get(r), r);
        }
        String[] entityOf = entityIds(pool, result, places);
        AtomicOutput clusters = files.open(command.clustersOut);
        CSVPrinter csv = Csv.printer(clusters.writer(), CLUSTER_COLUMNS);
        for (int r = 0; r < result.recordCount(); r++) {
            csv.printRecord(pool.inputs().get(r), pool.tombstones().get(r).reference(), entityOf[r]);
        }
        csv.flush();
        if (command.linksOut != null) {
            AtomicOutput links = files.open(command.linksOut);
            CSVPrinter linkCsv = Csv.printer(links.writer(), LINK_COLUMNS);
            for (TokenLink link : result.links()) {
                int a = places.get(link.left());
                int b = places.get(link.right());
                linkCsv.printRecord(pool.inputs().get(a), link.left().reference(),
                        pool.inputs().get(b), link.right().reference(),
                        Decimals.fixed(link.matchWeight(), 4), Decimals.fixed(link.probability(), 6),
                        link.explanation().summary());
            }
            linkCsv.flush();
        }
        if (command.modelOut != null) {
            Writer model = files.open(command.modelOut).writer();
            model.write(result.model().toJson());
        }
        files.commit();
    }

    /**
     * Stable entity ids, anchored on {@code input:reference}; a name that repeats (the same reference twice
     * in one input) is told apart by its position. The id of every record, by its place in the pool.
     */
    private static String[] entityIds(Pool pool, TokenLinkResult result, Map<Tombstone, Integer> places) {
        List<String> names = new ArrayList<>(pool.tombstones().size());
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < pool.tombstones().size(); r++) {
            String name = pool.inputs().get(r) + ":" + pool.tombstones().get(r).reference();
            names.add(seen.add(name) ? name : name + "#" + r);
        }
        List<List<String>> people = new ArrayList<>(result.people().size());
        for (List<Tombstone> person : result.people()) {
            people.add(person.stream().map(t -> names.get(places.get(t))).toList());
        }
        List<String> ids = EntityIds.people().assign(people);
        String[] entityOf = new String[pool.tombstones().size()];
        for (int k = 0; k < people.size(); k++) {
            for (Tombstone t : result.people().get(k)) {
                entityOf[places.get(t)] = ids.get(k);
            }
        }
        return entityOf;
    }

    private static void printSummary(PrintWriter out, TokenLinkResult result, boolean modelGiven) {
        long multiForce = result.people().stream()
                .filter(person -> person.stream().flatMap(t -> t.force().stream()).distinct().count() > 1)
                .count();
        out.printf(Locale.ROOT, "records: %d%n", result.recordCount());
        out.printf(Locale.ROOT, "candidate pairs: %d%n", result.candidatePairCount());
        out.printf(Locale.ROOT, "links: %d%n", result.links().size());
        out.printf(Locale.ROOT, "people: %d%n", result.people().size());
        out.printf(Locale.ROOT, "people seen by more than one force: %d%n", multiForce);
        out.printf(Locale.ROOT, "linked through tokens alone%n");
        // Say which model scored: a pool too small to train on uses the bundled one (docs/privacy.md).
        out.printf(Locale.ROOT, "model: %s%n", result.isModelTrained() ? "trained on the input"
                : modelGiven ? "given with --model" : "bundled token model (too few records to train on)");
        out.flush();
    }
}
