package io.github.palimpsest.privacy;

import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticForces;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.List;

/** Fictional records from the project's generator, as {@link PersonRecord}s, for tests and experiments. */
final class GeneratedRecords {

    private GeneratedRecords() {
    }

    static List<SyntheticRecord> generate(int people, long seed) {
        return SyntheticForces.builder().people(people).seed(seed).build().generate().records();
    }

    static PersonRecord toRecord(SyntheticRecord r) {
        return r.toPersonRecord(SyntheticForces.DEFAULT_REFERENCE_DATE);
    }
}
