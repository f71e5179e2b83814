package io.github.palimpsest.compare;

import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;

/**
 * Compares a contact value already in canonical form: a phone number (E.164) or an e-mail address. A
 * shared phone or e-mail is strong but not conclusive (households and hostels share phones), and a
 * different one is weak evidence against (people change numbers). A value copied with a keying error is
 * neither: it has a level of its own, whose weight training learns like any other. Levels:
 * <ol start="0">
 *   <li>{@code equal};</li>
 *   <li>{@code close}: a phone one keying error apart (a digit wrong, missing, extra, or two swapped); an
 *       e-mail with the same user name at another domain, or a Jaro–Winkler similarity of at least
 *       {@value #EMAIL_SIMILARITY} (typos in a copied address);</li>
 *   <li>{@code different};</li>
 *   <li>{@code missing} (neutral): absent or invalid on either side.</li>
 * </ol>
 * Immutable, thread-safe and serializable; {@link #level} allocates nothing.
 */
public final class ContactComparison implements Comparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the same value. */
    static final int EQUAL = 0;
    /** Level index: a keying error apart (see the class comment). */
    static final int CLOSE = 1;
    /** Level index: different values. */
    static final int DIFFERENT = 2;
    /** Level index: missing (neutral). */
    static final int MISSING = 3;

    /** The Jaro–Winkler similarity of two e-mail addresses at and above which they are close (as Splink's). */
    static final double EMAIL_SIMILARITY = 0.88;

    private static final List<ComparisonLevel> LEVELS = List.of(ComparisonLevel.of("equal"),
            ComparisonLevel.of("close"), ComparisonLevel.of("different"), ComparisonLevel.neutral("missing"));

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
        return LEVELS;
    }

    @Override
    public int level(ComparableRecord left, ComparableRecord right) {
        String a = email ? left.email() : left.phone();
        String b = email ? right.email() : right.phone();
        if (a.isEmpty() || b.isEmpty()) {
            return MISSING;
        }
        if (a.equals(b)) {
            return EQUAL;
        }
        return (email ? isCloseEmail(a, b) : Edits.isOneEditApart(a, b)) ? CLOSE : DIFFERENT;
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
