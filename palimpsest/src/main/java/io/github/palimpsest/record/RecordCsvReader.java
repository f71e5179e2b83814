package io.github.palimpsest.record;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.normalise.InputText;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads force record files in the canonical CSV schema into {@link PersonRecord}s, streaming, one row at
 * a time; {@link #readRecords(List, Function, int)} normalises on several threads for large pools.
 *
 * <p>Headers are matched ignoring case and surrounding spaces; {@code id_<type>} columns become generic
 * identifiers and unknown columns are kept untouched. A file without a {@code force} column is one source
 * named after the file (without extension), given as {@link PersonRecord.Builder#sourceName}: a name that is
 * no known force is not a problem on every row. A leading byte-order mark is skipped; a file starting with a
 * UTF-16 byte-order mark is read as UTF-16. Every value and header name is read through
 * {@link InputText#clean} (NFC, invisible characters removed), so ids that look the same are the same.
 *
 * <p>What cannot be read stops the run with an {@link InputException} naming file and line: a file that
 * is empty, not UTF-8 (UTF-16 without a byte-order mark and UTF-32 are named), has no {@code record_id}
 * column or a repeated header, a NUL character, an unbalanced quote, a stray quote that swallowed whole
 * records, a row without a {@code record_id}, or a {@code record_id} already seen in
 * this run. A row that can still be
 * read is never dropped: a wrong number of fields becomes a {@code row} problem on that record (missing
 * fields read as empty, surplus values kept as extra columns {@code _extra_1}, {@code _extra_2}, ...).
 *
 * <p>Immutable and thread-safe; each {@code read} call has its own state.
 */
public final class RecordCsvReader {
    private static final Logger LOG = LoggerFactory.getLogger(RecordCsvReader.class);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    /** Where Commons CSV says a quoted value ended with text after its closing quote. */
    private static final Pattern CLOSED_ON_LINE = Pattern.compile("at line: (\\d+)");

    private final Optional<LocalDate> referenceDate;

    private RecordCsvReader(Optional<LocalDate> referenceDate) {
        this.referenceDate = referenceDate;
    }

    /** A reader that judges dates against today. */
    public static RecordCsvReader create() {
        return new RecordCsvReader(Optional.empty());
    }

    /** A reader that judges two-digit years and future dates against a fixed date, for reproducible runs. */
    public static RecordCsvReader withReferenceDate(LocalDate referenceDate) {
        return new RecordCsvReader(Optional.of(checkNotNull(referenceDate, "referenceDate")));
    }

    /**
     * Reads every file in order as one pool, passing each row to {@code sink} as it is read. Record ids
     * must be unique across all the files.
     *
     * @return the number of rows read
     * @throws InputException when a file cannot be read (see the class description)
     */
    public long read(List<Path> files, Consumer<? super CsvRow> sink) {
        checkNotNull(sink, "sink");
        LocalDate reference = referenceDate.orElseGet(LocalDate::now);
        ParseCache parsed = ParseCache.forReferenceDate(reference);
        RecordIdTable seen = new RecordIdTable();
        long rows = 0;
        for (Path file : files) {
            rows += readFile(file, seen, row -> sink.accept(new CsvRow(row.file(), row.line(),
                    row.header().namesOf(row.fields()), row.header().valuesOf(row.fields()),
                    row.build(reference, parsed))));
        }
        return rows;
    }

    /** Reads every file in order as one pool and returns the records. */
    public List<PersonRecord> readRecords(List<Path> files) {
        List<PersonRecord> records = new ArrayList<>();
        read(files, row -> records.add(row.record()));
        return records;
    }

    /**
     * Reads every file in order as one pool, normalising rows on {@code threads} threads, and returns
     * {@code convert} of each record in input order: the way to read a large pool without holding its
     * {@link PersonRecord}s, e.g. {@code readRecords(files, factory::of, 2)} with a
     * {@link ComparableRecordFactory}. The calling thread parses the CSV while the workers build records in
     * batches; only a few batches of raw rows are in memory at once. The results, and any
     * {@link InputException}, are those of a sequential read. {@code convert} must be thread-safe.
     *
     * @throws InputException when a file cannot be read (see the class description)
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public <T> List<T> readRecords(List<Path> files, Function<? super PersonRecord, ? extends T> convert,
            int threads) {
        checkNotNull(convert, "convert");
        return readRecords(files, (file, line, record) -> convert.apply(record), threads);
    }

    /**
     * As {@link #readRecords(List, Function, int)}, but {@code convert} also learns where each row was read:
     * its file (as given in {@code files}) and the 1-based line it starts on, the place an
     * {@link InputException} would name. For example, to keep each record's problems with their place while
     * the row is still hot on its worker:
     * <pre>{@code
     * reader.readRecords(files, (file, line, record) -> new Located(file, line, record.problems()), 2);
     * }</pre>
     * {@code convert} must be thread-safe.
     *
     * @throws InputException when a file cannot be read (see the class description)
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public <T> List<T> readRecords(List<Path> files, RowFunction<? extends T> convert, int threads) {
        checkNotNull(files, "files");
        checkNotNull(convert, "convert");
        checkArgument(threads >= 1, "threads must be at least 1, got %s", threads);
        LocalDate reference = referenceDate.orElseGet(LocalDate::now);
        ParseCache parsed = ParseCache.forReferenceDate(reference);
        try (ParallelRows<T> rows = new ParallelRows<>(threads,
                row -> convert.apply(row.file(), row.line(), row.build(reference, parsed)))) {
            RecordIdTable seen = new RecordIdTable();
            for (Path file : files) {
                readFile(file, seen, rows::add);
            }
            return rows.finish();
        }
    }

    /**
     * Turns one read record into a caller's value, knowing where the row was read. Implementations used with
     * several threads must be thread-safe.
     *
     * @param <T> the value made from each row
     */
    @FunctionalInterface
    public interface RowFunction<T> {
        /**
         * Converts one row's record.
         *
         * @param file   the file the row was read from, as given to the reader
         * @param line   the 1-based line on which the row starts
         * @param record the normalised record, with any row problem (a wrong field count) among its problems
         */
        T apply(Path file, long line, PersonRecord record);
    }

    private long readFile(Path file, RecordIdTable seen, Consumer<CsvHeader.Row> sink) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Encoding encoding = Encoding.sniff(file, raw);
            CharsetDecoder decoder = encoding.charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (Reader in = new BufferedReader(new InputStreamReader(raw, decoder), 1 << 16);
                 CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
                return readRows(file, parser, seen, sink);
            } catch (CharacterCodingException e) {
                throw badEncoding(file, encoding, e);
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException coding) {
                    throw badEncoding(file, encoding, coding);
                }
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, "no such file");
        } catch (UncheckedIOException e) {
            throw new InputException(file, 0, "cannot be read: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The encoding a file is read in, from its first bytes: UTF-8 unless it starts with a UTF-16 byte-order
     * mark. UTF-16 without a byte-order mark (a NUL byte in the first two) and UTF-32 are refused by name:
     * read as UTF-8 they would give a header of NUL-separated letters and a baffling "no record_id column".
     */
    private enum Encoding {
        UTF_8(StandardCharsets.UTF_8), UTF_16(StandardCharsets.UTF_16);

        final Charset charset;

        Encoding(Charset charset) {
            this.charset = charset;
        }

        static Encoding sniff(Path file, InputStream in) throws IOException {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            int b0 = head.length > 0 ? head[0] & 0xFF : -1;
            int b1 = head.length > 1 ? head[1] & 0xFF : -1;
            boolean utf32 = head.length == 4 && (b0 == 0xFF && b1 == 0xFE && head[2] == 0 && head[3] == 0
                    || b0 == 0 && b1 == 0 && (head[2] & 0xFF) == 0xFE && (head[3] & 0xFF) == 0xFF);
            if (utf32) {
                throw new InputException(file, 0, "is UTF-32 text (it starts with a UTF-32 byte-order mark); "
                        + "save it as UTF-8 and try again");
            }
            if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE) {
                return UTF_16; // Java's UTF-16 decoder reads the byte-order mark and drops it
            }
            if (head.length >= 2 && (b0 == 0) != (b1 == 0)) {
                throw new InputException(file, 1, "looks like UTF-16 text without a byte-order mark ("
                        + (b1 == 0 ? "little" : "big") + "-endian: every other byte is NUL); save it as UTF-8 "
                        + "and try again");
            }
            return UTF_8;
        }
    }

    private long readRows(Path file, CSVParser parser, RecordIdTable seen, Consumer<CsvHeader.Row> sink) {
        Iterator<CSVRecord> it = parser.iterator();
        long lineBefore = 0;
        CsvHeader header = null;
        long rows = 0;
        while (true) {
            long startLine = lineBefore + 1;
            CSVRecord csv;
            try {
                if (!it.hasNext()) {
                    break;
                }
                csv = it.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                if (e.getCause() instanceof CharacterCodingException) {
                    throw (UncheckedIOException) e;
                }
                throw unparseable(file, startLine, e);
            }
            startLine = firstLineOf(parser, csv, lineBefore);
            lineBefore = parser.getCurrentLineNumber();
            String[] fields = csv.values();
            if (header == null) {
                rejectNul(file, startLine, fields, null);
                header = CsvHeader.of(file, startLine, cleaned(fields));
                continue;
            }
            rejectNul(file, startLine, fields, header);
            QuoteCheck.rejectSwallowedRecords(file, startLine, header, fields);
            fields = cleaned(fields);
            String recordId = header.recordIdOf(fields);
            if (recordId.isEmpty()) {
                throw new InputException(file, startLine, isBlank(fields)
                        ? "row has no values (a blank row such as ',,,' left by a spreadsheet?); delete it"
                        : "record_id is empty; every row needs a record_id");
            }
            seen.claim(recordId, file, startLine);
            sink.accept(new CsvHeader.Row(file, startLine, header, fields));
            rows++;
        }
        if (header == null) {
            throw new InputException(file, 1, "file is empty; expected a header row with a record_id column");
        }
        LOG.debug("read {} rows from {}", rows, file);
        return rows;
    }

    private static boolean isBlank(String[] fields) {
        for (String value : fields) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Every field through {@link InputText#clean}: the same visible text is the same value. */
    private static String[] cleaned(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            fields[i] = InputText.clean(fields[i]);
        }
        return fields;
    }

    /** Refuses a NUL character, naming the line it is on and its field ({@code header} null for the header). */
    private static void rejectNul(Path file, long startLine, String[] fields, CsvHeader header) {
        for (int i = 0; i < fields.length; i++) {
            String value = fields[i];
            int nul = InputText.indexOfNul(value);
            if (nul >= 0) {
                // The line is counted only here: rows without a NUL (all of them, in practice) skip the count.
                long line = startLine;
                for (int before = 0; before < i; before++) {
                    line += newlines(fields[before], fields[before].length());
                }
                String where = header == null ? "header column " + (i + 1) : "field '" + header.nameAt(i) + "'";
                throw new InputException(file, line + newlines(value, nul), where + " contains a NUL character "
                        + "(byte 0), which never belongs in text; is the file UTF-16 or binary? Save it as UTF-8 text");
            }
        }
    }

    /**
     * The line breaks in {@code value} before {@code end}, counted as Commons CSV counts lines: {@code \r\n},
     * a lone {@code \r} and a lone {@code \n} are one break each.
     */
    static int newlines(String value, int end) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return 0; // almost every value: two intrinsic scans instead of a char loop
        }
        int count = 0;
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= value.length() || value.charAt(i + 1) != '\n')) {
                count++;
            }
        }
        return count;
    }

    /**
     * A row the CSV parser cannot read: in practice a quote. Commons CSV says where it stopped; the row's
     * first line is where the quote opened (or the row before it, when its quote swallowed a line break).
     */
    private static InputException unparseable(Path file, long startLine, RuntimeException e) {
        String message = rootMessage(e);
        if (message.contains("EOF reached before encapsulated token finished")) {
            return new InputException(file, startLine, "a quote opened in the row starting on this line is never "
                    + "closed, so the rest of the file would read as one value; a quote inside a value must be "
                    + "doubled (\"\") or the whole value quoted", e);
        }
        Matcher at = CLOSED_ON_LINE.matcher(message);
        if (message.contains("Invalid character between encapsulated token and delimiter") && at.find()) {
            return new InputException(file, startLine, "a quoted value that starts in the row on this line is "
                    + "closed on line " + at.group(1) + " by a quote followed by other text than a comma or the line "
                    + "end: a stray quote? A quote inside a value must be doubled (\"\") or the whole value quoted",
                    e);
        }
        return new InputException(file, startLine, "cannot parse CSV (an unbalanced quote?): " + message, e);
    }

    /** The line a record starts on: blank lines skipped before it are not part of it. */
    private static long firstLineOf(CSVParser parser, CSVRecord csv, long lineBefore) {
        long lineAfter = parser.getCurrentLineNumber();
        if (lineAfter <= lineBefore + 1) {
            return lineBefore + 1; // a row on one line (almost every row): the count below cannot change it
        }
        long spanned = 0;
        for (String value : csv.values()) {
            spanned += newlines(value, value.length());
        }
        return Math.max(lineBefore + 1, lineAfter - spanned);
    }

    static String forceFromFileName(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static InputException badEncoding(Path file, Encoding encoding, CharacterCodingException e) {
        if (encoding == Encoding.UTF_16) {
            return new InputException(file, 0, "starts with a UTF-16 byte-order mark but is not valid UTF-16 "
                    + "throughout; save the file as UTF-8 and try again", e);
        }
        OptionalLong line;
        try {
            line = Utf8Scan.firstMalformedLine(file);
        } catch (IOException io) {
            line = OptionalLong.empty();
        }
        return new InputException(file, line.orElse(0), "not valid UTF-8; save the file as UTF-8 and try again", e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
