package io.github.palimpsest.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Maps;
import io.github.palimpsest.record.PersonRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What is left of a record about a person after a purge: no readable personal data, but keyed tokens of
 * its identifiers and hardened Bloom-filter encodings of its names, date of birth, postcode and address,
 * so that a later record about the same person can still be told that an earlier record exists (see
 * {@link TombstoneComparisons} and {@link TombstoneMatcher}).
 *
 * <p>A live record tokenised with the same secret has exactly the same shape, so a new record is matched
 * against a tombstone store by tokenising it first; forces that share a secret can share tombstones
 * instead of names. Beside the tokens, a tombstone keeps an opaque {@link #reference()} to the original
 * record and, as {@link TombstoneOptions} choose, the force, event date and event type.
 *
 * <pre>{@code
 * DeploymentSecret secret = DeploymentSecret.load(Path.of("deployment.key"));
 * Tombstone t = Tombstone.of(record, secret, TombstoneOptions.defaults());
 * t.token(IdentifierField.PNC_ID);          // Optional[IdentifierToken] when the record had a valid PNC ID
 * t.filter(BloomField.SURNAME);             // Optional[BloomFilter], 1,024 bits, 512 set
 * }</pre>
 *
 * <p>Deterministic: the same record, secret and options always give the same tombstone. Immutable and
 * thread-safe; {@link #toString()} holds the reference and key id only.
 */
public final class Tombstone {

    private static final CharMatcher CONTROL = CharMatcher.javaIsoControl();
    /** The longest caller-provided reference accepted. */
    public static final int MAX_REFERENCE_LENGTH = 256;

    private final String keyId;
    private final String reference;
    private final Optional<String> force;
    private final Optional<LocalDate> eventDate;
    private final Optional<String> eventType;
    private final ImmutableMap<IdentifierField, IdentifierToken> tokens;
    private final ImmutableSortedMap<String, IdentifierToken> otherIdentifiers;
    private final ImmutableMap<BloomField, BloomFilter> filters;
    private final String tag;
    // Arrays indexed by ordinal for the comparison loop: no map look-up per pair.
    private final IdentifierToken[] tokenByOrdinal = new IdentifierToken[IdentifierField.values().length];
    private final BloomFilter[] filterByOrdinal = new BloomFilter[BloomField.values().length];

    Tombstone(String keyId, String reference, Optional<String> force, Optional<LocalDate> eventDate,
              Optional<String> eventType, Map<IdentifierField, IdentifierToken> tokens,
              Map<String, IdentifierToken> otherIdentifiers, Map<BloomField, BloomFilter> filters, String tag) {
        this.keyId = keyId;
        this.reference = reference;
        this.force = force;
        this.eventDate = eventDate;
        this.eventType = eventType;
        this.tokens = Maps.immutableEnumMap(tokens);
        this.otherIdentifiers = ImmutableSortedMap.copyOf(otherIdentifiers);
        this.filters = Maps.immutableEnumMap(filters);
        this.tag = tag;
        this.tokens.forEach((f, t) -> tokenByOrdinal[f.ordinal()] = t);
        this.filters.forEach((f, b) -> filterByOrdinal[f.ordinal()] = b);
    }

    /**
     * Tokenises a record with a reference derived from its force and record id (an HMAC: the record id
     * cannot be read back from it, but the force that holds the key can recompute it to find the record).
     *
     * @throws IllegalStateException if the secret has been destroyed
     */
    public static Tombstone of(PersonRecord record, DeploymentSecret secret, TombstoneOptions options) {
        checkNotNull(record, "record");
        checkNotNull(options, "options");
        return checkNotNull(secret, "secret").tokeniser().tombstone(record, options, Optional.empty());
    }

    /**
     * Tokenises a record with a reference of the caller's choosing (a case number in the force's own
     * system, say): it is stored as given, so it must not itself be personal data.
     *
     * @throws IllegalArgumentException if the reference is blank, longer than {@value #MAX_REFERENCE_LENGTH}
     *                                  characters or holds control characters
     */
    public static Tombstone of(PersonRecord record, DeploymentSecret secret, TombstoneOptions options,
                               String reference) {
        checkNotNull(record, "record");
        checkNotNull(options, "options");
        checkArgument(isValidReference(reference), "a reference must be 1 to %s characters without control "
                + "characters and not blank", MAX_REFERENCE_LENGTH);
        return checkNotNull(secret, "secret").tokeniser().tombstone(record, options, Optional.of(reference));
    }

    static boolean isValidReference(String reference) {
        return reference != null && !reference.isBlank() && reference.length() <= MAX_REFERENCE_LENGTH
                && CONTROL.matchesNoneOf(reference);
    }

    Tombstone withTag(String newTag) {
        return new Tombstone(keyId, reference, force, eventDate, eventType, tokens, otherIdentifiers, filters, newTag);
    }

    /** The {@linkplain DeploymentSecret#keyId() key id} of the secret that made the tokens. */
    public String keyId() {
        return keyId;
    }

    /** The opaque reference to the original record. */
    public String reference() {
        return reference;
    }

    /** The force code (or the force as written when it has no code), when kept. */
    public Optional<String> force() {
        return force;
    }

    /** The event date, when kept and valid. */
    public Optional<LocalDate> eventDate() {
        return eventDate;
    }

    /** The event type, when kept and present. */
    public Optional<String> eventType() {
        return eventType;
    }

    /** The token of one identifier; empty when the record had no valid value. */
    public Optional<IdentifierToken> token(IdentifierField field) {
        return Optional.ofNullable(tokenByOrdinal[field.ordinal()]);
    }

    IdentifierToken tokenOrNull(IdentifierField field) {
        return tokenByOrdinal[field.ordinal()];
    }

    /** Every identifier token of the standard fields. */
    public Map<IdentifierField, IdentifierToken> tokens() {
        return tokens;
    }

    /** Tokens of the generic {@code id_<type>} identifiers, by type, sorted. */
    public Map<String, IdentifierToken> otherIdentifiers() {
        return otherIdentifiers;
    }

    /** The filter of one field; empty when the record had no usable value. */
    public Optional<BloomFilter> filter(BloomField field) {
        return Optional.ofNullable(filterByOrdinal[field.ordinal()]);
    }

    BloomFilter filterOrNull(BloomField field) {
        return filterByOrdinal[field.ordinal()];
    }

    /** Every filter present. */
    public Map<BloomField, BloomFilter> filters() {
        return filters;
    }

    /** The row's integrity tag: a keyed MAC over every other value (see {@link TombstoneCsv}). */
    public String tag() {
        return tag;
    }

    /** Whether the tombstone holds any token or filter at all, that is whether it can ever match. */
    public boolean hasEvidence() {
        return !tokens.isEmpty() || !otherIdentifiers.isEmpty() || !filters.isEmpty();
    }

    /** The values of a token-file row, in {@link TombstoneCsv#COLUMNS} order, without the tag. */
    List<String> rowValuesWithoutTag() {
        List<String> values = new ArrayList<>(TombstoneCsv.COLUMNS.size());
        values.add(TombstoneCsv.FORMAT);
        values.add(keyId);
        values.add(reference);
        values.add(force.orElse(""));
        values.add(eventDate.map(LocalDate::toString).orElse(""));
        values.add(eventType.orElse(""));
        for (IdentifierField field : IdentifierField.values()) {
            values.add(token(field).map(IdentifierToken::toText).orElse(""));
        }
        StringJoiner others = new StringJoiner(";");
        otherIdentifiers.forEach((type, token) -> others.add(type + ":" + token.toText()));
        values.add(others.toString());
        for (BloomField field : BloomField.values()) {
            values.add(filter(field).map(BloomFilter::toBase64).orElse(""));
        }
        return values;
    }

    /** Equal when every value, the tag included, is equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tombstone)) {
            return false;
        }
        Tombstone t = (Tombstone) o;
        return keyId.equals(t.keyId) && reference.equals(t.reference) && force.equals(t.force)
                && eventDate.equals(t.eventDate) && eventType.equals(t.eventType) && tokens.equals(t.tokens)
                && otherIdentifiers.equals(t.otherIdentifiers) && filters.equals(t.filters) && tag.equals(t.tag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reference, tag);
    }

    /** The reference, force and key id. */
    @Override
    public String toString() {
        return "Tombstone[" + reference + ", force=" + force.orElse("?") + ", key id " + keyId + "]";
    }
}
