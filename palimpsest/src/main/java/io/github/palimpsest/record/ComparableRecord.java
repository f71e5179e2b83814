package io.github.palimpsest.record;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import io.github.palimpsest.normalise.Force;
import io.github.palimpsest.normalise.Names;
import io.github.palimpsest.normalise.Nicknames;
import io.github.palimpsest.normalise.ParsedDate;
import io.github.palimpsest.normalise.ParsedValue;
import io.github.palimpsest.normalise.PersonName;
import io.github.palimpsest.normalise.Sex;
import io.github.palimpsest.pipeline.LibraryAccess;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compact, precomputed form of a {@link PersonRecord} that blocking and comparison work on: canonical
 * strings, phonetic keys, dates as {@code yyyymmdd} integers and token sets, computed once when a record
 * enters so that the comparison loop does no parsing, folding, regex or phonetic encoding.
 *
 * <p>Absent or invalid values are empty strings (or 0 for dates); {@code has...Invalid} methods tell an
 * invalid value from an absent one, since a present-but-invalid identifier is weaker evidence than none.
 * Immutable, thread-safe and {@link Serializable}, so that it can travel inside a distributed engine.
 */
public final class ComparableRecord implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final String[] NONE = new String[0];
    private static final String[] NO_KEYS = {"", "", ""};

    private final String recordId;
    private final String forceCode;
    private final String forename;
    private final String middleInitials;
    private final boolean forenameInitial;
    private final String surname;
    private final String[] surnameVariants;
    private final String[] forenameNicknames;
    private final int[] forenameNicknameHashes;
    private final int forenameHash;
    private final String forenamePhonetic;
    private final String forenamePhoneticAlternate;
    private final String surnamePhonetic;
    private final String surnamePhoneticAlternate;
    private final String surnameNysiis;
    private final String[] aliasForenames;
    private final String[] aliasSurnames;
    private final int dateOfBirth;
    private final boolean dateOfBirthLowInformation;
    private final int partialBirthYear;
    private final Sex sex;
    private final String pncId;
    private final String croNumber;
    private final String niNumber;
    private final String drivingLicence;
    private final String warrantNumber;
    private final int invalidIdentifiers;
    private final String phone;
    private final String email;
    private final String postcode;
    private final String postcodeSector;
    private final String postcodeDistrict;
    private final String[] addressTokens;
    private final Map<String, String> identifiers;
    private final String[] identifierTypes;
    private final String[] identifierValues;
    private final int eventDate;
    private final String eventType;
    private final String forceName;
    private final boolean namePurged;

    /** Bits of {@link #invalidIdentifiers}: which identifiers were present but invalid. */
    static final int PNC = 1;
    static final int CRO = 2;
    static final int NI = 4;
    static final int LICENCE = 8;
    static final int WARRANT = 16;

    /*
     * Nickname sets, sorted, shared by every record with the same forename so that a million records
     * hold a few thousand arrays, not a million. Only names that the table knows are cached, so the map
     * is bounded by the size of the nickname table.
     */
    private static final Map<String, String[]> NICKNAMES = new ConcurrentHashMap<>();
    private static final Map<String, int[]> NICKNAME_HASHES = new ConcurrentHashMap<>();
    private static final int[] NO_HASHES = new int[0];

    ComparableRecord(PersonRecord r, ComparableRecordFactory shared) {
        this.recordId = r.recordId();
        this.forceCode = shared.share(r.force().canonical().orElse(""));
        PersonName name = r.name();
        this.middleInitials = shared.share(initialsOf(name.middleNames()));
        this.forenameInitial = name.isForenameInitial();
        // One look-up per distinct name part gives everything derived from it (see NameForm).
        NameForm first = name.forename().isEmpty() ? null : shared.nameForm(name.forename());
        this.forename = first == null ? "" : first.name;
        boolean hasFullForename = first != null && !forenameInitial;
        this.forenameNicknames = hasFullForename ? first.nicknames : NONE;
        this.forenameNicknameHashes = hasFullForename ? first.nicknameHashes : NO_HASHES;
        this.forenameHash = forename.hashCode();
        String[] forenameKeys = hasFullForename ? first.phoneticKeys : NO_KEYS;
        this.forenamePhonetic = forenameKeys[0];
        this.forenamePhoneticAlternate = forenameKeys[1];
        NameForm last = name.surname().isEmpty() ? null : shared.nameForm(name.surname());
        this.surname = last == null ? "" : last.name;
        this.surnameVariants = name.surnameVariants().isEmpty() ? NONE
                : last.surnameVariants(name.surnameVariants(), shared);
        String[] surnameKeys = last == null ? NO_KEYS : last.phoneticKeys;
        this.surnamePhonetic = surnameKeys[0];
        this.surnamePhoneticAlternate = surnameKeys[1];
        this.surnameNysiis = surnameKeys[2];
        if (r.aliases().isEmpty()) {
            this.aliasForenames = NONE;
            this.aliasSurnames = NONE;
        } else {
            Set<String> aliasFirst = new LinkedHashSet<>();
            Set<String> aliasLast = new LinkedHashSet<>();
            for (PersonName alias : r.aliases()) {
                if (!alias.forename().isEmpty()) {
                    aliasFirst.add(alias.forename());
                }
                aliasLast.addAll(alias.surnameVariants());
            }
            aliasLast.remove("");
            this.aliasForenames = shared.shareAll(aliasFirst.toArray(NONE));
            this.aliasSurnames = shared.shareAll(aliasLast.toArray(NONE));
        }
        this.dateOfBirth = toInt(r.dateOfBirth());
        this.dateOfBirthLowInformation = r.dateOfBirth().isLowInformation();
        this.partialBirthYear = r.dateOfBirth().partialYear();
        this.sex = r.sex();
        this.pncId = valueOf(r.pncId());
        this.croNumber = valueOf(r.croNumber());
        this.niNumber = valueOf(r.niNumber());
        this.drivingLicence = valueOf(r.drivingLicence());
        this.warrantNumber = valueOf(r.warrantNumber());
        this.invalidIdentifiers = invalid(r.pncId(), PNC) | invalid(r.croNumber(), CRO) | invalid(r.niNumber(), NI)
                | invalid(r.drivingLicence(), LICENCE) | invalid(r.warrantNumber(), WARRANT);
        this.phone = valueOf(r.phone());
        this.email = valueOf(r.email());
        // Full postcodes and sectors are nearly as many as the people: sharing them would cost more than it saves.
        this.postcode = valueOf(r.postcode()).replace(" ", "");
        this.postcodeSector = r.postcode().sector().orElse("").replace(" ", "");
        this.postcodeDistrict = shared.share(r.postcode().district().orElse(""));
        this.addressTokens = shared.addressTokens(r.address());
        if (r.identifiers().isEmpty()) {
            this.identifiers = ImmutableMap.of();
            this.identifierTypes = NONE;
            this.identifierValues = NONE;
        } else {
            ImmutableMap.Builder<String, String> ids = ImmutableMap.builder();
            r.identifiers().forEach((type, id) -> id.canonical().ifPresent(v -> ids.put(shared.share(type), v)));
            this.identifiers = ids.build();
            // Parallel arrays sorted by type, so comparisons can walk two records' identifiers without an iterator.
            this.identifierTypes = new TreeSet<>(identifiers.keySet()).toArray(NONE);
            this.identifierValues = new String[identifierTypes.length];
            for (int i = 0; i < identifierTypes.length; i++) {
                identifierValues[i] = identifiers.get(identifierTypes[i]);
            }
        }
        this.eventDate = toInt(r.eventDate());
        this.eventType = shared.share(r.eventType());
        this.forceName = shared.share(r.force().force().map(Force::name).orElse(r.force().raw().strip()));
        this.namePurged = r.hasPurgedName();
    }

    /**
     * Precomputes the comparable form of a record. To prepare many records, a
     * {@link ComparableRecordFactory} gives equal records faster and smaller.
     */
    public static ComparableRecord of(PersonRecord record) {
        return new ComparableRecord(checkNotNull(record, "record"), ComparableRecordFactory.UNSHARED);
    }

    private static String initialsOf(List<String> middleNames) {
        if (middleNames.isEmpty()) {
            return "";
        }
        StringBuilder initials = new StringBuilder(middleNames.size());
        for (String middle : middleNames) {
            if (!middle.isEmpty()) {
                initials.append(middle.charAt(0));
            }
        }
        return initials.toString();
    }

    /** The forename's nickname equivalents other than itself, sorted; empty when the table does not know it. */
    static String[] nicknamesOf(String forename) {
        if (forename.isEmpty()) {
            return NONE;
        }
        String[] cached = NICKNAMES.get(forename);
        if (cached != null) {
            return cached;
        }
        Set<String> equivalents = Nicknames.standard().equivalents(forename);
        if (equivalents.size() <= 1) {
            return NONE; // not in the table: no entry, so the cache stays bounded by the table
        }
        String[] sorted = equivalents.stream().filter(n -> !n.equals(forename)).sorted().toArray(String[]::new);
        String[] previous = NICKNAMES.putIfAbsent(forename, sorted);
        return previous == null ? sorted : previous;
    }

    /** The sorted hash codes of a nickname set, shared by every record (and factory) with the forename. */
    static int[] nicknameHashesOf(String forename, String[] nicknames) {
        return nicknames.length == 0 ? NO_HASHES : NICKNAME_HASHES.computeIfAbsent(forename, f -> hashesOf(nicknames));
    }

    private static int[] hashesOf(String[] names) {
        int[] hashes = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            hashes[i] = names[i].hashCode();
        }
        Arrays.sort(hashes);
        return hashes;
    }

    private static String valueOf(ParsedValue value) {
        return value.canonical().orElse("");
    }

    private static int invalid(ParsedValue value, int bit) {
        return value.isPresent() && !value.isValid() ? bit : 0;
    }

    private static int toInt(ParsedDate date) {
        return date.date().map(ComparableRecord::toInt).orElse(0);
    }

    /** A date as the integer {@code yyyymmdd}. */
    public static int toInt(LocalDate date) {
        return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    }

    /** Address words, folded, de-duplicated and sorted; numbers kept, one-letter words dropped. */
    static String[] tokens(String address) {
        if (address.isEmpty()) {
            return NONE;
        }
        // Folded text holds only [a-z0-9 -]: words are the runs between spaces and hyphens.
        String folded = Names.fold(address);
        String[] words = new String[8];
        int count = 0;
        for (int start = 0, end; start < folded.length(); start = end + 1) {
            end = start;
            while (end < folded.length() && folded.charAt(end) != ' ' && folded.charAt(end) != '-') {
                end++;
            }
            int length = end - start;
            if (length > 1 || length == 1 && Character.isDigit(folded.charAt(start))) {
                if (count == words.length) {
                    words = Arrays.copyOf(words, count * 2);
                }
                words[count++] = folded.substring(start, end);
            }
        }
        if (count == 0) {
            return NONE;
        }
        Arrays.sort(words, 0, count);
        int distinct = 1;
        for (int i = 1; i < count; i++) {
            if (!words[i].equals(words[distinct - 1])) {
                words[distinct++] = words[i];
            }
        }
        return Arrays.copyOf(words, distinct);
    }

    /** The record id. */
    public String recordId() {
        return recordId;
    }

    /** The force code, or "" when the force is unknown. */
    public String forceCode() {
        return forceCode;
    }

    /** Folded forename, "" when absent. */
    public String forename() {
        return forename;
    }

    /** First letters of the middle names, in order. */
    public String middleInitials() {
        return middleInitials;
    }

    /** Whether the forename is only an initial. */
    public boolean isForenameInitial() {
        return forenameInitial;
    }

    /** Folded surname, "" when absent. */
    public String surname() {
        return surname;
    }

    /** The surname and its parts and Mac/Mc-neutral forms (see {@link PersonName#surnameVariants()}). */
    public List<String> surnameVariants() {
        return List.of(surnameVariants);
    }

    /** Whether any variant of this record's surname equals any variant of {@code other}'s. */
    public boolean sharesSurnameVariant(ComparableRecord other) {
        return intersects(surnameVariants, other.surnameVariants);
    }

    /** Whether any of this record's alias surnames equals a surname variant of {@code other}, or vice versa. */
    public boolean surnameMatchesAlias(ComparableRecord other) {
        return intersects(aliasSurnames, other.surnameVariants) || intersects(surnameVariants, other.aliasSurnames);
    }

    private static boolean intersects(String[] a, String[] b) {
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the two forenames are different but directly related in the {@linkplain Nicknames#standard()
     * nickname table} (Bill and William); false when either is absent or an initial. Symmetric, and free of
     * allocation: each record holds its forename's equivalents, sorted.
     */
    public boolean isForenameNicknameOf(ComparableRecord other) {
        if (forename.isEmpty() || other.forename.isEmpty()) {
            return false;
        }
        // Hashes first: a sorted int[] shared by every record with this forename stays in cache, where a
        // search over strings would chase a pointer per probe. A hash hit is confirmed on the strings.
        return Arrays.binarySearch(forenameNicknameHashes, other.forenameHash) >= 0
                        && Arrays.binarySearch(forenameNicknames, other.forename) >= 0
                || Arrays.binarySearch(other.forenameNicknameHashes, forenameHash) >= 0
                        && Arrays.binarySearch(other.forenameNicknames, forename) >= 0;
    }

    /**
     * Whether {@code name} is directly related to this record's full forename in the
     * {@linkplain Nicknames#standard() nickname table}: for a name recorded in another field (a forename
     * written as the surname). False for an empty name or when this forename is absent or an initial; free of
     * allocation.
     */
    public boolean isNicknameOfForename(String name) {
        return !name.isEmpty() && Arrays.binarySearch(forenameNicknames, name) >= 0;
    }

    /** Whether this record's forename is one of {@code other}'s alias forenames, or vice versa. */
    public boolean forenameMatchesAlias(ComparableRecord other) {
        return !forename.isEmpty() && contains(other.aliasForenames, forename)
                || !other.forename.isEmpty() && contains(aliasForenames, other.forename);
    }

    private static boolean contains(String[] values, String value) {
        for (String v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Double Metaphone (primary) of the forename; "" for an initial or no forename. */
    public String forenamePhonetic() {
        return forenamePhonetic;
    }

    /** Double Metaphone (alternate) of the forename. */
    public String forenamePhoneticAlternate() {
        return forenamePhoneticAlternate;
    }

    /** Double Metaphone (primary) of the surname. */
    public String surnamePhonetic() {
        return surnamePhonetic;
    }

    /** Double Metaphone (alternate) of the surname. */
    public String surnamePhoneticAlternate() {
        return surnamePhoneticAlternate;
    }

    /** NYSIIS key of the surname. */
    public String surnameNysiis() {
        return surnameNysiis;
    }

    /** Forenames of the record's aliases. */
    public List<String> aliasForenames() {
        return List.of(aliasForenames);
    }

    /** Surnames (with their variants) of the record's aliases: maiden names, previous names, AKAs. */
    public List<String> aliasSurnames() {
        return List.of(aliasSurnames);
    }

    /** Date of birth as {@code yyyymmdd}, 0 when absent or invalid. */
    public int dateOfBirth() {
        return dateOfBirth;
    }

    /** Year of birth, 0 when the date of birth is absent or invalid. */
    public int birthYear() {
        return dateOfBirth / 10_000;
    }

    /**
     * The year an impossible date of birth still gives ({@code 1980} for {@code 31/04/1980}), 0 when the
     * date of birth is valid, absent or gives no usable year. Weaker evidence than a date: kept apart from
     * {@link #dateOfBirth()}, which stays 0 for such a record so that "no date of birth" keeps its meaning.
     */
    public int partialBirthYear() {
        return partialBirthYear;
    }

    /** Whether the date of birth is a placeholder or 1 January, weaker evidence than other dates. */
    public boolean isDateOfBirthLowInformation() {
        return dateOfBirthLowInformation;
    }

    /** The sex. */
    public Sex sex() {
        return sex;
    }

    /** Canonical PNC ID, "" when absent or invalid. */
    public String pncId() {
        return pncId;
    }

    /** Canonical CRO number, "" when absent or invalid. */
    public String croNumber() {
        return croNumber;
    }

    /** Canonical NI number, "" when absent, invalid or not identifying. */
    public String niNumber() {
        return niNumber;
    }

    /** Canonical driving licence number, "" when absent or invalid. */
    public String drivingLicence() {
        return drivingLicence;
    }

    /** Canonical warrant number, "" when absent or invalid. */
    public String warrantNumber() {
        return warrantNumber;
    }

    /** Whether a PNC ID was given but is invalid. */
    public boolean hasInvalidPncId() {
        return (invalidIdentifiers & PNC) != 0;
    }

    /** Whether a CRO number was given but is invalid. */
    public boolean hasInvalidCroNumber() {
        return (invalidIdentifiers & CRO) != 0;
    }

    /** Whether an NI number was given but is invalid or not identifying. */
    public boolean hasInvalidNiNumber() {
        return (invalidIdentifiers & NI) != 0;
    }

    /** Whether a driving licence number was given but is invalid. */
    public boolean hasInvalidDrivingLicence() {
        return (invalidIdentifiers & LICENCE) != 0;
    }

    /** Whether a warrant number was given but is invalid. */
    public boolean hasInvalidWarrantNumber() {
        return (invalidIdentifiers & WARRANT) != 0;
    }

    /** Phone in E.164, "" when absent or invalid. */
    public String phone() {
        return phone;
    }

    /** Email, "" when absent or invalid. */
    public String email() {
        return email;
    }

    /** Postcode without spaces (UK or kept foreign value), "" when absent. */
    public String postcode() {
        return postcode;
    }

    /** UK postcode sector without spaces (e.g. {@code SW1A1}), "" otherwise. */
    public String postcodeSector() {
        return postcodeSector;
    }

    /** UK postcode district (e.g. {@code SW1A}), "" otherwise. */
    public String postcodeDistrict() {
        return postcodeDistrict;
    }

    /** Address words, folded and sorted. */
    public List<String> addressTokens() {
        return List.of(addressTokens);
    }

    /** Whether the record has at least one address word. */
    public boolean hasAddress() {
        return addressTokens.length > 0;
    }

    /** Fraction of address words shared (Jaccard), 0 when either address is empty. */
    public double addressSimilarity(ComparableRecord other) {
        if (addressTokens.length == 0 || other.addressTokens.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < addressTokens.length && j < other.addressTokens.length) {
            // Words are shared between records made by one factory, so equal words are usually one object.
            String x = addressTokens[i];
            String y = other.addressTokens[j];
            int c = x == y ? 0 : x.compareTo(y);
            if (c == 0) {
                shared++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return shared / (double) (addressTokens.length + other.addressTokens.length - shared);
    }

    /** Generic identifiers with valid values, by type. */
    public Map<String, String> identifiers() {
        return identifiers;
    }

    static {
        // The comparisons and blocking keys walk two records' identifiers sorted by type, without an iterator:
        // the parallel arrays reach them through the internal package, so they are no part of the API.
        LibraryAccess.installIdentifierArrays(new LibraryAccess.IdentifierArrays() {
            @Override
            public String[] types(ComparableRecord record) {
                return record.identifierTypes;
            }

            @Override
            public String[] values(ComparableRecord record) {
                return record.identifierValues;
            }
        });
    }

    /** The valid value of the generic identifier of {@code type}, "" when the record has none. */
    public String identifier(String type) {
        String value = identifiers.get(type);
        return value == null ? "" : value;
    }

    /** Event date as {@code yyyymmdd}, 0 when absent or invalid. */
    public int eventDate() {
        return eventDate;
    }

    /** The event type as the force wrote it, trimmed; "" when absent. */
    public String eventType() {
        return eventType;
    }

    /** The force's official name when it is known, else the force text as given, trimmed. */
    public String forceName() {
        return forceName;
    }

    /** Whether the record has no name but still identifies someone (see {@link PersonRecord#hasPurgedName()}). */
    public boolean isNamePurged() {
        return namePurged;
    }

    /** Whether the record has a name at all (its own or an alias). */
    public boolean hasName() {
        return !forename.isEmpty() || !surname.isEmpty() || aliasSurnames.length > 0 || aliasForenames.length > 0;
    }

    /** All forenames the record is known by: its own and its aliases'. */
    public List<String> allForenames() {
        List<String> all = new ArrayList<>(1 + aliasForenames.length);
        if (!forename.isEmpty()) {
            all.add(forename);
        }
        all.addAll(List.of(aliasForenames));
        return all;
    }

    @Override
    public String toString() {
        return "ComparableRecord[" + recordId + "]"; // no personal data
    }
}
