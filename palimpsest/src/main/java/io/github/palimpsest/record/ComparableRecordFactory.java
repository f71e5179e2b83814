package io.github.palimpsest.record;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.normalise.PhoneticKeys;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the {@link PersonRecord}s of one pool into {@link ComparableRecord}s, sharing what the records have
 * in common: one instance of each repeated string (forenames, surnames, postcode districts, address
 * words, force names, event types), and the phonetic keys of each distinct name and the words of each distinct address,
 * computed once.
 *
 * <p>Why: a million records hold a few tens of thousands of distinct names, so encoding Double Metaphone
 * and NYSIIS per distinct name rather than per record removes most of the cost of preparing a record, and
 * sharing strings shrinks the records and turns most equality tests in the comparison loop into a
 * reference comparison ({@link String#equals} checks identity first). The records produced are equal,
 * field by field, to those of {@link ComparableRecord#of(PersonRecord)}.
 *
 * <p>Thread-safe: records may be prepared from several threads at once. The shared values live as long
 * as the factory, so use one factory per pool (per run) and let it go with the run; values unique to a
 * record (record ids, identifiers, phones, emails) are never held.
 *
 * <pre>{@code
 * ComparableRecordFactory factory = ComparableRecordFactory.create();
 * ComparableRecord[] prepared = records.parallelStream().map(factory::of).toArray(ComparableRecord[]::new);
 * }</pre>
 */
public final class ComparableRecordFactory {

    /** No sharing: what {@link ComparableRecord#of(PersonRecord)} uses. */
    static final ComparableRecordFactory UNSHARED = new ComparableRecordFactory(false);

    private final boolean sharing;
    private final ConcurrentHashMap<String, String> strings;
    /** Folded name → what records derive from it (shared instance, phonetic keys, nicknames, variants). */
    private final ConcurrentHashMap<String, NameForm> names;
    /** Address text → its sorted, distinct words. */
    private final ConcurrentHashMap<String, String[]> addresses;

    private ComparableRecordFactory(boolean sharing) {
        this.sharing = sharing;
        this.strings = sharing ? new ConcurrentHashMap<>(1 << 16) : null;
        this.names = sharing ? new ConcurrentHashMap<>(1 << 14) : null;
        this.addresses = sharing ? new ConcurrentHashMap<>(1 << 14) : null;
    }

    /** A factory for one pool, holding nothing yet. */
    public static ComparableRecordFactory create() {
        return new ComparableRecordFactory(true);
    }

    /**
     * The comparable form of a record, equal to {@link ComparableRecord#of(PersonRecord)}'s.
     *
     * @throws NullPointerException if the record is null
     */
    public ComparableRecord of(PersonRecord record) {
        return new ComparableRecord(checkNotNull(record, "record"), this);
    }

    /** The number of distinct strings and names held so far (for logging). */
    public int sharedValues() {
        return sharing ? strings.size() + names.size() + addresses.size() : 0;
    }

    /** The one shared instance equal to {@code value}. */
    String share(String value) {
        if (!sharing || value.isEmpty()) {
            return value.isEmpty() ? "" : value;
        }
        // A look-up first: most values are already held, and get() neither locks nor counts.
        String held = strings.get(value);
        if (held != null) {
            return held;
        }
        String previous = strings.putIfAbsent(value, value);
        return previous == null ? value : previous;
    }

    /** Shares every element of the array in place and returns it. */
    String[] shareAll(String[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = share(values[i]);
        }
        return values;
    }

    /**
     * The address words of an address text, computed once per distinct address (generated pools repeat
     * each address several times) and shared: records never expose the array itself.
     */
    String[] addressTokens(String address) {
        if (!sharing || address.isEmpty()) {
            return shareAll(ComparableRecord.tokens(address));
        }
        String[] tokens = addresses.get(address);
        if (tokens == null) {
            tokens = shareAll(ComparableRecord.tokens(address));
            String[] previous = addresses.putIfAbsent(address, tokens);
            if (previous != null) {
                tokens = previous;
            }
        }
        return tokens;
    }

    /**
     * What records derive from a folded, non-empty name, computed once per distinct name. The map is keyed by
     * every distinct name part of the pool (a long tail of rare surnames included), as the phonetic keys were.
     */
    NameForm nameForm(String name) {
        if (!sharing) {
            return formOf(name);
        }
        NameForm form = names.get(name);
        if (form == null) {
            form = formOf(name);
            NameForm previous = names.putIfAbsent(form.name, form);
            if (previous != null) {
                form = previous;
            }
        }
        return form;
    }

    private NameForm formOf(String name) {
        String held = share(name);
        String[] nicknames = ComparableRecord.nicknamesOf(held);
        return new NameForm(held, encode(held), nicknames, ComparableRecord.nicknameHashesOf(held, nicknames));
    }

    private String[] encode(String name) {
        return new String[] {share(PhoneticKeys.doubleMetaphone(name)),
                share(PhoneticKeys.doubleMetaphoneAlternate(name)), share(PhoneticKeys.nysiis(name))};
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "ComparableRecordFactory[shared=" + sharedValues() + "]";
    }
}
