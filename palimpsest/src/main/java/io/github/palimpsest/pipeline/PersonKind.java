package io.github.palimpsest.pipeline;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.block.PersonBlockingRules;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.PersonComparisons;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Plain person records ({@link ComparableRecord}) as a {@link RecordKind}: anchors are pairs sharing a valid
 * PNC ID, CRO or NI number; a trained model's m is re-estimated from them ({@link Anchors}), u of the
 * completely blocked identifiers is counted ({@link CountedU}), and the relatives' classes are fitted
 * ({@link HouseholdClass}); the bundled model is {@link DefaultModel}; valid identifiers are exclusive keys
 * and dates of birth no keying error explains conflict ({@link PersonConflicts}). Immutable.
 */
public final class PersonKind implements RecordKind<ComparableRecord> {
    /** The Laplace pseudo-count of counted u: the one the trainer adds to sampled u by default. */
    private static final double COUNTED_U_PSEUDO_COUNT = 1.0;

    private final List<Comparison<ComparableRecord>> comparisons;
    private final List<BlockingRule<ComparableRecord>> blockingRules;
    private final boolean householdClass;
    private final int minimumTrainingRecords;
    private final boolean bundledModelFits;

    /** Person records compared and blocked as given; the settings say whether to fit the relatives' classes. */
    public PersonKind(List<Comparison<ComparableRecord>> comparisons,
                      List<BlockingRule<ComparableRecord>> blockingRules, RunSettings settings) {
        this.comparisons = List.copyOf(comparisons);
        this.blockingRules = List.copyOf(blockingRules);
        this.householdClass = settings.householdClass();
        this.minimumTrainingRecords = settings.minimumTrainingRecords();
        this.bundledModelFits = bundledModelFits(this.comparisons);
    }

    /** Whether the bundled model was trained with these comparisons (the standard ones). */
    public static boolean bundledModelFits(List<? extends Comparison<ComparableRecord>> comparisons) {
        return comparisons.equals(PersonComparisons.standard());
    }

    /** The standard person comparisons, in model order. */
    public static List<Comparison<ComparableRecord>> standardComparisons() {
        return PersonComparisons.standard();
    }

    /** The standard person blocking rules, in report order. */
    public static List<BlockingRule<ComparableRecord>> standardBlockingRules() {
        return PersonBlockingRules.standard();
    }

    @Override
    public List<Comparison<ComparableRecord>> comparisons() {
        return comparisons;
    }

    /** With the household class fitted (the default): it takes back what one home counted twice weighs too much. */
    @Override
    public boolean removesSampledMatches() {
        return householdClass;
    }

    @Override
    public List<BlockingRule<ComparableRecord>> blockingRules() {
        return blockingRules;
    }

    @Override
    public Optional<NearestNeighbours<ComparableRecord>> nearestNeighbours(int perRecord) {
        return Optional.of(standardNearestNeighbours(perRecord));
    }

    @Override
    public boolean sharesStrongIdentifier(ComparableRecord a, ComparableRecord b) {
        return Anchors.sharesStrongIdentifier(a, b);
    }

    /** The bundled model, noted as such, when the comparisons are the standard ones. */
    @Override
    public Optional<MatchModel> smallPoolModel(int records) {
        if (!bundledModelFits) {
            return Optional.empty();
        }
        return Optional.of(DefaultModel.standard().withTrainingNote(String.format(
                "%,d records are fewer than %,d to train on: the bundled default model", records,
                minimumTrainingRecords)));
    }

    /** The bundled model with its prior scaled to the pool, when the comparisons are the standard ones. */
    @Override
    public Optional<Fallback> fallback(int records) {
        if (!bundledModelFits) {
            return Optional.empty();
        }
        return Optional.of(new Fallback(DefaultModel.scaledTo(records),
                "the bundled default model, its prior scaled to " + records + " records"));
    }

