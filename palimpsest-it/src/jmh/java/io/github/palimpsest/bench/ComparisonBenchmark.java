package io.github.palimpsest.bench;

import io.github.palimpsest.block.PersonBlockingRules;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.PersonComparisons;
import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticForces;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the comparison kernels, in nanoseconds per record pair: each standard comparison alone, and all
 * fourteen together as the compare stage runs them. Pairs come from generated fictional cross-force
 * records (the synthetic generator, seed 42), either as blocking proposes them ({@code candidates}: many
 * agree, so the cheap exact levels are hit often) or drawn at random as u sampling draws them
 * ({@code random}: nearly all disagree, so similarity and phonetic levels are reached).
 *
 * <p>{@code kernel} times the comparison over pairs of a pool of 6,000 records, which fits in the
 * processor's caches: the cost of the code. {@code allOverLargePool} times all comparisons over the
 * candidate pairs of 300,000 records, in the order the pipeline visits them, which does not fit: the cost
 * the compare stage of a large run actually pays, memory misses included. Run with
 * {@code ./mvnw -o -pl palimpsest-it -am -Pbench test-compile exec:exec -Dbench.args="ComparisonBenchmark"}; results are in
 * {@code docs/performance.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ComparisonBenchmark {
    static final int PAIRS = 1 << 14;
    private static final LocalDate REFERENCE = LocalDate.of(2025, 1, 1);

    static ComparableRecord[] generate(int people) {
        ComparableRecordFactory factory = ComparableRecordFactory.create();
        return SyntheticForces.builder().people(people).seed(42).referenceDate(REFERENCE).build().generate()
                .records().stream().map(g -> factory.of(g.toPersonRecord(REFERENCE))).toArray(ComparableRecord[]::new);
    }

    static CandidatePairs candidates(ComparableRecord[] records) {
        return Blocker.<ComparableRecord>builder().rules(PersonBlockingRules.standard()).build()
                .candidates(List.of(records));
    }

    /** A small pool, its pairs, and one comparison (or all of them). */
    @State(Scope.Benchmark)
    public static class Kernel {
        @Param({"forename", "surname", "dob", "sex", "pnc_id", "cro_number", "ni_number", "driving_licence",
                "warrant_number", "id_*", "phone", "email", "postcode", "address", "all"})
        public String comparison;

        @Param({"candidates", "random"})
        public String pairs;

        ComparableRecord[] left = new ComparableRecord[PAIRS];
        ComparableRecord[] right = new ComparableRecord[PAIRS];
        Comparison<ComparableRecord>[] compared;

        @Setup
        @SuppressWarnings("unchecked")
        public void setUp() {
            ComparableRecord[] records = generate(2_000);
            SplittableRandom random = new SplittableRandom(42);
            CandidatePairs candidates = pairs.equals("candidates") ? candidates(records) : null;
            for (int k = 0; k < PAIRS; k++) {
                if (candidates != null) {
                    long pair = candidates.pair(random.nextInt(candidates.size()));
                    left[k] = records[CandidatePairs.left(pair)];
                    right[k] = records[CandidatePairs.right(pair)];
                } else {
                    int i = random.nextInt(records.length);
                    int j = random.nextInt(records.length - 1);
                    left[k] = records[i];
                    right[k] = records[j >= i ? j + 1 : j];
                }
            }
            List<Comparison<ComparableRecord>> standard = PersonComparisons.standard();
            compared = comparison.equals("all") ? standard.toArray(new Comparison[0])
                    : standard.stream().filter(c -> c.name().equals(comparison)).toArray(Comparison[]::new);
            if (compared.length == 0) {
                throw new IllegalStateException("no comparison named " + comparison);
            }
        }
    }

    /** The candidate pairs of 300,000 records (100,000 people), in pipeline order. */
    @State(Scope.Benchmark)
    public static class LargePool {
        ComparableRecord[] records;
        long[] pairs;
        Comparison<ComparableRecord>[] compared;
        int next;

        @Setup
        @SuppressWarnings("unchecked")
        public void setUp() {
            records = generate(100_000);
            pairs = candidates(records).toArray();
            compared = PersonComparisons.standard().toArray(new Comparison[0]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int kernel(Kernel state) {
        int sum = 0;
        Comparison<ComparableRecord>[] compared = state.compared;
        for (int k = 0; k < PAIRS; k++) {
            ComparableRecord a = state.left[k];
            ComparableRecord b = state.right[k];
            for (Comparison<ComparableRecord> c : compared) {
                sum += c.level(a, b);
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int allOverLargePool(LargePool state) {
        int sum = 0;
        int start = state.next;
        for (int k = 0; k < PAIRS; k++) {
            long pair = state.pairs[(start + k) % state.pairs.length];
            ComparableRecord a = state.records[CandidatePairs.left(pair)];
            ComparableRecord b = state.records[CandidatePairs.right(pair)];
            for (Comparison<ComparableRecord> c : state.compared) {
                sum += c.level(a, b);
            }
        }
        state.next = (start + PAIRS) % state.pairs.length;
        return sum;
    }
}
