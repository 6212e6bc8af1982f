package org.foodrisk.reference;

import org.foodrisk.reference.HolidayCalendar.DayType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HolidayCalendarTest {

    private final HolidayCalendar calendar = HolidayCalendar.china();

    @Test
    void holidaysAndWorkingWeekendDaysAsTheNoticesSetThem() {
        // 2025 春节: 1月28日至2月4日放假调休，1月26日（周日）、2月8日（周六）上班 (国办发明电〔2024〕12号).
        assertEquals(DayType.HOLIDAY, calendar.dayType(LocalDate.of(2025, 1, 28)));
        assertEquals(DayType.HOLIDAY, calendar.dayType(LocalDate.of(2025, 2, 4)));
        assertEquals("春节", calendar.holiday(LocalDate.of(2025, 2, 1)).orElseThrow());
        assertEquals(DayType.WORKDAY, calendar.dayType(LocalDate.of(2025, 1, 26)), "a Sunday made a working day");
        assertEquals(DayType.WORKDAY, calendar.dayType(LocalDate.of(2025, 2, 8)));
        assertEquals(DayType.REST_DAY, calendar.dayType(LocalDate.of(2025, 2, 9)));
        assertEquals(DayType.WORKDAY, calendar.dayType(LocalDate.of(2025, 2, 5)));
        // 2024 国庆 10月1日至7日, 9月29日、10月12日上班; 2026 春节 2月15日至23日, 2月14日、2月28日上班.
        assertEquals(DayType.HOLIDAY, calendar.dayType(LocalDate.of(2024, 10, 7)));
        assertEquals(DayType.WORKDAY, calendar.dayType(LocalDate.of(2024, 10, 12)));
        assertEquals(DayType.HOLIDAY, calendar.dayType(LocalDate.of(2026, 2, 23)));
        assertEquals(DayType.WORKDAY, calendar.dayType(LocalDate.of(2026, 2, 28)));
        assertEquals(DayType.HOLIDAY, calendar.dayType(LocalDate.of(2025, 10, 8)), "国庆+中秋 2025: 8 days");
    }

    @Test
    void consumerEventDaysAreNoHolidays() {
        assertEquals("3·15", calendar.consumerEvent(LocalDate.of(2025, 3, 15)).orElseThrow());
        assertEquals("618", calendar.consumerEvent(LocalDate.of(2026, 6, 18)).orElseThrow());
        assertEquals("双11", calendar.consumerEvent(LocalDate.of(2024, 11, 11)).orElseThrow());
        assertEquals(DayType.WORKDAY, calendar.dayType(LocalDate.of(2024, 11, 11)));
        assertTrue(calendar.consumerEvent(LocalDate.of(2025, 3, 16)).isEmpty());
    }

    @Test
    void theRunOfDaysOffBeforeTheReturn() {
        assertEquals(8, calendar.holidayRunEndingBefore(LocalDate.of(2025, 2, 5)), "春节 2025: 1-28 … 2-4");
        assertEquals(0, calendar.holidayRunEndingBefore(LocalDate.of(2025, 3, 10)), "a plain weekend is no holiday");
        assertEquals(9, calendar.holidayRunEndingBefore(LocalDate.of(2026, 2, 24)));
    }
}
