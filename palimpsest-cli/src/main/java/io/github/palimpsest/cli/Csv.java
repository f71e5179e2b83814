package io.github.palimpsest.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The CSV dialect every command writes: RFC 4180 with a header row and {@code \n} line ends. */
final class Csv {
    private Csv() {
    }

    static CSVPrinter printer(Writer writer, List<String> header) throws IOException {
        return CSVFormat.RFC4180.builder()
                .setRecordSeparator('\n')
                .setHeader(header.toArray(String[]::new))
                .get()
                .print(writer);
    }
}
