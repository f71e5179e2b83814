package io.github.palimpsest.compare;

import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;

/**
 * Compares a contact value already in canonical form: a phone number (E.164) or an e-mail address. A
 * shared phone or e-mail is strong but not conclusive (households and hostels share phones), and a
 * different one is weak evidence against (people change numbers), so there is no partial level. Levels:
 * <ol start="0">
 *   <li>{@code equal};</li>
 *   <li>{@code different};</li>
 *   <li>{@code missing} (neutral): absent or invalid on either side.</li>
 * </ol>
 * Immutable, thread-safe and serializable; {@link #level} allocates nothing.
 */
public final class ContactComparison implements Comparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the same value. */
    public static final int EQUAL = 0;
    /** Level index: different values. */
    public static final int DIFFERENT = 1;
    /** Level index: missing (neutral). */
    public static final int MISSING = 2;

    private static final List<ComparisonLevel> LEVELS = List.of(
            ComparisonLevel.of("equal"), ComparisonLevel.of("different"), ComparisonLevel.neutral("missing"));

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
        return a.equals(b) ? EQUAL : DIFFERENT;
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
