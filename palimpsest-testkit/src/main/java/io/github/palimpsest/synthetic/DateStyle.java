package io.github.palimpsest.synthetic;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a force writes dates (dates of birth and event dates). Immutable and thread-safe.
 *
 * <p>Month abbreviations use {@link Locale#ENGLISH} ({@code Sep}, never the CLDR British {@code Sept}).
 */
public enum DateStyle {
    /** {@code 1985-03-07}. */
    ISO("yyyy-MM-dd", false),
    /** {@code 07/03/1985}. */
    DAY_MONTH_YEAR_SLASH("dd/MM/yyyy", false),
    /** {@code 07-MAR-85}: the two-digit year is resolved by the reader. */
    DAY_MON_YY("dd-MMM-yy", true),
    /** {@code 19850307}. */
    COMPACT("yyyyMMdd", false),
    /** {@code 07.03.1985}. */
    DAY_MONTH_YEAR_DOT("dd.MM.yyyy", false);

    private final DateTimeFormatter formatter;
    private final boolean upperCase;

    DateStyle(String pattern, boolean upperCase) {
        this.formatter = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
        this.upperCase = upperCase;
    }

    /** Writes {@code date} in this style. */
    public String format(LocalDate date) {
        String text = formatter.format(date);
        return upperCase ? text.toUpperCase(Locale.ROOT) : text;
    }
}
