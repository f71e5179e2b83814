package io.github.palimpsest.privacy;

import io.github.palimpsest.pipeline.CandidatePairs;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-to-one linkage across sources: the posterior of each candidate pair under the one-to-one assumption
 * ({@link #assignmentWeights}), and the greedy solver that keeps at most one link per record and other source
 * ({@link #select}).
 *
 * <p><b>Why a posterior under the assignment.</b> A pair's match weight judges the pair alone: its prior is
 * λ, the chance that two records drawn at random across the sources are one person, about 1 in the size of
 * the other source. When each record has at most one mate in the other source, a record does not compete
 * with that whole source but with its own candidates, and a record of the other source that is clearly
 * someone else's mate hardly competes at all. The model: a random partial matching between the sources whose
 * probability is the product of the odds o = 2^w of its pairs (w the pair weight, prior included), with
 * records of source s left without a mate among their candidates at prior odds q_s each. For two records
 * that are each other's only candidate the posterior odds are o / (q_s · q_t); a candidate with close
 * competitors is demoted; with q = 1 (almost no record has a mate) a lone pair keeps its own posterior. The
 * marginals are computed by belief propagation (sum-product) over the matching, the standard approximation
 * of the marginals of a random matching, exact on isolated pairs and on trees: a record's message to a
 * candidate is its odds of picking that candidate against its other candidates (each weighed by how free
 * that candidate is of its own other candidates) and the slack; the pair's posterior odds are o over the
 * rest of its row times the rest of its column. The messages are damped and the sweeps repeated until no
 * message moves by more than one part in a million, or 200 times (where a record has near-identical
 * candidates they may not settle; those pairs are close competitors, which the assignment does not promote).
 * {@link #links} uses the posterior only to promote pairs.
 *
 * <p><b>Estimating q without letting it degenerate.</b> The share ρ of source s's records with a mate among
 * their candidates in source t is the count the <em>pair</em> model itself expects: each record counts the
 * sum of its candidates' pair probabilities, at most one, and the count gets one pseudo-record with a mate
 * and one without (Laplace's rule of succession): q = (n_s − Σ_a min(1, Σ_j p_aj) + 1) / (n_s + 2), with
 * n_s all of s's records, candidates or not. Mates that blocking never proposed fall in q. The pair
 * probabilities ignore the one-to-one constraint, so they undercount the mates and q errs on the side of
 * caution; it stays above 1 / (n_s + 2) even when every record has a sure mate. Where few records have a
 * mate, q is near 1 and the assignment changes little.
 */
final class OneToOne {
    private static final Logger LOG = LoggerFactory.getLogger(OneToOne.class);

    /** Weights are clamped to this many bits before exponentiation, far beyond any real evidence. */
    private static final double WEIGHT_LIMIT = 500;
    /** Propagation stops when no message moves by more than this relative amount in a sweep... */
    private static final double TOLERANCE = 1e-6;
    /** ...or after this many sweeps; each costs one pass over the candidates. */
    private static final int MAX_SWEEPS = 200;

    private OneToOne() {
    }

    /** The links one-to-one linking keeps: candidate indexes in ascending order, and each link's weight. */
    record Links(int[] indexes, double[] weights, int promoted) {
    }

    /**
     * The one-to-one links. A pair is accepted when its own weight or its {@linkplain #assignmentWeights
     * assignment weight} reaches the threshold: the assignment promotes a pair whose records are clearly each
     * other's mate, but never rejects one whose own evidence suffices, since that evidence holds whether or
     * not the one-to-one assumption does (two records of one person in one source are close competitors, of
     * which either is a right link). The accepted pairs are then reduced by {@link #select}, strongest first by
     * the larger of the two weights. A link's weight is its pair weight, or the threshold for a promoted pair:
     * the assignment never makes a link stronger than its own evidence, so only that evidence can reach the
     * overwhelming weight that joins records with different PNC, CRO or NI tokens.
     *
     * @param pairs     packed candidate pairs, every one across two sources
     * @param weights   pair match weights in bits (prior included), by candidate index
     * @param sourceOf  the source of each record
     * @param threshold the threshold weight in bits
     */
    static Links links(long[] pairs, double[] weights, int[] sourceOf, double threshold) {
        double[] assignment = assignmentWeights(pairs, weights, sourceOf);
        double[] strength = new double[pairs.length];
        int[] accepted = new int[pairs.length];
        int count = 0;
        for (int k = 0; k < pairs.length; k++) {
            strength[k] = Math.max(weights[k], assignment[k]);
            if (strength[k] >= threshold) {
                accepted[count++] = k;
            }
        }
        int[] kept = select(Arrays.copyOf(accepted, count), pairs, strength, sourceOf);
        double[] linkWeights = new double[kept.length];
        int promoted = 0;
        for (int i = 0; i < kept.length; i++) {
            linkWeights[i] = Math.max(weights[kept[i]], threshold);
            if (weights[kept[i]] < threshold) {
                promoted++;
            }
        }
        return new Links(kept, linkWeights, promoted);
    }

    /**
     * The indexes of {@code linkIndexes} kept, in ascending order: links taken strongest first, ties by
     * ascending record pair, a link kept when neither record already has a kept link into the other's source
     * (the greedy solver of two-party linkage, as in anonlink and recordlinkage). Greedy rather than an optimal
     * assignment: with well-separated weights they agree, and greedy is deterministic, linear after the sort
     * and never keeps a weaker link in place of a stronger one that shares a record.
     *
     * @param linkIndexes candidate indexes of the links to choose among
     * @param pairs       packed candidate pairs, by candidate index
     * @param weights     the weights to order by, by candidate index
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

    /**
     * The one-to-one weight of every candidate pair, in bits: log2 of the odds that the two records are each
     * other's mate, judged against each record's other candidates in the other's source and the chance that it
     * has no mate among them (see the class comment). The smaller of the two records' views is taken.
     * Deterministic: sums run in candidate order.
     *
     * @param pairs    packed candidate pairs, every one across two sources
     * @param weights  pair match weights in bits (prior included), by candidate index
     * @param sourceOf the source of each record
     * @return the assignment weights, by candidate index
     * @throws IllegalArgumentException if a candidate pair lies within one source
     */
    static double[] assignmentWeights(long[] pairs, double[] weights, int[] sourceOf) {
        double[] result = new double[pairs.length];
        int n = sourceOf.length;
        int sources = Arrays.stream(sourceOf).max().orElse(0) + 1;
        long[] sourceSize = new long[sources];
        for (int s : sourceOf) {
            sourceSize[s]++;
        }
        // Group the candidates by pair of sources: each pair of sources is its own assignment problem.
        long[] byGroup = new long[pairs.length];
        for (int k = 0; k < pairs.length; k++) {
            int s = sourceOf[CandidatePairs.left(pairs[k])];
            int t = sourceOf[CandidatePairs.right(pairs[k])];
            if (s == t) {
                throw new IllegalArgumentException("candidate " + k + " pairs two records of one source");
            }
            long group = (long) Math.min(s, t) * sources + Math.max(s, t);
            byGroup[k] = group << 32 | k;
        }
        Arrays.sort(byGroup);
        Scratch scratch = new Scratch(n);
        for (int from = 0; from < byGroup.length; ) {
            int to = from;
            while (to < byGroup.length && byGroup[to] >>> 32 == byGroup[from] >>> 32) {
                to++;
            }
            int[] group = new int[to - from];
            for (int g = 0; g < group.length; g++) {
                group[g] = (int) byGroup[from + g];
            }
            assign(group, pairs, weights, sourceOf, sourceSize, scratch, result);
            from = to;
        }
        return result;
    }

    /** Per-record working arrays, reused across groups; only the group's records are touched. */
    private static final class Scratch {
        final double[] sum;
        final double[] largest;
        final int[] largestAt;
        final double[] rest;

        Scratch(int n) {
            sum = new double[n];
            largest = new double[n];
            largestAt = new int[n];
            rest = new double[n];
        }
    }

    /** One pair of sources: the candidates {@code group} (ascending), rows the lower source, columns the other. */
    private static void assign(int[] group, long[] pairs, double[] weights, int[] sourceOf, long[] sourceSize,
                               Scratch s, double[] result) {
        int size = group.length;
        int[] row = new int[size];
        int[] column = new int[size];
        double[] odds = new double[size];
        for (int g = 0; g < size; g++) {
            int k = group[g];
            int a = CandidatePairs.left(pairs[k]);
            int b = CandidatePairs.right(pairs[k]);
            boolean aFirst = sourceOf[a] < sourceOf[b];
            row[g] = aFirst ? a : b;
            column[g] = aFirst ? b : a;
            odds[g] = Math.pow(2, Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, weights[k])));
        }
        double rowSlack = slack(row, odds, sourceSize[sourceOf[row[0]]], s);
        double columnSlack = slack(column, odds, sourceSize[sourceOf[column[0]]], s);
        // Belief propagation over the matching. toRow[g]: how freely the column record of candidate g can take
        // its row record, given the column's other candidates and its slack (1 / (slack + Σ others' messages));
        // toColumn[g]: the odds that the row record picks that column, given the row's other candidates.
        double[] toRow = new double[size];
        double[] toColumn = new double[size];
        double[] term = new double[size];
        Arrays.fill(toRow, 1 / columnSlack);
        double[] rowRest = null;
        double[] columnRest = null;
        int sweeps = 0;
        double moved = Double.POSITIVE_INFINITY;
        while (sweeps < MAX_SWEEPS && moved > TOLERANCE) {
            sweeps++;
            for (int g = 0; g < size; g++) {
                term[g] = odds[g] * toRow[g];
            }
            rowRest = restSums(row, term, rowSlack, s);
            for (int g = 0; g < size; g++) {
                toColumn[g] = odds[g] / rowRest[g];
            }
            columnRest = restSums(column, toColumn, columnSlack, s);
            moved = 0;
            for (int g = 0; g < size; g++) {
                // Damped (geometric mean of old and new): undamped, two records of one person in the other
                // source make the messages oscillate between them.
                double updated = Math.sqrt(toRow[g] / columnRest[g]);
                moved = Math.max(moved, Math.abs(updated - toRow[g]) / updated);
                toRow[g] = updated;
            }
        }
        LOG.info("one-to-one assignment: {} candidates, no-mate prior {} and {}, {} sweeps{}", size,
                String.format("%.4f", rowSlack), String.format("%.4f", columnSlack), sweeps,
                moved > TOLERANCE ? String.format(" (not converged: last change %.2g)", moved) : "");
        for (int g = 0; g < size; g++) {
            term[g] = odds[g] * toRow[g];
        }
        rowRest = restSums(row, term, rowSlack, s);
        for (int g = 0; g < size; g++) {
            // The marginal odds of the pair: its odds against the rest of the row and the rest of the column.
            double bits = Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, weights[group[g]]))
                    - Math.log(rowRest[g]) / Math.log(2) - Math.log(columnRest[g]) / Math.log(2);
            result[group[g]] = Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, bits));
        }
    }

    /**
     * The prior odds scale of "no mate among the candidates" for the records on one side: (n − Σ min(1, Σ p)
     * + 1) / (n + 2), with p the pair probabilities and n every record of that side's source.
     */
    private static double slack(int[] side, double[] odds, long sourceRecords, Scratch s) {
        for (int r : side) {
            s.sum[r] = 0;
        }
        for (int g = 0; g < side.length; g++) {
            s.sum[side[g]] += odds[g] / (1 + odds[g]);
        }
        double withMate = 0;
        for (int g = 0; g < side.length; g++) {
            int r = side[g];
            if (s.sum[r] >= 0) { // each record once: mark it counted
                withMate += Math.min(1, s.sum[r]);
                s.sum[r] = -1;
            }
        }
        return (sourceRecords - withMate + 1) / (sourceRecords + 2.0);
    }

    /**
     * For each candidate g: {@code slack} plus the sum of {@code term} over the other candidates of the same
     * record of {@code side}. The largest term of each record is left out of its own sum directly rather than
     * subtracted, which would cancel.
     */
    private static double[] restSums(int[] side, double[] term, double slack, Scratch s) {
        for (int r : side) {
            s.sum[r] = slack;
            s.largest[r] = -1;
            s.rest[r] = slack;
        }
        for (int g = 0; g < side.length; g++) {
            int r = side[g];
            s.sum[r] += term[g];
            if (term[g] > s.largest[r]) {
                s.largest[r] = term[g];
                s.largestAt[r] = g;
            }
        }
        for (int g = 0; g < side.length; g++) {
            if (s.largestAt[side[g]] != g) {
                s.rest[side[g]] += term[g];
            }
        }
        double[] rest = new double[side.length];
        for (int g = 0; g < side.length; g++) {
            int r = side[g];
            rest[g] = s.largestAt[r] == g ? s.rest[r] : Math.max(slack, s.sum[r] - term[g]);
        }
        return rest;
    }
}
