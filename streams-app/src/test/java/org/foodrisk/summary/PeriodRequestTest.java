package org.foodrisk.summary;

import org.foodrisk.reference.Period;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every period id a user can send is a period or an IllegalArgumentException with a reason (issue 14: 500s). */
class PeriodRequestTest {

    @Test
    void weekSixtyIsNoWeek() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parseRequested("2026-W60"));
        assertTrue(e.getMessage().contains("no week 2026-W60"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Period.parseRequested("2026-W00"));
        assertThrows(IllegalArgumentException.class, () -> Period.parseRequested("2026-W99"));
    }

    @Test
    void yearZeroAndFarFutureAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Period.parseRequested("0000-W01"));
        assertThrows(IllegalArgumentException.class, () -> Period.parseRequested("0000-01"));
        assertThrows(IllegalArgumentException.class, () -> Period.parseRequested("9999-W52"));
        assertThrows(IllegalArgumentException.class, () -> Period.parseRequested("2024-13"));
        assertThrows(IllegalArgumentException.class, () -> Period.parseRequested(null));
    }

    @Test
    void ordinaryPeriodsStillParse() {
        assertEquals("2024-W19", Period.parseRequested("2024-W19").id());
        assertEquals("2020-W53", Period.parseRequested("2020-W53").id());
        assertThrows(IllegalArgumentException.class, () -> Period.parseRequested("2021-W53"), "2021 has 52 weeks");
        assertEquals(31, Period.parseRequested("2024-05").last().getDayOfMonth());
    }
}
