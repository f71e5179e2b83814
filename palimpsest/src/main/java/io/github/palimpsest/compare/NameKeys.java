package io.github.palimpsest.compare;

import io.github.palimpsest.record.ComparableRecord;

/** Shared checks on precomputed name keys. Stateless and thread-safe. */
final class NameKeys {
    private NameKeys() {
    }

    /**
     * Whether one record gives a single name, in the forename field (no surname, not an initial), and that
     * name is the other record's surname, the same or at Jaro–Winkler {@code high} or above and closer to it
     * than to the other's forename: "Hillier" against "George Hillier". A record known by one name often
     * holds its surname in the only field it fills; compared as a forename, it would count against the
     * pair. Symmetric; allocates nothing.
     */
    static boolean loneNameIsSurname(ComparableRecord left, ComparableRecord right, double high) {
        return loneNameIsSurnameOf(left, right, high) || loneNameIsSurnameOf(right, left, high);
    }

    private static boolean loneNameIsSurnameOf(ComparableRecord lone, ComparableRecord other, double high) {
        String name = lone.forename();
        String surname = other.surname();
        if (!lone.surname().isEmpty() || name.isEmpty() || lone.isForenameInitial() || surname.isEmpty()
                || name.equals(other.forename())) {
            return false;
        }
        if (name.equals(surname)) {
            return true;
        }
        double similarity = JaroWinkler.symmetric(name, surname);
        return similarity >= high
                && (other.forename().isEmpty() || similarity > JaroWinkler.symmetric(name, other.forename()));
    }

    /**
     * Whether forename and surname look recorded in each other's place on one side, with one of the two
     * names a little different: crosswise (the left forename against the right surname, the left surname
     * against the right forename), one pair is the same name of two letters or more and the other is
     * {@linkplain #close close}, while neither straight pair is the same. "Sophie Owem" and "Owen Sophie",
     * "Dean Taylor" and "Taylor D", "Harry Slade" and "Slade Harold". An exact swap of two full names is
     * not this: it has its own, stronger level. Symmetric; allocates nothing.
     */
    static boolean swappedClose(ComparableRecord left, ComparableRecord right, double medium) {
        String leftForename = left.forename();
        String leftSurname = left.surname();
        String rightForename = right.forename();
        String rightSurname = right.surname();
        if (leftForename.isEmpty() || leftSurname.isEmpty() || rightForename.isEmpty() || rightSurname.isEmpty()
                || leftForename.equals(rightForename) || leftSurname.equals(rightSurname)) {
            return false;
        }
        boolean forenameIsSurname = leftForename.length() > 1 && leftForename.equals(rightSurname);
        boolean surnameIsForename = leftSurname.length() > 1 && leftSurname.equals(rightForename);
        if (forenameIsSurname == surnameIsForename) {
            return false; // neither crosswise pair is the same (no swap), or both are (an exact swap)
        }
        if (forenameIsSurname) {
            // The other pair: the left surname, written where the right record keeps its forename.
            return close(leftSurname, rightForename, medium)
                    || right.isNicknameOfForename(leftSurname)
                    || phoneticAgree(left.surnamePhonetic(), left.surnamePhoneticAlternate(),
                            right.forenamePhonetic(), right.forenamePhoneticAlternate());
        }
        return close(leftForename, rightSurname, medium)
                || left.isNicknameOfForename(rightSurname)
                || phoneticAgree(left.forenamePhonetic(), left.forenamePhoneticAlternate(),
                        right.surnamePhonetic(), right.surnamePhoneticAlternate());
    }

    /**
     * Whether two names (each in either field) are close: the same, one the initial of the other, one a part
     * of the other's hyphenated or multi-word form, Jaro–Winkler at or above {@code medium}, or one
     * {@linkplain #isOneKeyingError keying error} apart.
     */
    static boolean close(String a, String b, double medium) {
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0);
        }
        return a.equals(b) || isPart(a, b) || isPart(b, a) || JaroWinkler.symmetric(a, b) >= medium
                || isOneKeyingError(a, b);
    }

    /**
     * Whether two names of two letters or more differ by one keying error: a letter substituted, added or
     * dropped, or two neighbours transposed. Jaro–Winkler pairs letters only within half the longer name,
     * so it scores such an error low in a short name ("ano" and "nao" 0.56); the edit count does not.
     */
    static boolean isOneKeyingError(String a, String b) {
        return a.length() > 1 && b.length() > 1 && Edits.isOneEditApart(a, b);
    }

    /** Whether {@code part} is one of the hyphen- or space-separated parts of {@code whole}. */
    private static boolean isPart(String whole, String part) {
        int length = part.length();
        for (int at = whole.indexOf(part); at >= 0; at = whole.indexOf(part, at + 1)) {
            boolean starts = at == 0 || isSeparator(whole.charAt(at - 1));
            boolean ends = at + length == whole.length() || isSeparator(whole.charAt(at + length));
            if (starts && ends && length < whole.length()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == ' ';
    }

    /**
     * Whether two names' Double Metaphone keys agree: any of the left's primary and alternate keys equals
     * any of the right's, empty keys excepted. Symmetric.
     */
    static boolean phoneticAgree(String leftPrimary, String leftAlternate, String rightPrimary,
            String rightAlternate) {
        return agree(leftPrimary, rightPrimary) || agree(leftPrimary, rightAlternate)
                || agree(leftAlternate, rightPrimary) || agree(leftAlternate, rightAlternate);
    }

    private static boolean agree(String a, String b) {
        return !a.isEmpty() && a.equals(b);
    }
}
