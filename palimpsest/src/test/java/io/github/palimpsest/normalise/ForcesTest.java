package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ForcesTest {

    private static final Forces FORCES = Forces.standard();

    /** The 43 territorial forces of England and Wales by their full everyday names, with their codes. */
    private static final String[][] TERRITORIAL = {
        {"01", "Metropolitan Police Service"}, {"03", "Cumbria Constabulary"}, {"04", "Lancashire Constabulary"},
        {"05", "Merseyside Police"}, {"06", "Greater Manchester Police"}, {"07", "Cheshire Constabulary"},
        {"10", "Northumbria Police"}, {"11", "Durham Constabulary"}, {"12", "North Yorkshire Police"},
        {"13", "West Yorkshire Police"}, {"14", "South Yorkshire Police"}, {"16", "Humberside Police"},
        {"17", "Cleveland Police"}, {"20", "West Midlands Police"}, {"21", "Staffordshire Police"},
        {"22", "West Mercia Police"}, {"23", "Warwickshire Police"}, {"30", "Derbyshire Constabulary"},
        {"31", "Nottinghamshire Police"}, {"32", "Lincolnshire Police"}, {"33", "Leicestershire Police"},
        {"34", "Northamptonshire Police"}, {"35", "Cambridgeshire Constabulary"}, {"36", "Norfolk Constabulary"},
        {"37", "Suffolk Constabulary"}, {"40", "Bedfordshire Police"}, {"41", "Hertfordshire Constabulary"},
        {"42", "Essex Police"}, {"43", "Thames Valley Police"}, {"44", "Hampshire and Isle of Wight Constabulary"},
        {"45", "Surrey Police"}, {"46", "Kent Police"}, {"47", "Sussex Police"}, {"48", "City of London Police"},
        {"50", "Devon and Cornwall Police"}, {"52", "Avon and Somerset Police"},
        {"53", "Gloucestershire Constabulary"}, {"54", "Wiltshire Police"}, {"55", "Dorset Police"},
        {"60", "North Wales Police"}, {"61", "Gwent Police"}, {"62", "South Wales Police"},
        {"63", "Dyfed-Powys Police"},
    };

    @Test
    void allFortyThreeTerritorialForcesResolveByNameToPoliceForces() {
        assertEquals(43, TERRITORIAL.length);
        Set<String> codes = new TreeSet<>();
        for (String[] entry : TERRITORIAL) {
            for (String spelling : List.of(entry[1], entry[1].toUpperCase(), entry[1].toLowerCase())) {
                ForceName name = FORCES.resolve(spelling);
                assertEquals(Optional.of(entry[0]), name.canonical(), name::toString);
                assertTrue(name.force().orElseThrow().isPoliceForce(), spelling);
                assertEquals(List.of(), name.problems(), spelling);
            }
            codes.add(entry[0]);
        }
        assertEquals(43, codes.size());
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
        "01, 01", "1, 01", "' 1 ', 01", "001, 01", "Force 01, 01", "41, 41",
        "Metropolitan Police Service, 01", "Met, 01", "MPS, 01", "The Met, 01", "Met Police, 01",
        "Metropolitan Police, 01", "m.p.s., 01",
        "Hertfordshire, 41", "Herts, 41", "Herts Police, 41", "HERTS CONSTABULARY, 41",
        "Hampshire, 44", "Hants, 44", "Hampshire Constabulary, 44", "Hampshire Police, 44",
        "Hampshire & Isle of Wight Constabulary, 44", "Hampshire and Isle of Wight, 44",
        "Sussex, 47", "Sussex Police, 47",
        "City of London, 48", "City of London Police, 48", "CoLP, 48",
        "Wiltshire, 54", "Wilts, 54",
        "British Transport Police, 93", "BTP, 93",
        "GMP, 06", "Greater Manchester Police, 06", "TVP, 43", "Thames Valley, 43",
        "PSNI, 98", "Police Service of Northern Ireland, 98", "P.S.N.I., 98",
        "West Mids, 20", "WMP, 20", "WYP, 13", "SYP, 14", "NYP, 12",
        "Avon and Somerset, 52", "Avon & Somerset, 52", "Avon & Somerset Constabulary, 52",
        "D&C, 50", "Devon & Cornwall, 50", "Dyfed Powys, 63", "Heddlu Dyfed-Powys, 63",
        "Heddlu Gogledd Cymru, 60", "MOD, 24", "Ministry of Defence Police, 24",
        "Civil Nuclear Constabulary, 59", "CNC, 59", "Strathclyde Police, 74",
        "41 Hertfordshire, 41", "Hertfordshire (41), 41", "New Scotland Yard, 01", "Scotland Yard, 01",
    })
    void codesNamesAndEverydayVariantsResolveToTheForceCode(String raw, String code) {
        ForceName name = FORCES.resolve(raw);
        assertEquals(Optional.of(code), name.canonical(), name::toString);
        assertEquals(raw, name.raw());
        assertTrue(name.force().orElseThrow().isPoliceForce());
        assertEquals(List.of(), name.problems(), name::toString);
    }

    @Test
    void everyShippedVariantResolvesToItsOwnCode() throws IOException {
        int checked = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Forces.class.getResourceAsStream("force-variants.csv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.equals("code,variant")) {
                    continue;
                }
                String code = line.substring(0, line.indexOf(','));
                String variant = line.substring(line.indexOf(',') + 1);
                assertEquals(Optional.of(code), FORCES.resolve(variant).canonical(), variant);
                checked++;
            }
        }
        assertTrue(checked > 150, "only " + checked + " variants");
    }

    @Test
    void theIssuesNamedForcesHaveTheirStandardCodes() {
        assertEquals("Metropolitan Police Service", FORCES.byCode("01").orElseThrow().name());
        assertEquals("Hertfordshire", FORCES.byCode("41").orElseThrow().name());
        assertEquals("Hampshire and Isle of Wight", FORCES.byCode("44").orElseThrow().name());
        assertEquals("Sussex", FORCES.byCode("47").orElseThrow().name());
        assertEquals("City of London", FORCES.byCode("48").orElseThrow().name());
        assertEquals("Wiltshire", FORCES.byCode("54").orElseThrow().name());
        assertEquals("British Transport Police", FORCES.byCode("93").orElseThrow().name());
    }

    @Test
    void theSecondMetropolitanCodeResolvesToTheFirst() {
        assertEquals(Optional.of("01"), FORCES.resolve("02").canonical());
        assertEquals("02", FORCES.byCode("02").orElseThrow().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Atlantis Constabulary", "London", "Police", "19", "100", "Herfordshire"})
    void unknownForcesAreKeptAndFlagged(String raw) {
        ForceName name = FORCES.resolve(raw);
        assertFalse(name.isValid());
        assertEquals(Optional.empty(), name.force());
        assertEquals(raw, name.raw());
        assertEquals(List.of("force: unknown force '" + raw + "'"), name.problems());
    }

    @Test
    void policeScotlandIsRecognisedButHasNoCode() {
        ForceName name = FORCES.resolve("Police Scotland");
        assertEquals(Optional.empty(), name.canonical());
        assertTrue(name.problems().get(0).contains("no code"), name::toString);
    }

    @Test
    void codesThatAreNotPoliceForcesResolveWithAWarning() {
        ForceName athena = FORCES.resolve("00");
        assertEquals(Optional.of("00"), athena.canonical());
        assertFalse(athena.force().orElseThrow().isPoliceForce());
        assertEquals(List.of("force: 00 Athena Forces is not a police force"), athena.problems());
        for (String code : List.of("00", "08", "25", "26", "27", "91", "88", "64")) {
            assertFalse(FORCES.byCode(code).orElseThrow().isPoliceForce(), code);
        }
    }

    @Test
    void aCodeAndANameThatDisagreeUseTheCodeAndSaySo() {
        ForceName name = FORCES.resolve("41 Kent Police");
        assertEquals(Optional.of("41"), name.canonical());
        assertEquals(1, name.problems().size());
        assertTrue(name.problems().get(0).contains("disagree"));
    }

    @Test
    void theDirectoryListsPoliceForcesAndOtherCodesInCodeOrder() {
        List<Force> all = FORCES.all();
        List<String> codes = all.stream().map(Force::code).collect(Collectors.toList());
        assertEquals(codes.stream().sorted().collect(Collectors.toList()), codes);
        assertTrue(codes.stream().allMatch(c -> c.matches("[0-9]{2}")), "only two-digit codes");
        assertTrue(codes.containsAll(List.of("00", "01", "02", "93", "98", "99")));
        assertEquals(43 + 7 + 8, FORCES.policeForces().size());
        assertThrows(UnsupportedOperationException.class, () -> all.add(all.get(0)));
    }

    @Test
    void byCodeAcceptsOneOrTwoDigitsAndNothingElse() {
        assertEquals(Optional.of("01"), FORCES.byCode("1").map(Force::code));
        assertEquals(Optional.of("47"), FORCES.byCode(" 47 ").map(Force::code));
        assertEquals(Optional.empty(), FORCES.byCode("Sussex"));
        assertEquals(Optional.empty(), FORCES.byCode(null));
        assertEquals(Optional.empty(), FORCES.byCode("19"));
    }

    @Test
    void theStandardDirectoryIsLoadedOnce() {
        assertSame(Forces.standard(), Forces.standard());
        assertEquals(FORCES.resolve("Herts"), ForceName.parse("Herts"));
    }

    @Test
    void absentForcesHaveNoCanonicalFormAndNoProblems() {
        for (String raw : new String[] {null, "", "  "}) {
            ForceName name = FORCES.resolve(raw);
            assertFalse(name.isPresent());
            assertFalse(name.isValid());
            assertEquals(List.of(), name.problems());
        }
    }

    @Test
    void forceCodesMustBeTwoDigits() {
        assertThrows(IllegalArgumentException.class, () -> new Force("1", "One", true));
        assertThrows(IllegalArgumentException.class, () -> new Force("01", " ", true));
    }
}
