package io.github.palimpsest.pipeline;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.score.MatchModel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What differs between linking one kind of record and another — plain {@code ComparableRecord}s or token
 * {@code Tombstone}s — for the one {@link PipelineRun}: the comparisons and blocking rules, which pairs are
 * anchors (they share a strong identifier), the bundled model, how a trained model is refined from the
 * anchors, and what keeps records apart in clustering. Everything else (blocking, comparing, training with
 * its health check, retry and fallback, scoring, clustering) is the run's, written once.
 *
 * @param <R> the record type
 */
public interface RecordKind<R> {

    /** How EM's starting prior is counted (docs/model.md, "The prior"). */
    enum PriorStart {
        /** From the candidate pairs that share a strong identifier (plain records, whose identifiers are valid). */
        ANCHOR_PAIRS,
        /** From the sure pairs: anchors, or exact agreement on forename, surname and date of birth. */
        SURE_PAIRS
    }

    /** A model to score with when training is not possible, and how a training note names it. */
    record Fallback(MatchModel model, String description) {
    }

    /** The comparisons, in model order. */
    List<Comparison<R>> comparisons();

    /** The blocking rules, in the order their pairs are counted as new. */
    List<BlockingRule<R>> blockingRules();

    /**
     * The search pairing each record with its {@code perRecord} nearest neighbours after the blocking rules,
     * if this kind has one; {@code perRecord} is at least 1.
     */
    default Optional<NearestNeighbours<R>> nearestNeighbours(int perRecord) {
        return Optional.empty();
    }

    /** Whether two records share a strong identifier (PNC ID, CRO or NI number): an anchor pair. */
    boolean sharesStrongIdentifier(R a, R b);

    /**
     * The bundled model for a pool of {@code records} too small to train on, when it fits the comparisons;
     * else empty (the run then trains, however small the pool).
     */
    Optional<MatchModel> smallPoolModel(int records);

    /** The model to fall back on when training fails its health check twice, when one fits; else empty. */
    Optional<Fallback> fallback(int records);

    /** How EM's starting prior is counted. */
    PriorStart priorStart();

    /**
     * Whether training takes the matches among its randomly sampled pairs out of {@code u}
     * ({@link ModelTrainer.Builder#removeSampledMatches}): only a kind whose model takes a household's shared
     * weight back, since agreeing on a home then weighs what it should, twice (postcode and address).
     */
    default boolean removesSampledMatches() {
        return false;
    }

    /**
     * Refines the model EM trained (m from the anchor pairs, counted u, the relatives' classes, as the kind
     * supports); {@code run} gives the candidates, their levels and the run's scoring.
     */
    MatchModel refine(MatchModel trained, PipelineRun<R> run);

    /** Adds the record's exclusive keys (typed, e.g. {@code "pnc:…"}): records with different keys of a type stay apart. */
    void exclusiveKeys(R record, List<String> keys);

    /**
     * The cannot-link test between records of the pool (by index), beyond exclusive keys, given the model the
     * links were scored with.
     */
    RecordConflicts conflicts(List<R> records, MatchModel model);

    /** The weight a lone link needs to join two clusters of several records, if the kind asks for one. */
    OptionalDouble loneLinkWeight();
}
