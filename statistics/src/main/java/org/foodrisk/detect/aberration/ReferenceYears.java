package org.foodrisk.detect.aberration;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * How a Farrington model finds "the same period" of each earlier year: R's {@code epochAsDate} switch.
 *
 * <p>R's {@code sts} objects with dates ({@code epochAsDate = TRUE}, what {@code sts(..., epoch = dates)}
 * makes) step back calendar years from the judged period's date and, for weekly data, move to the nearest
 * date of the same weekday ({@code surveillance:::refvalIdxByDate} for {@code algo.farrington},
 * {@code algo.farrington.referencetimepoints} for {@code farringtonFlexible}): one year back is 52 weeks,
 * but five years back is usually 261 weeks, and the windows shift by a week after a 53-week ISO year.
 * Without dates R counts {@code freq} periods a year (52 weeks, 365 days). Our series always have dates,
 * so {@link #CALENDAR} is the default, as in R for dated data; {@link #PERIODS} is R's undated mode.
 */
public enum ReferenceYears {
    /** R with dates: calendar years back, weekly periods moved to the nearest same weekday. */
    CALENDAR,
    /** R without dates: {@code periodsPerYear} periods a year. */
    PERIODS;

    /** The option value of R's {@code epochAsDate}: true for {@link #CALENDAR}. */
    public static ReferenceYears ofEpochAsDate(boolean epochAsDate) {
        return epochAsDate ? CALENDAR : PERIODS;
    }

    public boolean epochAsDate() {
        return this == CALENDAR;
    }

    /**
     * The index of the centre of the reference window {@code year} years before period {@code t}, negative
     * when it lies before the series. Periods are consecutive ({@link CountSeries}), so a date is an index.
     */
    int centre(List<LocalDate> dates, Frequency frequency, int t, int year) {
        if (this == PERIODS) {
            return t - frequency.periodsPerYear() * year;
        }
        LocalDate current = dates.get(t);
        LocalDate back = calendarYearsBack(current, year);
        if (frequency == Frequency.WEEK) {
            int forward = Math.floorMod(current.getDayOfWeek().getValue() - back.getDayOfWeek().getValue(), 7);
            int backward = Math.floorMod(back.getDayOfWeek().getValue() - current.getDayOfWeek().getValue(), 7);
            back = forward < backward ? back.plusDays(forward) : back.minusDays(backward);
            return t - (int) (ChronoUnit.DAYS.between(back, current) / 7);
        }
        return t - (int) ChronoUnit.DAYS.between(back, current);
    }

    /** Periods of history a point can need before it: {@code b} years (at their longest) and {@code w} periods. */
    int maximumHistory(Frequency frequency, int years, int halfWindow) {
        if (this == PERIODS) {
            return FarringtonBaseline.requiredHistory(frequency.periodsPerYear(), years, halfWindow);
        }
        int days = 366 * years;
        return halfWindow + (frequency == Frequency.WEEK ? (days + 3 + 6) / 7 : days);
    }

    /** Whether every reference window of period {@code t} lies inside the series. */
    boolean hasHistory(List<LocalDate> dates, Frequency frequency, int t, int years, int halfWindow) {
        return centre(dates, frequency, t, years) - halfWindow >= 0;
    }

    /**
     * {@code years} calendar years before {@code date} as R's {@code seq(date, by = "-1 year")}: the same month
     * and day of the month, and 29 February in a year without it rolls over to 1 March (POSIXlt normalisation),
     * where {@link LocalDate#minusYears} would give 28 February.
     */
    static LocalDate calendarYearsBack(LocalDate date, int years) {
        int year = date.getYear() - years;
        if (date.getMonth() == Month.FEBRUARY && date.getDayOfMonth() == 29 && !Year.isLeap(year)) {
            return LocalDate.of(year, Month.MARCH, 1);
        }
        return date.withYear(year);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
