package io.github.palimpsest.vet;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.Entity;
import io.github.palimpsest.Link;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.pattern.Evidence;
import io.github.palimpsest.pattern.LinkChain;
import io.github.palimpsest.pattern.PlainWords;
import io.github.palimpsest.record.PersonRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Vets a roster of officers and staff against force records: the audit that finds what one force does not
 * know about its own people.
 *
 * <p>The roster and the records are linked as one pool by the given {@link Linker}, so the roster member is
 * one more record of their person and every rule of linking applies (constraints on conflicting
 * identifiers, the household and relatives evidence that keeps a father of the same name or a twin apart).
 * For each member, the records of the member's person are then reached from the member over the links
 * inside that person, strongest link first: a record linked to the member is found <em>directly</em>; one
 * that shares nothing with the member but links to a record already found (a purged record with only a PNC
 * ID, say) is found <em>through</em> that record. Other roster members are never passed through, so one
 * member's records are not reported for another because the two look alike; a record that is still reached
 * from two members is reported for both and listed in {@link VetResult#recordsFoundForSeveralMembers()}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Vetting {

    private Vetting() {
    }

    /**
     * Vets each roster member against the records.
     *
     * @param roster  the members, each a record in the canonical schema whose record id is the staff number;
     *                ids unique within the roster (they may equal a record's id: the two never mix)
     * @param records the force records, ids unique
     * @param linker  the linker, with its model or training, threshold and threads
     * @throws IllegalArgumentException if the roster is empty or has a repeated id, or a record id repeats
     */
    public static VetResult vet(List<PersonRecord> roster, List<PersonRecord> records, Linker linker) {
        checkNotNull(roster, "roster");
        checkNotNull(records, "records");
        checkNotNull(linker, "linker");
        checkArgument(!roster.isEmpty(), "the roster is empty");
        Set<String> recordIds = new HashSet<>();
        for (PersonRecord r : records) {
            checkArgument(recordIds.add(r.recordId()), "record id '%s' appears twice", r.recordId());
        }
        // Roster ids live in their own namespace inside the pool: a staff number may equal a record id.
        String prefix = rosterPrefix(recordIds);
        Map<String, String> rosterIdOf = new LinkedHashMap<>();
        List<PersonRecord> pool = new ArrayList<>(records.size() + roster.size());
        pool.addAll(records);
        for (PersonRecord member : roster) {
            String pooled = prefix + member.recordId();
            checkArgument(rosterIdOf.put(pooled, member.recordId()) == null, "roster id '%s' appears twice",
                    member.recordId());
            pool.add(member.toBuilder().recordId(pooled).build());
        }
        LinkResult result = linker.link(pool);
        Map<String, PersonRecord> recordById = new HashMap<>();
        records.forEach(r -> recordById.put(r.recordId(), r));
        List<Link> links = linksInsidePeople(result);

        List<VetMatch> matches = new ArrayList<>();
        List<String> without = new ArrayList<>();
        Map<String, Integer> foundFor = new HashMap<>();
        for (Map.Entry<String, String> member : rosterIdOf.entrySet()) {
            List<VetMatch> found = reach(member.getKey(), member.getValue(), rosterIdOf.keySet(), links, recordById,
                    result.thresholdWeight());
            if (found.isEmpty()) {
                without.add(member.getValue());
            }
            found.forEach(m -> foundFor.merge(m.record().recordId(), 1, Integer::sum));
            matches.addAll(found);
        }
        List<String> several = new ArrayList<>();
        for (PersonRecord r : records) {
            if (foundFor.getOrDefault(r.recordId(), 0) > 1) {
                several.add(r.recordId());
            }
        }
        return new VetResult(roster.size(), matches, without, several, result);
    }

    /** A prefix no record id starts with. */
    private static String rosterPrefix(Set<String> recordIds) {
        String prefix = "roster:";
        while (startsAny(recordIds, prefix)) {
            prefix = "roster" + prefix;
        }
        return prefix;
    }

    private static boolean startsAny(Set<String> ids, String prefix) {
        for (String id : ids) {
            if (id.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The links whose two records ended in one person. A link between two people was refused by clustering
     * (conflicting identifiers): nothing is found through it.
     */
    private static List<Link> linksInsidePeople(LinkResult result) {
        List<Link> inside = new ArrayList<>();
        for (Link link : result.links()) {
            Optional<Entity> left = result.entityOf(link.leftId());
            Optional<Entity> right = result.entityOf(link.rightId());
            if (left.isPresent() && right.isPresent() && left.get().id().equals(right.get().id())) {
                inside.add(link);
            }
        }
        return inside;
    }

    /** The records reached from one member (see {@link LinkChain}), never through another member; by date. */
    private static List<VetMatch> reach(String start, String rosterId, Set<String> rosterIds, List<Link> links,
            Map<String, PersonRecord> recordById, double thresholdWeight) {
        List<VetMatch> found = new ArrayList<>();
        for (LinkChain.Step<Link> step : LinkChain.grow(start, links, Link::leftId, Link::rightId,
                Link::matchWeight, rosterIds)) {
            found.add(new VetMatch(rosterId, recordById.get(step.recordId()), step.link().probability(),
                    step.through().equals(start) ? Optional.empty() : Optional.of(step.through()),
                    PlainWords.evidence(Evidence.strongest(step.link().explanation(), thresholdWeight))));
        }
        found.sort(Comparator.comparing((VetMatch m) -> m.record().eventDate().date().orElse(LocalDate.MAX))
                .thenComparing(m -> m.record().recordId()));
        return found;
    }
}
