package io.github.palimpsest.index;

import io.github.palimpsest.Entity;
import io.github.palimpsest.pattern.Evidence;
import io.github.palimpsest.pattern.Pattern;
import io.github.palimpsest.pattern.PatternEvent;
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
     * strongest evidence of that link, as the batch pattern stage does.
     */
    static Entity entity(IndexCore core, int slot, Scoring scoring) {
        String entityId = core.entityId(slot);
        int[] members = core.members(slot);
        boolean adjust = core.config.adjustsTermFrequencies(core.size());
        List<PersonRecord> records = new ArrayList<>(members.length);
        List<PatternEvent> events = new ArrayList<>(members.length);
        for (int m : members) {
            PersonRecord record = core.record(m);
            records.add(record);
            int strongest = -1;
            double strongestWeight = Double.NEGATIVE_INFINITY;
            for (int e = 0; e < core.edgeCount[m]; e++) {
                int other = core.edgeTo[m][e];
                double weight = core.edgeWeight[m][e];
                if (core.anchor[other] != core.anchor[m]) {
                    continue; // a link the exclusive-key constraint refused: not evidence for this person
                }
                if (weight > strongestWeight || weight == strongestWeight
                        && core.recordId(other).compareTo(core.recordId(strongest)) < 0) {
                    strongest = other;
                    strongestWeight = weight;
                }
            }
            Optional<String> linkedTo = Optional.empty();
            Optional<String> linkedBy = Optional.empty();
            if (strongest >= 0) {
                linkedTo = Optional.of(core.recordId(strongest));
                linkedBy = Optional.of(Evidence.strongest(
                        scoring.explainLink(core.comparable(m), core.comparable(strongest), adjust),
                        core.config.thresholdWeight));
            }
            events.add(PatternEvent.of(record, linkedTo, linkedBy));
        }
        return Entity.of(entityId, records, Pattern.of(entityId, events));
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
        Integer[] boxed = Arrays.stream(members).boxed().toArray(Integer[]::new);
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
