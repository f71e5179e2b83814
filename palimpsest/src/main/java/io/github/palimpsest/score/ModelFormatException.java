package io.github.palimpsest.score;

/**
 * A model file that cannot be used: not well-formed JSON (the message gives line and column), not a
 * Palimpsest model, a format version this release does not read, or parameters that break the rules of
 * {@link MatchModelBuilder} (the message names the field, e.g. {@code comparisons[1].levels[0].m}).
 */
public final class ModelFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message that says what is wrong and where. */
    public ModelFormatException(String message) {
        super(message);
    }

    /** An exception with a message and the failure that caused it. */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
