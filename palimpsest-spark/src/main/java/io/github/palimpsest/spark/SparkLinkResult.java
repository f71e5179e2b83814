package io.github.palimpsest.spark;

import io.github.palimpsest.score.MatchModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link SparkLinker#link} gives: each record's person, the model used, counts, and on request the
 * links with their evidence. The datasets are cached by the run; {@link #release()} frees them.
 */
public final class SparkLinkResult {
    private final Dataset<Row> persons;
    private final LinkSource links;
    private final MatchModel model;
    private final long records;
    private final long candidatePairs;
    private final long linkCount;
    private final long people;
    private final long oversizeBlocks;
    private final long constraintRejections;
    private final Runnable release;

    /** Builds the links table only when asked. */
    interface LinkSource {
        Dataset<Row> links();
    }

    SparkLinkResult(Dataset<Row> persons, LinkSource links, MatchModel model, long records, long candidatePairs,
            long linkCount, long people, long oversizeBlocks, long constraintRejections, Runnable release) {
        this.persons = persons;
        this.links = links;
        this.model = model;
        this.records = records;
        this.candidatePairs = candidatePairs;
        this.linkCount = linkCount;
        this.people = people;
        this.oversizeBlocks = oversizeBlocks;
        this.constraintRejections = constraintRejections;
        this.release = release;
    }

    /**
     * Each record's person: columns {@code record_id} and {@code entity_id}, in input order. The entity id is
     * the library's ({@link io.github.palimpsest.cluster.EntityIds#people()}): derived from the smallest
     * record id of the person, so the same input gives the same ids, and the one-machine linker gives the
     * same id to the same person.
     */
    public Dataset<Row> persons() {
        return persons;
    }

    /**
     * The links (at or above the threshold, and the supported links below it that joined a record to a person,
     * as on one machine), with their evidence: columns {@code left_id}, {@code right_id}
     * (the record that came first in the input on the left), {@code match_weight}, {@code match_probability}
     * and {@code evidence}, as {@code palimpsest link --links-out} writes them. When the linker was given
     * decisions, a last column {@code decision} says what a decision did to each link, as the CLI's does with
     * {@code --decisions}: {@code match}, {@code non-match}, {@code kept apart by a non-match}, or empty.
     */
    public Dataset<Row> links() {
        return links.links();
    }

    /** The model that scored the pairs (trained on a sample, supplied, or the bundled fallback). */
    public MatchModel model() {
        return model;
    }

    /** The number of records linked. */
    public long recordCount() {
        return records;
    }

    /** The number of distinct candidate pairs the blocking rules proposed. */
    public long candidatePairCount() {
        return candidatePairs;
    }

    /** The number of links: pairs at or above the threshold, supported links and a reviewer's must-links. */
    public long linkCount() {
        return linkCount;
    }

    /** The number of people (clusters). */
    public long peopleCount() {
        return people;
    }

    /** The number of blocks larger than their maximum size, paired by the library's window and split keys. */
    public long oversizeBlockCount() {
        return oversizeBlocks;
    }

    /** Merges the constrained clustering refused because of conflicting identifiers. */
    public long constraintRejections() {
        return constraintRejections;
    }

    /** Unpersists the run's cached data. */
    public void release() {
        release.run();
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "SparkLinkResult[records=" + records + ", candidatePairs=" + candidatePairs + ", links=" + linkCount
                + ", people=" + people + "]";
    }
}
