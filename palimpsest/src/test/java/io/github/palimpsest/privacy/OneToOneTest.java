package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.pipeline.CandidatePairs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-to-one posterior ({@link OneToOne#assignmentWeights}), the links it leads to ({@link OneToOne#links})
 * and the greedy solver. Records
 * 0..n-1 are source 0 and n..2n-1 source 1; weights are pair match weights in bits, prior included.
 */
class OneToOneTest {
    /** The default threshold, probability 0.95. */
    private static final double THRESHOLD = Math.log(19) / Math.log(2);

    /** Candidate pairs and their pair weights over two sources of {@code n} records each. */
    private static final class Pool {
        final int n;
        final List<Long> pairs = new ArrayList<>();
        final List<Double> weights = new ArrayList<>();

        Pool(int n) {
            this.n = n;
        }

        /** A candidate between record {@code a} of source 0 and record {@code b} of source 1; returns its index. */
        int pair(int a, int b, double weight) {
            pairs.add(CandidatePairs.pack(a, n + b));
            weights.add(weight);
            return pairs.size() - 1;
        }

        /** Records {@code from..to-1} of each source paired with their counterpart at {@code weight}. */
        Pool sureMates(int from, int to, double weight) {
            for (int i = from; i < to; i++) {
                pair(i, i, weight);
            }
            return this;
        }

        int[] sources() {
            int[] sourceOf = new int[2 * n];
            for (int i = n; i < 2 * n; i++) {
                sourceOf[i] = 1;
            }
            return sourceOf;
        }

        OneToOne.Links links() {
            return OneToOne.links(pairs.stream().mapToLong(Long::longValue).toArray(),
                    weights.stream().mapToDouble(Double::doubleValue).toArray(), sources(), THRESHOLD);
        }

        boolean linked(OneToOne.Links links, int candidate) {
            return Arrays.stream(links.indexes()).anyMatch(k -> k == candidate);
        }

        double[] assignment() {
            return OneToOne.assignmentWeights(pairs.stream().mapToLong(Long::longValue).toArray(),
                    weights.stream().mapToDouble(Double::doubleValue).toArray(), sources());
        }
    }

    @Test
    void aLoneCandidateWhereFewRecordsHaveMatesKeepsItsPairPosterior() {
        // 1,000 records a side and one candidate pair: the chance of a mate among the candidates is tiny, so
        // the one-to-one view adds nothing to the pair's own evidence.
        Pool pool = new Pool(1_000);
        int weak = pool.pair(0, 0, 2.0);
        double[] assignment = pool.assignment();
        assertEquals(2.0, assignment[weak], 0.01);
        assertTrue(assignment[weak] < THRESHOLD);
    }

    @Test
    void aLoneWeakCandidateIsNotLinkedEvenWhenEveryOtherRecordHasASureMate() {
        Pool pool = new Pool(100).sureMates(1, 100, 20);
        int weak = pool.pair(0, 0, -12.0); // odds 1:4096 as a pair
        double[] assignment = pool.assignment();
        assertTrue(assignment[weak] < THRESHOLD, "assignment weight " + assignment[weak]);
        assertTrue(assignment[weak] < 0, "assignment weight " + assignment[weak]);
        OneToOne.Links links = pool.links();
        assertFalse(pool.linked(links, weak));
        assertEquals(99, links.indexes().length);
        assertEquals(0, links.promoted());
    }

    @Test
    void aClearMutualBestBelowThePairThresholdIsLinkedWhereNearlyEveryRecordHasAMate() {
        Pool pool = new Pool(100).sureMates(1, 100, 20);
        int mutualBest = pool.pair(0, 0, 2.0); // probability 0.8 as a pair: below the threshold
        double[] assignment = pool.assignment();
        assertTrue(assignment[mutualBest] >= THRESHOLD, "assignment weight " + assignment[mutualBest]);
        for (int k = 0; k < assignment.length; k++) {
            assertTrue(assignment[k] >= THRESHOLD);
        }
        OneToOne.Links links = pool.links();
        assertTrue(pool.linked(links, mutualBest));
        assertEquals(100, links.indexes().length);
        assertEquals(1, links.promoted());
        // Promoted, it enters at the threshold: the assignment never makes a link stronger than its evidence.
        assertEquals(THRESHOLD, links.weights()[Arrays.binarySearch(links.indexes(), mutualBest)]);
    }

    @Test
    void twoCloseCandidatesAreBothTooUncertainToLink() {
        // Record 0 of source 0 has two candidates of similar strength, neither of which has another candidate:
        // either could be its mate, so neither reaches 0.95 however strong each is as a pair.
        Pool pool = new Pool(100).sureMates(2, 100, 20);
        int first = pool.pair(0, 0, 12.0);
        int second = pool.pair(0, 1, 11.0);
        double[] assignment = pool.assignment();
        assertTrue(assignment[first] < THRESHOLD, "assignment weight " + assignment[first]);
        assertTrue(assignment[second] < THRESHOLD, "assignment weight " + assignment[second]);
        assertTrue(assignment[first] > assignment[second]);
        // Each pair's own evidence suffices (as when the two are records of one person): the stronger links.
        OneToOne.Links links = pool.links();
        assertTrue(pool.linked(links, first));
        assertFalse(pool.linked(links, second));
        assertEquals(12.0, links.weights()[Arrays.binarySearch(links.indexes(), first)]);
    }

    @Test
    void closeCandidatesBelowTheThresholdStayUnlinked() {
        Pool pool = new Pool(100).sureMates(2, 100, 20);
        int first = pool.pair(0, 0, 3.0);
        int second = pool.pair(0, 1, 2.5);
        OneToOne.Links links = pool.links();
        assertFalse(pool.linked(links, first));
        assertFalse(pool.linked(links, second));
    }

    @Test
    void aCompetitorThatIsClearlyAnotherRecordsMateCompetesLittle() {
        // Record 0 has candidates 0 (weak) and 1 (stronger), but 1 is record 1's clear mate: record 0's mate is 0.
        Pool pool = new Pool(100).sureMates(2, 100, 20);
        int weakButFree = pool.pair(0, 0, 3.0);
        int taken = pool.pair(0, 1, 5.0);
        int clearMate = pool.pair(1, 1, 18.0);
        double[] assignment = pool.assignment();
        assertTrue(assignment[weakButFree] >= THRESHOLD, "assignment weight " + assignment[weakButFree]);
        assertTrue(assignment[taken] < 0, "assignment weight " + assignment[taken]);
        assertTrue(assignment[clearMate] >= THRESHOLD);
        OneToOne.Links links = pool.links();
        assertTrue(pool.linked(links, weakButFree));
        assertTrue(pool.linked(links, clearMate));
        assertFalse(pool.linked(links, taken));
    }

    @Test
    void aRecordThatTwoRecordsCompeteForIsTheClearMateOfNeither() {
        // Source 1's record 0 is the only candidate of source 0's records 0 and 1, at equal weight: from its
        // side it cannot tell them apart, so neither is its clear mate under the assignment.
        Pool pool = new Pool(100).sureMates(2, 100, 20);
        int one = pool.pair(0, 0, 10.0);
        int other = pool.pair(1, 0, 10.0);
        double[] assignment = pool.assignment();
        assertTrue(assignment[one] < THRESHOLD);
        assertTrue(assignment[other] < THRESHOLD);
    }

    @Test
    void theAssignmentIsTheSameWhicheverWayTheCandidatesAreListed() {
        Pool forward = new Pool(50);
        forward.pair(0, 0, 3.0);
        forward.pair(0, 1, 4.0);
        forward.pair(1, 1, 12.0);
        forward.pair(2, 2, -1.0);
        forward.sureMates(3, 50, 15);
        Pool backward = new Pool(50);
        backward.pair(2, 2, -1.0);
        backward.pair(1, 1, 12.0);
        backward.pair(0, 1, 4.0);
        backward.pair(0, 0, 3.0);
        for (int i = 49; i >= 3; i--) {
            backward.pair(i, i, 15);
        }
        double[] a = forward.assignment();
        double[] b = backward.assignment();
        assertEquals(a[3], b[0], 1e-9); // (2, 2)
        assertEquals(a[2], b[1], 1e-9); // (1, 1)
        assertEquals(a[1], b[2], 1e-9); // (0, 1)
        assertEquals(a[0], b[3], 1e-9); // (0, 0)
    }

    @Test
    void aPairWithinOneSourceIsRefused() {
        long[] pairs = {CandidatePairs.pack(0, 1)};
        assertThrows(IllegalArgumentException.class,
                () -> OneToOne.assignmentWeights(pairs, new double[] {5}, new int[] {0, 0}));
    }

    @Test
    void theGreedySolverKeepsTheStrongestLinkOfEachRecord() {
        long[] pairs = {CandidatePairs.pack(0, 2), CandidatePairs.pack(0, 3), CandidatePairs.pack(1, 3)};
        double[] weights = {5, 8, 9};
        int[] kept = OneToOne.select(new int[] {0, 1, 2}, pairs, weights, new int[] {0, 0, 1, 1});
        assertArrayEquals(new int[] {0, 2}, kept);
    }
}
