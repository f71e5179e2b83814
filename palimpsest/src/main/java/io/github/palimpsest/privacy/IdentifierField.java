package io.github.palimpsest.privacy;

import io.github.palimpsest.normalise.ParsedValue;
import io.github.palimpsest.record.PersonRecord;
import java.util.Optional;
import java.util.function.Function;

/**
 * The identifiers of the canonical schema that a {@link Tombstone} keeps as keyed
 * {@linkplain IdentifierToken tokens}, each under its own key. Generic {@code id_<type>} identifiers are
 * kept too, by type (see {@link Tombstone#otherIdentifiers()}).
 */
public enum IdentifierField {
    /** Police National Computer ID. */
    PNC_ID("pnc_id", PersonRecord::pncId),
    /** Criminal Records Office number. */
    CRO_NUMBER("cro_number", PersonRecord::croNumber),
    /** National Insurance number. */
    NI_NUMBER("ni_number", PersonRecord::niNumber),
    /** DVLA driving licence number. */
    DRIVING_LICENCE("driving_licence", PersonRecord::drivingLicence),
    /** Police warrant number. */
    WARRANT_NUMBER("warrant_number", PersonRecord::warrantNumber),
    /** Phone number (E.164). */
    PHONE("phone", PersonRecord::phone),
    /** Email address. */
    EMAIL("email", PersonRecord::email);

    private final String column;
    private final Function<PersonRecord, ParsedValue> value;

    IdentifierField(String column, Function<PersonRecord, ParsedValue> value) {
        this.column = column;
        this.value = value;
    }

    /** The canonical schema column, also the column of the token in a token file, e.g. {@code "pnc_id"}. */
    public String column() {
        return column;
    }

    /** The record's canonical value, empty when absent or invalid (an invalid value makes no token). */
    Optional<String> canonical(PersonRecord record) {
        return value.apply(record).canonical();
    }
}
