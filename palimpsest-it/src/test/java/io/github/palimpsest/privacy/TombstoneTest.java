package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TombstoneTest {

    static final DeploymentSecret KEY_A = DeploymentSecret.fromBytes(
            "fictional deployment key A, 32+ bytes".getBytes(StandardCharsets.US_ASCII));
    static final DeploymentSecret KEY_B = DeploymentSecret.fromBytes(
            "fictional deployment key B, 32+ bytes".getBytes(StandardCharsets.US_ASCII));

    static PersonRecord person(String id, String forename, String surname) {
        return PersonRecord.builder().recordId(id).force("Met").forename(forename).surname(surname)
                .dob("1979-06-14").pncId("79/163001B").phone("07700 900123").email("a.quill@example.com")
                .postcode("SW1A 1AA").address("12 Acacia Avenue").eventDate("2019-03-02").eventType("allegation")
                .identifier("passport", "P1234567").referenceDate(LocalDate.of(2025, 1, 1)).build();
    }

    private static double dice(Tombstone a, Tombstone b, BloomField field) {
        return a.filter(field).orElseThrow().dice(b.filter(field).orElseThrow());
    }

    @Test
    void theSameRecordAndKeyAlwaysGiveTheSameTombstone() {
        PersonRecord r = person("MET-1", "Ada", "Quill");
        assertEquals(Tombstone.of(r, KEY_A, TombstoneOptions.defaults()), Tombstone.of(r, KEY_A, TombstoneOptions.defaults()));
        DeploymentSecret sameBytes = DeploymentSecret.fromBytes(
                "fictional deployment key A, 32+ bytes".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Tombstone.of(r, KEY_A, TombstoneOptions.defaults()),
                Tombstone.of(r, sameBytes, TombstoneOptions.defaults()));
    }

    @Test
    void everyIdentifierAndFieldIsTokenised() {
        Tombstone t = Tombstone.of(person("MET-1", "Ada", "Quill"), KEY_A, TombstoneOptions.defaults());
        for (IdentifierField f : List.of(IdentifierField.PNC_ID, IdentifierField.PHONE, IdentifierField.EMAIL)) {
            assertTrue(t.token(f).isPresent(), f.toString());
        }
        assertFalse(t.token(IdentifierField.CRO_NUMBER).isPresent());
        assertEquals(Set.of("passport"), t.otherIdentifiers().keySet());
        for (BloomField f : BloomField.values()) {
            BloomFilter filter = t.filter(f).orElseThrow();
            assertEquals(1024, filter.sizeBits());
            assertEquals(512, filter.cardinality(), "balanced: exactly half the bits set in " + f);
        }
        assertTrue(t.hasEvidence());
    }

    @Test
    void equalIdentifiersGiveEqualTokensOnlyWithinOneField() {
        PersonRecord a = person("MET-1", "Ada", "Quill");
        PersonRecord b = person("HERTS-9", "Ada", "Quill");
        Tombstone ta = Tombstone.of(a, KEY_A, TombstoneOptions.defaults());
        Tombstone tb = Tombstone.of(b, KEY_A, TombstoneOptions.defaults());
        assertEquals(ta.token(IdentifierField.PNC_ID), tb.token(IdentifierField.PNC_ID));
        assertEquals(ta.otherIdentifiers(), tb.otherIdentifiers());
        // The same text under two fields' keys gives unrelated tokens.
        PersonRecord c = PersonRecord.builder().recordId("C").identifier("x", "P1234567").identifier("y", "P1234567").build();
        Tombstone tc = Tombstone.of(c, KEY_A, TombstoneOptions.defaults());
        assertNotEquals(tc.otherIdentifiers().get("x"), tc.otherIdentifiers().get("y"));
    }

    @Test
    void twoRecordsWithTheSameNameGetDifferentFiltersButHighDice() {
        Tombstone a = Tombstone.of(person("MET-1", "Ada", "Quill"), KEY_A, TombstoneOptions.defaults());
        Tombstone b = Tombstone.of(person("MET-2", "Ada", "Quill"), KEY_A, TombstoneOptions.defaults());
        assertNotEquals(a.filter(BloomField.SURNAME), b.filter(BloomField.SURNAME), "keyed noise differs per record");
        for (BloomField f : BloomField.values()) {
            if (f != BloomField.FORENAME_EQUIVALENTS) {
                assertTrue(dice(a, b, f) > 0.93, f + ": " + dice(a, b, f));
            }
        }
    }

    @Test
    void diceIsHighForOneTypoAndLowForUnrelatedNames() {
        Tombstone jonathan = Tombstone.of(person("A", "Jonathan", "Pemberton"), KEY_A, TombstoneOptions.defaults());
        Tombstone typo = Tombstone.of(person("B", "Jonatan", "Pembertn"), KEY_A, TombstoneOptions.defaults());
        Tombstone other = Tombstone.of(person("C", "Margery", "Okafor"), KEY_A, TombstoneOptions.defaults());
        assertTrue(dice(jonathan, typo, BloomField.FORENAME) >= 0.80, "typo forename " + dice(jonathan, typo, BloomField.FORENAME));
        assertTrue(dice(jonathan, typo, BloomField.SURNAME) >= 0.80, "typo surname " + dice(jonathan, typo, BloomField.SURNAME));
        assertTrue(dice(jonathan, other, BloomField.FORENAME) < 0.65);
        assertTrue(dice(jonathan, other, BloomField.SURNAME) < 0.65);
    }

    @Test
    void nicknameEquivalentsAreCloserThanUnrelatedNames() {
        double nickname = 0;
        double unrelated = 0;
        int n = 20;
        for (int i = 0; i < n; i++) {
            Tombstone william = Tombstone.of(person("A" + i, "William", "Quill"), KEY_A, TombstoneOptions.defaults());
            Tombstone bill = Tombstone.of(person("B" + i, "Bill", "Quill"), KEY_A, TombstoneOptions.defaults());
            Tombstone oscar = Tombstone.of(person("C" + i, "Oscar", "Quill"), KEY_A, TombstoneOptions.defaults());
            nickname += dice(william, bill, BloomField.FORENAME_EQUIVALENTS) / n;
            unrelated += dice(william, oscar, BloomField.FORENAME_EQUIVALENTS) / n;
        }
        assertTrue(nickname >= TombstoneComparisons.NICKNAME_THRESHOLD, "Bill-William " + nickname);
        assertTrue(unrelated < 0.56, "William-Oscar " + unrelated);
    }

    @Test
    void tokensFromDifferentKeysNeverLink() {
        List<SyntheticRecord> generated = GeneratedRecords.generate(300, 11);
        Set<IdentifierToken> tokensA = new HashSet<>();
        List<Tombstone> a = new ArrayList<>();
        List<Tombstone> b = new ArrayList<>();
        for (SyntheticRecord s : generated) {
            PersonRecord r = GeneratedRecords.toRecord(s);
            Tombstone ta = Tombstone.of(r, KEY_A, TombstoneOptions.defaults());
            a.add(ta);
            b.add(Tombstone.of(r, KEY_B, TombstoneOptions.defaults()));
            tokensA.addAll(ta.tokens().values());
            tokensA.addAll(ta.otherIdentifiers().values());
        }
        assertTrue(tokensA.size() > 300, "the generated records carry identifiers");
        double sum = 0;
        double max = 0;
        int n = 0;
        for (int i = 0; i < b.size(); i++) {
            Tombstone tb = b.get(i);
            for (IdentifierToken t : tb.tokens().values()) {
                assertFalse(tokensA.contains(t), "a token under key B equals a token under key A");
            }
            assertNotEquals(a.get(i).reference(), tb.reference());
            for (BloomField f : BloomField.values()) {
                if (tb.filter(f).isPresent()) {
                    double d = dice(a.get(i), tb, f);
                    sum += d;
                    max = Math.max(max, d);
                    n++;
                }
            }
        }
        // Equal inputs under different keys look like unrelated values: Dice at the background of 0.5.
        assertEquals(0.5, sum / n, 0.02, "mean Dice of equal inputs under different keys");
        assertTrue(max < 0.65, "max Dice of equal inputs under different keys " + max);
    }

    @Test
    void optionsChooseWhatIsKeptInPlainText() {
        PersonRecord r = person("MET-1", "Ada", "Quill");
        Tombstone defaults = Tombstone.of(r, KEY_A, TombstoneOptions.defaults());
        assertEquals(Optional.of("01"), defaults.force());
        assertEquals(Optional.of(LocalDate.of(2019, 3, 2)), defaults.eventDate());
        assertEquals(Optional.empty(), defaults.eventType());
        Tombstone bare = Tombstone.of(r, KEY_A, TombstoneOptions.tokensOnly());
        assertEquals(Optional.empty(), bare.force());
        assertEquals(Optional.empty(), bare.eventDate());
        assertEquals(defaults.filters(), bare.filters(), "options never change the tokens");
        Tombstone typed = Tombstone.of(r, KEY_A, TombstoneOptions.builder().keepEventType(true).build());
        assertEquals(Optional.of("allegation"), typed.eventType());
    }

    @Test
    void theDefaultReferenceIsOpaqueAndACallerReferenceIsKeptAsGiven() {
        PersonRecord r = person("MET-0001", "Ada", "Quill");
        Tombstone t = Tombstone.of(r, KEY_A, TombstoneOptions.defaults());
        assertFalse(t.reference().contains("0001"));
        assertEquals(16, t.reference().length());
        assertEquals("CASE/2019/77", Tombstone.of(r, KEY_A, TombstoneOptions.defaults(), "CASE/2019/77").reference());
        assertThrows(IllegalArgumentException.class, () -> Tombstone.of(r, KEY_A, TombstoneOptions.defaults(), " "));
        assertThrows(IllegalArgumentException.class, () -> Tombstone.of(r, KEY_A, TombstoneOptions.defaults(), "a\nb"));
    }

    @Test
    void invalidOrMissingValuesMakeNoTokens() {
        PersonRecord r = PersonRecord.builder().recordId("X").pncId("79/163001X").dob("not a date").build();
        Tombstone t = Tombstone.of(r, KEY_A, TombstoneOptions.defaults());
        assertTrue(t.tokens().isEmpty());
        assertTrue(t.filters().isEmpty());
        assertFalse(t.hasEvidence());
    }

    @Test
    void aliasOrderDoesNotChangeTheTombstone() {
        PersonRecord one = PersonRecord.builder().recordId("X").forename("Ada").surname("Quill")
                .aliases("Ada Pike; Addy Quill").build();
        PersonRecord two = PersonRecord.builder().recordId("X").forename("Ada").surname("Quill")
                .aliases("Addy Quill; Ada Pike").build();
        assertEquals(Tombstone.of(one, KEY_A, TombstoneOptions.defaults()).filters(),
                Tombstone.of(two, KEY_A, TombstoneOptions.defaults()).filters());
    }
}
