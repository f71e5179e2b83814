package io.github.palimpsest.spark;

import static com.google.common.base.Preconditions.checkArgument;

import io.github.palimpsest.record.Column;
import io.github.palimpsest.record.PersonRecord;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Rows of the canonical input schema (the columns {@code palimpsest link} reads from CSV, see
 * {@link Column}) turned into {@link PersonRecord}s, field by field as the library's CSV reader does: canonical
 * columns set their field, {@code id_<type>} columns become generic identifiers, any other column is kept
 * as an extra; a null value reads as empty. Also reads and writes tables as CSV or Parquet by extension.
 *
 * <p>Immutable, serializable (it travels inside Spark tasks) and thread-safe.
 */
public final class CanonicalRows implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String[] names;
    private final Column[] columns;
    private final String[] identifierTypes;
    private final int recordIdIndex;
    private final LocalDate referenceDate;
    /** The source name of every record when there is no force column (a file's name), or null. */
    private final String sourceName;

    private CanonicalRows(String[] names, LocalDate referenceDate, String sourceName) {
        this.names = names;
        this.referenceDate = referenceDate;
        this.columns = new Column[names.length];
        this.identifierTypes = new String[names.length];
        int recordId = -1;
        boolean force = false;
        for (int i = 0; i < names.length; i++) {
            columns[i] = Column.forHeader(names[i]).orElse(null);
            String folded = Column.normaliseHeader(names[i]);
            if (columns[i] == null && folded.startsWith(Column.IDENTIFIER_PREFIX)
                    && folded.length() > Column.IDENTIFIER_PREFIX.length()) {
                identifierTypes[i] = folded.substring(Column.IDENTIFIER_PREFIX.length());
            }
            recordId = columns[i] == Column.RECORD_ID ? i : recordId;
            force |= columns[i] == Column.FORCE;
        }
        checkArgument(recordId >= 0, "no record_id column among %s; it is required", Arrays.toString(names));
        this.recordIdIndex = recordId;
        this.sourceName = force ? null : sourceName;
    }

    /**
     * The rows of a table with these column names.
     *
     * @param columnNames   the table's column names (a leading byte-order mark and surrounding spaces ignored)
     * @param referenceDate the date two-digit years and future dates are judged against
     * @param sourceName    the source every record comes from when there is no {@code force} column (as the
     *                      CLI names it after the file), or null
     * @throws IllegalArgumentException if there is no {@code record_id} column
     */
    public static CanonicalRows of(String[] columnNames, LocalDate referenceDate, String sourceName) {
        String[] names = new String[columnNames.length];
        for (int i = 0; i < names.length; i++) {
            String name = columnNames[i];
            if (i == 0 && !name.isEmpty() && name.charAt(0) == BYTE_ORDER_MARK) {
                name = name.substring(1);
            }
            names[i] = name.strip();
        }
        return new CanonicalRows(names, referenceDate, sourceName);
    }

    /** The column names, as given (stripped). */
    public String[] names() {
        return names.clone();
    }

    /** The row's record id, stripped; "" when null or empty. */
    public String recordIdOf(Row row) {
        Object value = row.get(recordIdIndex);
        return value == null ? "" : value.toString().strip();
    }

    /** Normalises one row into a record, as the CSV reader normalises a line. */
    public PersonRecord toRecord(Row row) {
        PersonRecord.Builder builder = PersonRecord.builder().referenceDate(referenceDate);
        for (int i = 0; i < names.length; i++) {
            Object raw = row.get(i);
            String value = raw == null ? "" : raw.toString();
            if (columns[i] != null) {
                builder.set(columns[i], value);
            } else if (identifierTypes[i] != null) {
                builder.identifier(identifierTypes[i], value);
            } else {
                builder.extra(names[i], value);
            }
        }
        if (sourceName != null) {
            builder.sourceName(sourceName);
        }
        return builder.build();
    }

    /**
     * Reads a table: Parquet for a path ending {@code .parquet}, else CSV (RFC 4180: header row, double
     * quotes escaped by doubling, fields that span lines, every column a string, surrounding spaces ignored).
     */
    public static Dataset<Row> read(SparkSession spark, String path) {
        if (isParquet(path)) {
            return spark.read().parquet(path);
        }
        return spark.read().option("header", "true").option("inferSchema", "false").option("multiLine", "true")
                .option("quote", "\"").option("escape", "\"").option("encoding", "UTF-8")
                .option("ignoreLeadingWhiteSpace", "true").option("ignoreTrailingWhiteSpace", "true")
                .option("nullValue", null).option("emptyValue", "").csv(path);
    }

    /**
     * Writes a table: Parquet for a path ending {@code .parquet}; for CSV, one file with a header row
     * (the rows are brought into one partition, so a national table is better written as Parquet).
     */
    public static void write(Dataset<Row> table, String path) {
        if (isParquet(path)) {
            table.write().mode(SaveMode.Overwrite).parquet(path);
        } else {
            table.coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").option("quote", "\"")
                    .option("escape", "\"").option("emptyValue", "").csv(path);
        }
    }

    /** Whether a path names a Parquet table. */
    public static boolean isParquet(String path) {
        return path.toLowerCase(Locale.ROOT).replaceAll("/+$", "").endsWith(".parquet");
    }
}
