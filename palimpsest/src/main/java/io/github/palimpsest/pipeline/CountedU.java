package io.github.palimpsest.pipeline;

import io.github.palimpsest.block.BlockingReport;
import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ContactComparison;
import io.github.palimpsest.compare.GenericIdentifierComparison;
import io.github.palimpsest.compare.IdentifierComparison;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.MatchModelBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code u} of agreeing on an identifier, counted over every pair of the pool instead of sampled
 * (docs/model.md, "Counted u").
 *
 * <p>Why. Two records of different people almost never share a PNC ID, so a sample of random pairs sees
 * none or a handful of such agreements and its {@code u} is the Laplace floor: one in the number of
 * sampled pairs in which both records have the identifier. That floor is fixed by the sample's size and
 * does not fall as the pool grows, while the prior falls with the number of pairs, so in a large pool a
 * shared PNC ID weighs less than the prior takes away and a record purged of its name and date of birth
 * cannot link on the PNC ID it kept. In a small pool the sample is instead full of the pool's own true
 * pairs, which overstate {@code u} the other way.
 *
 * <p>How. When a blocking rule pairs every two records that share the value (a rule that {@linkplain
 * BlockingRule#agreementCovered declares it covers the comparison's agreement}), every pair that agrees is a
 * candidate, except in the blocks too large to pair in full, which the blocking cut down to a sorted window
 * and sub-blocks; their pairs not proposed are counted by the non-match share of those proposed. The
 * non-matches among all pairs that agree are then the candidates that agree, each counted by the model's probability that it is not a match; {@code u} of the agreeing level is that
 * count (plus the pseudo-count) over the non-matching pairs in which both records have a value. The other
 * levels keep their sampled proportions. For the identifier comparisons ({@link IdentifierComparison}: PNC
 * ID, CRO, NI number, driving licence; {@link GenericIdentifierComparison}: warrant number and {@code id_*};
 * {@link ContactComparison}: phone and e-mail) the first level is agreement and a pair is neutral exactly
 * when one of its records has no value, so the pairs with both values are counted from the records (for
 * {@code id_*} of mixed types that is an upper bound: two records with different types are neutral).
 *
 * <p>Phone and e-mail are counted too: a household or an office shares them, but those pairs are candidates
 * that agree, so they are counted among the non-matches by their own match probability, and the household
 * class still explains them. Without the count a shared phone weighs only what a sample of a million pairs
 * can resolve, too little for a record purged of its name and date of birth to join its person.
 * Stateless.
 */
public final class CountedU {
    private static final Logger LOG = LoggerFactory.getLogger(CountedU.class);

    /** Fixed-point iterations of the count; each changes u by less than the last. */
    private static final int MAXIMUM_ITERATIONS = 20;
    /** The agreeing level of every counted comparison. */
    private static final int EQUAL = 0;
    /** Convergence: the largest change of any counted u, as a log ratio. */
    private static final double TOLERANCE = 1e-3;

    private CountedU() {
    }

    /**
     * A comparison whose agreement u is counted, its neutral level, how many records have a value, and its
     * blocking rule's oversize blocks, which blocking cut down rather than paired in full: the pairs each has
     * in all ({@code cutBlockPairs[b]}) and the block of each record ({@code blockOf[i]}, -1 for none; null
     * when there is no cut block).
     */
    private record Counted(int comparison, String name, int missing, long withValue, long[] cutBlockPairs,
            int[] blockOf) {
    }

    /**
     * The model with {@code u} of each completely blocked identifier's agreeing level counted.
     *
     * <p>The work runs on {@code parallel}'s workers, each sum whole on one of them: the comparisons are
     * counted side by side and each comparison's sums run over the pairs in order, so the model is the same
     * bit for bit on any number of threads.
     *
     * @param levels the level of each candidate pair, per comparison: {@code levels[c][k]}
     * @param pseudoCount the Laplace pseudo-count added to the agreements, as for sampled u
     * @param parallel the run's workers
     */
    public static MatchModel withCountedU(MatchModel model, List<Comparison<ComparableRecord>> comparisons,
            BlockingReport blocking, List<BlockingRule<ComparableRecord>> blockingRules,
            List<ComparableRecord> comparable, Candidates candidates, byte[][] levels, double pseudoCount,
            Parallel parallel) {
        List<Counted> counted = countable(comparisons, blocking, blockingRules, comparable, parallel);
        if (counted.isEmpty()) {
            return model;
        }
        int[] pairs = pairsWithAValue(counted, levels, candidates.size(), parallel);
        PairVectors vectors = PairVectors.of(model, levels, pairs, parallel);
        // The count needs each agreeing pair's match probability, which depends on the u being counted (a pair
        // that agrees only on its PNC ID is a non-match under the sampled u): iterate to a fixed point.
        MatchModel current = model;
        int iterations = 0;
        double change = Double.POSITIVE_INFINITY;
        while (change >= TOLERANCE && iterations < MAXIMUM_ITERATIONS) {
            iterations++;
            double[] probability = vectors == null ? matchProbabilities(current, levels, pairs)
                    : vectors.probabilities(current);
            MatchModelBuilder builder = current.toBuilder();
            change = 0;
            double[] counts = new double[counted.size()];
            parallel.tasks(counted.size(), i -> counts[i] = countedU(counted.get(i),
                    levels[counted.get(i).comparison()], pairs, probability, pseudoCount, candidates));
            for (int i = 0; i < counts.length; i++) {
                Counted c = counted.get(i);
                double u = counts[i];
                change = Math.max(change, Math.abs(Math.log(u / IndexedModel.of(current).u(c.comparison(), EQUAL))));
                builder.u(c.name(), withAgreement(model, c, u));
            }
            current = builder.build();
        }
        for (Counted c : counted) {
            LOG.info("{}: u of agreement counted over every pair: {} (sampled {}), {} iterations", c.name(),
                    String.format("%.3g", IndexedModel.of(current).u(c.comparison(), EQUAL)),
                    String.format("%.3g", IndexedModel.of(model).u(c.comparison(), EQUAL)), iterations);
        }
        return current;
    }

    /**
     * The identifier comparisons whose agreeing pairs are candidates: a blocking rule that ran {@linkplain
     * BlockingRule#agreementCovered covers their agreement}.
     * Where that rule cut an oversize block down (a placeholder value, an office phone, one prolific person),
     * the block's pairs it did not propose are counted by the non-match share of the block's pairs it did
     * propose (all of them as non-matches when it proposed none): a placeholder's strangers stay strangers
     * and a prolific person's records stay one person's. The comparisons are looked at side by side, each
     * reading every record once.
     */
    private static List<Counted> countable(List<Comparison<ComparableRecord>> comparisons, BlockingReport blocking,
            List<BlockingRule<ComparableRecord>> blockingRules, List<ComparableRecord> comparable,
            Parallel parallel) {
        Map<String, BlockingReport.RuleSummary> rules = new HashMap<>();
        for (BlockingReport.RuleSummary rule : blocking.rules()) {
            rules.put(rule.name(), rule);
        }
        Counted[] each = new Counted[comparisons.size()];
        parallel.tasks(comparisons.size(), c -> {
            Comparison<ComparableRecord> comparison = comparisons.get(c);
            BlockingRule<ComparableRecord> covering = ruleCovering(blockingRules, comparison);
            if (!isIdentifier(comparison) || covering == null || !rules.containsKey(covering.name())) {
                return;
            }
            int missing = neutralLevel(comparison);
            long withValue = 0;
            for (ComparableRecord record : comparable) {
                // A pair is neutral exactly when one of its records has no value, so a record against itself
                // says whether it has one.
                if (comparison.level(record, record) != missing) {
                    withValue++;
                }
            }
            if (withValue >= 2) {
                each[c] = cutBlocks(new Counted(c, comparison.name(), missing, withValue, new long[0], null),
                        blocking, covering, comparable);
            }
        });
        List<Counted> counted = new ArrayList<>();
        for (Counted c : each) {
            if (c != null) {
                counted.add(c);
            }
        }
        return counted;
    }

    /** The blocking rule that declares it makes every pair agreeing on {@code comparison} a candidate, or null. */
    private static BlockingRule<ComparableRecord> ruleCovering(List<BlockingRule<ComparableRecord>> rules,
            Comparison<ComparableRecord> comparison) {
        for (BlockingRule<ComparableRecord> rule : rules) {
            if (rule.agreementCovered().filter(comparison::equals).isPresent()) {
                return rule;
            }
        }
        return null;
    }

    /** {@code counted} with the cut (oversize) blocks of its covering rule and the block of each record. */
    private static Counted cutBlocks(Counted counted, BlockingReport blocking, BlockingRule<ComparableRecord> rule,
            List<ComparableRecord> comparable) {
        Map<String, Integer> numberOfKey = new HashMap<>();
        List<Long> allPairs = new ArrayList<>();
        for (BlockingReport.OversizeBlock block : blocking.oversizeBlocks()) {
            if (block.rule().equals(rule.name())) {
                numberOfKey.put(block.key(), allPairs.size());
                allPairs.add((long) block.size() * (block.size() - 1) / 2);
            }
        }
        if (allPairs.isEmpty()) {
            return counted;
        }
        int[] blockOf = new int[comparable.size()];
        Arrays.fill(blockOf, -1);
        for (int i = 0; i < blockOf.length; i++) {
            int record = i;
            rule.keys(comparable.get(i), key -> {
                Integer number = numberOfKey.get(key);
                if (number != null && blockOf[record] < 0) {
                    blockOf[record] = number; // a record in two cut blocks of one rule counts in the first
                }
            });
        }
        return new Counted(counted.comparison(), counted.name(), counted.missing(), counted.withValue(),
                allPairs.stream().mapToLong(Long::longValue).toArray(), blockOf);
    }

    /** Whether the comparison is of an identifier-like value whose first level is exact agreement. */
    private static boolean isIdentifier(Comparison<ComparableRecord> comparison) {
        return comparison instanceof IdentifierComparison || comparison instanceof GenericIdentifierComparison
                || comparison instanceof ContactComparison;
    }

    private static int neutralLevel(Comparison<ComparableRecord> comparison) {
        for (int l = 0; l < comparison.levels().size(); l++) {
            if (comparison.levels().get(l).isNeutral()) {
                return l;
            }
        }
        throw new IllegalStateException("comparison '" + comparison.name() + "' has no neutral level");
    }

    /**
     * (non-matches that agree + pseudo-count) / (non-matching pairs with both values + pseudo-count), the
     * agreeing pairs of cut blocks that were not proposed counted by the non-match share of those proposed.
     */
    private static double countedU(Counted c, byte[] level, int[] pairs, double[] probability, double pseudoCount,
            Candidates candidates) {
        double nonMatchAgreements = 0;
        double matchesWithBothValues = 0;
        int[] blockOf = c.blockOf();
        int cut = c.cutBlockPairs().length;
        long[] proposed = new long[cut];
        double[] proposedNonMatches = new double[cut];
        for (int k = 0; k < pairs.length; k++) {
            int l = level[pairs[k]];
            if (l == EQUAL) {
                nonMatchAgreements += 1 - probability[k];
                if (cut > 0) {
                    long pair = candidates.pair(pairs[k]);
                    int block = blockOf[CandidatePairs.left(pair)];
                    if (block >= 0 && block == blockOf[CandidatePairs.right(pair)]) {
                        proposed[block]++;
                        proposedNonMatches[block] += 1 - probability[k];
                    }
                }
            }
            if (l != c.missing()) {
                matchesWithBothValues += probability[k];
            }
        }
        for (int b = 0; b < cut; b++) {
            long notProposed = Math.max(0, c.cutBlockPairs()[b] - proposed[b]);
            double nonMatchShare = proposed[b] == 0 ? 1 : proposedNonMatches[b] / proposed[b];
            nonMatchAgreements += notProposed * nonMatchShare;
        }
        double nonMatchPairs = Math.max(1, c.withValue() * (c.withValue() - 1) / 2.0 - matchesWithBothValues);
        return (nonMatchAgreements + pseudoCount) / (nonMatchPairs + pseudoCount);
    }

    /** The sampled u with agreement set to {@code u} and the other informative levels rescaled to match. */
    private static double[] withAgreement(MatchModel sampled, Counted counted, double u) {
        IndexedModel indexed = IndexedModel.of(sampled);
        int c = counted.comparison();
        double[] perLevel = new double[indexed.levels(c).size()];
        double scale = (1 - u) / (1 - indexed.u(c, EQUAL));
        for (int l = 0; l < perLevel.length; l++) {
            perLevel[l] = l == EQUAL ? u : l == counted.missing() ? indexed.u(c, l) : indexed.u(c, l) * scale;
        }
        return perLevel;
    }

    /**
     * The candidate pairs in which both records have a value for at least one counted comparison, ascending:
     * each chunk of pairs picked on a worker, the chunks joined in order.
     */
    private static int[] pairsWithAValue(List<Counted> counted, byte[][] levels, int candidateCount,
            Parallel parallel) {
        Counted[] each = counted.toArray(new Counted[0]);
        int[][] perChunk = new int[(candidateCount + Parallel.CHUNK - 1) / Parallel.CHUNK][];
        parallel.chunks(candidateCount, (from, to) -> {
            int[] pairs = new int[to - from];
            int size = 0;
            for (int k = from; k < to; k++) {
                for (Counted c : each) {
                    if (levels[c.comparison()][k] != c.missing()) {
                        pairs[size++] = k;
                        break;
                    }
                }
            }
            perChunk[from / Parallel.CHUNK] = Arrays.copyOf(pairs, size);
        });
        int total = 0;
        for (int[] chunk : perChunk) {
            total += chunk.length;
        }
        int[] pairs = new int[total];
        int at = 0;
        for (int[] chunk : perChunk) {
            System.arraycopy(chunk, 0, pairs, at, chunk.length);
            at += chunk.length;
        }
        return pairs;
    }

    /** Each pair's match probability, weighed pair by pair: for level vectors that do not pack into a long. */
    private static double[] matchProbabilities(MatchModel model, byte[][] levels, int[] pairs) {
        IndexedModel indexed = IndexedModel.of(model);
        double[] probability = new double[pairs.length];
        int[] vector = new int[levels.length];
        for (int k = 0; k < pairs.length; k++) {
            for (int c = 0; c < levels.length; c++) {
                vector[c] = levels[c][pairs[k]];
            }
            probability[k] = MatchModel.probability(indexed.matchWeight(vector));
        }
        return probability;
    }

    /**
     * Where each comparison's level sits in a level vector packed into a long (each takes the bits its
     * largest level index needs), or null when the vector needs more than 63 bits.
     */
    private static int[] packedShifts(IndexedModel model, int comparisons) {
        int[] shift = new int[comparisons];
        int bits = 0;
        for (int c = 0; c < comparisons; c++) {
            shift[c] = bits;
            bits += 32 - Integer.numberOfLeadingZeros(Math.max(1, model.levels(c).size() - 1));
        }
        return bits > 63 ? null : shift;
    }

    /**
     * The pairs' level vectors, each distinct one once ({@code distinct}), and the index of each pair's among
     * them ({@code of[k]}): read once from the level columns rather than once per iteration, and each
     * iteration weighs each distinct vector once. The probabilities are those of {@link #matchProbabilities},
     * bit for bit (a pair's depends on its vector alone).
     */
    private record PairVectors(int[][] distinct, int[] of) {
        /** The pairs' vectors, or null when one does not pack into a long (then each is weighed as it comes). */
        static PairVectors of(MatchModel model, byte[][] levels, int[] pairs, Parallel parallel) {
            int[] shift = packedShifts(IndexedModel.of(model), levels.length);
            if (shift == null) {
                return null;
            }
            long[] keys = new long[pairs.length];
            parallel.chunks(pairs.length, (from, to) -> {
                for (int c = 0; c < levels.length; c++) {
                    byte[] column = levels[c];
                    for (int k = from; k < to; k++) {
                        keys[k] |= (long) column[pairs[k]] << shift[c];
                    }
                }
            });
            VectorMemo index = new VectorMemo();
            List<int[]> distinct = new ArrayList<>();
            int[] of = new int[pairs.length];
            for (int k = 0; k < pairs.length; k++) {
                int slot = index.slot(keys[k]);
                if (!index.has(slot)) {
                    int[] vector = new int[levels.length];
                    for (int c = 0; c < levels.length; c++) {
                        vector[c] = levels[c][pairs[k]];
                    }
                    index.put(slot, keys[k], distinct.size());
                    distinct.add(vector);
                    slot = index.slot(keys[k]);
                }
                of[k] = index.values[slot];
            }
            return new PairVectors(distinct.toArray(new int[0][]), of);
        }

        /** Each pair's match probability under {@code model}. */
        double[] probabilities(MatchModel model) {
            IndexedModel indexed = IndexedModel.of(model);
            double[] perVector = new double[distinct.length];
            for (int v = 0; v < distinct.length; v++) {
                perVector[v] = MatchModel.probability(indexed.matchWeight(distinct[v]));
            }
            double[] probability = new double[of.length];
            for (int k = 0; k < of.length; k++) {
                probability[k] = perVector[of[k]];
            }
            return probability;
        }
    }

    /** Open addressing from a packed level vector (non-negative) to its index among the distinct vectors. */
    private static final class VectorMemo {
        private long[] keys = filled(64);
        private int[] values = new int[64];
        private int size;

        private static long[] filled(int capacity) {
            long[] empty = new long[capacity];
            Arrays.fill(empty, -1L);
            return empty;
        }

        /** The slot that holds {@code key}, or the empty slot where it would go. */
        int slot(long key) {
            int mask = keys.length - 1;
            int slot = (int) (key * 0x9E3779B97F4A7C15L >>> 40) & mask;
            while (keys[slot] != -1L && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        boolean has(int slot) {
            return keys[slot] != -1L;
        }

        void put(int slot, long key, int value) {
            keys[slot] = key;
            values[slot] = value;
            if (++size * 2 > keys.length) {
                long[] oldKeys = keys;
                int[] oldValues = values;
                keys = filled(oldKeys.length * 2);
                values = new int[oldKeys.length * 2];
                for (int i = 0; i < oldKeys.length; i++) {
                    if (oldKeys[i] != -1L) {
                        int s = slot(oldKeys[i]);
                        keys[s] = oldKeys[i];
                        values[s] = oldValues[i];
                    }
                }
            }
        }
    }
}
