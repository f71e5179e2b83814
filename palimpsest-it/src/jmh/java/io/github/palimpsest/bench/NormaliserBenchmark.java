package io.github.palimpsest.bench;

import io.github.palimpsest.normalise.DateParser;
import io.github.palimpsest.normalise.NameParser;
import io.github.palimpsest.normalise.PersonName;
import io.github.palimpsest.normalise.ParsedDate;
import io.github.palimpsest.normalise.Phone;
import io.github.palimpsest.normalise.PncId;
import io.github.palimpsest.normalise.Postcode;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of normalising one value, and of turning one raw record into its comparable form: the per-record
 * work a million-record run pays once per record. Fictional values only.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class NormaliserBenchmark {
    private static final LocalDate REFERENCE = LocalDate.of(2026, 11, 23);

    @Benchmark
    public PersonName nameSurnameFirst() {
        return NameParser.parse("DR ŁUKASIEWICZ-BRANDT, Zoë Anne");
    }

    @Benchmark
    public PersonName nameSeparateFields() {
        return NameParser.parse("Bren", "J", "O'Halloran");
    }

    @Benchmark
    public ParsedDate dateOfBirthShortYear() {
        return DateParser.parseDateOfBirth("24.11.50", REFERENCE);
    }

    @Benchmark
    public ParsedDate dateOfBirthMonthName() {
        return DateParser.parseDateOfBirth("14-Mar-1971", REFERENCE);
    }

    @Benchmark
    public PncId pncId() {
        return PncId.parse("79/163001B", REFERENCE);
    }

    @Benchmark
    public Postcode postcode() {
        return Postcode.parse("sw1a 1aa");
    }

    @Benchmark
    public Phone phone() {
        return Phone.parse("+44 (0)20 7946 0018");
    }

    @Benchmark
    public ComparableRecord wholeRecordToComparableForm() {
        return ComparableRecord.of(PersonRecord.builder().referenceDate(REFERENCE)
                .recordId("MPS-02-0147").force("MPS").fullName("MARLOWE, Stephen James").dob("09/04/1968")
                .sex("M").pncId("88/214365U").croNumber("041873/89U").phone("07700 900311").postcode("SE15 4QL")
                .address("12 Cordwell Road, London").eventDate("15/03/2002").eventType("allegation").build());
    }
}
