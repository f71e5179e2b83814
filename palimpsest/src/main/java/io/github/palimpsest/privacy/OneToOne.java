package io.github.palimpsest.privacy;

import io.github.palimpsest.pipeline.CandidatePairs;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The greedy one-to-one solver of two-party linkage (as in anonlink's greedy solver and recordlinkage's
 * one-to-one mode): links are taken strongest first, ties by ascending record pair, and a link is kept
 * when neither record already has a kept link into the other's source. Greedy rather than an optimal
 * assignment: with well-separated weights they agree, and greedy is deterministic, linear after the sort
 * and never keeps a weaker link in place of a stronger one that shares a record.
 */
final class OneToOne {

    private OneToOne() {
    }

    /**
     * The indexes of {@code linkIndexes} kept, in ascending order.
     *
     * @param linkIndexes candidate indexes of the links to choose among
     * @param pairs       packed candidate pairs, by candidate index
     * @param weights     match weights, by candidate index
     * @param sourceOf    the source of each record
     */
    static int[] select(int[] linkIndexes, long[] pairs, double[] weights, int[] sourceOf) {
        Integer[] order = Arrays.stream(linkIndexes).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> {
            int byWeight = Double.compare(weights[y], weights[x]);
            return byWeight != 0 ? byWeight : Long.compare(pairs[x], pairs[y]);
        });
        int sources = Arrays.stream(sourceOf).max().orElse(0) + 1;
        Set<Long> linkedInto = new HashSet<>();
        int[] kept = new int[linkIndexes.length];
        int size = 0;
        for (int k : order) {
            int a = CandidatePairs.left(pairs[k]);
            int b = CandidatePairs.right(pairs[k]);
            long aIntoB = (long) a * sources + sourceOf[b];
            long bIntoA = (long) b * sources + sourceOf[a];
            if (!linkedInto.contains(aIntoB) && !linkedInto.contains(bIntoA)) {
                linkedInto.add(aIntoB);
                linkedInto.add(bIntoA);
                kept[size++] = k;
            }
        }
        int[] result = Arrays.copyOf(kept, size);
        Arrays.sort(result);
        return result;
    }
}
