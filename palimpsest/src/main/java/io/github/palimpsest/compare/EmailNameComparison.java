package io.github.palimpsest.compare;

import io.github.palimpsest.record.ComparableRecord;
import java.io.Serializable;
import java.util.List;

/**
 * Compares the names one record's e-mail address spells with the names the other record gives, where the
 * first record lacks them. A user name is often made of its owner's names ("isabelle.hall82",
 * "ohughes"), so a record whose names were purged or never taken, but whose e-mail address survives, still
 * says something about the name, and only this comparison reads it: the name comparisons see a missing name
 * as no evidence, and the e-mail comparison needs an address on both records.
 *
 * <p>The e-mail's holder is a record with an e-mail address and without a forename or a surname that the
 * other record has (of {@value #MINIMUM_NAME_LETTERS} letters or more; shorter ones are found in a user
 * name by chance). Both records are tried as the holder, and the better level counts. Levels:
 * <ol start="0">
 *   <li>{@code both names in e-mail}: the holder has neither name, and its user name contains the other's
 *       forename and surname;</li>
 *   <li>{@code a name in e-mail}: the user name contains one of the names the holder lacks;</li>
 *   <li>{@code not in e-mail}: it contains none of them (a user name of initials, or another person's);</li>
 *   <li>{@code missing} (neutral): no holder, or the two e-mail addresses are the same or close (the e-mail
 *       comparison weighs them, and the names they spell would count them twice).</li>
 * </ol>
 * A name is found when its letters appear together in the user name (the part before the {@code @}),
 * whatever their case. Immutable, thread-safe and serializable; {@link #level} allocates nothing.
 */
public final class EmailNameComparison implements Comparison<ComparableRecord>, Serializable {
    private static final long serialVersionUID = 1L;

    /** Level index: the holder lacks both names, and its user name has both of the other's. */
    static final int BOTH = 0;
    /** Level index: the user name has one of the names the holder lacks. */
    static final int ONE = 1;
    /** Level index: the user name has none of the names the holder lacks. */
    static final int NONE = 2;
    /** Level index: no holder (neutral). */
    static final int MISSING = 3;

    /** Names shorter than this are not looked for: two letters are inside many user names by chance. */
    static final int MINIMUM_NAME_LETTERS = 3;

    private static final List<ComparisonLevel> LEVELS = List.of(ComparisonLevel.of("both names in e-mail"),
            ComparisonLevel.of("a name in e-mail"), ComparisonLevel.of("not in e-mail"),
            ComparisonLevel.neutral("missing"));

    private static final ContactComparison EMAILS = ContactComparison.email();

    private EmailNameComparison() {
    }

    /** The comparison named {@code "email_names"}. */
    public static EmailNameComparison standard() {
        return new EmailNameComparison();
    }

    @Override
    public String name() {
        return "email_names";
    }

    @Override
    public List<ComparisonLevel> levels() {
        return LEVELS;
    }

    @Override
    public int level(ComparableRecord left, ComparableRecord right) {
        boolean leftHolds = !left.email().isEmpty();
        boolean rightHolds = !right.email().isEmpty();
        int level = leftHolds ? levelAsHolder(left, right) : MISSING;
        if (rightHolds) {
            level = Math.min(level, levelAsHolder(right, left));
        }
        // Checked last: comparing the two addresses is the costly part, and most pairs have no holder.
        if (level != MISSING && leftHolds && rightHolds && EMAILS.level(left, right) <= ContactComparison.EMAIL_CLOSE) {
            return MISSING;
        }
        return level;
    }

    /** The level with {@code holder}'s e-mail read for the names {@code other} has and it lacks. */
    private static int levelAsHolder(ComparableRecord holder, ComparableRecord other) {
        String email = holder.email();
        int userEnd = email.indexOf('@'); // a record keeps only valid addresses, each with one '@'
        boolean lacksForename = holder.forename().isEmpty() && other.forename().length() >= MINIMUM_NAME_LETTERS
                && !other.isForenameInitial();
        boolean lacksSurname = holder.surname().isEmpty() && other.surname().length() >= MINIMUM_NAME_LETTERS;
        if (!lacksForename && !lacksSurname) {
            return MISSING;
        }
        boolean forename = lacksForename && contains(email, userEnd, other.forename());
        boolean surname = lacksSurname && contains(email, userEnd, other.surname());
        if (forename && surname) {
            return BOTH;
        }
        return forename || surname ? ONE : NONE;
    }

    /** Whether {@code name} appears, ignoring case, in {@code email} before {@code end}. */
    private static boolean contains(String email, int end, String name) {
        int length = name.length();
        for (int at = 0; at + length <= end; at++) {
            if (email.regionMatches(true, at, name, 0, length)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailNameComparison;
    }

    @Override
    public int hashCode() {
        return EmailNameComparison.class.hashCode();
    }

    @Override
    public String toString() {
        return "EmailNameComparison[" + name() + "]";
    }
}
