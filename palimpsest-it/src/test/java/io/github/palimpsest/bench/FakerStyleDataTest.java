package io.github.palimpsest.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.bench.FakerStyleData.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakerStyleDataTest {

    @Test
    void theSameLocalePeopleAndSeedGiveTheSameBytesAndAnotherSeedOthers(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.csv");
        Path at = dir.resolve("a_truth.csv");
        Path b = dir.resolve("b.csv");
        Path bt = dir.resolve("b_truth.csv");
        FakerStyleData.write(Locale.GERMAN, 200, 5, a, at);
        FakerStyleData.write(Locale.GERMAN, 200, 5, b, bt);
        assertEquals(Files.readString(a), Files.readString(b));
        assertEquals(Files.readString(at), Files.readString(bt));
        FakerStyleData.write(Locale.GERMAN, 200, 6, b, bt);
        assertNotEquals(Files.readString(a), Files.readString(b));
        assertTrue(Files.readString(a).startsWith("record_id,forename,surname,dob,address,email\n"));
    }

    @Test
    void everyRecordHasAUniqueIdAPersonAndADateOfBirth() {
        List<Row> rows = FakerStyleData.generate(Locale.forLanguageTag("pl"), 300, 1);
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> assertTrue(ids.add(r.recordId()), r.recordId()));
        assertTrue(rows.stream().allMatch(r -> r.dob().matches("\\d{4}-\\d{2}-\\d{2}")));
        Map<String, Long> perPerson = rows.stream().collect(Collectors.groupingBy(Row::entityId, Collectors.counting()));
        assertEquals(300, perPerson.size());
        assertTrue(perPerson.values().stream().allMatch(n -> n >= 1 && n <= 8), perPerson.toString());
    }

    @Test
    void theDamageIsAboutWhatFake1000Shows() {
        List<Row> rows = FakerStyleData.generate(Locale.forLanguageTag("es"), 2_000, 3);
        assertBetween(0.12, 0.22, share(rows, r -> r.forename().isEmpty()), "forenames missing");
        assertBetween(0.12, 0.22, share(rows, r -> r.surname().isEmpty()), "surnames missing");
        assertBetween(0.15, 0.25, share(rows, r -> r.city().isEmpty()), "cities missing");
        assertBetween(0.16, 0.26, share(rows, r -> r.email().isEmpty()), "e-mails missing");
        // Within a person, the dates of birth that differ from the person's most common one.
        Map<String, List<Row>> people = rows.stream().collect(Collectors.groupingBy(Row::entityId));
        long off = 0;
        for (List<Row> person : people.values()) {
            Map<String, Long> dobs = person.stream().collect(Collectors.groupingBy(Row::dob, Collectors.counting()));
            off += person.size() - dobs.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
        assertBetween(0.15, 0.40, off / (double) rows.size(), "dates of birth off");
    }

    private static double share(List<Row> rows, Function<Row, Boolean> test) {
        return rows.stream().filter(test::apply).count() / (double) rows.size();
    }

    private static void assertBetween(double low, double high, double value, String what) {
        assertTrue(value >= low && value <= high, what + ": " + value + " not in [" + low + ", " + high + "]");
    }
}
