package io.github.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.compare.IdentifierComparison;
import io.github.palimpsest.normalise.Sex;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * u of a shared identifier counted over every pair: a record purged of its name and date of birth still
 * links on the PNC ID it kept, and two strangers who share one by chance do not.
 */
class CountedUTest {
    private static List<PersonRecord> pool;
    private static PersonRecord keeper;

    @BeforeAll
    static void generate() {
        pool = TestComparisons.synthetic(1_500, 8).stream().map(TestComparisons::toRecord).toList();
        keeper = pool.stream().filter(r -> r.pncId().canonical().isPresent() && r.sex() == Sex.MALE
                && !r.postcode().raw().startsWith("TR")).findFirst().orElseThrow();
    }

    /** A record of the keeper's PNC ID with the given name, date of birth and sex, at another address. */
    private static PersonRecord sharing(String id, String forename, String surname, String dob, String sex) {
        return PersonRecord.builder().recordId(id).force("Devon and Cornwall").forename(forename).surname(surname)
                .dob(dob).sex(sex).pncId(keeper.pncId().raw()).postcode("TR1 1AA").address("1 Fictional Row, Truro")
                .build();
    }

    @Test
    void aRecordPurgedOfNameAndBirthDateLinksOnItsPncId() {
        List<PersonRecord> records = new ArrayList<>(pool);
        records.add(sharing("PURGED-1", "", "", "", "M"));
        LinkResult result = Linker.builder().seed(3).build().link(records);
        assertEquals(result.entityOf(keeper.recordId()).orElseThrow().id(),
                result.entityOf("PURGED-1").orElseThrow().id(), "the purged record joins the PNC ID's person");
    }

    @Test
    void strangersWhoShareAPncIdByChanceStayApart() {
        List<PersonRecord> records = new ArrayList<>(pool);
        records.add(sharing("STRANGER-1", "Ottoline", "Quabbe", "1931-02-17", "F"));
        LinkResult result = Linker.builder().seed(3).build().link(records);
        assertNotEquals(result.entityOf(keeper.recordId()).orElseThrow().id(),
                result.entityOf("STRANGER-1").orElseThrow().id());
    }

    @Test
    void aSharedPncIdOutweighsThePriorEvenInASmallPool() {
        MatchModel model = Linker.builder().seed(3).build().train(pool);
        int pnc = model.indexOf("pnc_id").orElseThrow();
        double agree = model.levelWeight(pnc, IdentifierComparison.EQUAL);
        // Sampled, u was inflated by the pool's own true pairs and the weight stayed near −prior (9.9
        // against 11.4 bits at 10,000 records).
        assertTrue(agree > -model.priorWeight() + 6, "PNC ID agreement " + agree + " bits, prior "
                + model.priorWeight());
    }
}
