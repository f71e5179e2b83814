package io.github.palimpsest;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.cluster.RefusalReason;
import java.util.Optional;

/**
 * A pair of records a person should look at (the clerical band): a candidate pair the model scored between
 * the review threshold and the link threshold, or a link at or above the threshold that a clustering
 * constraint refused (the model and a rule disagree). A pair in the band may be a <em>supported link</em>:
 * below the threshold, yet linked because the person's other records support it (docs/blocking-and-clustering.md),
 * the least certain kind of link, for a person to confirm or part. See
 * {@link Linker.Builder#reviewThresholdProbability}.
 *
 * @param link      the pair, its weight, probability and evidence
 * @param refusal   why clustering refused the link, or empty for a pair below the threshold
 * @param supported whether the pair, below the threshold, is a link all the same (a supported link)
 */
public record ReviewPair(Link link, Optional<RefusalReason> refusal, boolean supported) {

    /** Checks that nothing is null and that a refused link is not also a supported one. */
    public ReviewPair {
        checkNotNull(link, "link");
        checkNotNull(refusal, "refusal");
        checkArgument(!(supported && refusal.isPresent()), "a refused link is not a supported link");
    }

    /** A refused link, or a pair below the threshold that is not a link. */
    public ReviewPair(Link link, Optional<RefusalReason> refusal) {
        this(link, refusal, false);
    }

    /** Whether the pair is a link a clustering constraint refused, rather than a pair below the threshold. */
    public boolean isRefusedLink() {
        return refusal.isPresent();
    }

    /**
     * How uncertain the pair is: the binary entropy, in bits, of its match probability (1 at even odds, near 0
     * for a near-certain match or non-match). A refused link counts as 1: the model says one person, a rule two.
     */
    public double uncertainty() {
        if (refusal.isPresent()) {
            return 1;
        }
        double p = link.probability();
        if (p <= 0 || p >= 1) {
            return 0;
        }
        return -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2);
    }
}
