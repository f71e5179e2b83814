package io.github.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameParserTest {

    /** Parses and returns "title|forename|middle names|surname|suffix" for compact expectations. */
    private static String parts(PersonName n) {
        return n.title().orElse("") + "|" + n.forename() + "|" + String.join(" ", n.middleNames()) + "|"
                + n.surname() + "|" + n.suffix().orElse("");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
        // surname first, marked by a comma
        "SMITH, John Paul;           |john|paul|smith|",
        "Smith, John;                |john||smith|",
        "O'BRIEN, Mary Ann;          |mary|ann|obrien|",
        "Smith Jr, John;             |john||smith|jr",
        "Smith, Dr John;             dr|john||smith|",
        "Smith, John, Jr.;           |john||smith|jr",
        // forename first
        "John Paul Smith;            |john|paul|smith|",
        "John Paul SMITH;            |john|paul|smith|",
        "John Smith, Jr;             |john||smith|jr",
        // capitals mark the surname wherever it stands
        "SMITH John Paul;            |john|paul|smith|",
        "Helena BONHAM CARTER;       |helena||bonham carter|",
        "O BRIEN Sean;               |sean||obrien|",
        "Sean O BRIEN;               |sean||obrien|",
        "McDONALD Fiona;             |fiona||mcdonald|",
        "von NEUMANN John;           |john||von neumann|",
        "John DE SOUZA;              |john||de souza|",
        // titles and ranks
        "Mr John Smith;              mr|john||smith|",
        "Mrs. Jane Smith;            mrs|jane||smith|",
        "Ms Jane Smith;              ms|jane||smith|",
        "Miss Jane Smith;            miss|jane||smith|",
        "Mx Sam Smith;               mx|sam||smith|",
        "Dr. Jane Smith;             dr|jane||smith|",
        "Prof Jane Smith;            prof|jane||smith|",
        "Rev. John Smith;            rev|john||smith|",
        "Sir John Smith;             sir|john||smith|",
        "Dame Jane Smith;            dame|jane||smith|",
        "Lord John Smith;            lord|john||smith|",
        "Lady Jane Smith;            lady|jane||smith|",
        "PC John Smith;              pc|john||smith|",
        "P.C. John Smith;            pc|john||smith|",
        "DC Jane Smith;              dc|jane||smith|",
        "DS Ann O'Brien;             ds|ann||obrien|",
        "Sgt John Smith;             sgt|john||smith|",
        "DI Jane Smith;              di|jane||smith|",
        "D.C.I. Jane Smith;          dci|jane||smith|",
        "DCI Jane Smith;             dci|jane||smith|",
        "Insp John Smith;            insp|john||smith|",
        "Ch Insp John Smith;         ch insp|john||smith|",
        "Ch. Insp. John Smith;       ch insp|john||smith|",
        "Chief Inspector John Smith; ch insp|john||smith|",
        "Supt Jane Smith;            supt|jane||smith|",
        "Ch Supt Jane Smith;         ch supt|jane||smith|",
        "Det Sgt John Smith;         ds|john||smith|",
        "Det John Smith;             det|john||smith|",
        "Const John Smith;           const|john||smith|",
        "Prof Sir John Smith;        prof sir|john||smith|",
        // suffixes and honours
        "John Smith Jr;              |john||smith|jr",
        "John Smith Jnr;             |john||smith|jr",
        "John Smith Sr.;             |john||smith|sr",
        "John Smith Snr;             |john||smith|sr",
        "John Smith II;              |john||smith|ii",
        "John Smith III;             |john||smith|iii",
        "John Smith IV;              |john||smith|iv",
        "John Smith OBE;             |john||smith|",
        // initials, hyphens, particles, prefixes
        "Dr J. A. SMITH-JONES Jr;    dr|j|a|smith-jones|jr",
        "J.A. Smith;                 |j|a|smith|",
        "J Smith;                    |j||smith|",
        "John O. Smith;              |john|o|smith|",
        "John O Brien;               |john||obrien|",
        "John Mc Donald;             |john||mcdonald|",
        "John Mac Donald;            |john||macdonald|",
        "Pieter van der Berg;        |pieter||van der berg|",
        "Maria de Souza;             |maria||de souza|",
        "Mary St John;               |mary||st john|",
        "Mary-Jane Smith;            |mary-jane||smith|",
        // one word is a surname
        "Smith;                      |||smith|",
        // "Di" in mixed case is a forename, not a rank
        "Di Smith;                   |di||smith|",
    })
    void parsesFullNames(String raw, String expected) {
        assertEquals(expected.strip(), parts(NameParser.parse(raw)));
    }

    @Test
    void oBrienSpellingsShareOneSurname() {
        for (String raw : List.of("Sean O'Brien", "Sean OBrien", "Sean O Brien", "Sean O’Brien", "O'BRIEN, Sean",
                "Sean O' Brien")) {
            assertEquals("obrien", NameParser.parse(raw).surname(), raw);
        }
    }

    @Test
    void diacriticsAndCaseDoNotChangeTheCanonicalForm() {
        assertEquals(NameParser.parse("Lukasz Nowak").canonical(), NameParser.parse("ŁUKASZ NOWAK").canonical());
        assertEquals(NameParser.parse("Zoe Strauss").canonical(), NameParser.parse("Zoë Strauß").canonical());
        assertEquals(Optional.of("lukasz nowak"), NameParser.parse("NOWAK, Łukasz").canonical());
    }

    @Test
    void canonicalIsForenameMiddleNamesSurnameWithoutTitleOrSuffix() {
        PersonName n = NameParser.parse("Dr J. A. SMITH-JONES Jr");
        assertEquals(Optional.of("j a smith-jones"), n.canonical());
        assertTrue(n.isValid());
        assertTrue(n.hasName());
    }

    @Test
    void hyphenatedSurnameHasTheWholeAndEachPartAsVariants() {
        assertEquals(List.of("smith-jones", "smith", "jones"), NameParser.parse("Anna Smith-Jones").surnameVariants());
        assertEquals(List.of("bonham carter", "bonhamcarter", "bonham", "carter"),
                NameParser.parse("Helena BONHAM CARTER").surnameVariants());
        assertEquals(List.of("van der berg", "vanderberg", "berg"),
                NameParser.parse("Pieter van der Berg").surnameVariants());
        assertEquals(List.of("smith"), NameParser.parse("Anna Smith").surnameVariants());
        assertEquals(List.of(), NameParser.parse("Anna", "", "").surnameVariants());
    }

    @Test
    void macAndMcSurnamesShareAVariant() {
        List<String> mac = NameParser.parse("Fiona MacDonald").surnameVariants();
        List<String> mc = NameParser.parse("Fiona McDonald").surnameVariants();
        assertEquals(List.of("macdonald", "mcdonald"), mac);
        assertEquals(List.of("mcdonald"), mc);
        assertTrue(mac.stream().anyMatch(mc::contains));
        assertEquals(List.of("smith-macleod", "smith", "macleod", "mcleod"),
                NameParser.parse("Ian Smith-MacLeod").surnameVariants());
    }

    @Test
    void initialsAreRecognisedAndReported() {
        PersonName initial = NameParser.parse("J. Smith");
        assertTrue(initial.isForenameInitial());
        assertTrue(initial.problems().contains("name: only initials"));
        PersonName full = NameParser.parse("John A. Smith");
        assertFalse(full.isForenameInitial());
        assertFalse(full.problems().contains("name: only initials"));
        assertEquals(List.of("a"), full.middleNames());
    }

    @Test
    void missingPartsAreReportedAsProblems() {
        assertTrue(NameParser.parse(", John").problems().contains("name: no surname"));
        assertTrue(NameParser.parse("Smith").problems().contains("name: no forename"));
        assertTrue(NameParser.parse("John", "", "").problems().contains("name: no surname"));
        assertEquals(List.of("name: no name part"), NameParser.parse("???").problems());
        assertTrue(NameParser.parse("John Smith").problems().isEmpty());
        assertTrue(NameParser.parse("J0hn Smith").problems().contains("name: contains digits"));
        assertTrue(NameParser.parse("Иван Smith").problems()
                .contains("name: letters outside the Latin alphabet were dropped"));
    }

    @Test
    void absentNameHasNoPartsAndNoProblems() {
        for (PersonName n : List.of(NameParser.parse(null), NameParser.parse(""), NameParser.parse("   "),
                NameParser.parse(null, null, null))) {
            assertFalse(n.isValid());
            assertFalse(n.isPresent());
            assertFalse(n.hasName());
            assertTrue(n.problems().isEmpty());
            assertEquals("", n.forename());
            assertEquals("", n.surname());
        }
    }

    @Test
    void separateFieldsStillLoseTitlesAndSuffixes() {
        PersonName n = NameParser.parse("Mr John", "", "O Brien Jnr");
        assertEquals("mr|john||obrien|jr", parts(n));
        assertEquals("Mr John O Brien Jnr", n.raw());
        assertEquals("dc|jane|ann marie|smith-jones|", parts(NameParser.parse("DC Jane Ann", "Marie", "SMITH-JONES")));
        assertEquals("|di||smith|", parts(NameParser.parse("Di", null, "Smith")));
        assertEquals("mrs|||smith|", parts(NameParser.parse("Mrs", "", "Smith")));
    }

    @Test
    void separateFieldsAgreeWithTheFullNameForm() {
        assertEquals(NameParser.parse("SMITH, John Paul").canonical(),
                NameParser.parse("John", "Paul", "Smith").canonical());
        assertEquals(NameParser.parse("Pieter van der Berg").canonical(),
                NameParser.parse("Pieter", "", "van der Berg").canonical());
    }

    @Test
    void aLoneTitleWordInAFullNameStaysAName() {
        assertEquals("|||lord|", parts(NameParser.parse("Lord")));
        assertEquals("|j|d|smith|", parts(NameParser.parse("J.D. Smith")));
        assertEquals("|d|s|smith|", parts(NameParser.parse("D.S. Smith")));
    }

    // One test per kind of word that is no name: each is removed, and a forename field that held only it
    // becomes empty (so it is never compared as a forename).

    @Test
    void courtesyTitlesAndHonorificsAreRemovedFromTheForenameField() {
        assertEquals("sir||||", parts(NameParser.parse("Sir", "", "")));
        assertEquals("sir|jacob||wilson|", parts(NameParser.parse("sir jacob", "", "wilson")));
        assertEquals("dame|||okafor|", parts(NameParser.parse("Dame", "", "Okafor")));
        assertEquals("lady|ada||example|", parts(NameParser.parse("lady ada", "", "example")));
        assertEquals("dr|||example|", parts(NameParser.parse("Dr.", "", "Example")));
    }

    @Test
    void rightHonourableInAnyFormIsRemoved() {
        assertEquals("rt hon|||example|", parts(NameParser.parse("rt.", "", "example")));
        assertEquals("rt hon|||example|", parts(NameParser.parse("Rt Hon", "", "Example")));
        assertEquals("rt hon|sam||example|", parts(NameParser.parse("The Right Honourable Sam Example")));
    }

    @Test
    void peerageRanksAreRemoved() {
        assertEquals("viscount|||example|", parts(NameParser.parse("viscount", "", "example")));
        assertEquals("baroness|jo||sample|", parts(NameParser.parse("Baroness Jo Sample")));
        assertEquals("lord|||example|", parts(NameParser.parse("lord", "", "example")));
    }

    @Test
    void ordinalsInDigitsAreRemovedFromEveryField() {
        assertEquals("|||example|2nd", parts(NameParser.parse("2nd", "", "example")));
        assertEquals("|sam||example|3rd", parts(NameParser.parse("Sam", "", "Example 3rd")));
        assertEquals("|sam||example|14th", parts(NameParser.parse("Sam Example 14th")));
        assertEquals("|||example|1st", parts(NameParser.parse("1st", "", "Example")));
        assertTrue(NameParser.parse("2nd", "", "example").problems().stream().noneMatch(p -> p.contains("digits")));
    }

    @Test
    void generationalSuffixesAreRemovedAndAFieldOfOnlyASuffixIsEmpty() {
        assertEquals("|sam||example|iii", parts(NameParser.parse("Sam Example III")));
        assertEquals("|sam||example|jr", parts(NameParser.parse("Sam", "Jr", "Example")));
        assertEquals("|||example|jr", parts(NameParser.parse("Jr", "", "Example")));
    }

    @Test
    void policeAndMilitaryRanksAreRemoved() {
        assertEquals("dci|jane||example|", parts(NameParser.parse("DCI Jane", "", "Example")));
        assertEquals("sgt|||example|", parts(NameParser.parse("Sgt", "", "Example")));
        assertEquals("col|sam||example|", parts(NameParser.parse("Colonel Sam Example")));
        assertEquals("lt col|sam||example|", parts(NameParser.parse("Lt Col Sam Example")));
    }

    @Test
    void postNominalHonoursAreRemoved() {
        assertEquals("sir|sam||example|", parts(NameParser.parse("Sir Sam Example, Bart")));
        assertEquals("|sam||example|", parts(NameParser.parse("Sam Example KCMG")));
    }

    @Test
    void aSurnameFieldKeepsItsOnlyWordEvenWhenItIsATitle() {
        // Lord, Major and Bishop are surnames too; only the forename and middle fields may be emptied
        assertEquals("|sam||lord|", parts(NameParser.parse("Sam", "", "Lord")));
        assertEquals("|sam||major|", parts(NameParser.parse("Sam", "", "Major")));
    }
}
