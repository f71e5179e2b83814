package io.github.palimpsest.pattern;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.Link;
import io.github.palimpsest.score.Explanation;
import java.util.ArrayList;
import java.util.List;

/**
 * The short "linked by" text of a link: the strongest pieces of evidence that together carry the pair
 * past the threshold.
 *
 * <p>The comparisons with positive weight (term-frequency adjustment included) are taken strongest first
 * until the prior weight plus their weights reaches the threshold; at most {@value #MAX_PARTS} are named,
 * joined by {@code " + "}, e.g. {@code "pnc_id exact"} (one identifier overcomes the prior alone) or
 * {@code "dob exact + surname nickname"}. Because a link at or above the threshold has
 * {@code prior + Σ positive ≥ total ≥ threshold}, the strongest pieces always get there; a pair below the
 * threshold names its strongest {@value #MAX_PARTS} pieces. Ties in weight are broken by comparison order,
 * so the text is deterministic.
 *
 * <p>Stateless and thread-safe.
 */
public final class Evidence {

    /** The most comparisons named in one text. */
    public static final int MAX_PARTS = 3;

    private Evidence() {
    }

    /**
     * The strongest evidence of a link, e.g. {@code "dob exact + surname nickname"}; {@code "no evidence"}
     * when no comparison has positive weight.
     *
     * @param explanation     the link's explanation
     * @param thresholdWeight the linking threshold, as a match weight in bits
     */
    public static String strongest(Explanation explanation, double thresholdWeight) {
        checkNotNull(explanation, "explanation");
        List<Explanation.Row> positive = new ArrayList<>();
        for (Explanation.Row row : explanation.rows()) {
            if (row.weight() > 0) {
                positive.add(row);
            }
        }
        // Stable sort: equal weights keep comparison order.
        positive.sort((a, b) -> Double.compare(b.weight(), a.weight()));
        if (positive.isEmpty()) {
            return "no evidence";
        }
        StringBuilder text = new StringBuilder();
        double total = explanation.priorWeight();
        for (int k = 0; k < positive.size() && k < MAX_PARTS; k++) {
            Explanation.Row row = positive.get(k);
            if (k > 0) {
                text.append(" + ");
            }
            text.append(row.comparison()).append(' ').append(row.level());
            total += row.weight();
            if (total >= thresholdWeight) {
                break;
            }
        }
        return text.toString();
    }

    /**
     * {@code "; supported by the person's other records"} for a link below the threshold that is not a
     * reviewer's match: a supported link, which joined a lone record to a person whose other records weigh for
     * it (docs/blocking-and-clustering.md, "Supported links"); otherwise {@code ""}. Appended to the linked-by
     * text, so that a reader does not take the link for one that reached the threshold alone.
     */
    public static String supportNote(Link link, double thresholdWeight) {
        checkNotNull(link, "link");
        return link.matchWeight() < thresholdWeight && link.decision() != Link.Decision.MATCH ? SUPPORTED : "";
    }

    /** The note of {@link #supportNote}. */
    public static final String SUPPORTED = "; supported by the person's other records";
}
