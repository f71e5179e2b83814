package io.github.palimpsest.record;

import java.nio.file.Path;
import java.util.List;

/**
 * One row of an input file as read: where it came from, its raw values under the file's header, and the
 * record made from them. Immutable.
 *
 * @param file   the file the row was read from
 * @param line   the 1-based line on which the row starts
 * @param header the file's header as written (not folded)
 * @param values the row's raw values, one per header column (missing trailing fields read as empty)
 * @param record the normalised record; row-level problems (a wrong field count) are among its problems
 */
public record CsvRow(Path file, long line, List<String> header, List<String> values, PersonRecord record) {

    public CsvRow {
        header = List.copyOf(header);
        values = List.copyOf(values);
    }
}
