package io.github.palimpsest.compare;

import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;

/**
 * Compares a contact value already in canonical form: a phone number (E.164) or an e-mail address. A
 * shared phone or e-mail is strong but not conclusive (households and hostels share phones), and a
 * different one is weak evidence against (people change numbers). A value copied with a keying error is
 * neither: it has a level of its own, whose weight training learns like any other. Phone levels:
 * <ol start="0">
 *   <li>{@code equal};</li>
 *   <li>{@code close}: one keying error apart (a digit wrong, missing, extra, or two swapped);</li>
 *   <li>{@code different};</li>
 *   <li>{@code missing} (neutral): absent or invalid on either side.</li>
 * </ol>
 * E-mail levels:
 * <ol start="0">
 *   <li>{@code equal};</li>
 *   <li>{@code one character different}: one keying error apart, as for a phone, in a letter or sign: an
 *       address copied by hand, nearly as telling as the same one (a changed digit is not: numbers are how
 *       namesakes' addresses differ, so such a pair is {@code close} at most);</li>
 *   <li>{@code close}: the same user name at another domain, or a Jaro–Winkler similarity of at least
 *       {@value #EMAIL_SIMILARITY}: often the same person's, but also the addresses of namesakes or of
 *       one family at one domain, so it weighs apart from a keying error;</li>
 *   <li>{@code different};</li>
 *   <li>{@code missing} (neutral).</li>
 * </ol>
 * Immutable, thread-safe and serializable; {@link #level} allocates nothing.
 */
public final class ContactComparison implements Comparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the same value. */
    static final int EQUAL = 0;
    /** Level index, phone: a keying error apart. */
    static final int CLOSE = 1;
    /** Level index, phone: different values. */
    static final int DIFFERENT = 2;
    /** Level index, phone: missing (neutral). */
    static final int MISSING = 3;
    /** Level index, e-mail: a keying error apart. */
    static final int EMAIL_ONE_EDIT = 1;
    /** Level index, e-mail: the same user name elsewhere, or similar (see the class comment). */
    static final int EMAIL_CLOSE = 2;
    /** Level index, e-mail: different addresses. */
    static final int EMAIL_DIFFERENT = 3;
    /** Level index, e-mail: missing (neutral). */
    static final int EMAIL_MISSING = 4;

    /** The Jaro–Winkler similarity of two e-mail addresses at and above which they are close (as Splink's). */
    static final double EMAIL_SIMILARITY = 0.88;

    private static final List<ComparisonLevel> PHONE_LEVELS = List.of(ComparisonLevel.of("equal"),
            ComparisonLevel.of("close"), ComparisonLevel.of("different"), ComparisonLevel.neutral("missing"));
    private static final List<ComparisonLevel> EMAIL_LEVELS = List.of(ComparisonLevel.of("equal"),
            ComparisonLevel.of("one character different"), ComparisonLevel.of("close"),
            ComparisonLevel.of("different"), ComparisonLevel.neutral("missing"));

    private final boolean email;

    private ContactComparison(boolean email) {
        this.email = email;
    }

    /** Phone numbers, named {@code "phone"}. */
    public static ContactComparison phone() {
        return new ContactComparison(false);
    }

    /** E-mail addresses, named {@code "email"}. */
    public static ContactComparison email() {
        return new ContactComparison(true);
    }

    @Override
    public String name() {
        return email ? "email" : "phone";
    }

    @Override
    public List<ComparisonLevel> levels() {
        return email ? EMAIL_LEVELS : PHONE_LEVELS;
    }

    @Override
    public int level(ComparableRecord left, ComparableRecord right) {
        if (email) {
            return emailLevel(left.email(), right.email());
        }
        String a = left.phone();
        String b = right.phone();
        if (a.isEmpty() || b.isEmpty()) {
            return MISSING;
        }
        if (a.equals(b)) {
            return EQUAL;
        }
        return Edits.isOneEditApart(a, b) ? CLOSE : DIFFERENT;
    }

    private static int emailLevel(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return EMAIL_MISSING;
        }
        if (a.equals(b)) {
            return EQUAL;
        }
        if (Edits.isOneEditApart(a, b) && !editTouchesDigit(a, b)) {
            return EMAIL_ONE_EDIT;
        }
        return isCloseEmail(a, b) ? EMAIL_CLOSE : EMAIL_DIFFERENT;
    }

    /**
     * Whether the characters that differ between two addresses (between their common start and common end)
     * include a digit. Numbers in a user name are how namesakes tell their addresses apart
     * ("sam.hale55@", "sam.hale56@"), so a changed digit is a different address more often than a typo.
     */
    static boolean editTouchesDigit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        int start = 0;
        while (start < la && start < lb && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        int end = 0;
        while (end < la - start && end < lb - start && a.charAt(la - 1 - end) == b.charAt(lb - 1 - end)) {
            end++;
        }
        for (int i = start; i < la - end; i++) {
            if (Character.isDigit(a.charAt(i))) {
                return true;
            }
        }
        for (int i = start; i < lb - end; i++) {
            if (Character.isDigit(b.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCloseEmail(String a, String b) {
        int at = a.indexOf('@');
        if (at > 0 && b.length() > at && b.charAt(at) == '@' && a.regionMatches(0, b, 0, at)) {
            return true; // the same user name at another domain
        }
        return JaroWinkler.symmetric(a, b) >= EMAIL_SIMILARITY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactComparison && ((ContactComparison) o).email == email;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(email);
    }

    @Override
    public String toString() {
        return "ContactComparison[" + name() + "]";
    }
}
