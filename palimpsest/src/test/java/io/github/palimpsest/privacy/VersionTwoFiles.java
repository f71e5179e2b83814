package io.github.palimpsest.privacy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes token files as format {@code palimpsest-tombstone/2} did (the header, then rows whose format column
 * is version 2 and whose tag covers that value; no integrity line), for the tests of refusing and upgrading
 * such files.
 */
public final class VersionTwoFiles {

    private VersionTwoFiles() {
    }

    /** Writes {@code tombstones}, made with {@code secret}, as a version-2 token file. */
    public static void write(Path file, List<Tombstone> tombstones, DeploymentSecret secret) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord(TombstoneCsv.COLUMNS);
            for (Tombstone t : tombstones) {
                List<String> values = t.rowValuesWithoutTag();
                values.set(0, TombstoneCsv.VERSION_TWO);
                values.add(secret.tokeniser().tag(values));
                printer.printRecord(values);
            }
            printer.flush();
        }
    }
}
