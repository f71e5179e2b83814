package io.github.palimpsest.spark;

import io.github.palimpsest.Entity;
import io.github.palimpsest.LinkResult;
import io.github.palimpsest.record.PersonRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** A small local Spark session for tests, and tables built from rows of text. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** Two local cores, few shuffle partitions (small data), no UI, Spark's default (Java) serializer. */
    static SparkSession start(String name) {
        return builder(name).getOrCreate();
    }

    /** As {@link #start}, with the Kryo settings the command line uses ({@link KryoRegistration#SETTINGS}). */
    static SparkSession startWithKryo(String name) {
        SparkSession.Builder builder = builder(name);
        KryoRegistration.SETTINGS.forEach(builder::config);
        return builder.getOrCreate();
    }

    private static SparkSession.Builder builder(String name) {
        return SparkSession.builder().master("local[2]").appName(name)
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.adaptive.enabled", "true");
    }

    /** A table of string columns, one row per map (missing values null), in list order. */
    static Dataset<Row> table(SparkSession spark, List<String> columns, List<Map<String, String>> rows) {
        StructType schema = new StructType();
        for (String column : columns) {
            schema = schema.add(column, DataTypes.StringType, true);
        }
        List<Row> data = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(columns.get(i));
            }
            data.add(RowFactory.create(values));
        }
        // Several partitions in list order (the default parallelism), so the input is spread over tasks.
        return spark.createDataFrame(spark.createDataFrame(data, schema).javaRDD(), schema);
    }

    /** The records of a table as the Spark linker normalises them, in order: for the one-machine linker. */
    static List<PersonRecord> records(Dataset<Row> table, LocalDate referenceDate) {
        CanonicalRows rows = CanonicalRows.of(table.columns(), referenceDate, null);
        List<PersonRecord> records = new ArrayList<>();
        for (Row row : table.collectAsList()) {
            records.add(rows.toRecord(row));
        }
        return records;
    }

    /** Record id to entity id from a persons table. */
    static Map<String, String> persons(Dataset<Row> persons) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Row row : persons.collectAsList()) {
            map.put(row.getString(0), row.getString(1));
        }
        return map;
    }

    /** Record id to entity id from a one-machine result. */
    static Map<String, String> persons(LinkResult result) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Entity entity : result.entities()) {
            for (PersonRecord record : entity.records()) {
                map.put(record.recordId(), entity.id());
            }
        }
        return map;
    }
}
