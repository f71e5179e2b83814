package io.github.palimpsest.record;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The record ids seen so far in a read, with where each was first seen, to reject a repeated id: an
 * open-addressing table of the id strings (the same instances the records hold) and one packed long per id
 * (file number, line), about 24 bytes an id where a hash map to "file:line" strings took over 100. Not
 * thread-safe: the reading thread alone claims ids.
 */
final class RecordIdTable {
    private static final int LINE_BITS = 40;

    private final List<Path> files = new ArrayList<>();
    private String[] ids = new String[1 << 12];
    private long[] places = new long[1 << 12];
    private int size;

    /**
     * Records that {@code recordId} appears at {@code file:line}.
     *
     * @throws InputException if it already appeared, naming both places
     */
    void claim(String recordId, Path file, long line) {
        if (files.isEmpty() || !files.get(files.size() - 1).equals(file)) {
            files.add(file);
        }
        long place = (long) (files.size() - 1) << LINE_BITS | line;
        int mask = ids.length - 1;
        for (int slot = mix(recordId.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            if (ids[slot] == null) {
                ids[slot] = recordId;
                places[slot] = place;
                if (++size * 2 > ids.length) {
                    grow();
                }
                return;
            }
            if (ids[slot].equals(recordId)) {
                long before = places[slot];
                throw new InputException(file, line, "record_id '" + recordId + "' already appeared at "
                        + files.get((int) (before >>> LINE_BITS)) + ":" + (before & ((1L << LINE_BITS) - 1))
                        + "; record ids must be unique within a run");
            }
        }
    }

    int size() {
        return size;
    }

    /** Spreads String hash codes, whose low bits are poor for ids that differ only in their last digits. */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ h >>> 16;
    }

    private void grow() {
        String[] oldIds = ids;
        long[] oldPlaces = places;
        ids = new String[oldIds.length * 2];
        places = new long[oldIds.length * 2];
        int mask = ids.length - 1;
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != null) {
                int slot = mix(oldIds[i].hashCode()) & mask;
                while (ids[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                ids[slot] = oldIds[i];
                places[slot] = oldPlaces[i];
            }
        }
    }
}
