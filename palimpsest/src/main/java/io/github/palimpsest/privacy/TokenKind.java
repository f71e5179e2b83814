package io.github.palimpsest.privacy;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.PipelineRun;
import io.github.palimpsest.pipeline.RecordConflicts;
import io.github.palimpsest.pipeline.RecordKind;
import io.github.palimpsest.score.MatchModel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Tombstones as a {@link RecordKind} of the one pipeline: anchors are pairs that share a PNC, CRO or NI token,
 * from which a trained model's m is re-estimated ({@link TokenAnchors}); the bundled model is
 * {@link DefaultTokenModel}; EM starts from the sure pairs; identifier tokens are exclusive keys, and dates
 * of birth whose filters disagree conflict. Immutable.
 */
final class TokenKind implements RecordKind<Tombstone> {
    /**
     * Dice of two date-of-birth filters below which the dates conflict in clustering. A day–month swap keeps
     * the year and the unordered day–month pair (two of seven features), so its Dice falls below the {@code dob}
     * comparison's lowest threshold (0.62) but mostly stays above this one, which most unrelated dates fall
     * below. So a swap is weak evidence against, but not a conflict (docs/privacy.md, "Small pools"; figures in
     * docs/results.md).
     */
    static final double BIRTH_DATE_CONFLICT_DICE = 0.56;

    private final List<Comparison<Tombstone>> comparisons;
    private final List<BlockingRule<Tombstone>> blockingRules;
    private final boolean bundledModelFits;

    TokenKind(List<Comparison<Tombstone>> comparisons, List<BlockingRule<Tombstone>> blockingRules) {
        this.comparisons = List.copyOf(comparisons);
        this.blockingRules = List.copyOf(blockingRules);
        this.bundledModelFits = DefaultTokenModel.fits(this.comparisons);
    }

    @Override
    public List<Comparison<Tombstone>> comparisons() {
        return comparisons;
    }

    @Override
    public List<BlockingRule<Tombstone>> blockingRules() {
        return blockingRules;
    }

    @Override
    public boolean sharesStrongIdentifier(Tombstone a, Tombstone b) {
        return TokenAnchors.isAnchor(a, b);
    }

    @Override
    public Optional<MatchModel> smallPoolModel(int records) {
        return bundledModelFits ? Optional.of(DefaultTokenModel.standard()) : Optional.empty();
    }

    @Override
    public Optional<Fallback> fallback(int records) {
        return bundledModelFits ? Optional.of(new Fallback(DefaultTokenModel.standard(), "the bundled token model"))
                : Optional.empty();
    }

    @Override
    public PriorStart priorStart() {
        return PriorStart.SURE_PAIRS;
    }

    @Override
    public MatchModel refine(MatchModel trained, PipelineRun<Tombstone> run) {
        return TokenAnchors.reestimateM(trained, comparisons, run.records(), run.candidates(), run.levels());
    }

    @Override
    public void exclusiveKeys(Tombstone record, List<String> keys) {
        for (IdentifierField field : TokenAnchors.FIELDS) {
            IdentifierToken t = record.tokenOrNull(field);
            if (t != null) {
                keys.add(field.column() + ':' + t.toText());
            }
        }
    }

    /**
     * Two dates of birth whose filters have a Dice coefficient below {@value #BIRTH_DATE_CONFLICT_DICE}
     * conflict: the filters say the dates differ in more than a keying error. Relatives who share a name and a
     * home differ mostly there, and would otherwise join through a third record resembling both.
     */
    @Override
    public RecordConflicts conflicts(List<Tombstone> tombstones, MatchModel model) {
        for (Comparison<Tombstone> c : comparisons) {
            if (c instanceof DiceComparison dice && dice.field() == BloomField.DATE_OF_BIRTH) {
                return (a, b) -> {
                    BloomFilter left = tombstones.get(a).filterOrNull(BloomField.DATE_OF_BIRTH);
                    BloomFilter right = tombstones.get(b).filterOrNull(BloomField.DATE_OF_BIRTH);
                    return left != null && right != null && left.dice(right) < BIRTH_DATE_CONFLICT_DICE;
                };
            }
        }
        return RecordConflicts.NONE;
    }

    /** None: token clustering has no lone-link rule. */
    @Override
    public OptionalDouble loneLinkWeight() {
        return OptionalDouble.empty();
    }
}
