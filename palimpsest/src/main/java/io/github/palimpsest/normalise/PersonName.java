package io.github.palimpsest.normalise;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's name split into title, forename, middle names, surname and suffix, every part folded by
 * {@link Names#fold(String)}, with the raw text kept beside it. Made by {@link NameParser}.
 *
 * <pre>{@code
 * PersonName n = NameParser.parse("Dr J. A. SMITH-JONES Jr");
 * n.title();             // Optional["dr"]
 * n.forename();          // "j"   (n.isForenameInitial() is true)
 * n.middleNames();       // ["a"]
 * n.surname();           // "smith-jones"
 * n.suffix();            // Optional["jr"]
 * n.canonical();         // Optional["j a smith-jones"]
 * n.surnameVariants();   // ["smith-jones", "smith", "jones"]
 * }</pre>
 *
 * <p>The value is usable ({@link #isValid()}) when it has any name part at all; a forename without a
 * surname, or initials only, are usable but weak and say so in {@link #problems()}. Immutable and
 * thread-safe. Its {@link #toString()} contains personal data: do not log it above DEBUG.
 */
public final class PersonName implements ParsedValue {
    private static final Pattern PART_SEPARATOR = Pattern.compile("[ -]");

    private final String raw;
    private final Optional<String> title;
    private final String forename;
    private final List<String> middleNames;
    private final String surname;
    private final Optional<String> suffix;
    private final List<String> problems;
    private final Optional<String> canonical;
    private final List<String> surnameVariants;

    PersonName(String raw, List<String> titles, String forename, List<String> middleNames, String surname,
            List<String> suffixes, boolean droppedLetters) {
        this.raw = raw;
        this.title = titles.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", titles));
        this.forename = forename;
        this.middleNames = List.copyOf(middleNames);
        this.surname = surname;
        this.suffix = suffixes.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", suffixes));
        List<String> all = new ArrayList<>();
        if (!forename.isEmpty()) {
            all.add(forename);
        }
        all.addAll(middleNames);
        if (!surname.isEmpty()) {
            all.add(surname);
        }
        this.canonical = all.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", all));
        this.surnameVariants = variantsOf(surname);
        this.problems = problemsOf(raw, forename, this.middleNames, surname, droppedLetters);
    }

    /** The name as given; for separate fields, the non-blank fields joined by single spaces. */
    @Override
    public String raw() {
        return raw;
    }

    /**
     * The name parts as {@code "forename middle1 middle2 surname"}, folded and separated by single spaces,
     * without title or suffix; empty when there is no name part at all.
     */
    @Override
    public Optional<String> canonical() {
        return canonical;
    }

    /**
     * Warnings and reasons, each starting {@code "name: "}: {@code "name: no surname"},
     * {@code "name: no forename"}, {@code "name: only initials"}, {@code "name: surname is an initial"},
     * {@code "name: contains digits"}, {@code "name: letters outside the Latin alphabet were dropped"},
     * {@code "name: no name part"} (text present but nothing that is a name, e.g. "???"). Empty for a
     * clean name and for an absent one.
     */
    @Override
    public List<String> problems() {
        return problems;
    }

    /** The title or rank, folded and abbreviated ({@code "dr"}, {@code "pc"}, {@code "ch insp"}); several are joined by a space. */
    public Optional<String> title() {
        return title;
    }

    /** The forename, folded; {@code ""} when absent. */
    public String forename() {
        return forename;
    }

    /** The middle names in order, folded; initials appear as single letters. */
    public List<String> middleNames() {
        return middleNames;
    }

    /**
     * The surname, folded: {@code O'Brien}, {@code OBrien} and {@code O Brien} all give {@code "obrien"},
     * {@code Mc Donald} gives {@code "mcdonald"}, particles are kept with a space ({@code "van der berg"}),
     * hyphens are kept ({@code "smith-jones"}). {@code ""} when absent.
     */
    public String surname() {
        return surname;
    }

    /** The generational suffix: {@code "jr"} (also for Jnr, Junior), {@code "sr"} (Snr, Senior), {@code "ii"}, {@code "iii"}, {@code "iv"}. */
    public Optional<String> suffix() {
        return suffix;
    }

    /**
     * Keys under which this surname may match another: two names share a surname when their variant
     * lists intersect. In order, without repeats: the whole surname; when it has spaces, the same without
     * them ({@code "bonham carter"} → {@code "bonhamcarter"}); when it is hyphenated or has several words,
     * each part of two letters or more that is not a particle ({@code smith-jones → [smith-jones, smith,
     * jones]}); and then, for each of these that begins with {@code mac}, its Mac/Mc-neutral key from
     * {@link Names#macNeutralKey(String)}, so that MacDonald ({@code [macdonald, mcdonald]}) and McDonald
     * ({@code [mcdonald]}) share a key. Empty when there is no surname.
     */
    public List<String> surnameVariants() {
        return surnameVariants;
    }

    /** Whether the forename is a single letter, as in "J Smith" or "J. Smith". */
    public boolean isForenameInitial() {
        return isInitial(forename);
    }

    private static boolean isInitial(String folded) {
        return folded.length() == 1 && folded.charAt(0) >= 'a' && folded.charAt(0) <= 'z';
    }

    /** Whether a forename or a surname is present. */
    public boolean hasName() {
        return !forename.isEmpty() || !surname.isEmpty();
    }

    private static List<String> variantsOf(String surname) {
        if (surname.isEmpty()) {
            return List.of();
        }
        if (surname.indexOf(' ') < 0 && surname.indexOf('-') < 0) {
            // One part (most surnames): the whole surname and perhaps its Mac/Mc-neutral key.
            String key = Names.macNeutralKey(surname);
            return key.equals(surname) ? List.of(surname) : List.of(surname, key);
        }
        Set<String> variants = new LinkedHashSet<>();
        variants.add(surname);
        if (surname.indexOf(' ') >= 0) {
            variants.add(surname.replace(" ", ""));
        }
        String[] parts = PART_SEPARATOR.split(surname); // as surname.split("[ -]"), compiled once
        if (parts.length > 1) {
            for (String part : parts) {
                if (part.length() >= 2 && !NameVocabulary.isParticle(part)) {
                    variants.add(part);
                }
            }
        }
        for (String v : List.copyOf(variants)) {
            variants.add(Names.macNeutralKey(v));
        }
        return List.copyOf(variants);
    }

    private static List<String> problemsOf(String raw, String forename, List<String> middleNames,
            String surname, boolean droppedLetters) {
        List<String> problems = new ArrayList<>();
        boolean anyPart = !forename.isEmpty() || !middleNames.isEmpty() || !surname.isEmpty();
        if (!anyPart) {
            if (!raw.isBlank()) {
                problems.add("name: no name part");
            }
        } else {
            if (surname.isEmpty()) {
                problems.add("name: no surname");
            }
            if (forename.isEmpty() && middleNames.isEmpty()) {
                problems.add("name: no forename");
            }
            boolean givenAreInitials = isInitial(forename);
            for (int i = 0; givenAreInitials && i < middleNames.size(); i++) {
                givenAreInitials = isInitial(middleNames.get(i));
            }
            if (givenAreInitials) {
                problems.add("name: only initials");
            }
            if (isInitial(surname)) {
                problems.add("name: surname is an initial");
            }
            boolean digits = hasDigit(forename) || hasDigit(surname);
            for (int i = 0; !digits && i < middleNames.size(); i++) {
                digits = hasDigit(middleNames.get(i));
            }
            if (digits) {
                problems.add("name: contains digits");
            }
        }
        if (droppedLetters) {
            problems.add("name: letters outside the Latin alphabet were dropped");
        }
        return problems.isEmpty() ? List.of() : List.copyOf(problems);
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Equal when every part and the raw text are equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PersonName)) {
            return false;
        }
        PersonName other = (PersonName) o;
        return raw.equals(other.raw) && title.equals(other.title) && forename.equals(other.forename)
                && middleNames.equals(other.middleNames) && surname.equals(other.surname)
                && suffix.equals(other.suffix) && problems.equals(other.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, title, forename, middleNames, surname, suffix);
    }

    /** A debugging form with every part; contains personal data. */
    @Override
    public String toString() {
        return "PersonName{title=" + title.orElse("") + ", forename=" + forename + ", middle=" + middleNames
                + ", surname=" + surname + ", suffix=" + suffix.orElse("") + ", problems=" + problems + "}";
    }
}
