package io.github.palimpsest.record;

import io.github.palimpsest.normalise.DateParser;
import io.github.palimpsest.normalise.ForceName;
import io.github.palimpsest.normalise.Forces;
import io.github.palimpsest.normalise.NameParser;
import io.github.palimpsest.normalise.ParsedDate;
import io.github.palimpsest.normalise.PersonName;
import io.github.palimpsest.normalise.Phone;
import io.github.palimpsest.normalise.Postcode;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for one read of a pool, the normalised form of the raw values records repeat: dates of birth
 * and event dates (a million generated records hold about 100,000 distinct date texts) and forces (a
 * handful), all of them; names, postcodes and phones, the recent ones (see {@link RecentValues}). The
 * normalisers are pure functions of the raw text and the reference date, and their results are immutable,
 * so records built through the cache are equal to records built without it; only the parsing is saved.
 * Thread-safe; held by one read and dropped with it, so nothing outlives the pool.
 */
final class ParseCache {
    /** Parses every value afresh: what {@link PersonRecord.Builder#build()} uses. */
    static final ParseCache NONE = new ParseCache(null);

    /** Slots per memo: 2^14 entries of a few hundred bytes each, a few megabytes per memo. */
    private static final int MEMO_BITS = 14;

    private final LocalDate referenceDate;
    private final ConcurrentHashMap<String, ParsedDate> datesOfBirth;
    private final ConcurrentHashMap<String, ParsedDate> eventDates;
    private final ConcurrentHashMap<String, ForceName> forces;
    /*
     * Names, postcodes and phones have too many distinct values to keep them all (a million records hold
     * hundreds of thousands of names, with a long tail of rare surnames), but one person's records and the
     * common names repeat within a few thousand rows: bounded memos catch those at a fixed cost of memory.
     */
    private final RecentValues<NameFields, PersonName> names;
    private final RecentValues<String, PersonName> fullNames;
    private final RecentValues<String, Postcode> postcodes;
    private final RecentValues<String, Phone> phones;

    /** The separate name fields of a record, as one key. */
    private record NameFields(String forename, String middleNames, String surname) {
    }

    private ParseCache(LocalDate referenceDate) {
        this.referenceDate = referenceDate;
        boolean caching = referenceDate != null;
        this.datesOfBirth = caching ? new ConcurrentHashMap<>(1 << 12) : null;
        this.eventDates = caching ? new ConcurrentHashMap<>(1 << 12) : null;
        this.forces = caching ? new ConcurrentHashMap<>() : null;
        this.names = caching ? new RecentValues<>(MEMO_BITS,
                key -> NameParser.parse(key.forename(), key.middleNames(), key.surname())) : null;
        this.fullNames = caching ? new RecentValues<>(MEMO_BITS, NameParser::parse) : null;
        this.postcodes = caching ? new RecentValues<>(MEMO_BITS, Postcode::parse) : null;
        this.phones = caching ? new RecentValues<>(MEMO_BITS, Phone::parse) : null;
    }

    /** A cache for records judged against one reference date. */
    static ParseCache forReferenceDate(LocalDate referenceDate) {
        return new ParseCache(referenceDate);
    }

    ParsedDate dateOfBirth(String raw, LocalDate reference) {
        if (datesOfBirth == null || !reference.equals(referenceDate)) {
            return DateParser.parseDateOfBirth(raw, reference);
        }
        ParsedDate date = datesOfBirth.get(raw);
        return date != null ? date : datesOfBirth.computeIfAbsent(raw, r -> DateParser.parseDateOfBirth(r, reference));
    }

    ParsedDate eventDate(String raw, LocalDate reference) {
        if (eventDates == null || !reference.equals(referenceDate)) {
            return DateParser.parseEventDate(raw, reference);
        }
        ParsedDate date = eventDates.get(raw);
        return date != null ? date : eventDates.computeIfAbsent(raw, r -> DateParser.parseEventDate(r, reference));
    }

    ForceName force(String raw) {
        if (forces == null) {
            return Forces.standard().resolve(raw);
        }
        ForceName force = forces.get(raw);
        return force != null ? force : forces.computeIfAbsent(raw, Forces.standard()::resolve);
    }

    PersonName name(String forename, String middleNames, String surname) {
        return names == null ? NameParser.parse(forename, middleNames, surname)
                : names.get(new NameFields(forename, middleNames, surname));
    }

    PersonName fullName(String raw) {
        return fullNames == null ? NameParser.parse(raw) : fullNames.get(raw);
    }

    Postcode postcode(String raw) {
        return postcodes == null ? Postcode.parse(raw) : postcodes.get(raw);
    }

    Phone phone(String raw) {
        return phones == null ? Phone.parse(raw) : phones.get(raw);
    }
}
