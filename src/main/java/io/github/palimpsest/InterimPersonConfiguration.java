package io.github.palimpsest;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.compare.TermFrequencyComparison;
import io.github.palimpsest.normalise.Nicknames;
import io.github.palimpsest.normalise.Sex;
import io.github.palimpsest.record.ComparableRecord;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * A stop-gap person configuration, so that the pipeline and the command line work before the standard
 * comparisons and blocking rules ({@code compare.PersonComparisons}, {@code block.PersonBlockingRules})
 * are merged. Deliberately small: a few levels per field. Delete when {@link Defaults} points at the
 * standard configuration.
 */
final class InterimPersonConfiguration {
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private InterimPersonConfiguration() {
    }

    static List<Comparison<ComparableRecord>> comparisons() {
        return List.of(
                new Simple("forename", levels("exact", "nickname", "similar", "initial", "else"),
                        InterimPersonConfiguration::forename, -1, null),
                new Simple("surname", levels("exact", "alias or previous", "similar", "else"),
                        InterimPersonConfiguration::surname, 0, ComparableRecord::surname),
                new Simple("dob", levels("exact", "day and month swapped", "one part different", "else"),
                        InterimPersonConfiguration::dateOfBirth, -1, null),
                identifier("pnc_id", ComparableRecord::pncId),
                identifier("cro_number", ComparableRecord::croNumber),
                identifier("ni_number", ComparableRecord::niNumber),
                identifier("driving_licence", ComparableRecord::drivingLicence),
                new Simple("phone", levels("exact", "else"), (a, b) -> equality(a.phone(), b.phone(), 2), -1, null),
                new Simple("postcode", levels("exact", "same district", "else"),
                        InterimPersonConfiguration::postcode, -1, null),
                new Simple("sex", levels("same", "different"), InterimPersonConfiguration::sex, -1, null));
    }

    static List<BlockingRule<ComparableRecord>> blockingRules() {
        return List.of(
                BlockingRule.of("pnc_id", (r, keys) -> keys.accept(r.pncId())),
                BlockingRule.of("cro_number", (r, keys) -> keys.accept(r.croNumber())),
                BlockingRule.of("ni_number", (r, keys) -> keys.accept(r.niNumber())),
                BlockingRule.of("driving_licence", (r, keys) -> keys.accept(r.drivingLicence())),
                BlockingRule.of("phone", (r, keys) -> keys.accept(r.phone()), ComparableRecord::surname),
                BlockingRule.of("surname_phonetic+birth_year", (r, keys) -> {
                    if (!r.surnamePhonetic().isEmpty() && r.dateOfBirth() != 0) {
                        keys.accept(r.surnamePhonetic() + "|" + r.dateOfBirth() / 10_000);
                    }
                }, ComparableRecord::forename),
                BlockingRule.of("alias_surname+dob", (r, keys) -> {
                    if (r.dateOfBirth() != 0) {
                        r.surnameVariants().forEach(s -> keys.accept(s + "|" + r.dateOfBirth()));
                        r.aliasSurnames().forEach(s -> keys.accept(s + "|" + r.dateOfBirth()));
                    }
                }),
                BlockingRule.of("forename_phonetic+dob", (r, keys) -> {
                    if (!r.forenamePhonetic().isEmpty() && r.dateOfBirth() != 0) {
                        keys.accept(r.forenamePhonetic() + "|" + r.dateOfBirth());
                    }
                }),
                BlockingRule.of("dob+district", (r, keys) -> {
                    if (r.dateOfBirth() != 0 && !r.postcodeDistrict().isEmpty()) {
                        keys.accept(r.dateOfBirth() + "|" + r.postcodeDistrict());
                    }
                }));
    }

    private static List<ComparisonLevel> levels(String... labels) {
        ComparisonLevel[] all = new ComparisonLevel[labels.length + 1];
        for (int i = 0; i < labels.length; i++) {
            all[i] = ComparisonLevel.of(labels[i]);
        }
        all[labels.length] = ComparisonLevel.neutral("missing");
        return List.of(all);
    }

    private static Comparison<ComparableRecord> identifier(String name, Function<ComparableRecord, String> value) {
        return new Simple(name, levels("exact", "different"),
                (a, b) -> equality(value.apply(a), value.apply(b), 2), -1, null);
    }

