package io.github.palimpsest.record;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Why one field of one record is invalid or weak, e.g. {@code pnc_id: check letter should be H, not A}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} gives the {@code field: reason} form used in reports.
 *
 * @param field  the canonical column name the problem concerns (e.g. {@code "dob"}, {@code "row"})
 * @param reason a human-readable reason, without the field name
 */
public record Problem(String field, String reason) {

    public Problem {
        checkNotNull(field, "field");
        checkNotNull(reason, "reason");
    }

    /**
     * Makes a problem from a normaliser's message, dropping a leading {@code "field: "} that repeats the
     * field name so that reports never say it twice. The name parser labels its messages {@code "name: "}
     * whichever name column it read, so that label is dropped too for {@code full_name}, {@code forename},
     * {@code middle_names} and {@code surname}.
     */
    public static Problem of(String field, String message) {
        String prefix = field + ": ";
        String reason = message.startsWith(prefix) ? message.substring(prefix.length())
                : NAME_FIELDS.contains(field) && message.startsWith(NAME_LABEL) ? message.substring(NAME_LABEL.length())
                : message;
        return new Problem(field, reason);
    }

    private static final String NAME_LABEL = "name: ";
    private static final java.util.Set<String> NAME_FIELDS = java.util.Set.of("full_name", "forename", "middle_names",
            "surname");

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
