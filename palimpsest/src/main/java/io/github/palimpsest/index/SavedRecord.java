package io.github.palimpsest.index;

import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.Problem;
import java.time.LocalDate;
import java.util.Map;

/**
 * A record as an index file stores it: its input columns, reference date and problems, from which the
 * {@link PersonRecord} is rebuilt exactly. Immutable.
 */
final class SavedRecord {
    final long referenceDay;
    /** Header, value, header, value, ... */
    final String[] columns;
    /** Field, reason, field, reason, ... (every problem, those a reader added first). */
    final String[] problems;

    SavedRecord(long referenceDay, String[] columns, String[] problems) {
        this.referenceDay = referenceDay;
        this.columns = columns;
        this.problems = problems;
    }

    static SavedRecord of(PersonRecord record) {
        Map<String, String> input = record.inputColumns();
        String[] columns = new String[input.size() * 2];
        int k = 0;
        for (Map.Entry<String, String> column : input.entrySet()) {
            columns[k++] = column.getKey();
            columns[k++] = column.getValue();
        }
        String[] problems = new String[record.problems().size() * 2];
        k = 0;
        for (Problem problem : record.problems()) {
            problems[k++] = problem.field();
            problems[k++] = problem.reason();
        }
        return new SavedRecord(record.referenceDate().toEpochDay(), columns, problems);
    }

    /**
     * The record. Problems a reader added come first in a record's problem list, before those its fields
     * produce, so they are the saved problems beyond those the rebuilt fields give.
     *
     * @throws IllegalArgumentException if the saved columns do not make a record (a blank record id)
     */
    PersonRecord rebuild() {
        PersonRecord.Builder builder = PersonRecord.builder().referenceDate(LocalDate.ofEpochDay(referenceDay));
        for (int k = 0; k < columns.length; k += 2) {
            builder.set(columns[k], columns[k + 1]);
        }
        PersonRecord record = builder.build();
        int given = problems.length / 2 - record.problems().size();
        if (given <= 0) {
            return record;
        }
        for (int k = 0; k < given; k++) {
            builder.problem(new Problem(problems[2 * k], problems[2 * k + 1]));
        }
        return builder.build();
    }

    /** The record id, read from the columns without rebuilding the record (as the builder strips it). */
    String recordId() {
        for (int k = 0; k < columns.length; k += 2) {
            if (columns[k].equals("record_id")) {
                return columns[k + 1].strip();
            }
        }
        return "";
    }
}
