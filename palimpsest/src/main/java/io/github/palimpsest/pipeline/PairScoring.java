package io.github.palimpsest.pipeline;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.TermFrequencyComparison;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.TermFrequencies;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * The match weights of a run's candidate pairs, computed from its columns of comparison levels: the hot loop
 * of scoring, apart from the rest of {@link PipelineRun}, for every kind of record. Each parallel chunk writes only its own positions, so
 * the result does not depend on scheduling. Holds the run's arrays, not copies; used by one thread at a time.
 */
public final class PairScoring {
    /** Runs a range over {@code [0, size)} split into fixed chunks, in parallel. */
    @FunctionalInterface
    public interface Chunks {
        void forEach(int size, Parallel.Range range);
    }

    private final Candidates candidates;
    /** levels[c][k]: the level of comparison c for candidate pair k. */
    private final byte[][] levels;
    private final int[] levelCounts;
    private final int comparisonCount;
    private final int n;
    private final Chunks chunks;

    public PairScoring(Candidates candidates, byte[][] levels, int[] levelCounts, int recordCount, Chunks chunks) {
        this.candidates = candidates;
        this.levels = levels;
        this.levelCounts = levelCounts;
        this.comparisonCount = levelCounts.length;
        this.n = recordCount;
        this.chunks = chunks;
    }

    /**
     * Per comparison that takes term-frequency adjustment in the model, each record's value frequency
     * ({@code [c][record]}); a null row for the others, and all rows null when {@code adjust} is false.
     */
    public static <R> double[][] termFrequencies(MatchModel model, List<? extends Comparison<R>> comparisons,
            List<R> records, boolean adjust) {
        return termFrequencies(model, comparisons, records, adjust, new double[comparisons.size()][],
                (count, task) -> {
                    for (int i = 0; i < count; i++) {
                        task.accept(i);
                    }
                });
    }

    /** Runs {@code count} independent tasks, {@code task.accept(i)} for each, in any order. */
    @FunctionalInterface
    public interface Tasks {
        void run(int count, IntConsumer task);
    }

    /**
     * As {@link #termFrequencies(MatchModel, List, List, boolean)}, with the rows already counted in
     * {@code tables} ({@code tables[c]}, null when not yet counted; a row depends on the records alone) and
     * the missing ones counted side by side by {@code tasks} and kept there. The rows returned are those
     * arrays: read them, never write them.
     */
    public static <R> double[][] termFrequencies(MatchModel model, List<? extends Comparison<R>> comparisons,
            List<R> records, boolean adjust, double[][] tables, Tasks tasks) {
        double[][] frequencies = new double[comparisons.size()][];
        if (!adjust) {
            return frequencies;
        }
        int[] wanted = new int[frequencies.length];
        int count = 0;
        for (int c = 0; c < frequencies.length; c++) {
            if (IndexedModel.of(model).termFrequencyLevel(c).isPresent()
                    && comparisons.get(c) instanceof TermFrequencyComparison<R>) {
                wanted[count++] = c;
            }
        }
        int[] missing = Arrays.stream(wanted, 0, count).filter(c -> tables[c] == null).toArray();
        tasks.run(missing.length, i -> {
            @SuppressWarnings("unchecked")
            TermFrequencyComparison<R> tf = (TermFrequencyComparison<R>) comparisons.get(missing[i]);
            tables[missing[i]] = perRecord(records, tf::termFrequencyValue);
        });
        for (int i = 0; i < count; i++) {
            frequencies[wanted[i]] = tables[wanted[i]];
        }
        return frequencies;
    }

