package io.github.palimpsest.index;

import io.github.palimpsest.block.BlockingRule;
import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.pipeline.CandidatePairs;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.review.ContradictoryDecisionsException;
import io.github.palimpsest.review.ReviewDecision;
import io.github.palimpsest.review.ReviewDecisions;
import io.github.palimpsest.score.MatchModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved form of a {@link LinkIndex}: a compact binary file written with {@link DataOutputStream}.
 *
 * <pre>
 * magic "PLMPSIDX", int version (5)
 * config     double threshold probability, double overwhelming weight, boolean term frequencies,
 *            int max block size, int window size, int max candidates, int max re-clustering links,
 *            int neighbours per record, boolean supported links
 * names      int n, n strings (comparisons); int m, m strings (blocking rules)
 * model      string (the model's JSON)
 * records    int n; per record: long reference date (epoch day), int c, c × (string header, string raw
 *            value) (its input columns), int p, p × (string field, string reason) (its problems),
 *            int k, k × long (its blocking-key hashes), int t, t × long (its search-token hashes; none
 *            when the search is off)
 * pairs      int l; per scored pair kept: int left record, int right record, double weight (every edge of
 *            the link graph, and with supported links on every scored pair below the edges too)
 * supported  int s; per supported link clustering made: int left record, int right record
 * people     per record: int the record number of its person's anchor
 * counts     per comparison: int v (−1 when it takes no term-frequency adjustment), v × (string value,
 *            int count)
 * decisions  int d; per review decision: string record id a, string record id b, byte verdict (0 match,
 *            1 non-match), string reviewer, string reason, string decided at, string origin
 * checksum   long: CRC-32 of every byte before it
 * </pre>
 * A string is an int byte count and that many UTF-8 bytes. Records are numbered in file order.
 *
 * <p>Version 4 is version 5 without the supported-links setting and the supported links, and its pairs are the
 * links at or above the threshold only; such a file loads with supported links off (its people were formed
 * without them and it holds no pair below the threshold to weigh them with), and says so in a warning.
 * Version 3 is version 4 without the neighbours per record and the search tokens, version 2 is version 3
 * without the decisions, and version 1 is version 2 without the re-clustering budget. All are still read: a
 * version 1 to 3 file with the search off (its index was built without it, and a loaded index keeps the
 * settings it was built with), a version 1 or 2 file with no decisions, a version 1 file also with the
 * loading builder's budget (default 4,096), which is what a version 1 file always got; this library writes
 * version 5 only.
 *
 * <p>Everything a restart needs is read, not recomputed: links, people, key hashes, search tokens and value
 * counts. The
 * records themselves stay in their saved form until first used (see {@link IndexCore#record}), so loading
 * costs about as much as reading the file.
 */
final class IndexFile {
    private static final Logger LOG = LoggerFactory.getLogger(IndexFile.class);
    static final byte[] MAGIC = "PLMPSIDX".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 5;
    /** The version before supported links: only the links at or above the threshold are saved. */
    static final int VERSION_WITHOUT_SUPPORTED_LINKS = 4;
    /** The version before the nearest-neighbour search: no neighbours per record, no search tokens. */
    static final int VERSION_WITHOUT_SEARCH = 3;
    /** The version before review decisions were saved. */
    static final int VERSION_WITHOUT_DECISIONS = 2;
    /** The first version, which did not save the re-clustering budget. */
    static final int VERSION_WITHOUT_BUDGET = 1;

    private IndexFile() {
    }

    static void save(IndexCore core, Path file) throws IOException {
        save(core, file, VERSION);
    }

    /**
     * Writes {@code version} of the format: this library saves the current one; the older ones are written
     * only by the tests of reading them (what an older library wrote, the settings it did not know left out).
     */
    static void save(IndexCore core, Path file, int version) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".part");
        try {
            CRC32 crc = new CRC32();
            try (DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16), crc))) {
                write(core, out, version);
                out.writeLong(crc.getValue()); // the sum of every byte before it
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void write(IndexCore core, DataOutputStream out, int version) throws IOException {
        IndexConfig config = core.config;
        out.write(MAGIC);
        out.writeInt(version);
        out.writeDouble(config.thresholdProbability);
        out.writeDouble(config.overwhelmingWeight);
        out.writeBoolean(config.termFrequencyAdjustment);
        out.writeInt(config.maxBlockSize);
        out.writeInt(config.windowSize);
        out.writeInt(config.maxCandidates);
        if (version >= VERSION_WITHOUT_DECISIONS) {
            out.writeInt(config.maxReclusterLinks);
        }
        if (version >= VERSION_WITHOUT_SUPPORTED_LINKS) {
            out.writeInt(config.neighboursPerRecord);
        }
        if (version >= VERSION) {
            out.writeBoolean(config.settings.supportedLinks());
        }
        out.writeInt(config.comparisons.size());
        for (Comparison<ComparableRecord> c : config.comparisons) {
            writeString(out, c.name());
        }
        out.writeInt(config.blockingRules.size());
        for (BlockingRule<ComparableRecord> r : config.blockingRules) {
            writeString(out, r.name());
        }
        writeString(out, config.model.toJson());
        int[] slots = core.usedSlots();
        int[] number = new int[core.highWater()];
        out.writeInt(slots.length);
        for (int n = 0; n < slots.length; n++) {
            SavedRecord record = core.saved(slots[n]);
            number[slots[n]] = n;
            out.writeLong(record.referenceDay);
            writePairs(out, record.columns);
            writePairs(out, record.problems);
            long[] keys = core.keyHashes[slots[n]];
            out.writeInt(keys.length);
            for (long key : keys) {
                out.writeLong(key);
            }
            if (version >= VERSION_WITHOUT_SUPPORTED_LINKS) {
                // Recomputed from the record (a loaded record not yet rebuilt is rebuilt here).
                long[] tokens = config.search == null ? new long[0] : core.tokensOf(slots[n]);
                out.writeInt(tokens.length);
                for (long token : tokens) {
                    out.writeLong(token);
                }
            }
        }
        // An older version holds the links at or above the threshold only.
        double lowest = version >= VERSION ? Double.NEGATIVE_INFINITY : config.thresholdWeight;
        long pairs = 0;
        for (int s : slots) {
            for (int e = 0; e < core.edgeCount[s]; e++) {
                pairs += core.edgeWeight[s][e] >= lowest ? 1 : 0;
            }
            for (int e = 0; e < core.scoredCount[s]; e++) {
                pairs += core.scoredWeight[s][e] >= lowest ? 1 : 0;
            }
        }
        out.writeInt(Math.toIntExact(pairs / 2)); // each seen from both ends
        for (int s : slots) {
            writePairs(out, number, s, core.edgeTo[s], core.edgeWeight[s], core.edgeCount[s], lowest);
            writePairs(out, number, s, core.scoredTo[s], core.scoredWeight[s], core.scoredCount[s], lowest);
        }
        if (version >= VERSION) {
            long[] supported = core.supportedPairs();
            out.writeInt(supported.length);
            for (long pair : supported) {
                out.writeInt(number[CandidatePairs.left(pair)]);
                out.writeInt(number[CandidatePairs.right(pair)]);
            }
        }
        for (int s : slots) {
            out.writeInt(number[core.anchor[s]]);
        }
        for (int c = 0; c < config.comparisons.size(); c++) {
            if (!core.termCounts.counts(c)) {
                out.writeInt(-1);
                continue;
            }
            out.writeInt(core.termCounts.distinct(c));
            IOException[] failure = {null};
            core.termCounts.forEach(c, (value, count) -> {
                try {
                    writeString(out, value);
                    out.writeInt(count);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        if (version < VERSION_WITHOUT_SEARCH) {
            return;
        }
        List<ReviewDecision> decisions = core.decisions.decisions();
        out.writeInt(decisions.size());
        for (ReviewDecision d : decisions) {
            writeString(out, d.recordIdA());
            writeString(out, d.recordIdB());
            out.writeByte(d.isMatch() ? 0 : 1);
            writeString(out, d.reviewer());
            writeString(out, d.reason());
            writeString(out, d.decidedAt());
            writeString(out, d.origin());
        }
    }

    /** Writes the pairs of slot {@code s} at or above {@code lowest}, each once: from its end numbered first. */
    private static void writePairs(DataOutputStream out, int[] number, int s, int[] to, double[] weights, int count,
            double lowest) throws IOException {
        for (int e = 0; e < count; e++) {
            int other = to[e];
            if (number[s] < number[other] && weights[e] >= lowest) {
                out.writeInt(number[s]);
                out.writeInt(number[other]);
                out.writeDouble(weights[e]);
            }
        }
    }

    private static void writePairs(DataOutputStream out, String[] pairs) throws IOException {
        out.writeInt(pairs.length / 2);
        for (String value : pairs) {
            writeString(out, value);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads an index file; {@code budgetOverride}, when present, replaces the saved re-clustering budget. */
    static LinkIndex load(Path file, List<Comparison<ComparableRecord>> comparisons,
            List<BlockingRule<ComparableRecord>> rules, OptionalInt budgetOverride) throws IOException {
        long fileSize = Files.size(file);
        CRC32 crc = new CRC32();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Reader in = new Reader(file, new DataInputStream(new CheckedInputStream(raw, crc)), fileSize);
            Saved saved = in.read(comparisons, rules);
            long expected = crc.getValue();
            long stored;
            try {
                stored = new DataInputStream(raw).readLong();
            } catch (EOFException e) {
                throw new IndexFileException(file, "the file is truncated: it ends before its checksum");
            }
            if (stored != expected) {
                throw new IndexFileException(file, "the checksum does not match: the file is corrupt");
            }
            if (raw.read() >= 0) {
                throw new IndexFileException(file, "unexpected bytes after the checksum: the file is corrupt");
            }
            int budget = budgetOverride.orElse(
                    saved.maxReclusterLinks.orElse(LinkIndexBuilder.DEFAULT_MAX_RECLUSTER_LINKS));
            return saved.build(file, comparisons, rules, budget);
        }
    }

    /** The parts of a file, read and range-checked. */
    private static final class Saved {
        MatchModel model;
        double threshold;
        double overwhelming;
        boolean termFrequencies;
        int maxBlockSize;
        int windowSize;
        int maxCandidates;
        OptionalInt maxReclusterLinks; // empty in a version 1 file
        int neighboursPerRecord; // 0 in a version 1 to 3 file
        boolean supportedLinks; // false in a version 1 to 4 file
        int version;
        SavedRecord[] records;
        long[][] keys;
        long[][] tokens;
        int[] linkLeft;
        int[] linkRight;
        double[] linkWeight;
        long[] supported = new long[0];
        int[] anchors;
        List<List<Map.Entry<String, Integer>>> counts = new ArrayList<>();
        ReviewDecisions decisions = ReviewDecisions.none(); // none in a version 1 or 2 file

        LinkIndex build(Path file, List<Comparison<ComparableRecord>> comparisons,
                List<BlockingRule<ComparableRecord>> rules, int maxReclusterLinks) throws IndexFileException {
            IndexConfig config;
            try {
                config = LinkIndex.builder().comparisons(comparisons).blockingRules(rules)
                        .restore(model, threshold, overwhelming, termFrequencies, maxBlockSize, windowSize,
                                maxCandidates, records.length, maxReclusterLinks, neighboursPerRecord, supportedLinks)
                        .config(model);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IndexFileException(file, "the saved configuration is invalid: " + e.getMessage(), e);
            }
            if (version < VERSION) {
                LOG.warn("index file {} is version {}: it holds no scored pairs below the threshold, so it loads with "
                        + "supported links off, as it was built; rebuild the index from its records to make them "
                        + "(docs/index.md, \"Saving and loading\")", file, version);
            }
            LinkIndex index = new LinkIndex(config, records.length);
            IndexCore core = index.core();
            try {
                core.restore(records, keys, tokens, linkLeft, linkRight, linkWeight, supported, anchors);
                core.decisions = decisions; // the saved people already honour them
            } catch (IllegalArgumentException e) {
                throw new IndexFileException(file, "the saved people are inconsistent: " + e.getMessage(), e);
            }
            for (int c = 0; c < counts.size(); c++) {
                if (counts.get(c) != null) {
                    if (!core.termCounts.counts(c)) {
                        throw new IndexFileException(file, "term counts for comparison " + c
                                + ", which the model does not adjust: the file is corrupt");
                    }
                    for (Map.Entry<String, Integer> count : counts.get(c)) {
                        core.termCounts.set(c, count.getKey(), count.getValue());
                    }
                }
            }
            return index;
        }
    }

    /** Reads and range-checks a file; every count and length is checked against the file's size. */
    private static final class Reader {
        private final Path file;
        private final DataInputStream in;
        private final long fileSize;
        private String where = "the header";

        Reader(Path file, DataInputStream in, long fileSize) {
            this.file = file;
            this.in = in;
            this.fileSize = fileSize;
        }

        Saved read(List<Comparison<ComparableRecord>> comparisons, List<BlockingRule<ComparableRecord>> rules)
                throws IOException {
            try {
                return readAll(comparisons, rules);
            } catch (EOFException e) {
                throw new IndexFileException(file, "the file is truncated: it ends inside " + where, e);
            }
        }

        private Saved readAll(List<Comparison<ComparableRecord>> comparisons,
                List<BlockingRule<ComparableRecord>> rules) throws IOException {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IndexFileException(file, "not a Palimpsest index file (it does not start with "
                        + new String(MAGIC, StandardCharsets.US_ASCII) + ")");
            }
            int version = in.readInt();
            if (version < VERSION_WITHOUT_BUDGET || version > VERSION) {
                throw new IndexFileException(file, "index file version " + version + " is not supported; this "
                        + "library reads versions " + VERSION_WITHOUT_BUDGET + " to " + VERSION);
            }
            Saved saved = new Saved();
            where = "the configuration";
            saved.threshold = in.readDouble();
            saved.overwhelming = in.readDouble();
            saved.termFrequencies = in.readBoolean();
            saved.maxBlockSize = in.readInt();
            saved.windowSize = in.readInt();
            saved.maxCandidates = in.readInt();
            saved.maxReclusterLinks = version >= VERSION_WITHOUT_DECISIONS ? OptionalInt.of(in.readInt())
                    : OptionalInt.empty();
            if (saved.maxReclusterLinks.orElse(1) < 1) {
                throw new IndexFileException(file, "a re-clustering budget of " + saved.maxReclusterLinks.getAsInt()
                        + " links is invalid: the file is corrupt");
            }
            saved.version = version;
            saved.neighboursPerRecord = version >= VERSION_WITHOUT_SUPPORTED_LINKS ? in.readInt() : 0;
            saved.supportedLinks = version >= VERSION && in.readBoolean();
            if (saved.neighboursPerRecord < 0) {
                throw new IndexFileException(file, "a search for " + saved.neighboursPerRecord
                        + " neighbours per record is invalid: the file is corrupt");
            }
            checkNames("comparisons", comparisons.stream().map(Comparison::name).toList());
            checkNames("blocking rules", rules.stream().map(BlockingRule::name).toList());
            where = "the model";
            try {
                saved.model = MatchModel.fromJson(readString());
            } catch (IllegalArgumentException e) {
                throw new IndexFileException(file, "the saved model cannot be read: " + e.getMessage(), e);
            }
            int n = count("records", 8 + 4 + 4 + 4);
            saved.records = new SavedRecord[n];
            saved.keys = new long[n][];
            saved.tokens = saved.neighboursPerRecord > 0 ? new long[n][] : null;
            for (int r = 0; r < n; r++) {
                where = "record " + (r + 1) + " of " + n;
                long referenceDay = in.readLong();
                String[] columns = readPairs();
                String[] problems = readPairs();
                saved.records[r] = new SavedRecord(referenceDay, columns, problems);
                long[] keys = new long[count("key hashes", 8)];
                for (int k = 0; k < keys.length; k++) {
                    keys[k] = in.readLong();
                }
                saved.keys[r] = keys;
                if (version >= VERSION_WITHOUT_SUPPORTED_LINKS) {
                    long[] tokens = new long[count("search tokens", 8)];
                    for (int k = 0; k < tokens.length; k++) {
                        tokens[k] = in.readLong();
                    }
                    if (saved.tokens != null) {
                        saved.tokens[r] = tokens;
                    } else if (tokens.length > 0) {
                        throw new IndexFileException(file, "search tokens in " + where
                                + " of an index saved without the search: the file is corrupt");
                    }
                }
            }
            int links = count("links", 16);
            where = "the links";
            saved.linkLeft = new int[links];
            saved.linkRight = new int[links];
            saved.linkWeight = new double[links];
            for (int k = 0; k < links; k++) {
                saved.linkLeft[k] = recordNumber(n);
                saved.linkRight[k] = recordNumber(n);
                saved.linkWeight[k] = in.readDouble();
                if (saved.linkLeft[k] == saved.linkRight[k] || Double.isNaN(saved.linkWeight[k])) {
                    throw new IndexFileException(file, "link " + (k + 1) + " is invalid: the file is corrupt");
                }
            }
            if (version >= VERSION) {
                int supported = count("supported links", 8);
                where = "the supported links";
                saved.supported = new long[supported];
                for (int k = 0; k < supported; k++) {
                    int a = recordNumber(n);
                    int b = recordNumber(n);
                    if (a == b) {
                        throw new IndexFileException(file, "supported link " + (k + 1) + " is invalid: the file is corrupt");
                    }
                    saved.supported[k] = CandidatePairs.pack(a, b);
                }
            }
            where = "the people";
            saved.anchors = new int[n];
            for (int r = 0; r < n; r++) {
                saved.anchors[r] = recordNumber(n);
            }
            where = "the term counts";
            for (int c = 0; c < comparisons.size(); c++) {
                int distinct = in.readInt();
                if (distinct == -1) {
                    saved.counts.add(null);
                    continue;
                }
                if (distinct < 0 || (long) distinct * 8 > fileSize) {
                    throw new IndexFileException(file, "a count of " + distinct
                            + " term values does not fit the file: the file is corrupt");
                }
                List<Map.Entry<String, Integer>> values = new ArrayList<>(distinct);
                for (int v = 0; v < distinct; v++) {
                    values.add(Map.entry(readString(), count("records with a value", 0)));
                }
                saved.counts.add(values);
            }
            if (version >= VERSION_WITHOUT_SEARCH) {
                int count = count("decisions", 4 + 4 + 1 + 4 + 4 + 4 + 4);
                List<ReviewDecision> decisions = new ArrayList<>(count);
                for (int k = 0; k < count; k++) {
                    where = "decision " + (k + 1) + " of " + count;
                    String a = readString();
                    String b = readString();
                    byte verdict = in.readByte();
                    if (verdict != 0 && verdict != 1 || a.isBlank() || b.isBlank() || a.equals(b)) {
                        throw new IndexFileException(file, where + " is invalid: the file is corrupt");
                    }
                    decisions.add(new ReviewDecision(a, b, verdict == 0 ? ReviewDecision.Verdict.MATCH
                            : ReviewDecision.Verdict.NON_MATCH, readString(), readString(), readString(), readString()));
                }
                try {
                    saved.decisions = ReviewDecisions.of(decisions);
                } catch (ContradictoryDecisionsException e) {
                    throw new IndexFileException(file, "the saved decisions contradict each other: " + e.getMessage(), e);
                }
            }
            return saved;
        }

        private void checkNames(String what, List<String> expected) throws IOException {
            where = "the " + what;
            int count = count(what, 4);
            List<String> names = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                names.add(readString());
            }
            if (!names.equals(expected)) {
                throw new IndexFileException(file, "the index was saved with the " + what + " " + names
                        + " but is being loaded with " + expected + "; load it with the same " + what);
            }
        }

        private String[] readPairs() throws IOException {
            int pairs = count("values", 8);
            String[] values = new String[pairs * 2];
            for (int k = 0; k < values.length; k++) {
                values[k] = readString();
            }
            return values;
        }

        private String readString() throws IOException {
            int length = count("bytes", 1);
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** A count whose items take at least {@code bytesEach}: more than the file can hold is corruption. */
        private int count(String what, int bytesEach) throws IOException {
            int count = in.readInt();
            if (count < 0 || (long) count * bytesEach > fileSize) {
                throw new IndexFileException(file, "a count of " + count + " " + what + " in " + where
                        + " does not fit the file: the file is corrupt");
            }
            return count;
        }

        private int recordNumber(int n) throws IOException {
            int number = in.readInt();
            if (number < 0 || number >= n) {
                throw new IndexFileException(file, "record number " + number + " in " + where + " is outside the "
                        + n + " records: the file is corrupt");
            }
            return number;
        }
    }
}
