package io.github.palimpsest;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.Map;

/**
 * Counts and timings of one linking run. Immutable and thread-safe.
 *
 * @param records                      the records linked
 * @param candidatePairs               the distinct pairs blocking produced, each compared and scored once
 * @param links                        the candidate pairs at or above the threshold
 * @param people                       the entities, singletons included
 * @param peopleSeenByMoreThanOneForce the entities whose records come from two or more forces
 * @param constraintRejections         links at or above the threshold that clustering refused because they
 *                                     would join different PNC IDs, CRO numbers or NI numbers
 * @param isModelTrained               whether the model was trained on these records (false when a trained
 *                                     model was supplied)
 * @param stageTimes                   wall time of each stage, in pipeline order ({@code prepare},
 *                                     {@code block}, {@code compare}, {@code train}, {@code score},
 *                                     {@code cluster}, {@code pattern}); {@code train} is absent when a model
 *                                     was supplied
 * @param trainingNote                 what training could not do and which model was used instead (the
 *                                     bundled default for a small pool, a fallback after a failed health
 *                                     check; see {@link io.github.palimpsest.score.MatchModel#trainingNote()}),
 *                                     or empty
 */
public record LinkStatistics(int records, long candidatePairs, int links, int people,
                             int peopleSeenByMoreThanOneForce, int constraintRejections, boolean isModelTrained,
                             Map<String, Duration> stageTimes, String trainingNote) {

    /** Copies the stage times, keeping their order. */
    public LinkStatistics {
        stageTimes = ImmutableMap.copyOf(checkNotNull(stageTimes, "stageTimes"));
        checkNotNull(trainingNote, "trainingNote");
    }

    /** Statistics without a training note. */
    public LinkStatistics(int records, long candidatePairs, int links, int people, int peopleSeenByMoreThanOneForce,
                          int constraintRejections, boolean isModelTrained, Map<String, Duration> stageTimes) {
        this(records, candidatePairs, links, people, peopleSeenByMoreThanOneForce, constraintRejections,
                isModelTrained, stageTimes, "");
    }

    /** The sum of the stage times. */
    public Duration totalTime() {
        return stageTimes.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
