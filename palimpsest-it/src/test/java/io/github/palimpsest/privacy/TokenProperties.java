package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.PersonRecord;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** Parsers of token text never throw and read their own output back; Dice is a symmetric similarity. */
class TokenProperties {

    @Property
    void readingAFilterNeverThrowsAndIsCanonical(@ForAll String text) {
        Optional<BloomFilter> f = BloomFilter.fromBase64(text);
        f.ifPresent(filter -> assertEquals(Optional.of(filter), BloomFilter.fromBase64(filter.toBase64())));
    }

    @Property
    void readingATokenNeverThrowsAndAcceptsOnlyTheCanonicalSpelling(@ForAll String text) {
        IdentifierToken.fromText(text).ifPresent(t -> assertEquals(text, t.toText()));
    }

    @Property
    void filtersRoundTripThroughText(@ForAll @Size(min = 1, max = 20) long[] words) {
        BloomFilter f = BloomFilter.ofWords(words);
        assertEquals(Optional.of(f), BloomFilter.fromBase64(f.toBase64()));
    }

    @Property
    void diceIsSymmetricAndBetweenZeroAndOne(@ForAll @Size(16) long[] a, @ForAll @Size(16) long[] b) {
        BloomFilter x = BloomFilter.ofWords(a);
        BloomFilter y = BloomFilter.ofWords(b);
        double d = x.dice(y);
        assertEquals(d, y.dice(x));
        assertTrue(d >= 0 && d <= 1);
        if (x.cardinality() > 0) {
            assertEquals(1.0, x.dice(x));
        }
    }

    @Property(tries = 200)
    void anyNameTokenisesToBalancedFilters(@ForAll String forename, @ForAll String surname, @ForAll String dob) {
        PersonRecord r = PersonRecord.builder().recordId("P").forename(forename).surname(surname).dob(dob).build();
        Tombstone t = Tombstone.of(r, TombstoneTest.KEY_A, TombstoneOptions.defaults());
        t.filters().values().forEach(f -> assertEquals(512, f.cardinality()));
        assertEquals(t, Tombstone.of(r, TombstoneTest.KEY_A, TombstoneOptions.defaults()));
    }
}
