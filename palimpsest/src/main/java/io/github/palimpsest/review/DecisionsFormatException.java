package io.github.palimpsest.review;

import java.io.IOException;

/** A decisions file that cannot be read: a missing column, or a row naming no pair or no verdict. */
public final class DecisionsFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    DecisionsFormatException(String message) {
        super(message);
    }

    DecisionsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
