package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.cluster.EntityIds;
import io.github.palimpsest.cluster.RefusalReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * The result of clustering: every record in exactly one cluster. Clusters are numbered
 * {@code 0 .. clusterCount() - 1} in the order of their smallest record index, so cluster 0 holds record 0
 * and the numbering depends only on the partition, never on how it was computed.
 *
 * <p>Immutable and thread-safe. For stable, human-facing identifiers see {@link EntityIds}.
 */
public final class Clustering {
    private final int[] clusterOf;
    private final int[] memberOffsets;
    private final int[] members;
    private final int overrides;
    private final int constraintRejections;
    private final int chainGuardRejections;
    private final long[] refusedPairs;
    private final double[] refusedWeights;
    private final byte[] refusedReasons;
    private final int decisionRejections;
    private final int decidedMerges;
    private final long[] supportedLinks;

    private Clustering(int[] clusterOf, int[] memberOffsets, int[] members, int overrides,
            int constraintRejections, int chainGuardRejections, ConstrainedMerge merge) {
        this.clusterOf = clusterOf;
        this.memberOffsets = memberOffsets;
        this.members = members;
        this.overrides = overrides;
        this.constraintRejections = constraintRejections;
        this.chainGuardRejections = chainGuardRejections;
        this.refusedPairs = merge == null ? new long[0] : merge.refusedPairs();
        this.refusedWeights = merge == null ? new double[0] : merge.refusedWeights();
        this.refusedReasons = merge == null ? new byte[0] : merge.refusedReasons();
        this.supportedLinks = merge == null ? new long[0] : merge.supportedPairs();
        this.decisionRejections = merge == null ? 0 : merge.decisionRejections;
        this.decidedMerges = merge == null ? 0 : merge.decidedMerges;
    }

    static Clustering of(int recordCount, IntUnaryOperator rootOf, int overrides, int constraintRejections,
            int chainGuardRejections, ConstrainedMerge merge) {
        int[] clusterOf = new int[recordCount];
        int[] clusterOfRoot = new int[recordCount];
        Arrays.fill(clusterOfRoot, -1);
        int clusters = 0;
        for (int r = 0; r < recordCount; r++) {
            int root = rootOf.applyAsInt(r);
            if (clusterOfRoot[root] < 0) {
                clusterOfRoot[root] = clusters++;
            }
            clusterOf[r] = clusterOfRoot[root];
        }
        int[] offsets = new int[clusters + 1];
        for (int c : clusterOf) {
            offsets[c + 1]++;
        }
        for (int c = 0; c < clusters; c++) {
            offsets[c + 1] += offsets[c];
        }
        int[] members = new int[recordCount];
        int[] cursor = Arrays.copyOf(offsets, clusters);
        for (int r = 0; r < recordCount; r++) {
            members[cursor[clusterOf[r]]++] = r; // records ascend, so each cluster's members do too
        }
        return new Clustering(clusterOf, offsets, members, overrides, constraintRejections, chainGuardRejections,
                merge);
    }

    /** The number of records clustered. */
    public int recordCount() {
        return clusterOf.length;
    }

    /** The number of clusters, singletons included. */
    public int clusterCount() {
        return memberOffsets.length - 1;
    }

    /**
     * The cluster of one record.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= record < recordCount()}
     */
    public int clusterOf(int record) {
        checkElementIndex(record, clusterOf.length);
        return clusterOf[record];
    }

    /** A copy of the cluster of every record, indexed by record. */
    public int[] clusterOfRecords() {
        return clusterOf.clone();
    }

    /**
     * The records of one cluster, ascending (a copy).
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= cluster < clusterCount()}
     */
    public int[] members(int cluster) {
        checkElementIndex(cluster, clusterCount());
        return Arrays.copyOfRange(members, memberOffsets[cluster], memberOffsets[cluster + 1]);
    }

    /** The number of records in one cluster. */
    public int size(int cluster) {
        checkElementIndex(cluster, clusterCount());
        return memberOffsets[cluster + 1] - memberOffsets[cluster];
    }

    /** How many merges joined conflicting exclusive keys because every conflicting pair had an overwhelming link. */
    public int overrides() {
        return overrides;
    }

    /**
     * The links below the threshold that joined two clusters because the records between them supported them
     * ({@code Clusterer.Builder#supportedLinkWeight}), packed as {@link CandidatePairs#pack}, ascending; a copy.
     */
    public long[] supportedLinks() {
        return supportedLinks.clone();
    }

    /** How many links at or above the threshold were refused because they would join conflicting keys. */
    public int constraintRejections() {
        return constraintRejections;
    }

    /** How many links were refused by the weak-chain guard. */
    public int chainGuardRejections() {
        return chainGuardRejections;
    }

    /** How many links were refused because they would join a reviewer's cannot-link pair. */
    public int decisionRejections() {
        return decisionRejections;
    }

    /** How many merges a reviewer's must-link pairs made (pairs already joined by others not counted). */
    public int decidedMerges() {
        return decidedMerges;
    }

    /**
     * Every link at or above the threshold that was offered and refused, in the order offered (descending
     * weight), with the rule that refused it. A link whose two records ended in one cluster anyway (joined
     * through other links later) is still listed. Built on each call.
     */
    public List<RefusedLink> refusedLinks() {
        List<RefusedLink> refused = new ArrayList<>(refusedPairs.length);
        RefusalReason[] reasons = RefusalReason.values();
        for (int k = 0; k < refusedPairs.length; k++) {
            refused.add(new RefusedLink((int) (refusedPairs[k] >>> 32), (int) refusedPairs[k], refusedWeights[k],
                    reasons[refusedReasons[k]]));
        }
        return refused;
    }

    /**
     * The entity id of every cluster, indexed by cluster number: {@link EntityIds#assign} of the clusters'
     * record ids, without building them (only each cluster's smallest record id, its anchor, counts).
     *
     * @param recordIds the record id of every record, indexed like the records; unique
     * @throws IllegalArgumentException if the sizes differ or a record id repeats
     */
    public List<String> entityIds(EntityIds ids, List<String> recordIds) {
        checkNotNull(ids, "ids");
        checkNotNull(recordIds, "recordIds");
        checkArgument(recordIds.size() == recordCount(),
                "%s record ids for %s clustered records", recordIds.size(), recordCount());
        Set<String> seen = new HashSet<>();
        String[] anchors = new String[clusterCount()];
        for (int r = 0; r < recordIds.size(); r++) {
            String id = checkNotNull(recordIds.get(r), "record id %s is null", r);
            checkArgument(seen.add(id), "record id '%s' appears more than once; record ids must be unique", id);
            int cluster = clusterOf[r];
            if (anchors[cluster] == null || id.compareTo(anchors[cluster]) < 0) {
                anchors[cluster] = id;
            }
        }
        // A person's id depends on its anchor alone, so each cluster stands in as its anchor.
        List<List<String>> people = new ArrayList<>(anchors.length);
        for (String anchor : anchors) {
            people.add(List.of(anchor));
        }
        return ids.assign(people);
    }

    /** Equal when both assign every record to the same cluster number. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Clustering && Arrays.equals(clusterOf, ((Clustering) other).clusterOf);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(clusterOf);
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "Clustering[records=" + clusterOf.length + ", clusters=" + clusterCount() + "]";
    }
}
