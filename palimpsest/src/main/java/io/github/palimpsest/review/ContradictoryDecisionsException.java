package io.github.palimpsest.review;

import java.util.List;

/**
 * Review decisions that cannot all hold: one pair decided both ways, or matches that join, directly or through
 * a chain of other matches, two records a non-match keeps apart. The message and {@link #decisions()} name
 * every decision involved, so that a reviewer can correct one of them.
 */
public final class ContradictoryDecisionsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Not serialised: the decisions are named in the message. */
    private final transient List<ReviewDecision> decisions;

    ContradictoryDecisionsException(String message, List<ReviewDecision> decisions) {
        super(message);
        this.decisions = List.copyOf(decisions);
    }

    /** The decisions that contradict each other: the non-match first, then the matches that join its records. */
    public List<ReviewDecision> decisions() {
        return decisions == null ? List.of() : decisions;
    }
}
