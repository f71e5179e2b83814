package io.github.palimpsest.cluster;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deterministic entity ids that stay put as records are added. A cluster's id is derived from its
 * <em>anchor</em>, the smallest of its record ids (in {@link String#compareTo} order): the prefix, then 50
 * bits of MurmurHash3_x64_128 (seed 0) of the anchor's UTF-8 bytes written as ten Crockford base-32 digits,
 * e.g. {@code "P-7XK2M9QD4R"}.
 *
 * <p>Stability: an id changes only when its cluster's anchor changes. Adding a record that joins no
 * existing cluster changes no existing id; adding a record to a cluster keeps that cluster's id unless the
 * new record's id sorts before all of the cluster's ids; when two clusters merge, the merged one keeps the
 * id of the cluster with the smaller anchor. The ids encode a hash, not the record id, so they reveal
 * nothing about the records.
 *
 * <p>Collisions: with 50 bits, a million clusters expect about 0.0004 colliding pairs. Should two clusters
 * of one run still get the same id, the one with the smaller anchor keeps it and the others receive
 * {@code "-2"}, {@code "-3"}, ... in anchor order, so ids are always unique within a run.
 *
 * <p>Immutable and thread-safe.
 */
public final class EntityIds {
    private static final HashFunction HASH = Hashing.murmur3_128(0);
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int DIGITS = 10; // 10 base-32 digits = 50 bits

    private final String prefix;

    private EntityIds(String prefix) {
        this.prefix = prefix;
    }

    /** Ids of the form {@code "P-" + 10 digits}, the prefix for people. */
    public static EntityIds people() {
        return new EntityIds("P-");
    }

    /**
     * Ids with another prefix, e.g. {@code "V-"} for vehicles.
     *
     * @throws IllegalArgumentException if the prefix is blank
     */
    public static EntityIds withPrefix(String prefix) {
        checkNotNull(prefix, "prefix");
        checkArgument(!prefix.isBlank(), "an entity id prefix must not be blank");
        return new EntityIds(prefix);
    }

    /** The id of a cluster whose smallest record id is {@code anchorRecordId}. */
    public String idFor(String anchorRecordId) {
        checkNotNull(anchorRecordId, "anchorRecordId");
        long bits = HASH.hashString(anchorRecordId, StandardCharsets.UTF_8).asLong() >>> (64 - 5 * DIGITS);
        char[] digits = new char[DIGITS];
        for (int d = DIGITS - 1; d >= 0; d--) {
            digits[d] = CROCKFORD[(int) (bits & 31)];
            bits >>>= 5;
        }
        return prefix + new String(digits);
    }

    /**
     * The id of every person, in the order given: each person is the collection of its record ids, and its
     * id derives from the smallest of them.
     *
     * <pre>{@code
     * List<String> ids = EntityIds.people().assign(List.of(List.of("R2", "R1"), List.of("R3")));
     * // ids.get(0) == EntityIds.people().idFor("R1")
     * }</pre>
     *
     * @param people the record ids of every person; a record id appears at most once in all of them
     * @throws IllegalArgumentException if a person has no record or a record id repeats
     */
    public List<String> assign(List<? extends Collection<String>> people) {
        checkNotNull(people, "people");
        Set<String> seen = new HashSet<>();
        String[] anchors = new String[people.size()];
        for (int c = 0; c < anchors.length; c++) {
            Collection<String> recordIds = checkNotNull(people.get(c), "person %s is null", c);
            checkArgument(!recordIds.isEmpty(), "person %s has no record", c);
            for (String id : recordIds) {
                checkNotNull(id, "a record id of person %s is null", c);
                checkArgument(seen.add(id), "record id '%s' appears more than once; record ids must be unique", id);
                if (anchors[c] == null || id.compareTo(anchors[c]) < 0) {
                    anchors[c] = id;
                }
            }
        }
        List<String> ids = new ArrayList<>(anchors.length);
        Map<String, List<Integer>> clustersOfId = new HashMap<>();
        for (int c = 0; c < anchors.length; c++) {
            String id = idFor(anchors[c]);
            ids.add(id);
            clustersOfId.computeIfAbsent(id, k -> new ArrayList<>(1)).add(c);
        }
        for (List<Integer> sharing : clustersOfId.values()) {
            if (sharing.size() > 1) {
                sharing.sort((a, b) -> anchors[a].compareTo(anchors[b]));
                for (int k = 1; k < sharing.size(); k++) {
                    ids.set(sharing.get(k), ids.get(sharing.get(k)) + "-" + (k + 1));
                }
            }
        }
        return List.copyOf(ids);
    }

    /** The prefix. */
    @Override
    public String toString() {
        return "EntityIds[" + prefix + "]";
    }
}
