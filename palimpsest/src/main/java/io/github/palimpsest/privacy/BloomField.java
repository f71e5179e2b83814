package io.github.palimpsest.privacy;

/**
 * The fields a {@link Tombstone} keeps as Bloom-filter encodings, each under its own keys, with the number
 * of bit positions {@link #hashCount()} each feature sets in the 512-bit base filter (see
 * {@code docs/privacy.md} for how k was chosen and what the features are).
 */
public enum BloomField {
    /** Padded character bigrams of the forename and the aliases' forenames. */
    FORENAME("forename", 50),
    /**
     * The whole names {@link io.github.palimpsest.normalise.Nicknames#equivalents(String) equivalent} to the
     * forename and alias forenames (the names themselves included): two records' sets overlap exactly when
     * one forename is a nickname or variant of the other.
     */
    FORENAME_EQUIVALENTS("forename_equivalents", 30),
    /** Padded character bigrams of the surname, its variants and the aliases' surnames. */
    SURNAME("surname", 40),
    /** Year, month, day and their pairs, with a day–month token that survives a swap. */
    DATE_OF_BIRTH("dob", 50),
    /** Unit, sector, district and area of a UK postcode, and the padded bigrams of the whole code. */
    POSTCODE("postcode", 30),
    /** Padded character bigrams of the address words (house numbers included). */
    ADDRESS("address", 15),
    /**
     * Padded character bigrams of every forename and surname together, in no order (a record-level name
     * filter, as in CLKs): it survives a forename written as the surname and the surname as the forename,
     * which the separate filters, each under its own key, cannot compare.
     */
    NAMES("names", 20),
    /**
     * The features of {@link #SURNAME}, encoded under the bit positions, k and permutation of
     * {@link #FORENAME} (its noise is its own): a forename filter can then be compared with a surname, so
     * a forename written as the surname is found even when the other name was replaced or mistyped, which
     * the {@link #NAMES} filter cannot tell from two records that share one name. Added by format 4.
     */
    SURNAME_AS_FORENAME("surname_as_forename", "forename", 50);

    private final String column;
    private final String keyColumn;
    private final int hashCount;

    BloomField(String column, int hashCount) {
        this(column, column, hashCount);
    }

    BloomField(String column, String keyColumn, int hashCount) {
        this.column = column;
        this.keyColumn = keyColumn;
        this.hashCount = hashCount;
    }

    /** The field's name; its filter is in the column {@code <name>_bloom} of a token file. */
    public String column() {
        return column;
    }

    /**
     * The field whose keys place the bits and permute the filter ({@code bloom/<key column>},
     * {@code permutation/<key column>}): the field itself, except for a filter meant to be compared with
     * another field's. The noise is always keyed by the field's own column.
     */
    String keyColumn() {
        return keyColumn;
    }

    /** The number of keyed bit positions each feature sets in the base filter, k. */
    public int hashCount() {
        return hashCount;
    }
}
