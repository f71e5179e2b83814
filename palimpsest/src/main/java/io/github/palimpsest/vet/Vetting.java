package io.github.palimpsest.vet;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.Entity;
import io.github.palimpsest.Link;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.Linker;
import io.github.palimpsest.index.LinkIndex;
import io.github.palimpsest.index.MatchCandidate;
import io.github.palimpsest.index.MatchResult;
import io.github.palimpsest.pattern.Evidence;
import io.github.palimpsest.pattern.LinkChain;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.pattern.PlainWords;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.Explanation;
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
        return new VetResult(roster.size(), matches, without, several, Optional.of(result));
    }

    /**
     * Vets each roster member against a saved or live {@link LinkIndex}, without changing it: each member is
     * {@linkplain LinkIndex#match matched}, the member's person is the person of the strongest candidate at or
     * above the index's threshold, and that person's records are reached from the member as in
     * {@link #vet(List, List, Linker)}: directly over the member's own links, or through the links that joined
     * the person in the index (each record's strongest link inside its person). Index answers are snapshots, so
     * records added while vetting runs may or may not be seen.
     *
     * @throws IllegalArgumentException if the roster is empty or has a repeated id
     */
    public static VetResult vet(List<PersonRecord> roster, LinkIndex index) {
        checkNotNull(roster, "roster");
        checkNotNull(index, "index");
        checkArgument(!roster.isEmpty(), "the roster is empty");
        // A member's id must not hide an indexed record with the same id (match leaves a record's own id out).
        String prefix = rosterPrefix(index.entityIds().keySet());
        Set<String> seen = new HashSet<>();
        List<VetMatch> matches = new ArrayList<>();
        List<String> without = new ArrayList<>();
        Map<String, Integer> foundFor = new HashMap<>();
        for (PersonRecord member : roster) {
            checkArgument(seen.add(member.recordId()), "roster id '%s' appears twice", member.recordId());
            String pooled = prefix + member.recordId();
            MatchResult match = index.match(member.toBuilder().recordId(pooled).build());
            Optional<Entity> person = match.bestEntity();
            if (person.isEmpty()) {
                without.add(member.recordId());
                continue;
            }
            List<IndexEdge> edges = new ArrayList<>();
            for (MatchCandidate c : match.links()) {
                if (c.entityId().equals(person.get().id())) {
                    edges.add(new IndexEdge(pooled, c.recordId(), c.explanation()));
                }
            }
            for (PatternEvent event : person.get().pattern().events()) {
                event.linkedTo().flatMap(to -> index.explain(event.recordId(), to))
                        .ifPresent(e -> edges.add(new IndexEdge(event.recordId(), event.linkedTo().get(), e)));
            }
            Map<String, PersonRecord> recordById = new HashMap<>();
            person.get().records().forEach(r -> recordById.put(r.recordId(), r));
            List<VetMatch> found = new ArrayList<>();
            for (LinkChain.Step<IndexEdge> step : LinkChain.grow(pooled, edges, IndexEdge::left, IndexEdge::right,
                    e -> e.explanation().totalWeight(), Set.of())) {
                Explanation why = step.link().explanation();
                found.add(new VetMatch(member.recordId(), recordById.get(step.recordId()), why.probability(),
                        step.through().equals(pooled) ? Optional.empty() : Optional.of(step.through()),
                        PlainWords.evidence(Evidence.strongest(why, index.thresholdWeight()))));
            }
            found.sort(BY_DATE);
            found.forEach(m -> foundFor.merge(m.record().recordId(), 1, Integer::sum));
            matches.addAll(found);
        }
        List<String> several = foundFor.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        return new VetResult(roster.size(), matches, without, several, Optional.empty());
    }

    /** A link the index knows: a member's candidate, or a record's strongest link inside its person. */
    private record IndexEdge(String left, String right, Explanation explanation) {
    }

    /** Event-date order, undated last, ties by record id. */
    private static final Comparator<VetMatch> BY_DATE = Comparator
            .comparing((VetMatch m) -> m.record().eventDate().date().orElse(LocalDate.MAX))
            .thenComparing(m -> m.record().recordId());

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
        found.sort(BY_DATE);
        return found;
    }
}
