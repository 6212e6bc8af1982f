package org.foodrisk.detect.aberration;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "The same period" of earlier years as R finds it (surveillance 1.26.0: {@code refvalIdxByDate},
 * {@code algo.farrington.referencetimepoints}); the whole methods are compared with R on dated series in
 * {@link FarringtonAgreementWithRTest}.
 */
class ReferenceYearsTest {

    private static List<LocalDate> weeksFrom(LocalDate first, int weeks) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            dates.add(first.plusWeeks(i));
        }
        return dates;
    }

    private static List<LocalDate> daysFrom(LocalDate first, int days) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            dates.add(first.plusDays(i));
        }
        return dates;
    }

    @Test
    void weeklyCalendarYearsMoveToTheNearestSameWeekday() {
        List<LocalDate> mondays = weeksFrom(LocalDate.of(2016, 1, 4), 400);
        int t = mondays.indexOf(LocalDate.of(2022, 1, 24));
        // 2021-01-24 is a Sunday: the nearest Monday is the next day, 52 weeks back
        assertEquals(t - 52, ReferenceYears.CALENDAR.centre(mondays, Frequency.WEEK, t, 1));
        // 2019-01-24 is a Thursday: the nearest Monday is three days earlier, 157 weeks back (not 156)
        assertEquals(mondays.indexOf(LocalDate.of(2019, 1, 21)),
                ReferenceYears.CALENDAR.centre(mondays, Frequency.WEEK, t, 3));
        assertEquals(t - 157, ReferenceYears.CALENDAR.centre(mondays, Frequency.WEEK, t, 3));
        // 2017-01-24 is a Tuesday: Monday 2017-01-23, 261 weeks back
        assertEquals(t - 261, ReferenceYears.CALENDAR.centre(mondays, Frequency.WEEK, t, 5));
        for (int year = 1; year <= 5; year++) {
            assertEquals(t - 52 * year, ReferenceYears.PERIODS.centre(mondays, Frequency.WEEK, t, year));
        }
    }

    @Test
    void dailyCalendarYearsCountTheLeapDay() {
        List<LocalDate> days = daysFrom(LocalDate.of(2019, 1, 1), 2000);
        int t = days.indexOf(LocalDate.of(2024, 3, 10));
        assertEquals(t - 366, ReferenceYears.CALENDAR.centre(days, Frequency.DAY, t, 1));
        assertEquals(t - 365, ReferenceYears.PERIODS.centre(days, Frequency.DAY, t, 1));
    }

    @Test
    void the29thOfFebruaryGoesBackToThe1stOfMarchAsRsSeqDoes() {
        assertEquals(LocalDate.of(2023, 3, 1), ReferenceYears.calendarYearsBack(LocalDate.of(2024, 2, 29), 1));
        assertEquals(LocalDate.of(2020, 2, 29), ReferenceYears.calendarYearsBack(LocalDate.of(2024, 2, 29), 4));
        assertEquals(LocalDate.of(2023, 2, 28), ReferenceYears.calendarYearsBack(LocalDate.of(2024, 2, 28), 1));
    }

    @Test
    void historyIsEnoughWhenTheEarliestWindowIsInTheSeries() {
        List<LocalDate> mondays = weeksFrom(LocalDate.of(2015, 1, 5), 300);
        assertFalse(ReferenceYears.CALENDAR.hasHistory(mondays, Frequency.WEEK, 263, 5, 3));
        assertTrue(ReferenceYears.CALENDAR.hasHistory(mondays, Frequency.WEEK, 264, 5, 3));
        assertTrue(ReferenceYears.PERIODS.hasHistory(mondays, Frequency.WEEK, 263, 5, 3));
        assertTrue(ReferenceYears.CALENDAR.maximumHistory(Frequency.WEEK, 5, 3) >= 264);
    }
}