    /** 0 when equal, 1 when different, {@code missing} when either is empty. */
    private static int equality(String a, String b, int missing) {
        if (a.isEmpty() || b.isEmpty()) {
            return missing;
        }
        return a.equals(b) ? 0 : 1;
    }

    private static int forename(ComparableRecord a, ComparableRecord b) {
        if (a.forename().isEmpty() || b.forename().isEmpty()) {
            return 5;
        }
        if (a.forename().equals(b.forename())) {
            return 0;
        }
        if (a.isForenameInitial() || b.isForenameInitial()) {
            return a.forename().charAt(0) == b.forename().charAt(0) ? 3 : 4;
        }
        if (Nicknames.standard().areEquivalent(a.forename(), b.forename())) {
            return 1;
        }
        return JARO_WINKLER.apply(a.forename(), b.forename()) >= 0.88 ? 2 : 4;
    }

    private static int surname(ComparableRecord a, ComparableRecord b) {
        if (a.surname().isEmpty() || b.surname().isEmpty()) {
            return a.surnameMatchesAlias(b) ? 1 : 4;
        }
        if (a.surname().equals(b.surname())) {
            return 0;
        }
        if (a.surnameMatchesAlias(b) || a.sharesSurnameVariant(b)) {
            return 1;
        }
        boolean phonetic = a.surnamePhonetic().equals(b.surnamePhonetic()) && !a.surnamePhonetic().isEmpty();
        return phonetic || JARO_WINKLER.apply(a.surname(), b.surname()) >= 0.9 ? 2 : 3;
    }

    private static int dateOfBirth(ComparableRecord a, ComparableRecord b) {
        int x = a.dateOfBirth();
        int y = b.dateOfBirth();
        if (x == 0 || y == 0) {
            return 4;
        }
        if (x == y) {
            return 0;
        }
        int yearX = x / 10_000;
        int monthX = x / 100 % 100;
        int dayX = x % 100;
        int yearY = y / 10_000;
        int monthY = y / 100 % 100;
        int dayY = y % 100;
        if (yearX == yearY && monthX == dayY && dayX == monthY) {
            return 1;
        }
        int same = (yearX == yearY ? 1 : 0) + (monthX == monthY ? 1 : 0) + (dayX == dayY ? 1 : 0);
        return same == 2 ? 2 : 3;
    }

    private static int postcode(ComparableRecord a, ComparableRecord b) {
        if (a.postcode().isEmpty() || b.postcode().isEmpty()) {
            return 3;
        }
        if (a.postcode().equals(b.postcode())) {
            return 0;
        }
        return !a.postcodeDistrict().isEmpty() && a.postcodeDistrict().equals(b.postcodeDistrict()) ? 1 : 2;
    }

    private static int sex(ComparableRecord a, ComparableRecord b) {
        if (a.sex() == Sex.UNKNOWN || b.sex() == Sex.UNKNOWN) {
            return 2;
        }
        return a.sex() == b.sex() ? 0 : 1;
    }

    /** A comparison from a name, levels and a level function; term-frequency adjusted when tfLevel ≥ 0. */
    private static final class Simple implements TermFrequencyComparison<ComparableRecord> {
        private final String name;
        private final List<ComparisonLevel> levels;
        private final ToIntBiFunction<ComparableRecord, ComparableRecord> level;
        private final int tfLevel;
        private final Function<ComparableRecord, String> tfValue;

        Simple(String name, List<ComparisonLevel> levels, ToIntBiFunction<ComparableRecord, ComparableRecord> level,
               int tfLevel, Function<ComparableRecord, String> tfValue) {
            this.name = name;
            this.levels = levels;
            this.level = level;
            this.tfLevel = tfLevel;
            this.tfValue = tfValue;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<ComparisonLevel> levels() {
            return levels;
        }

        @Override
        public int level(ComparableRecord left, ComparableRecord right) {
            return level.applyAsInt(left, right);
        }

        @Override
        public int termFrequencyLevel() {
            return tfLevel;
        }

        @Override
        public String termFrequencyValue(ComparableRecord record) {
            return tfValue == null ? "" : tfValue.apply(record);
        }
    }
}
