package io.github.palimpsest.index;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.Entity;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.review.ReviewDecisions;
import io.github.palimpsest.score.Explanation;
import io.github.palimpsest.score.MatchModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An incremental, thread-safe index of person records that keeps people (clusters) current as records are
 * added, updated and removed, and answers "who is this?" for a new record in about a millisecond. It is the
 * one <b>mutable</b> object of the library, and is safe to share between threads.
 *
 * <pre>{@code
 * LinkIndex index = LinkIndex.builder().model(trainedModel).build();
 * for (PersonRecord r : history) index.add(r);
 * MatchResult who = index.match(newAllegation);             // read-only: the best candidates and their people
 * who.bestEntity().ifPresent(person -> show(person.pattern()));
 * ChangeReport change = index.add(newAllegation);           // CREATED, JOINED or MERGED, with entity ids
 * if (change.outcome() == ChangeReport.Outcome.MERGED) alert(change.mergedEntityIds());
 * index.save(Path.of("people.idx"));                        // LinkIndex.load(...) restores it
 * }</pre>
 *
 * <p><b>Same people as a batch run.</b> The index scores a new record against the records that share a
 * blocking key with it (the batch candidate pairs), and, when none of them links it, against its nearest
 * neighbours by shared rare tokens (the batch run's search, over the records indexed at that moment; see
 * {@link LinkIndexBuilder#neighboursPerRecord}); it keeps every scored pair (the links at or above the
 * threshold, and the pairs below it that batch linking weighs for its supported links; see
 * {@link LinkIndexBuilder#supportedLinks}), and after each change re-clusters the link-graph components the
 * change touched (edges: the pairs at or above 0 bits) with batch linking's constrained clustering (same
 * threshold, overwhelming weight, exclusive PNC, CRO and NI keys, and supported links). Clustering decisions
 * never cross components, so an index built in bulk
 * ({@link LinkIndexBuilder#build(java.util.Collection)}) has the people of
 * {@code Linker.builder().model(sameModel).termFrequencyAdjustment(false).build().link(sameRecords)} over
 * the records sorted by id, and so does one fed record by record in any order with the search off
 * ({@code neighboursPerRecord(0)} on both) — with term-frequency adjustment off and no block larger than the
 * maximum block size (see {@code docs/index.md} for the conditions, and for what the search changes when
 * records arrive one at a time: each searches only among the records before it).
 *
 * <p><b>Very large components.</b> Re-clustering a component costs time that grows with it, under the write
 * lock. A change whose component holds more links than the {@linkplain LinkIndexBuilder#maxReclusterLinks
 * re-clustering budget} (default 4,096) therefore only merges and splits the people it touches, and its
 * {@link ChangeReport} says so ({@link ChangeReport#isExact()} is false; {@link #boundedChangeCount()} counts
 * such changes). The batch equality above holds for every change whose report is exact; the people a bounded
 * change forms are sound (every identifier and date-of-birth constraint holds) but may differ from a batch
 * run's.
 *
 * <p><b>Entity ids</b> follow {@link io.github.palimpsest.cluster.EntityIds}: derived from a person's
 * smallest record id, so adding records never changes an existing person's id unless the new record's id
 * sorts first; when people merge, the merged person keeps the id of the one with the smallest record id.
 *
 * <p><b>Concurrency.</b> One read–write lock: {@link #match} and the other readers share the read lock and
 * never block each other; {@link #add}, {@link #update} and {@link #remove} take the write lock for their
 * look-up, scoring and re-clustering. The expensive, record-local work (normalising, phonetic keys,
 * blocking keys) happens before the lock is taken, so writers on different threads overlap there. Every
 * result is read under one lock hold: no reader ever sees half of a change.
 *
 * <p><b>Term frequencies</b> (when {@linkplain LinkIndexBuilder#termFrequencyAdjustment on}, from 1,000 records):
 * the index keeps running value counts; a link's weight uses the frequencies at the moment it was scored,
 * and {@link #match} uses the current ones.
 */
public final class LinkIndex {
    private final IndexConfig config;
    private final IndexCore core;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final CountDownLatch warm = new CountDownLatch(1);

    private static final Logger LOG = LoggerFactory.getLogger(LinkIndex.class);
    /** Records rebuilt per read-lock hold of the warm-up: a small slice of work, so a writer never waits long. */
    private static final int WARM_UP_CHUNK = 1_024;

    LinkIndex(IndexConfig config, int expectedRecords) {
        this.config = config;
        this.core = new IndexCore(config, expectedRecords);
    }

    /**
     * A builder with the standard person comparisons and blocking rules, the bundled default model (its
     * priors scaled to {@link LinkIndexBuilder#expectedSize} above its training pool), threshold probability
     * 0.95, an overwhelming weight of 20 bits, term-frequency adjustment on, blocks of at most 1,000 records
     * paired exhaustively (a window of 10 beyond), and 10 candidates per match: the batch {@code Linker}'s
     * defaults.
     */
    public static LinkIndexBuilder builder() {
        return new LinkIndexBuilder();
    }

    /**
     * Loads an index saved by {@link #save}, with the standard comparisons and blocking rules; see
     * {@link LinkIndexBuilder#load(Path)}.
     *
     * @throws IndexFileException if the file is not an index file, has an unknown version, is cut short or
     *                            corrupt, or was saved with other comparisons or blocking rules
     */
    public static LinkIndex load(Path file) throws IOException {
        return builder().load(file);
    }

    /**
     * Adds a record and updates the people it touches.
     *
     * @return what happened: {@code CREATED}, {@code JOINED} or {@code MERGED}, with the entity ids
     * @throws IllegalArgumentException if a record with the same id is already indexed (use {@link #update})
     */
    public ChangeReport add(PersonRecord record) {
        PreparedRecord prepared = PreparedRecord.of(checkNotNull(record, "record"), config);
        return write(() -> {
            checkArgument(core.slotOf(record.recordId()) < 0,
                    "record id '%s' is already indexed; use update(...) to change it", record.recordId());
            return core.change(-1, prepared);
        });
    }

    /**
     * Replaces the indexed record with the same id by this new content, re-scores it and updates the people
     * it touches, as if it had been removed and added in one step.
     *
     * @return what happened: {@code UNCHANGED}, {@code JOINED}, {@code MERGED} or {@code SPLIT}
     * @throws NoSuchElementException if no record with this id is indexed
     */
    public ChangeReport update(PersonRecord record) {
        PreparedRecord prepared = PreparedRecord.of(checkNotNull(record, "record"), config);
        return write(() -> core.change(existingSlot(record.recordId()), prepared));
    }

    /**
     * Removes a record and its links, re-clustering the people it was part of (a person held together only
     * through it splits).
     *
     * @return what happened: {@code REMOVED} or {@code SPLIT}
     * @throws NoSuchElementException if no record with this id is indexed
     */
    public ChangeReport remove(String recordId) {
        checkNotNull(recordId, "recordId");
        return write(() -> core.change(existingSlot(recordId), null));
    }

    /** Adds records to this empty index in bulk: see {@link LinkIndexBuilder#build(java.util.Collection)}. */
    void bulk(java.util.Collection<? extends PersonRecord> records) {
        List<PreparedRecord> prepared = new ArrayList<>(records.parallelStream()
                .map(r -> PreparedRecord.of(checkNotNull(r, "record"), config)).toList());
        prepared.sort(java.util.Comparator.comparing(PreparedRecord::recordId));
        for (int k = 1; k < prepared.size(); k++) {
            checkArgument(!prepared.get(k).recordId().equals(prepared.get(k - 1).recordId()),
                    "record id '%s' appears twice", prepared.get(k).recordId());
        }
        write(() -> {
            core.bulk(prepared);
            return null;
        });
    }

    private int existingSlot(String recordId) {
        int slot = core.slotOf(recordId);
        if (slot < 0) {
            throw new NoSuchElementException("record id '" + recordId + "' is not indexed");
        }
        return slot;
    }

    /**
     * Scores a record against the index without adding it: the best candidates (at most
     * {@link LinkIndexBuilder#maxCandidates}), strongest first, each with its probability and explanation, and the
     * people they belong to with their patterns. An indexed record with the same id is left out of the
     * candidates (a record is not its own match).
     */
    public MatchResult match(PersonRecord record) {
        PreparedRecord prepared = PreparedRecord.of(checkNotNull(record, "record"), config);
        return read(() -> {
            Scoring scoring = new Scoring(core);
            boolean adjust = config.adjustsTermFrequencies(core.size());
            Scoring.Scored[] scored = scoring.scoreAll(prepared, core.slotOf(record.recordId()), adjust);
            int shown = Math.min(scored.length, config.maxCandidates);
            List<MatchCandidate> candidates = new ArrayList<>(shown);
            Map<Integer, Entity> people = new LinkedHashMap<>();
            Scoring forPatterns = new Scoring(core);
            for (int k = 0; k < shown; k++) {
                Scoring.Scored s = scored[k];
                Entity person = people.computeIfAbsent(core.anchor[s.slot()],
                        a -> People.entity(core, s.slot(), forPatterns));
                candidates.add(new MatchCandidate(s.recordId(), person.id(), s.weight(),
                        MatchModel.probability(s.weight()), s.weight() >= config.thresholdWeight,
                        scoring.explain(prepared.comparable, core.comparable(s.slot()))));
            }
            return new MatchResult(candidates, List.copyOf(people.values()));
        });
    }

    /**
     * How the index scores two of its records against each other, as {@link MatchResult} explains a candidate:
     * prior plus one row per comparison, with the term frequencies of {@code recordIdA}'s values. Empty when
     * either record is not indexed. For showing why two records of a person are linked, e.g. the chain of a
     * purged record.
     */
    public Optional<Explanation> explain(String recordIdA, String recordIdB) {
        checkNotNull(recordIdA, "recordIdA");
        checkNotNull(recordIdB, "recordIdB");
        return read(() -> {
            int a = core.slotOf(recordIdA);
            int b = core.slotOf(recordIdB);
            if (a < 0 || b < 0) {
                return Optional.empty();
            }
            return Optional.of(new Scoring(core).explainLink(core.comparable(a), core.comparable(b),
                    config.adjustsTermFrequencies(core.size())));
        });
    }

    /**
     * Adds a reviewer's decisions and re-clusters the people of the indexed records they name: a match puts
     * its two records in one person whatever their links; a non-match keeps them apart, even through chains of
     * other links. Decisions are kept with the index by record id, saved with it, and apply to records added
     * later too (a decision naming a record not yet indexed takes effect when it is added). The re-clustering is
     * exact whatever the size of the component (a decision is rare and someone waits for it).
     *
     * @return the decisions naming a record id not indexed now (kept, not ignored); empty when all are known
     * @throws io.github.palimpsest.review.ContradictoryDecisionsException before any change, if the decisions
     *     contradict each other or the index's own (the message names them)
     */
    public List<ReviewDecision> decide(ReviewDecisions decisions) {
        checkNotNull(decisions, "decisions");
        return write(() -> core.decide(decisions));
    }

    /** The review decisions the index holds, in the order they were given. */
    public ReviewDecisions decisions() {
        return read(() -> core.decisions);
    }

    /** The indexed record with this id. */
    public Optional<PersonRecord> record(String recordId) {
        checkNotNull(recordId, "recordId");
        return read(() -> {
            int slot = core.slotOf(recordId);
            return slot < 0 ? Optional.empty() : Optional.of(core.record(slot));
        });
    }

    /** The entity id of the person an indexed record belongs to. */
    public Optional<String> entityIdOf(String recordId) {
        checkNotNull(recordId, "recordId");
        return read(() -> {
            int slot = core.slotOf(recordId);
            return slot < 0 ? Optional.empty() : Optional.of(core.entityId(slot));
        });
    }

    /** The person an indexed record belongs to, with all its records and its pattern. */
    public Optional<Entity> entityOf(String recordId) {
        checkNotNull(recordId, "recordId");
        return read(() -> {
            int slot = core.slotOf(recordId);
            return slot < 0 ? Optional.empty() : Optional.of(People.entity(core, slot, new Scoring(core)));
        });
    }

    /**
     * A consistent snapshot of every indexed record's entity id, record id to entity id (the content of a
     * batch run's {@code CLUSTERS.csv}). Costs a pass over the index.
     */
    public Map<String, String> entityIds() {
        return read(() -> {
            Map<String, String> ids = new LinkedHashMap<>();
            for (int slot : core.usedSlots()) {
                ids.put(core.recordId(slot), core.entityId(slot));
            }
            return ids;
        });
    }

    /** The number of records indexed. */
    public int size() {
        return read(core::size);
    }

    /** The number of people (entities, singletons included). */
    public int entityCount() {
        return read(core::clusterCount);
    }

    /**
     * The number of links between indexed records: scored pairs at or above the threshold, and the supported
     * links below it that joined a record to its person (as a batch run's links).
     */
    public int linkCount() {
        return read(core::linkCount);
    }

    /**
     * The number of changes since this index was built or loaded whose link-graph component exceeded the
     * {@linkplain LinkIndexBuilder#maxReclusterLinks re-clustering budget}, so that only the people they
     * touched were re-clustered ({@link ChangeReport#isExact()} false). While it is zero, the people are
     * those of a batch run (under the conditions in the class comment); otherwise the people those changes
     * touched may differ from a batch run's until a later change re-clusters their component exactly.
     */
    public long boundedChangeCount() {
        return read(core::boundedChangeCount);
    }

    /** The model records are scored with. */
    public MatchModel model() {
        return config.model;
    }

    /** The probability at or above which a pair is a link. */
    public double thresholdProbability() {
        return config.thresholdProbability;
    }

    /**
     * Whether the index makes supported links (see {@link LinkIndexBuilder#supportedLinks}); false for an index
     * loaded from a file saved before them (format version 4 or earlier).
     */
    public boolean supportedLinks() {
        return config.supportedLinks;
    }

    /** The threshold as a match weight in bits, {@code log2(p / (1 − p))}. */
    public double thresholdWeight() {
        return config.thresholdWeight;
    }

    /**
     * Writes the index to a compact binary file (see {@code docs/index.md}): the configuration, the model,
     * every record's input fields, the scored pairs (links, and the pairs below the threshold supported links
     * weigh), the supported links, the people and the review decisions. Readers may continue meanwhile; writers wait.
     * The file is written to a temporary sibling and moved into place, so a crash never leaves half a file.
     */
    public void save(Path file) throws IOException {
        checkNotNull(file, "file");
        lock.readLock().lock();
        try {
            IndexFile.save(core, file);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Waits until every record of a {@linkplain #load loaded} index has been rebuilt from its saved form.
     * A loaded index answers at once, rebuilding records as it first meets them, while a background thread
     * rebuilds the rest; until it is done, a {@link #match} may take longer than usual. Returns at once for
     * an index that was built, not loaded.
     *
     * @return whether the warm-up finished within the timeout
     */
    public boolean awaitWarmUp(long timeout, TimeUnit unit) throws InterruptedException {
        return warm.await(timeout, checkNotNull(unit, "unit"));
    }

    /** Marks an index that needs no warm-up (it was built, not loaded). */
    void warmedUp() {
        warm.countDown();
    }

    /**
     * Starts the background warm-up of a loaded index: one daemon thread rebuilds the saved records chunk by
     * chunk under the read lock (readers go on; a writer waits at most one chunk), then drops their saved
     * form under the write lock. One thread, so that on a small machine the other cores stay free for
     * look-ups.
     */
    void startWarmUp() {
        Thread warmUp = new Thread(() -> {
            long started = System.nanoTime();
            try {
                for (int start = 0; ; start += WARM_UP_CHUNK) {
                    int from = start;
                    int to = start + WARM_UP_CHUNK;
                    boolean more = read(() -> {
                        if (from >= core.highWater()) {
                            return false;
                        }
                        if (core.hasPending(from, to)) {
                            core.materialise(from, to);
                        }
                        return true;
                    });
                    if (!more) {
                        break;
                    }
                    write(() -> {
                        core.releasePending(from, to);
                        return null;
                    });
                }
                LOG.info("index warm-up: {} records rebuilt in {} ms", size(), (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.error("index warm-up stopped; records will be rebuilt when first used", e);
            } finally {
                warm.countDown();
            }
        }, "palimpsest-index-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    private <T> T read(Supplier<T> work) {
        Lock read = lock.readLock();
        read.lock();
        try {
            return work.get();
        } finally {
            read.unlock();
        }
    }

    private <T> T write(Supplier<T> work) {
        Lock write = lock.writeLock();
        write.lock();
        try {
            return work.get();
        } finally {
            write.unlock();
        }
    }

    /** Counts only. */
    @Override
    public String toString() {
        return read(() -> "LinkIndex[" + core.size() + " records, " + core.clusterCount() + " people, "
                + core.linkCount() + " links]");
    }

    IndexCore core() {
        return core;
    }

    IndexConfig config() {
        return config;
    }
}
