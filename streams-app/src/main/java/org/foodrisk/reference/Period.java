package org.foodrisk.reference;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.DateTimeException;

/**
 * A 会商 period: an ISO week ("2024-W19", Monday to Sunday) or a month ("2024-05"), as days in
 * the service's zone. {@code previous()} is the period a summary compares itself with.
 */
public record Period(String id, LocalDate first, LocalDate last, String label) {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    /** Years a requested summary can be about; outside, its comparisons reach year 0 or past the calendar (issue 14). */
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2999;

    /** @throws IllegalArgumentException with a reason for a person, for any id that names no period */
    public static Period parse(String id) {
        if (id == null) {
            throw new IllegalArgumentException("period must be like 2024-W19 or 2024-05");
        }
        Matcher week = WEEK.matcher(id);
        if (week.matches()) {
            int year = Integer.parseInt(week.group(1));
            int number = Integer.parseInt(week.group(2));
            // Checked before the date arithmetic, which throws a DateTimeException (a 500) for week 60.
            if (number < 1 || number > 53) {
                throw new IllegalArgumentException("no week " + id + " (weeks are 01 to 52 or 53)");
            }
            LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (number < 1 || number > monday.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                throw new IllegalArgumentException("no week " + id);
            }
            return new Period(id, monday, monday.plusDays(6), year + "年第" + number + "周");
        }
        Matcher month = MONTH.matcher(id);
        if (month.matches()) {
            try {
                YearMonth yearMonth = YearMonth.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)));
                return new Period(id, yearMonth.atDay(1), yearMonth.atEndOfMonth(),
                        yearMonth.getYear() + "年" + yearMonth.getMonthValue() + "月");
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("no month " + id);
            }
        }
        throw new IllegalArgumentException("period must be like 2024-W19 or 2024-05");
    }

    /**
     * A period a user asked for (the summaries API): as {@link #parse}, and of a year from
     * {@value #FIRST_YEAR} to {@value #LAST_YEAR}. Event data is not held to that, only requests.
     */
    public static Period parseRequested(String id) {
        Period period = parse(id);
        if (period.first().getYear() < FIRST_YEAR || period.last().getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("no period " + id + ": the year must be from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return period;
    }

    /** The ISO week that contains {@code day}. */
    public static Period weekOf(LocalDate day) {
        return parse(String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }

    /** The month that contains {@code day}. */
    public static Period monthOf(LocalDate day) {
        return parse(String.format("%d-%02d", day.getYear(), day.getMonthValue()));
    }

    /** The period of the same kind that follows this one. */
    public Period next() {
        return isWeek() ? weekOf(last.plusDays(1)) : monthOf(last.plusDays(1));
    }

    public boolean isWeek() {
        return id.contains("-W");
    }

    public Period previous() {
        return isWeek() ? weekOf(first.minusDays(1)) : monthOf(first.minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    static boolean valid(String id) {
        try {
            parse(id);
            return true;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }
}
