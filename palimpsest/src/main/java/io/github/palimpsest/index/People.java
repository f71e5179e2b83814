package io.github.palimpsest.index;

import io.github.palimpsest.Entity;
import io.github.palimpsest.pattern.Evidence;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.pipeline.LibraryAccess;
import io.github.palimpsest.record.PersonRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The people of an index: their members, snapshots and {@link Entity}s; reads {@link IndexCore} only. */
final class People {
    private People() {
    }

    /**
     * The person of {@code slot}: records in record-id order and the pattern, where each record is "linked
     * to" the other end of its strongest link inside the person (ties to the smaller record id), with the
     * strongest evidence of that link, as the batch pattern stage does. A link is an edge at or above the
     * threshold or a supported link; the linked-by text of a supported link ends with
     * {@link Evidence#SUPPORTED}, as in a batch run's patterns.
     */
    static Entity entity(IndexCore core, int slot, Scoring scoring) {
        String entityId = core.entityId(slot);
        int[] members = core.members(slot);
        boolean adjust = core.config.adjustsTermFrequencies(core.size());
        List<PersonRecord> records = new ArrayList<>(members.length);
        List<PatternEvent> events = new ArrayList<>(members.length);
        // Each member's rank in record-id order: membership and ties are then integer tests, not string
        // comparisons (a densely linked person of n records has about n²/2 links, most of them equal).
        SlotRanks ranks = new SlotRanks(members);
        for (int m : members) {
            PersonRecord record = core.record(m);
            records.add(record);
            int strongest = -1;
            int strongestRank = Integer.MAX_VALUE;
            double strongestWeight = Double.NEGATIVE_INFINITY;
            for (int e = 0; e < core.edgeCount[m]; e++) {
                double weight = core.edgeWeight[m][e];
                if (weight < strongestWeight) {
                    continue;
                }
                int other = core.edgeTo[m][e];
                if (weight < core.config.thresholdWeight && !core.isSupported(m, other)) {
                    continue; // an edge below the threshold that joined nobody: not one of the person's links
                }
                int rank = ranks.rank(other);
                if (rank < 0) {
                    continue; // a link the exclusive-key constraint refused: not evidence for this person
                }
                if (weight > strongestWeight || rank < strongestRank) {
                    strongest = other;
                    strongestRank = rank;
                    strongestWeight = weight;
                }
            }
            Optional<String> linkedTo = Optional.empty();
            Optional<String> linkedBy = Optional.empty();
            if (strongest >= 0) {
                linkedTo = Optional.of(core.recordId(strongest));
                String evidence = Evidence.strongest(
                        scoring.explainLink(core.comparable(m), core.comparable(strongest), adjust),
                        core.config.thresholdWeight);
                // Below the threshold: a supported link, noted so that no one takes it for one that reached it alone.
                linkedBy = Optional.of(strongestWeight < core.config.thresholdWeight
                        ? evidence + Evidence.SUPPORTED : evidence);
            }
            events.add(LibraryAccess.patternEvent(record, linkedTo, linkedBy));
        }
        return LibraryAccess.entity(entityId, records, LibraryAccess.pattern(entityId, events));
    }

    /** Slot to position in a person's sorted member list: a small open-addressing map. Not thread-safe. */
    private static final class SlotRanks {
        private final int[] slots;
        private final int[] ranks;
        private final int mask;

        SlotRanks(int[] members) {
            int capacity = Integer.highestOneBit(Math.max(4, members.length * 2) - 1) << 1;
            slots = new int[capacity];
            ranks = new int[capacity];
            Arrays.fill(slots, -1);
            mask = capacity - 1;
            for (int r = 0; r < members.length; r++) {
                int p = mix(members[r]) & mask;
                while (slots[p] >= 0) {
                    p = (p + 1) & mask;
                }
                slots[p] = members[r];
                ranks[p] = r;
            }
        }

        /** The rank of {@code slot}, or -1 when it is not a member. */
        int rank(int slot) {
            for (int p = mix(slot) & mask; ; p = (p + 1) & mask) {
                if (slots[p] == slot) {
                    return ranks[p];
                }
                if (slots[p] < 0) {
                    return -1;
                }
            }
        }

        private static int mix(int value) {
            return value * 0x9E3779B9 >>> 1;
        }
    }

    /** The members of the cluster of {@code slot}, in record-id order. */
    static int[] members(IndexCore core, int slot) {
        int first = core.anchor[slot];
        int count = 0;
        int s = first;
        do {
            count++;
            s = core.next[s];
        } while (s != first);
        int[] members = new int[count];
        for (int m = 0; m < count; m++) {
            members[m] = s;
            s = core.next[s];
        }
        // The list starts at the anchor but is otherwise in clustering order: sort by record id.
        return byRecordId(core, members);
    }

    /** The slots sorted by their record ids: the order a batch run over records sorted by id sees them in. */
    static int[] byRecordId(IndexCore core, int[] slots) {
        Integer[] boxed = Arrays.stream(slots).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> core.recordIds[a].compareTo(core.recordIds[b]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }

    /** Entity id to sorted record ids, for the people of the given slots. */
    static Map<String, List<String>> snapshot(IndexCore core, int[] slots) {
        Map<String, List<String>> people = new HashMap<>();
        IntSet anchorsSeen = new IntSet(slots.length);
        for (int s : slots) {
            if (anchorsSeen.add(core.anchor[s])) {
                List<String> ids = new ArrayList<>();
                for (int m : members(core, s)) {
                    ids.add(core.recordIds[m]);
                }
                people.put(core.entityId(s), ids);
            }
        }
        return people;
    }
}
