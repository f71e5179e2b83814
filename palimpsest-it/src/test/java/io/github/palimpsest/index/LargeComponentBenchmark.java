package io.github.palimpsest.index;

import io.github.palimpsest.record.PersonRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one change costs when it touches a very large link component. A {@code main}, not a test, so CI
 * never runs it; the command and figures are in docs/index.md.
 *
 * <p>The pathological pool is a hostel (fictional): many sparse records, purged of name and date of birth,
 * that share the hostel's phone, postcode and address. Phone, postcode and address agreeing is about 20
 * bits of evidence against a prior of about −11, so every such pair is a link and the records form one
 * dense component; named residents with their own dates of birth link to every sparse record through the
 * same three fields, so they join the component, and their dates of birth conflict with each other. Each
 * add is timed; the report gives, per band of component size, the median and worst add, and the links and
 * re-clustered records of the last change.
 *
 * <p>Arguments: {@code [sparse=2000] [residents=40] [background people=2000] [maxReclusterLinks=default]}.
 */
public final class LargeComponentBenchmark {
    private static final LocalDate REFERENCE = LocalDate.of(2025, 1, 1);
    private static final String[] FORENAMES = {"Aldous", "Bronwen", "Caspian", "Delphine", "Evander", "Fenella",
        "Gideon", "Honora", "Ivo", "Jocasta", "Kit", "Lavinia", "Mordecai", "Nerys", "Osric", "Perpetua"};
    private static final String[] SURNAMES = {"Quillfeather", "Rookwood", "Saltmarsh", "Thistlewood", "Umberleigh",
        "Vantongeren", "Wychwood", "Yarrowby", "Zennor", "Ashgrove", "Bramblecote", "Cinderford"};

    private LargeComponentBenchmark() {
    }

    public static void main(String[] args) {
        int sparse = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int residents = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int background = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        LinkIndexBuilder builder = LinkIndex.builder();
        if (args.length > 3 && !args[3].equals("default")) {
            builder.maxReclusterLinks(Integer.parseInt(args[3]));
        }
        LinkIndex index = builder.build();
        long t = System.nanoTime();
        IndexFixtures.generated(background, 7).forEach(index::add);
        System.out.printf(Locale.ROOT, "background: %,d records in %.1f s%n", index.size(), (System.nanoTime() - t) / 1e9);

        List<PersonRecord> hostel = new ArrayList<>();
        for (int i = 0; i < sparse; i++) {
            hostel.add(sparse(i));
            if (residents > 0 && i % Math.max(1, sparse / residents) == 0 && i / Math.max(1, sparse / residents) < residents) {
                hostel.add(resident(i / Math.max(1, sparse / residents)));
            }
        }
        int[] bands = {100, 250, 500, 1_000, 2_000, 4_000, 8_000};
        List<Long> times = new ArrayList<>();
        int band = 0;
        int guarded = 0;
        long started = System.nanoTime();
        for (int i = 0; i < hostel.size(); i++) {
            long a = System.nanoTime();
            ChangeReport change = index.add(hostel.get(i));
            times.add(System.nanoTime() - a);
            if (!change.isExact()) {
                guarded++;
            }
            if (i + 1 == bands[band] || i + 1 == hostel.size()) {
                report("adds " + (band == 0 ? 1 : bands[band - 1] + 1) + ".." + (i + 1), times, change, index, guarded);
                times.clear();
                guarded = 0;
                if (band < bands.length - 1) {
                    band++;
                }
            }
            if ((System.nanoTime() - started) / 1e9 > 600) {
                System.out.println("stopped after 10 minutes");
                break;
            }
        }
        java.util.Map<String, Long> sizes = new java.util.HashMap<>();
        index.entityIds().forEach((record, entity) -> sizes.merge(entity, 1L, Long::sum));
        System.out.printf(Locale.ROOT, "people: %,d in all, the largest has %,d records%n", index.entityCount(),
                sizes.values().stream().mapToLong(Long::longValue).max().orElse(0));
        // Reads and the other writes on the full component.
        times.clear();
        for (int i = 0; i < 50; i++) {
            long a = System.nanoTime();
            index.match(sparse(1_000_000 + i));
            times.add(System.nanoTime() - a);
        }
        report("match a sparse probe", times, null, index, 0);
        times.clear();
        ChangeReport last = null;
        for (int i = 0; i < 20; i++) {
            long a = System.nanoTime();
            last = index.update(sparse(i).toBuilder().phone("07700 900" + String.format(Locale.ROOT, "%03d", i)).build());
            times.add(System.nanoTime() - a);
        }
        report("update a sparse record away", times, last, index, 0);
        times.clear();
        for (int i = 20; i < 40; i++) {
            long a = System.nanoTime();
            last = index.remove(sparse(i).recordId());
            times.add(System.nanoTime() - a);
        }
        report("remove a sparse record", times, last, index, 0);
    }

    private static void report(String what, List<Long> nanos, ChangeReport last, LinkIndex index, int guarded) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double total = Arrays.stream(sorted).sum() / 1e6;
        System.out.printf(Locale.ROOT, "%-32s n=%5d  median %9.3f ms  max %9.3f ms  total %9.1f ms  links %,d  guarded %d%s%n",
                what, sorted.length, sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6, total,
                index.linkCount(), guarded,
                last == null ? "" : "  last: " + last.outcome() + ", people after " + last.after().size()
                        + ", records after " + last.after().values().stream().mapToInt(List::size).sum());
    }

    /** A fictional hostel record: no name, no date of birth; the hostel's phone, postcode and address. */
    static PersonRecord sparse(int i) {
        return PersonRecord.builder().referenceDate(REFERENCE).recordId(String.format(Locale.ROOT, "HOSTEL-%07d", i))
                .force("Met").phone("07700 900777").postcode("E1 6QR").address("4 Lantern Yard, London")
                .eventDate("2024-0" + (1 + i % 9) + "-1" + (i % 10)).eventType("allegation").build();
    }

    /** A fictional named resident of the hostel with a date of birth of their own. */
    static PersonRecord resident(int i) {
        return PersonRecord.builder().referenceDate(REFERENCE).recordId(String.format(Locale.ROOT, "RES-%05d", i))
                .force("Met").forename(FORENAMES[i % FORENAMES.length]).surname(SURNAMES[i % SURNAMES.length])
                .dob(String.format(Locale.ROOT, "19%02d-%02d-%02d", 50 + i % 45, 1 + i % 12, 1 + i % 28))
                .phone("07700 900777").postcode("E1 6QR").address("4 Lantern Yard, London")
                .eventDate("2023-05-0" + (1 + i % 9)).eventType("allegation").build();
    }
}
