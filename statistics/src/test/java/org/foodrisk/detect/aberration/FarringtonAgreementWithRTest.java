package org.foodrisk.detect.aberration;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Our Farrington methods against R's {@code surveillance} 1.20.3 on the fixtures of
 * {@code src/test/r/make-farrington-fixtures.R}: three simulated weekly series (Noufaily et al.
 * 2013 style, with outbreaks), the package's {@code salmNewport} summed over Germany, and one
 * simulated daily series; R's defaults for {@code farrington} and {@code farringtonFlexible},
 * Noufaily et al.'s recommended configuration, and eight other settings through
 * {@code fromOptions} — all on R's undated {@code sts}; and the three configurations again on the same series
 * with their dates ({@code make-farrington-dated-fixtures.R}), where R steps back calendar years (the
 * weekly series span the 53-week ISO years 2004, 2009, 2015 and 2020).
 *
 * <p>Tolerances. Alarms and observed counts must match exactly, and so must NA-ness (NaN here).
 * Expected values and thresholds: relative 1e-6. Scores and p-values: {@code 1e-6 |R| + 1e-12}.
 * Why 1e-6 when we see ~1e-14: our IRLS repeats glm.fit's iterations and stopping rule, and the
 * dispersions, hat values and standard errors are taken from the same iteration R takes them
 * from, so only rounding separates us (a different QR operation order, libm's pow/exp); 1e-6 keeps
 * a margin for a fixture regenerated on another platform, where a convergence test that lands
 * exactly on R's 1e-8 boundary could cost one IRLS iteration (relative effect up to ~1e-8), while
 * any real deviation from R's formulas (a dispersion, a standard error, a window) shows up at
 * 1e-3 or more. The absolute floor 1e-12 covers two places where R's figure has only absolute
 * precision: {@code algo.farrington}'s p-value is {@code 1 - pnorm(...)} (R reports 0 where the
 * tail is 1e-28; we compute the tail directly), and a score whose numerator {@code y - mu0}
 * nearly cancels.
 */
class FarringtonAgreementWithRTest {

    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE_FLOOR = 1e-12;

    private static final Map<String, CountSeries> INPUT = FarringtonFixtures.inputSeries();

    /** The fixtures of make-farrington-fixtures.R are R's undated sts: periods counted, 52 weeks a year. */
    private static final Map<String, String> UNDATED = Map.of("epoch-as-date", "false");

    @TestFactory
    Stream<DynamicTest> farringtonWithRDefaults() {
        return agreement("farrington.csv", frequency -> Farrington.fromOptions(UNDATED, frequency));
    }

    @TestFactory
    Stream<DynamicTest> farringtonFlexibleWithRDefaults() {
        return agreement("farrington-flexible.csv", frequency -> FarringtonFlexible.fromOptions(UNDATED, frequency));
    }

    @TestFactory
    Stream<DynamicTest> farringtonFlexibleWithNoufailyConfiguration() {
        return agreement("farrington-flexible-noufaily.csv", frequency -> new FarringtonFlexible(
                FarringtonFlexible.Parameters.noufaily2013(), frequency, ReferenceYears.PERIODS));
    }

    /**
     * make-farrington-dated-fixtures.R: the same series as R's dated sts (issue 19), which step back calendar
     * years to the nearest same weekday — our default, so no option is given.
     */
    @TestFactory
    Stream<DynamicTest> farringtonOnDatedSeries() {
        return agreement("farrington-dated.csv", frequency -> Farrington.fromOptions(Map.of(), frequency));
    }

    @TestFactory
    Stream<DynamicTest> farringtonFlexibleOnDatedSeries() {
        return agreement("farrington-flexible-dated.csv",
                frequency -> FarringtonFlexible.fromOptions(Map.of(), frequency));
    }

    @TestFactory
    Stream<DynamicTest> farringtonFlexibleWithNoufailyConfigurationOnDatedSeries() {
        return agreement("farrington-flexible-noufaily-dated.csv",
                frequency -> new FarringtonFlexible(FarringtonFlexible.Parameters.noufaily2013(), frequency));
    }

