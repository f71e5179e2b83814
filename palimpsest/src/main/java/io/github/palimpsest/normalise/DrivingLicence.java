package io.github.palimpsest.normalise;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Great Britain (DVLA) driving licence number: 16 characters that encode part of the holder's
 * surname, date of birth, sex and initials, e.g. {@code MORGA753116SM9IJ}.
 *
 * <table>
 *   <caption>Layout</caption>
 *   <tr><th>chars</th><th>meaning</th></tr>
 *   <tr><td>1-5</td><td>first five letters of the surname, padded with 9s ({@code MAC} is written {@code MC})</td></tr>
 *   <tr><td>6</td><td>decade digit of the year of birth</td></tr>
 *   <tr><td>7-8</td><td>month of birth; women add 5 to the tens digit (51-62)</td></tr>
 *   <tr><td>9-10</td><td>day of birth</td></tr>
 *   <tr><td>11</td><td>last digit of the year of birth</td></tr>
 *   <tr><td>12-13</td><td>initials of the first two forenames, 9 when there is no second</td></tr>
 *   <tr><td>14</td><td>a digit that tells apart people who would otherwise share a number (usually 9)</td></tr>
 *   <tr><td>15-16</td><td>two check characters, computed by the DVLA (not verified here: the algorithm is not public)</td></tr>
 * </table>
 * A two-digit issue number printed after the licence number is accepted and kept apart
 * ({@link #issueNumber()}); spaces and dashes are ignored, and the canonical form is the 16 characters
 * in upper case.
 *
 * <p>What the licence encodes can contradict the record it came with: {@link #contradictions} lists
 * those disagreements (surname, date of birth, sex, initials), which are evidence in their own right.
 *
 * <p>Immutable and thread-safe; parsing never throws on any string ({@code null} is absent).
 */
public final class DrivingLicence implements ParsedValue {

    private static final String FIELD = "driving_licence: ";
    private static final Pattern SHAPE = Pattern.compile(
            "([A-Z9]{5})(\\d)(\\d{2})(\\d{2})(\\d)([A-Z9]{2})(\\d)([A-Z0-9]{2})(\\d{2})?");
    private static final Pattern STEM = Pattern.compile("([A-Z]+)9*");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");
    private static final int FEMALE_MONTH_OFFSET = 50;

    private final String raw;
    private final String canonical;
    private final List<String> problems;
    private final String stem;
    private final Sex sex;
    private final int month;
    private final int day;
    private final int yearLastTwoDigits;
    private final String initials;
    private final int issueNumber;

    private DrivingLicence(String raw, String canonical, List<String> problems, String stem, Sex sex, int month,
            int day, int yearLastTwoDigits, String initials, int issueNumber) {
        this.raw = raw;
        this.canonical = canonical;
        this.problems = List.copyOf(problems);
        this.stem = stem;
        this.sex = sex;
        this.month = month;
        this.day = day;
        this.yearLastTwoDigits = yearLastTwoDigits;
        this.initials = initials;
        this.issueNumber = issueNumber;
    }

    /** Whether the text is a licence's initials field, as {@code [A-Z][A-Z9]} matches it. */
    static boolean isInitials(String text) {
        return text.length() == 2 && text.charAt(0) >= 'A' && text.charAt(0) <= 'Z'
                && (text.charAt(1) >= 'A' && text.charAt(1) <= 'Z' || text.charAt(1) == '9');
    }

    /**
     * Reads a GB driving licence number. Never throws on any string.
     *
     * @param raw the raw text, may be {@code null}
     * @return the parsed licence, valid or with its problems
     */
    public static DrivingLicence parse(String raw) {
        String original = RawText.orEmpty(raw);
        String compact = RawText.withoutMatches(original, SEPARATORS, "-").toUpperCase(Locale.ROOT);
        if (original.isBlank()) {
            return invalid(original, List.of());
        }
        Matcher m = SHAPE.matcher(compact);
        if (!m.matches()) {
            return invalid(original, RawText.quote(original)
                    + " is not a GB driving licence number (expected 16 characters, e.g. MORGA753116SM9IJ)");
        }
        Matcher stemMatch = STEM.matcher(m.group(1));
        if (!stemMatch.matches()) {
            return invalid(original, "surname part " + m.group(1) + " must be letters padded with 9s");
        }
        int monthDigits = Integer.parseInt(m.group(3));
        boolean female = monthDigits > FEMALE_MONTH_OFFSET;
        int birthMonth = female ? monthDigits - FEMALE_MONTH_OFFSET : monthDigits;
        if (birthMonth < 1 || birthMonth > 12) {
            return invalid(original, "month digits " + m.group(3) + " are not a month (01-12, or 51-62 for women)");
        }
        int yy = Integer.parseInt(m.group(2) + m.group(5));
        int birthDay = Integer.parseInt(m.group(4));
        // 29 February needs a leap year: any year ending in a multiple of 4 can be one (1900 aside)
        int maxDay = Month.of(birthMonth).length(yy % 4 == 0);
        if (birthDay < 1 || birthDay > maxDay) {
            return invalid(original, "day digits " + m.group(4) + " are not a day of "
                    + Month.of(birthMonth).getDisplayName(TextStyle.FULL, Locale.UK));
        }
        if (!isInitials(m.group(6))) {
            return invalid(original, "initials part " + m.group(6) + " must be a letter, then a letter or 9");
        }
        int issue = m.group(9) == null ? -1 : Integer.parseInt(m.group(9));
        return new DrivingLicence(original, compact.substring(0, 16), List.of(), stemMatch.group(1),
                female ? Sex.FEMALE : Sex.MALE, birthMonth, birthDay, yy, m.group(6).replace("9", ""), issue);
    }

    /**
     * The first 14 characters and two placeholder check characters of the number the DVLA would issue,
     * with 9 as the distinguishing digit. See {@link #encode(String, String, LocalDate, Sex, int)}.
     */
    public static String encode(String surname, String forenames, LocalDate dateOfBirth, Sex sex) {
        return encode(surname, forenames, dateOfBirth, sex, 9);
    }

    /**
     * Builds a licence number in the DVLA layout, for test and synthetic data. Characters 1-14 follow the
     * DVLA rules; characters 15-16 are <em>placeholder</em> check letters computed by this library (a
     * weighted sum of the first 14 characters, mod 26, twice), because the DVLA's own algorithm is not
     * public. The parser does not verify characters 15-16, so encoded numbers parse as valid.
     *
     * <pre>{@code
     * DrivingLicence.encode("Morgan", "Sarah Meredith", LocalDate.of(1975, 6, 11), Sex.FEMALE)
     * // "MORGA756115SM9" + two placeholder letters
     * }</pre>
     *
     * @param surname the surname; must contain at least one letter (accents are folded)
     * @param forenames forenames separated by spaces; at least one (a single forename gives {@code X9})
     * @param dateOfBirth the date of birth
     * @param sex {@link Sex#FEMALE} adds 50 to the month; {@link Sex#UNKNOWN} is encoded as male
     * @param distinguishingDigit 0-9, the 14th character
     * @throws IllegalArgumentException if the surname or forenames have no letter, or the digit is not 0-9
     * @throws NullPointerException if any argument is {@code null}
     */
    public static String encode(String surname, String forenames, LocalDate dateOfBirth, Sex sex,
            int distinguishingDigit) {
        Objects.requireNonNull(forenames, "forenames");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(sex, "sex");
        checkArgument(distinguishingDigit >= 0 && distinguishingDigit <= 9,
                "distinguishingDigit must be 0-9, got %s", distinguishingDigit);
        String key = LicenceNames.surnameKey(Objects.requireNonNull(surname, "surname"), true);
        checkArgument(!key.isEmpty(), "surname must contain a letter");
        String initialsField = LicenceNames.initialsField(forenames);
        checkArgument(initialsField.charAt(0) != '9', "forenames must contain a letter");
        int year = dateOfBirth.getYear();
        int monthDigits = dateOfBirth.getMonthValue() + (sex == Sex.FEMALE ? FEMALE_MONTH_OFFSET : 0);
        String body = LicenceNames.padStem(key) + Math.floorMod(year / 10, 10) + CheckLetters.pad(monthDigits, 2)
                + CheckLetters.pad(dateOfBirth.getDayOfMonth(), 2) + Math.floorMod(year, 10)
                + initialsField + distinguishingDigit;
        return body + LicenceNames.placeholderCheck(body);
    }

    /**
     * What this licence contradicts in the record it came with: surname, date of birth (day, month and
     * last two digits of the year) and sex. Empty when the licence is invalid, when it agrees, and for
     * each part the record does not know (blank surname, empty date, {@link Sex#UNKNOWN}).
     *
     * @param surname the record's surname, may be {@code null} or blank
     * @param dateOfBirth the record's date of birth ({@code null} is read as empty)
     * @param sex the record's sex ({@code null} is read as unknown)
     * @return human-readable contradictions, each starting {@code "driving_licence: "}
     */
    public List<String> contradictions(String surname, Optional<LocalDate> dateOfBirth, Sex sex) {
        return contradictions(surname, "", dateOfBirth, sex);
    }

    /**
     * As {@link #contradictions(String, Optional, Sex)}, also checking the initials against the record's
     * forenames: the first initial must match the first forename; the second is checked only when both
     * the licence and the record have one.
     */
    public List<String> contradictions(String surname, String forenames, Optional<LocalDate> dateOfBirth, Sex sex) {
        List<String> found = new ArrayList<>();
        if (canonical == null) {
            return found;
        }
        String name = RawText.orEmpty(surname);
        String withMc = LicenceNames.surnameKey(name, true);
        if (!withMc.isEmpty() && !stemField().equals(LicenceNames.padStem(withMc))
                && !stemField().equals(LicenceNames.padStem(LicenceNames.surnameKey(name, false)))) {
            found.add(FIELD + "surname part " + stemField() + " contradicts surname " + RawText.quote(name));
        }
        String recordInitials = LicenceNames.initialsField(RawText.orEmpty(forenames)).replace("9", "");
        if (!recordInitials.isEmpty() && recordInitials.charAt(0) != initials.charAt(0)) {
            found.add(FIELD + "initial " + initials.charAt(0) + " contradicts forenames " + RawText.quote(forenames));
        } else if (recordInitials.length() == 2 && initials.length() == 2
                && recordInitials.charAt(1) != initials.charAt(1)) {
            found.add(FIELD + "second initial " + initials.charAt(1) + " contradicts forenames "
                    + RawText.quote(forenames));
        }
        Optional<LocalDate> recordDate = dateOfBirth == null ? Optional.empty() : dateOfBirth;
        recordDate.ifPresent(dob -> {
            if (dob.getDayOfMonth() != day) {
                found.add(FIELD + "birth day " + CheckLetters.pad(day, 2) + " contradicts date of birth " + dob);
            }
            if (dob.getMonthValue() != month) {
                found.add(FIELD + "birth month " + CheckLetters.pad(month, 2) + " contradicts date of birth " + dob);
            }
            if (Math.floorMod(dob.getYear(), 100) != yearLastTwoDigits) {
                found.add(FIELD + "birth year ending " + CheckLetters.pad(yearLastTwoDigits, 2)
                        + " contradicts date of birth " + dob);
            }
        });
        if (sex != null && sex != Sex.UNKNOWN && sex != this.sex) {
            found.add(FIELD + "month digits " + canonical.substring(6, 8) + " mark the holder as "
                    + this.sex.name().toLowerCase(Locale.ROOT) + ", but the record says "
                    + sex.name().toLowerCase(Locale.ROOT));
        }
        return found;
    }

    /** The surname letters encoded (without 9 padding), e.g. {@code LEE}; empty when invalid. */
    public Optional<String> surnameStem() {
        return Optional.ofNullable(stem);
    }

    /** The sex the month digits encode ({@link Sex#FEMALE} for 51-62); {@link Sex#UNKNOWN} when invalid. */
    public Sex sex() {
        return sex;
    }

    /** The month of birth, 1-12, with the women's offset removed; 0 when invalid. */
    public int birthMonth() {
        return month;
    }

    /** The day of birth, 1-31; 0 when invalid. */
    public int birthDay() {
        return day;
    }

    /** The last two digits of the year of birth (decade digit then year digit); 0 when invalid. */
    public int yearLastTwoDigits() {
        return yearLastTwoDigits;
    }

    /** The initials encoded, without 9 padding (one or two letters); empty when invalid. */
    public String initials() {
        return initials;
    }

    /** The two-digit issue number printed after the licence number, when it was given. */
    public OptionalInt issueNumber() {
        return issueNumber < 0 ? OptionalInt.empty() : OptionalInt.of(issueNumber);
    }

    /**
     * The encoded date of birth in a given century: {@code dateOfBirthIfCentury(19)} is 19YY-MM-DD.
     * Empty when invalid or when that date does not exist (29 February 1900).
     *
     * @param century the first two digits of the year, e.g. 19 or 20
     */
    public Optional<LocalDate> dateOfBirthIfCentury(int century) {
        if (canonical == null || century < 0 || century > 99) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(century * 100 + yearLastTwoDigits, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String raw() {
        return raw;
    }

    @Override
    public Optional<String> canonical() {
        return Optional.ofNullable(canonical);
    }

    @Override
    public List<String> problems() {
        return problems;
    }

    private String stemField() {
        return canonical.substring(0, 5);
    }

    private static DrivingLicence invalid(String original, List<String> problems) {
        return new DrivingLicence(original, null, problems, null, Sex.UNKNOWN, 0, 0, 0, "", -1);
    }

    private static DrivingLicence invalid(String original, String reason) {
        return invalid(original, List.of(FIELD + reason));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DrivingLicence)) {
            return false;
        }
        DrivingLicence other = (DrivingLicence) o;
        return raw.equals(other.raw) && Objects.equals(canonical, other.canonical) && problems.equals(other.problems)
                && issueNumber == other.issueNumber;
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, canonical, problems, issueNumber);
    }

    @Override
    public String toString() {
        return "DrivingLicence[" + (canonical == null ? "invalid " + problems : canonical) + "]";
    }
}
