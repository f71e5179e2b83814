package io.github.palimpsest.normalise;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The force named on a record, resolved against a {@link Forces} directory.
 *
 * <p>When the force is known, {@link #canonical()} is its two-digit code ({@code "Herts"},
 * {@code "Hertfordshire Constabulary"} and {@code "41"} all give {@code "41"}) and {@link #force()} is
 * the directory entry. When it is not known, the raw text is kept, {@link #canonical()} and
 * {@link #force()} are empty and {@link #problems()} says {@code "force: unknown force 'X'"}. A known
 * code that is not a police force (e.g. {@code "08"} HMIC) resolves, with a warning.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ForceName implements ParsedValue {

    private final String raw;
    private final Force force;
    private final ImmutableList<String> problems;
    private final Optional<Force> forceValue;
    private final Optional<String> code;

    ForceName(String raw, Force force, List<String> problems) {
        this.raw = raw;
        this.force = force;
        this.problems = ImmutableList.copyOf(problems);
        // Made once: every record of a force shares one ForceName and asks for these repeatedly.
        this.forceValue = Optional.ofNullable(force);
        this.code = forceValue.map(Force::code);
    }

    /**
     * Resolves a force against the {@linkplain Forces#standard() standard directory}: the same as
     * {@code Forces.standard().resolve(raw)}. Never throws.
     *
     * @param raw a force code, name or everyday variant, possibly {@code null}
     * @return the resolved force name, never {@code null}
     */
    public static ForceName parse(String raw) {
        return Forces.standard().resolve(raw);
    }

    /** The directory entry of the force, or empty when the force is absent or unknown. */
    public Optional<Force> force() {
        return forceValue;
    }

    /**
     * Whether the raw text held anything other than white space, in Unicode's wider sense (a no-break
     * space alone is absent too).
     */
    @Override
    public boolean isPresent() {
        return canonical().isPresent() || !problems.isEmpty();
    }

    @Override
    public String raw() {
        return raw;
    }

    /** The two-digit force code, or empty when the force is absent or unknown. */
    @Override
    public Optional<String> canonical() {
        return code;
    }

    @Override
    public List<String> problems() {
        return problems;
    }

    /** Equal when raw text, force and problems are equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ForceName)) {
            return false;
        }
        ForceName that = (ForceName) o;
        return raw.equals(that.raw) && Objects.equals(force, that.force) && problems.equals(that.problems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(raw, force, problems);
    }

    @Override
    public String toString() {
        return "ForceName[raw=" + raw + ", force=" + force + ", problems=" + problems + "]";
    }
}
