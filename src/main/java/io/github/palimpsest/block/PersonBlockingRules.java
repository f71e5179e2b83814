package io.github.palimpsest.block;

import io.github.palimpsest.normalise.PhoneticKeys;
import io.github.palimpsest.record.ComparableRecord;
import java.util.List;
import java.util.function.Consumer;

/**
 * The blocking rules for person records: the ways two {@link ComparableRecord}s can become a candidate
 * pair. A {@link Blocker} unions their pairs, so a true pair needs to share a key under only one rule;
 * {@code docs/comparisons-and-blocking.md} gives each rule's purpose and the measured recall and pair
 * counts.
 *
 * <pre>{@code
 * Blocker<ComparableRecord> blocker = Blocker.<ComparableRecord>builder()
 *     .rules(PersonBlockingRules.standard())
 *     .build();
 * CandidatePairs pairs = blocker.candidates(records);
 * }</pre>
 *
 * <p>Every rule is immutable, thread-safe and deterministic. Each supplies an
 * {@linkplain BlockingRule#orderingKey ordering key} on fields its own key does not contain, so that the
 * skew guard's sorted window inside an oversize block (a placeholder date of birth, a shared hostel phone)
 * pairs records that are alike rather than records that happen to be adjacent in the input.
 */
public final class PersonBlockingRules {
    private static final int MIN_NEIGHBOURHOOD_LENGTH = 6;
    /**
     * A full name held by more records than this is too common to carry a link without a date of birth, so
     * its records meet only their sorted window: a look-up then scores at most this many records of a name.
     */
    static final int FULL_NAME_MAX_BLOCK_SIZE = 100;

    private PersonBlockingRules() {
    }

