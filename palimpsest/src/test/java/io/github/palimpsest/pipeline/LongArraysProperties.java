package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LongArraysProperties {
    /** The bucketed sort of hashed values sorts exactly as a comparison sort, signs included. */
    @Property(tries = 20)
    void sortHashedSortsAsArraysSort(@ForAll @IntRange(min = 0, max = 200_000) int length, @ForAll long seed,
                                     @ForAll boolean parallel) {
        Random random = new Random(seed);
        long[] values = new long[length + random.nextInt(3)]; // a tail beyond length stays out of the sort
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextLong();
        }
        long[] expected = Arrays.copyOf(values, length);
        Arrays.sort(expected);
        long[] sorted = LongArrays.sortHashed(values.clone(), length, parallel);
        assertArrayEquals(expected, Arrays.copyOf(sorted, length));
    }
}
