package io.github.palimpsest.synthetic;

/** How a force capitalises names. Immutable and thread-safe. */
public enum NameCase {
    /** Every name in capitals: {@code JOHN PAUL SMITH}. */
    UPPER,
    /** Names as usually written: {@code John Paul Smith}, {@code O'Brien}, {@code McDonald}. */
    TITLE,
    /** Surname in capitals, other names as usually written: {@code John Paul SMITH}. */
    SURNAME_UPPER
}
