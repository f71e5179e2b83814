package io.github.palimpsest.normalise;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One entry of the force directory: a two-digit force code of the criminal-justice standing data, the
 * name it is known by, and whether it is a police force.
 *
 * <p>Codes are those the Police National Computer and the courts use ({@code "01"} Metropolitan Police
 * Service, {@code "41"} Hertfordshire, {@code "93"} British Transport Police, ...). Not every code is a
 * police force: some are reserved or belong to inspectorates, agencies or systems ({@code "00"} Athena,
 * {@code "08"} HMIC, {@code "25"} NPIA / PNC), and for those {@link #isPoliceForce()} is false. See
 * {@link Forces} for the directory and the rules behind the flag.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the two-digit code, e.g. {@code "01"}
 * @param name the name, e.g. {@code "Metropolitan Police Service"} or {@code "Hertfordshire"}
 * @param isPoliceForce whether the code belongs to a police force (territorial, special, legacy Scottish,
 *     or Crown-dependency force) rather than an agency, unit, system or reserved code
 */
public record Force(String code, String name, boolean isPoliceForce) {

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException when the code is not two ASCII digits or the name is blank
     * @throws NullPointerException when a component is {@code null}
     */
    public Force {
        checkArgument(code.length() == 2 && code.chars().allMatch(c -> c >= '0' && c <= '9'),
                "force code must be two digits, got '%s'", code);
        checkArgument(!name.isBlank(), "force %s needs a name", code);
    }
}
