package io.github.palimpsest.record;

import io.github.palimpsest.normalise.DateParser;
import io.github.palimpsest.normalise.ForceName;
import io.github.palimpsest.normalise.Forces;
import io.github.palimpsest.normalise.ParsedDate;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for one read of a pool, the normalised form of the raw values records repeat most: dates of
 * birth and event dates (a million generated records hold about 100,000 distinct date texts) and forces
 * (a handful). The normalisers are pure functions of the raw text and the reference date, and their
 * results are immutable, so records built through the cache are equal to records built without it; only
 * the parsing is saved. Thread-safe; held by one read and dropped with it, so nothing outlives the pool.
 */
final class ParseCache {
    /** Parses every value afresh: what {@link PersonRecord.Builder#build()} uses. */
    static final ParseCache NONE = new ParseCache(null);

    private final LocalDate referenceDate;
    private final ConcurrentHashMap<String, ParsedDate> datesOfBirth;
    private final ConcurrentHashMap<String, ParsedDate> eventDates;
    private final ConcurrentHashMap<String, ForceName> forces;

    private ParseCache(LocalDate referenceDate) {
        this.referenceDate = referenceDate;
        boolean caching = referenceDate != null;
        this.datesOfBirth = caching ? new ConcurrentHashMap<>(1 << 12) : null;
        this.eventDates = caching ? new ConcurrentHashMap<>(1 << 12) : null;
        this.forces = caching ? new ConcurrentHashMap<>() : null;
    }

    /** A cache for records judged against one reference date. */
    static ParseCache forReferenceDate(LocalDate referenceDate) {
        return new ParseCache(referenceDate);
    }

    ParsedDate dateOfBirth(String raw, LocalDate reference, int earliestYear) {
        if (earliestYear != DateParser.DEFAULT_EARLIEST_YEAR) {
            return DateParser.parseDateOfBirth(raw, reference, earliestYear); // not the cached range
        }
        if (datesOfBirth == null || !reference.equals(referenceDate)) {
            return DateParser.parseDateOfBirth(raw, reference);
        }
        ParsedDate date = datesOfBirth.get(raw);
        return date != null ? date : datesOfBirth.computeIfAbsent(raw, r -> DateParser.parseDateOfBirth(r, reference));
    }

    ParsedDate eventDate(String raw, LocalDate reference, int earliestYear) {
        if (earliestYear != DateParser.DEFAULT_EARLIEST_YEAR) {
            return DateParser.parseEventDate(raw, reference, earliestYear);
        }
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
}
