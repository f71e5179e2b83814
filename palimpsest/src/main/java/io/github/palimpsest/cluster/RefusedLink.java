package io.github.palimpsest.cluster;

/**
 * A link at or above the threshold that clustering did not use to join two clusters, and why: the pair a
 * reviewer should look at, because the model and a constraint disagree about it.
 *
 * @param left        one record index
 * @param right       the other record index
 * @param matchWeight the link's match weight in bits
 * @param reason      the rule that refused it
 */
public record RefusedLink(int left, int right, double matchWeight, Reason reason) {

    /** Why a link was refused. */
    public enum Reason {
        /** Joining would put different values of an exclusive key (a PNC ID, CRO or NI number) in one cluster. */
        CONFLICTING_IDENTIFIERS,
        /** Joining would put two {@linkplain RecordConflicts conflicting} records (dates of birth) in one cluster. */
        CONFLICTING_RECORDS,
        /** Joining would put a reviewer's cannot-link pair in one cluster ({@link PairDecisions}). */
        DECISION,
        /** The weak-chain guard ({@link Clusterer.Builder#multiRecordMergeWeight}). */
        CHAIN_GUARD,
        /** A lone link between two multi-record clusters ({@link Clusterer.Builder#loneLinkWeight}). */
        LONE_LINK
    }
}
