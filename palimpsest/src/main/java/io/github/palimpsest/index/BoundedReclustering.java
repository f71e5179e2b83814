package io.github.palimpsest.index;

import io.github.palimpsest.index.ChangeReport.Reclustering;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.Clustering;
import io.github.palimpsest.pipeline.PairDecisions;
import io.github.palimpsest.pipeline.PairWeights;
import io.github.palimpsest.pipeline.PersonConflicts;
import io.github.palimpsest.pipeline.RecordConflicts;
import io.github.palimpsest.pipeline.ScoredLinks;
import io.github.palimpsest.record.ComparableRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change of a record whose link-graph component holds more links than the re-clustering budget
 * ({@link IndexConfig#maxReclusterLinks}). Re-clustering the whole component with the batch clusterer would
 * cost time that grows with the component (its links sorted, its conflicts checked) under the write lock;
 * this changes only the people the change touches, in time that grows with those people:
 *
 * <ul>
 *   <li>a removed record's person falls apart into the pieces its remaining members' links (at or above the
 *       threshold, and supported links) hold together. Every piece is a sound person as it stands: the clusterer's constraints are pairwise (two records
 *       with different identifiers or conflicting dates of birth share a person only through a direct link
 *       strong enough), so they hold in any part of a person that held them;</li>
 *   <li>an added record starts alone and its links, strongest first (ties by record id, as in a batch run),
 *       each join its person to the person at the other end when the batch clusterer's constraints allow
 *       it: no two records with different valid PNC IDs, CRO or NI numbers without a direct link of the
 *       overwhelming weight, no two conflicting dates of birth without a direct link. A person refused stays
 *       refused, as in the clusterer (the growing person's constraints only grow). A merge whose check would
 *       visit more record pairs than four times the budget is refused too, and counted. If none of them joins
 *       it, its edges below the threshold may join it to one person as a supported link, decided by the
 *       batch clusterer itself ({@link #joinThroughSupport}).</li>
 * </ul>
 *
 * <p>A reviewer's non-match is honoured like the other constraints (its two records never join); a reviewer's
 * match is applied by the next exact re-clustering of its component (or by {@link LinkIndex#decide}), not here.
 *
 * <p>What this gives up against a batch run: the new record's links are weighed after every earlier link,
 * not in weight order, so an add never splits or rearranges existing people; and a piece left by a removal
 * is not re-offered to the other people of the component; a supported link is not weighed again when a
 * removal takes a record that supported it, and an existing lone record never joins the new record's person
 * through one. The report says so
 * ({@link Reclustering#BOUNDED}). Not thread-safe: runs under the index's write lock.
 */
final class BoundedReclustering {
    private static final Logger LOG = LoggerFactory.getLogger(BoundedReclustering.class);

    static final int PAIRS_PER_LINK = 4;

    private final IndexCore core;
    private final RecordConflicts birthDates;
    private final long pairBudget;
    private int uncheckedMerges;
    private int supportedJoins;

    private BoundedReclustering(IndexCore core) {
        this.core = core;
        this.birthDates = PersonConflicts.birthDates(core.config.comparisons, core.config.model, core::comparable);
        // A pair check (a few string and date comparisons) costs about a quarter of what re-clustering costs a
        // link (sorting it, offering it, checking its conflicts), so the same budget buys four pairs a link.
        this.pairBudget = PAIRS_PER_LINK * (long) core.config.maxReclusterLinks;
    }

    /** Replaces the record in {@code oldSlot} (or nothing, -1) by {@code added} (or nothing, null). */
    static ChangeReport change(IndexCore core, int oldSlot, PreparedRecord added, Scoring.Links links,
            String recordId) {
        return new BoundedReclustering(core).apply(oldSlot, added, links, recordId);
    }

    private ChangeReport apply(int oldSlot, PreparedRecord added, Scoring.Links links, String recordId) {
        // The people the change touches: the old record's, and every person a new link reaches.
        IntSet touched = new IntSet(links.size() + 1);
        if (oldSlot >= 0) {
            touched.add(core.anchor[oldSlot]);
        }
        for (int k = 0; k < links.size(); k++) {
            if (links.weight(k) >= core.config.edgeWeight) { // a pair below the edges joins nobody
                touched.add(core.anchor[links.slot(k)]);
            }
        }
        IntSet region = new IntSet(64);
        for (int t = 0; t < touched.size(); t++) {
            for (int m : membersOf(touched.get(t))) {
                region.add(m);
            }
        }
        int[] regionSlots = region.toArray();
        Map<String, List<String>> before = People.snapshot(core, regionSlots);
        for (int t = 0; t < touched.size(); t++) {
            core.entityIds.retire(touched.get(t));
        }
        core.clusterCount -= touched.size();

        if (oldSlot >= 0) {
            int[] rest = without(membersOf(oldSlot), oldSlot);
            int[] neighbours = linkedNeighbours(oldSlot);
            core.detach(oldSlot);
            splitIntoPieces(rest, neighbours);
        }
        int newSlot = -1;
        if (added != null) {
            newSlot = core.attach(added);
            for (int k = 0; k < links.size(); k++) {
                core.connect(newSlot, links.slot(k), links.weight(k));
            }
            IntSet refused = mergeAlong(newSlot, links);
            if (core.config.supportedLinks && core.next[newSlot] == newSlot) {
                joinThroughSupport(newSlot, links, refused);
            }
        }
        int[] now = IndexCore.withAndWithout(regionSlots, oldSlot, newSlot);
        int people = anchorAtSmallestId(now);
        core.clusterCount += people;
        Map<String, List<String>> after = People.snapshot(core, now);
        log(regionSlots.length, touched.size(), people);
        return ChangeReports.of(recordId, oldSlot >= 0, added != null, before, after, Reclustering.BOUNDED);
    }

    /** The members of the person of {@code slot}, walking its circular list. */
    private int[] membersOf(int slot) {
        int count = 0;
        int s = slot;
        do {
            count++;
            s = core.next[s];
        } while (s != slot);
        int[] members = new int[count];
        for (int m = 0; m < count; m++) {
            members[m] = s;
            s = core.next[s];
        }
        return members;
    }

    /** The other ends of the person's links at {@code slot}: its edges at or above the threshold and its supported links. */
    private int[] linkedNeighbours(int slot) {
        int[] ends = new int[core.edgeCount[slot]];
        int n = 0;
        for (int e = 0; e < core.edgeCount[slot]; e++) {
            if (isLink(slot, e)) {
                ends[n++] = core.edgeTo[slot][e];
            }
        }
        return Arrays.copyOf(ends, n);
    }

    /**
     * Whether edge {@code e} of {@code slot} is a link that can hold a person together: at or above the
     * threshold, or a supported link clustering made. An edge below the threshold that joined nobody is not.
     */
    private boolean isLink(int slot, int e) {
        return core.edgeWeight[slot][e] >= core.config.thresholdWeight || core.isSupported(slot, core.edgeTo[slot][e]);
    }

    private static int[] without(int[] slots, int slot) {
        int[] rest = new int[slots.length - 1];
        int n = 0;
        for (int s : slots) {
            if (s != slot) {
                rest[n++] = s;
            }
        }
        return rest;
    }

    /**
     * Makes each linked piece of {@code rest} (links among its records only) a person, after the removal of
     * the record whose links were {@code neighbours}. The person was held together by its links, so every
     * piece holds one of the removed record's neighbours; once the walk has reached all of them, every record
     * not reached yet belongs to the piece being walked. For a densely linked person that takes about one
     * record's links, not the person's.
     */
    private void splitIntoPieces(int[] rest, int[] neighbours) {
        int[] mark = core.localIndex; // -1 outside; here 0 = not reached, 2 = a neighbour not reached, 1 = reached
        for (int s : rest) {
            mark[s] = 0;
        }
        int neighboursLeft = 0;
        for (int n : neighbours) {
            if (mark[n] == 0) {
                mark[n] = 2;
                neighboursLeft++;
            }
        }
        int[] queue = new int[rest.length];
        int reached = 0;
        for (int start : rest) {
            if (mark[start] == 1) {
                continue;
            }
            int head = reached;
            neighboursLeft -= reach(start, mark, queue, reached++);
            for (int q = head; q < reached && neighboursLeft > 0; q++) {
                int s = queue[q];
                for (int e = 0; e < core.edgeCount[s]; e++) {
                    int other = core.edgeTo[s][e];
                    if ((mark[other] == 0 || mark[other] == 2) && isLink(s, e)) {
                        neighboursLeft -= reach(other, mark, queue, reached++);
                    }
                }
            }
            if (neighboursLeft == 0) {
                for (int s : rest) { // the records left over belong to this piece
                    if (mark[s] != 1) {
                        reach(s, mark, queue, reached++);
                    }
                }
            }
            // queue[head .. reached) is one piece: a circular member list with a provisional anchor.
            for (int q = head; q < reached; q++) {
                core.anchor[queue[q]] = start;
                core.next[queue[q]] = queue[q + 1 < reached ? q + 1 : head];
            }
        }
        for (int s : rest) {
            mark[s] = -1;
        }
    }

    /** Marks {@code s} reached and queues it; returns 1 if it was a neighbour not reached before, else 0. */
    private static int reach(int s, int[] mark, int[] queue, int at) {
        int wasNeighbour = mark[s] == 2 ? 1 : 0;
        mark[s] = 1;
        queue[at] = s;
        return wasNeighbour;
    }

    /**
     * Offers the new record's links at or above the threshold, strongest first, as the batch clusterer offers
     * links; returns the people it refused.
     */
    private IntSet mergeAlong(int newSlot, Scoring.Links links) {
        int linkCount = 0;
        for (int k = 0; k < links.size(); k++) {
            linkCount += links.weight(k) >= core.config.thresholdWeight ? 1 : 0;
        }
        Integer[] order = new Integer[linkCount];
        for (int k = 0, n = 0; k < links.size(); k++) {
            if (links.weight(k) >= core.config.thresholdWeight) {
                order[n++] = k;
            }
        }
        Arrays.sort(order, (a, b) -> {
            int byWeight = Double.compare(links.weight(b), links.weight(a));
            return byWeight != 0 ? byWeight : core.recordIds[links.slot(a)].compareTo(core.recordIds[links.slot(b)]);
        });
        IntSet refused = new IntSet(8);
        int[] constrained = constrainedMembers(newSlot);
        for (int k : order) {
            int person = core.anchor[newSlot];
            int other = core.anchor[links.slot(k)];
            if (other == person || refused.contains(other)) {
                continue;
            }
            if (!corroborated(person, other, links.weight(k))) {
                refused.add(other);
                continue;
            }
            int[] otherConstrained = constrainedMembers(other);
            if (mayMerge(constrained, otherConstrained)) {
                union(person, other);
                constrained = concat(constrained, otherConstrained);
            } else {
                refused.add(other);
            }
        }
        return refused;
    }

    /**
     * A new record that no link at or above the threshold joined may join one person of two or more records
     * through a link below it, a supported link, exactly as the batch clusterer decides one: the clusterer
     * itself is run over the new record and the people its edges reach, those people held as they are
     * (must-links along their members), every edge of the record offered, and every stored pair's weight given
     * ({@link PairWeights}), so the support, the rivals (its strongest edge to each person) and the
     * constraints are weighed as in a batch run. The people it may not join are kept from it by cannot-links:
     * those {@link #mergeAlong} refused, and every lone record (two lone records never join below the
     * threshold, and a lone record that would join the new person later is not offered, so that the other
     * people stay as they were, as in any bounded add).
     */
    private void joinThroughSupport(int newSlot, Scoring.Links links, IntSet refused) {
        IntSet people = new IntSet(8);
        boolean candidate = false;
        for (int k = 0; k < links.size(); k++) {
            double weight = links.weight(k);
            if (weight >= core.config.edgeWeight) {
                int person = core.anchor[links.slot(k)];
                people.add(person);
                candidate |= weight < core.config.thresholdWeight && !refused.contains(person)
                        && core.next[person] != person;
            }
        }
        if (!candidate) {
            return;
        }
        IntSet region = new IntSet(64);
        region.add(newSlot);
        for (int p = 0; p < people.size(); p++) {
            for (int m : membersOf(people.get(p))) {
                region.add(m);
            }
        }
        int[] local = ComponentClustering.localOrder(core, region.toArray());
        try {
            int x = core.localIndex[newSlot];
            ScoredLinks.Builder edges = ScoredLinks.builder(links.size());
            for (int k = 0; k < links.size(); k++) {
                if (links.weight(k) >= core.config.edgeWeight) {
                    edges.add(x, core.localIndex[links.slot(k)], links.weight(k));
                }
            }
            PairDecisions.Builder decisions = PairDecisions.builder();
            for (int p = 0; p < people.size(); p++) {
                int person = people.get(p);
                int[] members = membersOf(person);
                for (int m = 1; m < members.length; m++) {
                    decisions.mustLink(core.localIndex[members[m - 1]], core.localIndex[members[m]]);
                }
                if (refused.contains(person) || members.length == 1) {
                    decisions.cannotLink(x, core.localIndex[person]);
                } else if (!core.decisions.isEmpty()) {
                    for (int m : members) {
                        if (nonMatch(newSlot, m)) {
                            decisions.cannotLink(x, core.localIndex[m]);
                        }
                    }
                }
            }
            Clustering clustering = ComponentClustering.cluster(core, local, edges.build(), decisions.build());
            long[] supported = clustering.supportedLinks();
            if (supported.length == 0) {
                return;
            }
            // Only the new record can have joined: every other merge is a must-link or a cannot-link.
            int joined = local[CandidatePairs.left(supported[0])] == newSlot
                    ? local[CandidatePairs.right(supported[0])] : local[CandidatePairs.left(supported[0])];
            union(core.anchor[joined], newSlot);
            core.markSupported(newSlot, joined);
            supportedJoins++;
        } finally {
            for (int s : local) {
                core.localIndex[s] = -1;
            }
        }
    }

    /**
     * The batch clusterer's lone-link rule ({@link io.github.palimpsest.pipeline.Clusterer.Builder#loneLinkWeight}):
     * two people who each hold two or more records join through a link below the lone-link weight only when a
     * second link at or above the threshold joins them too. Walks the smaller person's links.
     */
    private boolean corroborated(int person, int other, double weight) {
        if (weight >= core.config.clusterer.loneLinkWeight()) {
            return true;
        }
        int[] a = membersOf(person);
        int[] b = membersOf(other);
        if (a.length < 2 || b.length < 2) {
            return true;
        }
        int[] smaller = a.length <= b.length ? a : b;
        int target = a.length <= b.length ? other : person;
        int found = 0;
        for (int x : smaller) {
            for (int e = 0; e < core.edgeCount[x]; e++) {
                if (core.anchor[core.edgeTo[x][e]] == target && core.edgeWeight[x][e] >= core.config.thresholdWeight
                        && ++found == 2) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the batch clusterer would join two people: every pair of records, one from each, that carries
     * different identifiers of one type has a direct overwhelming link, and every pair with conflicting dates
     * of birth has a direct link or a third record that bridges it. Only records that carry an identifier or an informative date of birth can
     * take part in a conflict, so only those pairs are visited; more of them than the pair budget is a refusal.
     */
    private boolean mayMerge(int[] a, int[] b) {
        if ((long) a.length * b.length > pairBudget) {
            uncheckedMerges++;
            return false;
        }
        for (int x : a) {
            ComparableRecord left = core.comparable(x);
            for (int y : b) {
                ComparableRecord right = core.comparable(y);
                if (differentIdentifiers(left, right) && !linked(x, y, core.config.overwhelmingWeight)) {
                    return false;
                }
                if (birthDates.conflict(x, y) && !linked(x, y, core.config.thresholdWeight)
                        && !bridged(x, y, a) && !bridged(x, y, b)) {
                    return false;
                }
                if (!core.decisions.isEmpty() && nonMatch(x, y)) {
                    return false; // a reviewer's non-match: nothing overrides it
                }
            }
        }
        return true;
    }

    /** Whether a member of {@code members} {@linkplain RecordConflicts#bridges bridges} x's and y's conflict. */
    private boolean bridged(int x, int y, int[] members) {
        for (int z : members) {
            if (z != x && z != y && birthDates.bridges(z, x, y)) {
                return true;
            }
        }
        return false;
    }

    private boolean nonMatch(int x, int y) {
        return core.decisions.decisionFor(core.recordIds[x], core.recordIds[y])
                .filter(d -> !d.isMatch()).isPresent();
    }

    /** Different valid values of one exclusive key type (PNC ID, CRO number, NI number), as the linker keys them. */
    private static boolean differentIdentifiers(ComparableRecord a, ComparableRecord b) {
        return differ(a.pncId(), b.pncId()) || differ(a.croNumber(), b.croNumber())
                || differ(a.niNumber(), b.niNumber());
    }

    private static boolean differ(String a, String b) {
        return !a.isEmpty() && !b.isEmpty() && !a.equals(b);
    }

    private boolean linked(int x, int y, double minimumWeight) {
        for (int e = 0; e < core.edgeCount[x]; e++) {
            if (core.edgeTo[x][e] == y) {
                return core.edgeWeight[x][e] >= minimumWeight;
            }
        }
        return false;
    }

    /** The members of a person that could conflict with someone: an identifier or an informative birth date. */
    private int[] constrainedMembers(int person) {
        int[] members = membersOf(person);
        int n = 0;
        for (int s : members) {
            ComparableRecord r = core.comparable(s);
            boolean datesConflict = birthDates != RecordConflicts.NONE && r.dateOfBirth() != 0
                    && !r.isDateOfBirthLowInformation();
            boolean decided = !core.decisions.decisionsOn(core.recordIds[s]).isEmpty();
            if (datesConflict || decided || !r.pncId().isEmpty() || !r.croNumber().isEmpty()
                    || !r.niNumber().isEmpty()) {
                members[n++] = s;
            }
        }
        return Arrays.copyOf(members, n);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Joins person {@code b} into person {@code a}: splices the circular lists and relabels b's members. */
    private void union(int a, int b) {
        for (int m : membersOf(b)) {
            core.anchor[m] = a;
        }
        int afterA = core.next[a];
        core.next[a] = core.next[b];
        core.next[b] = afterA;
    }

    /**
     * Gives every person among {@code slots} its member with the smallest record id as anchor, as the exact
     * path does, and registers its entity id.
     *
     * @return the number of people
     */
    private int anchorAtSmallestId(int[] slots) {
        IntSet done = new IntSet(16);
        int people = 0;
        for (int s : slots) {
            if (done.contains(core.anchor[s])) {
                continue;
            }
            int[] members = membersOf(s);
            int first = members[0];
            for (int m : members) {
                if (core.recordIds[m].compareTo(core.recordIds[first]) < 0) {
                    first = m;
                }
            }
            for (int m : members) {
                core.anchor[m] = first;
            }
            done.add(first);
            core.entityIds.add(first);
            people++;
        }
        return people;
    }

    /** Logs every bounded change at DEBUG, and the 1st, 2nd, 4th, 8th... at WARN: counts only, never values. */
    private void log(int records, int peopleBefore, int peopleAfter) {
        long count = core.boundedChangeCount();
        String message = "index: a change's link component exceeds the re-clustering budget of {} links; only the {} "
                + "records of the {} people it touched were re-clustered ({} people after, {} merges refused "
                + "unchecked, {} supported links made); its people may differ from a batch run. {} bounded changes so far";
        Object[] arguments = {core.config.maxReclusterLinks, records, peopleBefore, peopleAfter, uncheckedMerges,
            supportedJoins, count};
        if (Long.bitCount(count) == 1) {
            LOG.warn(message, arguments);
        } else {
            LOG.debug(message, arguments);
        }
    }
}
