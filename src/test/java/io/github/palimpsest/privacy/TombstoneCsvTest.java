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
            assertEquals(3, TombstoneCsv.write(out, tombstones));
        }
        lines = Files.readAllLines(file);
    }

    @Test
    void aWrittenFileReadsBackToEqualTombstones() {
        assertEquals(String.join(",", TombstoneCsv.COLUMNS), lines.get(0));
        assertEquals(tombstones, TombstoneCsv.read(file, TombstoneTest.KEY_A));
        assertEquals(tombstones, TombstoneCsv.readUnverified(file));
    }

    @Test
    void writingWhatWasReadGivesTheSameBytes() throws IOException {
        StringWriter again = new StringWriter();
        TombstoneCsv.write(again, TombstoneCsv.read(file, TombstoneTest.KEY_A));
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
        InputException e = readAltered(2, row -> replaceField(row, eventDate, "2019-03-03"), true);
        assertTrue(e.getMessage().contains("integrity tag does not match"), e.getMessage());
        // A token swapped for another valid-looking token: only the tag can tell.
        int pnc = TombstoneCsv.COLUMNS.indexOf("pnc_id");
        String otherToken = tombstones.get(0).token(IdentifierField.PHONE).orElseThrow().toText();
        assertTrue(readAltered(2, row -> replaceField(row, pnc, otherToken), true).getMessage()
                .contains("integrity tag"));
    }

    @Test
    void aFilterWithBitsFlippedIsCaughtEvenWithoutTheKey() throws IOException {
        int surname = TombstoneCsv.COLUMNS.indexOf("surname_bloom");
        String original = lines.get(1).split(",", -1)[surname];
        char first = original.charAt(0);
        String flipped = (first == 'A' ? 'B' : 'A') + original.substring(1);
        InputException e = readAltered(2, row -> replaceField(row, surname, flipped), false);
        assertTrue(e.getMessage().contains("surname_bloom") && e.getMessage().contains("bits set"), e.getMessage());
    }

    @Test
    void truncatedRowsAndValuesGiveAClearError() throws IOException {
        InputException cut = readAltered(2, row -> row.substring(0, row.length() / 2), false);
        assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());
        int dob = TombstoneCsv.COLUMNS.indexOf("dob_bloom");
        InputException shortFilter = readAltered(2, row -> replaceField(row, dob,
                row.split(",", -1)[dob].substring(0, 120)), false);
        assertTrue(shortFilter.getMessage().contains("dob_bloom has 120 characters, expected 171"),
                shortFilter.getMessage());
        int pnc = TombstoneCsv.COLUMNS.indexOf("pnc_id");
        InputException shortToken = readAltered(2, row -> replaceField(row, pnc, "abc"), false);
        assertTrue(shortToken.getMessage().contains("pnc_id is not a token"), shortToken.getMessage());
    }

    @Test
    void aFileCutInTheMiddleOfARowIsRejected() throws IOException {
        String whole = Files.readString(file);
        Path cut = dir.resolve("cut.csv");
        Files.writeString(cut, whole.substring(0, whole.length() - 40));
        InputException e = assertThrows(InputException.class, () -> TombstoneCsv.read(cut, TombstoneTest.KEY_A));
        assertTrue(e.getMessage().startsWith(cut + ":4: "), e.getMessage());
    }

    @Test
    void anUnknownFormatVersionIsNamed() throws IOException {
        InputException e = readAltered(3, row -> row.replace(TombstoneCsv.FORMAT, "palimpsest-tombstone/9"), false);
        assertTrue(e.getMessage().contains("format 'palimpsest-tombstone/9' is not supported"), e.getMessage());
    }

    @Test
    void aFileOfTheFirstFormatWithoutTheNamesFilterIsNamedAsSuch() throws IOException {
        InputException e = readAltered(1, h -> h.replace(",names_bloom", ""), false);
        assertTrue(e.getMessage().contains("a palimpsest-tombstone/1 file"), e.getMessage());
        assertTrue(e.getMessage().contains("tokenise the plain records again"), e.getMessage());
    }

    @Test
    void aFileMadeWithAnotherKeyIsNamedAsSuch() {
        InputException e = assertThrows(InputException.class, () -> TombstoneCsv.read(file, TombstoneTest.KEY_B));
        assertTrue(e.getMessage().contains("made with key id " + TombstoneTest.KEY_A.keyId()), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
    }

    @Test
    void aWrongHeaderOrAnEmptyFileIsRejected() throws IOException {
        InputException header = readAltered(1, h -> h.replace("event_date", "when"), false);
        assertTrue(header.getMessage().contains("column 5 is 'when', expected 'event_date'"), header.getMessage());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertTrue(assertThrows(InputException.class, () -> TombstoneCsv.readUnverified(empty)).getMessage()
                .contains("empty file"));
        assertTrue(assertThrows(InputException.class, () -> TombstoneCsv.readUnverified(dir.resolve("none.csv")))
                .getMessage().contains("no such file"));
    }
}
