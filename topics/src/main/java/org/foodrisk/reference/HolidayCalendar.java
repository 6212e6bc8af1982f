package org.foodrisk.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * China's working calendar: 法定节假日 (the whole 放假调休 span), the weekend days made working days
 * (调休上班), and the consumer-event days 3·15, 618 and 双11, as shared data in
 * {@code foodrisk/holidays-cn.csv} — which cites the 国务院办公厅 notices on 部分节假日安排 for 2024
 * (国办发明电〔2023〕7号), 2025 (国办发明电〔2024〕12号) and 2026 (2025-11-04). Years not in the file are
 * plain Monday–Friday weeks: add a year's rows when its notice comes out (each November).
 */
public final class HolidayCalendar {

    /** What kind of day a date is for people's routines (and so for the counts they generate). */
    public enum DayType {
        /** Monday–Friday that is no holiday, or a weekend day made a working day (调休上班). */
        WORKDAY,
        /** Saturday or Sunday that is no holiday and no 调休 working day. */
        REST_DAY,
        /** A day of a 法定节假日 span. */
        HOLIDAY
    }

    private static final String RESOURCE = "/foodrisk/holidays-cn.csv";
    private static final HolidayCalendar CHINA = load();

    private final Map<LocalDate, String> holidays;
    private final Map<LocalDate, String> workingWeekendDays;
    private final Map<LocalDate, String> consumerEvents;

    HolidayCalendar(Map<LocalDate, String> holidays, Map<LocalDate, String> workingWeekendDays,
                    Map<LocalDate, String> consumerEvents) {
        this.holidays = Map.copyOf(holidays);
        this.workingWeekendDays = Map.copyOf(workingWeekendDays);
        this.consumerEvents = Map.copyOf(consumerEvents);
    }

    /** The calendar of the bundled file. */
    public static HolidayCalendar china() {
        return CHINA;
    }

    public DayType dayType(LocalDate day) {
        if (holidays.containsKey(day)) {
            return DayType.HOLIDAY;
        }
        if (workingWeekendDays.containsKey(day)) {
            return DayType.WORKDAY;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? DayType.REST_DAY : DayType.WORKDAY;
    }

    /** The holiday's name (春节, 国庆节 …) when {@code day} is a 法定节假日. */
    public Optional<String> holiday(LocalDate day) {
        return Optional.ofNullable(holidays.get(day));
    }

    /** 3·15, 618 or 双11 when {@code day} is one of them. */
    public Optional<String> consumerEvent(LocalDate day) {
        return Optional.ofNullable(consumerEvents.get(day));
    }

    public boolean isWorkingWeekendDay(LocalDate day) {
        return workingWeekendDays.containsKey(day);
    }

    /**
     * The length of the run of consecutive non-working days (rest days and holidays) that ends on the
     * day before {@code day}, when that run contains a 法定节假日; 0 otherwise. A 春节 of 8 days gives 8
     * on the day people return to work.
     */
    public int holidayRunEndingBefore(LocalDate day) {
        int length = 0;
        boolean holiday = false;
        for (LocalDate d = day.minusDays(1); dayType(d) != DayType.WORKDAY && length < 31; d = d.minusDays(1)) {
            length++;
            holiday |= dayType(d) == DayType.HOLIDAY;
        }
        return holiday ? length : 0;
    }

    private static HolidayCalendar load() {
        Map<LocalDate, String> holidays = new HashMap<>();
        Map<LocalDate, String> working = new HashMap<>();
        Map<LocalDate, String> events = new HashMap<>();
        try (InputStream in = Objects.requireNonNull(HolidayCalendar.class.getResourceAsStream(RESOURCE), RESOURCE);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != 4) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": expected first,last,type,name");
                }
                LocalDate first = LocalDate.parse(fields[0].strip());
                LocalDate last = LocalDate.parse(fields[1].strip());
                Map<LocalDate, String> into = switch (fields[2].strip()) {
                    case "法定节假日" -> holidays;
                    case "调休上班" -> working;
                    case "消费节点" -> events;
                    default -> throw new IllegalStateException(RESOURCE + " line " + number + ": unknown type " + fields[2]);
                };
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    into.put(d, fields[3].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HolidayCalendar(holidays, working, events);
    }
}
