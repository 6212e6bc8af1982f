package org.foodrisk.backtest;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.Frequency;

/**
 * Reads the backtest input — CSV with header {@code date,unit,count}, one row per period and unit,
 * {@code date} the period's first day (ISO) — into one complete {@link CountSeries} per unit.
 * Periods a unit has no row for are zeros, over the whole span of the file (an export that leaves
 * out empty periods is the usual case), so every unit shares one calendar. Units keep the order in
 * which they first appear.
 *
 * <p>A count of {@code NA} says the period was not observed (R's NA): a unit that began reporting later
 * than the file (a district that joined the system, a new category) marks its earlier periods NA, and its
 * series then starts at its first observed period instead of counting the time before as zeros. An NA
 * after a unit's first observed period is refused, naming the unit and date: the methods judge consecutive observed
 * periods, and how R treats a gap differs by method (EARS carries the NA into its bounds, farringtonFlexible
 * drops it from the fit) — not reproduced here (issue 19).
 */
final class CountSeriesCsv {

    /** Marks an NA row while reading; never a count (counts are ≥ 0). */
    private static final long NOT_OBSERVED = -1;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private CountSeriesCsv() {
    }

    static List<CountSeries> read(Reader input, Frequency frequency) throws IOException {
        Map<String, Map<LocalDate, Long>> countsByUnit = new LinkedHashMap<>();
        Map<String, LocalDate> lastUnobserved = new LinkedHashMap<>();
        LocalDate first = null;
        LocalDate last = null;
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(input), FORMAT)) {
            requireColumns(parser);
            for (CSVRecord row : parser) {
                LocalDate date = date(row);
                String unit = row.get("unit");
                long count = isNotObserved(row) ? NOT_OBSERVED : count(row);
                if (countsByUnit.computeIfAbsent(unit, u -> new TreeMap<>()).putIfAbsent(date, count) != null) {
                    throw new IllegalArgumentException(where(row) + "a second row for " + unit + " on " + date);
                }
                if (count == NOT_OBSERVED) {
                    lastUnobserved.merge(unit, date, (a, b) -> a.isAfter(b) ? a : b);
                }
                first = first == null || date.isBefore(first) ? date : first;
                last = last == null || date.isAfter(last) ? date : last;
            }
        }
        if (first == null) {
            return List.of();
        }
        List<LocalDate> calendar = calendar(first, last, frequency, countsByUnit);
        List<CountSeries> series = new ArrayList<>();
        countsByUnit.forEach((unit, counts) -> {
            LocalDate unobservedUntil = lastUnobserved.get(unit);
            int start = unobservedUntil == null ? 0 : calendar.indexOf(unobservedUntil) + 1;
            List<LocalDate> dates = calendar.subList(start, calendar.size());
            long[] values = new long[dates.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = counts.getOrDefault(dates.get(i), 0L);
            }
            Map.Entry<LocalDate, Long> firstObserved = counts.entrySet().stream()
                    .filter(entry -> entry.getValue() != NOT_OBSERVED).findFirst().orElse(null);
            if (firstObserved != null && unobservedUntil != null && unobservedUntil.isAfter(firstObserved.getKey())) {
                throw new IllegalArgumentException("unit " + unit + ": NA on " + unobservedUntil + " after its first"
                        + " observed period " + firstObserved.getKey() + " — NA may only mark the periods before a unit"
                        + " began reporting");
            }
            series.add(new CountSeries(unit, frequency, dates, values));
        });
        return series;
    }

    private static boolean isNotObserved(CSVRecord row) {
        return "NA".equals(row.get("count"));
    }

    /** Every period from the first date to the last; a weekly file must keep to one 7-day grid. */
    private static List<LocalDate> calendar(LocalDate first, LocalDate last, Frequency frequency,
                                            Map<String, Map<LocalDate, Long>> countsByUnit) {
        int step = frequency == Frequency.WEEK ? 7 : 1;
        for (Map<LocalDate, Long> counts : countsByUnit.values()) {
            for (LocalDate date : counts.keySet()) {
                if (ChronoUnit.DAYS.between(first, date) % step != 0) {
                    throw new IllegalArgumentException("date " + date + " does not start a week counted from " + first
                            + " (weekly input needs every date 7 days apart; use --frequency day for daily counts)");
                }
            }
        }
        List<LocalDate> calendar = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(step)) {
            calendar.add(date);
        }
        return calendar;
    }

    private static void requireColumns(CSVParser parser) {
        for (String column : List.of("date", "unit", "count")) {
            if (!parser.getHeaderMap().containsKey(column)) {
                throw new IllegalArgumentException("input needs the header date,unit,count; found "
                        + parser.getHeaderNames());
            }
        }
    }

    private static LocalDate date(CSVRecord row) {
        try {
            return LocalDate.parse(row.get("date"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where(row) + "date '" + row.get("date") + "' is not YYYY-MM-DD");
        }
    }

    private static long count(CSVRecord row) {
        try {
            long count = Long.parseLong(row.get("count"));
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(where(row) + "count '" + row.get("count") + "' is not a whole number ≥ 0");
    }

    private static String where(CSVRecord row) {
        return "input line " + (row.getRecordNumber() + 1) + ": ";
    }

    /** Spreadsheet exports (Excel's "CSV UTF-8") start with a byte-order mark; the header must not. */
    private static Reader withoutByteOrderMark(Reader input) throws IOException {
        PushbackReader reader = new PushbackReader(input, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }
}
