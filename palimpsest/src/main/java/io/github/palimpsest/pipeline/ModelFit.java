package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.score.MatchModel;
import java.util.List;

/**
 * Whether a supplied model fits a front end's comparisons: the same comparison names with the same level
 * labels, in the same order (the labels carry the thresholds). One check for the batch linker, the token
 * linker and the link index, so a model refused by one is refused by all, with the same message.
 */
public final class ModelFit {
    private ModelFit() {
    }

    /**
     * Refuses a model whose comparisons are not {@code comparisons}.
     *
     * @param user what uses the model, for the message: "linker", "index"
     * @throws IllegalArgumentException if the names or any comparison's levels differ
     */
    public static void check(MatchModel model, List<? extends Comparison<?>> comparisons, String user) {
        List<String> names = comparisons.stream().map(Comparison::name).toList();
        checkArgument(model.comparisonNames().equals(names),
                "the model compares %s but the %s compares %s; use a model trained with these comparisons",
                model.comparisonNames(), user, names);
        IndexedModel indexed = IndexedModel.of(model);
        for (int c = 0; c < names.size(); c++) {
            checkArgument(indexed.levels(c).equals(comparisons.get(c).levels()),
                    "comparison '%s' has levels %s in the model but %s in the %s; a model saved by another version"
                            + " of the comparisons must be trained again", names.get(c),
                    indexed.levels(c).stream().map(l -> l.label()).toList(),
                    comparisons.get(c).levels().stream().map(l -> l.label()).toList(), user);
        }
    }
}
