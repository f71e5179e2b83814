package io.github.palimpsest.synthetic;

import io.github.palimpsest.record.PersonRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The tables of {@link NameOrigin#INVENTED}: forenames by sex and common surnames built from open
 * consonant–vowel syllables, none of them a name of the British tables, each table weighted rank by rank
 * with the weights of its British counterpart (so names recur among strangers as often as British ones
 * do), and a Zipf-shaped tail of rare surnames computed from their rank. Built once from a fixed seed, so
 * the same in every run; immutable and thread-safe.
 */
final class InventedNames {

    private static final String[] ONSETS = {
        "k", "t", "n", "m", "s", "r", "h", "y", "g", "d", "b", "p", "z", "v", "ts", "ny", "ky", "sh", "w", "",
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "o", "i"};
    private static final String[] FEMALE_ENDINGS = {"a", "i", "e", "ka", "mi", "na", "ra", "ni"};
    private static final String[] MALE_ENDINGS = {"o", "u", "to", "ro", "en", "ar", "di", "ko"};
    /** Rare surnames in the tail; their ranks continue after the common table's. */
    private static final int TAIL = 100_000;
    private static final double EXPONENT = 1.08;

    static final WeightedNames MALE_FORENAMES = table(11, NameData.MALE_FORENAMES, 1, 2, MALE_ENDINGS);
    static final WeightedNames FEMALE_FORENAMES = table(12, NameData.FEMALE_FORENAMES, 1, 2, FEMALE_ENDINGS);
    static final WeightedNames SURNAMES = table(13, NameData.SURNAMES, 2, 3, null);
    /** Ranks of the tail continue after the common table's. */
    private static final int COMMON_SURNAMES = NameData.SURNAMES.weightsHeaviestFirst().length;

    private static final double LOW = Math.pow(COMMON_SURNAMES + 1, 1 - EXPONENT);
    private static final double HIGH = Math.pow(COMMON_SURNAMES + TAIL + 1, 1 - EXPONENT);

    private InventedNames() {
    }

    /** A tail surname drawn with probability proportional to rank^-1.08, ranks after the common table. */
    static String rareSurname(SplittableRandom rng) {
        double x = Math.pow(LOW + rng.nextDouble() * (HIGH - LOW), 1 / (1 - EXPONENT));
        int rank = Math.max(1, Math.min(TAIL, (int) Math.floor(x) - COMMON_SURNAMES));
        // Each rank seeds its own name: four syllables keep the tail apart from the common table's and from
        // every British name, none of which is eight letters of open syllables.
        return capitalised(syllables(new SplittableRandom(0x5EED_0000L + rank), 4, 4, null));
    }

    private static WeightedNames table(long seed, WeightedNames british, int minSyllables, int maxSyllables,
                                       String[] endings) {
        double[] shape = british.weightsHeaviestFirst();
        SplittableRandom rng = new SplittableRandom(seed);
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < shape.length) {
            String name = capitalised(syllables(rng, minSyllables, maxSyllables, endings));
            if (!isBritish(name) && keptAsAName(name)) {
                names.add(name);
            }
        }
        List<Double> weights = new ArrayList<>(shape.length);
        for (double w : shape) {
            weights.add(w);
        }
        return new WeightedNames(new ArrayList<>(names), weights);
    }

    /**
     * Whether the library's name parser keeps {@code name} as a forename and as a surname: open syllables can
     * spell a title or an honour ("Obe"), which it rightly drops, and a person needs a name that survives.
     */
    private static boolean keptAsAName(String name) {
        PersonRecord asForename = PersonRecord.builder().recordId("x").forename(name).surname("Ottoway").build();
        PersonRecord asSurname = PersonRecord.builder().recordId("x").forename("Quillon").surname(name).build();
        return asForename.name().forename().equalsIgnoreCase(name) && asSurname.name().surname().equalsIgnoreCase(name);
    }

    private static boolean isBritish(String name) {
        return NameData.MALE_FORENAMES.contains(name) || NameData.FEMALE_FORENAMES.contains(name)
                || NameData.SURNAMES.contains(name) || NameData.hasVariant(name);
    }

    private static String syllables(SplittableRandom rng, int min, int max, String[] endings) {
        StringBuilder name = new StringBuilder();
        int count = min + rng.nextInt(max - min + 1);
        for (int i = 0; i < count; i++) {
            name.append(ONSETS[rng.nextInt(ONSETS.length)]).append(VOWELS[rng.nextInt(VOWELS.length)]);
        }
        if (endings != null) {
            name.append(endings[rng.nextInt(endings.length)]);
        }
        return name.toString();
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
