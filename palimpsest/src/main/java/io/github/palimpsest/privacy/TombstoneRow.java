package io.github.palimpsest.privacy;

import io.github.palimpsest.record.InputException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/** Parses and checks one row of a token file (see {@link TombstoneCsv}). Stateless. */
final class TombstoneRow {

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern ID_TYPE = Pattern.compile("[a-z0-9_]{1,64}");

    private TombstoneRow() {
    }

    /**
     * One row of the current format, checked: {@code fileKeyId} is the key id of the file's integrity line,
     * which every row must carry; with a tokeniser, the row's tag is verified.
     */
    static Tombstone parse(Path file, long line, CSVRecord record, String fileKeyId, Optional<Tokeniser> tokeniser) {
        return parse(file, line, record, TombstoneCsv.CURRENT, fileKeyId, tokeniser);
    }

    /**
     * One row of the format of {@code layout} (the current one, or an earlier one when a file is upgraded),
     * checked as {@link #parse(Path, long, CSVRecord, String, Optional)} does; the tag is verified over the
     * row's values as that format wrote them. A filter the format has no column for is absent.
     */
    static Tombstone parse(Path file, long line, CSVRecord record, TombstoneCsv.Layout layout, String fileKeyId,
                           Optional<Tokeniser> tokeniser) {
        String expectedFormat = layout.format();
        List<String> v = record.toList();
        List<String> columns = layout.columns();
        if (v.size() != columns.size()) {
            throw new InputException(file, line, v.size() + " fields, expected " + columns.size()
                    + (v.size() < columns.size() ? ": the row is truncated" : ": the row has extra fields"));
        }
        String format = v.get(0);
        if (!format.equals(expectedFormat)) {
            throw new InputException(file, line, format.startsWith(TombstoneCsv.FORMAT_PREFIX)
                    ? "format '" + format + "' is not supported here; expected " + expectedFormat
                    : "not a token row: the format column should be '" + expectedFormat + "'");
        }
        String keyId = v.get(1);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new InputException(file, line, "key_id should be 16 lower-case hexadecimal digits");
        }
        if (!keyId.equals(fileKeyId)) {
            throw new InputException(file, line, layout.hasIntegrityLine()
                    ? "made with key id " + keyId + ", but the file's integrity line (line 1) has key id "
                            + fileKeyId + "; rows of files made with different keys were mixed"
                    : "made with key id " + keyId + ", but the key given has key id " + fileKeyId);
        }
        String reference = v.get(2);
        if (!Tombstone.isValidReference(reference)) {
            throw new InputException(file, line, "reference must be 1 to " + Tombstone.MAX_REFERENCE_LENGTH
                    + " characters without control characters");
        }
        Optional<String> force = optionalText(file, line, "force", v.get(3));
        Optional<LocalDate> eventDate = date(file, line, v.get(4));
        Optional<String> eventType = optionalText(file, line, "event_type", v.get(5));
        Map<IdentifierField, IdentifierToken> tokens = new EnumMap<>(IdentifierField.class);
        for (IdentifierField field : IdentifierField.values()) {
            String text = v.get(TombstoneCsv.FIXED_COLUMNS + field.ordinal());
            if (!text.isEmpty()) {
                tokens.put(field, token(file, line, field.column(), text));
            }
        }
        Map<String, IdentifierToken> others = otherIds(file, line, v.get(TombstoneCsv.otherIdsColumn()));
        Map<BloomField, BloomFilter> filters = new EnumMap<>(BloomField.class);
        for (BloomField field : BloomField.values()) {
            int column = layout.filterColumn(field);
            String text = column < 0 ? "" : v.get(column);
            if (!text.isEmpty()) {
                filters.put(field, filter(file, line, field.column() + "_bloom", text));
            }
        }
        String tag = v.get(layout.tagColumn());
        if (IdentifierToken.fromText(tag).isEmpty()) {
            throw new InputException(file, line, "tag should be " + IdentifierToken.TEXT_LENGTH
                    + " URL-safe Base64 characters: the row is truncated or altered");
        }
        Tombstone t = new Tombstone(keyId, reference, force, eventDate, eventType, tokens, others, filters, tag);
        if (tokeniser.isPresent()) {
            List<String> values = layout.valuesOf(t.rowValuesWithoutTag());
            String expected = tokeniser.get().tag(values);
            // Constant-time comparison: a verifier must not tell a forger how many characters were right.
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    tag.getBytes(StandardCharsets.US_ASCII))) {
                throw new InputException(file, line, "the integrity tag does not match the row: the row was "
                        + "altered after it was written");
            }
        }
        return t;
    }

    private static Optional<String> optionalText(Path file, long line, String column, String text) {
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InputException(file, line, column + " holds control characters");
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<LocalDate> date(Path file, long line, String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new InputException(file, line, "event_date should be an ISO date (yyyy-mm-dd) or empty");
        }
    }

    private static IdentifierToken token(Path file, long line, String column, String text) {
        return IdentifierToken.fromText(text).orElseThrow(() -> new InputException(file, line, column
                + " is not a token (" + IdentifierToken.TEXT_LENGTH + " URL-safe Base64 characters, found "
                + text.length() + "): truncated or altered"));
    }

    private static Map<String, IdentifierToken> otherIds(Path file, long line, String text) {
        Map<String, IdentifierToken> others = new TreeMap<>();
        if (text.isEmpty()) {
            return others;
        }
        for (String pair : text.split(";", -1)) {
            int colon = pair.indexOf(':');
            String type = colon < 0 ? "" : pair.substring(0, colon);
            if (!ID_TYPE.matcher(type).matches()) {
                throw new InputException(file, line, "other_ids should be type:token pairs separated by ';', "
                        + "types in a-z, 0-9 and _");
            }
            if (others.put(type, token(file, line, "other_ids (" + type + ")", pair.substring(colon + 1))) != null) {
                throw new InputException(file, line, "other_ids has type '" + type + "' twice");
            }
        }
        return others;
    }

    private static BloomFilter filter(Path file, long line, String column, String text) {
        int expected = TombstoneCsv.filterTextLength();
        if (text.length() != expected) {
            throw new InputException(file, line, column + " has " + text.length() + " characters, expected "
                    + expected + " (" + BloomEncoder.FILTER_BITS + " bits): truncated or altered");
        }
        BloomFilter filter = BloomFilter.fromBase64(text).filter(f -> f.sizeBits() == BloomEncoder.FILTER_BITS
                && f.toBase64().equals(text)).orElseThrow(() -> new InputException(file, line, column
                + " is not URL-safe Base64 of " + BloomEncoder.FILTER_BITS + " bits: altered"));
        if (filter.cardinality() != BloomEncoder.BASE_BITS) {
            throw new InputException(file, line, column + " has " + filter.cardinality() + " bits set; every "
                    + "filter has exactly " + BloomEncoder.BASE_BITS + ": altered");
        }
        return filter;
    }
}
