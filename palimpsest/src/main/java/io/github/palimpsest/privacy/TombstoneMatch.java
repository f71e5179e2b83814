package io.github.palimpsest.privacy;

import io.github.palimpsest.score.Explanation;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * "An earlier purged record may concern this person": which force holds (or held) it, the event date and
 * reference, and how strong the evidence is, with the explanation of the match weight. It never holds a
 * name, a date of birth or an identifier: only what the tombstone kept in plain text and the comparison
 * levels (such as {@code "pnc_id: token equal"}, {@code "surname: dice ≥ 0.93"}).
 *
 * <p>Immutable and thread-safe.
 */
public final class TombstoneMatch {

    /** How strong the evidence is, from the probability that the two records concern the same person. */
    public enum Strength {
        /** Probability at least 0.99. */
        STRONG,
        /** Probability at least 0.5. */
        MODERATE,
        /** Below 0.5, but above the matcher's minimum weight: worth a look, not a conclusion. */
        WEAK;

        static Strength of(double probability) {
            return probability >= 0.99 ? STRONG : probability >= 0.5 ? MODERATE : WEAK;
        }
    }

    private final Tombstone tombstone;
    private final Explanation explanation;

    TombstoneMatch(Tombstone tombstone, Explanation explanation) {
        this.tombstone = tombstone;
        this.explanation = explanation;
    }

    /** The opaque reference of the earlier record: the holding force can find the record (or its audit trail) by it. */
    public String reference() {
        return tombstone.reference();
    }

    /** The force of the earlier record, when the tombstone kept it. */
    public Optional<String> force() {
        return tombstone.force();
    }

    /** The event date of the earlier record, when kept. */
    public Optional<LocalDate> eventDate() {
        return tombstone.eventDate();
    }

    /** The event type of the earlier record, when kept. */
    public Optional<String> eventType() {
        return tombstone.eventType();
    }

    /** The match weight in bits: prior plus one weight per comparison. */
    public double matchWeight() {
        return explanation.totalWeight();
    }

    /** The probability that both records concern the same person, from the match weight. */
    public double probability() {
        return explanation.probability();
    }

    /** The strength of the evidence. */
    public Strength strength() {
        return Strength.of(probability());
    }

    /** Prior and one row per comparison, level labels only. */
    public Explanation explanation() {
        return explanation;
    }

    /**
     * One sentence for a person: {@code "an earlier purged record may concern this person: force 01, event
     * date 2019-03-02, reference Xy3..., evidence STRONG (match weight 31.2 bits, probability 1.0000)"}.
     */
    public String summary() {
        return String.format(Locale.ROOT,
                "an earlier purged record may concern this person: force %s, event date %s, reference %s, "
                        + "evidence %s (match weight %.1f bits, probability %.4f)",
                force().orElse("not kept"), eventDate().map(LocalDate::toString).orElse("not kept"), reference(),
                strength(), matchWeight(), probability());
    }

    /** The {@link #summary()}. */
    @Override
    public String toString() {
        return summary();
    }
}
