package io.github.palimpsest.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.normalise.ParsedValue;
import io.github.palimpsest.normalise.PersonName;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.synthetic.SyntheticRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * No plain-text name, date of birth, identifier, postcode or address reaches a serialised tombstone,
 * checked over a few thousand generated records.
 *
 * <p>Rows are mostly Base64, in which any given 4-character string turns up by chance about once per 17
 * million positions; with thousands of rows, a few short values are bound to appear somewhere by
 * chance. So the check has two parts: no value of 6 characters or more appears in its own record's row
 * (chance: about 10<sup>-8</sup> per value), and values of 4 or 5 characters appear in their own row no
 * more often than in an unrelated row, which a leak (every such value in its own row) would break at once.
 */
class PlaintextLeakTest {

    private static final TombstoneOptions KEEP_ALL = TombstoneOptions.builder().keepEventType(true).build();

    @Test
    void noPlainTextPersonalDataAppearsInSerialisedTombstones() throws IOException {
        List<SyntheticRecord> generated = GeneratedRecords.generate(1_000, 2024);
        assertTrue(generated.size() >= 2_500, "a few thousand records");
        List<String> rows = new ArrayList<>();
        List<Set<String>> secrets = new ArrayList<>();
        for (SyntheticRecord s : generated) {
            PersonRecord r = GeneratedRecords.toRecord(s);
            StringWriter out = new StringWriter();
            TombstoneCsv.write(out, List.of(Tombstone.of(r, TombstoneTest.KEY_A, KEEP_ALL)), TombstoneTest.KEY_A);
            String row = out.toString();
            // The row alone: after the integrity line and the header.
            rows.add(row.substring(row.indexOf('\n', row.indexOf('\n') + 1) + 1));
            secrets.add(personalValues(s, r));
        }
        int ownShortHits = 0;
        int otherShortHits = 0;
        int shortValues = 0;
        for (int i = 0; i < rows.size(); i++) {
            String own = rows.get(i);
            String other = rows.get((i + rows.size() / 2) % rows.size());
            for (String value : secrets.get(i)) {
                if (value.length() >= 6) {
                    assertTrue(!own.contains(value), "record " + generated.get(i).recordId()
                            + ": a personal value of " + value.length() + " characters appears in its tombstone");
                } else {
                    shortValues++;
                    ownShortHits += own.contains(value) ? 1 : 0;
                    otherShortHits += other.contains(value) ? 1 : 0;
                }
            }
        }
        assertTrue(shortValues > 1_000, "the check covers short values too: " + shortValues);
        assertTrue(ownShortHits <= otherShortHits + 5, "short values appear in their own rows " + ownShortHits
                + " times, in unrelated rows " + otherShortHits + " times: a leak");
    }

    /** Raw and normalised personal values of length 4 or more (the force and event are kept by choice). */
    private static Set<String> personalValues(SyntheticRecord s, PersonRecord r) {
        Set<String> values = new LinkedHashSet<>();
        for (String column : List.of("full_name", "forename", "middle_names", "surname", "aliases", "dob",
                "pnc_id", "cro_number", "ni_number", "driving_licence", "warrant_number", "phone", "email",
                "postcode", "address")) {
            values.add(s.value(column));
            for (String word : s.value(column).split("[\\s,;]+")) {
                values.add(word);
            }
        }
        addName(values, r.name());
        r.aliases().forEach(a -> addName(values, a));
        for (ParsedValue v : List.of(r.dateOfBirth(), r.pncId(), r.croNumber(), r.niNumber(), r.drivingLicence(),
                r.warrantNumber(), r.phone(), r.email(), r.postcode())) {
            v.canonical().ifPresent(c -> {
                values.add(c);
                values.add(c.replace(" ", ""));
                values.add(c.replace("-", ""));
            });
        }
        r.identifiers().values().forEach(v -> v.canonical().ifPresent(values::add));
        values.removeIf(v -> v.strip().length() < 4);
        return values;
    }

    private static void addName(Set<String> values, PersonName name) {
        values.add(name.forename());
        values.add(name.surname());
        values.addAll(name.middleNames());
        name.canonical().ifPresent(values::add);
    }

    @Test
    void theEventDateAppearsOnlyWhenKept() throws IOException {
        PersonRecord r = TombstoneTest.person("MET-1", "Ada", "Quill");
        StringWriter kept = new StringWriter();
        TombstoneCsv.write(kept, List.of(Tombstone.of(r, TombstoneTest.KEY_A, TombstoneOptions.defaults())),
                TombstoneTest.KEY_A);
        StringWriter dropped = new StringWriter();
        TombstoneCsv.write(dropped, List.of(Tombstone.of(r, TombstoneTest.KEY_A, TombstoneOptions.tokensOnly())),
                TombstoneTest.KEY_A);
        assertTrue(kept.toString().contains("2019-03-02"));
        assertEquals(false, dropped.toString().contains("2019-03-02"));
        assertEquals(false, dropped.toString().contains("1979"));
    }
}