    /**
     * The standard rules, in this order (the report counts "new pairs" in this order). "Surname keys"
     * below are the Double Metaphone keys of every surname a record is known by: its own surname, the parts
     * of a hyphenated or multi-word surname, and its alias, maiden and previous surnames, so that an alias
     * surname meets the same surname recorded as a main surname.
     * <ol>
     *   <li>{@code pnc_id}, {@code cro_number}, {@code ni_number}, {@code driving_licence}: equal valid
     *       values;</li>
     *   <li>{@code warrant_number+typos}, {@code id_*+typos}: equal values, and values one keying error
     *       apart (these identifiers have no check digit), of the same type;</li>
     *   <li>{@code phone+birth-year-or-surname}: the phone with the year of birth and its month, with the
     *       year and its day, and with each surname key and the forename initial (a bare phone joins everyone
     *       who gave a hostel's number); {@code email}: equal values;</li>
     *   <li>{@code surname-phonetic+initial+birth-year}: surname key, forename initial and year of
     *       birth, with the month (the day mistyped), with the day (the month mistyped) and with the
     *       unordered day and month (the two swapped): three keys, never the year alone, whose blocks
     *       would grow with the pool;</li>
     *   <li>{@code surname-nysiis+birth-day}: the surname's NYSIIS key with the forename initial and the
     *       month and day of birth (a year mistyped, or a typo that changed the Metaphone key);</li>
     *   <li>{@code name-phonetic+dob}: the forename's key and the surname's key, each with the full date of
     *       birth, in one key space, so a surname changed by marriage still meets through the forename and
     *       forename and surname recorded in each other's place meet too;</li>
     *   <li>{@code initials+dob}: both initials, in alphabetical order, with the date of birth (both names
     *       mistyped, or swapped and mistyped);</li>
     *   <li>{@code names-phonetic+postcode-area}: forename key and surname keys with the postcode district
     *       (or the first two characters of a non-UK postcode): a date of birth mistyped or missing;</li>
     *   <li>{@code dob+postcode}, {@code dob+house-number}: need no name, so they reach purged records;</li>
     *   <li>{@code postcode+house-number}: needs neither a name nor a date of birth: records purged of
     *       both;</li>
     *   <li>{@code postcode+forename-initial}: typos in every other field at once;</li>
     *   <li>{@code full-name, to records without a dob}: the full forename and surname, pairing only where
     *       one of the two records has no date of birth ({@link BlockingRule#pairsWithAll}): a record that gives a
     *       name and little else (no date of birth, often no postcode) has no other name key, and a full-name
     *       block of every record would grow with the pool.</li>
     * </ol>
     * Records without a name are reached by the identifier, phone-with-year, e-mail, {@code dob+postcode},
     * {@code dob+house-number} and {@code postcode+house-number} rules, none of which uses a name. Every key
     * combines at least two fields or is an identifier, so blocks stay small as the pool grows and the
     * number of candidate pairs grows about linearly (measured in {@code docs/comparisons-and-blocking.md}).
     */
    public static List<BlockingRule<ComparableRecord>> standard() {
        return List.of(
                BlockingRule.of("pnc_id", (r, keys) -> keys.accept(r.pncId()), PersonBlockingRules::byNameAndDob),
                BlockingRule.of("cro_number", (r, keys) -> keys.accept(r.croNumber()),
                        PersonBlockingRules::byNameAndDob),
                BlockingRule.of("ni_number", (r, keys) -> keys.accept(r.niNumber()),
                        PersonBlockingRules::byNameAndDob),
                BlockingRule.of("driving_licence", (r, keys) -> keys.accept(r.drivingLicence()),
                        PersonBlockingRules::byNameAndDob),
                BlockingRule.of("warrant_number+typos", PersonBlockingRules::warrantNeighbourhood,
                        PersonBlockingRules::byNameAndDob),
                BlockingRule.of("id_*+typos", PersonBlockingRules::genericNeighbourhood,
                        PersonBlockingRules::byNameAndDob),
                BlockingRule.of("phone+birth-year-or-surname", PersonBlockingRules::phoneKeys,
                        PersonBlockingRules::byNameAndDob),
                BlockingRule.of("email", (r, keys) -> keys.accept(r.email()), PersonBlockingRules::byNameAndDob),
                BlockingRule.of("surname-phonetic+initial+birth-year", PersonBlockingRules::surnamePhoneticYear,
                        r -> r.forename() + '|' + r.dateOfBirth()),
                BlockingRule.of("surname-nysiis+birth-day", PersonBlockingRules::surnameNysiisDayOfYear,
                        r -> r.forename() + '|' + r.dateOfBirth()),
                BlockingRule.of("name-phonetic+dob", PersonBlockingRules::namePhoneticDob,
                        PersonBlockingRules::byNameAndPostcode),
                BlockingRule.of("initials+dob", PersonBlockingRules::initialsDob,
                        PersonBlockingRules::byNameAndPostcode),
                BlockingRule.of("names-phonetic+postcode-area", PersonBlockingRules::namesPhonetic,
                        r -> r.dateOfBirth() + "|" + r.forename() + '|' + r.surname()),
                BlockingRule.of("dob+postcode", PersonBlockingRules::dobPostcode, PersonBlockingRules::byNameAndDob),
                BlockingRule.of("dob+house-number", PersonBlockingRules::dobHouseNumber,
                        PersonBlockingRules::byNameAndDob),
                BlockingRule.of("postcode+house-number", PersonBlockingRules::postcodeHouseNumber,
                        PersonBlockingRules::byNameAndDob),
                BlockingRule.of("postcode+forename-initial", PersonBlockingRules::postcodeInitial,
                        r -> r.surname() + '|' + r.dateOfBirth()),
                BlockingRule.of("full-name, to records without a dob", PersonBlockingRules::fullName,
                        r -> r.postcode() + '|' + r.dateOfBirth(), r -> r.dateOfBirth() == 0)
                        .withMaxBlockSize(FULL_NAME_MAX_BLOCK_SIZE));
    }

    /** The full forename (not an initial) and the surname, when the record has both. */
    private static void fullName(ComparableRecord r, Consumer<String> keys) {
        if (!r.forename().isEmpty() && !r.isForenameInitial() && !r.surname().isEmpty()) {
            keys.accept(r.forename() + '|' + r.surname());
        }
    }

