package org.foodrisk.detect.aberration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fixtures made by {@code src/test/r/make-farrington-fixtures.R} from
 * {@code fixtures/surveillance/}: the input series ({@code date,unit,count}) and R's results
 * ({@code date,unit,observed,expected,threshold,alarm,statistic,pvalue}, "NA" for R's NA).
 */
final class FarringtonFixtures {

    static final String DIRECTORY = "/fixtures/surveillance/";

    /** One row of R's output. */
    record Expected(LocalDate date, String unit, long observed, double expected, double threshold, boolean alarm,
                    double statistic, double pValue) {
    }

    private FarringtonFixtures() {
    }

    /** Every input series, by unit, in file order; daily when consecutive dates are one day apart. */
    static Map<String, CountSeries> inputSeries() {
        Map<String, List<LocalDate>> dates = new LinkedHashMap<>();
        Map<String, List<Long>> counts = new LinkedHashMap<>();
        for (String[] row : rows("farrington-input.csv")) {
            dates.computeIfAbsent(row[1], unit -> new ArrayList<>()).add(LocalDate.parse(row[0]));
            counts.computeIfAbsent(row[1], unit -> new ArrayList<>()).add(Long.parseLong(row[2]));
        }
        Map<String, CountSeries> series = new LinkedHashMap<>();
        dates.forEach((unit, unitDates) -> {
            long step = ChronoUnit.DAYS.between(unitDates.get(0), unitDates.get(1));
            Frequency frequency = step == 1 ? Frequency.DAY : Frequency.WEEK;
            long[] values = counts.get(unit).stream().mapToLong(Long::longValue).toArray();
            series.put(unit, new CountSeries(unit, frequency, unitDates, values));
        });
        return series;
    }

    /** R's results in {@code file}, by unit, in file order. */
    static Map<String, List<Expected>> expected(String file) {
        Map<String, List<Expected>> byUnit = new LinkedHashMap<>();
        for (String[] row : rows(file)) {
            Expected expected = new Expected(LocalDate.parse(row[0]), row[1], Long.parseLong(row[2]), number(row[3]),
                    number(row[4]), "1".equals(row[5]), number(row[6]), number(row[7]));
            byUnit.computeIfAbsent(row[1], unit -> new ArrayList<>()).add(expected);
        }
        return byUnit;
    }

    private static double number(String text) {
        return "NA".equals(text) ? Double.NaN : Double.parseDouble(text);
    }

    private static List<String[]> rows(String file) {
        try (InputStream in = FarringtonFixtures.class.getResourceAsStream(DIRECTORY + file)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing: " + DIRECTORY + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