    /**
     * The model a link index scores with when none is given: the bundled model when the comparisons are the
     * standard ones, its priors scaled to the expected pool when that is larger than the bundled model's
     * training pool (in a larger index they would link too readily); else empty.
     */
    public Optional<MatchModel> indexModel(int expectedRecords) {
        if (!bundledModelFits) {
            return Optional.empty();
        }
        return Optional.of(expectedRecords > DefaultModel.TRAINING_RECORDS
                ? DefaultModel.standard().scaledToPool(DefaultModel.TRAINING_RECORDS, expectedRecords)
                : DefaultModel.standard());
    }

    @Override
    public PriorStart priorStart() {
        return PriorStart.ANCHOR_PAIRS;
    }

    /** Anchored m, counted u, then (unless switched off) the household class and relatives apart. */
    @Override
    public MatchModel refine(MatchModel trained, PipelineRun<ComparableRecord> run) {
        byte[][] levels = run.levels();
        int n = run.recordCount();
        MatchModel anchored = CountedU.withCountedU(
                Anchors.withAnchoredM(trained, comparisons, run.records(), run.candidates(), levels,
                        run.levelsSeen(), run.anchors()),
                comparisons, run.candidates().report(), blockingRules(), run.records(), run.candidates(), levels,
                COUNTED_U_PSEUDO_COUNT, run.parallel());
        if (!householdClass) {
            return anchored;
        }
        // The household class is fitted to the pairs as the two-class model scores them.
        double[][] termFrequency = run.termFrequencies(anchored);
        PairScoring scoring = run.scoring();
        double[] tfBits = scoring.termFrequencyBits(anchored, termFrequency);
        HouseholdClass.Parallel parallel = run.parallel()::tasks;
        MatchModel household = HouseholdClass.fit(anchored, levels, scoring.weights(anchored, termFrequency), tfBits,
                n, parallel);
        // Relatives apart are fitted to the pairs as the model with its household class scores them.
        return HouseholdClass.fitRelativesApart(household, levels, scoring.weights(household, termFrequency), tfBits,
                n, parallel);
    }

    @Override
    public void exclusiveKeys(ComparableRecord record, List<String> keys) {
        addKey(keys, "pnc:", record.pncId());
        addKey(keys, "cro:", record.croNumber());
        addKey(keys, "ni:", record.niNumber());
    }

    private static void addKey(List<String> keys, String type, String value) {
        if (!value.isEmpty()) {
            keys.add(type + value);
        }
    }

    @Override
    public RecordConflicts conflicts(List<ComparableRecord> records, MatchModel model) {
        return PersonConflicts.birthDates(comparisons, model, records::get);
    }

    @Override
    public OptionalDouble loneLinkWeight() {
        return OptionalDouble.of(PersonConflicts.LONE_LINK_WEIGHT);
    }

    /** Postings one record's neighbour search may visit (see {@link NearestNeighbours#postingBudget()}). */
    private static final int NEIGHBOUR_POSTING_BUDGET = 500;

    /**
     * The search that pairs each record with the {@code perRecord} records sharing the most of its rare tokens, after the
     * rules: the pairs of one person that agree exactly on no blocking key (every name misspelt somewhere,
     * a date of birth missing on one side and mistyped on the other). Tokens: the letter trigrams of each
     * forename and surname (in one space, so swapped names still share them), the date of birth whole and
     * as year, year and month, and day and month, the postcode and its sector and district, the address
     * words, the e-mail address's words, the phone number and every identifier.
     */
    static NearestNeighbours<ComparableRecord> standardNearestNeighbours(int perRecord) {
        return NearestNeighbours.of("nearest neighbours by shared rare tokens", PersonKind::neighbourTokens,
                perRecord, NEIGHBOUR_POSTING_BUDGET);
    }

