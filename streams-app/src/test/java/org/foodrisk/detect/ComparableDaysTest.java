package org.foodrisk.detect;

import org.foodrisk.reference.HolidayCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparableDaysTest {

    private final ComparableDays comparable = new ComparableDays(ComparableDays.Mode.COMPARABLE_DAYS, HolidayCalendar.china());

    @Test
    void aWorkdayAfterChunJieIsJudgedAgainstWorkdaysBeforeIt() {
        LocalDate thursday = LocalDate.of(2025, 2, 6); // second workday after 春节 2025
        List<LocalDate> days = comparable.seriesDays(thursday, 10, LocalDate.of(2024, 12, 1));
        assertEquals(11, days.size());
        assertEquals(thursday, days.get(days.size() - 1));
        assertEquals(LocalDate.of(2025, 1, 27), days.get(days.size() - 2), "not 2-5 (a return day), no holiday");
        assertTrue(days.contains(LocalDate.of(2025, 1, 26)), "the 调休 Sunday is a workday");
        assertTrue(days.subList(0, 10).stream().noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY
                || (d.getDayOfWeek() == DayOfWeek.SUNDAY && !d.equals(LocalDate.of(2025, 1, 26)))));
    }

    @Test
    void aRestDayIsJudgedAgainstRestDaysAndUnknownDaysStayOut() {
        LocalDate sunday = LocalDate.of(2025, 3, 16);
        List<LocalDate> days = comparable.seriesDays(sunday, 28, LocalDate.of(2025, 2, 1));
        assertTrue(days.stream().allMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY));
        assertFalse(days.contains(LocalDate.of(2025, 3, 15)), "3·15 stays out of the baseline");
        assertFalse(days.contains(LocalDate.of(2025, 2, 8)), "a 调休 Saturday is a workday");
        assertEquals(LocalDate.of(2025, 2, 9), days.get(0), "春节 days (2-1, 2-2) and days before the first record stay out; 2-8 is a 调休 workday");
        assertEquals(sunday, days.get(days.size() - 1));
    }

    @Test
    void consecutiveDaysAreRsSeries() {
        ComparableDays consecutive = new ComparableDays(ComparableDays.Mode.CONSECUTIVE_DAYS, HolidayCalendar.china());
        List<LocalDate> days = consecutive.seriesDays(LocalDate.of(2025, 2, 6), 28, LocalDate.of(2025, 1, 20));
        assertEquals(LocalDate.of(2025, 1, 20), days.get(0));
        assertEquals(18, days.size());
    }
}
