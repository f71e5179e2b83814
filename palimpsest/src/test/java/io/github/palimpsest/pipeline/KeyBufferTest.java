package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyBufferTest {
    @Test
    void typicalKeysDoNotCollideInSixtyFourBits() {
        // Short, similar keys are the realistic case: numbers, dates and "surname|year" combinations.
        int count = 300_000;
        long[] hashes = new long[count * 2];
        for (int i = 0; i < count; i++) {
            hashes[2 * i] = KeyBuffer.hash64(Integer.toString(i));
            hashes[2 * i + 1] = KeyBuffer.hash64("S" + (i % 997) + "|" + (1900 + i / 997));
        }
        Arrays.sort(hashes);
        for (int k = 1; k < hashes.length; k++) {
            assertNotEquals(hashes[k - 1], hashes[k], "collision at " + k);
        }
    }

    @Test
    void paddingWithNulsOrReorderingChangesTheHash() {
        assertNotEquals(KeyBuffer.hash64("ab"), KeyBuffer.hash64("\0ab"));
        assertNotEquals(KeyBuffer.hash64("abcd"), KeyBuffer.hash64("abcd\0"));
        assertNotEquals(KeyBuffer.hash64("abcdefgh"), KeyBuffer.hash64("efghabcd"));
        assertNotEquals(KeyBuffer.hash64(""), KeyBuffer.hash64("\0"));
        assertEquals(KeyBuffer.hash64("1900-01-01"), KeyBuffer.hash64(new String("1900-01-01")));
    }
}
