package org.foodrisk.benchmark.evaluation;

import org.foodrisk.reference.HolidayCalendar;
import org.foodrisk.reference.HolidayCalendar.DayType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simulated weeks: {@code weeks} whole weeks from {@code start}, and what kind of week each is
 * for the alert burden. The first {@link #WARM_UP_WEEKS} are the service's cold start — the daily
 * count detectors judge nothing until they have baseline days — and are counted apart.
 */
record Period(LocalDate start, int weeks, ZoneId zone) {

    /** Four weeks: the count detectors' 28 days of history (comparable days only, so fewer of those). */
    static final int WARM_UP_WEEKS = 4;

    private static final HolidayCalendar CALENDAR = HolidayCalendar.china();

    enum WeekClass {
        WARM_UP("warm-up (first " + WARM_UP_WEEKS + " weeks)"),
        HOLIDAY("containing a 法定节假日"),
        AFTER_HOLIDAY("the week after one"),
        ORDINARY("ordinary");

        final String label;

        WeekClass(String label) {
            this.label = label;
        }
    }

    /** A run of 法定节假日 days, and the 7 days after it (the return to normal). */
    record Holiday(String name, LocalDate first, LocalDate last) {
        LocalDate returnFrom() {
            return last.plusDays(1);
        }

        boolean inReturnWeek(LocalDate day) {
            return !day.isBefore(returnFrom()) && day.isBefore(returnFrom().plusDays(7));
        }

        int days() {
            return (int) (last.toEpochDay() - first.toEpochDay() + 1);
        }
    }

    LocalDate end() {
        return start.plusWeeks(weeks);
    }

    int days() {
        return weeks * 7;
    }

    Instant startInstant() {
        return start.atStartOfDay(zone).toInstant();
    }

    /** The week (0-based) a day falls in, clamped to the period: reports of its last days arrive after it. */
    int weekOf(LocalDate day) {
        long index = Math.floorDiv(day.toEpochDay() - start.toEpochDay(), 7);
        return (int) Math.max(0, Math.min(weeks - 1, index));
    }

    int weekOf(Instant instant) {
        return weekOf(instant.atZone(zone).toLocalDate());
    }

    WeekClass classOf(int week) {
        if (week < WARM_UP_WEEKS) {
            return WeekClass.WARM_UP;
        }
        if (containsHoliday(week)) {
            return WeekClass.HOLIDAY;
        }
        return week > 0 && containsHoliday(week - 1) ? WeekClass.AFTER_HOLIDAY : WeekClass.ORDINARY;
    }

    int weeksOf(WeekClass weekClass) {
        int n = 0;
        for (int w = 0; w < weeks; w++) {
            n += classOf(w) == weekClass ? 1 : 0;
        }
        return n;
    }

    private boolean containsHoliday(int week) {
        LocalDate monday = start.plusWeeks(week);
        for (int d = 0; d < 7; d++) {
            if (CALENDAR.dayType(monday.plusDays(d)) == DayType.HOLIDAY) {
                return true;
            }
        }
        return false;
    }

    /** The 法定节假日 runs inside the period whose return week lies inside it too. */
    List<Holiday> holidays() {
        List<Holiday> out = new ArrayList<>();
        LocalDate day = start;
        while (day.isBefore(end())) {
            Optional<String> name = CALENDAR.holiday(day);
            if (name.isEmpty()) {
                day = day.plusDays(1);
                continue;
            }
            LocalDate first = day;
            while (CALENDAR.holiday(day.plusDays(1)).isPresent()) {
                day = day.plusDays(1);
            }
            Holiday holiday = new Holiday(name.get(), first, day);
            if (!holiday.returnFrom().plusDays(7).isAfter(end())) {
                out.add(holiday);
            }
            day = day.plusDays(1);
        }
        return out;
    }

    boolean isHolidayOrReturnDay(LocalDate day) {
        if (CALENDAR.dayType(day) == DayType.HOLIDAY) {
            return true;
        }
        return holidays().stream().anyMatch(h -> h.inReturnWeek(day));
    }

    static boolean isWorkday(LocalDate day) {
        return CALENDAR.dayType(day) == DayType.WORKDAY;
    }
}
