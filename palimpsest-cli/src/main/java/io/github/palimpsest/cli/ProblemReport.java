package io.github.palimpsest.cli;

import io.github.palimpsest.record.Problem;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * The rows of a {@code link} run that have problems, in input order: counted for the summary and, with
 * {@code --problems-out}, written one CSV row per problem. Immutable.
 */
final class ProblemReport {
    static final List<String> COLUMNS = List.of("file", "line", "record_id", "field", "problem");

    private final long recordsRead;
    private final int recordsWithProblems;
    private final List<RowProblems> rows;

    /**
     * {@code recordsRead} counts every record read; {@code rows} are the records with problems in input order, or
     * empty when only the count was kept.
     */
    ProblemReport(long recordsRead, int recordsWithProblems, List<RowProblems> rows) {
        this.recordsRead = recordsRead;
        this.recordsWithProblems = recordsWithProblems;
        this.rows = List.copyOf(rows);
    }

    /** How many records the inputs held. */
    long recordsRead() {
        return recordsRead;
    }

    /** How many records have at least one problem. */
    int recordsWithProblems() {
        return recordsWithProblems;
    }

    /** Writes the header and one row per problem kept; flushes but does not close {@code out}. */
    void write(Writer out) throws IOException {
        CSVPrinter csv = Csv.printer(out, COLUMNS);
        for (RowProblems row : rows) {
            String file = row.file().toString();
            String line = Long.toString(row.line());
            for (Problem problem : row.problems()) {
                csv.printRecord(file, line, row.recordId(), problem.field(), problem.reason());
            }
        }
        csv.flush();
    }
}
