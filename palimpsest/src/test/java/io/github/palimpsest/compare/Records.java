package io.github.palimpsest.compare;

import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import java.time.LocalDate;

/** Builds fictional comparable records for tests from {@code column, value} pairs. */
final class Records {
    private static int serial;

    private Records() {
    }

    /** A record with the given canonical CSV columns, e.g. {@code of("forename", "Ada", "dob", "1980-02-03")}. */
    static ComparableRecord of(String... columnsAndValues) {
        PersonRecord.Builder b = PersonRecord.builder().referenceDate(LocalDate.of(2025, 1, 1))
                .recordId("T-" + ++serial);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            b.set(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return ComparableRecord.of(b.build());
    }

    static ComparableRecord named(String forename, String surname) {
        return of("forename", forename, "surname", surname);
    }

    static ComparableRecord born(String dob) {
        return of("dob", dob);
    }
}
