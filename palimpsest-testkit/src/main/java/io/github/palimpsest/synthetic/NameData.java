package io.github.palimpsest.synthetic;

import com.google.common.collect.ImmutableListMultimap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The shipped name tables: forenames by sex and surnames with approximate weights, and the generator's
 * own table of spelling variants and nicknames. Loaded once, immutable, thread-safe.
 */
final class NameData {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setTrim(true).get();

    static final WeightedNames MALE_FORENAMES = loadWeighted("forenames_male.csv");
    static final WeightedNames FEMALE_FORENAMES = loadWeighted("forenames_female.csv");
    static final WeightedNames SURNAMES = loadWeighted("surnames.csv");
    private static final ImmutableListMultimap<String, String> VARIANTS = loadVariants("name_variants.csv");

    private NameData() {
    }

    static WeightedNames forenames(boolean female) {
        return female ? FEMALE_FORENAMES : MALE_FORENAMES;
    }

    /** Whether the table holds a variant of {@code name}. */
    static boolean hasVariant(String name) {
        return VARIANTS.containsKey(name);
    }

    /** One of the recorded variants of {@code name}; call only when {@link #hasVariant} holds. */
    static String variant(String name, SplittableRandom rng) {
        List<String> options = VARIANTS.get(name);
        return options.get(rng.nextInt(options.size()));
    }

    private static WeightedNames loadWeighted(String resource) {
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (CSVRecord r : read(resource)) {
            names.add(r.get("name"));
            weights.add(Double.parseDouble(r.get("weight")));
        }
        return new WeightedNames(names, weights);
    }

    private static ImmutableListMultimap<String, String> loadVariants(String resource) {
        ImmutableListMultimap.Builder<String, String> b = ImmutableListMultimap.builder();
        for (CSVRecord r : read(resource)) {
            b.put(r.get("name"), r.get("variant"));
        }
        return b.build();
    }

    private static List<CSVRecord> read(String resource) {
        try (InputStream in = NameData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " beside " + NameData.class.getName());
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return FORMAT.parse(reader).getRecords();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
