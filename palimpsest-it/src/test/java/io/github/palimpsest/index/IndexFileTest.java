package io.github.palimpsest.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.block.PersonBlockingRules;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.record.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFileTest {
    private static List<PersonRecord> pool;
    private static LinkIndex index;
    @TempDir
    Path directory;

    @BeforeAll
    static void indexAPool() {
        pool = IndexFixtures.generated(150, 5);
        index = LinkIndex.builder().thresholdProbability(0.9).maxCandidates(7).build();
        pool.forEach(index::add);
        index.remove(pool.get(3).recordId()); // a freed slot must not leave a hole in the file
        index.add(pool.get(3).toBuilder().recordId("late-arrival").build());
    }

    private Path saved() throws IOException {
        Path file = directory.resolve("people.idx");
        index.save(file);
        return file;
    }

    @Test
    void aLoadedIndexHasTheSameRecordsPeopleLinksAndSettings() throws IOException {
        LinkIndex loaded = LinkIndex.load(saved());
        assertEquals(index.size(), loaded.size());
        assertEquals(index.entityCount(), loaded.entityCount());
        assertEquals(index.linkCount(), loaded.linkCount());
        assertEquals(index.entityIds(), loaded.entityIds());
        assertEquals(index.model(), loaded.model());
        assertEquals(index.thresholdWeight(), loaded.thresholdWeight());
        for (String id : index.entityIds().keySet()) {
            PersonRecord before = index.record(id).orElseThrow();
            PersonRecord after = loaded.record(id).orElseThrow();
            assertEquals(before.inputColumns(), after.inputColumns());
            assertEquals(before.problems(), after.problems());
            assertEquals(before.referenceDate(), after.referenceDate());
        }
    }

    @Test
    void aLoadedIndexMatchesAndChangesAsTheOriginalWould() throws IOException {
        LinkIndex loaded = LinkIndex.load(saved());
        for (PersonRecord probe : pool.subList(0, 20)) {
            MatchResult a = index.match(probe);
            MatchResult b = loaded.match(probe);
            assertEquals(summaries(a), summaries(b), "same candidates, weights and explanations");
            assertTrue(b.candidates().size() <= 7, "maxCandidates is restored");
        }
        PersonRecord extra = pool.get(10).toBuilder().recordId("extra-1").build();
        ChangeReport original = index.add(extra);
        try {
            assertEquals(original, loaded.add(extra));
        } finally {
            index.remove("extra-1");
        }
    }

    private static List<String> summaries(MatchResult result) {
        return result.candidates().stream().map(c -> c.recordId() + " " + c.entityId() + " " + c.matchWeight() + " "
                + c.explanation().summary()).toList();
    }

    @Test
    void aLoadedIndexCanBeChangedBeforeAndAfterItsWarmUp() throws Exception {
        Path file = saved();
        LinkIndex loaded = LinkIndex.load(file); // records still in their saved form: changed straight away
        LinkIndex reference = LinkIndex.load(file);
        assertTrue(reference.awaitWarmUp(60, TimeUnit.SECONDS));
        for (LinkIndex target : List.of(loaded, reference)) {
            target.remove(pool.get(0).recordId());
            target.update(pool.get(20).toBuilder().recordId(pool.get(1).recordId()).build());
            target.add(pool.get(2).toBuilder().recordId("again-2").build());
        }
        assertEquals(reference.entityIds(), loaded.entityIds());
        assertTrue(loaded.awaitWarmUp(60, TimeUnit.SECONDS));
        assertEquals(reference.entityIds(), loaded.entityIds());
        assertEquals(summaries(reference.match(pool.get(7))), summaries(loaded.match(pool.get(7))));
        LinkIndex built = LinkIndex.builder().build();
        assertTrue(built.awaitWarmUp(0, TimeUnit.SECONDS), "a built index has nothing to warm up");
    }

    @Test
    void problemsAddedByAReaderSurviveTheRoundTrip() throws IOException {
        LinkIndex small = LinkIndex.builder().build();
        PersonRecord flagged = PersonRecord.builder().recordId("R-1").forename("Orla").surname("Penhallow")
                .dob("31/02/1988").problem(Problem.of("row", "3 fields more than the header")).build();
        small.add(flagged);
        Path file = directory.resolve("small.idx");
        small.save(file);
        PersonRecord loaded = LinkIndex.load(file).record("R-1").orElseThrow();
        assertEquals(flagged.problems(), loaded.problems());
        assertEquals("row", loaded.problems().get(0).field());
    }

    @Test
    void anEmptyIndexRoundTrips() throws IOException {
        Path file = directory.resolve("empty.idx");
        LinkIndex.builder().build().save(file);
        assertEquals(0, LinkIndex.load(file).size());
    }

    @Test
    void savingLeavesNoTemporaryFileBehind() throws IOException {
        saved();
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of("people.idx"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aTruncatedFileIsReportedAsTruncatedWhereverItEnds() throws IOException {
        byte[] bytes = Files.readAllBytes(saved());
        Path cut = directory.resolve("cut.idx");
        for (int length : new int[] {0, 5, 20, bytes.length / 3, bytes.length / 2, bytes.length - 9, bytes.length - 1}) {
            Files.write(cut, Arrays.copyOf(bytes, length));
            IndexFileException e = assertThrows(IndexFileException.class, () -> LinkIndex.load(cut),
                    "cut at " + length);
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            assertTrue(e.getMessage().contains("cut.idx"), e.getMessage());
        }
    }

    @Test
    void aFlippedByteIsCaught() throws IOException {
        byte[] bytes = Files.readAllBytes(saved());
        Path corrupt = directory.resolve("corrupt.idx");
        List<String> messages = new ArrayList<>();
        for (int position = 16; position < bytes.length; position += bytes.length / 40) {
            byte[] copy = bytes.clone();
            copy[position] ^= 0x10;
            Files.write(corrupt, copy);
            IndexFileException e = assertThrows(IndexFileException.class, () -> LinkIndex.load(corrupt),
                    "flipped byte " + position);
            messages.add(e.getMessage());
        }
        assertTrue(messages.stream().anyMatch(m -> m.contains("checksum does not match")), messages.toString());
    }

    @Test
    void aFileThatIsNotAnIndexSaysSo() throws IOException {
        Path other = directory.resolve("records.csv");
        Files.writeString(other, "record_id,forename\nR1,Ada\n");
        IndexFileException e = assertThrows(IndexFileException.class, () -> LinkIndex.load(other));
        assertTrue(e.getMessage().contains("not a Palimpsest index file"), e.getMessage());
    }

    @Test
    void anUnknownVersionSaysWhichVersionsAreRead() throws IOException {
        byte[] bytes = Files.readAllBytes(saved());
        ByteBuffer.wrap(bytes).putInt(IndexFile.MAGIC.length, 99);
        Path future = directory.resolve("future.idx");
        Files.write(future, bytes);
        IndexFileException e = assertThrows(IndexFileException.class, () -> LinkIndex.load(future));
        assertTrue(e.getMessage().contains("version 99 is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("versions 1 to 5"), e.getMessage());
    }

    @Test
    void loadingWithOtherBlockingRulesIsRefused() throws IOException {
        Path file = saved();
        LinkIndexBuilder other = LinkIndex.builder().blockingRules(PersonBlockingRules.standard().subList(0, 3));
        IndexFileException e = assertThrows(IndexFileException.class, () -> other.load(file));
        assertTrue(e.getMessage().contains("blocking rules"), e.getMessage());
    }

    /** Offset of the re-clustering budget: magic, version, two doubles, a boolean and three ints before it. */
    private static final int BUDGET_OFFSET = 8 + 4 + 8 + 8 + 1 + 3 * 4;

    /** {@code bytes} with the last 8 replaced by the CRC-32 of the rest, as a well-formed file ends. */
    private static byte[] withChecksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
        return bytes;
    }

    @Test
    void theBudgetIsSavedInTheConfiguration() throws IOException {
        LinkIndex narrow = LinkIndex.builder().maxReclusterLinks(1_234).build();
        Path file = directory.resolve("narrow.idx");
        narrow.save(file);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        assertEquals(IndexFile.VERSION, bytes.getInt(IndexFile.MAGIC.length));
        assertEquals(1_234, bytes.getInt(BUDGET_OFFSET));
    }

    /** The file an older library would have written for the shared index: {@code version} of the format. */
    private Path savedAs(int version) throws IOException {
        Path file = directory.resolve("version" + version + ".idx");
        IndexFile.save(index.core(), file, version);
        return file;
    }

    @Test
    void aVersionOneFileIsLoadedWithTheBuildersBudget() throws IOException {
        Path file = savedAs(IndexFile.VERSION_WITHOUT_BUDGET);
        LinkIndex loaded = LinkIndex.load(file);
        assertEquals(index.entityIds(), loaded.entityIds());
        assertEquals(LinkIndexBuilder.DEFAULT_MAX_RECLUSTER_LINKS, loaded.core().config.maxReclusterLinks);
        assertEquals(7, LinkIndex.builder().maxReclusterLinks(7).load(file).core().config.maxReclusterLinks);
    }

    @Test
    void aVersionTwoFileIsLoadedWithoutDecisions() throws IOException {
        LinkIndex loaded = LinkIndex.load(savedAs(IndexFile.VERSION_WITHOUT_DECISIONS));

        assertEquals(index.entityIds(), loaded.entityIds());
        assertTrue(loaded.decisions().isEmpty());
    }

    /**
     * A version 3 file was saved by an index without the nearest-neighbour search: it loads with the search
     * off, the setting its people were formed under, and keeps its people and links.
     */
    @Test
    void aVersionThreeFileIsLoadedWithTheSearchOff() throws IOException {
        LinkIndex loaded = LinkIndex.load(savedAs(IndexFile.VERSION_WITHOUT_SEARCH));

        assertEquals(index.entityIds(), loaded.entityIds());
        assertEquals(index.linkCount(), loaded.linkCount());
        assertEquals(0, loaded.core().config.neighboursPerRecord);
        assertEquals(null, loaded.core().tokenPostings);
        loaded.add(pool.get(4).toBuilder().recordId("after-v3").build());
        assertEquals(loaded.entityIdOf(pool.get(4).recordId()), loaded.entityIdOf("after-v3"));
        Path resaved = directory.resolve("resaved.idx");
        loaded.save(resaved);
        assertEquals(0, LinkIndex.load(resaved).core().config.neighboursPerRecord, "saved as version 5, still off");
    }

    /**
     * A version 4 file holds the links at or above the threshold only, none of the pairs below it a supported
     * link is weighed with: it loads with supported links off, the setting an index of that version had, keeps
     * its people, and so re-saved stays off.
     */
    @Test
    void aVersionFourFileIsLoadedWithSupportedLinksOff() throws IOException {
        LinkIndex supported = IndexFixtures.exactIncrementalIndex(IndexFixtures.model()).build();
        List<PersonRecord> records = IndexFixtures.generated(300, 2);
        records.forEach(supported::add);
        int supportedLinks = supported.core().supportedPairs().length;
        assertTrue(supportedLinks > 0, "the pool makes supported links");
        Path file = directory.resolve("version4.idx");
        IndexFile.save(supported.core(), file, IndexFile.VERSION_WITHOUT_SUPPORTED_LINKS);

        LinkIndex loaded = LinkIndex.load(file);
        assertFalse(loaded.supportedLinks());
        assertEquals(supported.entityIds(), loaded.entityIds(), "the saved people, as they were");
        assertEquals(supported.linkCount() - supportedLinks, loaded.linkCount(), "the links at or above the threshold");
        assertEquals(0, loaded.core().scoredTotal());
        assertEquals(0, loaded.core().supportedPairs().length);
        Path resaved = directory.resolve("resaved.idx");
        loaded.save(resaved);
        assertFalse(LinkIndex.load(resaved).supportedLinks(), "saved as version 5, still off");
    }

    /** A supported link must be an edge below the threshold: one that names a link at or above it is corruption. */
    @Test
    void aSupportedLinkThatIsNoEdgeBelowTheThresholdIsReportedAsInconsistent() throws IOException {
        LinkIndex corrupt = IndexFixtures.exactIncrementalIndex(IndexFixtures.model()).build();
        pool.subList(0, 60).forEach(corrupt::add);
        IndexCore core = corrupt.core();
        int linked = -1;
        for (int s : core.usedSlots()) {
            if (linked < 0 && core.edgeCount[s] > 0 && core.edgeWeight[s][0] >= core.config.thresholdWeight) {
                linked = s;
            }
        }
        assertTrue(linked >= 0, "the pool has a link");
        core.markSupported(linked, core.edgeTo[linked][0]); // as a faulty writer would record it
        Path file = directory.resolve("corrupt.idx");
        corrupt.save(file);
        IndexFileException e = assertThrows(IndexFileException.class, () -> LinkIndex.load(file));
        assertTrue(e.getMessage().contains("is not an edge below the threshold"), e.getMessage());
        assertTrue(e.getMessage().contains("inconsistent"), e.getMessage());
    }

    @Test
    void supportedLinksOffRoundTrips() throws IOException {
        LinkIndex off = LinkIndex.builder().supportedLinks(false).build();
        pool.subList(0, 60).forEach(off::add);
        Path file = directory.resolve("off.idx");
        off.save(file);
        LinkIndex loaded = LinkIndex.load(file);
        assertFalse(loaded.supportedLinks());
        assertEquals(off.entityIds(), loaded.entityIds());
        assertTrue(index.supportedLinks());
        assertTrue(LinkIndex.load(saved()).supportedLinks());
    }

    @Test
    void theSearchSettingAndTokensRoundTrip() throws IOException {
        LinkIndex three = LinkIndex.builder().neighboursPerRecord(3).build();
        pool.subList(0, 60).forEach(three::add);
        Path file = directory.resolve("three.idx");
        three.save(file);
        LinkIndex loaded = LinkIndex.load(file);
        assertEquals(3, loaded.core().config.neighboursPerRecord);
        // The loaded token postings are those the records give: a loaded record's search equals the original's.
        for (PersonRecord probe : pool.subList(60, 90)) {
            PreparedRecord p = PreparedRecord.of(probe, three.core().config);
            assertEquals(Arrays.toString(new Scoring(three.core()).neighbours(p, -1, new int[0])),
                    Arrays.toString(new Scoring(loaded.core()).neighbours(p, -1, new int[0])));
        }
    }

    @Test
    void aBudgetBelowOneIsReportedAsCorrupt() throws IOException {
        byte[] bytes = Files.readAllBytes(saved());
        ByteBuffer.wrap(bytes).putInt(BUDGET_OFFSET, 0);
        Path file = directory.resolve("zero.idx");
        Files.write(file, withChecksum(bytes));
        IndexFileException e = assertThrows(IndexFileException.class, () -> LinkIndex.load(file));
        assertTrue(e.getMessage().contains("re-clustering budget of 0"), e.getMessage());
        assertTrue(e.getMessage().contains("zero.idx"), e.getMessage());
    }
}
