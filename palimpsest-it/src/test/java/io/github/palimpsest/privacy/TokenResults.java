package io.github.palimpsest.privacy;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index view of a {@link TokenLinkResult} that the tests and reports here hold their truth in: record
 * {@code i} is the {@code i}-th tombstone linked. The result addresses records by their tombstone objects;
 * this maps them back to places.
 */
public final class TokenResults {
    private TokenResults() {
    }

    /** The place of each tombstone in the list linked, by identity; an object given twice keeps its first. */
    public static Map<Tombstone, Integer> places(TokenLinkResult result) {
        Map<Tombstone, Integer> places = new IdentityHashMap<>();
        List<Tombstone> tombstones = result.tombstones();
        for (int r = tombstones.size() - 1; r >= 0; r--) {
            places.put(tombstones.get(r), r);
        }
        return places;
    }

    /** The person (its place in {@link TokenLinkResult#people()}) of every record, by place. */
    public static int[] personOfRecords(TokenLinkResult result) {
        Map<Tombstone, Integer> places = places(result);
        int[] personOf = new int[result.recordCount()];
        for (int k = 0; k < result.people().size(); k++) {
            for (Tombstone t : result.people().get(k)) {
                personOf[places.get(t)] = k;
            }
        }
        return personOf;
    }

    /** Blocking recall against truth held by place. */
    public static double blockingRecall(TokenLinkResult result, int[] entityOfRecord) {
        Map<Tombstone, Integer> places = places(result);
        return result.blockingRecall(t -> entityOfRecord[places.get(t)]);
    }
}
