package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BloomFilterTest {

    @Test
    void diceCountsSharedBitsOverTheSumOfSetBits() {
        BloomFilter a = BloomFilter.ofWords(new long[] {0b1111L, 0});
        BloomFilter b = BloomFilter.ofWords(new long[] {0b0011L, 1L << 63});
        assertEquals(2.0 * 2 / (4 + 3), a.dice(b), 1e-12);
        assertEquals(1.0, a.dice(a));
        assertEquals(0.0, a.dice(BloomFilter.ofWords(new long[] {0b110000L, 0})));
        assertEquals(0.0, BloomFilter.ofWords(new long[2]).dice(BloomFilter.ofWords(new long[2])));
        assertThrows(IllegalArgumentException.class, () -> a.dice(BloomFilter.ofWords(new long[1])));
    }

    @Test
    void bitsAreNumberedWordByWordLeastSignificantFirst() {
        BloomFilter f = BloomFilter.ofWords(new long[] {1L, 1L << 63});
        assertTrue(f.get(0));
        assertFalse(f.get(1));
        assertTrue(f.get(127));
        assertEquals(2, f.cardinality());
        assertEquals(128, f.sizeBits());
        assertThrows(IndexOutOfBoundsException.class, () -> f.get(128));
    }

    @Test
    void theTextFormRoundTripsAndRejectsJunk() {
        BloomFilter f = BloomFilter.ofWords(new long[] {0x0123456789abcdefL, -1L, 0L});
        assertEquals(Optional.of(f), BloomFilter.fromBase64(f.toBase64()));
        assertEquals(32, f.toBase64().length(), "24 bytes, unpadded");
        assertEquals(Optional.empty(), BloomFilter.fromBase64(null));
        assertEquals(Optional.empty(), BloomFilter.fromBase64("not base64!"));
        assertEquals(Optional.empty(), BloomFilter.fromBase64("AAAA"), "3 bytes is not a whole word");
    }

    @Test
    void theFilterIsNotChangedThroughItsWords() {
        long[] words = {1L};
        BloomFilter f = BloomFilter.ofWords(words);
        words[0] = 3L;
        f.words()[0] = 7L;
        assertEquals(1, f.cardinality());
        assertTrue(f.toString().contains("64 bits, 1 set"));
    }
}
