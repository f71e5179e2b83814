package io.github.palimpsest.index;

import io.github.palimpsest.index.ChangeReport.Outcome;
import io.github.palimpsest.index.ChangeReport.Reclustering;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Derives a {@link ChangeReport} from the people a change touched, before and after it. */
final class ChangeReports {
    private ChangeReports() {
    }

    static ChangeReport of(String recordId, boolean removedOld, boolean addedNew, Map<String, List<String>> before,
            Map<String, List<String>> after, Reclustering reclustering) {
        Map<String, String> entityBefore = byRecord(before);
        Map<String, String> entityAfter = byRecord(after);
        Optional<String> previous = Optional.ofNullable(entityBefore.get(recordId));
        TreeSet<String> split = new TreeSet<>();
        for (Map.Entry<String, List<String>> person : before.entrySet()) {
            // A person is split when its other records now belong to two or more people.
            TreeSet<String> nowIn = new TreeSet<>();
            for (String member : person.getValue()) {
                if (!member.equals(recordId)) {
                    String id = entityAfter.get(member);
                    if (id != null) {
                        nowIn.add(id);
                    }
                }
            }
            if (nowIn.size() > 1) {
                split.addAll(nowIn);
            }
        }
        if (!addedNew) {
            Outcome outcome = split.isEmpty() ? Outcome.REMOVED : Outcome.SPLIT;
            return new ChangeReport(recordId, outcome, previous.orElseThrow(), previous, List.of(), List.copyOf(split),
                    before, after, reclustering);
        }
        String entityId = entityAfter.get(recordId);
        TreeSet<String> joined = new TreeSet<>(); // earlier people of the record's new companions
        for (String member : after.get(entityId)) {
            if (!member.equals(recordId)) {
                joined.add(entityBefore.get(member));
            }
        }
        Outcome outcome;
        if (joined.size() >= 2) {
            outcome = Outcome.MERGED;
        } else if (!removedOld) {
            outcome = joined.isEmpty() ? Outcome.CREATED : Outcome.JOINED;
        } else if (!split.isEmpty()) {
            outcome = Outcome.SPLIT;
        } else if (joined.isEmpty()) {
            // Alone after an update: unchanged if it was alone before, else split off its earlier person.
            List<String> earlier = before.get(previous.orElseThrow());
            if (earlier.size() > 1) {
                outcome = Outcome.SPLIT;
                earlier.forEach(member -> split.add(entityAfter.get(member)));
            } else {
                outcome = Outcome.UNCHANGED;
            }
        } else if (joined.first().equals(previous.orElseThrow())
                && after.get(entityId).equals(before.get(previous.get()))) {
            outcome = Outcome.UNCHANGED;
        } else {
            outcome = Outcome.JOINED;
        }
        return new ChangeReport(recordId, outcome, entityId, previous,
                outcome == Outcome.MERGED ? List.copyOf(joined) : List.of(), List.copyOf(split), before, after,
                reclustering);
    }

    private static Map<String, String> byRecord(Map<String, List<String>> people) {
        Map<String, String> entityOf = new HashMap<>();
        people.forEach((entity, records) -> records.forEach(r -> entityOf.put(r, entity)));
        return entityOf;
    }
}
