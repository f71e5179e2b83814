package io.github.palimpsest.record;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's header row: names as written, where {@code record_id} is, whether there is a {@code force}
 * column, and what each column sets on a record, resolved once per file rather than once per field. Turns
 * a row's fields into a {@link PersonRecord} exactly as {@link PersonRecord.Builder#set(String, String)}
 * would, field by field. Immutable and thread-safe.
 */
final class CsvHeader {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final List<String> names;
    private final int recordIdIndex;
    private final boolean hasForce;
    /** The canonical column of each header column, or null. */
    private final Column[] columns;
    /** The generic identifier type of each {@code id_<type>} column, or null. */
    private final String[] identifierTypes;

    private CsvHeader(List<String> names, int recordIdIndex, boolean hasForce, Column[] columns,
            String[] identifierTypes) {
        this.names = names;
        this.recordIdIndex = recordIdIndex;
        this.hasForce = hasForce;
        this.columns = columns;
        this.identifierTypes = identifierTypes;
    }

    /** A row as parsed, before it is normalised: its fields (as many as the file gave) and where it starts. */
    record Row(Path file, long line, CsvHeader header, String[] fields) {
        PersonRecord build(LocalDate referenceDate, ParseCache parsed) {
            return header.build(file, fields, referenceDate, parsed);
        }
    }

    static CsvHeader of(Path file, long line, String[] csv) {
        List<String> names = new ArrayList<>(csv.length);
        Map<String, Integer> positions = new HashMap<>();
        Column[] columns = new Column[csv.length];
        String[] identifierTypes = new String[csv.length];
        for (int i = 0; i < csv.length; i++) {
            String name = csv[i];
            if (i == 0 && !name.isEmpty() && name.charAt(0) == BYTE_ORDER_MARK) {
                name = name.substring(1); // Excel writes a byte-order mark before UTF-8 CSV files
            }
            name = name.strip();
            String folded = Column.normaliseHeader(name);
            if (folded.isEmpty()) {
                throw new InputException(file, line, "header column " + (i + 1) + " has no name");
            }
            Integer previous = positions.putIfAbsent(folded, i);
            if (previous != null) {
                throw new InputException(file, line, "header column '" + name + "' appears twice (columns "
                        + (previous + 1) + " and " + (i + 1) + ")");
            }
            names.add(name);
            columns[i] = Column.forHeader(name).orElse(null);
            if (columns[i] == null && folded.startsWith(Column.IDENTIFIER_PREFIX)
                    && folded.length() > Column.IDENTIFIER_PREFIX.length()) {
                identifierTypes[i] = folded.substring(Column.IDENTIFIER_PREFIX.length());
            }
        }
        Integer recordId = positions.get(Column.RECORD_ID.header());
        if (recordId == null) {
            throw new InputException(file, line, "no record_id column in the header; it is required");
        }
        return new CsvHeader(List.copyOf(names), recordId, positions.containsKey(Column.FORCE.header()), columns,
                identifierTypes);
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** The row's record id, stripped; "" when the field is empty or missing. */
    String recordIdOf(String[] fields) {
        return recordIdIndex < fields.length ? fields[recordIdIndex].strip() : "";
    }

    /**
     * The column names of a row: the header's, then {@code _extra_1}, {@code _extra_2}, ... for each surplus
     * value of a row longer than the header (the names its record keeps them under).
     */
    List<String> namesOf(String[] fields) {
        if (fields.length <= size()) {
            return names;
        }
        List<String> all = new ArrayList<>(fields.length);
        all.addAll(names);
        for (int i = size(); i < fields.length; i++) {
            all.add(extraName(i));
        }
        return all;
    }

    /** The row's values, one per {@linkplain #namesOf name}: missing trailing fields as empty, surplus kept. */
    List<String> valuesOf(String[] fields) {
        int width = Math.max(size(), fields.length);
        List<String> values = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            values.add(i < fields.length ? fields[i] : "");
        }
        return values;
    }

    /** The name of a row's column {@code index}: the header's, or {@code _extra_<n>} past its end. */
    String nameAt(int index) {
        return index < size() ? names.get(index) : extraName(index);
    }

    private String extraName(int index) {
        return "_extra_" + (index - size() + 1);
    }

    /** Normalises one row into a record; a wrong number of fields becomes a {@code row} problem. */
    PersonRecord build(Path file, String[] fields, LocalDate referenceDate, ParseCache parsed) {
        PersonRecord.Builder builder = PersonRecord.builder().referenceDate(referenceDate);
        for (int i = 0; i < fields.length; i++) {
            String value = fields[i];
            if (i >= size()) {
                builder.extra(extraName(i), value);
            } else if (columns[i] != null) {
                builder.set(columns[i], value);
            } else if (identifierTypes[i] != null) {
                builder.identifier(identifierTypes[i], value);
            } else {
                builder.extra(names.get(i), value);
            }
        }
        if (fields.length != size()) {
            builder.problem(new Problem("row", "has " + fields.length + " fields but the header has " + size()
                    + (fields.length < size() ? "; missing fields read as empty"
                            : "; surplus values kept as _extra_ columns")));
        }
        if (!hasForce) {
            builder.sourceName(RecordCsvReader.forceFromFileName(file));
        }
        return builder.build(parsed);
    }
}
