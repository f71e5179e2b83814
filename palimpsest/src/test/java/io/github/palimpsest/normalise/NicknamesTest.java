package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NicknamesTest {

    private final Nicknames nicknames = Nicknames.standard();

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        // from the carltonnorthern/nicknames table
        "Bill, William", "Peggy, Margaret", "Dave, David", "Rob, Robert", "Bob, Robert", "Liz, Elizabeth",
        "Tony, Anthony", "Jim, James", "Sue, Susan",
        // British diminutives from nicknames-uk.csv
        "Gaz, Gary", "Baz, Barry", "Tel, Terry", "Del, Derek", "Bex, Rebecca", "Shaz, Sharon",
        "Jonno, Jonathan", "Kez, Kerry", "Daz, Darren", "Kev, Kevin", "Jez, Jeremy", "Robin, Rob",
        // spelling and transliteration variants from nicknames-uk.csv
        "Mohammed, Muhammad", "Mohamed, Mohammad", "Muhammad, Mohamed", "Stephen, Steven",
        "Catherine, Katherine", "Katherine, Kathryn", "Catherine, Kathryn", "Sean, Shaun", "Sean, Shawn",
        "Siobhan, Shevaun", "Aleksander, Alexander", "Jon, John", "Phillip, Philip", "Zoe, Zoey",
        "Lewis, Louis", "Iain, Ian", "Rhys, Reece",
    })
    void relatedNamesAreEquivalentInBothDirections(String a, String b) {
        assertTrue(nicknames.areEquivalent(a, b), a + " ~ " + b);
        assertTrue(nicknames.areEquivalent(b, a), b + " ~ " + a);
    }

    @Test
    void equivalenceIsNotTransitive() {
        assertTrue(nicknames.areEquivalent("Rob", "Robert"));
        assertTrue(nicknames.areEquivalent("Robin", "Rob"));
        assertFalse(nicknames.areEquivalent("Robert", "Robin"));
        // Mo is short for both Mohammed and Maurice, which stay apart.
        assertTrue(nicknames.areEquivalent("Mo", "Mohammed"));
        assertTrue(nicknames.areEquivalent("Mo", "Maurice"));
        assertFalse(nicknames.areEquivalent("Mohammed", "Maurice"));
    }

    @Test
    void unrelatedNamesAreNotEquivalent() {
        assertFalse(nicknames.areEquivalent("John", "Mary"));
        assertFalse(nicknames.areEquivalent("Gary", "Barry"));
        assertFalse(nicknames.areEquivalent("William", "Margaret"));
    }

    @Test
    void inputIsFoldedBeforeLookUp() {
        assertTrue(nicknames.areEquivalent("  BILL ", "william"));
        assertTrue(nicknames.areEquivalent("Zoë", "Zoey"));
        assertTrue(nicknames.areEquivalent("Seán", "Shaun"));
        assertTrue(nicknames.areEquivalent("Łukasz", "Lukasz"));
    }

    @Test
    void equivalentsHoldTheNameAndItsDirectRelationsOnly() {
        Set<String> robert = nicknames.equivalents("Robert");
        assertTrue(robert.containsAll(List.of("robert", "rob", "bob", "bobby")));
        assertFalse(robert.contains("robin"));
        assertTrue(nicknames.equivalents("Peggy").containsAll(List.of("peggy", "margaret", "peg")));
        assertEquals(Set.of("qwzx"), nicknames.equivalents("Qwzx"));
        assertEquals(Set.of(), nicknames.equivalents(null));
        assertEquals(Set.of(), nicknames.equivalents("  "));
    }

    @Test
    void standardTableIsLoadedOnce() {
        assertSame(Nicknames.standard(), Nicknames.standard());
    }

    @Test
    void shippedUsTableIsTheUnchangedUpstreamFile() throws IOException {
        List<String> lines = resourceLines("nicknames.csv");
        assertEquals("name1,relationship,name2", lines.get(0));
        assertEquals(2691, lines.size() - 1, "relations in carltonnorthern/nicknames at commit 21d7505");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(3, f.length, line);
            assertEquals("has_nickname", f[1], line);
        }
        assertTrue(resourceText("nicknames-LICENSE.txt").contains("Apache License"));
        assertTrue(resourceText("nicknames-LICENSE.txt").contains("Version 2.0"));
    }

    @Test
    void ukTableIsWellFormedFoldedAndAddsOnlyNewPairs() throws IOException {
        List<String> us = resourceLines("nicknames.csv");
        Set<Set<String>> usPairs = new HashSet<>();
        for (String line : us.subList(1, us.size())) {
            String[] f = line.split(",");
            usPairs.add(Set.of(f[0], f[2]));
        }
        List<String> uk = resourceLines("nicknames-uk.csv");
        assertEquals("name1,relationship,name2", uk.get(0));
        Set<Set<String>> ukPairs = new HashSet<>();
        for (String line : uk.subList(1, uk.size())) {
            String[] f = line.split(",", -1);
            assertEquals(3, f.length, line);
            assertTrue(f[1].equals("has_nickname") || f[1].equals("has_variant"), line);
            assertEquals(Names.fold(f[0]), f[0], line);
            assertEquals(Names.fold(f[2]), f[2], line);
            assertFalse(f[0].equals(f[2]), "self-pair: " + line);
            Set<String> pair = Set.of(f[0], f[2]);
            assertTrue(ukPairs.add(pair), "repeated pair: " + line);
            assertFalse(usPairs.contains(pair), "already in the upstream table: " + line);
            assertTrue(Nicknames.standard().areEquivalent(f[0], f[2]), line);
        }
        assertTrue(ukPairs.size() > 300, "UK additions: " + ukPairs.size());
    }

    @Test
    void ukTableDoesNotRelateRobertAndRobin() throws IOException {
        for (String line : resourceLines("nicknames-uk.csv")) {
            assertFalse(line.matches("robert,.*,robin|robin,.*,robert"), line);
        }
    }

    private static List<String> resourceLines(String name) throws IOException {
        return resourceText(name).lines().filter(l -> !l.isEmpty()).toList();
    }

    private static String resourceText(String name) throws IOException {
        try (InputStream in = Nicknames.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
