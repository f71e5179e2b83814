package io.github.palimpsest.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

class PersonComparisonProperties {
    private static final List<Comparison<ComparableRecord>> ALL = all();

    private static List<Comparison<ComparableRecord>> all() {
        List<Comparison<ComparableRecord>> all = new ArrayList<>(PersonComparisons.standard());
        all.add(GenericIdentifierComparison.forType("ssn"));
        all.add(GenericIdentifierComparison.forType("passport"));
        return List.copyOf(all);
    }

    /** Short strings from a small alphabet, so that values often collide or nearly collide. */
    @Provide
    Arbitrary<String> value() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abAB 1-'/.").ofMaxLength(6),
                Arbitraries.of("", "Ada", "ada", "Bill", "William", "Smith", "Smyth", "Smith-Jones", "MacLeod",
                        "McLeod", "J.", "N/A", "1900-01-01", "1984-03-07", "1984-07-03", "07/03/1984", "SW1A 1AA",
                        "SW1A 1AB", "2119", "F", "M", "07700 900123", "a@example.org", "4137877", "4137787"),
                Arbitraries.strings().all().ofMaxLength(12));
    }

    @Provide
    Arbitrary<ComparableRecord> record() {
        Arbitrary<String> v = value();
        return Combinators.combine(List.of(v, v, v, v, v, v, v, v)).as(values -> {
            PersonRecord r = PersonRecord.builder().referenceDate(LocalDate.of(2025, 1, 1)).recordId("R")
                    .forename(values.get(0)).surname(values.get(1)).aliases(values.get(2)).dob(values.get(3))
                    .postcode(values.get(4)).phone(values.get(5)).sex(values.get(6)).pncId(values.get(7))
                    .address(values.get(4) + " " + values.get(1)).email(values.get(5))
                    .identifier("ssn", values.get(7)).warrantNumber(values.get(2)).middleNames(values.get(0))
                    .build();
            return ComparableRecord.of(r);
        });
    }

    /**
     * One keying error (a letter changed, added, dropped, or two neighbours transposed) in a forename or a
     * surname of two letters or more is never "different", however short the name.
     */
    @Property(tries = 500)
    void oneKeyingErrorInANameIsNeverDifferent(@ForAll @net.jqwik.api.constraints.StringLength(min = 2, max = 9)
            @net.jqwik.api.constraints.CharRange(from = 'a', to = 'z') String name,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int kind,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 8) int at) {
        int i = at % (name.length() - 1);
        String typo = switch (kind) {
            case 0 -> name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
            case 1 -> name.substring(0, i) + (name.charAt(i) == 'q' ? 'x' : 'q') + name.substring(i + 1);
            case 2 -> name.substring(0, i) + name.substring(i + 1);
            default -> name.substring(0, i) + 'q' + name.substring(i);
        };
        org.junit.jupiter.api.Assumptions.assumeTrue(typo.length() > 1 && !typo.equals(name));
        ForenameComparison forenames = ForenameComparison.standard();
        SurnameComparison surnames = SurnameComparison.standard();
        // A parser may drop a name that spells a title ("dr"): then the level is missing, not different.
        assertTrue(forenames.level(Records.named(name, "Oakes"), Records.named(typo, "Oakes"))
                != ForenameComparison.ELSE, name + " / " + typo);
        assertTrue(surnames.level(Records.named("Ada", name), Records.named("Ada", typo))
                != SurnameComparison.ELSE, name + " / " + typo);
    }

    @Property(tries = 500)
    void everyComparisonIsSymmetricAndReturnsOneOfItsLevels(@ForAll("record") ComparableRecord a,
            @ForAll("record") ComparableRecord b) {
        for (Comparison<ComparableRecord> c : ALL) {
            int level = c.level(a, b);
            assertTrue(level >= 0 && level < c.levels().size(), c.name() + " level " + level);
            assertEquals(level, c.level(b, a), c.name() + " is not symmetric");
        }
    }

    @Property(tries = 200)
    void aRecordAgreesWithItselfAtLeastAsMuchAsWithAnyOther(@ForAll("record") ComparableRecord a,
            @ForAll("record") ComparableRecord b) {
        for (Comparison<ComparableRecord> c : ALL) {
            int self = c.level(a, a);
            if (!c.levels().get(self).isNeutral()) {
                int other = c.level(a, b);
                // A swap level weighs crosswise agreement (this forename against that surname), which a record
                // cannot have with itself: "M Slade" against "Slade Mohamed" is a close swap, against itself only
                // an initial. Only the straight levels are ordered against the record itself.
                boolean crosswise = c.levels().get(other).label().startsWith("swapped");
                assertTrue(c.levels().get(other).isNeutral() || crosswise || self <= other,
                        c.name() + ": self " + self + " is less similar than other " + other);
            }
        }
    }

    @Property(tries = 200)
    void aRecordWithNothingIsNeutralAgainstAnything(@ForAll("record") ComparableRecord a) {
        ComparableRecord empty = Records.of();
        for (Comparison<ComparableRecord> c : ALL) {
            assertTrue(c.levels().get(c.level(empty, a)).isNeutral(), c.name());
        }
    }

    @Property(tries = 50)
    void everyComparisonHasExactlyOneNeutralLevelAndSurvivesSerialization(@ForAll("record") ComparableRecord a,
            @ForAll("record") ComparableRecord b) throws IOException, ClassNotFoundException {
        for (Comparison<ComparableRecord> c : ALL) {
            assertEquals(1, c.levels().stream().filter(ComparisonLevel::isNeutral).count(), c.name());
            assertTrue(c.levels().get(c.levels().size() - 1).isNeutral(), c.name() + ": neutral comes last");
            Object copy = roundTrip(c);
            assertEquals(c, copy);
            @SuppressWarnings("unchecked")
            Comparison<ComparableRecord> revived = (Comparison<ComparableRecord>) copy;
            assertEquals(c.level(a, b), revived.level(a, b), c.name());
            assertEquals(c.level(a, b), revived.level(roundTrip(a), roundTrip(b)), c.name());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Provide
    Arbitrary<String> word() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcde").ofMaxLength(9),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz").ofMaxLength(70),
                Arbitraries.strings().all().ofMaxLength(20));
    }

    @Property
    void jaroWinklerEqualsCommonsText(@ForAll("word") String a, @ForAll("word") String b) {
        assertEquals(new JaroWinklerSimilarity().apply(a, b), JaroWinkler.similarity(a, b), 0.0);
        assertEquals(JaroWinkler.symmetric(a, b), JaroWinkler.symmetric(b, a), 0.0);
    }

    @Property
    void oneEditApartMeansOptimalStringAlignmentDistanceOne(@ForAll("word") String a, @ForAll("word") String b) {
        assertEquals(osaDistance(a, b) == 1, Edits.isOneEditApart(a, b), a + " / " + b);
        assertEquals(Edits.isOneEditApart(a, b), Edits.isOneEditApart(b, a));
    }

    @Property
    void oneDigitTypoMatchesTheStringDefinition(@ForAll("date") int a, @ForAll("date") int b) {
        String x = Integer.toString(a);
        String y = Integer.toString(b);
        boolean expected = x.length() == y.length() && osaDistance(x, y) == 1;
        assertEquals(expected, Edits.isOneDigitTypo(a, b), a + " / " + b);
    }

    @Property
    void epochDayAgreesWithLocalDate(@ForAll("validDate") int date) {
        LocalDate d = LocalDate.of(date / 10_000, date / 100 % 100, date % 100);
        assertEquals(d.toEpochDay(), Edits.epochDay(date));
    }

    @Provide
    Arbitrary<Integer> validDate() {
        return Arbitraries.integers().between(-400_000, 400_000)
                .map(days -> ComparableRecord.toInt(LocalDate.of(1900, 1, 1).plusDays(days)));
    }

    /** Valid dates, and digit strings near one another that need not be dates. */
    @Provide
    Arbitrary<Integer> date() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 40_000).map(days -> ComparableRecord.toInt(
                        LocalDate.of(1900, 1, 1).plusDays(days))),
                Arbitraries.of(19840317, 19840318, 19480317, 19840371, 19840137, 19841317, 19840371));
    }

    /** Optimal string alignment distance (edits plus adjacent transpositions), the textbook dynamic program. */
    private static int osaDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
