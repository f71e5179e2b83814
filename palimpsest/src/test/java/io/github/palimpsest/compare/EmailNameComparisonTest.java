package io.github.palimpsest.compare;

import static io.github.palimpsest.compare.Records.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.palimpsest.record.ComparableRecord;
import org.junit.jupiter.api.Test;

class EmailNameComparisonTest {
    private final EmailNameComparison emailNames = EmailNameComparison.standard();

    private void assertLevel(int expected, ComparableRecord a, ComparableRecord b) {
        assertEquals(emailNames.levels().get(expected), emailNames.levels().get(emailNames.level(a, b)));
        assertEquals(expected, emailNames.level(b, a), "symmetric");
    }

    private static final ComparableRecord NAMED = of("forename", "Isolde", "surname", "Pennyfeather");

    @Test
    void aPurgedRecordsEmailThatSpellsBothNamesIsTheTopLevel() {
        assertLevel(EmailNameComparison.BOTH, of("email", "isolde.pennyfeather82@example.org"), NAMED);
        assertLevel(EmailNameComparison.BOTH, of("email", "PennyfeatherIsolde@example.org"), NAMED);
    }

    @Test
    void oneNameTheHolderLacksInTheUserNameIsTheMiddleLevel() {
        assertLevel(EmailNameComparison.ONE, of("email", "isoldep82@example.org"), NAMED);
        assertLevel(EmailNameComparison.ONE, of("forename", "Isolde", "email", "ipennyfeather@example.org"), NAMED);
    }

    @Test
    void aUserNameWithoutTheLackingNamesIsNotInEmail() {
        assertLevel(EmailNameComparison.NONE, of("email", "ip82@example.org"), NAMED);
        // the surname spelt only after the @ is not in the user name
        assertLevel(EmailNameComparison.NONE, of("email", "ip@pennyfeather.example.org"), NAMED);
        // the holder has the forename, lacks the surname, and the user name has only the forename
        assertLevel(EmailNameComparison.NONE, of("forename", "Isolde", "email", "isolde@example.org"), NAMED);
    }

    @Test
    void withoutAHolderTheComparisonIsNeutral() {
        // both names given on both sides: the name comparisons weigh them
        assertLevel(EmailNameComparison.MISSING, of("forename", "Isolde", "surname", "Pennyfeather",
                "email", "isolde.pennyfeather@example.org"), NAMED);
        // no e-mail address
        assertLevel(EmailNameComparison.MISSING, of("dob", "1980-02-03"), NAMED);
        // the other gives no name the holder lacks, or only names too short to look for
        assertLevel(EmailNameComparison.MISSING, of("email", "isolde@example.org"), of("dob", "1980-02-03"));
        assertLevel(EmailNameComparison.MISSING, of("email", "ed.li@example.org"), of("forename", "Ed", "surname", "Li"));
        // an initial is not looked for
        assertLevel(EmailNameComparison.MISSING, of("email", "i.x@example.org"), of("forename", "I."));
    }

    @Test
    void twoSameOrCloseAddressesAreLeftToTheEmailComparison() {
        assertLevel(EmailNameComparison.MISSING, of("email", "isolde.pennyfeather@example.org"),
                of("forename", "Isolde", "surname", "Pennyfeather", "email", "isolde.pennyfeather@example.org"));
        assertLevel(EmailNameComparison.BOTH, of("email", "isolde.pennyfeather@example.org"),
                of("forename", "Isolde", "surname", "Pennyfeather", "email", "ip1@other.example"));
    }
}
