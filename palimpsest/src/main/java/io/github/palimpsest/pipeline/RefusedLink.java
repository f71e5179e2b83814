package io.github.palimpsest.pipeline;

import io.github.palimpsest.cluster.RefusalReason;

/**
 * A link at or above the threshold that clustering did not use to join two clusters, and why: the pair a
 * reviewer should look at, because the model and a constraint disagree about it.
 *
 * @param left        one record index
 * @param right       the other record index
 * @param matchWeight the link's match weight in bits
 * @param reason      the rule that refused it ({@link RefusalReason#CHAIN_GUARD}:
 *                    {@link Clusterer.Builder#multiRecordMergeWeight}; {@link RefusalReason#LONE_LINK}:
 *                    {@link Clusterer.Builder#loneLinkWeight}; {@link RefusalReason#DECISION}:
 *                    {@link PairDecisions}; {@link RefusalReason#CONFLICTING_RECORDS}: {@link RecordConflicts})
 */
public record RefusedLink(int left, int right, double matchWeight, RefusalReason reason) {
}