    /**
     * Each record's value frequency among the records' present values, in record order:
     * NaN (no frequency) for a record whose value is null or blank. What the linker uses for term-frequency
     * adjustment, one array per comparison.
     */
    static <R> double[] perRecord(List<R> records, Function<? super R, String> value) {
        String[] values = new String[records.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(records.get(i));
        }
        TermFrequencies table = TermFrequencies.of(Arrays.asList(values));
        double[] frequencies = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            frequencies[i] = values[i] == null || values[i].isBlank()
                    ? IndexedModel.NO_TERM_FREQUENCY : table.frequency(values[i]);
        }
        return frequencies;
    }

    /**
     * Each candidate pair's term-frequency adjustments summed, in bits, as {@link #weights} adds them (the
     * left record's frequency); 0 for a pair at no term-frequency level.
     */
    public double[] termFrequencyBits(MatchModel model, double[][] termFrequency) {
        IndexedModel indexed = IndexedModel.of(model);
        double[] bits = new double[candidates.size()];
        for (int c = 0; c < comparisonCount; c++) {
            int level = termFrequency[c] == null ? -1 : indexed.termFrequencyLevel(c).orElse(-1);
            if (level < 0) {
                continue;
            }
            int comparison = c;
            double[] frequencies = termFrequency[c];
            chunks.forEach(bits.length, (from, to) -> {
                for (int k = from; k < to; k++) {
                    if (levels[comparison][k] == level) {
                        int left = CandidatePairs.left(candidates.pair(k));
                        bits[k] += indexed.termFrequencyAdjustment(comparison, frequencies[left]);
                    }
                }
            });
        }
        return bits;
    }

    /**
     * The match weight of every candidate pair, as {@link IndexedModel#matchWeight(int[], double[])} computes
     * it, bit for bit (the same terms added in the same order), from a table of level weights and each
     * record's term-frequency adjustment, computed once per record rather than once per pair.
     */
    public double[] weights(MatchModel model, double[][] termFrequency) {
        Weigher weigher = new Weigher(model, termFrequency);
        double[] scores = new double[candidates.size()];
        chunks.forEach(scores.length, (from, to) -> {
            int[] pairLevels = new int[comparisonCount];
            for (int k = from; k < to; k++) {
                scores[k] = weigher.weight(k, pairLevels);
            }
        });
        return scores;
    }

    /**
     * Writes into {@code scores} the match weight, as {@link #weights} computes it, of the candidate pairs at
     * {@code positions} only: for pairs added to candidates whose other weights are known already.
     */
    public void weightsAt(MatchModel model, double[][] termFrequency, int[] positions, double[] scores) {
        Weigher weigher = new Weigher(model, termFrequency);
        chunks.forEach(positions.length, (from, to) -> {
            int[] pairLevels = new int[comparisonCount];
            for (int f = from; f < to; f++) {
                scores[positions[f]] = weigher.weight(positions[f], pairLevels);
            }
        });
    }

    /** A model's tables for {@link #weights}: level weights and each record's term-frequency adjustments. */
    private final class Weigher {
        private final IndexedModel indexed;
        private final double priorWeight;
        private final double[][] levelWeights;
        private final int[] tfLevel;
        private final double[][] adjustment;
        private final boolean household;
        private final double[][] householdWeights;
        private final boolean[] home;
        private final boolean[] distinguishing;
        private final boolean apart;
        private final double[][] apartWeights;
        private final boolean[] kin;

        Weigher(MatchModel model, double[][] termFrequency) {
            indexed = IndexedModel.of(model);
            priorWeight = model.priorWeight();
            levelWeights = new double[comparisonCount][];
            tfLevel = new int[comparisonCount];
            adjustment = new double[comparisonCount][];
            for (int c = 0; c < comparisonCount; c++) {
                levelWeights[c] = new double[levelCounts[c]];
                for (int l = 0; l < levelCounts[c]; l++) {
                    levelWeights[c][l] = indexed.levelWeight(c, l);
                }
                tfLevel[c] = termFrequency[c] == null ? -1 : indexed.termFrequencyLevel(c).orElse(-1);
                if (tfLevel[c] >= 0) {
                    int comparison = c;
                    double[] frequencies = termFrequency[c];
                    double[] perRecord = new double[n];
                    adjustment[c] = perRecord;
                    chunks.forEach(n, (from, to) -> {
                        for (int r = from; r < to; r++) {
                            perRecord[r] = indexed.termFrequencyAdjustment(comparison, frequencies[r]);
                        }
                    });
                }
            }
            // The household class and relatives apart, if any: the same sums, in the same order, as
            // MatchModel.householdAdjustment, term-frequency adjustments included (a relative shares a rare
            // surname as surely as a common one).
            household = model.hasHouseholdClass();
            householdWeights = new double[comparisonCount][];
            home = new boolean[comparisonCount];
            distinguishing = new boolean[comparisonCount];
            apart = model.hasRelativesApartClass();
            apartWeights = new double[comparisonCount][];
            kin = new boolean[comparisonCount];
            for (int c = 0; c < comparisonCount; c++) {
                householdWeights[c] = new double[levelCounts[c]];
                apartWeights[c] = new double[levelCounts[c]];
                for (int l = 0; l < levelCounts[c]; l++) {
                    householdWeights[c][l] = indexed.householdLevelWeight(c, l);
                    apartWeights[c][l] = indexed.relativesApartLevelWeight(c, l);
                }
                home[c] = indexed.isHomeComparison(c);
                distinguishing[c] = indexed.isDistinguishingComparison(c);
                kin[c] = apart && indexed.isKinComparison(c);
            }
        }

        /** Candidate pair {@code k}'s match weight; {@code pairLevels} is scratch space. */
        double weight(int k, int[] pairLevels) {
            int left = CandidatePairs.left(candidates.pair(k));
            double total = priorWeight;
            for (int c = 0; c < comparisonCount; c++) {
                int l = levels[c][k];
                pairLevels[c] = l;
                total += levelWeights[c][l] + (l == tfLevel[c] ? adjustment[c][left] : 0.0);
            }
            int relatives = RelativesRule.classOf(home, distinguishing, kin, levelWeights, pairLevels);
            double[][] classWeights = relatives == RelativesRule.HOUSEHOLD && household ? householdWeights
                    : relatives == RelativesRule.APART && apart ? apartWeights : null;
            if (classWeights != null) {
                double bits = 0;
                for (int c = 0; c < comparisonCount; c++) {
                    int l = levels[c][k];
                    bits += classWeights[c][l] + (l == tfLevel[c] ? adjustment[c][left] : 0.0);
                }
                total += relatives == RelativesRule.HOUSEHOLD ? indexed.householdAdjustmentForWeight(bits)
                        : indexed.relativesApartAdjustmentForWeight(bits);
            }
            return total;
        }
    }
}
