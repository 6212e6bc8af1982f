package org.foodrisk.detect;

import org.foodrisk.reference.HolidayCalendar;
import org.foodrisk.reference.HolidayCalendar.DayType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Which past days a day's count is judged against. Food-safety counts follow people's week: clinics,
 * the 12315 hotline and the labs see fewer reports on rest days, and 春节 or 国庆 empty a district for a
 * week. EARS C1/C2/C3 as published take the {@code baseline} consecutive days before the judged one
 * (Hutwagner et al. 2003); on such data a Monday is judged against a weekend and the first days after
 * 春节 against the holiday's dip, and they alarm.
 *
 * <p>{@link Mode#COMPARABLE_DAYS} is a stratified baseline: a day is judged against the most recent
 * earlier days of its own day type — workdays (Monday–Friday and 调休 working weekend days) against
 * workdays, rest days and holidays against rest days — leaving out of every baseline the 法定节假日
 * themselves, the first {@value #RETURN_DAYS} workdays after a run of at least {@value #LONG_HOLIDAY}
 * non-working days that holds a holiday (the return after 春节, 劳动节, 国庆), and the consumer-event
 * days 3·15, 618 and 双11. This is the day-of-week handling of ESSENCE's W2, EARS C2 with the baseline
 * stratified into weekdays and weekend days (Xing J, Burkom H, Tokars J. Method selection and adaptation
 * for distributed monitoring of infectious diseases for syndromic surveillance. J Biomed Inform
 * 2011;44(6):1093-1101), extended with China's holiday calendar ({@link HolidayCalendar}): 调休 days
 * count as what people do on them, holidays and the return after them stay out of every baseline
 * (a stratified baseline). The method
 * (EARS C2 by default) is then applied unchanged to the series of comparable days with the judged day
 * last, so its guard band and baseline count comparable days instead of calendar days.
 *
 * <p>{@link Mode#CONSECUTIVE_DAYS} is R {@code surveillance}'s own (and the backtest CLI's) series of
 * consecutive calendar days.
 */
public final class ComparableDays {

    /** Workdays after a long holiday whose counts are not yet normal (travel, reopening canteens). */
    public static final int RETURN_DAYS = 3;
    /** Non-working days in a row, one of them a 法定节假日, that make a long holiday. */
    public static final int LONG_HOLIDAY = 5;
    /** How many calendar days back comparable days are looked for, per day of history wanted. */
    private static final int LOOKBACK_FACTOR = 4;

    /** How the history of a judged day is chosen. */
    public enum Mode {
        COMPARABLE_DAYS("comparable-days"),
        CONSECUTIVE_DAYS("consecutive-days");

        private final String settingName;

        Mode(String settingName) {
            this.settingName = settingName;
        }

        public String settingName() {
            return settingName;
        }

        /** "comparable-days" or "consecutive-days", as foodrisk.detect.count-baseline writes it. */
        public static Mode of(String settingName) {
            for (Mode mode : values()) {
                if (mode.settingName.equals(settingName.strip().toLowerCase(Locale.ROOT))) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("foodrisk.detect.count-baseline must be comparable-days or consecutive-days, not '"
                    + settingName + "'");
        }
    }

    private final Mode mode;
    private final HolidayCalendar calendar;

    public ComparableDays(Mode mode, HolidayCalendar calendar) {
        this.mode = mode;
        this.calendar = calendar;
    }

    public Mode mode() {
        return mode;
    }

    /** How many calendar days before a judged day its series may reach back ({@link #seriesDays}). */
    public int lookbackDays(int historyDays) {
        return mode == Mode.CONSECUTIVE_DAYS ? historyDays : historyDays * LOOKBACK_FACTOR;
    }

    /**
     * The days of the series that judges {@code day}, oldest first, {@code day} last: at most
     * {@code historyDays} earlier days, none before {@code observedFrom} (days before a task's first
     * record are unknown, not zero).
     */
    public List<LocalDate> seriesDays(LocalDate day, int historyDays, LocalDate observedFrom) {
        List<LocalDate> days = new ArrayList<>();
        if (mode == Mode.CONSECUTIVE_DAYS) {
            LocalDate first = day.minusDays(historyDays);
            if (observedFrom != null && first.isBefore(observedFrom)) {
                first = observedFrom;
            }
            for (LocalDate d = first; !d.isAfter(day); d = d.plusDays(1)) {
                days.add(d);
            }
            return days;
        }
        days.add(day);
        LocalDate earliest = day.minusDays((long) historyDays * LOOKBACK_FACTOR);
        if (observedFrom != null && earliest.isBefore(observedFrom)) {
            earliest = observedFrom;
        }
        boolean workday = calendar.dayType(day) == DayType.WORKDAY;
        for (LocalDate d = day.minusDays(1); !d.isBefore(earliest) && days.size() <= historyDays; d = d.minusDays(1)) {
            if ((calendar.dayType(d) == DayType.WORKDAY) == workday && normal(d)) {
                days.add(d);
            }
        }
        Collections.reverse(days);
        return days;
    }

    /** A day fit for a baseline: no holiday, no consumer-event day, not among the first days back after a long holiday. */
    public boolean normal(LocalDate d) {
        return calendar.dayType(d) != DayType.HOLIDAY && calendar.consumerEvent(d).isEmpty() && !returnDay(d);
    }

    /** One of the first {@link #RETURN_DAYS} workdays after a long holiday. */
    boolean returnDay(LocalDate d) {
        if (calendar.dayType(d) != DayType.WORKDAY) {
            return false;
        }
        LocalDate p = d;
        for (int i = 0; i < RETURN_DAYS; i++) {
            if (calendar.holidayRunEndingBefore(p) >= LONG_HOLIDAY) {
                return true;
            }
            p = p.minusDays(1);
            if (calendar.dayType(p) != DayType.WORKDAY) {
                return false;
            }
        }
        return false;
    }
}
