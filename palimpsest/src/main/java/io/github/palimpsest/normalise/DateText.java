package io.github.palimpsest.normalise;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the day, month and year written in a date string, without judging whether they make a real
 * date: that, and the century of two-digit years, is {@link DateParser}'s job. UK order (day first) is
 * assumed for every all-numeric form except those that start with a four-digit year.
 */
final class DateText {

    /** What the text says: day, month and year as written, or why it could not be read. */
    record Parts(int day, int month, int year, boolean twoDigitYear, String error) {
        static Parts of(String day, String month, String year) {
            return new Parts(Integer.parseInt(day), Integer.parseInt(month), Integer.parseInt(year),
                    year.length() == 2, null);
        }

        static Parts unreadable(String error) {
            return new Parts(0, 0, 0, false, error);
        }

        boolean isReadable() {
            return error == null;
        }
    }

    // An optional time of day after the date, as exported by spreadsheets and ISO date-times; only the
    // date part is kept (a date-time's date as written, without moving it between time zones).
    private static final String TIME =
            "(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?: ?[AP]M)?(?: ?Z|[+-]\\d{2}(?::?\\d{2})?)?)?";
    private static final String SEP = "[-/. ]";
    private static final Pattern YEAR_FIRST =
            Pattern.compile("(\\d{4})" + SEP + "(\\d{1,2})" + SEP + "(\\d{1,2})" + TIME);
    private static final Pattern DAY_FIRST =
            Pattern.compile("(\\d{1,2})" + SEP + "(\\d{1,2})" + SEP + "(\\d{4}|\\d{2})" + TIME);
    private static final Pattern EIGHT_DIGITS = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SIX_DIGITS = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})");
    private static final Pattern YEAR_ONLY = Pattern.compile("\\d{4}");
    private static final Pattern MONTH_AND_YEAR = Pattern.compile("\\d{1,2}" + SEP + "\\d{4}");
    private static final Pattern TRAILING_TIME = Pattern.compile(
            " ?\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?: ?[AP]M)?$");
    private static final Pattern LETTER_DIGIT_BOUNDARY =
            Pattern.compile("(?<=\\d)(?=[A-Z])|(?<=[A-Z])(?=\\d)");
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s,./\\-']+");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("JAN", 1), Map.entry("JANUARY", 1), Map.entry("FEB", 2), Map.entry("FEBRUARY", 2),
            Map.entry("MAR", 3), Map.entry("MARCH", 3), Map.entry("APR", 4), Map.entry("APRIL", 4),
            Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUNE", 6), Map.entry("JUL", 7),
            Map.entry("JULY", 7), Map.entry("AUG", 8), Map.entry("AUGUST", 8), Map.entry("SEP", 9),
            Map.entry("SEPT", 9), Map.entry("SEPTEMBER", 9), Map.entry("OCT", 10), Map.entry("OCTOBER", 10),
            Map.entry("NOV", 11), Map.entry("NOVEMBER", 11), Map.entry("DEC", 12), Map.entry("DECEMBER", 12));
    private static final Set<String> WEEKDAYS = Set.of("MON", "MONDAY", "TUE", "TUES", "TUESDAY", "WED",
            "WEDNESDAY", "THU", "THUR", "THURS", "THURSDAY", "FRI", "FRIDAY", "SAT", "SATURDAY", "SUN",
            "SUNDAY");
    private static final Set<String> ORDINAL_SUFFIXES = Set.of("ST", "ND", "RD", "TH");

    private DateText() {
    }

    /** Reads upper-cased, trimmed text with single spaces. */
    static Parts read(String text) {
        Parts numeric = readNumeric(text);
        if (numeric != null) {
            return numeric;
        }
        Matcher m = YEAR_FIRST.matcher(text);
        if (m.matches()) {
            return Parts.of(m.group(3), m.group(2), m.group(1));
        }
        m = DAY_FIRST.matcher(text);
        if (m.matches()) {
            return Parts.of(m.group(1), m.group(2), m.group(3));
        }
        m = EIGHT_DIGITS.matcher(text);
        if (m.matches()) {
            return readEightDigits(m);
        }
        m = SIX_DIGITS.matcher(text);
        if (m.matches()) {
            // ddMMyy: UK day-first, as in "241150"
            return Parts.of(m.group(1), m.group(2), m.group(3));
        }
        if (YEAR_ONLY.matcher(text).matches()) {
            return Parts.unreadable("gives only a year, not a full date");
        }
        if (MONTH_AND_YEAR.matcher(text).matches()) {
            return Parts.unreadable("gives only a month and year, not a full date");
        }
        return readWithMonthName(text);
    }

    /**
     * The common all-numeric forms without a time, read by hand: {@code yyyy-M-d} as {@link #YEAR_FIRST},
     * {@code d/M/yyyy} and {@code d/M/yy} as {@link #DAY_FIRST}, and eight or six digits in a row as the
     * patterns of those names read them. Null for anything else, which the patterns then read: the result is
     * theirs in every case, only without a regular expression for most dates.
     */
    static Parts readNumeric(String text) {
        int n = text.length();
        int first = digitsFrom(text, 0);
        if (first == n) {
            if (n == 8) {
                return readEightDigits(text);
            }
            return n == 6 ? Parts.of(text.substring(0, 2), text.substring(2, 4), text.substring(4)) : null;
        }
        if (first == 0 || !isSeparator(text.charAt(first))) {
            return null;
        }
        int second = digitsFrom(text, first + 1);
        if (second == first + 1 || second == n || !isSeparator(text.charAt(second))) {
            return null;
        }
        int third = digitsFrom(text, second + 1);
        if (third != n) {
            return null; // a time of day, a letter, a fourth group: left to the patterns
        }
        int a = first;
        int b = second - first - 1;
        int c = n - second - 1;
        String x = text.substring(0, first);
        String y = text.substring(first + 1, second);
        String z = text.substring(second + 1);
        if (a == 4 && b >= 1 && b <= 2 && c >= 1 && c <= 2) {
            return Parts.of(z, y, x);
        }
        if (a <= 2 && b >= 1 && b <= 2 && (c == 4 || c == 2)) {
            return Parts.of(x, y, z);
        }
        return null;
    }

    /** The index of the first character at or after {@code from} that is not an ASCII digit. */
    private static int digitsFrom(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** The separators of {@code SEP}: hyphen, slash, full stop, space. */
    private static boolean isSeparator(char c) {
        return c == '-' || c == '/' || c == '.' || c == ' ';
    }

    private static Parts readEightDigits(Matcher m) {
        return readEightDigits(m.group());
    }

    private static Parts readEightDigits(String s) {
        // yyyyMMdd is the documented form; ddMMyyyy ("24111950") is read only when yyyyMMdd cannot be a
        // date, which is always so for day-first text because no month is numbered above 12.
        int year = Integer.parseInt(s.substring(0, 4));
        int month = Integer.parseInt(s.substring(4, 6));
        boolean yearFirstPossible = year >= DateParser.EIGHT_DIGIT_YEAR_FIRST_FROM && month >= 1 && month <= 12;
        if (!yearFirstPossible) {
            int dayFirstMonth = Integer.parseInt(s.substring(2, 4));
            int dayFirstYear = Integer.parseInt(s.substring(4));
            if (dayFirstMonth >= 1 && dayFirstMonth <= 12 && dayFirstYear >= DateParser.EIGHT_DIGIT_YEAR_FIRST_FROM) {
                return Parts.of(s.substring(0, 2), s.substring(2, 4), s.substring(4));
            }
        }
        return Parts.of(s.substring(6), s.substring(4, 6), s.substring(0, 4));
    }

    private static Parts readWithMonthName(String text) {
        String withoutTime = TRAILING_TIME.matcher(text).replaceFirst("");
        String spaced = LETTER_DIGIT_BOUNDARY.matcher(withoutTime).replaceAll(" ");
        List<String> tokens = new ArrayList<>();
        for (String token : TOKEN_SEPARATORS.split(spaced)) {
            if (token.isEmpty() || token.equals("OF")) {
                continue;
            }
            boolean afterNumber = !tokens.isEmpty() && isDigits(tokens.get(tokens.size() - 1));
            if (ORDINAL_SUFFIXES.contains(token) && afterNumber) {
                continue; // "1st March 1980"
            }
            if (tokens.isEmpty() && WEEKDAYS.contains(token)) {
                continue; // "Monday 3 March 1980": the weekday adds nothing we use
            }
            tokens.add(token);
        }
        if (tokens.size() == 3) {
            String a = tokens.get(0);
            String b = tokens.get(1);
            String c = tokens.get(2);
            if (isDay(a) && MONTHS.containsKey(b) && isYear(c)) {
                return Parts.of(a, Integer.toString(MONTHS.get(b)), c);
            }
            if (MONTHS.containsKey(a) && isDay(b) && isYear(c)) {
                return Parts.of(b, Integer.toString(MONTHS.get(a)), c); // "March 1st, 1980"
            }
        }
        if (tokens.size() == 2 && MONTHS.containsKey(tokens.get(0)) && isYear(tokens.get(1))) {
            return Parts.unreadable("gives only a month and year, not a full date");
        }
        return Parts.unreadable("is not a recognised date");
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDay(String s) {
        return isDigits(s) && s.length() <= 2;
    }

    private static boolean isYear(String s) {
        return isDigits(s) && (s.length() == 2 || s.length() == 4);
    }
}
