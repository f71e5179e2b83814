package io.github.palimpsest.synthetic;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates valid, fictional identifiers in their canonical spellings, and writes them in a force's
 * spelling. Independent of the {@code normalise} package on purpose: the two are cross-checked in tests.
 * Stateless and thread-safe; every random choice comes from the caller's generator.
 */
final class Identifiers {

    /** Check-letter table shared by PNC IDs and CRO numbers (no I, O or S, which read as digits). */
    static final String CHECK_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY";

    // NI prefixes: first letter not D, F, I, Q, U, V; second not D, F, I, Q, U, V, O (HMRC NIM39110).
    private static final String NI_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
    private static final String NI_SECOND = "ABCEGHJKLMNPRSTWXYZ";
    // Never issued (BG, GB, KN, NK, NT, TN, ZZ) or administrative/temporary (OO, CR, FY, MW, NC, PP, PY, PZ).
    private static final List<String> NI_EXCLUDED =
            List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ", "OO", "CR", "FY", "MW", "NC", "PP", "PY", "PZ");

    // Postcode inward unit letters never use C, I, K, M, O or V (Royal Mail PAF guide).
    private static final String INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final String A9A_FOURTH = "ABCDEFGHJKPSTUW";
    private static final String AA9A_FOURTH = "ABEHMNPRVWXY";

    // Ofcom numbers reserved for drama: never allocated to a real line.
    private static final String[] LANDLINE_DRAMA_PREFIXES = {
        "020 7946 0", "0113 496 0", "0114 496 0", "0115 496 0", "0116 496 0", "0117 496 0",
        "0118 496 0", "0121 496 0", "0131 496 0", "0141 496 0", "0151 496 0", "0161 496 0",
    };
    private static final String[] EMAIL_DOMAINS = {"example.com", "example.org", "example.net"};

    private Identifiers() {
    }

    /** The check letter over a string of digits: their value mod 23 in {@link #CHECK_LETTERS}. */
    static char checkLetter(String digits) {
        return CHECK_LETTERS.charAt((int) (Long.parseLong(digits) % 23));
    }

    /** A canonical PNC ID {@code YYYY/NNNNNNNC} issued in {@code year}: check letter over YY + 7-digit serial. */
    static String pncId(SplittableRandom rng, int year) {
        String yy = twoDigits(year % 100);
        String serial = String.format(Locale.ROOT, "%07d", 1 + rng.nextInt(999_999));
        return year + "/" + serial + checkLetter(yy + serial);
    }

    /** A canonical CRO number {@code NNNNNN/YYC}: check letter over YY + 6-digit serial. */
    static String croNumber(SplittableRandom rng, int year) {
        String yy = twoDigits(year % 100);
        String serial = String.format(Locale.ROOT, "%06d", 1 + rng.nextInt(999_999));
        return serial + "/" + yy + checkLetter(yy + serial);
    }

    /** A canonical NI number {@code AB123456C} with an issuable prefix and suffix A–D. */
    static String niNumber(SplittableRandom rng) {
        String prefix;
        do {
            prefix = "" + NI_FIRST.charAt(rng.nextInt(NI_FIRST.length()))
                    + NI_SECOND.charAt(rng.nextInt(NI_SECOND.length()));
        } while (NI_EXCLUDED.contains(prefix));
        return prefix + String.format(Locale.ROOT, "%06d", rng.nextInt(1_000_000)) + "ABCD".charAt(rng.nextInt(4));
    }

