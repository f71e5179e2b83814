package io.github.palimpsest.privacy;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.TermFrequencyComparison;
import java.util.List;

/**
 * Comparisons of {@link Tombstone}s (tokenised records) for the Fellegi–Sunter model of
 * {@code io.github.palimpsest.score}: token equality for identifiers, Dice-similarity levels for the Bloom
 * filters, and a neutral level whenever either side lacks the field, so purged or missing data is never
 * evidence against a match.
 *
 * <pre>{@code
 * List<Comparison<Tombstone>> comparisons = TombstoneComparisons.standard();
 * int[] levels = new int[comparisons.size()];
 * for (int c = 0; c < levels.length; c++) levels[c] = comparisons.get(c).level(probe, tombstone);
 * double weight = model.matchWeight(levels);
 * }</pre>
 *
 * <p>The default Dice thresholds sit between the noise floor of equal values (about 0.96, from the keyed
 * noise) and the background of unrelated values (about 0.5 for balanced filters); docs/results.md gives
 * the measured distributions. All comparisons are immutable and thread-safe.
 */
public final class TombstoneComparisons {

    private static final double[] NAME_THRESHOLDS = {0.93, 0.80, 0.68};
    private static final double[] DATE_THRESHOLDS = {0.93, 0.72, 0.62};
    private static final double[] POSTCODE_THRESHOLDS = {0.93, 0.75, 0.62};
    /** Equivalents Dice of Bill–William and Liz–Elizabeth pairs against unrelated forenames; see docs. */
    static final double NICKNAME_THRESHOLD = 0.62;
    /**
     * Names-filter Dice at or above which two records whose forenames and surnames both disagree hold the
     * same names the wrong way round: equal name sets reach the noise floor (about 0.96) and one typo keeps
     * them above 0.85, while records that share only one of two names stay near 0.7. Also the crosswise Dice
     * (a forename against the other record's {@link BloomField#SURNAME_AS_FORENAME}) at or above which one
     * name alone counts as crossed over: about one typo in a name, as for the direct {@code dice ≥ 0.80}.
     */
    static final double NAMES_SWAP_THRESHOLD = 0.80;

    private TombstoneComparisons() {
    }

    /** Token equality of one identifier, named after its column; term frequency applies at "token equal". */
    public static TermFrequencyComparison<Tombstone> token(IdentifierField field) {
        return new TokenComparison(field);
    }

    /** Token equality over the generic {@code id_<type>} identifiers, type by type ({@code "other_ids"}). */
    public static Comparison<Tombstone> otherIdentifiers() {
        return new OtherIdentifiersComparison();
    }

    /**
     * Dice levels of one field's filters with the default thresholds ({@link #defaultThresholds}). For
     * {@link BloomField#FORENAME} prefer {@link #forename()}, which adds a nickname level.
     */
    public static Comparison<Tombstone> dice(BloomField field) {
        return dice(field, defaultThresholds(field));
    }

    /**
     * Dice levels of one field's filters: {@code dice ≥ t1}, {@code dice ≥ t2}, ..., {@code dice < t_last},
     * {@code missing}.
     *
     * @throws IllegalArgumentException unless the thresholds are in (0, 1] and strictly decreasing
     */
    public static Comparison<Tombstone> dice(BloomField field, double... thresholds) {
        return new DiceComparison(field, thresholds);
    }

    /** The default thresholds of a field, strictly decreasing. */
    public static double[] defaultThresholds(BloomField field) {
        switch (field) {
            case DATE_OF_BIRTH:
                return DATE_THRESHOLDS.clone();
            case POSTCODE:
                return POSTCODE_THRESHOLDS.clone();
            default:
                return NAME_THRESHOLDS.clone();
        }
    }

    /**
     * The forename: Dice levels of the forename filters with the default thresholds, then before the last
     * level a {@code names swapped} level for a forename and surname written the wrong way round (the
     * forename and surname filters both disagree while both crosswise comparisons, or the
     * {@link BloomField#NAMES} filters, agree; see {@code docs/privacy.md}), and a
     * {@code nickname} level for forenames that are not spelt alike but whose equivalents filters are (see
     * {@link BloomField#FORENAME_EQUIVALENTS}).
     */
    public static Comparison<Tombstone> forename() {
        return new ForenameComparison(NAME_THRESHOLDS, NICKNAME_THRESHOLD, NAMES_SWAP_THRESHOLD);
    }

    /**
     * The surname: Dice levels of the surname filters with the default thresholds, then before the last
     * level a {@code one name crossed} level (one record's forename is the other's surname while the other
     * names disagree). A full swap gives the neutral level: {@link #forename()} weighs it, once.
     */
    public static Comparison<Tombstone> surname() {
        return new SurnameComparison(NAME_THRESHOLDS, NAMES_SWAP_THRESHOLD);
    }

    /**
     * Every comparison, in this order: each {@link IdentifierField} token, {@code other_ids}, forename (with
     * swap and nickname levels), surname (with swap level), dob, postcode, address.
     */
    public static List<Comparison<Tombstone>> standard() {
        ImmutableList.Builder<Comparison<Tombstone>> b = ImmutableList.builder();
        for (IdentifierField field : IdentifierField.values()) {
            b.add(token(field));
        }
        b.add(otherIdentifiers());
        b.add(forename());
        b.add(surname());
        b.add(dice(BloomField.DATE_OF_BIRTH));
        b.add(dice(BloomField.POSTCODE));
        b.add(dice(BloomField.ADDRESS));
        return b.build();
    }
}
