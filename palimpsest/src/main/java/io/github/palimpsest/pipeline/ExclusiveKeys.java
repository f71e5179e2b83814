package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exclusive keys of every record, interned: each {@code "type:value"} becomes one long,
 * {@code typeId << 32 | valueId}, and each record's keys a sorted, distinct run of a shared array. A set of
 * keys sorted this way holds each type's values contiguously, which is what {@link #compatible} walks.
 */
final class ExclusiveKeys {
    static final long[] NONE = new long[0];

    private final int[] offsets;
    private final long[] keys;

    private ExclusiveKeys(int[] offsets, long[] keys) {
        this.offsets = offsets;
        this.keys = keys;
    }

    static ExclusiveKeys intern(int recordCount, List<? extends Collection<String>> perRecord) {
        checkNotNull(perRecord, "exclusiveKeys");
        checkArgument(perRecord.isEmpty() || perRecord.size() == recordCount,
                "exclusiveKeys must be empty or hold one collection per record: %s records, %s collections",
                recordCount, perRecord.size());
        int[] offsets = new int[recordCount + 1];
        if (perRecord.isEmpty()) {
            return new ExclusiveKeys(offsets, NONE);
        }
        Map<String, Integer> types = new HashMap<>();
        Map<String, Integer> values = new HashMap<>();
        long[] keys = new long[16];
        int size = 0;
        for (int r = 0; r < recordCount; r++) {
            Collection<String> recordKeys = checkNotNull(perRecord.get(r), "exclusiveKeys of record %s", r);
            int start = size;
            for (String key : recordKeys) {
                checkNotNull(key, "an exclusive key of record %s is null", r);
                int colon = key.indexOf(':');
                checkArgument(colon > 0, "exclusive key '%s' of record %s is not of the form type:value", key, r);
                int type = types.computeIfAbsent(key.substring(0, colon), t -> types.size());
                int value = values.computeIfAbsent(key, v -> values.size());
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, size * 2);
                }
                keys[size++] = (long) type << 32 | value;
            }
            Arrays.sort(keys, start, size);
            int out = start;
            for (int k = start; k < size; k++) {
                if (out == start || keys[k] != keys[out - 1]) {
                    keys[out++] = keys[k];
                }
            }
            size = out;
            offsets[r + 1] = size;
        }
        return new ExclusiveKeys(offsets, Arrays.copyOf(keys, size));
    }

    boolean hasKeys(int record) {
        return offsets[record + 1] > offsets[record];
    }

    long[] of(int record) {
        return hasKeys(record) ? Arrays.copyOfRange(keys, offsets[record], offsets[record + 1]) : NONE;
    }

    /** Whether two records carry no two different values of one type. */
    boolean compatible(int x, int y) {
        return compatible(keys, offsets[x], offsets[x + 1], keys, offsets[y], offsets[y + 1]);
    }

    /**
     * Whether two sorted key sets agree on every type they share: that is, for each shared type both sets
     * hold exactly one value and it is the same one. A set with two values of a type conflicts with any
     * other set holding that type, as some pair of its values then differs.
     */
    static boolean compatible(long[] a, int aFrom, int aTo, long[] b, int bFrom, int bTo) {
        int i = aFrom;
        int j = bFrom;
        while (i < aTo && j < bTo) {
            int ta = (int) (a[i] >>> 32);
            int tb = (int) (b[j] >>> 32);
            int iEnd = i + 1;
            while (iEnd < aTo && (int) (a[iEnd] >>> 32) == ta) {
                iEnd++;
            }
            int jEnd = j + 1;
            while (jEnd < bTo && (int) (b[jEnd] >>> 32) == tb) {
                jEnd++;
            }
            if (ta < tb) {
                i = iEnd;
            } else if (tb < ta) {
                j = jEnd;
            } else {
                if (iEnd - i != 1 || jEnd - j != 1 || a[i] != b[j]) {
                    return false;
                }
                i = iEnd;
                j = jEnd;
            }
        }
        return true;
    }

    /** The sorted union of two sorted, distinct key sets. */
    static long[] union(long[] a, long[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            if (j == b.length || (i < a.length && a[i] < b[j])) {
                out[k++] = a[i++];
            } else if (i == a.length || b[j] < a[i]) {
                out[k++] = b[j++];
            } else {
                out[k++] = a[i++];
                j++;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }
}
