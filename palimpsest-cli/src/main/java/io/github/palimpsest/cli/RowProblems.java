package io.github.palimpsest.cli;

import io.github.palimpsest.record.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * The problems of one input row and where it was read, for {@code link --problems-out}.
 *
 * @param file     the input file as given on the command line
 * @param line     the 1-based line the row starts on, as the reader's errors count it
 * @param recordId the row's record id
 * @param problems at least one problem, in schema order
 */
record RowProblems(Path file, long line, String recordId, List<Problem> problems) {
}
