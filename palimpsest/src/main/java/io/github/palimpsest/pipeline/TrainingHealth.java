package io.github.palimpsest.pipeline;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The health check of a model trained without labels (docs/model.md, "Health check"): whether it says what
 * any sensible person-matching model says, whatever the data. EM over the candidate pairs can settle on a
 * wrong mixture — a "match" class of pairs that disagree on the forename, or a prior that leaves pairs
 * agreeing on everything below the threshold — and nothing in EM itself notices. Three rules, none tuned
 * to a data set:
 * <ol>
 *   <li>exact agreement on the forename, the surname and the date of birth each weighs for a match
 *       ({@code m > u}) wherever the pool has those fields;</li>
 *   <li>the <em>sure pairs</em> — candidates that agree exactly on forename, surname and date of birth, or
 *       share a valid PNC ID, CRO or NI number — are, with rare exceptions, the same person, so at least
 *       half of them must score at or above the threshold;</li>
 *   <li>the prior must expect, over the whole pool, at least half as many matches as there are sure pairs.</li>
 * </ol>
 * The caller finds the sure pairs (the batch run from its records, the token run from its tokens) and
 * scores the candidates; this class only judges. Stateless.
 */
public final class TrainingHealth {
    /** The comparisons whose exact agreement must weigh for a match, and that define a sure pair together. */
    public static final List<String> NAME_AND_DOB = List.of("forename", "surname", "dob");

    private TrainingHealth() {
    }

    /**
     * What is wrong with a trained model, or empty when it passes all three rules.
     *
     * @param weights      the weight of each candidate pair as the run scores it with {@code model}
     * @param surePairs    the indexes of the candidates that surely match (see the class comment)
     * @param levels       the level of each candidate pair, per comparison: {@code levels[c][k]}
     * @param totalPairs   the pairs the prior is defined over, n(n−1)/2
     */
    public static Optional<String> problem(MatchModel model, List<? extends Comparison<?>> comparisons,
                                    byte[][] levels, double[] weights, int[] surePairs, double thresholdWeight,
                                    long totalPairs) {
        IndexedModel indexed = IndexedModel.of(model);
        List<String> problems = new ArrayList<>();
        for (int c : nameAndDobIndexes(comparisons)) {
            if (hasData(levels[c], comparisons.get(c)) && !(indexed.levelWeight(c, 0) > 0)) {
                problems.add(String.format("exact %s agreement weighs %.1f bits, not for a match",
                        comparisons.get(c).name(), indexed.levelWeight(c, 0)));
            }
        }
        if (surePairs.length > 0) {
            int linked = 0;
            for (int k : surePairs) {
                if (weights[k] >= thresholdWeight) {
                    linked++;
                }
            }
            if (2L * linked < surePairs.length) {
                problems.add(String.format("only %,d of the %,d pairs that agree exactly on name and date of birth "
                        + "or share an identifier score at or above the threshold", linked, surePairs.length));
            }
            double expected = model.prior() * totalPairs;
            if (!(2 * expected >= surePairs.length)) {
                problems.add(String.format("the prior %.3g expects %.3g matches in the pool, fewer than half of "
                        + "the %,d sure pairs", model.prior(), expected, surePairs.length));
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static boolean hasData(byte[] levelsOfComparison, Comparison<?> comparison) {
        int neutral = comparison.levels().size();
        for (int l = 0; l < comparison.levels().size(); l++) {
            if (comparison.levels().get(l).isNeutral()) {
                neutral = l;
            }
        }
        for (byte l : levelsOfComparison) {
            if (l != neutral) {
                return true;
            }
        }
        return false;
    }

    /**
     * The indexes of the forename, surname and date-of-birth comparisons present, in model order: a pair at
     * level 0 of all three (when all three are present) agrees exactly on name and date of birth.
     */
    public static int[] nameAndDobIndexes(List<? extends Comparison<?>> comparisons) {
        List<Integer> found = new ArrayList<>();
        for (int c = 0; c < comparisons.size(); c++) {
            if (NAME_AND_DOB.contains(comparisons.get(c).name())) {
                found.add(c);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }
}
