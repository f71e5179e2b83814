package io.github.palimpsest.privacy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.record.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The token file: one {@link Tombstone} per row of an RFC 4180 CSV file with a header row, UTF-8, so a
 * tombstone store can live in any database and forces can exchange tokens instead of names. The columns,
 * in order ({@link #COLUMNS}; {@code docs/privacy.md} describes each):
 * <pre>
 * format, key_id, reference, force, event_date, event_type,
 * pnc_id, cro_number, ni_number, driving_licence, warrant_number, phone, email, other_ids,
 * forename_bloom, forename_equivalents_bloom, surname_bloom, dob_bloom, postcode_bloom, address_bloom, tag
 * </pre>
 * {@code format} is {@value #FORMAT} on every row; identifier tokens are 22 URL-safe Base64 characters;
 * {@code other_ids} is {@code type:token} pairs joined by {@code ;}; each filter is 171 URL-safe Base64
 * characters (1,024 bits, exactly 512 set); an empty cell is an absent value; {@code tag} is a keyed MAC
 * of the row's other values.
 *
 * <p>Reading checks every row and stops at the first bad one with an {@link InputException} naming file
 * and line: wrong header, wrong number of fields (a truncated row), an unknown format version, a token or
 * filter of the wrong length or alphabet, a filter that is not balanced and, when a secret is given, a
 * row made with another key or whose tag does not match (an altered row). Stateless and thread-safe.
 */
public final class TombstoneCsv {

    /** The format version written on every row. */
    public static final String FORMAT = "palimpsest-tombstone/2";
    /** The prefix shared by every version of the format. */
    static final String FORMAT_PREFIX = "palimpsest-tombstone/";

    /** The columns, in order. */
    public static final List<String> COLUMNS = columns();

    static final int FIXED_COLUMNS = 6;
    private static final int OTHER_IDS = FIXED_COLUMNS + IdentifierField.values().length;
    private static final int FIRST_FILTER = OTHER_IDS + 1;
    private static final int TAG = FIRST_FILTER + BloomField.values().length;
    private static final int FILTER_TEXT_LENGTH = (BloomEncoder.FILTER_BITS / 8 * 4 + 2) / 3;

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private TombstoneCsv() {
    }

    private static List<String> columns() {
        ImmutableList.Builder<String> b = ImmutableList.builder();
        b.add("format", "key_id", "reference", "force", "event_date", "event_type");
        for (IdentifierField f : IdentifierField.values()) {
            b.add(f.column());
        }
        b.add("other_ids");
        for (BloomField f : BloomField.values()) {
            b.add(f.column() + "_bloom");
        }
        b.add("tag");
        return b.build();
    }

    /**
     * Writes the header and one row per tombstone. Flushes the writer and leaves it open.
     *
     * @return the number of rows written
     */
    public static long write(Writer out, Iterable<Tombstone> tombstones) throws IOException {
        checkNotNull(out, "out");
        checkNotNull(tombstones, "tombstones");
        CSVPrinter printer = new CSVPrinter(out, WRITE);
        printer.printRecord(COLUMNS);
        long rows = 0;
        for (Tombstone t : tombstones) {
            List<String> values = t.rowValuesWithoutTag();
            values.add(t.tag());
            printer.printRecord(values);
            rows++;
        }
        printer.flush();
        return rows;
    }

    /**
     * Reads and verifies a token file made with {@code secret}.
     *
     * @throws InputException naming file and line for the first bad row (see the class description)
     */
    public static List<Tombstone> read(Path file, DeploymentSecret secret) {
        checkNotNull(secret, "secret");
        List<Tombstone> all = new ArrayList<>();
        read(file, Optional.of(secret), all::add);
        return all;
    }

    /**
     * Reads a token file without the secret: every structural check is made, but neither the key id nor
     * the tags can be verified, so an altered row is found only when it breaks the format.
     *
     * @throws InputException naming file and line for the first bad row
     */
    public static List<Tombstone> readUnverified(Path file) {
        List<Tombstone> all = new ArrayList<>();
        read(file, Optional.empty(), all::add);
        return all;
    }

    /**
     * Streams a token file's tombstones to {@code sink}, verifying them when a secret is given.
     *
     * @return the number of tombstones read
     * @throws InputException naming file and line for the first bad row
     */
    public static long read(Path file, Optional<DeploymentSecret> secret, Consumer<? super Tombstone> sink) {
        checkNotNull(file, "file");
        checkNotNull(secret, "secret");
        checkNotNull(sink, "sink");
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            return read(in, file, secret, sink);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, "no such file");
        } catch (CharacterCodingException e) {
            throw new InputException(file, 0, "not UTF-8 text; a token file is written in UTF-8");
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InputException(file, 0, "not UTF-8 text; a token file is written in UTF-8");
            }
            throw new InputException(file, 0, "cannot be read: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    static long read(Reader in, Path file, Optional<DeploymentSecret> secret, Consumer<? super Tombstone> sink)
            throws IOException {
        Optional<Tokeniser> tokeniser = secret.map(DeploymentSecret::tokeniser);
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(READ).get()) {
            var it = parser.iterator();
            long lineBefore = parser.getCurrentLineNumber();
            if (!nextRecordExists(it, file, lineBefore)) {
                throw new InputException(file, 0, "empty file; a token file starts with the header "
                        + String.join(",", COLUMNS));
            }
            checkHeader(file, lineBefore + 1, it.next());
            long rows = 0;
            while (true) {
                lineBefore = parser.getCurrentLineNumber();
                if (!nextRecordExists(it, file, lineBefore)) {
                    return rows;
                }
                CSVRecord record = it.next();
                sink.accept(TombstoneRow.parse(file, lineBefore + 1, record, tokeniser));
                rows++;
            }
        }
    }

    private static boolean nextRecordExists(java.util.Iterator<CSVRecord> it, Path file, long lineBefore) {
        try {
            return it.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw e;
            }
            throw new InputException(file, lineBefore + 1, "cannot be parsed as CSV (an unbalanced quote?): "
                    + e.getCause().getMessage(), e);
        }
    }

    private static void checkHeader(Path file, long line, CSVRecord header) {
        List<String> found = header.toList();
        if (found.equals(COLUMNS)) {
            return;
        }
        if (found.equals(versionOneColumns())) {
            throw new InputException(file, line, "a palimpsest-tombstone/1 file, which has no names_bloom column; "
                    + "this version reads " + FORMAT + ": tokenise the plain records again");
        }
        if (!found.isEmpty() && found.get(0).startsWith(FORMAT_PREFIX)) {
            throw new InputException(file, line, "no header row; a token file starts with the header "
                    + String.join(",", COLUMNS));
        }
        for (int i = 0; i < Math.min(found.size(), COLUMNS.size()); i++) {
            if (!found.get(i).strip().equals(COLUMNS.get(i))) {
                throw new InputException(file, line, "not a token file header: column " + (i + 1) + " is '"
                        + found.get(i) + "', expected '" + COLUMNS.get(i) + "' (format " + FORMAT + ")");
            }
        }
        throw new InputException(file, line, "not a token file header: " + found.size() + " columns, expected "
                + COLUMNS.size() + " (format " + FORMAT + ")");
    }

    /** The header of format 1: every column but {@code names_bloom}, which format 2 added. */
    private static List<String> versionOneColumns() {
        List<String> columns = new java.util.ArrayList<>(COLUMNS);
        columns.remove(BloomField.NAMES.column() + "_bloom");
        return columns;
    }

    static int otherIdsColumn() {
        return OTHER_IDS;
    }

    static int firstFilterColumn() {
        return FIRST_FILTER;
    }

    static int tagColumn() {
        return TAG;
    }

    static int filterTextLength() {
        return FILTER_TEXT_LENGTH;
    }
}
