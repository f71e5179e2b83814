package io.github.palimpsest.block;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ContactComparison;
import io.github.palimpsest.compare.GenericIdentifierComparison;
import io.github.palimpsest.compare.IdentifierComparison;
import io.github.palimpsest.normalise.PhoneticKeys;
import io.github.palimpsest.pipeline.KeyText;
import io.github.palimpsest.pipeline.LibraryAccess;
import io.github.palimpsest.record.ComparableRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The blocking rules for person records: the ways two {@link ComparableRecord}s can become a candidate
 * pair. The linker unions their pairs, so a true pair needs to share a key under only one rule;
 * {@code docs/comparisons-and-blocking.md} gives each rule's purpose and how recall is measured; the figures
 * are in {@code docs/results.md}.
 *
 * <pre>{@code
 * Linker linker = Linker.builder()
 *     .blockingRules(PersonBlockingRules.standard())
 *     .build();
 * BlockingReport report = linker.link(records).blockingReport();
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
    /**
     * An identifier value shared by more records than this is shared by several people (a household's or a
     * hostel's phone, an office e-mail, a placeholder): its block is split by names and dates of birth.
     */
    static final int IDENTIFIER_MAX_BLOCK_SIZE = 20;
    /** Blocks of one name alone larger than this are split by second keys (see {@code nameSplitKeys}). */
    static final int NAME_MAX_BLOCK_SIZE = 30;

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
     *   <li>{@code phone}: equal numbers; {@code email+typos}: equal addresses, and addresses one keying
     *       error apart (an e-mail address has no check digit either); like the identifiers, a value shared
     *       by more than {@link #IDENTIFIER_MAX_BLOCK_SIZE} records is split by identity keys;</li>
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
     *   <li>{@code full-name-phonetic either way round}: the forename's and the surname's keys as an
     *       unordered pair with no date of birth, for every record: dates of birth further apart than the
     *       date-keyed rules forgive; a common name's block is split by place;</li>
     *   <li>{@code full-name-phonetic either way round}: the forename's and the surname's keys as an
     *       unordered pair with no date of birth, for every record: dates of birth further apart than the
     *       date-keyed rules forgive; a common name's block is split by place;</li>
     *   <li>{@code full-name, to records without a dob}: the full forename and surname, pairing only where
     *       one of the two records has no date of birth ({@link BlockingRule#pairsWithAll}): a record that gives a
     *       name and little else (no date of birth, often no postcode) has no other name key, and a full-name
     *       block of every record would grow with the pool.</li>
     * </ol>
     * Records without a name are reached by the identifier, phone-with-year, e-mail, {@code dob+postcode},
     * {@code dob+house-number} and {@code postcode+house-number} rules, none of which uses a name. Every key
     * combines at least two fields or is an identifier, so blocks stay small as the pool grows and the
     * number of candidate pairs grows about linearly (figures in {@code docs/results.md}).
     */
    public static List<BlockingRule<ComparableRecord>> standard() {
        return List.of(
                identifier("pnc_id", IdentifierComparison.pncId(), (r, keys) -> keys.accept(r.pncId())),
                identifier("cro_number", IdentifierComparison.croNumber(), (r, keys) -> keys.accept(r.croNumber())),
                identifier("ni_number", IdentifierComparison.niNumber(), (r, keys) -> keys.accept(r.niNumber())),
                identifier("driving_licence", IdentifierComparison.drivingLicence(),
                        (r, keys) -> keys.accept(r.drivingLicence())),
                identifier("warrant_number+typos", GenericIdentifierComparison.warrantNumber(),
                        PersonBlockingRules::warrantNeighbourhood),
                identifier("id_*+typos", GenericIdentifierComparison.anyType(), PersonBlockingRules::genericNeighbourhood),
                identifier("phone", ContactComparison.phone(), (r, keys) -> keys.accept(r.phone())),
                identifier("email+typos", ContactComparison.email(),
                        (r, keys) -> deletionNeighbourhood("", r.email(), keys)),
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
                BlockingRule.of("name-phonetic, any field, to records short of a name or dob",
                        PersonBlockingRules::nameTokens, r -> r.dateOfBirth() + "|" + r.postcode(),
                        PersonBlockingRules::lacksNameOrDob)
                        .withMaxBlockSize(NAME_MAX_BLOCK_SIZE)
                        .withSplitKeys(PersonBlockingRules::nameSplitKeys),
                BlockingRule.of("full-name-phonetic either way round", PersonBlockingRules::fullNamePhonetic,
                        r -> r.dateOfBirth() + "|" + r.postcode())
                        .withMaxBlockSize(NAME_MAX_BLOCK_SIZE)
                        .withSplitKeys(PersonBlockingRules::placeSplitKeys),
                BlockingRule.of("full-name either way round, to records without a dob", PersonBlockingRules::fullName,
                        r -> r.postcode() + '|' + r.dateOfBirth(), r -> r.dateOfBirth() == 0)
                        .withMaxBlockSize(FULL_NAME_MAX_BLOCK_SIZE));
    }

    /**
     * A rule on one identifier-like value alone, so that a purged record that still carries it meets its
     * mates. A value shared by more records than the maximum block size (a hostel's or an office's phone,
     * a placeholder) is split by {@link #identitySplitKeys} rather than dropped.
     */
    private static BlockingRule<ComparableRecord> identifier(String name, Comparison<ComparableRecord> agreement,
            java.util.function.BiConsumer<ComparableRecord, Consumer<String>> keys) {
        return BlockingRule.of(name, keys, PersonBlockingRules::byNameAndDob)
                .withMaxBlockSize(IDENTIFIER_MAX_BLOCK_SIZE)
                .withSplitKeys(PersonBlockingRules::identitySplitKeys)
                .coveringAgreementOf(agreement);
    }

    /** Whether the record lacks a date of birth, a full forename or a surname: the dob-keyed rules miss it. */
    private static boolean lacksNameOrDob(ComparableRecord r) {
        return r.dateOfBirth() == 0 || r.forename().isEmpty() || r.isForenameInitial() || r.surname().isEmpty();
    }

    /**
     * The second keys of an oversize identifier block: each surname key with the forename initial, the year
     * of birth with its month, and the year with its day (either part of the date mistyped).
     */
    private static void identitySplitKeys(ComparableRecord r, Consumer<String> keys) {
        if (r.dateOfBirth() != 0) {
            StringBuilder key = KeyText.start(keys);
            key.append('y').append(r.birthYear()).append('m').append(r.dateOfBirth() / 100 % 100);
            KeyText.accept(keys, key);
            key = KeyText.start(keys);
            key.append('y').append(r.birthYear()).append('d').append(r.dateOfBirth() % 100);
            KeyText.accept(keys, key);
        }
        if (!r.forename().isEmpty() && !r.surnamePhonetic().isEmpty()) {
            // The record's own surname key only: computed for every member of an oversize block.
            StringBuilder key = KeyText.start(keys);
            key.append('s').append(r.surnamePhonetic()).append('|').append(r.forename().charAt(0));
            KeyText.accept(keys, key);
        }
    }

    /**
     * The Double Metaphone key of each name a record gives (forename, surname and the other surnames it is
     * known by) in one key space, with no other field: names recorded in each other's fields meet, and a
     * record with a name and nothing else (no date of birth, no postcode) still meets its mates. A name
     * shared by more than {@link #NAME_MAX_BLOCK_SIZE} records is split by {@link #nameSplitKeys}.
     */
    private static void nameTokens(ComparableRecord r, Consumer<String> keys) {
        if (!r.forenamePhonetic().isEmpty() && !r.isForenameInitial()) {
            keys.accept(r.forenamePhonetic());
        }
        surnameKeys(r, keys);
    }

    /**
     * The second keys of a common name's block: the forename and surname keys as an unordered pair (the
     * full name, either way round), and each name key with the decade of birth and with the place (postcode
     * district, else the last word of the address, often a town).
     */
    private static void nameSplitKeys(ComparableRecord r, Consumer<String> keys) {
        // Only the record's own two keys (no alias or variant surnames): computed for every member of every
        // oversize block, so they must be cheap.
        String forename = r.isForenameInitial() ? "" : r.forenamePhonetic();
        String surname = r.surnamePhonetic();
        if (!forename.isEmpty() && !surname.isEmpty() && !forename.equals(surname)) {
            both(keys, surname, forename);
        }
        List<String> places = places(r);
        // Each key with the other name's initial: a nickname or a typo in the other name (Willie / William).
        if (!surname.isEmpty() && !r.forename().isEmpty()) {
            StringBuilder key = KeyText.start(keys);
            key.append(surname).append('^').append(r.forename().charAt(0));
            KeyText.accept(keys, key);
        }
        if (!forename.isEmpty() && !r.surname().isEmpty()) {
            StringBuilder key = KeyText.start(keys);
            key.append(forename).append("^^").append(r.surname().charAt(0));
            KeyText.accept(keys, key);
        }
        for (String name : new String[] {forename, surname}) {
            if (!name.isEmpty()) {
                if (r.dateOfBirth() != 0) {
                    StringBuilder key = KeyText.start(keys);
                    key.append(name).append('@').append(r.birthYear() / 10);
                    KeyText.accept(keys, key);
                }
                for (String place : places) {
                    StringBuilder key = KeyText.start(keys);
                    key.append(name).append('#').append(place);
                    KeyText.accept(keys, key);
                }
            }
        }
    }

    /**
     * The forename's and the surname's Double Metaphone keys as an unordered pair (the full name, either way
     * round), with no date of birth: a true pair whose dates of birth differ by more than the date-keyed
     * rules forgive (a decade mistyped, day and month both wrong) still meets when its names sound alike.
     * A common name's block is split by place ({@link #placeSplitKeys}). (Each name key with the other
     * name's initial as well was tried: fake_1000 blocking recall 0.83 to 0.86, but generated data 4.8 to
     * 9.3 pairs per record, so it was left out.)
     */
    private static void fullNamePhonetic(ComparableRecord r, Consumer<String> keys) {
        String forename = r.isForenameInitial() ? "" : r.forenamePhonetic();
        String surname = r.surnamePhonetic();
        if (!forename.isEmpty() && !surname.isEmpty() && !forename.equals(surname)) {
            both(keys, surname, forename);
        }
    }

    /** The key of two names in either order: the smaller, {@code &}, the larger. */
    private static void both(Consumer<String> keys, String surname, String forename) {
        StringBuilder key = KeyText.start(keys);
        if (surname.compareTo(forename) < 0) {
            key.append(surname).append('&').append(forename);
        } else {
            key.append(forename).append('&').append(surname);
        }
        KeyText.accept(keys, key);
    }

    /** The second keys of a common full name's block: the record's places ({@link #places}). */
    private static void placeSplitKeys(ComparableRecord r, Consumer<String> keys) {
        places(r).forEach(keys);
    }

    /**
     * The places of a record: its postcode district (or the start of a non-UK postcode) and each word of its
     * address that is not a number (a town, a street name), so that a record with a postcode meets one with
     * only a town, and an address written in full meets one that gives only its town. A word as common as
     * "road" makes sub-blocks over the maximum, which pair nothing, so it costs a sort and no pairs.
     */
    private static List<String> places(ComparableRecord r) {
        String area = postcodeArea(r);
        List<String> tokens = r.addressTokens();
        List<String> places = new ArrayList<>(tokens.size() + 1);
        if (!area.isEmpty()) {
            places.add("pc" + area);
        }
        for (String token : tokens) {
            if (!isNumber(token)) {
                places.add(token);
            }
        }
        return places;
    }

    /**
     * The full forename (not an initial) and the surname, in alphabetical order, so that the two recorded in
     * each other's fields meet.
     */
    private static void fullName(ComparableRecord r, Consumer<String> keys) {
        if (!r.forename().isEmpty() && !r.isForenameInitial() && !r.surname().isEmpty()) {
            String f = r.forename();
            String s = r.surname();
            StringBuilder key = KeyText.start(keys);
            if (f.compareTo(s) <= 0) {
                key.append(f).append('|').append(s);
            } else {
                key.append(s).append('|').append(f);
            }
            KeyText.accept(keys, key);
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
        String[] types = LibraryAccess.identifierTypes(r);
        String[] values = LibraryAccess.identifierValues(r);
        for (int i = 0; i < types.length; i++) {
            deletionNeighbourhood(types[i] + ':', values[i], keys);
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
        StringBuilder whole = KeyText.start(keys);
        whole.append(prefix).append(value);
        KeyText.accept(keys, whole);
        if (value.length() < MIN_NEIGHBOURHOOD_LENGTH) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            if (i > 0 && value.charAt(i) == value.charAt(i - 1)) {
                continue; // deleting either of two equal neighbours gives the same string
            }
            // No marker on the deletions: a value one character shorter must meet them as it is.
            StringBuilder key = KeyText.start(keys);
            key.append(prefix).append(value, 0, i).append(value, i + 1, value.length());
            KeyText.accept(keys, key);
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
            surnameKeys(r, surname -> {
                if (!surname.isEmpty()) {
                    for (String suffix : suffixes) {
                        StringBuilder key = KeyText.start(keys);
                        key.append(surname).append(suffix);
                        KeyText.accept(keys, key);
                    }
                }
            });
        }
    }

    private static void surnameNysiisDayOfYear(ComparableRecord r, Consumer<String> keys) {
        if (r.dateOfBirth() != 0 && !r.surnameNysiis().isEmpty() && !r.forename().isEmpty()) {
            StringBuilder key = KeyText.start(keys);
            key.append(r.surnameNysiis()).append('|').append(r.forename().charAt(0)).append(r.dateOfBirth() % 10_000);
            KeyText.accept(keys, key);
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
        if (!r.forenamePhonetic().isEmpty()) {
            StringBuilder key = KeyText.start(keys);
            key.append(r.forenamePhonetic()).append('|').append(r.dateOfBirth());
            KeyText.accept(keys, key);
        }
        if (!r.surnamePhonetic().isEmpty() && !r.surnamePhonetic().equals(r.forenamePhonetic())) {
            StringBuilder key = KeyText.start(keys);
            key.append(r.surnamePhonetic()).append('|').append(r.dateOfBirth());
            KeyText.accept(keys, key);
        }
    }

    /** First letters of forename and surname, in alphabetical order, with the date of birth. */
    private static void initialsDob(ComparableRecord r, Consumer<String> keys) {
        if (r.dateOfBirth() == 0 || r.forename().isEmpty() || r.surname().isEmpty()) {
            return;
        }
        char f = r.forename().charAt(0);
        char s = r.surname().charAt(0);
        StringBuilder key = KeyText.start(keys);
        key.append(f < s ? f : s).append(f < s ? s : f).append('|').append(r.dateOfBirth());
        KeyText.accept(keys, key);
    }

    /**
     * Forename and surname keys with the postcode area, for a date of birth mistyped or missing. (Not the decade
     * of birth in place of the area: it adds far more candidate pairs than true pairs.)
     */
    private static void namesPhonetic(ComparableRecord r, Consumer<String> keys) {
        if (r.forenamePhonetic().isEmpty()) {
            return;
        }
        String forename = r.forenamePhonetic();
        String area = postcodeArea(r);
        if (!area.isEmpty()) {
            surnameKeys(r, surname -> {
                if (surname.isEmpty()) {
                    keys.accept("");
                    return;
                }
                StringBuilder key = KeyText.start(keys);
                key.append(forename).append('|').append(surname).append('|').append(area);
                KeyText.accept(keys, key);
            });
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
            StringBuilder key = KeyText.start(keys);
            key.append(r.dateOfBirth()).append('|').append(r.postcode());
            KeyText.accept(keys, key);
        }
    }

    private static void dobHouseNumber(ComparableRecord r, Consumer<String> keys) {
        if (r.dateOfBirth() == 0) {
            return;
        }
        for (String token : r.addressTokens()) {
            if (isNumber(token)) {
                StringBuilder key = KeyText.start(keys);
                key.append(r.dateOfBirth()).append('|').append(token);
                KeyText.accept(keys, key);
            }
        }
    }

    private static void postcodeHouseNumber(ComparableRecord r, Consumer<String> keys) {
        if (r.postcode().isEmpty()) {
            return;
        }
        for (String token : r.addressTokens()) {
            if (isNumber(token)) {
                StringBuilder key = KeyText.start(keys);
                key.append(r.postcode()).append('|').append(token);
                KeyText.accept(keys, key);
            }
        }
    }

    private static void postcodeInitial(ComparableRecord r, Consumer<String> keys) {
        if (!r.postcode().isEmpty() && !r.forename().isEmpty()) {
            StringBuilder key = KeyText.start(keys);
            key.append(r.postcode()).append('|').append(r.forename().charAt(0));
            KeyText.accept(keys, key);
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
