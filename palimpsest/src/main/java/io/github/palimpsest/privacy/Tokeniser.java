package io.github.palimpsest.privacy;

import io.github.palimpsest.record.PersonRecord;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;

/**
 * Makes {@link Tombstone}s under one deployment secret: identifier tokens, Bloom filters, the default
 * reference and the row tag, each with its own derived key (see {@link KeySchedule} for the labels).
 * Thread-safe; owned by its {@link DeploymentSecret}.
 */
final class Tokeniser {

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    /** Bytes of the default reference: 96 bits, unique among billions of records. */
    private static final int REFERENCE_BYTES = 12;
    /** The size every equivalents feature set is padded to: more than most names have. */
    static final int EQUIVALENTS_SET_SIZE = 12;

    private final KeySchedule keys;
    private final String keyId;
    private final Map<BloomField, BloomEncoder> encoders = new EnumMap<>(BloomField.class);

    Tokeniser(KeySchedule keys, String keyId) {
        this.keys = keys;
        this.keyId = keyId;
        for (BloomField field : BloomField.values()) {
            encoders.put(field, new BloomEncoder(keys, field));
        }
    }

    String keyId() {
        return keyId;
    }

    Tombstone tombstone(PersonRecord record, TombstoneOptions options, Optional<String> reference) {
        byte[] identity = identity(record);
        Map<IdentifierField, IdentifierToken> tokens = new EnumMap<>(IdentifierField.class);
        for (IdentifierField field : IdentifierField.values()) {
            field.canonical(record).ifPresent(v -> tokens.put(field, token("token/" + field.column(), v)));
        }
        Map<String, IdentifierToken> others = new TreeMap<>();
        record.identifiers().forEach((type, id) -> id.canonical()
                .ifPresent(v -> others.put(type, token("token/id_" + type, v))));
        Map<BloomField, BloomFilter> filters = new EnumMap<>(BloomField.class);
        for (BloomField field : BloomField.values()) {
            Set<String> features = Features.of(field, record);
            if (field == BloomField.FORENAME_EQUIVALENTS && !features.isEmpty()) {
                features = padded(features, identity);
            }
            if (!features.isEmpty()) {
                filters.put(field, encoders.get(field).encode(features, identity));
            }
        }
        String force = record.force().canonical().orElse(record.force().raw().strip());
        Optional<LocalDate> eventDate = options.keepEventDate() ? record.eventDate().date() : Optional.empty();
        Optional<String> eventType = options.keepEventType() && !record.eventType().isEmpty()
                ? Optional.of(record.eventType()) : Optional.empty();
        String ref = reference.orElseGet(() -> BASE64.encodeToString(truncate(
                keys.mac("reference").doFinal(identity), REFERENCE_BYTES)));
        Tombstone unsigned = new Tombstone(keyId, ref,
                options.keepForce() && !force.isEmpty() ? Optional.of(force) : Optional.empty(),
                eventDate, eventType, tokens, others, filters, "");
        return unsigned.withTag(tag(unsigned.rowValuesWithoutTag()));
    }

    /**
     * Pads a set of equivalent names to {@value #EQUIVALENTS_SET_SIZE} features with dummies unique to the
     * record (keyed by its identity), so every equivalents filter has about the same base fill: without
     * it, two unrelated names with few equivalents would agree on most of their unset bits and look
     * alike to a balanced filter's Dice.
     */
    private Set<String> padded(Set<String> features, byte[] identity) {
        if (features.size() >= EQUIVALENTS_SET_SIZE) {
            return features;
        }
        String seed = BASE64.encodeToString(truncate(keys.mac("pad/" + BloomField.FORENAME_EQUIVALENTS.column())
                .doFinal(identity), IdentifierToken.BYTES));
        Set<String> all = new LinkedHashSet<>(features);
        for (int i = 0; all.size() < EQUIVALENTS_SET_SIZE; i++) {
            all.add(BloomEncoder.UNCACHED_PREFIX + seed + i);
        }
        return all;
    }

    /** The record's identity, the message of its reference and noise: force and record id, NUL-separated. */
    private static byte[] identity(PersonRecord record) {
        String force = record.force().canonical().orElse(record.force().raw().strip());
        return (force + '\0' + record.recordId()).getBytes(StandardCharsets.UTF_8);
    }

    private IdentifierToken token(String purpose, String canonical) {
        return IdentifierToken.ofBytes(keys.mac(purpose).doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The row tag: 128 bits of {@code HMAC(K_tag, v1 ‖ 0x1F ‖ v2 ‖ ... )} over the row's values in column
     * order, so any change to any value, or a row moved between files of different keys, is detected.
     */
    String tag(List<String> values) {
        Mac mac = keys.mac("row-tag");
        for (String v : values) {
            mac.update(v.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0x1F);
        }
        return BASE64.encodeToString(truncate(mac.doFinal(), IdentifierToken.BYTES));
    }

    /** An encoder with other parameters under this secret's keys, for experiments. */
    BloomEncoder encoder(BloomField field, int hashCount, double flipProbability, boolean balanced) {
        return new BloomEncoder(keys, field, hashCount, flipProbability, balanced);
    }

    static byte[] identityOf(PersonRecord record) {
        return identity(record);
    }

    void clearCaches() {
        encoders.values().forEach(BloomEncoder::clear);
    }

    private static byte[] truncate(byte[] bytes, int length) {
        byte[] out = new byte[length];
        System.arraycopy(bytes, 0, out, 0, length);
        return out;
    }
}
