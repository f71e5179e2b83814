package io.github.palimpsest.privacy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes token files of earlier formats, for the tests of refusing and upgrading them: format
 * {@code palimpsest-tombstone/2} (the header of formats 2 and 3, then rows whose format column is version 2
 * and whose tag covers that value; no integrity line) and format {@code palimpsest-tombstone/3} (an
 * integrity line; no {@code surname_as_forename_bloom} column).
 */
public final class VersionTwoFiles {

    private VersionTwoFiles() {
    }

    /** Writes {@code tombstones}, made with {@code secret}, as a version-2 token file. */
    public static void write(Path file, List<Tombstone> tombstones, DeploymentSecret secret) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord(TombstoneCsv.VERSION_THREE_COLUMNS);
            for (Tombstone t : tombstones) {
                List<String> values = TombstoneCsv.LAYOUT_TWO.valuesOf(t.rowValuesWithoutTag());
                values.add(secret.tokeniser().tag(values));
                printer.printRecord(values);
            }
            printer.flush();
        }
    }

    /** Writes {@code tombstones}, made with {@code secret}, as a version-3 token file. */
    public static void writeVersionThree(Path file, List<Tombstone> tombstones, DeploymentSecret secret)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            TombstoneCsv.write(out, tombstones, secret, TombstoneCsv.LAYOUT_THREE);
        }
    }

    /** The tombstones as an upgrade from format 2 or 3 gives them back: without the filters those formats lacked. */
    public static List<Tombstone> asUpgraded(List<Tombstone> tombstones, DeploymentSecret secret) {
        return tombstones.stream().map(t -> {
            Map<BloomField, BloomFilter> filters = new EnumMap<>(BloomField.class);
            filters.putAll(t.filters());
            filters.remove(BloomField.SURNAME_AS_FORENAME);
            Tombstone unsigned = new Tombstone(t.keyId(), t.reference(), t.force(), t.eventDate(), t.eventType(),
                    t.tokens(), t.otherIdentifiers(), filters, "");
            return unsigned.withTag(secret.tokeniser().tag(unsigned.rowValuesWithoutTag()));
        }).toList();
    }
}
