package io.github.palimpsest.normalise;

import java.util.List;
import java.util.Optional;

/**
 * A value parsed from raw text by one of the normalisers: the raw text is always kept, and the value is
 * either usable (with its canonical form) or not (with the reasons why).
 *
 * <p>Parsers never throw on any input and never return {@code null}; every implementation is immutable
 * and thread-safe. A value may be usable and still carry problems that lower its weight as evidence (a
 * 1&nbsp;January date of birth, a postcode that is not a UK postcode): {@link #problems()} holds warnings
 * as well as errors, and {@link #isValid()} alone says whether {@link #canonical()} is present.
 */
public interface ParsedValue {

    /** The text exactly as it was given (never {@code null}; empty when the field was absent). */
    String raw();

    /** Whether the raw text held anything other than white space. */
    default boolean isPresent() {
        return !raw().isBlank();
    }

    /** Whether the value is usable as evidence, that is whether {@link #canonical()} is present. */
    default boolean isValid() {
        return canonical().isPresent();
    }

    /** The canonical form used for comparison, or empty when the value is absent or invalid. */
    Optional<String> canonical();

    /**
     * Human-readable reasons the value is invalid or weak, e.g. {@code "check letter should be H, not A"}.
     * Empty for a clean value and for an absent one.
     */
    List<String> problems();
}
