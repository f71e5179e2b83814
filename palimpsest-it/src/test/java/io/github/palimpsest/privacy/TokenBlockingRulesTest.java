package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.pipeline.Blocker;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.record.PersonRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBlockingRulesTest {

    private static Tombstone tokenise(PersonRecord r) {
        return Tombstone.of(r, TombstoneTest.KEY_A, TombstoneOptions.defaults());
    }

    private static PersonRecord.Builder person(String id) {
        return PersonRecord.builder().recordId(id).force("Met").referenceDate(LocalDate.of(2025, 1, 1));
    }

    private static List<String> keys(BlockingRule<Tombstone> rule, Tombstone t) {
        List<String> keys = new ArrayList<>();
        rule.keys(t, keys::add);
        return keys;
    }

    @Test
    void recordsWithAnEqualIdentifierTokenAreProposedAndOthersAreNot() {
        List<Tombstone> tombstones = List.of(
                tokenise(person("1").forename("Ada").surname("Quill").pncId("79/163001B").build()),
                tokenise(person("2").forename("Bryn").surname("Ottoway").pncId("1979/0163001B").build()),
                tokenise(person("3").forename("Ada").surname("Quill").phone("07700 900123").build()),
                tokenise(person("4").forename("Cai").surname("Marsh").phone("+44 7700 900123").build()),
                tokenise(person("5").forename("Dee").surname("Wren").pncId("80/10000W").build()));
        CandidatePairs pairs = Blocker.<Tombstone>builder().rule(TokenBlockingRules.identifierTokens()).build()
                .candidates(tombstones);
        assertTrue(pairs.contains(0, 1), "the same PNC ID, written two ways");
        assertTrue(pairs.contains(2, 3), "the same phone, written two ways");
        assertEquals(2, pairs.size());
    }

    @Test
    void theIdentifierRuleKeysNameTheColumnSoEqualTokensOfDifferentFieldsNeverMeet() {
        Tombstone t = tokenise(person("1").pncId("79/163001B").identifier("passport", "P1234567").build());
        List<String> keys = keys(TokenBlockingRules.identifierTokens(), t);
        assertEquals(2, keys.size());
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("pnc_id:")));
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("id_passport:")));
    }

    @Test
    void bitSamplingProposesTheSamePersonSpeltAlikeOrWithATypoButNotAStranger() {
        PersonRecord ada = person("1").forename("Ada").surname("Quillington").dob("1979-06-14").build();
        PersonRecord again = person("2").forename("Ada").surname("Quillington").dob("1979-06-14").build();
        PersonRecord typo = person("3").forename("Ada").surname("Quilington").dob("1979-06-14").build();
        PersonRecord stranger = person("4").forename("Bryn").surname("Ottoway").dob("1953-11-02").build();
        List<Tombstone> tombstones = List.of(tokenise(ada), tokenise(again), tokenise(typo), tokenise(stranger));
        CandidatePairs pairs = Blocker.<Tombstone>builder().rules(TokenBlockingRules.standard(42)).build()
                .candidates(tombstones);
        assertTrue(pairs.contains(0, 1));
        assertTrue(pairs.contains(0, 2));
        assertFalse(pairs.contains(0, 3));
        assertFalse(pairs.contains(1, 3));
    }

    @Test
    void bitSamplingKeysAreDeterministicForASeedAndDifferAcrossSeeds() {
        Tombstone t = tokenise(person("1").forename("Ada").surname("Quill").dob("1979-06-14").build());
        BlockingRule<Tombstone> rule = TokenBlockingRules.bitSampling(9, 8, 6, BloomField.SURNAME, BloomField.DATE_OF_BIRTH);
        assertEquals("lsh surname+dob", rule.name());
        assertEquals(keys(rule, t), keys(TokenBlockingRules.bitSampling(9, 8, 6, BloomField.SURNAME,
                BloomField.DATE_OF_BIRTH), t));
        assertEquals(8, keys(rule, t).size());
        assertFalse(keys(rule, t).equals(keys(TokenBlockingRules.bitSampling(10, 8, 6, BloomField.SURNAME,
                BloomField.DATE_OF_BIRTH), t)));
    }

    @Test
    void aRecordMissingAFieldOfTheRuleGetsNoKey() {
        Tombstone noDob = tokenise(person("1").forename("Ada").surname("Quill").build());
        assertTrue(keys(TokenBlockingRules.bitSampling(1, 4, 6, BloomField.SURNAME, BloomField.DATE_OF_BIRTH), noDob)
                .isEmpty());
    }

    @Test
    void impossibleBitSamplingParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenBlockingRules.bitSampling(1, 4, 40,
                BloomField.SURNAME, BloomField.DATE_OF_BIRTH));
        assertThrows(IllegalArgumentException.class, () -> TokenBlockingRules.bitSampling(1, 0, 6, BloomField.SURNAME));
        assertThrows(IllegalArgumentException.class, () -> TokenBlockingRules.bitSampling(1, 4, 6,
                BloomField.SURNAME, BloomField.SURNAME));
        assertThrows(IllegalArgumentException.class, () -> TokenBlockingRules.bitSampling(1, 4, 6));
    }
}
