package io.github.palimpsest.synthetic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rates at which the generator damages records and plants hard negatives. Immutable and
 * thread-safe; build one with {@link #builder()} or start from a named profile: {@link #defaults()},
 * {@link #clean()}, {@link #hard()}, {@link #purgeHeavy()}, {@link #noDatesOfBirth()} or
 * {@link #heavyTypos()}.
 *
 * <pre>{@code
 * CorruptionProfile profile = CorruptionProfile.defaults().toBuilder()
 *     .rate(Corruption.TYPO, 0.10)
 *     .twinRate(0.05)
 *     .build();
 * }</pre>
 *
 * <p>See {@code docs/synthetic-data.md} for the default rates and why they were chosen. The four
 * date-of-birth corruptions are exclusive (a record gets at most one), so their rates must sum to at
 * most 1; so must the three hard-negative rates, which are shares of households.
 */
public final class CorruptionProfile {

    /** The default {@link #rareSurnameRate()}. */
    public static final double DEFAULT_RARE_SURNAME_RATE = 0.55;

    private final EnumMap<Corruption, Double> rates;
    private final double maidenAliasRate;
    private final double purgeDateOfBirthRate;
    private final double twinRate;
    private final double parentChildRate;
    private final double commonNameRate;
    private final double rareSurnameRate;
    private final boolean allowsUnidentifiableRecords;
    private final boolean recordsDatesOfBirth;
    private final NameOrigin names;

    private CorruptionProfile(Builder b) {
        this.rates = new EnumMap<>(b.rates);
        this.maidenAliasRate = b.maidenAliasRate;
        this.purgeDateOfBirthRate = b.purgeDateOfBirthRate;
        this.twinRate = b.twinRate;
        this.parentChildRate = b.parentChildRate;
        this.commonNameRate = b.commonNameRate;
        this.rareSurnameRate = b.rareSurnameRate;
        this.allowsUnidentifiableRecords = b.allowsUnidentifiableRecords;
        this.recordsDatesOfBirth = b.recordsDatesOfBirth;
        this.names = b.names;
    }

    /** The default rates: moderately messy data, as described in {@code docs/synthetic-data.md}. */
    public static CorruptionProfile defaults() {
        return builder()
                .rate(Corruption.TYPO, 0.05)
                .rate(Corruption.NAME_VARIANT, 0.08)
                .rate(Corruption.INITIALS_ONLY, 0.03)
                .rate(Corruption.MISSING_MIDDLE_NAME, 0.30)
                .rate(Corruption.NAMES_SWAPPED, 0.02)
                .rate(Corruption.HYPHENATED_PART, 0.30)
                .rate(Corruption.MARRIED_SURNAME, 0.30)
                .rate(Corruption.DOB_DAY_MONTH_SWAPPED, 0.02)
                .rate(Corruption.DOB_DIGIT_WRONG, 0.02)
                .rate(Corruption.DOB_YEAR_OFF_BY_ONE, 0.01)
                .rate(Corruption.DOB_FIRST_OF_JANUARY, 0.01)
                .rate(Corruption.MISSING_FIELDS, 0.10)
                .rate(Corruption.MOVED_ADDRESS, 0.20)
                .rate(Corruption.PURGED, 0.02)
                .maidenAliasRate(0.5)
                .purgeDateOfBirthRate(0.3)
                .twinRate(0.01)
                .parentChildRate(0.02)
                .commonNameRate(0.03)
                .build();
    }

    /** No corruption and no hard negatives: every record is its person written in its force's style. */
    public static CorruptionProfile clean() {
        return builder().build();
    }

    /** Roughly three times the default corruption rates and five times the hard negatives. */
    public static CorruptionProfile hard() {
        CorruptionProfile base = defaults();
        Builder b = builder();
        for (Corruption c : Corruption.values()) {
            b.rate(c, Math.min(0.9, base.rate(c) * 3));
        }
        return b.rate(Corruption.MISSING_MIDDLE_NAME, 0.6)
                .rate(Corruption.HYPHENATED_PART, 0.5)
                .rate(Corruption.MARRIED_SURNAME, 0.5)
                .maidenAliasRate(0.3)
                .purgeDateOfBirthRate(0.5)
                .twinRate(0.05)
                .parentChildRate(0.10)
                .commonNameRate(0.15)
                .build();
    }

    /**
     * The default rates with many more records purged under retention rules (15% instead of 2%, half of
     * them losing the date of birth too): records that only identifiers, address and contact can link.
     */
    public static CorruptionProfile purgeHeavy() {
        return defaults().toBuilder()
                .rate(Corruption.PURGED, 0.15)
                .purgeDateOfBirthRate(0.5)
                .build();
    }

    /**
     * The default rates, but no force records dates of birth: linkage must rest on names, identifiers,
     * address and contact, as in sources (some lists, old registers) that never held one.
     */
    public static CorruptionProfile noDatesOfBirth() {
        return defaults().toBuilder().recordsDatesOfBirth(false).build();
    }

    /**
     * The default rates with six times the keying errors: 30% of records have a typo in a name and 6% a
     * wrong digit in the date of birth.
     */
    public static CorruptionProfile heavyTypos() {
        return defaults().toBuilder()
                .rate(Corruption.TYPO, 0.30)
                .rate(Corruption.DOB_DIGIT_WRONG, 0.06)
                .build();
    }

    /** A builder with every rate zero. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this profile's settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.rates.putAll(rates);
        b.maidenAliasRate = maidenAliasRate;
        b.purgeDateOfBirthRate = purgeDateOfBirthRate;
        b.twinRate = twinRate;
        b.parentChildRate = parentChildRate;
        b.commonNameRate = commonNameRate;
        b.rareSurnameRate = rareSurnameRate;
        b.allowsUnidentifiableRecords = allowsUnidentifiableRecords;
        b.recordsDatesOfBirth = recordsDatesOfBirth;
        b.names = names;
        return b;
    }

    /** The rate of {@code corruption}, in [0, 1] (see {@link Corruption} for what it is a rate of). */
    public double rate(Corruption corruption) {
        return rates.getOrDefault(checkNotNull(corruption, "corruption"), 0.0);
    }

    /** Share of a married woman's post-marriage records that carry her maiden name as an alias. */
    public double maidenAliasRate() {
        return maidenAliasRate;
    }

    /** Share of purged records whose date of birth is removed as well as the names. */
    public double purgeDateOfBirthRate() {
        return purgeDateOfBirthRate;
    }

    /** Share of households that are a pair of twins: same surname, date of birth and address. */
    public double twinRate() {
        return twinRate;
    }

    /** Share of households that are a parent and child with the same forename, surname and address. */
    public double parentChildRate() {
        return parentChildRate;
    }

    /** Share of people given one of a handful of very common name pairs (John Smith, Mohammed Khan ...). */
    public double commonNameRate() {
        return commonNameRate;
    }

    /**
     * Share of surname draws taken from the generator's long tail of composed rare surnames instead of
     * its table of common ones (default {@value #DEFAULT_RARE_SURNAME_RATE}, so that the commonest
     * surname covers about 1.2% of people as in Britain). 0 gives the closed vocabulary of the table
     * alone, a harder test in which strangers share names far more often than in life.
     */
    public double rareSurnameRate() {
        return rareSurnameRate;
    }

    /**
     * Whether a record may be left with no identifying field at all (no name, date of birth, PNC ID,
     * CRO number, NI number or driving licence). When false, the generator restores the date of birth
     * (or, failing that, the surname) of a record that corruption stripped bare.
     */
    public boolean allowsUnidentifiableRecords() {
        return allowsUnidentifiableRecords;
    }

    /**
     * Whether records carry a date of birth at all (default true). When false every record's date of
     * birth is blank, and a purged record that would then identify no one keeps its names instead (unless
     * {@link #allowsUnidentifiableRecords()}), since there is no date of birth to restore.
     */
    public boolean recordsDatesOfBirth() {
        return recordsDatesOfBirth;
    }

    /**
     * Where the people's names come from (default {@link NameOrigin#BRITISH}). Like
     * {@link #rareSurnameRate()} it shapes the population rather than damaging it; with
     * {@link NameOrigin#INVENTED} the name-variant corruption finds no variants and leaves names alone.
     */
    public NameOrigin names() {
        return names;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CorruptionProfile)) {
            return false;
        }
        CorruptionProfile p = (CorruptionProfile) o;
        return rates.equals(p.rates) && maidenAliasRate == p.maidenAliasRate
                && purgeDateOfBirthRate == p.purgeDateOfBirthRate && twinRate == p.twinRate
                && parentChildRate == p.parentChildRate && commonNameRate == p.commonNameRate
                && rareSurnameRate == p.rareSurnameRate
                && allowsUnidentifiableRecords == p.allowsUnidentifiableRecords
                && recordsDatesOfBirth == p.recordsDatesOfBirth && names == p.names;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rates, maidenAliasRate, purgeDateOfBirthRate, twinRate, parentChildRate,
                commonNameRate, rareSurnameRate, allowsUnidentifiableRecords, recordsDatesOfBirth, names);
    }

    @Override
    public String toString() {
        return "CorruptionProfile" + rates + ", maidenAlias=" + maidenAliasRate + ", purgeDob="
                + purgeDateOfBirthRate + ", twins=" + twinRate + ", parentChild=" + parentChildRate
                + ", commonNames=" + commonNameRate + ", rareSurnames=" + rareSurnameRate
                + ", allowsUnidentifiable=" + allowsUnidentifiableRecords
                + ", recordsDatesOfBirth=" + recordsDatesOfBirth + ", names=" + names;
    }

    /** Collects rates; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private final Map<Corruption, Double> rates = new EnumMap<>(Corruption.class);
        private double maidenAliasRate;
        private double purgeDateOfBirthRate;
        private double twinRate;
        private double parentChildRate;
        private double commonNameRate;
        private double rareSurnameRate = DEFAULT_RARE_SURNAME_RATE;
        private boolean allowsUnidentifiableRecords;
        private boolean recordsDatesOfBirth = true;
        private NameOrigin names = NameOrigin.BRITISH;

        private Builder() {
        }

        /** Sets the rate of one corruption, in [0, 1]. */
        public Builder rate(Corruption corruption, double rate) {
            rates.put(checkNotNull(corruption, "corruption"), checkRate(corruption.name(), rate));
            return this;
        }

        /** Sets {@link CorruptionProfile#maidenAliasRate()}, in [0, 1]. */
        public Builder maidenAliasRate(double rate) {
            this.maidenAliasRate = checkRate("maidenAliasRate", rate);
            return this;
        }

        /** Sets {@link CorruptionProfile#purgeDateOfBirthRate()}, in [0, 1]. */
        public Builder purgeDateOfBirthRate(double rate) {
            this.purgeDateOfBirthRate = checkRate("purgeDateOfBirthRate", rate);
            return this;
        }

        /** Sets {@link CorruptionProfile#twinRate()}, in [0, 1]. */
        public Builder twinRate(double rate) {
            this.twinRate = checkRate("twinRate", rate);
            return this;
        }

        /** Sets {@link CorruptionProfile#parentChildRate()}, in [0, 1]. */
        public Builder parentChildRate(double rate) {
            this.parentChildRate = checkRate("parentChildRate", rate);
            return this;
        }

        /** Sets {@link CorruptionProfile#commonNameRate()}, in [0, 1]. */
        public Builder commonNameRate(double rate) {
            this.commonNameRate = checkRate("commonNameRate", rate);
            return this;
        }

        /**
         * Sets {@link CorruptionProfile#rareSurnameRate()}, in [0, 1]; unlike the other rates it starts
         * at {@value CorruptionProfile#DEFAULT_RARE_SURNAME_RATE}, because it shapes the population
         * rather than damaging it.
         */
        public Builder rareSurnameRate(double rate) {
            this.rareSurnameRate = checkRate("rareSurnameRate", rate);
            return this;
        }

        /** Sets {@link CorruptionProfile#allowsUnidentifiableRecords()}. */
        public Builder allowsUnidentifiableRecords(boolean allowed) {
            this.allowsUnidentifiableRecords = allowed;
            return this;
        }

        /** Sets {@link CorruptionProfile#recordsDatesOfBirth()}. */
        public Builder recordsDatesOfBirth(boolean recorded) {
            this.recordsDatesOfBirth = recorded;
            return this;
        }

        /** Sets {@link CorruptionProfile#names()}. */
        public Builder names(NameOrigin origin) {
            this.names = checkNotNull(origin, "origin");
            return this;
        }

        /** Validates the rates and returns the immutable profile. */
        public CorruptionProfile build() {
            double dob = 0;
            for (Corruption c : CorruptionProfile.DATE_OF_BIRTH_CORRUPTIONS) {
                dob += rates.getOrDefault(c, 0.0);
            }
            checkArgument(dob <= 1.0 + 1e-9,
                    "the date-of-birth corruption rates are exclusive and must sum to at most 1, got %s", dob);
            double households = twinRate + parentChildRate + commonNameRate;
            checkArgument(households <= 1.0 + 1e-9,
                    "twin, parent-child and common-name rates are shares of households and must sum to at most 1, got %s",
                    households);
            return new CorruptionProfile(this);
        }

        private static double checkRate(String what, double rate) {
            checkArgument(rate >= 0 && rate <= 1, "%s must be in [0, 1], got %s", what, rate);
            return rate;
        }
    }

    /** The date-of-birth corruptions, in the order their exclusive rates are laid out. */
    static final Corruption[] DATE_OF_BIRTH_CORRUPTIONS = {
        Corruption.DOB_DAY_MONTH_SWAPPED, Corruption.DOB_DIGIT_WRONG,
        Corruption.DOB_YEAR_OFF_BY_ONE, Corruption.DOB_FIRST_OF_JANUARY,
    };
}
