package io.github.palimpsest.synthetic;

/**
 * A kind of damage the generator can do to one record, so that linkage is tested on data as messy as
 * real records. Each has a rate in {@link CorruptionProfile}; {@link SyntheticRecord#corruptions()}
 * says which were applied to a record.
 *
 * <p>A rate is the probability that the corruption is applied to a record <em>that it can apply to</em>
 * (missing middle name needs a middle name; a day/month swap needs a day of 12 or less that differs
 * from the month). {@link #MARRIED_SURNAME} is the exception: its rate is per woman, see there.
 */
public enum Corruption {
    /** One keying error in the forename or surname: a letter inserted, deleted, substituted or two transposed. */
    TYPO,
    /** The forename (or surname) recorded as a nickname or spelling variant: Dave for David, Muhammad for Mohammed. */
    NAME_VARIANT,
    /** Forename and middle names recorded as initials only. */
    INITIALS_ONLY,
    /** The middle names not recorded. */
    MISSING_MIDDLE_NAME,
    /** Forename and surname recorded in each other's place. */
    NAMES_SWAPPED,
    /** Only one part of a hyphenated surname recorded. */
    HYPHENATED_PART,
    /**
     * The record uses the surname a woman took on marriage (records dated after the marriage only),
     * sometimes with her maiden name as an alias. Its rate is the share of women who marry during the
     * period, not a per-record rate.
     */
    MARRIED_SURNAME,
    /** Date of birth with day and month swapped (only when both readings are real dates). */
    DOB_DAY_MONTH_SWAPPED,
    /** Date of birth with one digit wrong (still a real date). */
    DOB_DIGIT_WRONG,
    /** Date of birth one year early or late. */
    DOB_YEAR_OFF_BY_ONE,
    /** Date of birth recorded as 1 January of the right year: a placeholder when only the year was known. */
    DOB_FIRST_OF_JANUARY,
    /** One to three of the optional fields left blank. */
    MISSING_FIELDS,
    /** The person's other address recorded: they moved, or gave another address. */
    MOVED_ADDRESS,
    /** Purged under a retention rule: the names removed, sometimes the date of birth too; identifiers kept. */
    PURGED
}
