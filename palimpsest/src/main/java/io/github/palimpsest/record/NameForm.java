package io.github.palimpsest.record;

import java.util.List;

/**
 * What a {@link ComparableRecord} derives from one folded name, computed once per distinct name by a
 * {@link ComparableRecordFactory}: the shared instance of the name, its phonetic keys, its nickname
 * equivalents (for a forename) and its surname variants (for a surname). One look-up per name part replaces
 * the four or five (share, phonetic keys, nicknames, nickname hashes, each variant) a record made before.
 * Immutable once published; the arrays are never exposed by records.
 */
final class NameForm {
    /** The shared instance of the folded name. */
    final String name;
    /** {Double Metaphone primary, alternate, NYSIIS}. */
    final String[] phoneticKeys;
    /** The name's nickname equivalents other than itself, sorted; empty when the table does not know it. */
    final String[] nicknames;
    /** The hash codes of {@link #nicknames}, sorted. */
    final int[] nicknameHashes;
    /** The surname variants of the name, shared, or null until a record asks for them as a surname. */
    private volatile String[] surnameVariants;

    NameForm(String name, String[] phoneticKeys, String[] nicknames, int[] nicknameHashes) {
        this.name = name;
        this.phoneticKeys = phoneticKeys;
        this.nicknames = nicknames;
        this.nicknameHashes = nicknameHashes;
    }

    /**
     * The variants of this name as a surname: {@code variants} (those of the record that asks, which are a
     * function of the surname alone) shared and remembered the first time, the remembered array afterwards.
     */
    String[] surnameVariants(List<String> variants, ComparableRecordFactory shared) {
        String[] held = surnameVariants;
        if (held == null) {
            held = shared.shareAll(variants.toArray(new String[0]));
            surnameVariants = held;
        }
        return held;
    }
}
