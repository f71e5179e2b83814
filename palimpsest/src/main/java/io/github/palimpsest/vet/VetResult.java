package io.github.palimpsest.vet;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.LinkResult;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Vetting#vet} found: the records of each roster member's person, member by member in roster
 * order and each member's records in event-date order (undated last), the members with no record, and the
 * records found for more than one member.
 *
 * <p>Immutable and thread-safe.
 */
public final class VetResult {
    private final int rosterSize;
    private final ImmutableList<VetMatch> matches;
    private final ImmutableList<String> membersWithoutRecords;
    private final ImmutableList<String> recordsFoundForSeveralMembers;
    private final Optional<LinkResult> linkResult;

    VetResult(int rosterSize, List<VetMatch> matches, List<String> membersWithoutRecords,
            List<String> recordsFoundForSeveralMembers, Optional<LinkResult> linkResult) {
        this.linkResult = checkNotNull(linkResult, "linkResult");
        this.rosterSize = rosterSize;
        this.matches = ImmutableList.copyOf(checkNotNull(matches, "matches"));
        this.membersWithoutRecords = ImmutableList.copyOf(membersWithoutRecords);
        this.recordsFoundForSeveralMembers = ImmutableList.copyOf(recordsFoundForSeveralMembers);
    }

    /** How many roster members were vetted. */
    public int rosterSize() {
        return rosterSize;
    }

    /** Every record found, member by member in roster order, each member's in event-date order. */
    public List<VetMatch> matches() {
        return matches;
    }

    /** The roster ids of members with no record at any force, in roster order. */
    public List<String> membersWithoutRecords() {
        return membersWithoutRecords;
    }

    /** How many roster members have at least one record. */
    public int membersWithRecords() {
        return rosterSize - membersWithoutRecords.size();
    }

    /**
     * The ids of records found for more than one roster member (two members linked to one person, such as
     * a member entered twice under two staff numbers): each such record is reported for every one of them and
     * needs a person to look at it.
     */
    public List<String> recordsFoundForSeveralMembers() {
        return recordsFoundForSeveralMembers;
    }

    /**
     * The run that linked the roster and the records as one pool, when vetting was against records (not an
     * index): its people, links, model and statistics. Roster members appear in it as records whose ids carry
     * a prefix no force record id starts with ({@code "roster:"}, lengthened when needed), so the two never mix.
     */
    public Optional<LinkResult> linkResult() {
        return linkResult;
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "VetResult[" + rosterSize + " members, " + membersWithRecords() + " with records, " + matches.size()
                + " records found]";
    }
}
