package io.github.palimpsest.record;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads force record files in the canonical CSV schema into {@link PersonRecord}s, streaming, one row at
 * a time.
 *
 * <p>Headers are matched ignoring case and surrounding spaces; {@code id_<type>} columns become generic
 * identifiers and unknown columns are kept untouched. A file without a {@code force} column takes its
 * file name (without extension) as the force. A leading byte-order mark is skipped.
 *
 * <p>What cannot be read stops the run with an {@link InputException} naming file and line: a file that
 * is empty, not UTF-8, has no {@code record_id} column or a repeated header, an unbalanced quote, a row
 * without a {@code record_id}, or a {@code record_id} already seen in this run. A row that can still be
 * read is never dropped: a wrong number of fields becomes a {@code row} problem on that record (missing
 * fields read as empty, surplus values kept as extra columns {@code _extra_1}, {@code _extra_2}, ...).
 *
 * <p>Immutable and thread-safe; each {@code read} call has its own state.
 */
public final class RecordCsvReader {
    private static final Logger LOG = LoggerFactory.getLogger(RecordCsvReader.class);
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

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
        RecordIds seen = new RecordIds();
        long rows = 0;
        for (Path file : files) {
            rows += readFile(file, seen, sink);
        }
        return rows;
    }

    /** Reads every file in order as one pool and returns the records. */
    public List<PersonRecord> readRecords(List<Path> files) {
        List<PersonRecord> records = new ArrayList<>();
        read(files, row -> records.add(row.record()));
        return records;
    }

    private long readFile(Path file, RecordIds seen, Consumer<? super CsvRow> sink) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder));
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
            return readRows(file, parser, seen, sink);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, "no such file");
        } catch (CharacterCodingException e) {
            throw notUtf8(file, e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw notUtf8(file, coding);
            }
            throw new InputException(file, 0, "cannot be read: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    private long readRows(Path file, CSVParser parser, RecordIds seen, Consumer<? super CsvRow> sink) {
        Iterator<CSVRecord> it = parser.iterator();
        long lineBefore = 0;
        Header header = null;
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
                throw new InputException(file, startLine,
                        "cannot parse CSV (an unbalanced quote?): " + rootMessage(e), e);
            }
            startLine = firstLineOf(parser, csv, lineBefore);
            lineBefore = parser.getCurrentLineNumber();
            if (header == null) {
                header = Header.of(file, startLine, csv);
                continue;
            }
            sink.accept(toRow(file, startLine, header, csv, seen));
            rows++;
        }
        if (header == null) {
            throw new InputException(file, 1, "file is empty; expected a header row with a record_id column");
        }
        LOG.debug("read {} rows from {}", rows, file);
        return rows;
    }

    /** The line a record starts on: blank lines skipped before it are not part of it. */
    private static long firstLineOf(CSVParser parser, CSVRecord csv, long lineBefore) {
        long lineAfter = parser.getCurrentLineNumber();
        long spanned = 0;
        for (String value : csv.values()) {
            spanned += value.chars().filter(c -> c == '\n').count();
        }
        return Math.max(lineBefore + 1, lineAfter - spanned);
    }

    private CsvRow toRow(Path file, long line, Header header, CSVRecord csv, RecordIds seen) {
        List<String> values = new ArrayList<>(header.size());
        PersonRecord.Builder builder = PersonRecord.builder();
        referenceDate.ifPresent(builder::referenceDate);
        for (int i = 0; i < csv.size(); i++) {
            String value = csv.get(i);
            if (i < header.size()) {
                values.add(value);
                builder.set(header.names().get(i), value);
            } else {
                builder.extra("_extra_" + (i - header.size() + 1), value);
            }
        }
        while (values.size() < header.size()) {
            values.add("");
        }
        if (csv.size() != header.size()) {
            builder.problem(new Problem("row", "has " + csv.size() + " fields but the header has " + header.size()
                    + (csv.size() < header.size() ? "; missing fields read as empty"
                            : "; surplus values kept as _extra_ columns")));
        }
        if (!header.hasForce()) {
            builder.force(forceFromFileName(file));
        }
        String recordId = values.get(header.recordIdIndex()).strip();
        if (recordId.isEmpty()) {
            throw new InputException(file, line, "record_id is empty; every row needs a record_id");
        }
        seen.claim(recordId, file, line);
        return new CsvRow(file, line, header.names(), values, builder.build());
    }

    static String forceFromFileName(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static InputException notUtf8(Path file, CharacterCodingException e) {
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

    /** The header row: names as written, where record_id is, and whether there is a force column. */
    private record Header(List<String> names, int recordIdIndex, boolean hasForce) {
        static Header of(Path file, long line, CSVRecord csv) {
            List<String> names = new ArrayList<>(csv.size());
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < csv.size(); i++) {
                String name = csv.get(i);
                if (i == 0 && !name.isEmpty() && name.charAt(0) == BYTE_ORDER_MARK) {
                    name = name.substring(1); // Excel writes a byte-order mark before UTF-8 CSV files
                }
                name = name.strip();
                String folded = Column.normaliseHeader(name);
                if (folded.isEmpty()) {
                    throw new InputException(file, line, "header column " + (i + 1) + " has no name");
                }
                Integer previous = positions.putIfAbsent(folded, i);
                if (previous != null) {
                    throw new InputException(file, line, "header column '" + name + "' appears twice (columns "
                            + (previous + 1) + " and " + (i + 1) + ")");
                }
                names.add(name);
            }
            Integer recordId = positions.get(Column.RECORD_ID.header());
            if (recordId == null) {
                throw new InputException(file, line, "no record_id column in the header; it is required");
            }
            return new Header(List.copyOf(names), recordId, positions.containsKey(Column.FORCE.header()));
        }

        int size() {
            return names.size();
        }
    }

    /** Record ids seen so far in a run, with where each was first seen, to reject duplicates. */
    private static final class RecordIds {
        private final Map<String, String> firstSeen = new HashMap<>();

        void claim(String recordId, Path file, long line) {
            String here = file + ":" + line;
            String before = firstSeen.putIfAbsent(recordId, here);
            if (before != null) {
                throw new InputException(file, line, "record_id '" + recordId + "' already appeared at " + before
                        + "; record ids must be unique within a run");
            }
        }
    }
}
