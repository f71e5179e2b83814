package io.github.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.compare.ContactComparison;
import io.github.palimpsest.compare.IdentifierComparison;
import io.github.palimpsest.normalise.Sex;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        IdentifierComparison pnc = IdentifierComparison.pncId();
        double agree = model.levelWeight(pnc, pnc.levels().get(0));   // equal
        // Sampled, u was inflated by the pool's own true pairs and the weight stayed near −prior (9.9
        // against 11.4 bits at 10,000 records).
        assertTrue(agree > -model.priorWeight() + 6, "PNC ID agreement " + agree + " bits, prior "
                + model.priorWeight());
    }

    /** The standard blocking rules without the one that pairs every two records sharing a phone number. */
    private static List<BlockingRule<ComparableRecord>> withoutPhoneRule() {
        List<BlockingRule<ComparableRecord>> rules = new ArrayList<>(Defaults.blockingRules());
        assertTrue(rules.removeIf(rule -> rule.name().equals("phone")), "the standard rules block on phone alone");
        return rules;
    }

    @Test
    void aSharedPhoneIsCountedWhenEveryPairSharingOneIsACandidate() {
        Linker sampled = Linker.builder().seed(3).blockingRules(withoutPhoneRule()).build();
        Linker counted = Linker.builder().seed(3).build();
        MatchModel before = sampled.train(pool);
        MatchModel after = counted.train(pool);
        ContactComparison phone = ContactComparison.phone();
        ComparisonLevel equal = phone.levels().get(0);
        // Sampled, u is inflated by the pool's own true pairs, and taking λ·m out of it removes them only as
        // an average pair would hold them; counted, each pair sharing a phone is weighed by its own chance of
        // not being a match, and only households and offices remain (0.57 of the sampled u at seed 3).
        assertTrue(after.u(phone, equal) < before.u(phone, equal) * 0.75,
                "counted u " + after.u(phone, equal) + ", sampled " + before.u(phone, equal));
    }

    @Test
    void aRecordPurgedOfNameAndBirthDateLinksOnThePhoneItKept() {
        // Phones of one person each (the generator's household phones are dropped): then a shared phone says
        // whose record it is, as a PNC ID does. A phone a household shares cannot, and counted u says so.
        List<SyntheticRecord> generated = TestComparisons.synthetic(1_500, 8);
        Map<String, Set<String>> people = new HashMap<>();
        for (SyntheticRecord g : generated) {
            TestComparisons.toRecord(g).phone().canonical()
                    .ifPresent(p -> people.computeIfAbsent(p, k -> new HashSet<>()).add(g.entityId()));
        }
        List<PersonRecord> records = new ArrayList<>();
        for (SyntheticRecord g : generated) {
            PersonRecord r = TestComparisons.toRecord(g);
            boolean personal = r.phone().canonical().map(p -> people.get(p).size() == 1).orElse(false);
            records.add(personal ? r : r.toBuilder().phone("").build());
        }
        PersonRecord mate = records.stream().filter(r -> r.phone().canonical().isPresent()
                && r.pncId().canonical().isEmpty()).findFirst().orElseThrow();
        records.add(PersonRecord.builder().recordId("PURGED-PHONE").force("Devon and Cornwall")
                .phone(mate.phone().raw()).build());
        LinkResult result = Linker.builder().seed(3).build().link(records);
        assertEquals(result.entityOf(mate.recordId()).orElseThrow().id(),
                result.entityOf("PURGED-PHONE").orElseThrow().id(), "the purged record joins the phone's person");
    }

    @Test
    void aPncIdOfOneProlificPersonBeyondTheBlockSizeIsStillCounted() {
        // 30 records of the keeper's PNC ID make a block larger than the rule's maximum, which blocking cuts
        // down rather than pairing in full; u is still counted, with the pairs not proposed as non-matches.
        List<PersonRecord> records = new ArrayList<>(pool);
        for (int i = 0; i < 30; i++) {
            records.add(keeper.toBuilder().recordId("PROLIFIC-" + i).postcode("TR" + (i % 20 + 1) + " 2BB")
                    .address(i + " Fictional Terrace, Truro").build());
        }
        records.add(sharing("PURGED-1", "", "", "", "M"));
        LinkResult result = Linker.builder().seed(3).build().link(records);
        assertTrue(result.blockingReport().oversizeBlocks().stream().anyMatch(b -> b.rule().equals("pnc_id")),
                "the PNC ID block is oversize, as the test means");
        assertEquals(result.entityOf(keeper.recordId()).orElseThrow().id(),
                result.entityOf("PURGED-1").orElseThrow().id(), "the purged record joins the PNC ID's person");
    }

    @Test
    void aRecordWithOnlyAPlaceholderPhoneJoinsNobody() {
        // One switchboard number on 60 strangers' records: blocking cuts the block down, proposing none of its
        // pairs, and those pairs count as non-matches; a purged record with the number alone stays alone.
        List<PersonRecord> records = new ArrayList<>(pool);
        for (int i = 0; i < 60; i++) {
            records.add(PersonRecord.builder().recordId("SWITCHBOARD-" + i).force("Devon and Cornwall")
                    .forename("Testforename" + (char) ('a' + i % 26)).surname("Testsurname" + (char) ('a' + i / 26))
                    .dob(String.format("19%02d-0%d-1%d", 40 + i, 1 + i % 9, i % 10)).phone("01632 960000").build());
        }
        records.add(PersonRecord.builder().recordId("PURGED-SWITCHBOARD").force("Devon and Cornwall")
                .phone("01632 960000").build());
        LinkResult result = Linker.builder().seed(3).build().link(records);
        assertEquals(1, result.entityOf("PURGED-SWITCHBOARD").orElseThrow().recordIds().size(),
                "a number sixty strangers share says nothing about whose record it is");
    }
}
