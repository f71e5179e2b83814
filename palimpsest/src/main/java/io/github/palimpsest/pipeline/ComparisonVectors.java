package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of distinct comparison vectors (one level per comparison, the γ patterns of Fellegi and
 * Sunter) over a set of candidate pairs. Millions of pairs usually collapse into a few thousand
 * patterns, so {@link ModelTrainer} runs expectation–maximisation over patterns weighted by their counts
 * rather than over pairs.
 *
 * <pre>{@code
 * ComparisonVectors.Builder vectors = ComparisonVectors.builder(4, 3, 5);   // levels per comparison
 * for (Pair p : candidates) vectors.add(levelsOf(p));
 * ComparisonVectors counts = vectors.build();
 * }</pre>
 *
 * <p>Immutable and thread-safe once built; patterns are held in lexicographic order, so training is
 * deterministic whatever order the pairs were added in. The {@link Builder} is not thread-safe: give
 * each thread its own and combine them with {@link Builder#addAll(Builder)}.
 */
public final class ComparisonVectors {

    private final int[] levelCounts;
    private final int[][] patterns;
    private final long[] counts;
    private final long totalCount;

    private ComparisonVectors(int[] levelCounts, int[][] patterns, long[] counts) {
        this.levelCounts = levelCounts;
        this.patterns = patterns;
        this.counts = counts;
        this.totalCount = Arrays.stream(counts).sum();
    }

    /**
     * A builder for vectors over comparisons with the given numbers of levels.
     *
     * @throws IllegalArgumentException if a count is below 2, or there are so many combinations of levels
     *                                  that a pattern no longer fits in 63 bits
     */
    public static Builder builder(int... levelCountsPerComparison) {
        return new Builder(levelCountsPerComparison.clone());
    }

    /** A builder for vectors over the comparisons of a model, in model order. */
    public static Builder builder(MatchModel matchModel) {
        IndexedModel model = IndexedModel.of(matchModel);
        int[] levelCounts = new int[model.comparisonCount()];
        for (int c = 0; c < levelCounts.length; c++) {
            levelCounts[c] = model.levels(c).size();
        }
        return new Builder(levelCounts);
    }

    /** The number of comparisons, the length of every pattern. */
    public int comparisonCount() {
        return levelCounts.length;
    }

    /** The number of levels of comparison {@code c}. */
    int levelCount(int c) {
        return levelCounts[c];
    }

    /** The number of distinct patterns. */
    int distinctCount() {
        return patterns.length;
    }

    /** The number of pairs counted (the sum of all counts). */
    long totalCount() {
        return totalCount;
    }

    /** How many pairs had exactly this pattern. */
    public long count(int[] levels) {
        int i = Arrays.binarySearch(patterns, levels, Arrays::compare);
        return i < 0 ? 0 : counts[i];
    }

    /** Pattern {@code i} in lexicographic order; package-private because it exposes the internal array. */
    int[] pattern(int i) {
        return patterns[i];
    }

    long countAt(int i) {
        return counts[i];
    }

    /** Counts patterns one pair at a time; not thread-safe. */
    public static final class Builder {
        private static final long EMPTY = -1; // codes are never negative
        private final int[] levelCounts;
        /** Open addressing: pattern codes and their counts; a free slot holds {@link #EMPTY}. */
        private long[] codes = emptyTable(64);
        private long[] counts = new long[64];
        private int size;

        private Builder(int[] levelCounts) {
            double combinations = 1;
            for (int k : levelCounts) {
                checkArgument(k >= 2, "every comparison needs at least two levels, got %s", k);
                combinations *= k;
            }
            checkArgument(levelCounts.length > 0, "at least one comparison is needed");
            checkArgument(combinations < 0x1p62, "%s comparisons with these level counts have too many "
                    + "combinations (%s) to count", (Object) levelCounts.length, combinations);
            this.levelCounts = levelCounts;
        }

        private static long[] emptyTable(int capacity) {
            long[] table = new long[capacity];
            Arrays.fill(table, EMPTY);
            return table;
        }

        /** Counts one pair. The array is read, not kept, so callers may reuse it. */
        public Builder add(int[] levels) {
            return add(levels, 1);
        }

        /**
         * Counts {@code count} pairs with this pattern.
         *
         * @throws IllegalArgumentException if the pattern has the wrong length or a level out of range, or
         *                                  the count is negative
         */
        public Builder add(int[] levels, long count) {
            checkArgument(count >= 0, "count must not be negative, got %s", count);
            addCode(encode(levels), count);
            return this;
        }

        /** Adds every count of another builder over the same comparisons (to merge per-thread builders). */
        public Builder addAll(Builder other) {
            checkArgument(Arrays.equals(levelCounts, other.levelCounts),
                    "builders count different comparisons: %s and %s",
                    Arrays.toString(levelCounts), Arrays.toString(other.levelCounts));
            for (int slot = 0; slot < other.codes.length; slot++) {
                if (other.codes[slot] != EMPTY) {
                    addCode(other.codes[slot], other.counts[slot]);
                }
            }
            return this;
        }

        private void addCode(long code, long count) {
            int mask = codes.length - 1;
            int slot = slot(code, mask);
            while (codes[slot] != EMPTY && codes[slot] != code) {
                slot = (slot + 1) & mask;
            }
            if (codes[slot] == EMPTY) {
                codes[slot] = code;
                if (++size * 2 > codes.length) {
                    counts[slot] = count;
                    grow();
                    return;
                }
            }
            counts[slot] += count;
        }

        private static int slot(long code, int mask) {
            long h = code * 0x9E3779B97F4A7C15L;
            return (int) (h ^ h >>> 32) & mask;
        }

        private void grow() {
            long[] oldCodes = codes;
            long[] oldCounts = counts;
            codes = emptyTable(oldCodes.length * 2);
            counts = new long[oldCodes.length * 2];
            int mask = codes.length - 1;
            for (int i = 0; i < oldCodes.length; i++) {
                if (oldCodes[i] != EMPTY) {
                    int slot = slot(oldCodes[i], mask);
                    while (codes[slot] != EMPTY) {
                        slot = (slot + 1) & mask;
                    }
                    codes[slot] = oldCodes[i];
                    counts[slot] = oldCounts[i];
                }
            }
        }

        /** The immutable counts so far; the builder may go on counting. */
        public ComparisonVectors build() {
            List<int[]> patterns = new ArrayList<>(size);
            for (long code : codes) {
                if (code != EMPTY && countOf(code) > 0) {
                    patterns.add(decode(code));
                }
            }
            patterns.sort(Arrays::compare);
            long[] n = new long[patterns.size()];
            for (int i = 0; i < n.length; i++) {
                n[i] = countOf(encodeChecked(patterns.get(i)));
            }
            return new ComparisonVectors(levelCounts.clone(), patterns.toArray(new int[0][]), n);
        }

        private long countOf(long code) {
            int mask = codes.length - 1;
            for (int slot = slot(code, mask); codes[slot] != EMPTY; slot = (slot + 1) & mask) {
                if (codes[slot] == code) {
                    return counts[slot];
                }
            }
            return 0;
        }

        private long encode(int[] levels) {
            checkArgument(levels.length == levelCounts.length,
                    "expected %s levels (one per comparison), got %s", levelCounts.length, levels.length);
            return encodeChecked(levels);
        }

        /** Mixed-radix code: level of comparison c is the c-th digit in base levelCounts[c]. */
        private long encodeChecked(int[] levels) {
            long key = 0;
            for (int c = levels.length - 1; c >= 0; c--) {
                if (levels[c] < 0 || levels[c] >= levelCounts[c]) {
                    throw new IllegalArgumentException(String.format("level %s of comparison %s is out of range "
                            + "[0, %s)", levels[c], c, levelCounts[c]));
                }
                key = key * levelCounts[c] + levels[c];
            }
            return key;
        }

        private int[] decode(long key) {
            int[] levels = new int[levelCounts.length];
            for (int c = 0; c < levels.length; c++) {
                levels[c] = (int) (key % levelCounts[c]);
                key /= levelCounts[c];
            }
            return levels;
        }
    }
}
