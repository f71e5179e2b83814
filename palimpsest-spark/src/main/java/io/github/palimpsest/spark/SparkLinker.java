package io.github.palimpsest.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Stopwatch;
import com.google.common.base.Throwables;
import com.google.common.collect.Iterators;
import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import com.google.common.hash.Hashing;
import io.github.palimpsest.Link;
import io.github.palimpsest.Linker;
import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.cluster.EntityIds;
import io.github.palimpsest.cluster.RefusalReason;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.TermFrequencyComparison;
import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.pipeline.Clusterer;
import io.github.palimpsest.pipeline.Clustering;
import io.github.palimpsest.pipeline.IndexedModel;
import io.github.palimpsest.pipeline.NearestNeighbours;
import io.github.palimpsest.pipeline.PairDecisions;
import io.github.palimpsest.pipeline.PairWeights;
import io.github.palimpsest.pipeline.PersonConflicts;
import io.github.palimpsest.pipeline.RecordConflicts;
import io.github.palimpsest.pipeline.RefusedLink;
import io.github.palimpsest.pipeline.RunSettings;
import io.github.palimpsest.pipeline.ScoredLinks;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.ComparableRecordFactory;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.review.ReviewDecisions;
import io.github.palimpsest.score.MatchModel;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Palimpsest's linkage on Apache Spark: the one-machine {@link Linker}'s pipeline with each stage spread over
 * the cluster, and the library's own classes doing the work inside the tasks.
 *
 * <pre>{@code
 * Dataset<Row> input = spark.read().option("header", "true").csv("records.csv");  // the canonical columns
 * SparkLinkResult result = SparkLinker.builder().build().link(input);
 * result.persons().write().parquet("persons.parquet");                           // record_id, entity_id
 * }</pre>
 *
 * <p>Stages (docs/spark.md): each row becomes a {@link PersonRecord} and a {@link ComparableRecord} inside a
 * task (the library's normalisers); each record emits its keys under the library's standard blocking rules,
 * and records sharing a key are joined into pairs, except in blocks larger than the maximum block size, which
 * are gathered and paired by the library's own {@link Blocker} (sorted window and split keys, as on one
 * machine); meanwhile the model is trained on the driver by {@link Linker#train} over a sample of the records
 * (with the same health check and fallback), or supplied; it is broadcast as JSON and each pair is compared
 * and scored with the library's comparisons and {@link IndexedModel#matchWeight(int[], double[])}, term
 * frequencies counted over the whole pool; the records stay partitioned by input position throughout, and
 * a pair meets them by merges with their partitions (one record a pair travels); each record no link at
 * or above the threshold touches is then paired with its nearest neighbours by shared rare tokens (the
 * library's {@code NearestNeighbours}: token function, rarest-first posting budget and ranking, in the
 * tasks), and the new pairs are scored alike; the links offered to clustering (at or above the threshold,
 * or the supported-link weight below it), with a reviewer's must-links, form connected components
 * (large-star/small-star over RDDs) and each component is clustered inside a task by the library's
 * {@link Clusterer}, given every scored pair of the component for supported links, under the same constraints
 * (different valid PNC IDs, CRO or NI numbers, conflicting dates of birth, the reviewer's decisions); each
 * person's id is the library's entity id of its smallest record id.
 *
 * <p>On a pool no larger than the training sample the model, candidate pairs, weights and people are the
 * one-machine linker's (record order fixes ties in both). Immutable and serializable.
 */
public final class SparkLinker implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SparkLinker.class);

    private final double thresholdProbability;
    private final double thresholdWeight;
    /**
     * The weight from which a pair is offered to clustering: the threshold, or the supported-link weight
     * below it ({@code RunSettings.supportedLinkWeight()}), as {@code PipelineRun.linksToCluster()} offers.
     */
    private final double offeredWeight;
    private final long seed;
    /** The supplied model as JSON, or null when each run trains its own. */
    private final String modelJson;
    private final int maxBlockSize;
    private final int trainingSampleSize;
    private final int minimumTrainingRecords;
    private final LocalDate referenceDate;
    private final String sourceName;
    private final int neighboursPerRecord;
    /** A reviewer's decisions; used on the driver only (they reach the tasks by position, see {@link Decided}). */
    private final transient ReviewDecisions decisions;
    /** Whether decisions were given: the links then carry a {@code decision} column, as the CLI's do. */
    private final boolean decisionColumn;

    private SparkLinker(Builder b) {
        this.thresholdProbability = b.thresholdProbability;
        RunSettings settings = Standard.settings(b.thresholdProbability);
        this.thresholdWeight = settings.thresholdWeight();
        this.offeredWeight = Math.min(settings.thresholdWeight(), settings.supportedLinkWeight());
        this.seed = b.seed;
        this.modelJson = b.model == null ? null : b.model.toJson();
        this.maxBlockSize = b.maxBlockSize;
        this.trainingSampleSize = b.trainingSampleSize;
        this.minimumTrainingRecords = b.minimumTrainingRecords;
        this.referenceDate = b.referenceDate;
        this.sourceName = b.sourceName;
        this.neighboursPerRecord = b.neighboursPerRecord;
        this.decisions = b.decisions;
        this.decisionColumn = b.decisionsGiven;
    }

    /**
     * A builder with the one-machine linker's defaults: threshold probability 0.95, seed 0, blocks of at most
     * 1,000 records paired in full, a model trained per run on a sample of at most 200,000 records, pools of
     * fewer than 1,000 records linked with the bundled model, dates judged against today.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The probability at or above which a pair is a link. */
    public double thresholdProbability() {
        return thresholdProbability;
    }

    /** The one-machine linker configured as this one, for training and for comparison. */
    public Linker oneMachineLinker() {
        Linker.Builder b = Linker.builder().thresholdProbability(thresholdProbability).seed(seed)
                .maxBlockSize(maxBlockSize).minimumTrainingRecords(minimumTrainingRecords)
                .neighboursPerRecord(neighboursPerRecord);
        if (modelJson != null) {
            b.model(MatchModel.fromJson(modelJson));
        }
        if (decisions != null) {
            b.decisions(decisions);
        }
        return b.build();
    }

    /**
     * Links the records of a table in the canonical schema ({@code record_id} required; the columns
     * {@code palimpsest link} reads, {@code id_<type>} identifiers and any extra columns, all read as text).
     * The table's row order is the input order: it fixes ties as the one-machine linker's input order does.
     *
     * @throws IllegalArgumentException if there is no {@code record_id} column, a record id is empty or
     *                                  repeats, or no model was supplied and there are fewer than two records
     */
    public SparkLinkResult link(Dataset<Row> input) {
        checkNotNull(input, "input");
        SparkSession spark = input.sparkSession();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        CanonicalRows rows = CanonicalRows.of(input.columns(), referenceDate, sourceName);
        List<Runnable> cached = new ArrayList<>();
        Stopwatch watch = Stopwatch.createStarted();

        // Prepare: input position, then the library's normalisers inside the tasks. Records are placed by input
        // position and stay there: every later meeting of a pair with its records is a merge of co-partitioned
        // data, and a small input (one CSV partition) is still spread over every core, two tasks a core so
        // that one slow task does not leave a core idle.
        int partitions = Math.max(input.rdd().getNumPartitions(), 2 * jsc.defaultParallelism());
        HashPartitioner byPosition = new HashPartitioner(partitions);
        // The rows are prepared where they land and the records cached: the later stages and the training sample
        // all read this one copy, so the input is parsed and normalised once.
        JavaPairRDD<Long, ComparableRecord> records = input.javaRDD().zipWithIndex()
                .mapToPair(t -> new Tuple2<>(t._2, t._1)).partitionBy(byPosition).mapPartitionsToPair(it -> {
                    ComparableRecordFactory factory = ComparableRecordFactory.create();
                    List<Tuple2<Long, ComparableRecord>> out = new ArrayList<>();
                    while (it.hasNext()) {
                        Tuple2<Long, Row> row = it.next();
                        String id = rows.recordIdOf(row._2);
                        if (id.isEmpty()) {
                            throw new IllegalArgumentException("record_id is empty in row " + (row._1 + 1)
                                    + "; every row needs a record_id");
                        }
                        out.add(new Tuple2<>(row._1, factory.of(rows.toRecord(row._2))));
                    }
                    return out.iterator();
                }, true).persist(StorageLevel.MEMORY_AND_DISK());
        long n = records.count();
        long distinctIds = records.map(t -> t._2.recordId()).distinct().count();
        checkArgument(distinctIds == n, "%s record ids repeat; record ids must be unique within a run", n - distinctIds);
        LOG.info("prepare: {} records in {} ms", n, lap(watch));

        // Blocking needs no model: the driver trains while the executors block (a second thread submits the
        // sample's job; SparkContext takes jobs from several threads).
        java.util.concurrent.CompletableFuture<MatchModel> training = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    Stopwatch trainWatch = Stopwatch.createStarted();
                    MatchModel trained = model(records, n);
                    LOG.info("train: {} in {} ms", trained.trainingNote().isEmpty() ? "model ready"
                            : trained.trainingNote(), lap(trainWatch));
                    return trained;
                });

        long[] oversize = {0};
        JavaRDD<Tuple2<Long, Long>> pairs = candidatePairs(records, byPosition, cached, oversize)
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(pairs::unpersist);
        long candidateCount = pairs.count();
        LOG.info("block: {} candidate pairs, {} oversize blocks in {} ms", candidateCount, oversize[0], lap(watch));

        MatchModel model;
        try {
            model = training.join();
        } catch (java.util.concurrent.CompletionException e) {
            cached.forEach(Runnable::run);
            Throwables.throwIfUnchecked(e.getCause());
            throw e;
        }
        LOG.info("train: waited {} ms for the model after blocking", lap(watch));
        Broadcast<String> broadcastModel = jsc.broadcast(model.toJson());
        boolean adjust = n >= minimumTrainingRecords;

        // From here on the records are held once, with their term frequencies, still placed by position.
        JavaPairRDD<Long, Prepared> prepared = withTermFrequencies(records, model, adjust)
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(prepared::unpersist);
        prepared.count();
        records.unpersist(false);
        LOG.info("term frequencies: in {} ms", lap(watch));

        // Every scored pair is kept, with its weight, for the support of links below the threshold; those at or
        // above the offered weight (the links clustering is offered) also with their evidence.
        // At national scale these are the run's largest cached data: released once the people and links are.
        double threshold = thresholdWeight;
        List<Runnable> scoredCache = new ArrayList<>();
        JavaRDD<ScoredPair> blockedScored = score(pairs, prepared, byPosition, broadcastModel, offeredWeight)
                .persist(StorageLevel.MEMORY_AND_DISK());
        scoredCache.add(blockedScored::unpersist);
        cached.add(blockedScored::unpersist);
        JavaRDD<ScoredPair> blockedLinks = blockedScored.filter(p -> p.weight >= threshold);
        long thresholdLinkCount = blockedLinks.count();
        LOG.info("score: {} links at or above {} bits in {} ms", thresholdLinkCount, thresholdWeight, lap(watch));

        // The records no blocked pair links look for their nearest neighbours; the new pairs are scored as
        // the blocked ones are.
        JavaRDD<ScoredPair> scored = blockedScored;
        if (neighboursPerRecord > 0 && n >= 2) {
            ByLeft byLeft = new ByLeft(byPosition.numPartitions());
            JavaRDD<Tuple2<Long, Long>> fresh = neighbourPairs(prepared, blockedLinks, byPosition, n, cached)
                    .mapToPair(p -> new Tuple2<>(p, Boolean.TRUE)).reduceByKey(byLeft, (x, y) -> x)
                    .subtractByKey(pairs.mapToPair(p -> new Tuple2<>(p, Boolean.TRUE)), byLeft).keys()
                    .persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(fresh::unpersist);
            long freshCount = fresh.count();
            candidateCount += freshCount;
            JavaRDD<ScoredPair> searchScored = score(fresh, prepared, byPosition, broadcastModel, offeredWeight)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            scoredCache.add(searchScored::unpersist);
            cached.add(searchScored::unpersist);
            long searchLinkCount = searchScored.filter(p -> p.weight >= threshold).count();
            thresholdLinkCount += searchLinkCount;
            scored = blockedScored.union(searchScored);
            LOG.info("search: {} new candidate pairs, {} links in {} ms", freshCount, searchLinkCount, lap(watch));
        }

        LongAccumulator rejections = jsc.sc().longAccumulator("constraint rejections");
        Decided decided = decided(prepared);
        Broadcast<Decided> decisionsByPosition = jsc.broadcast(decided);
        Clustered clustered = cluster(jsc, prepared, byPosition, scored, decided, decisionsByPosition,
                PersonConflicts.birthDatesConflict(Standard.COMPARISONS, model), rejections, cached);
        // (input position, record id, entity id), sorted by position: the output needs no SQL shuffle.
        JavaRDD<Row> personRows = clustered.persons()
                .repartitionAndSortWithinPartitions(new ByRange(n, partitions)).values()
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(personRows::unpersist);
        // A person's id is its smallest record id's (no suffixes here): one row a person carries its own.
        long people = personRows.filter(r -> EntityIds.people().idFor(r.getString(1)).equals(r.getString(2))).count();
        LOG.info("cluster: {} people, {} merges refused by constraints in {} ms", people, rejections.value(), lap(watch));
        StructType personSchema = new StructType().add("index", DataTypes.LongType, false)
                .add("record_id", DataTypes.StringType, false).add("entity_id", DataTypes.StringType, false);
        Dataset<Row> persons = spark.createDataFrame(personRows, personSchema).select("record_id", "entity_id");

        // The links, as on one machine: those at or above the threshold and the supported links below it that
        // joined a record to a person. Kept, so that the scored pairs below the threshold can go.
        JavaRDD<ScoredPair> links = scored.filter(p -> p.weight >= threshold).union(clustered.supportedLinks())
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(links::unpersist);
        long linkCount = links.count();
        LOG.info("links: {} at or above the threshold, {} supported below it", thresholdLinkCount,
                linkCount - thresholdLinkCount);
        scoredCache.forEach(Runnable::run);

        // As on one machine, a must-link pair that is not a link already is listed among the links too, with
        // its weight (it joined its records in clustering as a decision, not as a link).
        JavaRDD<ScoredPair> listed = links;
        if (!decided.mustLinks.isEmpty()) {
            JavaPairRDD<Long, Long> must = jsc.parallelizePairs(decided.mustLinks, 1)
                    .mapToPair(p -> p._1 < p._2 ? p : new Tuple2<>(p._2, p._1));
            JavaRDD<Tuple2<Long, Long>> extra = distinctByLeft(must.subtract(links.mapToPair(p -> new Tuple2<>(p.left, p.right))),
                    byPosition);
            JavaRDD<ScoredPair> decidedLinks = score(extra, prepared, byPosition, broadcastModel, Double.NEGATIVE_INFINITY)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(decidedLinks::unpersist);
            linkCount += decidedLinks.count();
            listed = links.union(decidedLinks);
        }
        JavaRDD<ScoredPair> allLinks = listed;
        LinkDecisions linkDecisions = decisionColumn ? new LinkDecisions(decisionsByPosition, clustered.keptApart()) : null;
        return new SparkLinkResult(persons, () -> linksTable(spark, allLinks, broadcastModel, linkDecisions), model, n,
                candidateCount,
                linkCount, people, oversize[0], rejections.value(), () -> cached.forEach(Runnable::run));
    }

    /**
     * The supplied model, or one trained on the driver by the library's {@link Linker#train} (its health
     * check and fallback included) over the whole pool when it is no larger than the training sample, else
     * over the trainingSampleSize records whose ids hash lowest (so a rerun trains the same model), its priors then scaled from
     * the sample to the pool ({@link MatchModel#scaledToPool}).
     */
    private MatchModel model(JavaPairRDD<Long, ComparableRecord> records, long n) {
        if (modelJson != null) {
            return MatchModel.fromJson(modelJson);
        }
        checkArgument(n >= 2, "training a model needs at least two records, got %s; supply a trained model", n);
        // A bottom-k sample by a hash of the record id: exactly trainingSampleSize records, the same ones
        // whatever the partitioning, and a rerun trains the same model. The records come prepared from the
        // tasks' cache: the driver neither reads nor normalises them again.
        long cutoff = Long.MAX_VALUE;
        if (n > trainingSampleSize) {
            List<Long> smallest = records.map(t -> sampleHash(t._2.recordId())).takeOrdered(trainingSampleSize);
            cutoff = smallest.get(smallest.size() - 1);
        }
        long last = cutoff;
        List<Tuple2<Long, ComparableRecord>> sample = new ArrayList<>(records
                .filter(t -> last == Long.MAX_VALUE || sampleHash(t._2.recordId()) <= last)
                .collect());
        sample.sort(Comparator.comparingLong(t -> t._1));
        List<ComparableRecord> training = new ArrayList<>(sample.size());
        for (Tuple2<Long, ComparableRecord> record : sample) {
            training.add(record._2);
        }
        LOG.info("train: on {} of {} records on the driver", training.size(), n);
        MatchModel trained = oneMachineLinker().trainComparable(training);
        if (training.size() < n) {
            return trained.scaledToPool(training.size(), n);
        }
        return trained;
    }

    /** The milliseconds since the watch last started, restarting it. */
    private static long lap(Stopwatch watch) {
        long ms = watch.elapsed(java.util.concurrent.TimeUnit.MILLISECONDS);
        watch.reset().start();
        return ms;
    }

    /** A record id's place in the training sample's order: 63 bits of its hash, never negative. */
    static long sampleHash(String recordId) {
        return Hashing.murmur3_128(0x5a17).hashString(recordId, StandardCharsets.UTF_8).asLong() >>> 1;
    }

    /**
     * Each record with the frequency of its value among the pool's present values, for every comparison the
     * model adjusts ({@code TermFrequencies.perRecord} over the whole pool, counted by a shuffle).
     */
    private static JavaPairRDD<Long, Prepared> withTermFrequencies(JavaPairRDD<Long, ComparableRecord> records,
            MatchModel model, boolean adjust) {
        List<Comparison<ComparableRecord>> comparisons = Standard.COMPARISONS;
        int comparisonCount = comparisons.size();
        List<Integer> adjusted = new ArrayList<>();
        for (int c = 0; c < comparisonCount && adjust; c++) {
            if (IndexedModel.of(model).termFrequencyLevel(c).isPresent()
                    && comparisons.get(c) instanceof TermFrequencyComparison<ComparableRecord>) {
                adjusted.add(c);
            }
        }
        if (adjusted.isEmpty()) {
            return records.mapPartitionsToPair(it -> {
                List<Tuple2<Long, Prepared>> out = new ArrayList<>();
                it.forEachRemaining(t -> out.add(new Tuple2<>(t._1, new Prepared(t._1, t._2, noFrequencies(comparisonCount)))));
                return out.iterator();
            }, true);
        }
        int[] tfComparisons = adjusted.stream().mapToInt(Integer::intValue).toArray();
        JavaPairRDD<Tuple2<Integer, String>, Long> values = records.flatMapToPair(t -> {
            List<Tuple2<Tuple2<Integer, String>, Long>> out = new ArrayList<>(tfComparisons.length);
            for (int c : tfComparisons) {
                @SuppressWarnings("unchecked")
                TermFrequencyComparison<ComparableRecord> tf =
                        (TermFrequencyComparison<ComparableRecord>) Standard.COMPARISONS.get(c);
                String value = tf.termFrequencyValue(t._2);
                if (value != null && !value.isBlank()) {
                    out.add(new Tuple2<>(new Tuple2<>(c, value), t._1));
                }
            }
            return out.iterator();
        });
        JavaPairRDD<Tuple2<Integer, String>, Long> counts = values.mapValues(x -> 1L).reduceByKey(Long::sum);
        Map<Integer, Long> totals = new HashMap<>(counts.mapToPair(t -> new Tuple2<>(t._1._1, t._2))
                .reduceByKey(Long::sum).collectAsMap());
        JavaPairRDD<Long, Iterable<Tuple2<Integer, Double>>> frequencies = values.join(counts)
                .mapToPair(t -> new Tuple2<>(t._2._1,
                        new Tuple2<>(t._1._1, (double) t._2._2 / totals.get(t._1._1))))
                .groupByKey();
        // Joined on the records' own partitioner: the records stay where they are.
        return records.leftOuterJoin(frequencies, records.partitioner().get()).mapPartitionsToPair(it -> {
            List<Tuple2<Long, Prepared>> out = new ArrayList<>();
            while (it.hasNext()) {
                Tuple2<Long, Tuple2<ComparableRecord, org.apache.spark.api.java.Optional<Iterable<Tuple2<Integer, Double>>>>> t = it.next();
                double[] tf = noFrequencies(comparisonCount);
                if (t._2._2.isPresent()) {
                    for (Tuple2<Integer, Double> f : t._2._2.get()) {
                        tf[f._1] = f._2;
                    }
                }
                out.add(new Tuple2<>(t._1, new Prepared(t._1, t._2._1, tf)));
            }
            return out.iterator();
        }, true);
    }

    private static double[] noFrequencies(int comparisonCount) {
        double[] none = new double[comparisonCount];
        Arrays.fill(none, IndexedModel.NO_TERM_FREQUENCY);
        return none;
    }

    /**
     * The union of the standard blocking rules' pairs, as (smaller, larger) input positions. Each record's
     * keys are emitted inside the tasks by the library's rules and shuffled by (rule, key), so that each task
     * holds whole blocks, as input positions only. A block within its rule's maximum size is paired there
     * in full (only pairs with a record that {@linkplain BlockingRule#pairsWithAll pairs with all}, as the
     * library's blocker does); a larger block's records are brought to one task and paired by the library's
     * own {@link Blocker}: the sorted window and split keys of the one-machine run.
     */
    private JavaRDD<Tuple2<Long, Long>> candidatePairs(JavaPairRDD<Long, ComparableRecord> records,
            HashPartitioner byPosition, List<Runnable> cached, long[] oversizeCount) {
        List<BlockingRule<ComparableRecord>> rules = Standard.RULES;
        int[] limits = new int[rules.size()];
        for (int r = 0; r < limits.length; r++) {
            limits[r] = Math.min(maxBlockSize, rules.get(r).maxBlockSize());
        }
        // (rule, key) -> input position, negated when the record does not pair with all (positions are >= 0).
        JavaPairRDD<Tuple2<Integer, String>, Iterable<Long>> blocks = records.flatMapToPair(t -> {
            List<Tuple2<Tuple2<Integer, String>, Long>> out = new ArrayList<>();
            ComparableRecord record = t._2;
            for (int r = 0; r < Standard.RULES.size(); r++) {
                BlockingRule<ComparableRecord> rule = Standard.RULES.get(r);
                Set<String> keys = new LinkedHashSet<>();
                rule.keys(record, key -> {
                    if (key != null && !key.isEmpty()) {
                        keys.add(key);
                    }
                });
                if (!keys.isEmpty()) {
                    long member = rule.pairsWithAll(record) ? t._1 : -t._1 - 1;
                    for (String key : keys) {
                        out.add(new Tuple2<>(new Tuple2<>(r, key), member));
                    }
                }
            }
            return out.iterator();
        }).groupByKey().persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(blocks::unpersist);

        JavaPairRDD<Long, Long> fullPairs = blocks.flatMapToPair(block -> fullBlockPairs(block._2,
                limits[block._1._1]));
        // Each oversize block's members by position, placed as the records are.
        JavaPairRDD<Long, Tuple2<Integer, String>> oversizeMembers = blocks
                .filter(block -> isOversize(block._2, limits[block._1._1]))
                .flatMapToPair(block -> {
                    List<Tuple2<Long, Tuple2<Integer, String>>> out = new ArrayList<>();
                    for (long member : block._2) {
                        out.add(new Tuple2<>(member >= 0 ? member : -member - 1, block._1));
                    }
                    return out.iterator();
                }).partitionBy(byPosition).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(oversizeMembers::unpersist);
        oversizeCount[0] = oversizeMembers.values().distinct().count();
        if (oversizeCount[0] == 0) {
            return distinctByLeft(fullPairs, byPosition);
        }
        int blockLimit = maxBlockSize;
        // Each member as its block's rule sees it (ordering key, pairs with all, split keys), worked out where
        // the record lies: only those strings travel to the block's task, which pairs it with the library's
        // blocker.
        JavaRDD<Tuple2<Tuple2<Integer, String>, SingleBlockRule.Member>> members = oversizeMembers.zipPartitions(
                records, (memberIt, recordIt) -> {
                    Map<Long, List<Tuple2<Integer, String>>> wanted = new HashMap<>();
                    memberIt.forEachRemaining(m -> wanted.computeIfAbsent(m._1, x -> new ArrayList<>(2)).add(m._2));
                    List<Tuple2<Tuple2<Integer, String>, SingleBlockRule.Member>> out = new ArrayList<>();
                    while (recordIt.hasNext()) {
                        Tuple2<Long, ComparableRecord> record = recordIt.next();
                        for (Tuple2<Integer, String> block : wanted.getOrDefault(record._1, List.of())) {
                            out.add(new Tuple2<>(block, SingleBlockRule.Member.of(record._1, record._2,
                                    Standard.RULES.get(block._1))));
                        }
                    }
                    return out.iterator();
                });
        JavaPairRDD<Long, Long> windowPairs = JavaPairRDD.fromJavaRDD(members)
                .groupByKey()
                .flatMapToPair(block -> oversizePairs(block._1._1, block._1._2, block._2, blockLimit));
        return distinctByLeft(fullPairs.union(windowPairs), byPosition);
    }

    /**
     * The distinct pairs, each partition holding the pairs whose left record the same partition of
     * {@code byPosition} holds: one shuffle both removes the pairs several rules found and places the pairs
     * for scoring.
     */
    private static JavaRDD<Tuple2<Long, Long>> distinctByLeft(JavaPairRDD<Long, Long> pairs, HashPartitioner byPosition) {
        return pairs.mapToPair(p -> new Tuple2<>(p, Boolean.TRUE))
                .reduceByKey(new ByLeft(byPosition.numPartitions()), (x, y) -> x)
                .keys();
    }

    /**
     * Places input positions 0 to n − 1 in contiguous ranges, in order: sorted within each, they are in input
     * order throughout, with no sampling job (positions are dense, so the ranges are known).
     */
    private static final class ByRange extends org.apache.spark.Partitioner {
        private static final long serialVersionUID = 1L;
        private final long n;
        private final int partitions;

        ByRange(long n, int partitions) {
            this.n = Math.max(1, n);
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            long position = (Long) key;
            return (int) Math.min(partitions - 1, Math.max(0, position * partitions / n));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ByRange r && r.n == n && r.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(n) * 31 + partitions;
        }
    }

    /** Places a pair as {@code HashPartitioner} places its left position. */
    private static final class ByLeft extends org.apache.spark.Partitioner {
        private static final long serialVersionUID = 1L;
        private final HashPartitioner byPosition;

        ByLeft(int partitions) {
            this.byPosition = new HashPartitioner(partitions);
        }

        @Override
        public int numPartitions() {
            return byPosition.numPartitions();
        }

        @Override
        public int getPartition(Object key) {
            return byPosition.getPartition(((Tuple2<?, ?>) key)._1);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ByLeft b && b.numPartitions() == numPartitions();
        }

        @Override
        public int hashCode() {
            return numPartitions();
        }
    }

    /** Whether a block is larger than its limit and can make a pair (one member pairs with all). */
    private static boolean isOversize(Iterable<Long> members, int limit) {
        int size = 0;
        boolean anyAll = false;
        for (long member : members) {
            size++;
            anyAll |= member >= 0;
        }
        return size > limit && anyAll;
    }

    /** Every pair of a block within its limit with a member that pairs with all; none for an oversize block. */
    private static Iterator<Tuple2<Long, Long>> fullBlockPairs(Iterable<Long> members, int limit) {
        List<Long> list = new ArrayList<>();
        members.forEach(list::add);
        if (list.size() < 2 || list.size() > limit) {
            return java.util.Collections.emptyIterator();
        }
        List<Tuple2<Long, Long>> out = new ArrayList<>();
        for (int x = 0; x < list.size(); x++) {
            long a = list.get(x);
            for (int y = x + 1; y < list.size(); y++) {
                long b = list.get(y);
                if (a >= 0 || b >= 0) {
                    long i = a >= 0 ? a : -a - 1;
                    long j = b >= 0 ? b : -b - 1;
                    out.add(i < j ? new Tuple2<>(i, j) : new Tuple2<>(j, i));
                }
            }
        }
        return out.iterator();
    }

    /** One oversize block paired by the library's blocker, as the one-machine run pairs it. */
    private static Iterator<Tuple2<Long, Long>> oversizePairs(int rule, String key,
            Iterable<SingleBlockRule.Member> members, int maxBlockSize) {
        List<SingleBlockRule.Member> block = new ArrayList<>();
        members.forEach(block::add);
        block.sort(Comparator.comparingLong(m -> m.position)); // input order: the window breaks ties by it
        Blocker<SingleBlockRule.Member> blocker = Blocker.<SingleBlockRule.Member>builder()
                .rule(new SingleBlockRule(Standard.RULES.get(rule), key)).maxBlockSize(maxBlockSize).parallel(false)
                .build();
        CandidatePairs pairs = blocker.candidates(block);
        List<Tuple2<Long, Long>> out = new ArrayList<>(pairs.size());
        for (int k = 0; k < pairs.size(); k++) {
            long pair = pairs.pair(k);
            out.add(new Tuple2<>(block.get(CandidatePairs.left(pair)).position,
                    block.get(CandidatePairs.right(pair)).position));
        }
        return out.iterator();
    }

    /**
     * Compares and scores every candidate pair inside the tasks. The pairs lie with their left records (see
     * {@link #distinctByLeft}): a merge with the records' own partition gives each pair its left record, one
     * shuffle takes it to the right record's partition, and a second merge gives the right record. Each
     * record stays where it is, and only one record a pair travels. The library's comparisons give the levels
     * and the broadcast model the weight, with the left record's term frequencies (as the one-machine scoring
     * uses them). Keeps every pair: those at or above {@code evidenceFrom} (bits) with their record ids, levels
     * and term frequencies, the others with their weight only.
     */
    private JavaRDD<ScoredPair> score(JavaRDD<Tuple2<Long, Long>> pairs, JavaPairRDD<Long, Prepared> prepared,
            HashPartitioner byPosition, Broadcast<String> broadcastModel, double evidenceFrom) {
        JavaRDD<Tuple2<Long, Prepared>> withLeft = pairs.zipPartitions(prepared, (pairIt, recordIt) -> {
            Map<Long, Prepared> here = recordsOf(recordIt);
            List<Tuple2<Long, Prepared>> out = new ArrayList<>();
            while (pairIt.hasNext()) {
                Tuple2<Long, Long> pair = pairIt.next();
                out.add(new Tuple2<>(pair._2, here.get(pair._1)));
            }
            return out.iterator();
        });
        return JavaPairRDD.fromJavaRDD(withLeft).partitionBy(byPosition).zipPartitions(prepared, (leftIt, recordIt) -> {
            Map<Long, Prepared> here = recordsOf(recordIt);
            MatchModel model = MatchModel.fromJson(broadcastModel.value());
            List<Comparison<ComparableRecord>> comparisons = Standard.COMPARISONS;
            int[] levels = new int[comparisons.size()];
            List<ScoredPair> out = new ArrayList<>();
            IndexedModel indexed = IndexedModel.of(model);
            while (leftIt.hasNext()) {
                Tuple2<Long, Prepared> pair = leftIt.next();
                Prepared left = pair._2;
                Prepared right = here.get(pair._1);
                for (int c = 0; c < levels.length; c++) {
                    levels[c] = level(comparisons.get(c), left.record, right.record);
                }
                double weight = indexed.matchWeight(levels, left.termFrequencies);
                if (weight >= evidenceFrom) {
                    byte[] kept = new byte[levels.length];
                    for (int c = 0; c < levels.length; c++) {
                        kept[c] = (byte) levels[c];
                    }
                    out.add(new ScoredPair(left.index, right.index, left.record.recordId(),
                            right.record.recordId(), weight, kept, left.termFrequencies));
                } else {
                    out.add(ScoredPair.weightOnly(left.index, right.index, weight));
                }
            }
            return out.iterator();
        });
    }

    /**
     * The one-machine linker's nearest-neighbour search ({@code NearestNeighbours}, as
     * {@code PipelineRun.searchNeighbours} runs it) from every record that no link in {@code links} touches,
     * as pairs (smaller, larger position), perhaps repeated. Each record's tokens are the library's
     * {@code tokenHashes}; a token's count is the number of records of the pool that carry it; each searching
     * record's visited tokens (rarest first within the posting budget) are the library's
     * {@code visitedTokens}; their postings are fetched by a join, and the library's {@code nearest}
     * adds up the weights and ranks the neighbours, ties to the smaller position. The postings visited by one
     * record are at most the budget, so the search's shuffles are linear in the records searching.
     */
    private JavaPairRDD<Long, Long> neighbourPairs(JavaPairRDD<Long, Prepared> prepared, JavaRDD<ScoredPair> links,
            HashPartitioner byPosition, long n, List<Runnable> cached) {
        int perRecord = neighboursPerRecord;
        int pool = Math.toIntExact(n);
        HashPartitioner byToken = new HashPartitioner(byPosition.numPartitions());
        // (token, position) for every record: the postings, and their counts.
        JavaPairRDD<Long, Long> tokens = tokensOf(prepared, perRecord).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(tokens::unpersist);
        JavaPairRDD<Long, Integer> counts = tokens.mapValues(x -> 1).reduceByKey(byToken, Integer::sum)
                .filter(t -> t._2 >= 2); // a token no other record carries cannot pair
        JavaPairRDD<Long, Boolean> linkedEnds = links.flatMapToPair(p -> List.of(new Tuple2<>(p.left, Boolean.TRUE),
                new Tuple2<>(p.right, Boolean.TRUE)).iterator()).reduceByKey(byPosition, (x, y) -> x);
        // Each searching record's visited tokens, as (token, (position, count)).
        JavaPairRDD<Long, Tuple2<Long, Integer>> visited = tokensOf(prepared.subtractByKey(linkedEnds, byPosition), perRecord)
                .join(counts, byToken)
                .mapToPair(t -> new Tuple2<>(t._2._1, new Tuple2<>(t._1, t._2._2)))
                .groupByKey(byPosition)
                .flatMapToPair(record -> {
                    Map<Long, Integer> count = new HashMap<>();
                    record._2.forEach(t -> count.put(t._1, t._2));
                    long[] own = count.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
                    long[] chosen = Standard.nearestNeighbours(perRecord).visitedTokens(own, new CountsOnly(count));
                    List<Tuple2<Long, Tuple2<Long, Integer>>> out = new ArrayList<>(chosen.length);
                    for (long token : chosen) {
                        out.add(new Tuple2<>(token, new Tuple2<>(record._1, count.get(token))));
                    }
                    return out.iterator();
                }).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(visited::unpersist);
        long visits = visited.count();
        // Only the postings of visited tokens travel to the join: a Bloom filter of them drops the rest (the
        // common tokens, each of which would otherwise gather all its records in one task).
        // Each partition's filter travels as its bytes (either serializer), merged on the driver.
        long expected = Math.max(1, visits);
        BloomFilter<Long> wanted = BloomFilter.create(Funnels.longFunnel(), expected, 0.01);
        for (byte[] part : visited.keys().mapPartitions(it -> {
            BloomFilter<Long> filter = BloomFilter.create(Funnels.longFunnel(), expected, 0.01);
            it.forEachRemaining(filter::put);
            return List.of(bloomBytes(filter)).iterator();
        }).collect()) {
            wanted.putAll(bloomOf(part));
        }
        Broadcast<byte[]> wantedTokens = JavaSparkContext.fromSparkContext(prepared.context()).broadcast(bloomBytes(wanted));
        return visited.join(tokens.mapPartitionsToPair(it -> {
                    BloomFilter<Long> filter = bloomOf(wantedTokens.value());
                    List<Tuple2<Long, Long>> out = new ArrayList<>();
                    it.forEachRemaining(t -> {
                        if (filter.mightContain(t._1)) {
                            out.add(t);
                        }
                    });
                    return out.iterator();
                }, true), byToken)
                .filter(t -> !t._2._2.equals(t._2._1._1))
                .mapToPair(t -> new Tuple2<>(t._2._1._1, new scala.Tuple3<>(t._1, t._2._1._2, t._2._2)))
                .groupByKey(byPosition)
                .flatMapToPair(record -> nearestOf(record._1, record._2, pool, perRecord));
    }

    private static byte[] bloomBytes(BloomFilter<Long> filter) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            filter.writeTo(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    private static BloomFilter<Long> bloomOf(byte[] bytes) {
        try {
            return BloomFilter.readFrom(new java.io.ByteArrayInputStream(bytes), Funnels.longFunnel());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Each record's distinct token hashes as (token, position), by the library's token function. */
    private static JavaPairRDD<Long, Long> tokensOf(JavaPairRDD<Long, Prepared> records, int perRecord) {
        return records.mapPartitionsToPair(it -> {
            NearestNeighbours<ComparableRecord> search = Standard.nearestNeighbours(perRecord);
            List<Tuple2<Long, Long>> out = new ArrayList<>();
            while (it.hasNext()) {
                Tuple2<Long, Prepared> t = it.next();
                for (long token : search.tokenHashes(t._2.record)) {
                    out.add(new Tuple2<>(token, t._1));
                }
            }
            return out.iterator();
        });
    }

    /**
     * One record's nearest neighbours, by the library's {@code nearest} over the postings of its visited tokens
     * ({@code (token, count, other position)}, the record itself left out), as pairs (smaller, larger).
     */
    private static Iterator<Tuple2<Long, Long>> nearestOf(long position,
            Iterable<scala.Tuple3<Long, Integer, Long>> postings, int pool, int perRecord) {
        Map<Long, Integer> count = new HashMap<>();
        Map<Long, List<Integer>> members = new HashMap<>();
        List<Long> positions = new ArrayList<>(); // local index to position
        Map<Long, Integer> local = new HashMap<>();
        for (scala.Tuple3<Long, Integer, Long> p : postings) {
            count.put(p._1(), p._2());
            int j = local.computeIfAbsent(p._3(), x -> {
                positions.add(x);
                return positions.size() - 1;
            });
            members.computeIfAbsent(p._1(), x -> new ArrayList<>()).add(j);
        }
        long[] tokens = count.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        NearestNeighbours.Postings kept = new NearestNeighbours.Postings() {
            @Override
            public int count(long token) {
                return count.getOrDefault(token, 0);
            }

            @Override
            public int[] members(long token) {
                return members.getOrDefault(token, List.of()).stream().mapToInt(Integer::intValue).toArray();
            }
        };
        int[] nearest = Standard.nearestNeighbours(perRecord).nearest(tokens, pool, kept, j -> false,
                (a, b) -> Long.compare(positions.get(a), positions.get(b)));
        List<Tuple2<Long, Long>> out = new ArrayList<>(nearest.length);
        for (int j : nearest) {
            long other = positions.get(j);
            out.add(position < other ? new Tuple2<>(position, other) : new Tuple2<>(other, position));
        }
        return out.iterator();
    }

    /** Token counts for {@code visitedTokens}, which asks for nothing else. */
    private record CountsOnly(Map<Long, Integer> counts) implements NearestNeighbours.Postings {
        @Override
        public int count(long token) {
            return counts.getOrDefault(token, 0);
        }

        @Override
        public int[] members(long token) {
            throw new UnsupportedOperationException("counts only");
        }
    }

    /** One partition's records by position. */
    private static Map<Long, Prepared> recordsOf(Iterator<Tuple2<Long, Prepared>> records) {
        Map<Long, Prepared> here = new HashMap<>();
        records.forEachRemaining(t -> here.put(t._1, t._2));
        return here;
    }

    private static int level(Comparison<ComparableRecord> comparison, ComparableRecord a, ComparableRecord b) {
        int level = comparison.level(a, b);
        if (level < 0 || level >= comparison.levels().size()) {
            throw new IllegalStateException("comparison '" + comparison.name() + "' returned level " + level
                    + ", outside its " + comparison.levels().size() + " levels");
        }
        return level;
    }

    /**
     * Each record's person: the connected components of the links offered to clustering (at or above
     * {@link #offeredWeight}) and a reviewer's must-links, each clustered inside one task by the library's
     * constrained {@link Clusterer}, exactly as the one-machine run clusters. The components are independent:
     * a merge only ever follows an offered link, and all that decides it lies within one component (the
     * links, the scored pairs between the two clusters, the other people a lone record was offered, the
     * constraints). So each component's task gets its records and every scored pair with both ends in it,
     * weights below zero included (a supported link needs their mean); a pair whose ends lie in different
     * components never joins two clusters, nor is it ever between two clusters that merge. Records without an
     * offered link are people of their own.
     */
    private Clustered cluster(JavaSparkContext jsc, JavaPairRDD<Long, Prepared> records, HashPartitioner byPosition,
            JavaRDD<ScoredPair> scored, Decided decided, Broadcast<Decided> decisionsByPosition,
            boolean birthDatesConflict, LongAccumulator rejections, List<Runnable> cached) {
        double offered = offeredWeight;
        JavaPairRDD<Long, Long> edges = scored.filter(p -> p.weight >= offered)
                .mapToPair(p -> new Tuple2<>(p.left, p.right));
        if (!decided.mustLinks.isEmpty()) {
            // A must-link joins its two records whatever their score: they must meet in one component.
            edges = edges.union(jsc.parallelizePairs(decided.mustLinks, 1));
        }
        // Placed as the records are, so that the records meet their components without moving.
        JavaPairRDD<Long, Long> componentOf = ConnectedComponents.of(edges).partitionBy(byPosition)
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(componentOf::unpersist);
        JavaPairRDD<Long, Tuple2<Long, ComparableRecord>> membersByComponent = records.join(componentOf, byPosition)
                .mapToPair(t -> new Tuple2<>(t._2._2, new Tuple2<>(t._1, t._2._1.record)));
        // Each scored pair with the component of its right record, then of its left record; kept when the two
        // are one component (a pair with an end in no component drops out of the first join).
        JavaPairRDD<Long, ScoredPair> pairsByComponent = scored.mapToPair(p -> new Tuple2<>(p.right, p))
                .join(componentOf, byPosition)
                .mapToPair(t -> new Tuple2<>(t._2._1.left, t._2))
                .join(componentOf, byPosition)
                .filter(t -> t._2._1._2.equals(t._2._2))
                .mapToPair(t -> new Tuple2<>(t._2._2, t._2._1._1));
        double threshold = thresholdWeight;
        double probability = thresholdProbability;
        // Persisted: read for the people, the supported links and the links a non-match kept apart.
        JavaRDD<ComponentPeople> components = membersByComponent.cogroup(pairsByComponent)
                .mapPartitions(it -> {
                    Clusterer clusterer = Standard.clusterer(probability);
                    Decided within = decisionsByPosition.value();
                    return Iterators.transform(it, c -> clusterComponent(c._2._1, c._2._2,
                            within, clusterer, offered, threshold, birthDatesConflict, rejections));
                }).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(components::unpersist);
        JavaRDD<Tuple2<Long, Long>> keptApart = jsc.emptyRDD();
        if (decided.cannotLinkCount > 0) {
            // Only a non-match keeps links apart; they are read for the links' decision column.
            keptApart = components.flatMap(c -> c.keptApart().iterator());
        }
        JavaPairRDD<Long, Row> clustered = components.flatMapToPair(c -> c.persons().iterator());
        JavaPairRDD<Long, Row> alone = records.subtractByKey(componentOf, byPosition)
                .mapToPair(t -> new Tuple2<>(t._1, RowFactory.create(t._1, t._2.record.recordId(),
                        EntityIds.people().idFor(t._2.record.recordId()))));
        return new Clustered(clustered.union(alone), keptApart, components.flatMap(c -> c.supported().iterator()));
    }

    /**
     * Each record's person row by input position, the links a reviewer's non-match kept apart, and the
     * supported links (below the threshold, they joined a record to a person).
     */
    private record Clustered(JavaPairRDD<Long, Row> persons, JavaRDD<Tuple2<Long, Long>> keptApart,
            JavaRDD<ScoredPair> supportedLinks) {
    }

    /**
     * One component clustered: each member's person row by input position, the links refused because
     * they would join a reviewer's non-match whose records ended in different people (positions, smaller
     * first), as the one-machine links file marks them, and the supported links.
     */
    private record ComponentPeople(List<Tuple2<Long, Row>> persons, List<Tuple2<Long, Long>> keptApart,
            List<ScoredPair> supported) implements Serializable {
    }

    /** What the links' {@code decision} column is made from: the decisions by position and the kept-apart links. */
    private record LinkDecisions(Broadcast<Decided> decided, JavaRDD<Tuple2<Long, Long>> keptApart) {
    }

    /**
     * The reviewer's decisions by input position: the records they name are looked up among the pool (a filter
     * by a small set of ids, collected to the driver); decisions naming a record not in the pool are logged and
     * left out, as on one machine.
     */
    private Decided decided(JavaPairRDD<Long, Prepared> records) {
        if (decisions == null || decisions.isEmpty()) {
            return Decided.NONE;
        }
        Set<String> named = new java.util.HashSet<>();
        for (ReviewDecision d : decisions.decisions()) {
            named.add(d.recordIdA());
            named.add(d.recordIdB());
        }
        Map<String, Long> positions = new HashMap<>(records.filter(t -> named.contains(t._2.record.recordId()))
                .mapToPair(t -> new Tuple2<>(t._2.record.recordId(), t._1)).collectAsMap());
        for (ReviewDecision d : decisions.unknownTo(positions::containsKey)) {
            LOG.warn("review decision {} names a record id that is not among the records linked; it is ignored",
                    d.origin().isEmpty() ? d.recordIdA() + " – " + d.recordIdB() : d.origin());
        }
        Decided decided = new Decided();
        for (ReviewDecision d : decisions.decisions()) {
            Long a = positions.get(d.recordIdA());
            Long b = positions.get(d.recordIdB());
            if (a != null && b != null) {
                decided.add(a, b, d.isMatch());
            }
        }
        LOG.info("decisions: {} must-links and {} cannot-links among the records", decided.mustLinks.size(),
                decided.cannotLinkCount);
        return decided;
    }

    /**
     * A reviewer's decisions by input position, broadcast to the clustering tasks: each decided record's
     * decisions (the other position, and whether it is a match), and the must-link pairs, which join
     * components.
     */
    static final class Decided implements Serializable {
        private static final long serialVersionUID = 1L;
        static final Decided NONE = new Decided();

        /** Position to its decisions: {other position, 1 for a match or 0 for a non-match}. */
        final Map<Long, List<long[]>> byPosition = new HashMap<>();
        final List<Tuple2<Long, Long>> mustLinks = new ArrayList<>();
        int cannotLinkCount;

        void add(long a, long b, boolean match) {
            byPosition.computeIfAbsent(a, x -> new ArrayList<>()).add(new long[] {b, match ? 1 : 0});
            byPosition.computeIfAbsent(b, x -> new ArrayList<>()).add(new long[] {a, match ? 1 : 0});
            if (match) {
                mustLinks.add(new Tuple2<>(a, b));
            } else {
                cannotLinkCount++;
            }
        }

        /** What a reviewer decided about two positions: the library's decision, {@code NONE} when nothing. */
        Link.Decision between(long a, long b) {
            for (long[] d : byPosition.getOrDefault(a, List.of())) {
                if (d[0] == b) {
                    return d[1] == 1 ? Link.Decision.MATCH : Link.Decision.NON_MATCH;
                }
            }
            return Link.Decision.NONE;
        }

        /** The decisions between members of one component, by their index in it. */
        PairDecisions within(Map<Long, Integer> local) {
            if (byPosition.isEmpty()) {
                return PairDecisions.NONE;
            }
            PairDecisions.Builder pairs = PairDecisions.builder();
            for (Map.Entry<Long, Integer> member : local.entrySet()) {
                for (long[] d : byPosition.getOrDefault(member.getKey(), List.of())) {
                    Integer other = local.get(d[0]);
                    // Each pair once; a non-match with a record of another component is already kept.
                    if (other != null && member.getValue() < other) {
                        if (d[1] == 1) {
                            pairs.mustLink(member.getValue(), other);
                        } else {
                            pairs.cannotLink(member.getValue(), other);
                        }
                    }
                }
            }
            return pairs.build();
        }
    }

    /**
     * Clusters one component as the one-machine run clusters: its members numbered in input order (so that the
     * clusterer's order, weight then pair, breaks ties as there), the pairs at or above {@code offered} as the
     * links, and every scored pair of the component as the {@link PairWeights} a supported link is weighed by.
     */
    private static ComponentPeople clusterComponent(Iterable<Tuple2<Long, ComparableRecord>> memberIterable,
            Iterable<ScoredPair> pairIterable, Decided decided, Clusterer clusterer, double offered, double threshold,
            boolean birthDatesConflict, LongAccumulator rejections) {
        List<Tuple2<Long, ComparableRecord>> members = new ArrayList<>();
        memberIterable.forEach(members::add);
        members.sort(Comparator.comparingLong(t -> t._1)); // input order: ties between equal links go by it
        Map<Long, Integer> local = new HashMap<>();
        ComparableRecord[] component = new ComparableRecord[members.size()];
        List<List<String>> keys = new ArrayList<>(members.size());
        for (int i = 0; i < component.length; i++) {
            local.put(members.get(i)._1, i);
            component[i] = members.get(i)._2;
            List<String> recordKeys = new ArrayList<>(3);
            addKey(recordKeys, "pnc:", component[i].pncId());
            addKey(recordKeys, "cro:", component[i].croNumber());
            addKey(recordKeys, "ni:", component[i].niNumber());
            keys.add(recordKeys);
        }
        ScoredLinks.Builder links = ScoredLinks.builder(16);
        Map<Long, Double> weights = new HashMap<>();
        Map<Long, ScoredPair> belowThreshold = new HashMap<>(); // the offered links that may become supported links
        for (ScoredPair pair : pairIterable) {
            int a = local.get(pair.left);
            int b = local.get(pair.right);
            long packed = CandidatePairs.pack(a, b);
            weights.put(packed, pair.weight);
            if (pair.weight >= offered) {
                links.add(a, b, pair.weight);
                if (pair.weight < threshold) {
                    belowThreshold.put(packed, pair);
                }
            }
        }
        PairWeights scored = (a, b) -> weights.getOrDefault(CandidatePairs.pack(a, b), Double.NaN);
        Clustering clustering = clusterer.cluster(component.length, links.build(), keys,
                birthDatesConflict ? PersonConflicts.birthDates(Standard.COMPARISONS, i -> component[i])
                        : RecordConflicts.NONE, decided.within(local), scored);
        rejections.add(clustering.constraintRejections());
        String[] anchors = new String[clustering.clusterCount()];
        for (int i = 0; i < component.length; i++) {
            int c = clustering.clusterOf(i);
            String id = component[i].recordId();
            if (anchors[c] == null || id.compareTo(anchors[c]) < 0) {
                anchors[c] = id;
            }
        }
        EntityIds ids = EntityIds.people();
        List<Tuple2<Long, Row>> out = new ArrayList<>(component.length);
        for (int i = 0; i < component.length; i++) {
            out.add(new Tuple2<>(members.get(i)._1, RowFactory.create(members.get(i)._1, component[i].recordId(),
                    ids.idFor(anchors[clustering.clusterOf(i)]))));
        }
        List<Tuple2<Long, Long>> keptApart = new ArrayList<>();
        for (RefusedLink refused : clustering.refusedLinks()) {
            if (refused.reason() == RefusalReason.DECISION
                    && clustering.clusterOf(refused.left()) != clustering.clusterOf(refused.right())) {
                long a = members.get(refused.left())._1;
                long b = members.get(refused.right())._1;
                keptApart.add(a < b ? new Tuple2<>(a, b) : new Tuple2<>(b, a));
            }
        }
        List<ScoredPair> supported = new ArrayList<>();
        for (long pair : clustering.supportedLinks()) {
            supported.add(belowThreshold.get(pair));
        }
        return new ComponentPeople(out, keptApart, supported);
    }

    private static void addKey(List<String> keys, String type, String value) {
        if (!value.isEmpty()) {
            keys.add(type + value);
        }
    }

    /**
     * The links with their evidence, as the CLI's links file has them, ordered by input position; with
     * decisions, a last column {@code decision} says what a reviewer's decision did to each link, in the CLI's
     * words ({@link Link.Decision#text()}): empty, match, non-match, or kept apart by a non-match.
     */
    private static Dataset<Row> linksTable(SparkSession spark, JavaRDD<ScoredPair> links,
            Broadcast<String> broadcastModel, LinkDecisions decisions) {
        StructType schema = new StructType().add("left_index", DataTypes.LongType, false)
                .add("right_index", DataTypes.LongType, false)
                .add("left_id", DataTypes.StringType, false).add("right_id", DataTypes.StringType, false)
                .add("match_weight", DataTypes.DoubleType, false)
                .add("match_probability", DataTypes.DoubleType, false)
                .add("evidence", DataTypes.StringType, false);
        // Each link with whether a non-match kept it apart (false without decisions).
        JavaRDD<Tuple2<ScoredPair, Boolean>> marked;
        if (decisions == null) {
            marked = links.map(p -> new Tuple2<>(p, Boolean.FALSE));
        } else {
            schema = schema.add("decision", DataTypes.StringType, false);
            marked = links.mapToPair(p -> new Tuple2<>(new Tuple2<>(p.left, p.right), p))
                    .leftOuterJoin(decisions.keptApart().mapToPair(p -> new Tuple2<>(p, Boolean.TRUE)).distinct())
                    .map(t -> new Tuple2<>(t._2._1, t._2._2.isPresent()));
        }
        Broadcast<Decided> decided = decisions == null ? null : decisions.decided();
        JavaRDD<Row> rows = marked.mapPartitions(it -> {
            MatchModel model = MatchModel.fromJson(broadcastModel.value());
            List<Row> out = new ArrayList<>();
            while (it.hasNext()) {
                Tuple2<ScoredPair, Boolean> t = it.next();
                ScoredPair p = t._1;
                int[] levels = new int[p.levels.length];
                for (int c = 0; c < levels.length; c++) {
                    levels[c] = p.levels[c];
                }
                String evidence = IndexedModel.of(model).explain(levels, p.termFrequencies).summary();
                double probability = MatchModel.probability(p.weight);
                if (decided == null) {
                    out.add(RowFactory.create(p.left, p.right, p.leftId, p.rightId, p.weight, probability, evidence));
                } else {
                    // As on one machine: the pair's own decision first, else whether a non-match kept it apart.
                    Link.Decision decision = decided.value().between(p.left, p.right);
                    if (decision == Link.Decision.NONE && t._2) {
                        decision = Link.Decision.KEPT_APART;
                    }
                    out.add(RowFactory.create(p.left, p.right, p.leftId, p.rightId, p.weight, probability, evidence,
                            decision.text()));
                }
            }
            return out.iterator();
        });
        Dataset<Row> table = spark.createDataFrame(rows, schema).orderBy("left_index", "right_index");
        return decisions == null
                ? table.select("left_id", "right_id", "match_weight", "match_probability", "evidence")
                : table.select("left_id", "right_id", "match_weight", "match_probability", "evidence", "decision");
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "SparkLinker[threshold=" + thresholdProbability + ", seed=" + seed + ", model="
                + (modelJson == null ? "trained per run" : "supplied") + ", trainingSample=" + trainingSampleSize + "]";
    }

    /** Configures a {@link SparkLinker}. Not thread-safe. */
    public static final class Builder {
        private double thresholdProbability = 0.95;
        private long seed;
        private MatchModel model;
        private int maxBlockSize = 1_000;
        private int trainingSampleSize = 200_000;
        private int minimumTrainingRecords = 1_000;
        private LocalDate referenceDate = LocalDate.now();
        private String sourceName;
        private ReviewDecisions decisions = ReviewDecisions.none();
        private boolean decisionsGiven;
        private int neighboursPerRecord = RunSettings.DEFAULT_NEIGHBOURS_PER_RECORD;

        private Builder() {
        }

        /**
         * How many nearest neighbours a record is paired with when its blocked pairs leave it without a link
         * (default {@link RunSettings#DEFAULT_NEIGHBOURS_PER_RECORD}, as the one-machine linker's
         * {@code Linker.Builder.neighboursPerRecord}); 0 turns the search off.
         */
        public Builder neighboursPerRecord(int count) {
            checkArgument(count >= 0, "neighboursPerRecord must be at least 0, got %s", count);
            this.neighboursPerRecord = count;
            return this;
        }

        /**
         * A reviewer's decisions to honour (default: none), as the one-machine linker's
         * {@code Linker.Builder.decisions}: a match puts its two records in one person whatever their score and
         * identifiers; a non-match keeps its two records in different people, even through chains of other
         * links. Decisions naming a record id not among the records linked are left out and logged at WARN.
         * Held by the driver; the tasks get the decided pairs by input position.
         */
        public Builder decisions(ReviewDecisions value) {
            this.decisions = checkNotNull(value, "decisions");
            this.decisionsGiven = true;
            return this;
        }

        /** The probability at or above which a pair is a link (default 0.95); in (0, 1). */
        public Builder thresholdProbability(double probability) {
            checkArgument(probability > 0 && probability < 1, "threshold must be in (0, 1), got %s", probability);
            this.thresholdProbability = probability;
            return this;
        }

        /** The seed of u sampling in training (default 0). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** A trained model to score with instead of training one per run (standard comparisons). */
        public Builder model(MatchModel value) {
            this.model = checkNotNull(value, "model");
            return this;
        }

        /** The largest block paired in full (default 1,000, as the one-machine linker); at least 10. */
        public Builder maxBlockSize(int size) {
            checkArgument(size >= 10, "maxBlockSize must be at least 10, got %s", size);
            this.maxBlockSize = size;
            return this;
        }

        /**
         * The most records the driver trains on (default 200,000): a pool this size or smaller is trained on
         * whole, as on one machine; a larger one on a sample of about this many, chosen by record id. The
         * driver needs about what the one-machine linker needs for this many records.
         */
        public Builder trainingSampleSize(int records) {
            checkArgument(records >= 1_000, "trainingSampleSize must be at least 1,000, got %s", records);
            this.trainingSampleSize = records;
            return this;
        }

        /** The smallest pool trained on (default 1,000; smaller ones use the bundled model), as on one machine. */
        public Builder minimumTrainingRecords(int count) {
            checkArgument(count >= 2, "minimumTrainingRecords must be at least 2, got %s", count);
            this.minimumTrainingRecords = count;
            return this;
        }

        /** The date two-digit years and future dates are judged against (default today, as the CLI). */
        public Builder referenceDate(LocalDate date) {
            this.referenceDate = checkNotNull(date, "date");
            return this;
        }

        /**
         * The source of every record of a table without a {@code force} column (the CLI names it after the
         * file); ignored when there is a {@code force} column.
         */
        public Builder sourceName(String name) {
            this.sourceName = name;
            return this;
        }

        /**
         * The linker.
         *
         * @throws IllegalStateException if the training sample is smaller than the smallest pool trained on
         */
        public SparkLinker build() {
            if (trainingSampleSize < minimumTrainingRecords) {
                throw new IllegalStateException("trainingSampleSize " + trainingSampleSize
                        + " is below minimumTrainingRecords " + minimumTrainingRecords + ": a sample would never be trained on");
            }
            return new SparkLinker(this);
        }
    }
}
