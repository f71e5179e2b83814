package io.github.palimpsest.synthetic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one force writes its records: the label in the {@code force} column, the name layout and
 * capitalisation, the date format, the PNC ID spelling, and whether identifiers are written compactly
 * ({@code AB123456C}, {@code AL13AB}, {@code 07700900123}) or spaced ({@code AB 12 34 56 C},
 * {@code AL1 3AB}, {@code 07700 900123}). Immutable and thread-safe.
 *
 * <pre>{@code
 * ForceStyle met = ForceStyle.defaultFor("01").toBuilder()
 *     .labels(List.of("Metropolitan Police Service"))
 *     .dateStyle(DateStyle.ISO)
 *     .build();
 * }</pre>
 *
 * <p>The defaults differ between forces on purpose: {@link #defaultFor(String)} gives the Met,
 * Hertfordshire, Hampshire and Sussex hand-picked, different conventions, and every other code a
 * convention derived from the code, so the same code always gets the same style.
 */
public final class ForceStyle {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,8}");

    private final String code;
    private final ImmutableList<String> labels;
    private final NameLayout nameLayout;
    private final NameCase nameCase;
    private final DateStyle dateStyle;
    private final PncStyle pncStyle;
    private final boolean compactIdentifiers;

    private ForceStyle(Builder b) {
        this.code = b.code;
        this.labels = ImmutableList.copyOf(b.labels);
        this.nameLayout = b.nameLayout;
        this.nameCase = b.nameCase;
        this.dateStyle = b.dateStyle;
        this.pncStyle = b.pncStyle;
        this.compactIdentifiers = b.compactIdentifiers;
    }

    /**
     * The default style of the force with this code (two-digit Home Office code such as {@code "01"};
     * any 1–8 letters or digits are accepted, an unknown code being labelled with itself).
     *
     * @throws IllegalArgumentException if {@code code} is not 1–8 letters or digits
     */
    public static ForceStyle defaultFor(String code) {
        checkCode(code);
        Builder b = builder(code).labels(ForceDirectory.force(code).labels);
        switch (code) {
            case "01":
                return b.nameLayout(NameLayout.SURNAME_COMMA_FORENAMES).nameCase(NameCase.UPPER)
                        .dateStyle(DateStyle.DAY_MONTH_YEAR_SLASH).pncStyle(PncStyle.SHORT)
                        .compactIdentifiers(false).build();
            case "41":
                return b.nameLayout(NameLayout.SEPARATE_FIELDS).nameCase(NameCase.TITLE)
                        .dateStyle(DateStyle.ISO).pncStyle(PncStyle.FULL).compactIdentifiers(true).build();
            case "44":
                return b.nameLayout(NameLayout.TITLE_FORENAMES_SURNAME).nameCase(NameCase.SURNAME_UPPER)
                        .dateStyle(DateStyle.DAY_MON_YY).pncStyle(PncStyle.FULL_NO_SLASH)
                        .compactIdentifiers(false).build();
            case "47":
                return b.nameLayout(NameLayout.SEPARATE_FIELDS).nameCase(NameCase.UPPER)
                        .dateStyle(DateStyle.COMPACT).pncStyle(PncStyle.SHORT_SPACED)
                        .compactIdentifiers(true).build();
            default:
                // A fixed function of the code, not a random draw, so that a style never depends on the seed.
                int h = Math.abs(code.hashCode());
                return b.nameLayout(NameLayout.values()[h % NameLayout.values().length])
                        .nameCase(NameCase.values()[(h / 7) % NameCase.values().length])
                        .dateStyle(DateStyle.values()[(h / 31) % DateStyle.values().length])
                        .pncStyle(PncStyle.values()[(h / 131) % PncStyle.values().length])
                        .compactIdentifiers((h / 503) % 2 == 0)
                        .build();
        }
    }

    /** A builder for the force with this code, starting from plain defaults (ISO dates, separate fields). */
    public static Builder builder(String code) {
        return new Builder(checkCode(code));
    }

    /** A builder starting from this style. */
    public Builder toBuilder() {
        return new Builder(code).labels(labels).nameLayout(nameLayout).nameCase(nameCase)
                .dateStyle(dateStyle).pncStyle(pncStyle).compactIdentifiers(compactIdentifiers);
    }

    /** The force code, used in record ids ({@code 01-0000042}). */
    public String code() {
        return code;
    }

    /** The labels the force writes in the {@code force} column; each record uses one, chosen at random. */
    public List<String> labels() {
        return labels;
    }

    /** The name layout. */
    public NameLayout nameLayout() {
        return nameLayout;
    }

    /** The capitalisation of names. */
    public NameCase nameCase() {
        return nameCase;
    }

    /** The format of dates of birth and event dates. */
    public DateStyle dateStyle() {
        return dateStyle;
    }

    /** The spelling of PNC IDs. */
    public PncStyle pncStyle() {
        return pncStyle;
    }

    /** Whether NI numbers, postcodes and phone numbers are written without spaces. */
    public boolean compactIdentifiers() {
        return compactIdentifiers;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ForceStyle)) {
            return false;
        }
        ForceStyle s = (ForceStyle) o;
        return code.equals(s.code) && labels.equals(s.labels) && nameLayout == s.nameLayout
                && nameCase == s.nameCase && dateStyle == s.dateStyle && pncStyle == s.pncStyle
                && compactIdentifiers == s.compactIdentifiers;
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, labels, nameLayout, nameCase, dateStyle, pncStyle, compactIdentifiers);
    }

    @Override
    public String toString() {
        return "ForceStyle[" + code + " " + labels + ", " + nameLayout + ", " + nameCase + ", " + dateStyle
                + ", " + pncStyle + (compactIdentifiers ? ", compact" : ", spaced") + "]";
    }

    private static String checkCode(String code) {
        checkArgument(code != null && CODE.matcher(code).matches(),
                "force code must be 1-8 letters or digits (e.g. \"01\"), got %s", code);
        return code;
    }

    /** Collects a style; not thread-safe. */
    public static final class Builder {
        private final String code;
        private List<String> labels;
        private NameLayout nameLayout = NameLayout.SEPARATE_FIELDS;
        private NameCase nameCase = NameCase.TITLE;
        private DateStyle dateStyle = DateStyle.ISO;
        private PncStyle pncStyle = PncStyle.FULL;
        private boolean compactIdentifiers;

        private Builder(String code) {
            this.code = code;
            this.labels = List.of(code);
        }

        /** The labels written in the {@code force} column (at least one, none blank). */
        public Builder labels(List<String> labels) {
            checkNotNull(labels, "labels");
            checkArgument(!labels.isEmpty(), "a force needs at least one label");
            for (String l : labels) {
                checkArgument(l != null && !l.isBlank(), "force labels must not be blank: %s", labels);
            }
            this.labels = List.copyOf(labels);
            return this;
        }

        /** Sets the name layout. */
        public Builder nameLayout(NameLayout layout) {
            this.nameLayout = checkNotNull(layout, "nameLayout");
            return this;
        }

        /** Sets the capitalisation of names. */
        public Builder nameCase(NameCase nameCase) {
            this.nameCase = checkNotNull(nameCase, "nameCase");
            return this;
        }

        /** Sets the date format. */
        public Builder dateStyle(DateStyle style) {
            this.dateStyle = checkNotNull(style, "dateStyle");
            return this;
        }

        /** Sets the PNC ID spelling. */
        public Builder pncStyle(PncStyle style) {
            this.pncStyle = checkNotNull(style, "pncStyle");
            return this;
        }

        /** Sets whether NI numbers, postcodes and phone numbers are written without spaces. */
        public Builder compactIdentifiers(boolean compact) {
            this.compactIdentifiers = compact;
            return this;
        }

        /** Returns the immutable style. */
        public ForceStyle build() {
            return new ForceStyle(this);
        }
    }
}
