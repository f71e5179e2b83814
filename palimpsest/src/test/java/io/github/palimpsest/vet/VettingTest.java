package io.github.palimpsest.vet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.Linker;
import io.github.palimpsest.index.LinkIndex;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.RecordCsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vetting a fictional roster against the demo's records (four forces, fictional people): an officer whose
 * name was twice purged, a son who shares name and address with his father, a twin, and a member with no
 * records.
 */
class VettingTest {
    private static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);

    @TempDir
    Path dir;

    private List<PersonRecord> records;

    @BeforeEach
    void readDemo() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("met.csv", "hampshire.csv", "herts.csv", "sussex.csv")) {
            Path file = dir.resolve(name);
            try (InputStream in = VettingTest.class.getResourceAsStream("/io/github/palimpsest/demo/" + name)) {
                Files.copy(in, file);
            }
            files.add(file);
        }
        records = RecordCsvReader.withReferenceDate(REFERENCE).readRecords(files);
    }

    private static PersonRecord member(String staffNumber, String forename, String surname, String dob) {
        return PersonRecord.builder().referenceDate(REFERENCE).recordId(staffNumber).sourceName("roster")
                .forename(forename).surname(surname).dob(dob).build();
    }

    private static Map<String, List<VetMatch>> byMember(VetResult result) {
        return result.matches().stream().collect(Collectors.groupingBy(VetMatch::rosterId));
    }

    private static Set<String> ids(List<VetMatch> matches) {
        return matches.stream().map(m -> m.record().recordId()).collect(Collectors.toSet());
    }

    @Test
    void findsEveryRecordOfEachMemberAndNoLookAlike() {
        List<PersonRecord> roster = List.of(
                member("S1001", "Stephen", "Marlowe", "1968-04-09"),
                member("S1002", "Kevin", "Ashdown", "1988-10-03"),
                member("S1003", "Liam", "Dunmore", "1995-07-21"),
                member("S1004", "Imogen", "Tarrant", "1990-01-01"));
        VetResult result = Vetting.vet(roster, records, Linker.builder().threads(1).build());
        Map<String, List<VetMatch>> found = byMember(result);

        // The officer: five records at four forces, two of them purged, none of the other Stephen Marlow.
        assertEquals(Set.of("MPS-02-0147", "MPS-06-0932", "HC-16-5521", "HT-19-0077", "SX-21-3309"),
                ids(found.get("S1001")));
        // The son, not the father of the same name at the same address.
        assertEquals(Set.of("MPS-12-0777", "HC-18-7301"), ids(found.get("S1002")));
        // One twin, not the other.
        assertEquals(Set.of("MPS-13-0401", "HC-14-0330", "SX-16-2044"), ids(found.get("S1003")));
        assertFalse(found.containsKey("S1004"));
        assertEquals(List.of("S1004"), result.membersWithoutRecords());
        assertEquals(3, result.membersWithRecords());
        assertEquals(4, result.rosterSize());
        assertTrue(result.recordsFoundForSeveralMembers().isEmpty());
    }

    @Test
    void aPurgedRecordJoinsThroughTheRecordThatSharesItsIdentifiers() {
        VetResult result = Vetting.vet(List.of(member("S1001", "Stephen", "Marlowe", "1968-04-09")), records,
                Linker.builder().threads(1).build());
        Map<String, VetMatch> byRecord = result.matches().stream()
                .collect(Collectors.toMap(m -> m.record().recordId(), m -> m));
        // The purged Met record carries no name or address: only its PNC ID and date of birth.
        VetMatch purged = byRecord.get("MPS-06-0932");
        assertTrue(purged.record().hasPurgedName());
        // It shares the date of birth with the member, but its strongest way in is a record with its PNC ID.
        assertEquals(Optional.of("MPS-02-0147"), purged.joinedThrough());
        assertEquals("same PNC ID", purged.evidence());
        assertTrue(byRecord.get("MPS-02-0147").isDirect());
        for (VetMatch m : result.matches()) {
            assertTrue(m.probability() >= 0.95, m + " " + m.probability());
            m.joinedThrough().ifPresent(through -> assertTrue(byRecord.containsKey(through),
                    "joined through a record that is itself reported: " + through));
        }
    }

    @Test
    void matchesAreInEventDateOrder() {
        VetResult result = Vetting.vet(List.of(member("S1001", "Stephen", "Marlowe", "1968-04-09")), records,
                Linker.builder().threads(1).build());
        List<LocalDate> dates = result.matches().stream().map(m -> m.record().eventDate().date().orElseThrow())
                .toList();
        assertEquals(dates.stream().sorted().toList(), dates);
    }

    @Test
    void aStaffNumberEqualToARecordIdDoesNotMixTheTwo() {
        PersonRecord clash = member("MPS-17-0088", "Imogen", "Tarrant", "1990-01-01");
        VetResult result = Vetting.vet(List.of(clash), records, Linker.builder().threads(1).build());
        assertEquals(List.of("MPS-17-0088"), result.membersWithoutRecords());
        assertTrue(result.matches().isEmpty());
    }

    @Test
    void twoMembersWhoAreOnePersonAreBothShownTheirRecordsAndFlagged() {
        List<PersonRecord> roster = List.of(member("S2001", "Stephen", "Marlowe", "1968-04-09"),
                member("S2002", "Stephen", "Marlowe", "1968-04-09"));
        VetResult result = Vetting.vet(roster, records, Linker.builder().threads(1).build());
        Map<String, List<VetMatch>> found = byMember(result);
        assertEquals(ids(found.get("S2001")), ids(found.get("S2002")));
        assertEquals(ids(found.get("S2001")), Set.copyOf(result.recordsFoundForSeveralMembers()));
    }

    @Test
    void vettingAgainstAnIndexFindsWhatVettingAgainstTheRecordsFinds() {
        LinkIndex index = LinkIndex.builder().build();
        records.forEach(index::add);
        List<PersonRecord> roster = List.of(
                member("S1001", "Stephen", "Marlowe", "1968-04-09"),
                member("S1002", "Kevin", "Ashdown", "1988-10-03"),
                member("MPS-13-0401", "Liam", "Dunmore", "1995-07-21"),
                member("S1004", "Imogen", "Tarrant", "1990-01-01"));
        VetResult fromIndex = Vetting.vet(roster, index);
        VetResult fromRecords = Vetting.vet(roster, records, Linker.builder().threads(1).build());
        Map<String, List<VetMatch>> a = byMember(fromIndex);
        Map<String, List<VetMatch>> b = byMember(fromRecords);
        assertEquals(b.keySet(), a.keySet());
        for (String member : b.keySet()) {
            assertEquals(ids(b.get(member)), ids(a.get(member)), member);
        }
        // A staff number equal to an indexed record's id still finds that record.
        assertTrue(ids(a.get("MPS-13-0401")).contains("MPS-13-0401"));
        assertEquals(List.of("S1004"), fromIndex.membersWithoutRecords());
        assertTrue(fromIndex.linkResult().isEmpty());
        assertEquals(records.size(), index.size(), "vetting leaves the index as it was");
        for (VetMatch m : fromIndex.matches()) {
            m.joinedThrough().ifPresent(through -> assertTrue(ids(a.get(m.rosterId())).contains(through), through));
            assertTrue(m.probability() > 0.5, m + " " + m.probability());
        }
    }

    @Test
    void refusesAnEmptyRosterAndRepeatedIds() {
        Linker linker = Linker.builder().threads(1).build();
        assertThrows(IllegalArgumentException.class, () -> Vetting.vet(List.of(), records, linker));
        PersonRecord m = member("S1", "Imogen", "Tarrant", "1990-01-01");
        assertThrows(IllegalArgumentException.class, () -> Vetting.vet(List.of(m, m), records, linker));
    }
}
