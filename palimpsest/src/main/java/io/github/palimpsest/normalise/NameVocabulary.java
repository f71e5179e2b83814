package io.github.palimpsest.normalise;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words a name parser must recognise rather than keep as name parts: titles and police ranks,
 * generational suffixes, post-nominal honours, and the surname particles that belong to the word after
 * them. All entries are in {@link Names#fold(String)} form. Package-private: the lists are documented in
 * {@code docs/names.md}; immutable and thread-safe.
 */
final class NameVocabulary {

    /**
     * Titles and ranks, each written as a sequence of folded words, mapped to the canonical title
     * reported by {@link PersonName#title()}. Rank abbreviations follow the forms in everyday use in
     * England and Wales (College of Policing: PC, DC, PS/Sgt, DS, Insp, DI, Ch Insp, DCI, Supt, Ch Supt).
     */
    private static final Map<String, String> TITLES = Map.ofEntries(
            // courtesy titles
            Map.entry("mr", "mr"), Map.entry("mister", "mr"),
            Map.entry("mrs", "mrs"), Map.entry("ms", "ms"), Map.entry("miss", "miss"), Map.entry("mx", "mx"),
            Map.entry("dr", "dr"), Map.entry("doctor", "dr"),
            Map.entry("prof", "prof"), Map.entry("professor", "prof"),
            Map.entry("rev", "rev"), Map.entry("revd", "rev"), Map.entry("reverend", "rev"),
            Map.entry("the rev", "rev"), Map.entry("the reverend", "rev"),
            Map.entry("sir", "sir"), Map.entry("dame", "dame"), Map.entry("lord", "lord"), Map.entry("lady", "lady"),
            Map.entry("hon", "hon"), Map.entry("the hon", "hon"), Map.entry("rt hon", "rt hon"),
            Map.entry("rt", "rt hon"), Map.entry("right hon", "rt hon"), Map.entry("right honourable", "rt hon"),
            Map.entry("the right honourable", "rt hon"), Map.entry("the rt hon", "rt hon"),
            Map.entry("honourable", "hon"), Map.entry("the honourable", "hon"),
            // peerage and courtesy ranks (Earl, Duke and Prince are left out: they are also given names)
            Map.entry("baron", "baron"), Map.entry("baroness", "baroness"), Map.entry("viscount", "viscount"),
            Map.entry("viscountess", "viscountess"), Map.entry("marquess", "marquess"),
            Map.entry("marquis", "marquess"), Map.entry("marchioness", "marchioness"),
            Map.entry("countess", "countess"), Map.entry("duchess", "duchess"),
            Map.entry("hrh", "hrh"),
            // clergy
            Map.entry("archbishop", "archbishop"), Map.entry("bishop", "bishop"), Map.entry("rabbi", "rabbi"),
            Map.entry("the venerable", "ven"), Map.entry("ven", "ven"),
            Map.entry("cllr", "cllr"), Map.entry("councillor", "cllr"),
            // police ranks
            Map.entry("pc", "pc"), Map.entry("wpc", "wpc"), Map.entry("police constable", "pc"),
            Map.entry("const", "const"), Map.entry("constable", "const"),
            Map.entry("dc", "dc"), Map.entry("detective constable", "dc"), Map.entry("det const", "dc"),
            Map.entry("det con", "dc"),
            Map.entry("ps", "ps"), Map.entry("police sergeant", "ps"),
            Map.entry("sgt", "sgt"), Map.entry("sergeant", "sgt"), Map.entry("serjeant", "sgt"),
            Map.entry("ds", "ds"), Map.entry("detective sergeant", "ds"), Map.entry("det sgt", "ds"),
            Map.entry("insp", "insp"), Map.entry("inspector", "insp"),
            Map.entry("di", "di"), Map.entry("detective inspector", "di"), Map.entry("det insp", "di"),
            Map.entry("ch insp", "ch insp"), Map.entry("chief insp", "ch insp"),
            Map.entry("chief inspector", "ch insp"),
            Map.entry("dci", "dci"), Map.entry("detective chief inspector", "dci"),
            Map.entry("det ch insp", "dci"), Map.entry("det chief insp", "dci"),
            Map.entry("supt", "supt"), Map.entry("superintendent", "supt"),
            Map.entry("ch supt", "ch supt"), Map.entry("chief supt", "ch supt"),
            Map.entry("chief superintendent", "ch supt"),
            Map.entry("det supt", "det supt"), Map.entry("detective superintendent", "det supt"),
            Map.entry("det ch supt", "det ch supt"), Map.entry("detective chief superintendent", "det ch supt"),
            Map.entry("chief constable", "cc"), Map.entry("cmdr", "cmdr"), Map.entry("commander", "cmdr"),
            Map.entry("det", "det"), Map.entry("detective", "det"),
            // armed forces ranks seen on records of serving personnel
            Map.entry("capt", "capt"), Map.entry("captain", "capt"), Map.entry("maj", "maj"),
            Map.entry("major", "maj"), Map.entry("lt", "lt"), Map.entry("lieut", "lt"),
            Map.entry("lieutenant", "lt"), Map.entry("col", "col"), Map.entry("colonel", "col"),
            Map.entry("lt col", "lt col"), Map.entry("lieutenant colonel", "lt col"),
            Map.entry("gen", "gen"), Map.entry("general", "gen"), Map.entry("brig", "brig"),
            Map.entry("brigadier", "brig"), Map.entry("adm", "adm"), Map.entry("admiral", "adm"),
            Map.entry("cdr", "cdr"), Map.entry("sqn ldr", "sqn ldr"), Map.entry("wg cdr", "wg cdr"),
            Map.entry("flt lt", "flt lt"), Map.entry("cpl", "cpl"), Map.entry("pte", "pte"));

    /**
     * Titles that are also common given names (Di for Diana). They are taken as a rank only when written
     * in capitals or with dots ("DI Smith", "D.I. Smith") and something follows them.
     */
    private static final Set<String> AMBIGUOUS_TITLES = Set.of("di");

    /** The longest title, in words, so that matching can try longest first. */
    static final int MAX_TITLE_WORDS = TITLES.keySet().stream()
            .mapToInt(t -> t.split(" ").length).max().orElse(1);

    /** Generational suffixes mapped to their canonical form. */
    private static final Map<String, String> SUFFIXES = Map.ofEntries(
            Map.entry("jr", "jr"), Map.entry("jnr", "jr"), Map.entry("junior", "jr"),
            Map.entry("sr", "sr"), Map.entry("snr", "sr"), Map.entry("senior", "sr"),
            Map.entry("ii", "ii"), Map.entry("iii", "iii"), Map.entry("iv", "iv"),
            Map.entry("vii", "vii"), Map.entry("viii", "viii"));

    /**
     * Ordinals written in digits ({@code 1st}, {@code 2nd}, {@code 23rd}, {@code 4th}), as in "2nd Baron":
     * never a name, so removed from any name field and kept as a suffix.
     */
    private static final java.util.regex.Pattern DIGIT_ORDINAL =
            java.util.regex.Pattern.compile("\\d{1,3}(?:st|nd|rd|th)");

    /** Post-nominal letters: dropped from the name parts, kept only in the raw text. */
    private static final Set<String> HONOURS = Set.of(
            "esq", "obe", "mbe", "cbe", "kbe", "dbe", "bem", "qpm", "kpm", "qfsm", "qc", "kc", "phd",
            "bt", "bart", "baronet", "gcb", "kcb", "gcmg", "kcmg", "cmg", "gcvo", "kcvo", "cvo", "lvo", "mvo",
            "dso", "frs");

    /**
     * Particles that belong to the surname word after them ("van der Berg", "de Souza", "St John",
     * "bin Laden"-style patronymic markers), joined to it with a space.
     */
    private static final Set<String> PARTICLES = Set.of(
            "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das",
            "la", "le", "st", "ter", "ten", "bin", "ibn", "al", "el", "ap");

    /**
     * Prefixes written as a separate word but belonging to the next word with no space: O Brien is
     * O'Brien, Mc Donald is McDonald (the apostrophe is already removed by folding).
     */
    private static final Set<String> JOINING_PREFIXES = Set.of("o", "mc", "mac");

    private NameVocabulary() {
    }

    static Optional<String> title(String foldedPhrase) {
        return Optional.ofNullable(TITLES.get(foldedPhrase));
    }

    static boolean isAmbiguousTitle(String foldedPhrase) {
        return AMBIGUOUS_TITLES.contains(foldedPhrase);
    }

    static Optional<String> suffix(String folded) {
        String suffix = SUFFIXES.get(folded);
        if (suffix == null && isDigitOrdinal(folded)) {
            return Optional.of(folded);
        }
        return Optional.ofNullable(suffix);
    }

    /** Whether a folded word is an ordinal written in digits ({@code 2nd}, {@code 14th}). */
    static boolean isDigitOrdinal(String folded) {
        return !folded.isEmpty() && folded.charAt(0) >= '0' && folded.charAt(0) <= '9'
                && DIGIT_ORDINAL.matcher(folded).matches();
    }

    static boolean isHonour(String folded) {
        return HONOURS.contains(folded);
    }

    static boolean isParticle(String folded) {
        return PARTICLES.contains(folded);
    }

    static boolean isJoiningPrefix(String folded) {
        return JOINING_PREFIXES.contains(folded);
    }

    /**
     * Whether a folded word has a meaning of its own to the parser (a title, suffix, honour or joining
     * prefix), so that a canonical form containing it may parse differently the second time.
     */
    static boolean isReserved(String folded) {
        return TITLES.containsKey(folded) || SUFFIXES.containsKey(folded) || HONOURS.contains(folded)
                || JOINING_PREFIXES.contains(folded) || isDigitOrdinal(folded);
    }

    /** All title phrases, for tests and documentation. */
    static List<String> titlePhrases() {
        return List.copyOf(TITLES.keySet());
    }
}
