package io.github.palimpsest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DecimalsProperties {

    @Property
    void fixedIsWhatFormatterWrites(@ForAll("numbers") double value, @ForAll @IntRange(min = 0, max = 6) int decimals) {
        assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", value), Decimals.fixed(value, decimals));
    }

    @Property
    void signedIsWhatFormatterWritesWithAPlus(@ForAll("numbers") double value,
            @ForAll @IntRange(min = 0, max = 6) int decimals) {
        assertEquals(String.format(Locale.ROOT, "%+." + decimals + "f", value), Decimals.signed(value, decimals));
    }

    @Property
    void tiesRoundAsFormatterRoundsThem(@ForAll @IntRange(min = -2_000_000, max = 2_000_000) int units,
            @ForAll @IntRange(min = 0, max = 5) int decimals, @ForAll @IntRange(min = -2, max = 2) int ulps) {
        // Values a hair from a rounding tie: "x.xx5" as written, and the doubles on either side of it.
        double tie = (units + 0.5) / Math.pow(10, decimals);
        double value = tie;
        for (int i = 0; i < Math.abs(ulps); i++) {
            value = ulps > 0 ? Math.nextUp(value) : Math.nextDown(value);
        }
        assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", value), Decimals.fixed(value, decimals));
    }

    @Provide
    Arbitrary<Double> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-100, 100),
                Arbitraries.doubles().between(-1e9, 1e9),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(0.0, -0.0, 0.125, 1.005, 2.675, 0.9999995, 999_999.9999995, 1e-7, -1e-7,
                        Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    @Test
    void knownValues() {
        assertEquals("0.6667", Decimals.fixed(2.0 / 3, 4));
        assertEquals("-0.00", Decimals.signed(-0.004, 2));
        assertEquals("+8.89", Decimals.signed(8.888, 2));
        assertEquals("1.01", Decimals.fixed(1.005, 2), "half up on the shortest decimal, as Formatter");
    }
}
