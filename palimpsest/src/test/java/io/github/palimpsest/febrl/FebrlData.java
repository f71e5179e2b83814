package io.github.palimpsest.febrl;

import io.github.palimpsest.record.PersonRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The public FEBRL benchmark files in {@code ../shared/data/febrl/}, mapped to the canonical schema as
 * that folder's README says, with the ground truth taken from {@code rec-<N>-org} / {@code rec-<N>-dup-<k>}.
 */
public final class FebrlData {
    /**
     * Where the shared data lives: the system property {@code febrl.dir} when set (a worktree sits elsewhere
     * than the main checkout), else relative to the project root; tests skip when it is absent.
     */
    public static final Path DIRECTORY = Path.of(System.getProperty("febrl.dir", "../shared/data/febrl"));
    private static final Pattern REC_ID = Pattern.compile("rec-(\\d+)-(org|dup-\\d+)");
    // FEBRL dates are years 1900-2000ish; a fixed reference keeps runs reproducible.
    private static final LocalDate REFERENCE = LocalDate.of(2026, 1, 1);

    /** Records and, for each, the id of the entity it belongs to. */
    public record Dataset(List<PersonRecord> records, List<String> entityIds) {
    }

    private FebrlData() {
    }

    /** Whether the shared FEBRL folder is present. */
    public static boolean isAvailable() {
        return Files.isRegularFile(DIRECTORY.resolve("dataset3.csv"));
    }

    /** Reads the named files as one pool. */
    public static Dataset read(boolean includeSocialSecurityId, String... fileNames) {
        List<PersonRecord> records = new ArrayList<>();
        List<String> entities = new ArrayList<>();
        for (String name : fileNames) {
            Path file = DIRECTORY.resolve(name);
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true).setTrim(true).get();
                for (CSVRecord row : format.parse(in)) {
                    String recId = row.get("rec_id");
                    records.add(toRecord(row, includeSocialSecurityId));
                    entities.add(entityOf(recId).orElseThrow(
                            () -> new IllegalStateException(file + ": unexpected rec_id " + recId)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Dataset(List.copyOf(records), List.copyOf(entities));
    }

    static Optional<String> entityOf(String recId) {
        Matcher m = REC_ID.matcher(recId);
        return m.matches() ? Optional.of("E" + m.group(1)) : Optional.empty();
    }

    private static PersonRecord toRecord(CSVRecord row, boolean includeSocialSecurityId) {
        String address = String.join(" ", row.get("street_number"), row.get("address_1"), row.get("address_2"),
                row.get("suburb"), row.get("state")).replaceAll("\\s+", " ").strip();
        PersonRecord.Builder b = PersonRecord.builder()
                .referenceDate(REFERENCE)
                .recordId(row.get("rec_id"))
                .forename(row.get("given_name"))
                .surname(row.get("surname"))
                .dob(row.get("date_of_birth"))
                .postcode(row.get("postcode"))
                .address(address);
        if (includeSocialSecurityId) {
            b.identifier("ssn", row.get("soc_sec_id"));
        }
        return b.build();
    }
}
