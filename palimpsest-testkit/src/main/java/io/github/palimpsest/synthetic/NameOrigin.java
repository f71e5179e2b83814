package io.github.palimpsest.synthetic;

/**
 * Where the generator's people get their names ({@link CorruptionProfile#names()}).
 *
 * <pre>{@code
 * CorruptionProfile profile = CorruptionProfile.defaults().toBuilder().names(NameOrigin.INVENTED).build();
 * }</pre>
 */
public enum NameOrigin {
    /**
     * British forenames and surnames from the shipped tables, a long tail of English-sounding rare surnames,
     * and the generator's own table of nicknames and spelling variants for the name-variant corruption.
     */
    BRITISH,
    /**
     * Invented names, built from syllables of no English pattern (Tomeka Varuni, Isodu Kaharemi), with the
     * same Zipf-shaped frequencies as the British tables and no nicknames: a population the linker's English
     * nickname table and phonetic codes know nothing about, so that a matrix row shows whether linking
     * leans on them. The names are fictional by construction.
     */
    INVENTED
}
