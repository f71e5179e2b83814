package io.github.palimpsest.index;

import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.Clustering;
import io.github.palimpsest.pipeline.PairDecisions;
import io.github.palimpsest.pipeline.PairWeights;
import io.github.palimpsest.pipeline.PersonConflicts;
import io.github.palimpsest.pipeline.ScoredLinks;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.review.ReviewDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-clusters the link-graph components a change touched, exactly, with the batch clusterer; writes
 * {@link IndexCore}'s people.
 */
final class ComponentClustering {
    private ComponentClustering() {
    }

    /**
     * Clusters a closed set of slots (a union of link-graph components) exactly as the batch
     * {@link io.github.palimpsest.pipeline.Clusterer} clusters a pool: the same clusterer, the same exclusive
     * keys, and the records in record-id order, so that ties between equal weights fall the same way as in
     * a batch run over records sorted by id. The clusterer is offered the set's edges and, when the index makes
     * supported links, given every scored pair inside the set ({@link PairWeights}), as {@code PipelineRun}
     * gives it the candidate pairs: so a link below the threshold joins a record here exactly when it does in
     * the batch run. Every pair the batch run would weigh for such a link lies inside the set: the link joins
     * two clusters of the set, and a cluster never reaches beyond its component.
     */
    static void recluster(IndexCore core, int[] slots) {
        int k = slots.length;
        if (k == 1 && core.edgeCount[slots[0]] == 0) { // alone: no link, and no match a decision could make
            core.anchor[slots[0]] = slots[0];
            core.next[slots[0]] = slots[0];
            core.entityIds.add(slots[0]);
            return;
        }
        int[] local = localOrder(core, slots);
        ScoredLinks.Builder links = ScoredLinks.builder(k);
        for (int i = 0; i < k; i++) {
            int s = local[i];
            for (int e = 0; e < core.edgeCount[s]; e++) {
                int j = core.localIndex[core.edgeTo[s][e]];
                if (j < 0) {
                    throw new IllegalStateException("re-clustering a set that is not closed under links");
                }
                if (i < j) {
                    links.add(i, j, core.edgeWeight[s][e]);
                }
            }
        }
        Clustering clustering = cluster(core, local, links.build(), decisions(core, local));
        for (int s : local) {
            core.clearSupported(s);
        }
        for (long pair : clustering.supportedLinks()) {
            core.markSupported(local[CandidatePairs.left(pair)], local[CandidatePairs.right(pair)]);
        }
        for (int c = 0; c < clustering.clusterCount(); c++) {
            int[] members = clustering.members(c); // ascending, so members[0] has the smallest record id
            int first = local[members[0]];
            for (int m = 0; m < members.length; m++) {
                int s = local[members[m]];
                core.anchor[s] = first;
                core.next[s] = local[members[(m + 1) % members.length]];
            }
            core.entityIds.add(first);
        }
        for (int s : local) {
            core.localIndex[s] = -1;
        }
    }

    /**
     * The slots in record-id order (the batch run's tie order), each given its position as its
     * {@linkplain IndexCore#localIndex local index}; the caller resets those to -1 when done.
     */
    static int[] localOrder(IndexCore core, int[] slots) {
        int[] local = People.byRecordId(core, slots);
        for (int i = 0; i < local.length; i++) {
            core.localIndex[local[i]] = i;
        }
        return local;
    }

    /**
     * The batch clusterer over the slots {@code local} (by local index): their exclusive keys, birth-date
     * conflicts and, when the index makes supported links, every stored pair's weight.
     */
    static Clustering cluster(IndexCore core, int[] local, ScoredLinks links, PairDecisions decisions) {
        List<List<String>> keys = new ArrayList<>(local.length);
        for (int s : local) {
            keys.add(exclusiveKeys(core.comparable(s)));
        }
        PairWeights scored = core.config.supportedLinks
                ? (a, b) -> core.storedWeight(local[a], local[b]) : PairWeights.NONE;
        return core.config.clusterer.cluster(local.length, links, keys,
                PersonConflicts.birthDates(core.config.comparisons, core.config.model, i -> core.comparable(local[i])),
                decisions, scored);
    }

    /** The decisions between records of the set, by local index (the set is closed under matches). */
    private static PairDecisions decisions(IndexCore core, int[] local) {
        if (core.decisions.isEmpty()) {
            return PairDecisions.NONE;
        }
        PairDecisions.Builder pairs = PairDecisions.builder();
        for (int i = 0; i < local.length; i++) {
            String id = core.recordIds[local[i]];
            for (ReviewDecision d : core.decisions.decisionsOn(id)) {
                int other = core.slotOf(d.other(id));
                int j = other < 0 ? -1 : core.localIndex[other];
                if (j > i) { // each pair once, from its first end
                    if (d.isMatch()) {
                        pairs.mustLink(i, j);
                    } else {
                        pairs.cannotLink(i, j);
                    }
                } else if (j < 0 && other >= 0 && d.isMatch()) {
                    throw new IllegalStateException("re-clustering a set that is not closed under review matches");
                }
            }
        }
        return pairs.build();
    }

    /** The keys the batch linker gives the clusterer: valid PNC ID, CRO number and NI number. */
    static List<String> exclusiveKeys(ComparableRecord r) {
        List<String> keys = new ArrayList<>(3);
        if (!r.pncId().isEmpty()) {
            keys.add("pnc:" + r.pncId());
        }
        if (!r.croNumber().isEmpty()) {
            keys.add("cro:" + r.croNumber());
        }
        if (!r.niNumber().isEmpty()) {
            keys.add("ni:" + r.niNumber());
        }
        return keys;
    }
}