    /** Orders by surname, forename, then date of birth: for rules keyed on something other than a name. */
    private static String byNameAndDob(ComparableRecord r) {
        return r.surname() + '|' + r.forename() + '|' + r.dateOfBirth();
    }

    private static String byNameAndPostcode(ComparableRecord r) {
        return r.surname() + '|' + r.forename() + '|' + r.postcode();
    }

    private static void warrantNeighbourhood(ComparableRecord r, Consumer<String> keys) {
        deletionNeighbourhood("", r.warrantNumber(), keys);
    }

    private static void genericNeighbourhood(ComparableRecord r, Consumer<String> keys) {
        for (int i = 0; i < r.identifierCount(); i++) {
            deletionNeighbourhood(r.identifierType(i) + ':', r.identifierValue(i), keys);
        }
    }

    /**
     * The value and every string made by deleting one of its characters. Two values one keying error
     * apart (a character substituted, inserted, deleted, or two adjacent ones transposed) always share one
     * of these keys: the symmetric-deletion idea behind SymSpell (Garbe, 2012). Identifiers without a
     * check digit need it, because their typos stay valid. Values shorter than 6 characters only emit
     * themselves: their one-deletion neighbourhoods would be crowded.
     */
    private static void deletionNeighbourhood(String prefix, String value, Consumer<String> keys) {
        if (value.isEmpty()) {
            return;
        }
        keys.accept(prefix + value);
        if (value.length() < MIN_NEIGHBOURHOOD_LENGTH) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            if (i > 0 && value.charAt(i) == value.charAt(i - 1)) {
                continue; // deleting either of two equal neighbours gives the same string
            }
            keys.accept(prefix + "~" + value.substring(0, i) + value.substring(i + 1));
        }
    }

    /** The Double Metaphone keys of every surname the record is known by: its own, its parts, its aliases. */
    private static void surnameKeys(ComparableRecord r, Consumer<String> keys) {
        if (!r.surnamePhonetic().isEmpty()) {
            keys.accept(r.surnamePhonetic());
        }
        for (String variant : r.surnameVariants()) {
            if (!variant.equals(r.surname())) {
                keys.accept(PhoneticKeys.doubleMetaphone(variant));
            }
        }
        for (String alias : r.aliasSurnames()) {
            keys.accept(PhoneticKeys.doubleMetaphone(alias));
        }
    }

    private static void surnamePhoneticYear(ComparableRecord r, Consumer<String> keys) {
        if (r.dateOfBirth() != 0 && !r.forename().isEmpty()) {
            String prefix = "|" + r.forename().charAt(0) + r.birthYear();
            int month = r.dateOfBirth() / 100 % 100;
            int day = r.dateOfBirth() % 100;
            // Three keys: the month (the day mistyped), the day (the month mistyped) and the unordered
            // pair (day and month swapped). A year-wide block would grow with the pool.
            String[] suffixes = {prefix + "m" + month, prefix + "d" + day,
                    prefix + "p" + Math.min(day, month) + "-" + Math.max(day, month)};
            surnameKeys(r, key -> {
                if (!key.isEmpty()) {
                    for (String suffix : suffixes) {
                        keys.accept(key + suffix);
                    }
                }
            });
        }
    }

    /**
     * The phone with the year and month of birth, with the year and day of birth, and with each surname key
     * and the forename initial. A phone alone would join everyone who ever gave a hostel's or a custody
     * suite's number; the phone with the year alone, or with the surname alone, joined every relative on a
     * household's number and everyone of one year of birth on a shared one, so its blocks grew with the
     * pool (3.8 pairs per true pair at a million records, against 1.1 at 30,000; docs/accuracy.md).
     */
    private static void phoneKeys(ComparableRecord r, Consumer<String> keys) {
        if (r.phone().isEmpty()) {
            return;
        }
        if (r.dateOfBirth() != 0) {
            String prefix = r.phone() + "|" + r.birthYear();
            keys.accept(prefix + "m" + r.dateOfBirth() / 100 % 100);
            keys.accept(prefix + "d" + r.dateOfBirth() % 100);
        }
        if (!r.forename().isEmpty()) {
            String initial = "|" + r.forename().charAt(0);
            surnameKeys(r, key -> keys.accept(key.isEmpty() ? "" : r.phone() + "|" + key + initial));
        }
    }

    private static void surnameNysiisDayOfYear(ComparableRecord r, Consumer<String> keys) {
        if (r.dateOfBirth() != 0 && !r.surnameNysiis().isEmpty() && !r.forename().isEmpty()) {
            keys.accept(r.surnameNysiis() + '|' + r.forename().charAt(0) + r.dateOfBirth() % 10_000);
        }
    }

    /**
     * The forename's key and the surname's key, each with the full date of birth, in one key space: a
     * forename meets a forename, and a forename recorded in the surname field meets it too.
     */
    private static void namePhoneticDob(ComparableRecord r, Consumer<String> keys) {
        if (r.dateOfBirth() == 0) {
            return;
        }
        String dob = "|" + r.dateOfBirth();
        if (!r.forenamePhonetic().isEmpty()) {
            keys.accept(r.forenamePhonetic() + dob);
        }
        if (!r.surnamePhonetic().isEmpty() && !r.surnamePhonetic().equals(r.forenamePhonetic())) {
            keys.accept(r.surnamePhonetic() + dob);
        }
    }

    /** First letters of forename and surname, in alphabetical order, with the date of birth. */
    private static void initialsDob(ComparableRecord r, Consumer<String> keys) {
        if (r.dateOfBirth() == 0 || r.forename().isEmpty() || r.surname().isEmpty()) {
            return;
        }
        char f = r.forename().charAt(0);
        char s = r.surname().charAt(0);
        keys.accept(String.valueOf(f < s ? f : s) + (f < s ? s : f) + '|' + r.dateOfBirth());
    }

    /**
     * Forename and surname keys with the postcode area, for a date of birth mistyped or missing. (The same
     * keys with the decade of birth instead were tried: 0.6 more pairs per record on generated data for a
     * recall gain of 0.0005, so they were left out.)
     */
    private static void namesPhonetic(ComparableRecord r, Consumer<String> keys) {
        if (r.forenamePhonetic().isEmpty()) {
            return;
        }
        String forename = r.forenamePhonetic() + '|';
        String area = postcodeArea(r);
        if (!area.isEmpty()) {
            String suffix = "|" + area;
            surnameKeys(r, key -> keys.accept(key.isEmpty() ? "" : forename + key + suffix));
        }
    }

    /** The UK postcode district, or the first two characters of another postcode; "" when none. */
    private static String postcodeArea(ComparableRecord r) {
        if (!r.postcodeDistrict().isEmpty()) {
            return r.postcodeDistrict();
        }
        return r.postcode().length() > 2 ? r.postcode().substring(0, 2) : r.postcode();
    }

    private static void dobPostcode(ComparableRecord r, Consumer<String> keys) {
        if (r.dateOfBirth() != 0 && !r.postcode().isEmpty()) {
            keys.accept(r.dateOfBirth() + "|" + r.postcode());
        }
    }

    private static void dobHouseNumber(ComparableRecord r, Consumer<String> keys) {
        if (r.dateOfBirth() == 0) {
            return;
        }
        for (String token : r.addressTokens()) {
            if (isNumber(token)) {
                keys.accept(r.dateOfBirth() + "|" + token);
            }
        }
    }

    private static void postcodeHouseNumber(ComparableRecord r, Consumer<String> keys) {
        if (r.postcode().isEmpty()) {
            return;
        }
        for (String token : r.addressTokens()) {
            if (isNumber(token)) {
                keys.accept(r.postcode() + '|' + token);
            }
        }
    }

    private static void postcodeInitial(ComparableRecord r, Consumer<String> keys) {
        if (!r.postcode().isEmpty() && !r.forename().isEmpty()) {
            keys.accept(r.postcode() + '|' + r.forename().charAt(0));
        }
    }

    private static boolean isNumber(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return !token.isEmpty();
    }
}
