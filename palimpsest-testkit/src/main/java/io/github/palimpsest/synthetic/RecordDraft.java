package io.github.palimpsest.synthetic;

import java.util.EnumSet;

/** A record being made: mutable, confined to one thread, turned into a {@link SyntheticRecord} once it has its id. */
final class RecordDraft {
    final String[] values = new String[SyntheticRecord.COLUMNS.size()];
    final String forceCode;
    final SyntheticPerson person;
    final EnumSet<Corruption> applied = EnumSet.noneOf(Corruption.class);
    final EnumSet<Corruption> eligible = EnumSet.noneOf(Corruption.class);

    RecordDraft(String forceCode, SyntheticPerson person) {
        this.forceCode = forceCode;
        this.person = person;
        java.util.Arrays.fill(values, "");
    }

    void set(String column, String value) {
        values[SyntheticRecord.column(column)] = value;
    }

    String get(String column) {
        return values[SyntheticRecord.column(column)];
    }

    SyntheticRecord toRecord(String recordId) {
        values[0] = recordId;
        return new SyntheticRecord(values, forceCode, applied, eligible, person);
    }
}
