package io.github.palimpsest.index;

import io.github.palimpsest.cluster.EntityIds;

/**
 * Entity ids of the index's people, with the batch rule for collisions: the anchors (smallest record ids)
 * of all people, keyed by a hash of their base id, so that two people sharing an id are found. Not
 * thread-safe: changed under the index's write lock.
 */
final class EntityIdTable {
    static final EntityIds ENTITY_IDS = EntityIds.people();

    private final IndexCore core;
    private final PostingTable anchors = new PostingTable(1024);

    EntityIdTable(IndexCore core) {
        this.core = core;
    }

    /**
     * The entity id of the cluster of {@code slot}: {@link EntityIds#idFor} of its anchor, with the batch
     * rule for the rare collision (the smaller anchor keeps the id, others get "-2", "-3", ...).
     */
    String entityId(int slot) {
        int first = core.anchor[slot];
        String base = ENTITY_IDS.idFor(core.recordIds[first]);
        int[] sharing = anchors.members(anchorKey(base));
        if (sharing.length <= 1) {
            return base;
        }
        String own = core.recordIds[first];
        int rank = 0;
        for (int other : sharing) {
            if (core.recordIds[other].compareTo(own) < 0) {
                rank++;
            }
        }
        return rank == 0 ? base : base + "-" + (rank + 1);
    }

    /** Records that {@code slot} anchors a person. */
    void add(int slot) {
        anchors.add(anchorKey(ENTITY_IDS.idFor(core.recordIds[slot])), slot);
    }

    /** Records that {@code slot} no longer anchors a person. */
    void retire(int slot) {
        anchors.remove(anchorKey(ENTITY_IDS.idFor(core.recordIds[slot])), slot);
    }

    private static long anchorKey(String entityId) {
        return PreparedRecord.keyHash(0, entityId);
    }
}
