package io.github.palimpsest.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.block.BlockingReport;
import io.github.palimpsest.block.BlockingRule;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockerTest {
    /** A fictional record: date of birth and surname. */
    private record Person(String dob, String surname) {}

    private static final BlockingRule<Person> DOB = BlockingRule.of("dob",
            (p, keys) -> keys.accept(p.dob()), Person::surname);

    private static List<Person> placeholderDates(int count) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            people.add(new Person("1900-01-01", "SURNAME" + (count - i)));
        }
        people.add(new Person("1984-03-07", "Quillfeather"));
        people.add(new Person("1984-03-07", "Quillfeathers"));
        return people;
    }

    @Test
    void aPlaceholderDateSharedByThousandsIsSubBlockedAndReported() {
        Blocker<Person> blocker = Blocker.<Person>builder().rule(DOB).maxBlockSize(100).windowSize(5).build();

        CandidatePairs pairs = blocker.candidates(placeholderDates(5_000));

        // 4 successors for each of the first 4,996 records, then 3, 2, 1: 19,990; plus the ordinary pair.
        assertEquals(19_990 + 1, pairs.size());
        BlockingReport report = pairs.report();
        assertEquals(1, report.oversizeBlocks().size());
        BlockingReport.OversizeBlock block = report.oversizeBlocks().get(0);
        assertEquals("dob", block.rule());
        assertEquals("1900-01-01", block.key());
        assertEquals(5_000, block.size());
        assertEquals(19_990, block.pairs());
        assertEquals(5_000, report.rules().get(0).largestBlock());
        assertEquals(1, report.rules().get(0).oversizeBlocks());
        assertTrue(pairs.contains(5_000, 5_001), "the ordinary block is still paired exhaustively");
    }

    @Test
    void theWindowPairsNeighboursInOrderingKeyOrder() {
        List<Person> people = new ArrayList<>();
        String[] surnames = {"Dorne", "Abbot", "Crane", "Abbott", "Bexley", "Dorn"};
        for (String surname : surnames) {
            people.add(new Person("1900-01-01", surname));
        }
        Blocker<Person> blocker = Blocker.<Person>builder().rule(DOB).maxBlockSize(3).windowSize(2).build();

        CandidatePairs pairs = blocker.candidates(people);

        // Sorted: Abbot(1) Abbott(3) Bexley(4) Crane(2) Dorn(5) Dorne(0): each with its successor.
        long[] expected = {CandidatePairs.pack(1, 3), CandidatePairs.pack(3, 4), CandidatePairs.pack(4, 2),
            CandidatePairs.pack(2, 5), CandidatePairs.pack(5, 0)};
        Arrays.sort(expected);
        assertArrayEquals(expected, pairs.toArray());
    }

    @Test
    void aRuleWithItsOwnSmallerMaximumWindowsItsBlocksAndOnlyIts() {
        BlockingRule<Person> capped = DOB.withMaxBlockSize(10);
        assertEquals(10, capped.maxBlockSize());
        assertEquals(DOB.name(), capped.name());
        CandidatePairs pairs = Blocker.<Person>builder().rule(capped).maxBlockSize(1_000).windowSize(3).build()
                .candidates(placeholderDates(50));
        assertEquals(1, pairs.report().oversizeBlocks().size(), "the rule's own maximum applies");
        assertTrue(pairs.report().oversizeBlocks().get(0).size() > 10);
        CandidatePairs uncapped = Blocker.<Person>builder().rule(DOB).maxBlockSize(1_000).windowSize(3).build()
                .candidates(placeholderDates(50));
        assertEquals(0, uncapped.report().oversizeBlocks().size());
        assertTrue(pairs.size() < uncapped.size());
        assertThrows(IllegalArgumentException.class, () -> DOB.withMaxBlockSize(1));
    }

    @Test
    void reportTextAndLogsNeverCarryTheKey() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CandidatePairs pairs;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            pairs = Blocker.<Person>builder().rule(DOB).maxBlockSize(10).windowSize(3).build()
                    .candidates(placeholderDates(50));
        } finally {
            System.setErr(original);
        }
        String logged = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("1 block(s) exceed the maximum block size 10"), "the oversize block is logged");
        assertFalse(logged.contains("1900-01-01"), logged);
        assertFalse(pairs.report().toString().contains("1900-01-01"));
        assertFalse(pairs.report().oversizeBlocks().get(0).toString().contains("1900-01-01"));
        assertTrue(pairs.report().toString().contains(pairs.report().oversizeBlocks().get(0).keyHash()));
    }

    @Test
    void aRecordWithNoKeyOrAnEmptyKeyIsNotBlockedByThatRule() {
        BlockingRule<Person> surname = BlockingRule.of("surname", (p, keys) -> keys.accept(p.surname()));
        List<Person> people = List.of(new Person("", "Ashdown"), new Person("", "Ashdown"),
                new Person("", ""), new Person("", ""), new Person("1971-12-30", "Brackwater"));

        CandidatePairs pairs = Blocker.<Person>builder().rule(DOB).rule(surname).build().candidates(people);

        assertArrayEquals(new long[] {CandidatePairs.pack(0, 1)}, pairs.toArray());
        assertEquals(3, pairs.report().recordsWithoutCandidates());
        assertEquals(1, pairs.report().rules().get(0).recordsWithKey());
        assertEquals(0, pairs.report().rules().get(0).pairs());
        assertEquals(3, pairs.report().rules().get(1).recordsWithKey());
    }

    @Test
    void aPairFoundByTwoRulesIsCountedNewOnlyOnce() {
        BlockingRule<Person> surname = BlockingRule.of("surname", (p, keys) -> keys.accept(p.surname()));
        List<Person> people = new LinkedList<>(List.of(new Person("1960-05-05", "Fenwick"),
                new Person("1960-05-05", "Fenwick"), new Person("1960-05-05", "Garrow")));

        CandidatePairs pairs = Blocker.<Person>builder().rule(surname).rule(DOB).build().candidates(people);

        assertEquals(3, pairs.size());
        assertEquals(1, pairs.report().rules().get(0).newPairs());
        assertEquals(3, pairs.report().rules().get(1).pairs());
        assertEquals(2, pairs.report().rules().get(1).newPairs());
    }

    @Test
    void recallCountsTruePairsOfAHugeEntityWithoutEnumeratingThem() {
        int n = 200_000;
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(new Person("1990-01-" + (i % 2), "X"));
        }
        CandidatePairs pairs = Blocker.<Person>builder().rule(DOB).maxBlockSize(10).windowSize(2).build()
                .candidates(people);
        int[] oneEntity = new int[n];

        double recall = pairs.recall(oneEntity);

        assertEquals((double) (n - 2) / ((long) n * (n - 1) / 2), recall, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> pairs.recall(new int[3]));
    }

    @Test
    void configurationMistakesFailFastWithAReason() {
        assertThrows(IllegalStateException.class, () -> Blocker.<Person>builder().build());
        assertThrows(IllegalArgumentException.class, () -> Blocker.<Person>builder().rule(DOB).rule(DOB));
        assertThrows(IllegalArgumentException.class, () -> Blocker.<Person>builder().maxBlockSize(1));
        assertThrows(IllegalStateException.class,
                () -> Blocker.<Person>builder().rule(DOB).maxBlockSize(5).windowSize(6).build());
        assertThrows(IllegalArgumentException.class, () -> BlockingRule.of(" ", (Person p, java.util.function.Consumer<String> k) -> { }));
        assertThrows(IllegalArgumentException.class, () -> CandidatePairs.pack(3, 3));
    }
}
