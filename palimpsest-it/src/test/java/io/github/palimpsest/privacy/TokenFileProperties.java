package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.InputException;
import io.github.palimpsest.record.PersonRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 18: a token file carries its own integrity. Any single deletion, duplication or edit of a row (or
 * of the integrity line or header), any swap of two rows and any truncation that loses a character of
 * content is refused when the file is read with its key; an untouched file reads back to what was written.
 * (Line ends are not content: CR, LF and CRLF are all read as line ends.)
 */
class TokenFileProperties {

    private static final Path NAME = Path.of("tokens.csv");
    private static final List<Tombstone> POOL = pool();

    private static List<Tombstone> pool() {
        List<Tombstone> all = new ArrayList<>();
        all.add(Tombstone.of(TombstoneTest.person("MET-1", "Ada", "Quill"), TombstoneTest.KEY_A,
                TombstoneOptions.builder().keepEventType(true).build()));
        all.add(Tombstone.of(PersonRecord.builder().recordId("H-2").force("Herts").surname("Pike, Jnr")
                .eventType("stop, \"search\"").build(), TombstoneTest.KEY_A,
                TombstoneOptions.builder().keepEventType(true).build(), "case 2019/77, \"quoted\""));
        all.add(Tombstone.of(PersonRecord.builder().recordId("E-3").build(), TombstoneTest.KEY_A,
                TombstoneOptions.tokensOnly()));
        String[][] people = {{"Bea", "Rook"}, {"Cal", "Finch"}, {"Dot", "Wren"}, {"Eli", "Stoat"}, {"Fay", "Heron"}};
        for (int i = 0; i < people.length; i++) {
            all.add(Tombstone.of(TombstoneTest.person("MET-" + (10 + i), people[i][0], people[i][1]),
                    TombstoneTest.KEY_A, i % 2 == 0 ? TombstoneOptions.defaults() : TombstoneOptions.tokensOnly()));
        }
        return List.copyOf(all);
    }

    private static final String[] WRITTEN = new String[POOL.size() + 1];

    /** The file of the first {@code rows} tombstones of the pool (written once, then kept). */
    private static synchronized String written(int rows) {
        if (WRITTEN[rows] == null) {
            WRITTEN[rows] = write(rows);
        }
        return WRITTEN[rows];
    }

    private static String write(int rows) {
        StringWriter out = new StringWriter();
        try {
            TombstoneCsv.write(out, POOL.subList(0, rows), TombstoneTest.KEY_A);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<Tombstone> read(String text) {
        List<Tombstone> all = new ArrayList<>();
        try {
            TombstoneCsv.read(new BufferedReader(new StringReader(text)), NAME, Optional.of(TombstoneTest.KEY_A),
                    all::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static void assertRefused(String text) {
        InputException e = assertThrows(InputException.class, () -> read(text));
        assertTrue(e.getMessage().startsWith(NAME.toString()), e.getMessage());
    }

    /** The file's lines, each with its line end. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        return lines;
    }

    @Property(tries = 30)
    void anUntouchedFileReadsBackToWhatWasWritten(@ForAll @IntRange(min = 0, max = 8) int rows) {
        assertEquals(POOL.subList(0, rows), read(write(rows)));
    }

    @Property(tries = 100)
    void deletingAnyLineIsRefused(@ForAll @IntRange(min = 1, max = 8) int rows, @ForAll @IntRange(max = 100) int which) {
        List<String> lines = lines(written(rows));
        lines.remove(which % lines.size());
        assertRefused(String.join("", lines));
    }

    @Property(tries = 200)
    void repeatingAnyLineAnywhereIsRefused(@ForAll @IntRange(min = 1, max = 8) int rows,
                                           @ForAll @IntRange(max = 100) int which,
                                           @ForAll @IntRange(max = 100) int where) {
        List<String> lines = lines(written(rows));
        String copy = lines.get(which % lines.size());
        lines.add(where % (lines.size() + 1), copy);
        assertRefused(String.join("", lines));
    }

    @Property(tries = 200)
    void swappingTwoRowsIsRefused(@ForAll @IntRange(min = 2, max = 8) int rows, @ForAll @IntRange(max = 100) int a,
                                  @ForAll @IntRange(max = 100) int b) {
        List<String> lines = lines(written(rows));
        int i = 2 + a % rows;
        int j = 2 + b % rows;
        Assume.that(i != j);
        String first = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, first);
        assertRefused(String.join("", lines));
    }

    @Property(tries = 600)
    void changingAnyOneCharacterIsRefused(@ForAll @IntRange(min = 1, max = 8) int rows,
                                          @ForAll @IntRange(max = 1_000_000) int position,
                                          @ForAll @IntRange(max = 13) int replacement) {
        String text = written(rows);
        int at = position % text.length();
        char by = "Az09-_,\";: #\n\r".charAt(replacement);
        Assume.that(text.charAt(at) != by);
        // A line end written as CR instead of LF is the same file: the MAC covers values, not line ends.
        Assume.that(!(text.charAt(at) == '\n' && by == '\r'));
        assertRefused(text.substring(0, at) + by + text.substring(at + 1));
    }

    @Property(tries = 300)
    void truncatingTheFileAnywhereIsRefused(@ForAll @IntRange(min = 1, max = 8) int rows,
                                            @ForAll @IntRange(max = 1_000_000) int position) {
        String text = written(rows);
        // Cut before the last character of content: only the final line end may go unnoticed, as it loses nothing.
        assertRefused(text.substring(0, position % (text.length() - 1)));
    }
}
