package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.score.TestModels;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {

    private static final int PAIRS = 50_000;
    private static final double PROPORTION = 0.1;
    private static final double MISSING = 0.1;

    /** Draws one level from a distribution over the three non-neutral levels, or the neutral one. */
    private static int draw(SplittableRandom random, double[] p) {
        if (random.nextDouble() < MISSING) {
            return 3;
        }
        double x = random.nextDouble();
        return x < p[0] ? 0 : x < p[0] + p[1] ? 1 : 2;
    }

    /** Vectors drawn from a known two-class mixture: a share PROPORTION from m, the rest from u. */
    private static ComparisonVectors mixture(double[][] m, double[][] u, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ComparisonVectors.Builder b = ComparisonVectors.builder(4, 4, 4);
        int[] levels = new int[3];
        for (int i = 0; i < PAIRS; i++) {
            double[][] source = random.nextDouble() < PROPORTION ? m : u;
            for (int c = 0; c < 3; c++) {
                levels[c] = draw(random, source[c]);
            }
            b.add(levels);
        }
        return b.build();
    }

    private static ModelTrainer.Builder trainer() {
        ModelTrainer.Builder b = ModelTrainer.builder();
        for (String name : TestModels.NAMES) {
            b.comparison(name, TestModels.FOUR_LEVELS);
        }
        return b;
    }

    private static void assertRecovers(double[][] expected, MatchModel model, double tolerance) {
        for (int c = 0; c < 3; c++) {
            for (int l = 0; l < 3; l++) {
                assertEquals(expected[c][l], IndexedModel.of(model).m(c, l), tolerance, "m of level " + l + " of comparison " + c);
            }
        }
    }

    @Test
    void emRecoversKnownMAndPriorFromAMixture() {
        ComparisonVectors vectors = mixture(TestModels.TRUE_M, TestModels.TRUE_U, 11);
        double[][] flatM = {{0.5, 0.3, 0.2, 1}, {0.5, 0.3, 0.2, 1}, {0.5, 0.3, 0.2, 1}};
        long totalPairs = 10L * PAIRS; // so λ = π / 10 = 0.01
        // Random pairs hold matches in the proportion λ: what they show is λ·m + (1 − λ)·u.
        double[][] sampled = new double[3][4];
        for (int c = 0; c < 3; c++) {
            for (int l = 0; l < 3; l++) {
                sampled[c][l] = 0.01 * TestModels.TRUE_M[c][l] + 0.99 * TestModels.TRUE_U[c][l];
            }
            sampled[c][3] = 1;
        }
        MatchModel start = TestModels.withParameters(flatM, sampled, 0.003);
        MatchModel trained = trainer().removeSampledMatches(true).build().estimateMAndPrior(start, vectors, totalPairs);
        MatchModel kept = trainer().build().estimateMAndPrior(start, vectors, totalPairs);
        assertEquals(sampled[0][0], IndexedModel.of(kept).u(0, 0), "by default the sampled u is kept");
        assertRecovers(TestModels.TRUE_M, trained, 0.02);
        assertEquals(0.01, trained.prior(), 0.001);
        for (int c = 0; c < 3; c++) {
            for (int l = 0; l < 3; l++) {
                assertEquals(TestModels.TRUE_U[c][l], IndexedModel.of(trained).u(c, l), 0.001,
                        "the sampled u less the matches among the sampled pairs");
            }
        }
        assertEquals(0.0, IndexedModel.of(trained).levelWeight(0, 3));
        assertTrue(IndexedModel.of(trained).termFrequencyLevel(0).isPresent(), "term-frequency level carried over");
    }

    @Test
    void aLevelNoCandidatePairTakesIsNoEvidenceForAMatch() {
        ComparisonVectors mixed = mixture(TestModels.TRUE_M, TestModels.TRUE_U, 13);
        // The same pairs, but comparison 0 never at level 1 (say no record holds an initial): those pairs
        // move to level 2.
        ComparisonVectors.Builder without = ComparisonVectors.builder(4, 4, 4);
        for (int i = 0; i < mixed.distinctCount(); i++) {
            int[] pattern = mixed.pattern(i).clone();
            if (pattern[0] == 1) {
                pattern[0] = 2;
            }
            without.add(pattern, mixed.countAt(i));
        }
        double[][] flatM = {{0.5, 0.3, 0.2, 1}, {0.5, 0.3, 0.2, 1}, {0.5, 0.3, 0.2, 1}};
        MatchModel start = TestModels.withParameters(flatM, TestModels.TRUE_U, 0.003);
        MatchModel trained = trainer().build().estimateMAndPrior(start, without.build(), 10L * PAIRS);
        IndexedModel model = IndexedModel.of(trained);
        // Its m is only a pseudo-count, which against u would be evidence out of nothing; capped at u.
        assertTrue(model.levelWeight(0, 1) <= 1e-9, "unseen level weighs " + model.levelWeight(0, 1));
        assertTrue(model.levelWeight(0, 0) > 1, "a seen agreement level still weighs for a match");
        double mSum = model.m(0, 0) + model.m(0, 1) + model.m(0, 2);
        assertEquals(1.0, mSum, 1e-9, "m still sums to 1 over the informative levels");
        // Seen levels keep what EM gave them, up to the renormalisation.
        MatchModel uncapped = trainer().build().estimateMAndPrior(start, mixed, 10L * PAIRS);
        assertTrue(IndexedModel.of(uncapped).levelWeight(0, 1) > 0, "seen, level 1 is evidence for a match");
    }

    @Test
    void emWithEstimatedUCopesWithCandidatesThatAgreeMoreThanRandomPairs() {
        // Blocking makes non-matching candidates agree far more often than random pairs do.
        double[][] candidateU = {{0.20, 0.30, 0.50, 1}, {0.10, 0.30, 0.60, 1}, {0.30, 0.30, 0.40, 1}};
        ComparisonVectors vectors = mixture(TestModels.TRUE_M, candidateU, 12);
        MatchModel flatStart = TestModels.withParameters(
                new double[][] {{0.6, 0.3, 0.1, 1}, {0.6, 0.3, 0.1, 1}, {0.6, 0.3, 0.1, 1}}, TestModels.TRUE_U, 0.05);
        MatchModel trained = trainer().fixU(false).removeSampledMatches(true).build()
                .estimateMAndPrior(flatStart, vectors, PAIRS);
        // Over ten seeds the largest error of any m was 0.045: harder to estimate, not biased.
        assertRecovers(TestModels.TRUE_M, trained, 0.05);
        assertEquals(PROPORTION, trained.prior(), 0.015);
        // For scoring the model keeps the sampled u (less the matches among the sampled pairs), not the candidates'.
        boolean[] neutral = {false, false, false, true};
        double[] strangers = ModelTrainer.withoutMatches(TestModels.TRUE_U[1], new double[] {IndexedModel.of(trained).m(1, 0),
                IndexedModel.of(trained).m(1, 1), IndexedModel.of(trained).m(1, 2), 1}, trained.prior(), neutral, 1.0 / PAIRS);
        assertEquals(strangers[0], IndexedModel.of(trained).u(1, 0), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> trainer().build().estimateMAndPrior(flatStart, ComparisonVectors.builder(4, 4).build(), PAIRS));
    }

    @Test
    void uFixedFromRandomPairsOverstatesMatchesWhenCandidatesAgreeMoreThanRandomPairs() {
        // Why u is estimated among the candidates by default: with u fixed at random-pair values, EM
        // explains the extra agreement of blocked non-matches as matches.
        double[][] candidateU = {{0.20, 0.30, 0.50, 1}, {0.10, 0.30, 0.60, 1}, {0.30, 0.30, 0.40, 1}};
        ComparisonVectors vectors = mixture(TestModels.TRUE_M, candidateU, 12);
        MatchModel start = TestModels.withParameters(
                new double[][] {{0.6, 0.3, 0.1, 1}, {0.6, 0.3, 0.1, 1}, {0.6, 0.3, 0.1, 1}}, TestModels.TRUE_U, 0.05);
        MatchModel fixed = trainer().fixU(true).build().estimateMAndPrior(start, vectors, PAIRS);
        MatchModel estimated = trainer().build().estimateMAndPrior(start, vectors, PAIRS);
        assertTrue(fixed.prior() > 0.5, "fixed u: " + fixed.prior());
        assertEquals(PROPORTION, estimated.prior(), 0.015);
    }

    @Test
    void emWithUFixedRecoversMWhenCandidatesAgreeLikeRandomPairs() {
        ComparisonVectors vectors = mixture(TestModels.TRUE_M, TestModels.TRUE_U, 14);
        MatchModel start = TestModels.withParameters(
                new double[][] {{0.5, 0.3, 0.2, 1}, {0.5, 0.3, 0.2, 1}, {0.5, 0.3, 0.2, 1}}, TestModels.TRUE_U, 0.05);
        MatchModel trained = trainer().fixU(true).build().estimateMAndPrior(start, vectors, PAIRS);
        assertRecovers(TestModels.TRUE_M, trained, 0.02);
        assertEquals(PROPORTION, trained.prior(), 0.01);
    }

    @Test
    void trainingIsDeterministic() {
        ComparisonVectors vectors = mixture(TestModels.TRUE_M, TestModels.TRUE_U, 13);
        MatchModel start = TestModels.threeComparisons();
        ModelTrainer trainer = trainer().build();
        assertEquals(trainer.estimateMAndPrior(start, vectors, 10L * PAIRS),
                trainer.estimateMAndPrior(start, vectors, 10L * PAIRS));
    }

    @Test
    void noCandidatesLeaveTheStartingModelUntouched() {
        MatchModel start = TestModels.threeComparisons();
        assertSame(start, trainer().build().estimateMAndPrior(start, ComparisonVectors.builder(4, 4, 4).build(), 100));
    }

    @Test
    void candidatesCannotOutnumberThePairsOfThePool() {
        ComparisonVectors vectors = ComparisonVectors.builder(4, 4, 4).add(new int[] {0, 0, 0}, 11).build();
        assertThrows(IllegalArgumentException.class,
                () -> trainer().build().estimateMAndPrior(TestModels.threeComparisons(), vectors, 10));
    }

    /** Records whose "bucket" is index % 10, missing for every seventh record. */
    private static int[] bucketLevels(int i, int j) {
        if (i % 7 == 0 || j % 7 == 0) {
            return new int[] {2};
        }
        return new int[] {i % 10 == j % 10 ? 0 : 1};
    }

    private static final List<ComparisonLevel> BUCKET_LEVELS = List.of(ComparisonLevel.of("same"),
            ComparisonLevel.of("different"), ComparisonLevel.neutral("missing"));

    @Test
    void uIsTheShareOfRandomPairsAtEachLevelIgnoringMissingOnes() {
        ModelTrainer trainer = ModelTrainer.builder().comparison("bucket", BUCKET_LEVELS)
                .uSamplePairs(200_000).seed(5).build();
        MatchModel model = trainer.estimateU(10_000, ModelTrainerTest::bucketLevels, 1e-4);
        assertEquals(0.1, IndexedModel.of(model).u(0, 0), 0.005);
        assertEquals(1.0, IndexedModel.of(model).u(0, 0) + IndexedModel.of(model).u(0, 1), 1e-12);
        assertEquals(1e-4, model.prior());
        assertTrue(IndexedModel.of(model).m(0, 0) > IndexedModel.of(model).m(0, 1), "starting m favours the most similar level");
    }

    @Test
    void smallPoolsAreComparedExhaustivelyAndExactly() {
        int n = 40;
        long same = 0;
        long present = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int level = bucketLevels(i, j)[0];
                same += level == 0 ? 1 : 0;
                present += level < 2 ? 1 : 0;
            }
        }
        ModelTrainer trainer = ModelTrainer.builder().comparison("bucket", BUCKET_LEVELS).laplaceSmoothing(0)
                .uSamplePairs(ModelTrainer.pairCount(n)).build();
        MatchModel model = trainer.estimateU(n, ModelTrainerTest::bucketLevels, 0.01);
        assertEquals((double) same / present, IndexedModel.of(model).u(0, 0), 1e-12);
    }

    @Test
    void sampledUIsDeterministicForASeedAndVariesWithIt() {
        ModelTrainer.Builder b = ModelTrainer.builder().comparison("bucket", BUCKET_LEVELS).uSamplePairs(5_000);
        MatchModel first = b.seed(1).build().estimateU(10_000, ModelTrainerTest::bucketLevels, 1e-4);
        MatchModel again = b.seed(1).build().estimateU(10_000, ModelTrainerTest::bucketLevels, 1e-4);
        MatchModel other = b.seed(2).build().estimateU(10_000, ModelTrainerTest::bucketLevels, 1e-4);
        assertEquals(first, again);
        assertNotEquals(IndexedModel.of(first).u(0, 0), IndexedModel.of(other).u(0, 0));
    }

    @Test
    void aLevelNeverSeenStillGetsAPositiveU() {
        ModelTrainer trainer = ModelTrainer.builder().comparison("bucket", BUCKET_LEVELS).build();
        MatchModel model = trainer.estimateU(50, (i, j) -> new int[] {1}, 1e-3);
        assertTrue(IndexedModel.of(model).u(0, 0) > 0 && Double.isFinite(IndexedModel.of(model).levelWeight(0, 0)));
    }

    @Test
    void malformedLevelArraysFromTheCallerAreReported() {
        ModelTrainer trainer = ModelTrainer.builder().comparison("bucket", BUCKET_LEVELS).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> trainer.estimateU(10, (i, j) -> new int[] {3}, 1e-3));
        assertTrue(e.getMessage().contains("'bucket'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> trainer.estimateU(10, (i, j) -> new int[] {0, 0}, 1e-3));
    }

    @Test
    void trainerNeedsComparisonsWithExactlyOneNeutralLevel() {
        assertThrows(IllegalArgumentException.class, () -> ModelTrainer.builder().build());
        assertThrows(IllegalArgumentException.class, () -> ModelTrainer.builder()
                .comparison("x", List.of(ComparisonLevel.of("a"), ComparisonLevel.of("b"))).build());
        assertThrows(IllegalArgumentException.class, () -> ModelTrainer.builder().maxIterations(0));
    }

    /** Fictional records: codes for surname, forename and birth year, with typos, near-misses and gaps. */
    private record Synthetic(int[] person, int[][] values) {
        static Synthetic generate(int people, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int[] sizes = {400, 200, 80};
            java.util.List<int[]> rows = new java.util.ArrayList<>();
            java.util.List<Integer> owners = new java.util.ArrayList<>();
            for (int p = 0; p < people; p++) {
                int[] truth = {random.nextInt(sizes[0]), random.nextInt(sizes[1]), random.nextInt(sizes[2])};
                int copies = 1 + random.nextInt(2);
                for (int k = 0; k < copies; k++) {
                    int[] row = new int[3];
                    for (int c = 0; c < 3; c++) {
                        double x = random.nextDouble();
                        // 5% missing, 8% a near miss (same code >> 1), 2% anything, else the truth.
                        row[c] = x < 0.05 ? -1 : x < 0.13 ? truth[c] ^ 1 : x < 0.15 ? random.nextInt(sizes[c]) : truth[c];
                    }
                    rows.add(row);
                    owners.add(p);
                }
            }
            return new Synthetic(owners.stream().mapToInt(Integer::intValue).toArray(), rows.toArray(int[][]::new));
        }

        int[] levels(int i, int j) {
            int[] levels = new int[3];
            for (int c = 0; c < 3; c++) {
                int a = values[i][c];
                int b = values[j][c];
                levels[c] = a < 0 || b < 0 ? 3 : a == b ? 0 : a >> 1 == b >> 1 ? 1 : 2;
            }
            return levels;
        }
    }

    @Test
    void trainingEndToEndSeparatesDuplicatesFromOtherPairs() {
        Synthetic data = Synthetic.generate(600, 3);
        int n = data.person().length;
        ComparisonVectors.Builder candidates = ComparisonVectors.builder(4, 4, 4);
        long truePairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                candidates.add(data.levels(i, j));
                truePairs += data.person()[i] == data.person()[j] ? 1 : 0;
            }
        }
        MatchModel model = trainer().uSamplePairs(100_000).seed(9).build()
                .train(n, data::levels, candidates.build(), 1.0 / n);
        long linked = 0;
        long correct = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (MatchModel.probability(IndexedModel.of(model).matchWeight(data.levels(i, j))) > 0.5) {
                    linked++;
                    correct += data.person()[i] == data.person()[j] ? 1 : 0;
                }
            }
        }
        double precision = (double) correct / linked;
        double recall = (double) correct / truePairs;
        assertTrue(precision > 0.9 && recall > 0.85, "precision " + precision + ", recall " + recall);
        double trueLambda = (double) truePairs / ModelTrainer.pairCount(n);
        assertEquals(trueLambda, model.prior(), trueLambda / 10);
        for (int c = 0; c < 3; c++) {
            assertTrue(IndexedModel.of(model).levelWeight(c, 0) > IndexedModel.of(model).levelWeight(c, 1)
                    && IndexedModel.of(model).levelWeight(c, 1) > IndexedModel.of(model).levelWeight(c, 2), "weights fall with similarity");
        }
    }

    @Test
    void theMatchesAmongRandomPairsAreTakenOutOfU() {
        boolean[] neutral = {false, false, false, true};
        double[] m = {0.90, 0.08, 0.02, 1};
        double[] strangers = {0.001, 0.049, 0.95, 1};
        double prior = 0.004; // a small pool of people with many records each
        double[] sampled = new double[4];
        for (int l = 0; l < 3; l++) {
            sampled[l] = prior * m[l] + (1 - prior) * strangers[l];
        }
        sampled[3] = 1;
        double[] u = ModelTrainer.withoutMatches(sampled, m, prior, neutral, 1e-6);
        for (int l = 0; l < 3; l++) {
            assertEquals(strangers[l], u[l], 1e-12, "level " + l);
        }
        assertEquals(1.0, u[3], "the neutral level is left as it was");
        // Agreement was 0.0046 among random pairs, 0.001 among strangers: 2.2 bits of evidence it had lost.
        assertTrue(Math.log(m[0] / u[0]) / Math.log(2) - Math.log(m[0] / sampled[0]) / Math.log(2) > 2);
        // Where the sample had fewer agreeing pairs than the matches account for, the floor, and the levels
        // still sum to one.
        double[] thin = {0.002, 0.048, 0.95, 1};
        double[] floored = ModelTrainer.withoutMatches(thin, m, prior, neutral, 1e-6);
        assertTrue(floored[0] > 0 && floored[0] < 2e-6, "floored: " + floored[0]);
        assertEquals(1.0, floored[0] + floored[1] + floored[2], 1e-12);
        // In a large pool λ is tiny and nothing changes that matters.
        double[] large = ModelTrainer.withoutMatches(strangers, m, 1e-9, neutral, 1e-9);
        for (int l = 0; l < 3; l++) {
            assertEquals(strangers[l], large[l], 1e-8);
        }
    }
}
