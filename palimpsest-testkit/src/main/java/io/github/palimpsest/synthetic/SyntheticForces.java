package io.github.palimpsest.synthetic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A generator of fictional people and of the records several police forces hold about them, with the
 * ground truth, for test harnesses and benchmarks. Immutable and thread-safe: {@link #generate()},
 * {@link #stream()} and {@link #writeCsv} may be called any number of times, from any thread, and
 * always give the same output for the same settings.
 *
 * <pre>{@code
 * SyntheticForces gen = SyntheticForces.builder()
 *     .people(10_000)
 *     .seed(42)
 *     .forces(List.of("01", "41", "44", "47"))
 *     .profile(CorruptionProfile.defaults())
 *     .build();
 * SyntheticData data = gen.generate();                 // everything in memory
 * try (Stream<SyntheticRecord> records = gen.stream()) { ... }   // or lazily, flat memory
 * gen.writeCsv(recordsWriter, truthWriter);            // canonical schema + record_id,entity_id
 * }</pre>
 *
 * <p><b>Determinism.</b> Household {@code i} is made from a generator seeded by the seed and {@code i}
 * alone, and records are shuffled in fixed windows by a generator seeded by the seed and the window
 * number; nothing depends on time, threads or hash order. The same settings give the same bytes.
 */
public final class SyntheticForces {

    /** The forces used when none are given: the Met, Hertfordshire, Hampshire and Sussex. */
    public static final List<String> DEFAULT_FORCES = List.of("01", "41", "44", "47");
    /** The default reference date: "today" for ages and the latest event date, fixed for reproducibility. */
    public static final LocalDate DEFAULT_REFERENCE_DATE = LocalDate.of(2025, 1, 1);

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final long people;
    private final long seed;
    private final List<String> forces;
    private final Map<String, ForceStyle> styles;
    private final CorruptionProfile profile;
    private final LocalDate referenceDate;
    private final double meanRecordsPerPerson;
    private final PersonFactory personFactory;
    private final RecordFactory recordFactory;

    private SyntheticForces(Builder b) {
        this.people = b.people;
        this.seed = b.seed;
        this.forces = List.copyOf(b.forces);
        Map<String, ForceStyle> s = new LinkedHashMap<>();
        for (String code : forces) {
            s.put(code, b.styles.containsKey(code) ? b.styles.get(code) : ForceStyle.defaultFor(code));
        }
        this.styles = Map.copyOf(s);
        this.profile = b.profile;
        this.referenceDate = b.referenceDate;
        this.meanRecordsPerPerson = b.meanRecordsPerPerson;
        this.personFactory = new PersonFactory(referenceDate, forces, profile);
        this.recordFactory = new RecordFactory(forces, styles, profile, referenceDate, meanRecordsPerPerson);
    }

    /** A builder with the defaults: 1,000 people, seed 0, {@link #DEFAULT_FORCES}, default profile. */
    public static Builder builder() {
        return new Builder();
    }

    /** All records and people in memory. Equal to collecting {@link #stream()}. */
    public SyntheticData generate() {
        try (Stream<SyntheticRecord> s = stream()) {
            return new SyntheticData(s.toList());
        }
    }

    /**
     * The records, made lazily: memory stays flat however many people are asked for. Sequential and
     * ordered; each call starts a fresh, identical sequence.
     */
    public Stream<SyntheticRecord> stream() {
        RecordIterator it = new RecordIterator(seed, people, personFactory, recordFactory);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE), false);
    }

    /**
     * Writes the records as CSV in the canonical schema ({@link SyntheticRecord#COLUMNS}, header first,
     * {@code \n} line ends, RFC 4180 quoting) and the truth as {@code record_id,entity_id}. Streams:
     * memory stays flat. Flushes both writers and leaves them open.
     *
     * @return the number of records written
     * @throws IOException if either writer fails
     */
    public long writeCsv(Writer records, Writer truth) throws IOException {
        checkNotNull(records, "records");
        checkNotNull(truth, "truth");
        CSVPrinter recordPrinter = new CSVPrinter(records, CSV);
        CSVPrinter truthPrinter = new CSVPrinter(truth, CSV);
        recordPrinter.printRecord(SyntheticRecord.COLUMNS);
        truthPrinter.printRecord("record_id", "entity_id");
        long count = 0;
        try (Stream<SyntheticRecord> s = stream()) {
            for (SyntheticRecord r : (Iterable<SyntheticRecord>) s::iterator) {
                recordPrinter.printRecord(r.valuesInOrder());
                truthPrinter.printRecord(r.recordId(), r.entityId());
                count++;
            }
        }
        recordPrinter.flush();
        truthPrinter.flush();
        return count;
    }

    /** The number of people. */
    public long people() {
        return people;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** The force codes records are drawn from, in the order given. */
    public List<String> forces() {
        return forces;
    }

    /** The style of one of {@link #forces()}, or empty for a code not in the run. */
    public Optional<ForceStyle> style(String forceCode) {
        return Optional.ofNullable(forceCode == null ? null : styles.get(forceCode));
    }

    /** The corruption profile. */
    public CorruptionProfile profile() {
        return profile;
    }

    /** The reference date: no date of birth or event is later. */
    public LocalDate referenceDate() {
        return referenceDate;
    }

    /** The mean number of records per person. */
    public double meanRecordsPerPerson() {
        return meanRecordsPerPerson;
    }

    /** Collects the settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private long people = 1_000;
        private long seed;
        private List<String> forces = DEFAULT_FORCES;
        private final Map<String, ForceStyle> styles = new HashMap<>();
        private CorruptionProfile profile = CorruptionProfile.defaults();
        private LocalDate referenceDate = DEFAULT_REFERENCE_DATE;
        private double meanRecordsPerPerson = 3.0;

        private Builder() {
        }

        /** The number of people (at least 1). */
        public Builder people(long people) {
            checkArgument(people >= 1, "people must be at least 1, got %s", people);
            this.people = people;
            return this;
        }

        /** The seed: the same seed and settings give the same output. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The force codes (at least one, no duplicates), e.g. {@code List.of("01", "41")}. */
        public Builder forces(List<String> codes) {
            checkNotNull(codes, "codes");
            checkArgument(!codes.isEmpty(), "at least one force is needed");
            checkArgument(codes.stream().distinct().count() == codes.size(), "force codes repeat: %s", codes);
            for (String c : codes) {
                ForceStyle.builder(c); // validates the code
            }
            this.forces = List.copyOf(codes);
            return this;
        }

        /** Overrides the style of the force {@code style.code()}; others keep {@link ForceStyle#defaultFor}. */
        public Builder forceStyle(ForceStyle style) {
            checkNotNull(style, "style");
            styles.put(style.code(), style);
            return this;
        }

        /** The corruption profile (default {@link CorruptionProfile#defaults()}). */
        public Builder profile(CorruptionProfile profile) {
            this.profile = checkNotNull(profile, "profile");
            return this;
        }

        /** The reference date (default {@link #DEFAULT_REFERENCE_DATE}). */
        public Builder referenceDate(LocalDate date) {
            checkNotNull(date, "date");
            checkArgument(date.getYear() >= 1990 && date.getYear() <= 2070,
                    "reference date must be in 1990-2070 (two-digit CRO years are read as 1975-2074), got %s", date);
            this.referenceDate = date;
            return this;
        }

        /** The mean number of records per person, at least 1 (default 3). */
        public Builder meanRecordsPerPerson(double mean) {
            checkArgument(mean >= 1 && mean <= 20, "mean records per person must be in [1, 20], got %s", mean);
            this.meanRecordsPerPerson = mean;
            return this;
        }

        /** Returns the immutable generator. */
        public SyntheticForces build() {
            return new SyntheticForces(this);
        }
    }
}
