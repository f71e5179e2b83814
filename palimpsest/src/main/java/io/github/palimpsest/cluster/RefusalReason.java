package io.github.palimpsest.cluster;

/**
 * Why clustering refused a link at or above the threshold: the model and a constraint disagree about the
 * pair, so a reviewer should look at it ({@code io.github.palimpsest.ReviewPair#refusal()}).
 */
public enum RefusalReason {
    /** Joining would put different values of an exclusive key (a PNC ID, CRO or NI number) in one person. */
    CONFLICTING_IDENTIFIERS,
    /** Joining would put two conflicting records (dates of birth too far apart) in one person. */
    CONFLICTING_RECORDS,
    /** Joining would put a reviewer's cannot-link pair in one person ({@code io.github.palimpsest.review}). */
    DECISION,
    /** The weak-chain guard: a weak link may not join two clusters of several records each. */
    CHAIN_GUARD,
    /** A lone link between two multi-record clusters, too weak to merge them on its own. */
    LONE_LINK
}