    /**
     * A 16-character DVLA driving licence number (DVLA format): surname stem padded with 9s, decade
     * digit, month (+50 for women), day, year digit, two initials (9 when there is no middle name), the
     * digit 9, and the two check characters given (fixed per person, as the DVLA's are opaque).
     */
    static String drivingLicence(String surname, String forename, List<String> middleNames, LocalDate dob,
            boolean female, String checkCharacters) {
        String stem = licenceLetters(surname);
        if (stem.startsWith("MAC")) {
            stem = "MC" + stem.substring(3); // DVLA treats Mac as Mc
        }
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 5; i++) {
            sb.append(i < stem.length() ? stem.charAt(i) : '9');
        }
        int year = dob.getYear();
        sb.append((year / 10) % 10);
        sb.append(twoDigits(dob.getMonthValue() + (female ? 50 : 0)));
        sb.append(twoDigits(dob.getDayOfMonth()));
        sb.append(year % 10);
        String first = licenceLetters(forename);
        sb.append(first.isEmpty() ? '9' : first.charAt(0));
        String middle = middleNames.isEmpty() ? "" : licenceLetters(middleNames.get(0));
        sb.append(middle.isEmpty() ? '9' : middle.charAt(0));
        sb.append('9').append(checkCharacters);
        return sb.toString();
    }

    /** Two random check characters for a licence: letters and digits, as on issued licences. */
    static String licenceCheckCharacters(SplittableRandom rng) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        return "" + alphabet.charAt(rng.nextInt(alphabet.length())) + alphabet.charAt(rng.nextInt(alphabet.length()));
    }

    /** A canonical UK postcode {@code OUTWARD INWARD} in {@code area}, in one of the valid formats. */
    static String postcode(SplittableRandom rng, String area) {
        String outward;
        if (area.equals("EC")) {
            outward = "EC" + (1 + rng.nextInt(4)) + AA9A_FOURTH.charAt(rng.nextInt(AA9A_FOURTH.length()));
        } else if (area.equals("SW") && rng.nextInt(10) == 0) {
            outward = "SW1" + AA9A_FOURTH.charAt(rng.nextInt(AA9A_FOURTH.length()));
        } else if (area.equals("W") && rng.nextInt(10) == 0) {
            outward = "W1" + A9A_FOURTH.charAt(rng.nextInt(A9A_FOURTH.length()));
        } else {
            outward = area + (1 + rng.nextInt(area.length() == 1 ? 20 : 30));
        }
        String inward = "" + rng.nextInt(10) + INWARD_LETTERS.charAt(rng.nextInt(INWARD_LETTERS.length()))
                + INWARD_LETTERS.charAt(rng.nextInt(INWARD_LETTERS.length()));
        return outward + " " + inward;
    }

    /** A mobile number from Ofcom's drama range, {@code 07700 900000}–{@code 07700 900999}. */
    static String mobile(SplittableRandom rng) {
        return "07700 900" + String.format(Locale.ROOT, "%03d", rng.nextInt(1000));
    }

    /** A landline number from one of Ofcom's drama ranges, e.g. {@code 020 7946 0123}. */
    static String landline(SplittableRandom rng) {
        return LANDLINE_DRAMA_PREFIXES[rng.nextInt(LANDLINE_DRAMA_PREFIXES.length)]
                + String.format(Locale.ROOT, "%03d", rng.nextInt(1000));
    }

    /** An email address at one of the domains RFC 2606 reserves for examples. */
    static String email(SplittableRandom rng, String forename, String surname) {
        String f = asciiLower(forename);
        String s = asciiLower(surname);
        String local;
        switch (rng.nextInt(4)) {
            case 0:
                local = f + "." + s;
                break;
            case 1:
                local = (f.isEmpty() ? "x" : f.substring(0, 1)) + s + rng.nextInt(100);
                break;
            case 2:
                local = f + s + (1950 + rng.nextInt(60));
                break;
            default:
                local = s + "." + f + rng.nextInt(1000);
                break;
        }
        return local + "@" + EMAIL_DOMAINS[rng.nextInt(EMAIL_DOMAINS.length)];
    }

    /** A fictional warrant number: force code, year of issue and a six-digit serial, {@code 01/2019/W004512}. */
    static String warrantNumber(SplittableRandom rng, String forceCode, int year) {
        return forceCode + "/" + year + "/W" + String.format(Locale.ROOT, "%06d", 1 + rng.nextInt(999_999));
    }

    /** {@code AB123456C} written {@code AB 12 34 56 C}. */
    static String spacedNiNumber(String canonical) {
        return canonical.substring(0, 2) + " " + canonical.substring(2, 4) + " " + canonical.substring(4, 6) + " "
                + canonical.substring(6, 8) + " " + canonical.substring(8);
    }

    /** A CRO number with leading zeros of the serial dropped, {@code 065656/91H} written {@code 65656/91H}. */
    static String unpaddedCro(String canonical) {
        return withoutLeadingZeros(canonical);
    }

    /** {@code digits} without leading zeros, keeping at least one character (no regex: a hot path). */
    static String withoutLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0' && Character.isDigit(digits.charAt(i + 1))) {
            i++;
        }
        return digits.substring(i);
    }

    /** {@code n} zero-padded to {@code width} digits (no String.format: a hot path). */
    static String zeroPadded(long n, int width) {
        String s = Long.toString(n);
        if (s.length() >= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder(width);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    /** Upper-case ASCII letters only, diacritics folded ({@code Łukasz} gives {@code LUKASZ}). */
    static String licenceLetters(String name) {
        return fold(name).toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    private static String asciiLower(String name) {
        return fold(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    static String fold(String s) {
        String replaced = s.replace('Ł', 'L').replace('ł', 'l').replace("ß", "ss");
        return Normalizer.normalize(replaced, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
