package io.github.palimpsest.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.block.BlockingRule;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Blocking rules over {@link Tombstone}s, for the {@link TokenLinker}: they read
 * tokens and filters only, never plain text, so a token store can be linked by whoever holds it.
 *
 * <ul>
 *   <li>{@link #identifierTokens()}: records with an equal identifier token (the same PNC ID, phone, ...)
 *       share a block;</li>
 *   <li>{@link #bitSampling}: Hamming-LSH over the Bloom filters of one or more fields (bit sampling in
 *       bands; see docs/privacy.md for the probabilities), so records whose filters are close share a
 *       block with high probability even when no value is spelt alike.</li>
 * </ul>
 *
 * <pre>{@code
 * TokenLinker linker = TokenLinker.builder().blockingRules(TokenBlockingRules.standard(42)).build();
 * TokenLinkResult result = linker.link(tombstones);
 * }</pre>
 *
 * <p>Every rule is immutable, thread-safe and deterministic for its seed.
 */
public final class TokenBlockingRules {

    /** Bands of each standard bit-sampling rule. */
    public static final int STANDARD_BANDS = 16;
    /** Bits sampled from each field's filter per band in the standard rules over names and dates of birth. */
    public static final int STANDARD_BITS_PER_FIELD = 8;
    /**
     * Bits sampled per field and band in the standard rules that involve a postcode or address: short
     * postcodes fill their filters less, so unrelated ones agree on more bits (Dice about 0.58 for 4-digit
     * postcodes against 0.5 for names), and addresses share common words; more bits keep those rules as
     * selective as the others.
     */
    public static final int STANDARD_PLACE_BITS_PER_FIELD = 9;

    /**
     * The field pairs of the standard bit-sampling rules: every pair of the name, date-of-birth and place
     * fields that together separate people, so a typo or a missing value in any one field still leaves
     * several rules that can bring the pair together.
     */
    private static final BloomField[][] STANDARD_PAIRS = {
        {BloomField.DATE_OF_BIRTH, BloomField.SURNAME},
        {BloomField.DATE_OF_BIRTH, BloomField.FORENAME},
        {BloomField.FORENAME, BloomField.SURNAME},
        {BloomField.NAMES, BloomField.DATE_OF_BIRTH},
        {BloomField.NAMES, BloomField.POSTCODE},
        {BloomField.NAMES, BloomField.ADDRESS},
        {BloomField.SURNAME, BloomField.POSTCODE},
        {BloomField.FORENAME, BloomField.POSTCODE},
        {BloomField.DATE_OF_BIRTH, BloomField.POSTCODE},
        {BloomField.DATE_OF_BIRTH, BloomField.ADDRESS},
        {BloomField.POSTCODE, BloomField.ADDRESS},
    };

    private TokenBlockingRules() {
    }

    /**
     * The identifier-token rule ({@code "identifier tokens"}): one key per token a record holds, named by its
     * column ({@code pnc_id:<token>}, {@code id_<type>:<token>}), so records block together exactly when
     * they share an identifier.
     */
    public static BlockingRule<Tombstone> identifierTokens() {
        return BlockingRule.of("identifier tokens", (t, sink) -> {
            for (Map.Entry<IdentifierField, IdentifierToken> e : t.tokens().entrySet()) {
                sink.accept(e.getKey().column() + ':' + e.getValue().toText());
            }
            for (Map.Entry<String, IdentifierToken> e : t.otherIdentifiers().entrySet()) {
                sink.accept("id_" + e.getKey() + ':' + e.getValue().toText());
            }
        });
    }

    /**
     * A Hamming-LSH rule over the filters of {@code fields} (all of which a record must have): each of
     * {@code bands} bands samples {@code bitsPerField} bit positions of each field, chosen at random from
     * {@code seed} and the fields, and a record's key in that band is the sampled bits. Two records share a
     * band's key with probability {@code Π dice_f ^ bitsPerField}; they are a candidate pair when they share
     * any band. Named {@code "lsh <field>+<field>..."}.
     *
     * @throws IllegalArgumentException unless there is at least one field, no field twice, at least one band,
     *                                  and {@code 1 ≤ bitsPerField × fields ≤ 64}
     */
    public static BlockingRule<Tombstone> bitSampling(long seed, int bands, int bitsPerField, BloomField... fields) {
        checkNotNull(fields, "fields");
        checkArgument(fields.length > 0, "bit sampling needs at least one field");
        StringJoiner name = new StringJoiner("+", "lsh ", "");
        for (int i = 0; i < fields.length; i++) {
            checkNotNull(fields[i], "field %s is null", i);
            for (int j = 0; j < i; j++) {
                checkArgument(fields[i] != fields[j], "field %s appears twice", fields[i].column());
            }
            name.add(fields[i].column());
        }
        return new BitSamplingRule(name.toString(), seed, bands, bitsPerField, fields);
    }

    /**
     * The standard rules: {@link #identifierTokens()}, then a {@link #bitSampling} rule with
     * {@value #STANDARD_BANDS} bands of {@value #STANDARD_BITS_PER_FIELD} bits per field for each of these
     * pairs: dob+surname, dob+forename, forename+surname, surname+postcode, forename+postcode,
     * dob+postcode, surname+address, forename+address, dob+address.
     */
    public static List<BlockingRule<Tombstone>> standard(long seed) {
        ImmutableList.Builder<BlockingRule<Tombstone>> rules = ImmutableList.builder();
        rules.add(identifierTokens());
        for (BloomField[] pair : STANDARD_PAIRS) {
            boolean place = false;
            for (BloomField field : pair) {
                place |= field == BloomField.POSTCODE || field == BloomField.ADDRESS;
            }
            rules.add(bitSampling(seed, STANDARD_BANDS, place ? STANDARD_PLACE_BITS_PER_FIELD
                    : STANDARD_BITS_PER_FIELD, pair));
        }
        return rules.build();
    }
}
