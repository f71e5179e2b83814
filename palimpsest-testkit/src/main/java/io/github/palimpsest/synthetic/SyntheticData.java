package io.github.palimpsest.synthetic;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole generated run held in memory: the records in output order and the people they describe.
 * Immutable and thread-safe. For millions of records use {@link SyntheticForces#stream()} instead.
 */
public final class SyntheticData {

    private final List<SyntheticRecord> records;
    private final List<SyntheticPerson> people;

    SyntheticData(List<SyntheticRecord> records) {
        this.records = List.copyOf(records);
        Map<String, SyntheticPerson> byEntity = new LinkedHashMap<>();
        for (SyntheticRecord r : records) {
            byEntity.putIfAbsent(r.entityId(), r.person());
        }
        // Entity ids are P + a zero-padded index that may grow wider: order by length, then text.
        this.people = byEntity.values().stream()
                .sorted(Comparator.comparingInt((SyntheticPerson p) -> p.entityId().length())
                        .thenComparing(SyntheticPerson::entityId))
                .toList();
    }

    /** The records in the order {@link SyntheticForces#stream()} gives them. */
    public List<SyntheticRecord> records() {
        return records;
    }

    /** The people, in entity-id order; every person has at least one record. */
    public List<SyntheticPerson> people() {
        return people;
    }

    /** The ground truth: record id to entity id, in record order. */
    public Map<String, String> truth() {
        Map<String, String> truth = new LinkedHashMap<>();
        for (SyntheticRecord r : records) {
            truth.put(r.recordId(), r.entityId());
        }
        return java.util.Collections.unmodifiableMap(truth);
    }
}
