package io.github.palimpsest.cli;

import io.github.palimpsest.Link;
import io.github.palimpsest.ReviewPair;
import io.github.palimpsest.internal.Decimals;
import io.github.palimpsest.pattern.PlainWords;
import io.github.palimpsest.review.ReviewDecisions;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * The review file of {@code link --review-out}: the pairs a person should look at, most uncertain first. Its
 * first six columns are the decisions file's ({@link ReviewDecisions#COLUMNS}), the decision and its
 * reviewer, reason and date left empty to be filled in, so that the file goes back as {@code --decisions}
 * as it is (rows left undecided are skipped); the rest say why the pair is there and what the evidence is.
 */
final class ReviewCsv {
    static final List<String> COLUMNS;

    static {
        List<String> columns = new ArrayList<>(ReviewDecisions.COLUMNS);
        columns.addAll(List.of("match_probability", "match_weight", "why", "evidence"));
        COLUMNS = List.copyOf(columns);
    }

    private ReviewCsv() {
    }

    static void write(Writer out, List<ReviewPair> pairs, double thresholdProbability) throws IOException {
        CSVPrinter csv = Csv.printer(out, COLUMNS);
        for (ReviewPair pair : pairs) {
            Link link = pair.link();
            csv.printRecord(link.leftId(), link.rightId(), "", "", "", "", Decimals.fixed(link.probability(), 6),
                    Decimals.fixed(link.matchWeight(), 4), why(pair, thresholdProbability),
                    PlainWords.explanation(link.explanation()));
        }
        csv.flush();
    }

    /** Why the pair needs a person, in words. */
    static String why(ReviewPair pair, double thresholdProbability) {
        if (pair.supported()) {
            return String.format(Locale.ROOT, "%s likely the same person, below the link threshold of %s: linked, "
                    + "because the person's other records support it", percent(pair.link().probability()),
                    percent(thresholdProbability));
        }
        if (pair.refusal().isEmpty()) {
            return String.format(Locale.ROOT, "%s likely the same person, below the link threshold of %s: not linked",
                    percent(pair.link().probability()), percent(thresholdProbability));
        }
        String rule = switch (pair.refusal().get()) {
            case CONFLICTING_IDENTIFIERS -> "joining would put different PNC IDs, CRO or NI numbers in one person";
            case CONFLICTING_RECORDS -> "joining would put dates of birth that no keying error explains in one person";
            case LONE_LINK, CHAIN_GUARD -> "it is the only link between two people who each have several records";
            case DECISION -> "a review decision keeps the two people apart";
        };
        return String.format(Locale.ROOT, "%s likely the same person, but not linked: %s",
                percent(pair.link().probability()), rule);
    }

    private static String percent(double p) {
        double pct = 100 * p;
        // Enough digits that a probability just below the threshold never reads as the threshold itself.
        String text = pct >= 99.95 ? String.format(Locale.ROOT, "%.4f", pct).replaceAll("0+$", "").replaceAll("\\.$", "")
                : String.format(Locale.ROOT, "%.1f", pct);
        return text + "%";
    }
}
