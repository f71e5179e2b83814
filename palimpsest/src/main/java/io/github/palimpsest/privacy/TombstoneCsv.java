package io.github.palimpsest.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.record.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The token file: one {@link Tombstone} per row of an RFC 4180 CSV file, UTF-8, with {@code \n} line ends,
 * so a tombstone store can live in any database and forces can exchange tokens instead of names. The file
 * carries its own integrity: its first line, the <em>integrity line</em>, gives the format, the key id,
 * the number of rows and a keyed MAC over the whole file:
 * <pre>
 * #palimpsest-tombstone/4,key_id=0123456789abcdef,rows=2,mac=&lt;43 URL-safe Base64 characters&gt;
 * format,key_id,reference,force,event_date,event_type,pnc_id, ... ,surname_as_forename_bloom,tag
 * palimpsest-tombstone/4,0123456789abcdef,...
 * palimpsest-tombstone/4,0123456789abcdef,...
 * </pre>
 * The second line is the header row ({@link #COLUMNS}; {@code docs/privacy.md} describes each):
 * <pre>
 * format, key_id, reference, force, event_date, event_type,
 * pnc_id, cro_number, ni_number, driving_licence, warrant_number, phone, email, other_ids,
 * forename_bloom, forename_equivalents_bloom, surname_bloom, dob_bloom, postcode_bloom, address_bloom,
 * names_bloom, surname_as_forename_bloom, tag
 * </pre>
 * {@code format} is {@value #FORMAT} on every row; identifier tokens are 22 URL-safe Base64 characters;
 * {@code other_ids} is {@code type:token} pairs joined by {@code ;}; each filter is 171 URL-safe Base64
 * characters (1,024 bits, exactly 512 set); an empty cell is an absent value; {@code tag} is a keyed MAC
 * of the row's other values. References are unique within a file.
 *
 * <p>The file MAC is the unpadded URL-safe Base64 of the 32 bytes of
 * {@code HMAC-SHA-256(K("token-file"), "palimpsest-tombstone/4" ‖ 0x1F ‖ key_id ‖ 0x1F ‖ rows ‖ 0x1F ‖
 * header ‖ 0x1F ‖ tag_1 ‖ tag_2 ‖ … ‖ tag_rows)}, where {@code K} is the {@link KeySchedule} of the
 * deployment secret, {@code rows} is in decimal, {@code header} is the header row's columns joined by
 * {@code ,} and each {@code tag_i} is the 22 characters of row {@code i}'s tag, in file order. As each tag
 * is a MAC of every other value of its row, the file MAC covers every value of every row and their order.
 * The integrity line starts with {@code #}, so CSV tools that know comment lines skip it.
 *
 * <p>Reading checks every row and stops at the first bad one with an {@link InputException} naming file
 * and line: a missing or malformed integrity line, a file of an earlier format (refused: see
 * {@code docs/privacy.md} for making it again), a wrong header, a wrong number of fields (a truncated row),
 * an unknown format version, a token or filter of the wrong length or alphabet, a filter that is not
 * balanced, a row whose key id is not the integrity line's, a reference that repeats, more or fewer rows
 * than the integrity line declares and, when a secret is given, a file made with another key, a row whose
 * tag does not match (an altered row) or a file MAC that does not match (rows deleted, repeated, reordered
 * or moved in from another file). One pass, streaming: memory holds the rows read (or none, through
 * {@link #read(Path, Optional, Consumer)}) and the set of references. Stateless and thread-safe.
 */
public final class TombstoneCsv {

    /** The format version written on every row and in the integrity line. */
    public static final String FORMAT = "palimpsest-tombstone/4";
    /** The prefix shared by every version of the format. */
    static final String FORMAT_PREFIX = "palimpsest-tombstone/";
    /**
     * The format before {@code surname_as_forename_bloom}; its files are refused with a message that says
     * what to do, and upgraded by {@link #readEarlierVersion}.
     */
    static final String VERSION_THREE = "palimpsest-tombstone/3";
    /** The format that had no integrity line; its files are refused with a message that says what to do. */
    static final String VERSION_TWO = "palimpsest-tombstone/2";
    /** The purpose of the file MAC's key in the {@link KeySchedule}. */
    static final String FILE_MAC_PURPOSE = "token-file";

    /** The columns, in order. */
    public static final List<String> COLUMNS = columns();
    /** The columns of formats 2 and 3: every column but {@code surname_as_forename_bloom}, which format 4 added. */
    static final List<String> VERSION_THREE_COLUMNS = without(COLUMNS, BloomField.SURNAME_AS_FORENAME);

    /** The current layout. */
    static final Layout CURRENT = new Layout(FORMAT, COLUMNS, true);
    /** Format 3: an integrity line, no crosswise name filter. */
    static final Layout LAYOUT_THREE = new Layout(VERSION_THREE, VERSION_THREE_COLUMNS, true);
    /** Format 2: no integrity line, no crosswise name filter. */
    static final Layout LAYOUT_TWO = new Layout(VERSION_TWO, VERSION_THREE_COLUMNS, false);

    static final int FIXED_COLUMNS = 6;
    private static final int OTHER_IDS = FIXED_COLUMNS + IdentifierField.values().length;
    private static final int FILTER_TEXT_LENGTH = (BloomEncoder.FILTER_BITS / 8 * 4 + 2) / 3;
    /** Unpadded Base64 of the 32 bytes of HMAC-SHA-256. */
    private static final int MAC_TEXT_LENGTH = 43;
    private static final String INTEGRITY_PREFIX = "#" + FORMAT_PREFIX;
    private static final String INTEGRITY_LINE_SHAPE = "#" + FORMAT
            + ",key_id=<16 hexadecimal digits>,rows=<number of rows>,mac=<" + MAC_TEXT_LENGTH
            + " URL-safe Base64 characters>";
    private static final String MAKE_AGAIN = "make it again with this version: 'palimpsest tokenise RECORDS.csv "
            + "--key-file KEY --out TOKENS.csv' from the plain records, or, for tombstones whose records are "
            + "gone, 'palimpsest tokenise --upgrade OLD-TOKENS.csv --key-file KEY --out TOKENS.csv' "
            + "(see docs/privacy.md, \"The token file\")";

    /**
     * One version of the file: the format written on every row (and in the integrity line, when it has
     * one) and its columns, the tag last. Rows of every version are read into the current {@link Tombstone};
     * a filter the version has no column for is absent.
     */
    record Layout(String format, List<String> columns, boolean hasIntegrityLine) {

        Pattern integrityLine() {
            return Pattern.compile("#" + Pattern.quote(format) + ",key_id=([0-9a-f]{16}),rows=(0|[1-9][0-9]{0,17}),"
                    + "mac=([A-Za-z0-9_-]{" + MAC_TEXT_LENGTH + "})");
        }

        /** The column of a field's filter, or -1 when this version has none. */
        int filterColumn(BloomField field) {
            return columns.indexOf(field.column() + "_bloom");
        }

        int tagColumn() {
            return columns.size() - 1;
        }

        /**
         * The values of a row of this version, without the tag, taken from the current row values of
         * {@link Tombstone#rowValuesWithoutTag()}: what this version's tag was computed over.
         */
        List<String> valuesOf(List<String> current) {
            List<String> values = new ArrayList<>(columns.size() - 1);
            values.add(format);
            for (int i = 1; i < columns.size() - 1; i++) {
                values.add(current.get(COLUMNS.indexOf(columns.get(i))));
            }
            return values;
        }
    }

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
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
     * Writes the integrity line, the header and one row per tombstone, in iteration order (iterated twice:
     * once for the count and the file MAC, once to write). Flushes the writer and leaves it open.
     *
     * @param secret the deployment secret the tombstones were made with; it keys the file MAC
     * @return the number of rows written
     * @throws IllegalArgumentException if a tombstone was made with another key, or two have the same
     *                                  reference (a reader would refuse the file)
     * @throws IllegalStateException    if the secret has been destroyed
     */
    public static long write(Writer out, Collection<Tombstone> tombstones, DeploymentSecret secret)
            throws IOException {
        return write(out, tombstones, secret, CURRENT);
    }

    /**
     * Writes the tombstones as a file of the format of {@code layout} would hold them (without the filters
     * it has no column for, each row tagged as that format tags it): the current format, or format 3 for
     * the tests of refusing and upgrading old files. Format 2, which had no integrity line, is not written.
     */
    static long write(Writer out, Collection<Tombstone> tombstones, DeploymentSecret secret, Layout layout)
            throws IOException {
        checkNotNull(out, "out");
        checkNotNull(tombstones, "tombstones");
        checkNotNull(secret, "secret");
        checkArgument(layout.hasIntegrityLine(), "format %s had no integrity line", layout.format());
        FileMac mac = new FileMac(secret, layout, secret.keyId(), tombstones.size());
        Map<String, Integer> positions = new HashMap<>();
        int position = 0;
        for (Tombstone t : tombstones) {
            position++;
            checkArgument(t.keyId().equals(secret.keyId()), "tombstone %s was made with key id %s, not with the "
                    + "key given (%s)", position, t.keyId(), secret.keyId());
            Integer first = positions.putIfAbsent(t.reference(), position);
            checkArgument(first == null, "tombstones %s and %s have the same reference; references are unique in a "
                    + "token file", first, position);
            mac.addRow(tagAs(t, layout, secret));
        }
        checkArgument(position == tombstones.size(), "the collection changed while it was written");
        out.write(integrityLine(layout, secret.keyId(), position, mac.finish()));
        out.write('\n');
        CSVPrinter printer = new CSVPrinter(out, WRITE);
        printer.printRecord(layout.columns());
        long rows = 0;
        for (Tombstone t : tombstones) {
            List<String> values = layout.valuesOf(t.rowValuesWithoutTag());
            values.add(tagAs(t, layout, secret));
            printer.printRecord(values);
            rows++;
        }
        printer.flush();
        if (rows != position) {
            throw new IllegalStateException("the collection changed while it was written");
        }
        return rows;
    }

    private static String tagAs(Tombstone t, Layout layout, DeploymentSecret secret) {
        return layout == CURRENT ? t.tag() : secret.tokeniser().tag(layout.valuesOf(t.rowValuesWithoutTag()));
    }

    private static String integrityLine(Layout layout, String keyId, long rows, String mac) {
        return "#" + layout.format() + ",key_id=" + keyId + ",rows=" + rows + ",mac=" + mac;
    }

    /**
     * Reads and verifies a token file made with {@code secret}: every row's tag and the file MAC.
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
     * Reads a token file without the secret: every structural check is made, the row count and the
     * uniqueness of references included, but neither the key id, the row tags nor the file MAC can be
     * verified, so an altered, deleted or reordered row is found only when it breaks the format or the count.
     *
     * @throws InputException naming file and line for the first bad row
     */
    public static List<Tombstone> readUnverified(Path file) {
        List<Tombstone> all = new ArrayList<>();
        read(file, Optional.empty(), all::add);
        return all;
    }

    /**
     * Streams a token file's tombstones to {@code sink}, verifying them when a secret is given. The sink
     * receives each row as soon as that row has passed its own checks; the checks of the whole file (the
     * row count and the file MAC) can only end at the end of the file. When this method throws, the file
     * is refused: the caller must discard every tombstone the sink received.
     *
     * @return the number of tombstones read
     * @throws InputException naming file and line for the first bad row, or the file when the whole-file
     *                        check fails
     */
    public static long read(Path file, Optional<DeploymentSecret> secret, Consumer<? super Tombstone> sink) {
        checkNotNull(file, "file");
        checkNotNull(secret, "secret");
        checkNotNull(sink, "sink");
        return withReader(file, in -> read(in, file, secret, sink, CURRENT));
    }

    /**
     * Reads a token file of an earlier format, {@value #VERSION_THREE} or {@value #VERSION_TWO}, to be
     * written again in the current format (what {@code tokenise --upgrade} does), for tombstones whose plain
     * records are gone. Every row is checked as in its own format and its tag verified under {@code secret};
     * a file of format 3 is verified whole as {@link #read(Path, DeploymentSecret)} does (row count and file
     * MAC). Each tombstone comes back tagged for the current format, without the filters its format did not
     * have (so without {@link BloomField#SURNAME_AS_FORENAME}: such a tombstone's names are compared
     * crosswise only through its {@link BloomField#NAMES} filter). The rows deleted, repeated or reordered
     * in a file of format 2 before the upgrade cannot be found, since that format did not record them:
     * upgrade only a file you trust.
     *
     * @throws InputException naming file and line for the first bad row, or when the file is not of
     *                        format {@value #VERSION_THREE} or {@value #VERSION_TWO}
     */
    public static List<Tombstone> readEarlierVersion(Path file, DeploymentSecret secret) {
        checkNotNull(file, "file");
        checkNotNull(secret, "secret");
        Tokeniser tokeniser = secret.tokeniser();
        List<Tombstone> all = new ArrayList<>();
        withReader(file, in -> {
            in.mark(1 << 20); // the first line of any token file is far shorter
            String first = in.readLine();
            first = first == null ? null : withoutByteOrderMark(first);
            if (first != null && first.startsWith("#" + VERSION_THREE + ",")) {
                in.reset();
                return read(in, file, Optional.of(secret), all::add, LAYOUT_THREE);
            }
            if (first != null && first.startsWith("#")) {
                throw new InputException(file, 1, first.startsWith("#" + FORMAT + ",")
                        ? "a " + FORMAT + " file, the current format: it needs no upgrade"
                        : "not a token file of an earlier format that can be upgraded (" + VERSION_THREE + " or "
                                + VERSION_TWO + ")");
            }
            in.reset();
            return readVersionTwo(in, file, tokeniser, all);
        });
        List<Tombstone> upgraded = new ArrayList<>(all.size());
        for (Tombstone t : all) {
            upgraded.add(t.withTag(tokeniser.tag(t.rowValuesWithoutTag())));
        }
        return upgraded;
    }

    private static long readVersionTwo(BufferedReader in, Path file, Tokeniser tokeniser, List<Tombstone> all)
            throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(READ).get()) {
            var it = parser.iterator();
            if (!nextRecordExists(it, file, 0)) {
                throw new InputException(file, 0, "empty file; a " + VERSION_TWO + " file starts with the header "
                        + String.join(",", VERSION_THREE_COLUMNS));
            }
            List<String> header = it.next().toList();
            if (!header.equals(VERSION_THREE_COLUMNS)) {
                throw new InputException(file, 1, "not a " + VERSION_TWO + " file: the header is not "
                        + String.join(",", VERSION_THREE_COLUMNS) + (header.equals(versionOneColumns()) ? " (a "
                        + "palimpsest-tombstone/1 file, which has no names_bloom column, cannot be upgraded: "
                        + "tokenise the plain records again)" : ""));
            }
            Map<String, Long> referenceLines = new HashMap<>();
            while (true) {
                long lineBefore = parser.getCurrentLineNumber();
                if (!nextRecordExists(it, file, lineBefore)) {
                    return all.size();
                }
                long line = lineBefore + 1;
                Tombstone t = TombstoneRow.parse(file, line, it.next(), LAYOUT_TWO, tokeniser.keyId(),
                        Optional.of(tokeniser));
                Long earlier = referenceLines.putIfAbsent(t.reference(), line);
                if (earlier != null) {
                    throw new InputException(file, line, "the reference is the same as line " + earlier
                            + "'s; references are unique in a token file: a repeated row");
                }
                all.add(t);
            }
        }
    }

    /** What a token file is read with: strict UTF-8, its errors turned into {@link InputException}s. */
    private interface FileBody {
        long read(BufferedReader in) throws IOException;
    }

    private static long withReader(Path file, FileBody body) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder),
                1 << 16)) {
            return body.read(in);
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

    /**
     * Whether a file looks like a token file of any version: its first line (a byte-order mark ignored) is
     * an integrity line or a token-file header. Reads one line; says nothing of the file's validity.
     *
     * @throws java.nio.file.NoSuchFileException if there is no such file
     * @throws IOException                       if it cannot be read as UTF-8 text
     */
    public static boolean looksLikeTokenFile(Path file) throws IOException {
        checkNotNull(file, "file");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                return false;
            }
            first = withoutByteOrderMark(first);
            return first.startsWith(INTEGRITY_PREFIX) || first.startsWith("format,key_id,reference,");
        }
    }

    private static String withoutByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    static long read(BufferedReader in, Path file, Optional<DeploymentSecret> secret,
                     Consumer<? super Tombstone> sink) throws IOException {
        return read(in, file, secret, sink, CURRENT);
    }

    private static long read(BufferedReader in, Path file, Optional<DeploymentSecret> secret,
                             Consumer<? super Tombstone> sink, Layout layout) throws IOException {
        String first = in.readLine();
        if (first == null) {
            throw new InputException(file, 0, "empty file; a token file starts with its integrity line "
                    + INTEGRITY_LINE_SHAPE);
        }
        first = withoutByteOrderMark(first);
        if (!first.startsWith("#")) {
            throw withoutIntegrityLine(file, first, in);
        }
        Matcher m = layout.integrityLine().matcher(first);
        if (!m.matches()) {
            if (first.startsWith("#" + VERSION_THREE + ",")) {
                throw new InputException(file, 1, "a " + VERSION_THREE + " file, written before token files "
                        + "carried the surname under the forename's keys (so that names written in the wrong field "
                        + "still compare); this version reads " + FORMAT + " only: " + MAKE_AGAIN);
            }
            if (first.startsWith(INTEGRITY_PREFIX) && !first.startsWith("#" + FORMAT + ",")) {
                int end = first.indexOf(',');
                String version = first.substring(1, end < 0 ? Math.min(first.length(), 40) : Math.min(end, 40));
                throw new InputException(file, 1, "format '" + version + "' is not supported; this version "
                        + "reads " + FORMAT);
            }
            throw new InputException(file, 1, "not a token file's integrity line; expected " + INTEGRITY_LINE_SHAPE);
        }
        String keyId = m.group(1);
        long declared = Long.parseLong(m.group(2));
        String declaredMac = m.group(3);
        Optional<Tokeniser> tokeniser = secret.map(DeploymentSecret::tokeniser);
        if (tokeniser.isPresent() && !keyId.equals(tokeniser.get().keyId())) {
            throw new InputException(file, 1, "made with key id " + keyId + ", but the key given has key id "
                    + tokeniser.get().keyId() + "; tokens link only under one key (re-tokenise to rotate keys, "
                    + "see docs/privacy.md)");
        }
        FileMac mac = secret.map(s -> new FileMac(s, layout, keyId, declared)).orElse(null);
        Map<String, Long> referenceLines = new HashMap<>();
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(READ).get()) {
            var it = parser.iterator();
            long lineBefore = parser.getCurrentLineNumber() + 1;
            if (!nextRecordExists(it, file, lineBefore)) {
                throw new InputException(file, 2, "no header row; after the integrity line a token file has the "
                        + "header " + String.join(",", COLUMNS));
            }
            checkHeader(file, lineBefore + 1, it.next(), layout);
            long rows = 0;
            while (true) {
                lineBefore = parser.getCurrentLineNumber() + 1;
                if (!nextRecordExists(it, file, lineBefore)) {
                    break;
                }
                long line = lineBefore + 1;
                CSVRecord record = it.next();
                if (rows == declared) {
                    throw new InputException(file, line, "more rows than the " + declared + " the integrity line "
                            + "(line 1) declares: a row was added or repeated");
                }
                Tombstone t = TombstoneRow.parse(file, line, record, layout, keyId, tokeniser);
                Long earlier = referenceLines.putIfAbsent(t.reference(), line);
                if (earlier != null) {
                    throw new InputException(file, line, "the reference is the same as line " + earlier
                            + "'s; references are unique in a token file: a repeated row");
                }
                if (mac != null) {
                    mac.addRow(t.tag());
                }
                sink.accept(t);
                rows++;
            }
            if (rows < declared) {
                throw new InputException(file, parser.getCurrentLineNumber() + 2, "the file ends after " + rows
                        + " of the " + declared + " rows its integrity line (line 1) declares: it is truncated "
                        + "or rows were deleted");
            }
            if (mac != null && !MessageDigest.isEqual(mac.finish().getBytes(StandardCharsets.US_ASCII),
                    declaredMac.getBytes(StandardCharsets.US_ASCII))) {
                throw new InputException(file, 1, "the file's integrity check (mac on line 1) does not match its "
                        + "rows: rows were reordered, deleted and replaced, or taken from another file");
            }
            return rows;
        }
    }

    /** The error for a file whose first line is not an integrity line, naming an earlier format as such. */
    private static InputException withoutIntegrityLine(Path file, String first, BufferedReader in) throws IOException {
        List<String> header = List.of(first.split(",", -1));
        if (header.equals(versionOneColumns())) {
            return new InputException(file, 1, "a palimpsest-tombstone/1 file, which has no names_bloom column; "
                    + "this version reads " + FORMAT + ": " + MAKE_AGAIN);
        }
        if (header.equals(VERSION_THREE_COLUMNS) || header.equals(COLUMNS)) {
            String second = in.readLine();
            if (header.equals(VERSION_THREE_COLUMNS) && (second == null || second.startsWith(VERSION_TWO + ","))) {
                return new InputException(file, 1, "a " + VERSION_TWO + " file, written before token files carried "
                        + "their own integrity check (its first line would be " + INTEGRITY_LINE_SHAPE + "); this "
                        + "version reads " + FORMAT + " only: " + MAKE_AGAIN);
            }
            return new InputException(file, 1, "the integrity line is missing: a token file starts with "
                    + INTEGRITY_LINE_SHAPE + ", then the header; the file was cut or altered");
        }
        if (first.startsWith(FORMAT_PREFIX)) {
            return new InputException(file, 1, "no integrity line and no header row; a token file starts with "
                    + INTEGRITY_LINE_SHAPE + ", then the header " + String.join(",", COLUMNS));
        }
        return new InputException(file, 1, "not a token file: a token file starts with " + INTEGRITY_LINE_SHAPE);
    }

    /** The keyed MAC of a whole token file (see the class description), fed one row tag at a time. */
    private static final class FileMac {
        private final Mac mac;

        FileMac(DeploymentSecret secret, Layout layout, String keyId, long rows) {
            this.mac = secret.schedule().mac(FILE_MAC_PURPOSE);
            for (String part : List.of(layout.format(), keyId, Long.toString(rows),
                    String.join(",", layout.columns()))) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0x1F);
            }
        }

        void addRow(String tag) {
            mac.update(tag.getBytes(StandardCharsets.US_ASCII));
        }

        String finish() {
            return BASE64.encodeToString(mac.doFinal());
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

    private static void checkHeader(Path file, long line, CSVRecord header, Layout layout) {
        List<String> found = header.toList();
        List<String> columns = layout.columns();
        if (found.equals(columns)) {
            return;
        }
        if (!found.isEmpty() && found.get(0).startsWith(FORMAT_PREFIX)) {
            throw new InputException(file, line, "no header row; after its integrity line a token file has the "
                    + "header " + String.join(",", columns));
        }
        for (int i = 0; i < Math.min(found.size(), columns.size()); i++) {
            if (!found.get(i).strip().equals(columns.get(i))) {
                throw new InputException(file, line, "not a token file header: column " + (i + 1) + " is '"
                        + found.get(i) + "', expected '" + columns.get(i) + "' (format " + layout.format() + ")");
            }
        }
        throw new InputException(file, line, "not a token file header: " + found.size() + " columns, expected "
                + columns.size() + " (format " + layout.format() + ")");
    }

    /** The header of format 1: the columns of format 2 but {@code names_bloom}, which format 2 added. */
    private static List<String> versionOneColumns() {
        return without(VERSION_THREE_COLUMNS, BloomField.NAMES);
    }

    private static List<String> without(List<String> columns, BloomField field) {
        List<String> fewer = new ArrayList<>(columns);
        fewer.remove(field.column() + "_bloom");
        return ImmutableList.copyOf(fewer);
    }

    static int otherIdsColumn() {
        return OTHER_IDS;
    }

    static int filterTextLength() {
        return FILTER_TEXT_LENGTH;
    }
}
