/**
 * Vetting a roster: which records, at any force, belong to each person on a list of officers and staff.
 *
 * <p>{@link io.github.palimpsest.vet.Vetting#vet(java.util.List, java.util.List, io.github.palimpsest.Linker)}
 * links the roster and the records as one pool and, for each roster member, reports every record of the
 * person the member joined, with the link by which each record joined: directly to the member, or through
 * another record (a purged record that shares only a PNC ID with an earlier record of the person, say).
 * Roster members never join each other's records through one another. Example:
 * <pre>{@code
 * VetResult result = Vetting.vet(roster, forceRecords, Linker.builder().build());
 * for (VetMatch m : result.matches()) {
 *     System.out.println(m.rosterId() + " " + m.record().recordId() + " " + m.joinedThrough().orElse("directly"));
 * }
 * result.membersWithoutRecords();   // roster ids with nothing found
 * }</pre>
 */
package io.github.palimpsest.vet;
