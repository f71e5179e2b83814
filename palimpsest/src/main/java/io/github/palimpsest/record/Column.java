package io.github.palimpsest.record;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The columns of the canonical input schema. Header matching ignores case and surrounding spaces;
 * {@code id_<type>} columns and unknown columns are handled outside this list.
 */
public enum Column {
    RECORD_ID, FORCE, FULL_NAME, FORENAME, MIDDLE_NAMES, SURNAME, ALIASES, DOB, SEX, PNC_ID, CRO_NUMBER,
    NI_NUMBER, DRIVING_LICENCE, WARRANT_NUMBER, PHONE, EMAIL, POSTCODE, ADDRESS, EVENT_DATE, EVENT_TYPE,
    EVENT_SUMMARY;

    /** The prefix of a generic identifier column, e.g. {@code id_passport}. */
    public static final String IDENTIFIER_PREFIX = "id_";

    private static final Map<String, Column> BY_HEADER =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(Column::header, Function.identity()));

    /** The column's header as written in CSV files, e.g. {@code "record_id"}. */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The column a header names, ignoring case and surrounding spaces; empty when it is not canonical. */
    public static Optional<Column> forHeader(String header) {
        return Optional.ofNullable(BY_HEADER.get(normaliseHeader(header)));
    }

    /** A header folded for matching: trimmed and lower-cased. */
    public static String normaliseHeader(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
    }
}
