package io.github.palimpsest.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void dateStylesWriteTheSameDateInTheirOwnWay() {
        LocalDate d = LocalDate.of(1985, 9, 7);
        assertEquals("1985-09-07", DateStyle.ISO.format(d));
        assertEquals("07/09/1985", DateStyle.DAY_MONTH_YEAR_SLASH.format(d));
        assertEquals("07-SEP-85", DateStyle.DAY_MON_YY.format(d)); // never the CLDR British "Sept"
        assertEquals("19850907", DateStyle.COMPACT.format(d));
        assertEquals("07.09.1985", DateStyle.DAY_MONTH_YEAR_DOT.format(d));
    }

    @Test
    void theFourDefaultForcesWriteDifferently() {
        ForceStyle met = ForceStyle.defaultFor("01");
        ForceStyle herts = ForceStyle.defaultFor("41");
        ForceStyle hants = ForceStyle.defaultFor("44");
        ForceStyle sussex = ForceStyle.defaultFor("47");
        assertNotEquals(met.dateStyle(), herts.dateStyle());
        assertNotEquals(hants.dateStyle(), sussex.dateStyle());
        assertNotEquals(met.nameLayout(), hants.nameLayout());
        assertNotEquals(met.pncStyle(), herts.pncStyle());
        assertEquals("MPS", met.labels().get(0));
    }

    @Test
    void defaultStyleOfAnUnknownCodeIsStableAndLabelledWithTheCode() {
        assertEquals(ForceStyle.defaultFor("X9"), ForceStyle.defaultFor("X9"));
        assertEquals("X9", ForceStyle.defaultFor("X9").labels().get(0));
    }
}
