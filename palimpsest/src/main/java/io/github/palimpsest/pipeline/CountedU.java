package io.github.palimpsest.pipeline;

import io.github.palimpsest.block.BlockingReport;
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
 * <p>How. When a blocking rule pairs every two records that share the value (a rule named like the
 * comparison, keyed on the value, whose blocks were never cut down to a sorted window), every pair that
 * agrees is a candidate. The non-matches among all pairs that agree are then the candidates that agree,
 * each counted by the model's probability that it is not a match; {@code u} of the agreeing level is that
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

    /** A comparison whose agreement u is counted, its neutral level, and how many records have a value. */
    private record Counted(int comparison, String name, int missing, long withValue) {
    }

    /**
     * The model with {@code u} of each completely blocked identifier's agreeing level counted.
     *
     * @param levels the level of each candidate pair, per comparison: {@code levels[c][k]}
     * @param pseudoCount the Laplace pseudo-count added to the agreements, as for sampled u
     */
    public static MatchModel withCountedU(MatchModel model, List<Comparison<ComparableRecord>> comparisons,
            BlockingReport blocking, List<ComparableRecord> comparable, Candidates candidates, byte[][] levels,
            double pseudoCount) {
        List<Counted> counted = countable(comparisons, blocking, comparable);
        if (counted.isEmpty()) {
            return model;
        }
        int[] pairs = pairsWithAValue(counted, levels, candidates.size());
        // The count needs each agreeing pair's match probability, which depends on the u being counted (a pair
        // that agrees only on its PNC ID is a non-match under the sampled u): iterate to a fixed point.
        MatchModel current = model;
        int iterations = 0;
        double change = Double.POSITIVE_INFINITY;
        while (change >= TOLERANCE && iterations < MAXIMUM_ITERATIONS) {
            iterations++;
            double[] probability = matchProbabilities(current, levels, pairs);
            MatchModelBuilder builder = current.toBuilder();
            change = 0;
            for (Counted c : counted) {
                double u = countedU(c, levels[c.comparison()], pairs, probability, pseudoCount);
                change = Math.max(change, Math.abs(Math.log(u / current.u(c.comparison(), EQUAL))));
                builder.u(c.name(), withAgreement(model, c, u));
            }
            current = builder.build();
        }
        for (Counted c : counted) {
            LOG.info("{}: u of agreement counted over every pair: {} (sampled {}), {} iterations", c.name(),
                    String.format("%.3g", current.u(c.comparison(), EQUAL)),
                    String.format("%.3g", model.u(c.comparison(), EQUAL)), iterations);
        }
        return current;
    }

    /**
     * The identifier comparisons whose every agreeing pair is a candidate: a blocking rule of the same name
     * ran without an oversize block.
     */
    private static List<Counted> countable(List<Comparison<ComparableRecord>> comparisons, BlockingReport blocking,
            List<ComparableRecord> comparable) {
        Map<String, BlockingReport.RuleSummary> rules = new HashMap<>();
        for (BlockingReport.RuleSummary rule : blocking.rules()) {
            rules.put(rule.name(), rule);
        }
        List<Counted> counted = new ArrayList<>();
        for (int c = 0; c < comparisons.size(); c++) {
            Comparison<ComparableRecord> comparison = comparisons.get(c);
            BlockingReport.RuleSummary rule = rules.get(comparison.name());
            if (!isIdentifier(comparison) || rule == null || rule.oversizeBlocks() > 0) {
                continue;
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
                counted.add(new Counted(c, comparison.name(), missing, withValue));
            }
        }
        return counted;
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

    /** (non-matches that agree + pseudo-count) / (non-matching pairs with both values + pseudo-count). */
    private static double countedU(Counted c, byte[] level, int[] pairs, double[] probability, double pseudoCount) {
        double nonMatchAgreements = 0;
        double matchesWithBothValues = 0;
        for (int k = 0; k < pairs.length; k++) {
            int l = level[pairs[k]];
            if (l == EQUAL) {
                nonMatchAgreements += 1 - probability[k];
            }
            if (l != c.missing()) {
                matchesWithBothValues += probability[k];
            }
        }
        double nonMatchPairs = Math.max(1, c.withValue() * (c.withValue() - 1) / 2.0 - matchesWithBothValues);
        return (nonMatchAgreements + pseudoCount) / (nonMatchPairs + pseudoCount);
    }

    /** The sampled u with agreement set to {@code u} and the other informative levels rescaled to match. */
    private static double[] withAgreement(MatchModel sampled, Counted counted, double u) {
        int c = counted.comparison();
        double[] perLevel = new double[sampled.levels(c).size()];
        double scale = (1 - u) / (1 - sampled.u(c, EQUAL));
        for (int l = 0; l < perLevel.length; l++) {
            perLevel[l] = l == EQUAL ? u : l == counted.missing() ? sampled.u(c, l) : sampled.u(c, l) * scale;
        }
        return perLevel;
    }

    /** The candidate pairs in which both records have a value for at least one counted comparison. */
    private static int[] pairsWithAValue(List<Counted> counted, byte[][] levels, int candidateCount) {
        int[] pairs = new int[candidateCount];
        int size = 0;
        for (int k = 0; k < candidateCount; k++) {
            for (Counted c : counted) {
                if (levels[c.comparison()][k] != c.missing()) {
                    pairs[size++] = k;
                    break;
                }
            }
        }
        return Arrays.copyOf(pairs, size);
    }

    private static double[] matchProbabilities(MatchModel model, byte[][] levels, int[] pairs) {
        double[] probability = new double[pairs.length];
        int[] vector = new int[levels.length];
        for (int k = 0; k < pairs.length; k++) {
            for (int c = 0; c < levels.length; c++) {
                vector[c] = levels[c][pairs[k]];
            }
            probability[k] = MatchModel.probability(model.matchWeight(vector));
        }
        return probability;
    }
}
