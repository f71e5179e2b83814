package io.github.palimpsest.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.Explanation;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link LinkIndex#explain}: two indexed records scored against each other. */
class LinkIndexExplainTest {
    private static PersonRecord record(String id, String forename, String surname, String dob) {
        return PersonRecord.builder().referenceDate(LocalDate.of(2026, 1, 1)).recordId(id).force("MPS")
                .forename(forename).surname(surname).dob(dob).build();
    }

    @Test
    void explainsTwoIndexedRecordsAsMatchExplainsACandidate() {
        LinkIndex index = LinkIndex.builder().build();
        PersonRecord a = record("A1", "Maren", "Quillfeather", "1971-06-02");
        PersonRecord b = record("B1", "Maren", "Quillfeather", "1971-06-02");
        index.add(a);
        index.add(b);
        Explanation why = index.explain("A1", "B1").orElseThrow();
        Explanation candidate = index.match(a).candidates().stream().filter(c -> c.recordId().equals("B1"))
                .findFirst().orElseThrow().explanation();
        assertEquals(candidate.totalWeight(), why.totalWeight(), 1e-9);
        assertTrue(why.probability() > index.thresholdProbability(), why.summary());
    }

    @Test
    void anUnknownRecordHasNoExplanation() {
        LinkIndex index = LinkIndex.builder().build();
        index.add(record("A1", "Maren", "Quillfeather", "1971-06-02"));
        assertEquals(Optional.empty(), index.explain("A1", "nobody"));
        assertEquals(Optional.empty(), index.explain("nobody", "A1"));
    }
}
