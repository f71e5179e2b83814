package io.github.palimpsest.record;

import java.nio.file.Path;
import java.util.List;

/**
 * One row of an input file as read: where it came from, its raw values under the file's header, and the
 * record made from them. Immutable.
 *
 * @param file   the file the row was read from
 * @param line   the 1-based line on which the row starts
 * @param header the file's header as read (not folded), then {@code _extra_1}, {@code _extra_2}, ... for each
 *               surplus value of a row longer than the header
 * @param values the row's values as read (after {@link io.github.palimpsest.normalise.InputText#clean}), one
 *               per header name: missing trailing fields read as empty, surplus values kept
 * @param record the normalised record; row-level problems (a wrong field count) are among its problems
 */
public record CsvRow(Path file, long line, List<String> header, List<String> values, PersonRecord record) {

    public CsvRow {
        header = List.copyOf(header);
        values = List.copyOf(values);
    }
}
