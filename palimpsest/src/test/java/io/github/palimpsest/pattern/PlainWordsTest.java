package io.github.palimpsest.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.Linker;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.index.LinkIndex;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainWordsTest {

    @Test
    void everyLevelOfTheDefaultComparisonsHasWordsOfItsOwn() {
        List<String> missing = new ArrayList<>();
        for (Comparison<ComparableRecord> c : Linker.builder().build().comparisons()) {
            assertTrue(!PlainWords.noun(c.name()).contains("_"), c.name());
            for (ComparisonLevel level : c.levels()) {
                if (!PlainWords.tables().get("levels").containsKey(level.label())) {
                    missing.add(c.name() + ": " + level.label());
                }
            }
        }
        assertEquals(List.of(), missing, "levels shown as 'noun: label' instead of words");
    }

    @Test
    void evidenceReadsAsASentence() {
        assertEquals("same date of birth and same phone number", PlainWords.evidence("dob exact + phone equal"));
        assertEquals("same PNC ID", PlainWords.evidence("pnc_id equal"));
        assertEquals("date of birth with day and month swapped and different postcodes",
                PlainWords.evidence("dob day and month swapped + postcode else"));
        assertEquals("no evidence", PlainWords.evidence("no evidence"));
    }

    @Test
    void unknownComparisonsAndLevelsStillReadAsWords() {
        assertEquals("staff no", PlainWords.noun("id_staff_no"));
        assertEquals("other identifier", PlainWords.noun("id_*"));
        assertEquals("staff no: sideways", PlainWords.phrase("id_staff_no", "sideways"));
        assertEquals("different dates of birth", PlainWords.phrase("dob", "else"));
        assertEquals("different PNC IDs", PlainWords.phrase("pnc_id", "different valid values"));
        assertEquals("date of birth with day and month swapped", PlainWords.phrase("dob", "day and month swapped"));
        assertEquals("surname: some new level", PlainWords.phrase("surname", "some new level"));
    }

    @Test
    void weightsReadAsHowManyTimesMoreLikelyToTwoFigures() {
        assertEquals("about 4,100 times more likely", PlainWords.likelihood(12));
        assertEquals("about 1 times more likely", PlainWords.likelihood(0));
        assertEquals("about 2 times less likely", PlainWords.likelihood(-1));
        assertTrue(PlainWords.likelihood(0.5).startsWith("about 1.4 times"));
        assertEquals("about 8 times less likely", PlainWords.likelihood(-3));
        assertEquals("about 1,000 times less likely", PlainWords.likelihood(-Math.log(1000) / Math.log(2)));
        assertEquals("overwhelmingly more likely", PlainWords.likelihood(80));
    }

    @Test
    void strengthFollowsKassAndRaftery() {
        assertEquals("no evidence either way", PlainWords.strength(0.01));
        assertEquals("weak evidence for", PlainWords.strength(1));
        assertEquals("moderate evidence against", PlainWords.strength(-2));
        assertEquals("strong evidence for", PlainWords.strength(5));
        assertEquals("very strong evidence against", PlainWords.strength(-8));
    }

    @Test
    void aWholeExplanationReadsFromTheStartingOddsToEachComparisonStrongestFirst() {
        LinkIndex index = LinkIndex.builder().build();
        index.add(PersonRecord.builder().recordId("A").force("MPS").forename("Maren").surname("Quillfeather")
                .dob("1971-06-02").build());
        index.add(PersonRecord.builder().recordId("B").force("Kent").forename("Maren").surname("Quillfeather")
                .dob("1971-02-06").build());
        String words = PlainWords.explanation(index.explain("A", "B").orElseThrow());
        assertTrue(words.startsWith("before any comparison, a match is about "), words);
        assertTrue(words.contains("same surname: about ") && words.contains("(very strong evidence for)"), words);
        assertTrue(words.contains("date of birth with day and month swapped"), words);
    }

    @Test
    void probabilitiesNeverReadAsACertainty() {
        assertEquals("above 0.9999", PlainWords.probability(1.0));
        assertEquals("0.9531", PlainWords.probability(0.95312));
        assertEquals("below 0.0001", PlainWords.probability(0.0));
    }
}
