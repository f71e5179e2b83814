package io.github.palimpsest.synthetic;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.SplittableRandom;

/**
 * The long tail of fictional rare surnames, composed from English-sounding parts (an onset, a vowel, a
 * coda and an ending: "Brandley", "Shockworth") and drawn by a Zipf law. Stateless and thread-safe: a
 * name is computed from its rank, so the tail costs no memory.
 *
 * <p>Why a tail: the shipped table holds a few hundred common surnames. Used alone it makes two people
 * share a surname about once in 150 pairs, several times more often than in Britain, where the commonest
 * few hundred surnames cover less than half of everyone and hundreds of thousands of others share the
 * rest. Strangers with the same name and date of birth grow with the square of the pool, so an
 * unrealistically short vocabulary turns a million-record benchmark into a test of the vocabulary. The
 * rank-frequency figures behind the shape are in {@code docs/synthetic-data.md}.
 */
final class RareSurnames {

    /** Distinct names in the tail. */
    static final int SIZE = 100_000;

    /**
     * The Zipf exponent. Published British surname frequencies fall with rank roughly as rank^-1.1 beyond
     * the first few hundred names.
     */
    static final double EXPONENT = 1.08;

    /** Ranks continue after the shipped table, so the first tail name is about as rare as its last. */
    private static final double RANK_OFFSET = 368;

    private static final String[] ONSETS = {
        "B", "Bl", "Br", "C", "Ch", "Cl", "Cr", "D", "Dr", "F", "Fl", "G", "Gl", "Gr", "H", "J", "K", "L", "M",
        "N", "P", "Pl", "Pr", "R", "S", "Sc", "Sh", "Sl", "Sp", "St", "Sw", "T", "Th", "Tr", "W", "Wh", "Wr",
        "Y",
    };
    private static final String[] VOWELS = {
        "a", "e", "i", "o", "u", "ai", "ea", "ee", "oo", "ou", "ar", "or", "er", "ay",
    };
    private static final String[] CODAS = {
        "", "b", "ck", "d", "ff", "g", "l", "ll", "m", "n", "nd", "ng", "nt", "p", "lk", "lt", "mp", "s", "sh",
        "st", "t", "tt", "x",
    };
    private static final String[] ENDINGS = {
        "ley", "ton", "ford", "field", "wood", "worth", "by", "ham", "well", "more", "stone", "ridge", "er",
        "son", "man", "ett", "ings", "all", "kin", "cott", "hurst", "land", "ington", "bury", "wick", "combe",
        "brook", "dale", "den", "gate", "ell", "ock", "ins", "bourne", "thorpe", "croft", "shaw", "house", "ard",
        "wright",
    };

    private static final long COMBINATIONS = (long) ONSETS.length * VOWELS.length * CODAS.length * ENDINGS.length;

    /**
     * Spreads consecutive ranks over the combinations, so the commoner tail names do not all share an
     * onset. A prime that divides no radix is coprime with {@link #COMBINATIONS}, which makes the map a
     * bijection and keeps the {@link #SIZE} names distinct.
     */
    private static final long SPREAD = 104_729;

    private static final double LOW = Math.pow(RANK_OFFSET + 1, 1 - EXPONENT);
    private static final double HIGH = Math.pow(RANK_OFFSET + SIZE + 1, 1 - EXPONENT);

    private RareSurnames() {
    }

    /** A tail surname drawn with probability proportional to (offset + rank)^-{@link #EXPONENT}. */
    static String draw(SplittableRandom rng) {
        double x = Math.pow(LOW + rng.nextDouble() * (HIGH - LOW), 1 / (1 - EXPONENT));
        int rank = (int) Math.floor(x - RANK_OFFSET);
        return name(Math.max(1, Math.min(SIZE, rank)));
    }

    /** The tail name of {@code rank}, from 1 (the commonest) to {@link #SIZE}. */
    static String name(int rank) {
        checkArgument(rank >= 1 && rank <= SIZE, "rank must be in [1, %s], got %s", SIZE, rank);
        long i = Math.floorMod(rank * SPREAD, COMBINATIONS);
        String ending = ENDINGS[(int) (i % ENDINGS.length)];
        i /= ENDINGS.length;
        String coda = CODAS[(int) (i % CODAS.length)];
        i /= CODAS.length;
        String vowel = VOWELS[(int) (i % VOWELS.length)];
        i /= VOWELS.length;
        return ONSETS[(int) i] + vowel + coda + ending;
    }
}
