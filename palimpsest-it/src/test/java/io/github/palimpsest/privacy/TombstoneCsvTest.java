package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.InputException;
import io.github.palimpsest.record.PersonRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TombstoneCsvTest {

    @TempDir
    Path dir;

    private List<Tombstone> tombstones;
    private Path file;
    private List<String> lines;

    @BeforeEach
    void writeAFile() throws IOException {
        tombstones = new ArrayList<>();
        tombstones.add(Tombstone.of(TombstoneTest.person("MET-1", "Ada", "Quill"), TombstoneTest.KEY_A,
                TombstoneOptions.builder().keepEventType(true).build()));
        tombstones.add(Tombstone.of(PersonRecord.builder().recordId("H-2").force("Herts").surname("Pike, Jnr")
                .eventType("stop, \"search\"").build(), TombstoneTest.KEY_A,
                TombstoneOptions.builder().keepEventType(true).build(), "case 2019/77, \"quoted\""));
        tombstones.add(Tombstone.of(PersonRecord.builder().recordId("E-3").build(), TombstoneTest.KEY_A,
                TombstoneOptions.tokensOnly()));
        file = dir.resolve("tokens.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            assertEquals(3, TombstoneCsv.write(out, tombstones, TombstoneTest.KEY_A));
        }
        lines = Files.readAllLines(file);
    }

    @Test
    void aWrittenFileReadsBackToEqualTombstones() {
        assertTrue(lines.get(0).matches("#palimpsest-tombstone/4,key_id=" + TombstoneTest.KEY_A.keyId()
                + ",rows=3,mac=[A-Za-z0-9_-]{43}"), lines.get(0));
        assertEquals(String.join(",", TombstoneCsv.COLUMNS), lines.get(1));
        assertEquals(tombstones, TombstoneCsv.read(file, TombstoneTest.KEY_A));
        assertEquals(tombstones, TombstoneCsv.readUnverified(file));
    }

    @Test
    void writingWhatWasReadGivesTheSameBytes() throws IOException {
        StringWriter again = new StringWriter();
        TombstoneCsv.write(again, TombstoneCsv.read(file, TombstoneTest.KEY_A), TombstoneTest.KEY_A);
        assertEquals(Files.readString(file), again.toString());
    }

    private InputException readAltered(int line, UnaryOperator<String> change, boolean verify) throws IOException {
        List<String> altered = new ArrayList<>(lines);
        altered.set(line - 1, change.apply(altered.get(line - 1)));
        Path bad = dir.resolve("altered.csv");
        Files.write(bad, altered);
        InputException e = assertThrows(InputException.class, () -> {
            if (verify) {
                TombstoneCsv.read(bad, TombstoneTest.KEY_A);
            } else {
                TombstoneCsv.readUnverified(bad);
            }
        });
        assertTrue(e.getMessage().startsWith(bad + ":" + line + ": "), e.getMessage());
        return e;
    }

    private static String replaceField(String row, int column, String value) {
        String[] fields = row.split(",", -1);
        fields[column] = value;
        return String.join(",", fields);
    }

    @Test
    void anAlteredValueBreaksTheIntegrityTag() throws IOException {
        int eventDate = TombstoneCsv.COLUMNS.indexOf("event_date");
        InputException e = readAltered(3, row -> replaceField(row, eventDate, "2019-03-03"), true);
        assertTrue(e.getMessage().contains("integrity tag does not match"), e.getMessage());
        // A token swapped for another valid-looking token: only the tag can tell.
        int pnc = TombstoneCsv.COLUMNS.indexOf("pnc_id");
        String otherToken = tombstones.get(0).token(IdentifierField.PHONE).orElseThrow().toText();
        assertTrue(readAltered(3, row -> replaceField(row, pnc, otherToken), true).getMessage()
                .contains("integrity tag"));
    }

    @Test
    void aFilterWithBitsFlippedIsCaughtEvenWithoutTheKey() throws IOException {
        int surname = TombstoneCsv.COLUMNS.indexOf("surname_bloom");
        String original = lines.get(2).split(",", -1)[surname];
        char first = original.charAt(0);
        String flipped = (first == 'A' ? 'B' : 'A') + original.substring(1);
        InputException e = readAltered(3, row -> replaceField(row, surname, flipped), false);
        assertTrue(e.getMessage().contains("surname_bloom") && e.getMessage().contains("bits set"), e.getMessage());
    }

    @Test
    void truncatedRowsAndValuesGiveAClearError() throws IOException {
        InputException cut = readAltered(3, row -> row.substring(0, row.length() / 2), false);
        assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
        int dob = TombstoneCsv.COLUMNS.indexOf("dob_bloom");
        InputException shortFilter = readAltered(3, row -> replaceField(row, dob,
                row.split(",", -1)[dob].substring(0, 120)), false);
        assertTrue(shortFilter.getMessage().contains("dob_bloom has 120 characters, expected 171"),
                shortFilter.getMessage());
        int pnc = TombstoneCsv.COLUMNS.indexOf("pnc_id");
        InputException shortToken = readAltered(3, row -> replaceField(row, pnc, "abc"), false);
        assertTrue(shortToken.getMessage().contains("pnc_id is not a token"), shortToken.getMessage());
    }

    @Test
    void aFileCutInTheMiddleOfARowIsRejected() throws IOException {
        String whole = Files.readString(file);
        Path cut = dir.resolve("cut.csv");
        Files.writeString(cut, whole.substring(0, whole.length() - 40));
        InputException e = assertThrows(InputException.class, () -> TombstoneCsv.read(cut, TombstoneTest.KEY_A));
        assertTrue(e.getMessage().startsWith(cut + ":5: "), e.getMessage());
    }

    @Test
    void anUnknownFormatVersionIsNamed() throws IOException {
        InputException e = readAltered(4, row -> row.replace(TombstoneCsv.FORMAT, "palimpsest-tombstone/9"), false);
        assertTrue(e.getMessage().contains("format 'palimpsest-tombstone/9' is not supported"), e.getMessage());
    }

    @Test
    void aFileOfTheFirstFormatWithoutTheNamesFilterIsNamedAsSuch() throws IOException {
        List<String> versionOne = new ArrayList<>(lines.subList(1, lines.size()));
        versionOne.set(0, versionOne.get(0).replace(",names_bloom", "").replace(",surname_as_forename_bloom", ""));
        Path old = dir.resolve("old.csv");
        Files.write(old, versionOne);
        InputException e = assertThrows(InputException.class, () -> TombstoneCsv.readUnverified(old));
        assertTrue(e.getMessage().startsWith(old + ":1: a palimpsest-tombstone/1 file"), e.getMessage());
        assertTrue(e.getMessage().contains("palimpsest tokenise"), e.getMessage());
    }

    @Test
    void aFileMadeWithAnotherKeyIsNamedAsSuch() {
        InputException e = assertThrows(InputException.class, () -> TombstoneCsv.read(file, TombstoneTest.KEY_B));
        assertTrue(e.getMessage().contains("made with key id " + TombstoneTest.KEY_A.keyId()), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":1: "), e.getMessage());
    }

    @Test
    void aWrongHeaderOrAnEmptyFileIsRejected() throws IOException {
        InputException header = readAltered(2, h -> h.replace("event_date", "when"), false);
        assertTrue(header.getMessage().contains("column 5 is 'when', expected 'event_date'"), header.getMessage());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertTrue(assertThrows(InputException.class, () -> TombstoneCsv.readUnverified(empty)).getMessage()
                .contains("empty file"));
        assertTrue(assertThrows(InputException.class, () -> TombstoneCsv.readUnverified(dir.resolve("none.csv")))
                .getMessage().contains("no such file"));
    }

    // Whole-file integrity (issue 18): the integrity line's row count and file MAC.

    private Path writeLines(String name, List<String> content) throws IOException {
        Path bad = dir.resolve(name);
        Files.write(bad, content);
        return bad;
    }

    private InputException refused(Path bad, boolean verify) {
        InputException e = assertThrows(InputException.class, () -> {
            if (verify) {
                TombstoneCsv.read(bad, TombstoneTest.KEY_A);
            } else {
                TombstoneCsv.readUnverified(bad);
            }
        });
        assertTrue(e.getMessage().startsWith(bad + ":"), e.getMessage());
        return e;
    }

    @Test
    void aDeletedRowIsRefusedWithOrWithoutTheKey() throws IOException {
        List<String> altered = new ArrayList<>(lines);
        altered.remove(3);
        Path bad = writeLines("deleted.csv", altered);
        for (boolean verify : new boolean[] {true, false}) {
            InputException e = refused(bad, verify);
            assertTrue(e.getMessage().contains("ends after 2 of the 3 rows"), e.getMessage());
            assertEquals(5, e.line(), e.getMessage());
        }
    }

    @Test
    void aFileCutAfterAWholeRowIsRefused() throws IOException {
        Path bad = writeLines("cut-at-row.csv", lines.subList(0, lines.size() - 1));
        InputException e = refused(bad, true);
        assertTrue(e.getMessage().contains("ends after 2 of the 3 rows") && e.getMessage().contains("truncated"),
                e.getMessage());
    }

    @Test
    void aRepeatedRowIsRefused() throws IOException {
        List<String> added = new ArrayList<>(lines);
        added.add(lines.get(2));
        InputException more = refused(writeLines("repeated.csv", added), false);
        assertTrue(more.getMessage().contains(":6: more rows than the 3 the integrity line"), more.getMessage());
        // The same row in place of another: the count holds, the reference repeats.
        List<String> replaced = new ArrayList<>(lines);
        replaced.set(4, lines.get(2));
        for (boolean verify : new boolean[] {true, false}) {
            InputException e = refused(writeLines("replaced.csv", replaced), verify);
            assertTrue(e.getMessage().contains(":5: the reference is the same as line 3's"), e.getMessage());
        }
    }

    @Test
    void reorderedRowsAreRefusedWithTheKey() throws IOException {
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(2, lines.get(3));
        swapped.set(3, lines.get(2));
        Path bad = writeLines("swapped.csv", swapped);
        InputException e = refused(bad, true);
        assertTrue(e.getMessage().startsWith(bad + ":1: the file's integrity check"), e.getMessage());
        // Without the key only the structure and the count can be checked: every row is still valid.
        assertEquals(3, TombstoneCsv.readUnverified(bad).size());
    }

    @Test
    void aRowDeletedWithTheCountLoweredIsRefusedWithTheKey() throws IOException {
        List<String> altered = new ArrayList<>(lines.subList(0, lines.size() - 1));
        altered.set(0, lines.get(0).replace(",rows=3,", ",rows=2,"));
        InputException e = refused(writeLines("recounted.csv", altered), true);
        assertTrue(e.getMessage().contains("integrity check (mac on line 1) does not match"), e.getMessage());
    }

    @Test
    void aValidRowFromAnotherFileOfTheSameKeyIsRefused() throws IOException {
        Path other = dir.resolve("other.csv");
        try (Writer out = Files.newBufferedWriter(other, StandardCharsets.UTF_8)) {
            TombstoneCsv.write(out, List.of(Tombstone.of(TombstoneTest.person("MET-9", "Bea", "Rook"),
                    TombstoneTest.KEY_A, TombstoneOptions.defaults())), TombstoneTest.KEY_A);
        }
        List<String> spliced = new ArrayList<>(lines);
        spliced.set(3, Files.readAllLines(other).get(2));
        InputException e = refused(writeLines("spliced.csv", spliced), true);
        assertTrue(e.getMessage().contains(":1: the file's integrity check"), e.getMessage());
    }

    @Test
    void aMissingOrMalformedIntegrityLineIsRefused() throws IOException {
        InputException missing = refused(writeLines("no-line.csv", lines.subList(1, lines.size())), false);
        assertTrue(missing.getMessage().contains(":1: the integrity line is missing"), missing.getMessage());
        List<String> malformed = new ArrayList<>(lines);
        malformed.set(0, lines.get(0).replace(",rows=3,", ",rows=three,"));
        InputException bad = refused(writeLines("malformed.csv", malformed), false);
        assertTrue(bad.getMessage().contains(":1: not a token file's integrity line; expected "
                + "#palimpsest-tombstone/4,key_id="), bad.getMessage());
        List<String> future = new ArrayList<>(lines);
        future.set(0, lines.get(0).replace("tombstone/4", "tombstone/9"));
        InputException later = refused(writeLines("future.csv", future), false);
        assertTrue(later.getMessage().contains(":1: format 'palimpsest-tombstone/9' is not supported"),
                later.getMessage());
    }

    @Test
    void aFileOfTheSecondFormatIsRefusedSayingHowToMakeItAgain() throws IOException {
        Path old = dir.resolve("v2.csv");
        VersionTwoFiles.write(old, tombstones, TombstoneTest.KEY_A);
        InputException e = refused(old, true);
        assertTrue(e.getMessage().startsWith(old + ":1: a palimpsest-tombstone/2 file, written before token files "
                + "carried their own integrity check"), e.getMessage());
        assertTrue(e.getMessage().contains("palimpsest tokenise RECORDS.csv --key-file KEY --out TOKENS.csv"),
                e.getMessage());
    }

    @Test
    void anEditedIntegrityLineIsRefused() throws IOException {
        List<String> altered = new ArrayList<>(lines);
        String mac = lines.get(0).substring(lines.get(0).indexOf(",mac=") + 5);
        altered.set(0, lines.get(0).replace(mac, (mac.charAt(0) == 'A' ? "B" : "A") + mac.substring(1)));
        assertTrue(refused(writeLines("mac.csv", altered), true).getMessage().contains("integrity check"));
        altered.set(0, lines.get(0).replace(TombstoneTest.KEY_A.keyId(), TombstoneTest.KEY_B.keyId()));
        InputException keyId = refused(writeLines("key-id.csv", altered), false);
        assertTrue(keyId.getMessage().contains(":3: made with key id " + TombstoneTest.KEY_A.keyId()
                + ", but the file's integrity line"), keyId.getMessage());
    }

    @Test
    void theWriterRefusesWhatAReaderWouldRefuse() {
        List<Tombstone> twice = List.of(tombstones.get(0), tombstones.get(1), tombstones.get(0));
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> TombstoneCsv.write(new StringWriter(), twice, TombstoneTest.KEY_A));
        assertTrue(repeated.getMessage().contains("tombstones 1 and 3 have the same reference"), repeated.getMessage());
        IllegalArgumentException otherKey = assertThrows(IllegalArgumentException.class,
                () -> TombstoneCsv.write(new StringWriter(), tombstones, TombstoneTest.KEY_B));
        assertTrue(otherKey.getMessage().contains("made with key id " + TombstoneTest.KEY_A.keyId()),
                otherKey.getMessage());
    }

    @Test
    void anEmptyTokenFileRoundTrips() throws IOException {
        StringWriter out = new StringWriter();
        assertEquals(0, TombstoneCsv.write(out, List.of(), TombstoneTest.KEY_A));
        Path empty = writeLines("none.csv", out.toString().lines().toList());
        assertEquals(List.of(), TombstoneCsv.read(empty, TombstoneTest.KEY_A));
    }

    @Test
    void aVersionTwoFileIsUpgradedWithEveryRowTagVerified() throws IOException {
        Path old = dir.resolve("v2.csv");
        VersionTwoFiles.write(old, tombstones, TombstoneTest.KEY_A);
        List<Tombstone> upgraded = TombstoneCsv.readEarlierVersion(old, TombstoneTest.KEY_A);
        assertEquals(VersionTwoFiles.asUpgraded(tombstones, TombstoneTest.KEY_A), upgraded);
        // The version-2 file itself is refused by the reader of the current format.
        assertTrue(refused(old, true).getMessage().contains("a palimpsest-tombstone/2 file"));
        // An altered version-2 row is found by its tag; a file of the current format needs no upgrade.
        List<String> oldLines = new ArrayList<>(Files.readAllLines(old));
        int eventDate = TombstoneCsv.COLUMNS.indexOf("event_date");
        oldLines.set(1, replaceField(oldLines.get(1), eventDate, "2019-03-03"));
        Path altered = writeLines("v2-altered.csv", oldLines);
        InputException e = assertThrows(InputException.class,
                () -> TombstoneCsv.readEarlierVersion(altered, TombstoneTest.KEY_A));
        assertTrue(e.getMessage().startsWith(altered + ":2: the integrity tag does not match"), e.getMessage());
        InputException current = assertThrows(InputException.class,
                () -> TombstoneCsv.readEarlierVersion(file, TombstoneTest.KEY_A));
        assertTrue(current.getMessage().contains("needs no upgrade"), current.getMessage());
        InputException otherKey = assertThrows(InputException.class,
                () -> TombstoneCsv.readEarlierVersion(old, TombstoneTest.KEY_B));
        assertTrue(otherKey.getMessage().startsWith(old + ":2: made with key id " + TombstoneTest.KEY_A.keyId()),
                otherKey.getMessage());
    }

    @Test
    void aFileOfTheThirdFormatIsRefusedSayingHowToUpgradeIt() throws IOException {
        Path old = dir.resolve("v3.csv");
        VersionTwoFiles.writeVersionThree(old, tombstones, TombstoneTest.KEY_A);
        assertTrue(Files.readAllLines(old).get(0).startsWith("#palimpsest-tombstone/3,key_id="));
        assertEquals(String.join(",", TombstoneCsv.VERSION_THREE_COLUMNS), Files.readAllLines(old).get(1));
        for (boolean verified : new boolean[] {true, false}) {
            InputException e = refused(old, verified);
            assertTrue(e.getMessage().startsWith(old + ":1: a palimpsest-tombstone/3 file"), e.getMessage());
            assertTrue(e.getMessage().contains("palimpsest tokenise --upgrade OLD-TOKENS.csv"), e.getMessage());
        }
    }

    @Test
    void aVersionThreeFileIsUpgradedWithItsIntegrityVerified() throws IOException {
        Path old = dir.resolve("v3.csv");
        VersionTwoFiles.writeVersionThree(old, tombstones, TombstoneTest.KEY_A);
        List<Tombstone> upgraded = TombstoneCsv.readEarlierVersion(old, TombstoneTest.KEY_A);
        // The crosswise filter cannot be made without the plain record: upgraded rows have none, and are
        // tagged for the current format.
        assertEquals(VersionTwoFiles.asUpgraded(tombstones, TombstoneTest.KEY_A), upgraded);
        assertTrue(upgraded.stream().noneMatch(t -> t.filter(BloomField.SURNAME_AS_FORENAME).isPresent()));
        assertTrue(tombstones.stream().anyMatch(t -> t.filter(BloomField.SURNAME_AS_FORENAME).isPresent()));
        StringWriter out = new StringWriter();
        TombstoneCsv.write(out, upgraded, TombstoneTest.KEY_A);
        assertEquals(upgraded, TombstoneCsv.read(writeLines("upgraded.csv", out.toString().lines().toList()),
                TombstoneTest.KEY_A));

        List<String> oldLines = Files.readAllLines(old);
        int eventDate = TombstoneCsv.VERSION_THREE_COLUMNS.indexOf("event_date");
        List<String> altered = new ArrayList<>(oldLines);
        altered.set(2, replaceField(oldLines.get(2), eventDate, "2019-03-03"));
        InputException edited = assertThrows(InputException.class,
                () -> TombstoneCsv.readEarlierVersion(writeLines("v3-edited.csv", altered), TombstoneTest.KEY_A));
        assertTrue(edited.getMessage().contains(":3: the integrity tag does not match"), edited.getMessage());
        List<String> cut = new ArrayList<>(oldLines);
        cut.remove(3);
        InputException deleted = assertThrows(InputException.class,
                () -> TombstoneCsv.readEarlierVersion(writeLines("v3-cut.csv", cut), TombstoneTest.KEY_A));
        assertTrue(deleted.getMessage().contains("rows were deleted"), deleted.getMessage());
        List<String> swapped = new ArrayList<>(oldLines);
        swapped.set(2, oldLines.get(3));
        swapped.set(3, oldLines.get(2));
        InputException reordered = assertThrows(InputException.class,
                () -> TombstoneCsv.readEarlierVersion(writeLines("v3-swapped.csv", swapped), TombstoneTest.KEY_A));
        assertTrue(reordered.getMessage().contains("integrity check"), reordered.getMessage());
        InputException otherKey = assertThrows(InputException.class,
                () -> TombstoneCsv.readEarlierVersion(old, TombstoneTest.KEY_B));
        assertTrue(otherKey.getMessage().startsWith(old + ":1: made with key id " + TombstoneTest.KEY_A.keyId()),
                otherKey.getMessage());
        InputException current = assertThrows(InputException.class,
                () -> TombstoneCsv.readEarlierVersion(file, TombstoneTest.KEY_A));
        assertTrue(current.getMessage().contains("needs no upgrade"), current.getMessage());
    }
}
