package io.github.palimpsest.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats a number with a fixed number of decimals, giving exactly the text of
 * {@code String.format(Locale.ROOT, "%.Nf", value)} (and of {@code "%+.Nf"} for {@link #signed}) at a
 * fraction of its cost: {@link java.util.Formatter} looks up locale symbols on every call, which made
 * writing a million links' evidence slower than linking them.
 *
 * <p>How: {@code Formatter} rounds the shortest decimal that reads back as the double ({@link Double#toString})
 * half up. Away from a tie the double's own scaled value rounds the same way, so it is rounded directly;
 * within a thousandth of a tie, or for large magnitudes, the text is built from {@link Double#toString}
 * through {@link BigDecimal}, as {@code Formatter} builds it.
 *
 * <pre>{@code
 * Decimals.fixed(2.0 / 3, 4);    // "0.6667"
 * Decimals.signed(-0.004, 2);    // "-0.00", as "%+.2f" writes it
 * }</pre>
 *
 * <p>Static, pure and thread-safe.
 */
public final class Decimals {
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    private static final int MAX_DECIMALS = POWERS_OF_TEN.length - 1;
    /** Below this magnitude a double's error is far smaller than the tie guard at six decimals. */
    private static final double FAST_LIMIT = 1e6;
    private static final double TIE_GUARD = 1e-3;

    private Decimals() {
    }

    /**
     * {@code String.format(Locale.ROOT, "%.<decimals>f", value)}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= decimals <= 6}
     */
    public static String fixed(double value, int decimals) {
        return append(new StringBuilder(24), value, decimals, false).toString();
    }

    /**
     * {@code String.format(Locale.ROOT, "%+.<decimals>f", value)}: always with a sign.
     *
     * @throws IllegalArgumentException unless {@code 0 <= decimals <= 6}
     */
    public static String signed(double value, int decimals) {
        return append(new StringBuilder(24), value, decimals, true).toString();
    }

    /**
     * Appends {@link #fixed} (or, with {@code alwaysSigned}, {@link #signed}) of the value.
     *
     * @throws IllegalArgumentException unless {@code 0 <= decimals <= 6}
     */
    public static StringBuilder append(StringBuilder out, double value, int decimals, boolean alwaysSigned) {
        checkArgument(decimals >= 0 && decimals <= MAX_DECIMALS, "decimals must be in [0, %s], got %s",
                MAX_DECIMALS, decimals);
        if (Double.isNaN(value)) {
            return out.append("NaN");
        }
        // Formatter writes the sign of the double, so -0.0 and -0.001 at two decimals are "-0.00".
        boolean negative = Double.doubleToRawLongBits(value) < 0;
        if (negative) {
            out.append('-');
        } else if (alwaysSigned) {
            out.append('+');
        }
        double magnitude = Math.abs(value);
        if (Double.isInfinite(magnitude)) {
            return out.append("Infinity");
        }
        long scale = POWERS_OF_TEN[decimals];
        if (magnitude < FAST_LIMIT) {
            double scaled = magnitude * scale;
            double floor = Math.floor(scaled);
            double fraction = scaled - floor;
            if (Math.abs(fraction - 0.5) > TIE_GUARD) {
                long units = (long) floor + (fraction > 0.5 ? 1 : 0);
                out.append(units / scale);
                if (decimals > 0) {
                    out.append('.');
                    String digits = Long.toString(units % scale);
                    for (int pad = digits.length(); pad < decimals; pad++) {
                        out.append('0');
                    }
                    out.append(digits);
                }
                return out;
            }
        }
        return out.append(new BigDecimal(Double.toString(magnitude)).setScale(decimals, RoundingMode.HALF_UP)
                .toPlainString());
    }
}
