package io.github.palimpsest.privacy;

import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times tokenising and Dice comparisons (not a test; run by hand, see docs/privacy.md for the command and
 * the recorded figures). Tokenises the records of {@code people} generated people, then compares every
 * surname filter with every other, single-threaded, after a warm-up pass.
 *
 * <p>Arguments: {@code [people] [rounds]}, default 2,000 and 5.
 */
public final class DiceBenchmark {

    private DiceBenchmark() {
    }

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<SyntheticRecord> generated = GeneratedRecords.generate(people, 42);
        List<PersonRecord> records = new ArrayList<>();
        for (SyntheticRecord s : generated) {
            records.add(GeneratedRecords.toRecord(s));
        }
        DeploymentSecret secret = DeploymentSecret.generate();
        tokenise(records, secret); // warm-up
        tokenise(records, secret);
        long t0 = System.nanoTime();
        List<Tombstone> tombstones = tokenise(records, secret);
        long t1 = System.nanoTime();
        print("tokenised %,d records in %.2f s: %,.0f records/s (one thread)", records.size(), (t1 - t0) / 1e9,
                records.size() / ((t1 - t0) / 1e9));

        List<BloomFilter> filters = new ArrayList<>();
        for (Tombstone t : tombstones) {
            t.filter(BloomField.SURNAME).ifPresent(filters::add);
        }
        BloomFilter[] f = filters.toArray(new BloomFilter[0]);
        double sink = compareAll(f); // warm-up
        long comparisons = 0;
        long t2 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            sink += compareAll(f);
            comparisons += (long) f.length * (f.length - 1) / 2;
        }
        long t3 = System.nanoTime();
        double seconds = (t3 - t2) / 1e9;
        print("%,d Dice comparisons of %d-bit filters in %.2f s: %,.0f comparisons/s (one thread; checksum %.1f)",
                comparisons, f[0].sizeBits(), seconds, comparisons / seconds, sink);
        print("java %s, %s %s, %d cores", System.getProperty("java.version"), System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
    }

    private static List<Tombstone> tokenise(List<PersonRecord> records, DeploymentSecret secret) {
        List<Tombstone> out = new ArrayList<>(records.size());
        for (PersonRecord r : records) {
            out.add(Tombstone.of(r, secret, TombstoneOptions.defaults()));
        }
        return out;
    }

    private static double compareAll(BloomFilter[] f) {
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            BloomFilter a = f[i];
            for (int j = i + 1; j < f.length; j++) {
                sum += a.dice(f[j]);
            }
        }
        return sum;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
