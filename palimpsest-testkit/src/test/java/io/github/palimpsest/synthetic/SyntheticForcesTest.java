package io.github.palimpsest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticForcesTest {

    private static SyntheticForces generator(long seed, int people) {
        return SyntheticForces.builder().people(people).seed(seed).build();
    }

    private static String[] csv(SyntheticForces gen) throws IOException {
        StringWriter records = new StringWriter();
        StringWriter truth = new StringWriter();
        gen.writeCsv(records, truth);
        return new String[] {records.toString(), truth.toString()};
    }

    @Test
    void sameSeedGivesIdenticalCsvBytes() throws IOException {
        String[] first = csv(generator(42, 1500));
        String[] second = csv(generator(42, 1500));
        assertEquals(first[0], second[0]);
        assertEquals(first[1], second[1]);
    }

    @Test
    void differentSeedGivesDifferentRecords() throws IOException {
        assertNotEquals(csv(generator(42, 300))[0], csv(generator(43, 300))[0]);
    }

    @Test
    void streamGivesExactlyTheRecordsGenerateGives() {
        SyntheticForces gen = generator(7, 2000);
        List<SyntheticRecord> streamed = gen.stream().collect(Collectors.toList());
        assertEquals(gen.generate().records(), streamed);
    }

    @Test
    void csvStartsWithTheCanonicalHeaderAndHasOneRowPerRecord() throws IOException {
        SyntheticForces gen = generator(1, 200);
        String[] out = csv(gen);
        String[] lines = out[1].split("\n");
        assertEquals(String.join(",", SyntheticRecord.COLUMNS), out[0].substring(0, out[0].indexOf('\n')));
        assertEquals("record_id,entity_id", lines[0]);
        assertEquals(gen.generate().records().size(), lines.length - 1);
    }

    @Test
    void recordIdsAreUniqueAndStartWithTheirForceCode() {
        SyntheticForces gen = generator(3, 3000);
        Set<String> ids = new HashSet<>();
        for (SyntheticRecord r : gen.generate().records()) {
            assertTrue(ids.add(r.recordId()), "duplicate record id " + r.recordId());
            assertTrue(r.recordId().startsWith(r.forceCode() + "-"), r.recordId());
            assertTrue(gen.forces().contains(r.forceCode()));
            assertTrue(gen.style(r.forceCode()).orElseThrow().labels().contains(r.value("force")));
        }
    }

    @Test
    void everyPersonHasARecordAndEntityIdsFollowThePersonNumber() {
        SyntheticData data = generator(5, 800).generate();
        assertEquals(800, data.people().size());
        for (int i = 0; i < data.people().size(); i++) {
            assertEquals(String.format("P%07d", i + 1), data.people().get(i).entityId());
        }
        assertEquals(data.records().size(), data.truth().size());
    }

    @Test
    void peopleHaveSeveralRecordsInSeveralForcesOnAverage() {
        SyntheticData data = generator(11, 2000).generate();
        Map<String, Set<String>> forcesByEntity = new HashMap<>();
        for (SyntheticRecord r : data.records()) {
            forcesByEntity.computeIfAbsent(r.entityId(), k -> new HashSet<>()).add(r.forceCode());
        }
        double recordsPerPerson = data.records().size() / (double) data.people().size();
        assertTrue(recordsPerPerson > 2.5 && recordsPerPerson < 3.5, "mean records per person " + recordsPerPerson);
        long multiForce = forcesByEntity.values().stream().filter(s -> s.size() > 1).count();
        assertTrue(multiForce > data.people().size() / 3, "people seen by more than one force: " + multiForce);
    }

    @Test
    void noRecordLacksEveryIdentifyingFieldUnderAHardProfile() {
        SyntheticForces gen = SyntheticForces.builder().people(3000).seed(9)
                .profile(CorruptionProfile.hard().toBuilder().rate(Corruption.PURGED, 0.5)
                        .purgeDateOfBirthRate(1.0).rate(Corruption.MISSING_FIELDS, 0.9).build())
                .build();
        for (SyntheticRecord r : gen.generate().records()) {
            assertTrue(hasIdentifyingField(r), r.toString());
        }
    }

    @Test
    void aProfileThatAllowsItProducesUnidentifiableRecords() {
        SyntheticForces gen = SyntheticForces.builder().people(2000).seed(9)
                .profile(CorruptionProfile.clean().toBuilder().rate(Corruption.PURGED, 1.0)
                        .purgeDateOfBirthRate(1.0).allowsUnidentifiableRecords(true).build())
                .build();
        assertTrue(gen.generate().records().stream().anyMatch(r -> !hasIdentifyingField(r)));
    }

    @Test
    void cleanProfileAppliesNoCorruptionAndWritesTheTrueNameAndDateOfBirth() {
        SyntheticForces gen = SyntheticForces.builder().people(500).seed(2).profile(CorruptionProfile.clean()).build();
        for (SyntheticRecord r : gen.generate().records()) {
            assertTrue(r.corruptions().isEmpty(), r.toString());
            ForceStyle style = gen.style(r.forceCode()).orElseThrow();
            assertEquals(style.dateStyle().format(r.person().dateOfBirth()), r.value("dob"));
            String names = (r.value("full_name") + " " + r.value("surname")).toUpperCase();
            assertTrue(names.contains(r.person().surname().toUpperCase()), r.toString());
        }
    }

    @Test
    void forcesWriteInTheirOwnStyles() {
        SyntheticForces gen = generator(4, 1000);
        Map<String, SyntheticRecord> firstByForce = new HashMap<>();
        for (SyntheticRecord r : gen.generate().records()) {
            if (!r.corruptions().contains(Corruption.PURGED)) {
                firstByForce.putIfAbsent(r.forceCode(), r);
            }
        }
        assertTrue(firstByForce.get("01").value("full_name").contains(", "), "Met writes SURNAME, Forename");
        assertTrue(firstByForce.get("41").value("full_name").isEmpty(), "Herts uses separate fields");
        assertTrue(firstByForce.get("44").value("full_name").matches("(MR|Mr|Mrs|Ms|Miss) .*"), "Hants puts a title first");
        assertTrue(firstByForce.get("47").value("event_date").matches("\\d{8}"), "Sussex writes yyyyMMdd");
    }

    @Test
    void builderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticForces.builder().people(0));
        assertThrows(IllegalArgumentException.class, () -> SyntheticForces.builder().forces(List.of()));
        assertThrows(IllegalArgumentException.class, () -> SyntheticForces.builder().forces(List.of("01", "01")));
        assertThrows(IllegalArgumentException.class, () -> SyntheticForces.builder().forces(List.of("0 1")));
        assertThrows(IllegalArgumentException.class, () -> SyntheticForces.builder().meanRecordsPerPerson(0.5));
    }

    @Test
    void aStyleOverrideIsUsed() {
        ForceStyle iso = ForceStyle.defaultFor("01").toBuilder().dateStyle(DateStyle.ISO)
                .labels(List.of("Metropolitan Police Service")).build();
        SyntheticForces gen = SyntheticForces.builder().people(100).seed(1).forces(List.of("01")).forceStyle(iso).build();
        for (SyntheticRecord r : gen.generate().records()) {
            assertEquals("Metropolitan Police Service", r.value("force"));
            assertTrue(r.value("event_date").matches("\\d{4}-\\d{2}-\\d{2}"), r.value("event_date"));
        }
    }

    static boolean hasIdentifyingField(SyntheticRecord r) {
        for (String c : List.of("full_name", "forename", "surname", "dob", "pnc_id", "cro_number", "ni_number",
                "driving_licence")) {
            if (!r.value(c).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