    static void neighbourTokens(ComparableRecord r, Consumer<String> tokens) {
        trigrams(r.forename(), tokens);
        trigrams(r.surname(), tokens);
        int dob = r.dateOfBirth();
        if (dob != 0) {
            token(tokens, "d", dob);
            token(tokens, "y", dob / 10_000);
            token(tokens, "m", dob / 100);
            token(tokens, "md", dob % 10_000);
        } else if (r.partialBirthYear() != 0) {
            token(tokens, "y", r.partialBirthYear());
        }
        if (!r.postcode().isEmpty()) {
            token(tokens, 'p', r.postcode());
            token(tokens, 's', r.postcodeSector());
            token(tokens, 't', r.postcodeDistrict());
        }
        for (String word : r.addressTokens()) {
            token(tokens, 'a', word);
        }
        String email = r.email();
        for (int start = 0, end; start < email.length(); start = end + 1) {
            end = start;
            while (end < email.length() && Character.isLetterOrDigit(email.charAt(end))) {
                end++;
            }
            if (end - start > 1) {
                StringBuilder token = KeyText.start(tokens);
                token.append('e').append(email, start, end);
                KeyText.accept(tokens, token);
            }
        }
        if (!r.phone().isEmpty()) {
            token(tokens, 'f', r.phone());
        }
        String[] types = LibraryAccess.identifierTypes(r);
        String[] values = LibraryAccess.identifierValues(r);
        for (int i = 0; i < types.length; i++) {
            StringBuilder token = KeyText.start(tokens);
            token.append('i').append(types[i]).append('|').append(values[i]);
            KeyText.accept(tokens, token);
        }
    }

    /** The token {@code kind + value}, built in place ({@link KeyText}). */
    private static void token(Consumer<String> tokens, String kind, int value) {
        StringBuilder token = KeyText.start(tokens);
        token.append(kind).append(value);
        KeyText.accept(tokens, token);
    }

    /** The token {@code kind + value}, built in place ({@link KeyText}). */
    private static void token(Consumer<String> tokens, char kind, String value) {
        StringBuilder token = KeyText.start(tokens);
        token.append(kind).append(value);
        KeyText.accept(tokens, token);
    }

    /** The letter trigrams of {@code name}, with its start and end marked so short names still give some. */
    private static void trigrams(String name, Consumer<String> tokens) {
        int length = name.length();
        if (length == 0) {
            return;
        }
        // The padded name is "^" + name + "$"; its trigram at i is taken char by char, without building it.
        for (int i = 0; i + 3 <= length + 2; i++) {
            char a = i == 0 ? '^' : name.charAt(i - 1);
            char b = name.charAt(i);
            char c = i + 2 == length + 1 ? '$' : name.charAt(i + 1);
            tokens.accept(trigramToken(a, b, c));
        }
    }

    /**
     * Symbols of the trigram tokens kept in {@link #TRIGRAM_TOKENS}: the letters of folded names (lower case,
     * {@link io.github.palimpsest.normalise.Names#fold}), the two ends, and name punctuation. Any other
     * symbol (a digit, a letter left in upper case) still gives its token, only made afresh each time.
     */
    private static final String TRIGRAM_SYMBOLS = "abcdefghijklmnopqrstuvwxyz^$ -'.";
    /**
     * The token {@code "n" + trigram} of each trigram over {@link #TRIGRAM_SYMBOLS}, made on first use: a
     * million names' trigrams otherwise made ten million short-lived strings. Filled racily, which is safe:
     * a String is immutable and safely published through its final fields, and every racer makes an equal one.
     */
    private static final String[] TRIGRAM_TOKENS = new String[1 << 15];

    /** Each ASCII char's place in {@link #TRIGRAM_SYMBOLS}, -1 for none. */
    private static final byte[] SYMBOL_OF = symbolTable();

    private static byte[] symbolTable() {
        byte[] table = new byte[128];
        Arrays.fill(table, (byte) -1);
        for (int i = 0; i < TRIGRAM_SYMBOLS.length(); i++) {
            table[TRIGRAM_SYMBOLS.charAt(i)] = (byte) i;
        }
        return table;
    }

    private static int symbol(char c) {
        return c < 128 ? SYMBOL_OF[c] : -1;
    }

    private static String trigramToken(char a, char b, char c) {
        int x = symbol(a);
        int y = symbol(b);
        int z = symbol(c);
        if (x < 0 || y < 0 || z < 0) {
            return new String(new char[] {'n', a, b, c});
        }
        int slot = x << 10 | y << 5 | z;
        String token = TRIGRAM_TOKENS[slot];
        if (token == null) {
            token = new String(new char[] {'n', a, b, c});
            TRIGRAM_TOKENS[slot] = token;
        }
        return token;
    }
}
