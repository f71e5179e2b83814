package io.github.palimpsest.synthetic;

/**
 * How a force lays out a person's name in its records. Immutable and thread-safe, like every enum.
 *
 * <p>Example for a person whose forename is John, middle name Paul and surname Smith (capitalisation
 * shown as {@link NameCase#SURNAME_UPPER}):
 * <ul>
 *   <li>{@link #SEPARATE_FIELDS}: {@code forename=John, middle_names=Paul, surname=SMITH}, no full name;
 *   <li>{@link #SURNAME_COMMA_FORENAMES}: {@code full_name=SMITH, John Paul};
 *   <li>{@link #TITLE_FORENAMES_SURNAME}: {@code full_name=Mr John Paul SMITH};
 *   <li>{@link #FORENAMES_SURNAME}: {@code full_name=John Paul SMITH}.
 * </ul>
 */
public enum NameLayout {
    /** Forename, middle names and surname in their own columns; {@code full_name} left blank. */
    SEPARATE_FIELDS,
    /** {@code SURNAME, Forename Middle} in {@code full_name}; the separate name columns left blank. */
    SURNAME_COMMA_FORENAMES,
    /** {@code Title Forename Middle Surname} in {@code full_name} (Mr, Mrs, Ms or Miss). */
    TITLE_FORENAMES_SURNAME,
    /** {@code Forename Middle Surname} in {@code full_name}. */
    FORENAMES_SURNAME
}
