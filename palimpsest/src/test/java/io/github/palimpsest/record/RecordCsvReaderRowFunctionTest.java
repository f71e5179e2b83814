package io.github.palimpsest.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCsvReaderRowFunctionTest {
    private static final RecordCsvReader READER = RecordCsvReader.withReferenceDate(LocalDate.of(2025, 1, 1));

    @TempDir
    Path dir;

    @Test
    void eachRowIsSeenWithTheFileAndStartLineTheSequentialReaderGives() throws IOException {
        Path first = dir.resolve("kent.csv");
        StringBuilder rows = new StringBuilder("record_id,forename,surname,address\n");
        for (int i = 0; i < 3000; i++) {
            // Every seventh row spans two lines and every fifth is followed by a blank line, so lines drift.
            rows.append("K-").append(i).append(",Orla,Pennywhistle,")
                    .append(i % 7 == 0 ? "\"1 Mill Lane,\nDeal\"" : "1 Mill Lane").append('\n')
                    .append(i % 5 == 0 ? "\n" : "");
        }
        Files.writeString(first, rows.toString(), StandardCharsets.UTF_8);
        Path second = dir.resolve("essex.csv");
        Files.writeString(second, "record_id,surname\nE-1,Quillfeather\nE-2\n", StandardCharsets.UTF_8);
        List<Path> files = List.of(first, second);

        List<String> sequential = new ArrayList<>();
        READER.read(files, row -> sequential.add(row.file() + ":" + row.line() + " " + row.record().recordId()
                + " " + row.record().problems()));
        for (int threads : new int[] {1, 2, 3}) {
            List<String> located = READER.readRecords(files,
                    (file, line, record) -> file + ":" + line + " " + record.recordId() + " " + record.problems(),
                    threads);
            assertEquals(sequential, located, threads + " threads");
        }
        assertEquals(second + ":3 E-2 [row: has 1 fields but the header has 2; missing fields read as empty]",
                sequential.get(sequential.size() - 1));
    }
}