    @TestFactory
    Stream<DynamicTest> otherSettingsThroughOptions() {
        List<DynamicTest> tests = new ArrayList<>();
        variants().forEach((key, rows) -> {
            String[] methodAndOptions = key.split("\\|", 2);
            Map<String, String> options = parseOptions(methodAndOptions[1]);
            options.putAll(UNDATED);
            Function<Frequency, AberrationMethod> method = frequency -> switch (methodAndOptions[0]) {
                case Farrington.NAME -> Farrington.fromOptions(options, frequency);
                case FarringtonFlexible.NAME -> FarringtonFlexible.fromOptions(options, frequency);
                default -> throw new IllegalStateException(methodAndOptions[0]);
            };
            Map<String, List<FarringtonFixtures.Expected>> byUnit = new LinkedHashMap<>();
            rows.forEach(row -> byUnit.computeIfAbsent(row.unit(), unit -> new ArrayList<>()).add(row));
            byUnit.forEach((unit, unitRows) -> tests.add(DynamicTest.dynamicTest(key + " " + unit,
                    () -> assertAgrees(method, unit, unitRows))));
        });
        return tests.stream();
    }

    private Stream<DynamicTest> agreement(String file, Function<Frequency, AberrationMethod> method) {
        return FarringtonFixtures.expected(file).entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(file + " " + entry.getKey(),
                        () -> assertAgrees(method, entry.getKey(), entry.getValue())));
    }

    private static void assertAgrees(Function<Frequency, AberrationMethod> methodFor, String unit,
                                     List<FarringtonFixtures.Expected> rows) {
        CountSeries series = INPUT.get(unit);
        int from = series.dates().indexOf(rows.get(0).date());
        assertTrue(from >= 0, "first judged date in the input");
        List<DetectionPoint> points = methodFor.apply(series.frequency()).detect(series, from);
        assertEquals(series.size() - from, points.size());
        assertEquals(rows.size(), points.size(), "R judged the same periods");
        for (int i = 0; i < rows.size(); i++) {
            FarringtonFixtures.Expected r = rows.get(i);
            DetectionPoint ours = points.get(i);
            String where = unit + " " + r.date();
            assertEquals(r.date(), ours.date(), where);
            assertEquals(PointStatus.EVALUATED, ours.status(), where);
            assertEquals(r.observed(), ours.observed(), where);
            assertEquals(r.alarm(), ours.alarm(), where + " alarm");
            assertRelative(r.expected(), ours.expected(), where + " expected");
            assertRelative(r.threshold(), ours.threshold(), where + " threshold");
            assertWithFloor(r.statistic(), ours.statistic(), where + " statistic");
            assertWithFloor(r.pValue(), ours.pValue(), where + " p-value");
        }
    }

    private static void assertRelative(double r, double ours, String what) {
        if (Double.isNaN(r) || Double.isNaN(ours)) {
            assertEquals(Double.isNaN(r), Double.isNaN(ours), what + ": R " + r + ", ours " + ours);
            return;
        }
        assertEquals(r, ours, RELATIVE * Math.abs(r), what);
    }

    private static void assertWithFloor(double r, double ours, String what) {
        if (Double.isNaN(r) || Double.isNaN(ours)) {
            assertEquals(Double.isNaN(r), Double.isNaN(ours), what + ": R " + r + ", ours " + ours);
            return;
        }
        assertEquals(r, ours, RELATIVE * Math.abs(r) + ABSOLUTE_FLOOR, what);
    }

    /** farrington-variants.csv rows grouped by "method|options", in file order. */
    private static Map<String, List<FarringtonFixtures.Expected>> variants() {
        Map<String, List<FarringtonFixtures.Expected>> byVariant = new LinkedHashMap<>();
        try (var in = FarringtonAgreementWithRTest.class.getResourceAsStream(
                FarringtonFixtures.DIRECTORY + "farrington-variants.csv")) {
            if (in == null) {
                fail("farrington-variants.csv missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",", -1);
                FarringtonFixtures.Expected row = new FarringtonFixtures.Expected(LocalDate.parse(f[2]), f[3],
                        Long.parseLong(f[4]), number(f[5]), number(f[6]), "1".equals(f[7]), number(f[8]),
                        number(f[9]));
                byVariant.computeIfAbsent(f[0] + "|" + f[1], key -> new ArrayList<>()).add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byVariant;
    }

    private static Map<String, String> parseOptions(String text) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            String[] nameValue = pair.split("=", 2);
            options.put(nameValue[0], nameValue[1]);
        }
        return options;
    }

    private static double number(String text) {
        return "NA".equals(text) ? Double.NaN : Double.parseDouble(text);
    }
}
