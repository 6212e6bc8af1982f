package org.foodrisk.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import org.foodrisk.detect.aberration.SurveillanceFixtures;
import org.foodrisk.detect.aberration.SurveillanceFixtures.RRow;
import org.foodrisk.detect.aberration.SurveillanceFixtures.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import java.time.LocalDate;
import org.foodrisk.reference.HolidayCalendar;

/**
 * The backtest CLI reproduces R surveillance's thresholds and alarms on every EARS and CUSUM
 * fixture: the input CSV goes in, the output CSV must equal R's rows (same periods and units,
 * thresholds within {@link SurveillanceFixtures#RELATIVE_TOLERANCE}, alarms identical; R's NA
 * alarm is written as 0 and an NA threshold as NA).
 */
class BacktestCommandTest {

    @TempDir
    Path directory;

    private final StringWriter err = new StringWriter();

    static Stream<Run> runs() {
        return SurveillanceFixtures.runs().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void reproducesRsFixture(Run run) throws IOException {
        List<String> args = new ArrayList<>(List.of("--method", run.method(),
                "--input", SurveillanceFixtures.path(run.input()).toString(),
                "--output", directory.resolve("out.csv").toString(),
                "--frequency", run.frequency().name().toLowerCase()));
        if (run.rangeStart() != null) {
            args.addAll(List.of("--range-start", run.rangeStart().toString()));
        }
        run.options().forEach((name, value) -> args.addAll(List.of("--" + name, value)));

        assertEquals(0, execute(args.toArray(String[]::new)), err::toString);

        List<String> lines = Files.readAllLines(directory.resolve("out.csv"), StandardCharsets.UTF_8);
        assertEquals("date,unit,observed,expected,threshold,alarm", lines.get(0));
        List<RRow> expected = SurveillanceFixtures.results(run);
        assertEquals(expected.size(), lines.size() - 1, "rows: every judged period of every unit, nothing else");
        for (int i = 0; i < expected.size(); i++) {
            RRow r = expected.get(i);
            String[] ours = lines.get(i + 1).split(",", -1);
            String where = "line " + (i + 2) + ": " + lines.get(i + 1);
            assertEquals(r.date().toString(), ours[0], where);
            assertEquals(r.unit(), ours[1], where);
            assertEquals(r.observed(), Long.parseLong(ours[2]), where);
            assertTrue(SurveillanceFixtures.agrees(r.expected(), SurveillanceFixtures.number(ours[3])), where);
            assertTrue(SurveillanceFixtures.agrees(r.threshold(), SurveillanceFixtures.number(ours[4])),
                    () -> where + " vs R threshold " + r.threshold());
            assertEquals(r.alarm() != null && r.alarm() ? "1" : "0", ours[5], () -> where + " vs R alarm " + r.alarm());
        }
    }

    /**
     * Issue 19: the Farrington family finds earlier years as R does for dated series unless told otherwise — the
     * CLI's alarms for the weekly 2022–2023 series equal R's on the dated sts by default, and R's on the undated
     * one with {@code --epoch-as-date false} (R's thresholds themselves: FarringtonAgreementWithRTest).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"farrington,", "farrington,false", "farrington-flexible,", "farrington-flexible,false"})
    void farringtonFindsEarlierYearsByCalendarUnlessToldToCountWeeks(String method, String epochAsDate)
            throws IOException {
        List<String> weekly = Files.readAllLines(SurveillanceFixtures.path("farrington-input.csv")).stream()
                .filter(line -> line.startsWith("date,") || line.contains(",sim-") && !line.contains(",sim-daily,"))
                .toList();
        Path input = write("weekly.csv", weekly.toArray(String[]::new));
        List<String> args = new ArrayList<>(List.of("--method", method, "--input", input.toString(),
                "--output", directory.resolve("out.csv").toString(), "--frequency", "week",
                "--range-start", "2022-01-24"));
        if (epochAsDate != null) {
            args.addAll(List.of("--epoch-as-date", epochAsDate));
        }
        assertEquals(0, execute(args.toArray(String[]::new)), err::toString);
        Map<String, String> ours = alarmsByDateAndUnit(Files.readAllLines(directory.resolve("out.csv")), 5);
        Map<String, String> r = alarmsByDateAndUnit(Files.readAllLines(SurveillanceFixtures.path(
                method + (epochAsDate == null ? "-dated" : "") + ".csv")), 5);
        Map<String, String> otherMode = alarmsByDateAndUnit(Files.readAllLines(SurveillanceFixtures.path(
                method + (epochAsDate == null ? "" : "-dated") + ".csv")), 5);
        int compared = 0;
        for (Map.Entry<String, String> fixture : r.entrySet()) {
            if (fixture.getKey().startsWith("202") && fixture.getKey().contains(",sim-")
                    && ours.containsKey(fixture.getKey())) {
                assertEquals(fixture.getValue(), ours.get(fixture.getKey()), fixture.getKey());
                compared++;
            }
        }
        assertEquals(300, compared, "the three simulated weekly series, 100 weeks each");
        assertTrue(otherMode.entrySet().stream().anyMatch(e -> ours.containsKey(e.getKey())
                && !e.getValue().equals(ours.get(e.getKey()))), "the two modes differ on these series");
    }

    private static Map<String, String> alarmsByDateAndUnit(List<String> csv, int alarmColumn) {
        Map<String, String> alarms = new LinkedHashMap<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1);
            alarms.put(f[0] + "," + f[1], "NA".equals(f[alarmColumn]) ? "0" : f[alarmColumn]);
        }
        return alarms;
    }

    /**
     * Issue 19: a unit that began reporting later says so with NA; its series starts at its first observed
     * period — judged exactly as a file that begins there — instead of counting the time before as zeros.
     */
    @Test
    void naBeforeAUnitsFirstObservedPeriodStartsItsSeriesThere() throws IOException {
        List<String> both = new ArrayList<>(List.of("date,unit,count"));
        List<String> laterOnly = new ArrayList<>(List.of("date,unit,count"));
        for (int day = 1; day <= 20; day++) {
            String date = LocalDate.of(2024, 3, day).toString();
            both.add(date + ",early," + (2 + day % 3));
            String later = day < 10 ? "NA" : String.valueOf(1 + day % 4 + (day == 18 ? 9 : 0));
            both.add(date + ",later," + later);
            if (day >= 10) {
                laterOnly.add(date + ",later," + later);
            }
        }
        Path output = directory.resolve("out.csv");
        assertEquals(0, execute("--method", "ears-c1", "--input", write("both.csv", both.toArray(String[]::new)).toString(),
                "--output", output.toString(), "--frequency", "day"), err::toString);
        List<String> rows = Files.readAllLines(output, StandardCharsets.UTF_8);
        List<String> later = rows.stream().filter(line -> line.contains(",later,")).toList();
        assertEquals(0, execute("--method", "ears-c1", "--input",
                write("later.csv", laterOnly.toArray(String[]::new)).toString(), "--output", output.toString(),
                "--frequency", "day"), err::toString);
        List<String> alone = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals(alone.subList(1, alone.size()), later);
        assertTrue(later.stream().anyMatch(line -> line.startsWith("2024-03-18,later,") && line.endsWith(",1")),
                "the later unit's spike alarms");
        assertTrue(rows.stream().anyMatch(line -> line.startsWith("2024-03-08,early,")),
                "the other unit is judged from the file's start");
    }

    @Test
    void naAfterAUnitsFirstObservedPeriodIsRefused() throws IOException {
        Path input = write("gap.csv", "date,unit,count", "2024-03-01,a,2", "2024-03-02,a,NA", "2024-03-03,a,4");
        assertEquals(1, execute("--method", "ears-c1", "--input", input.toString(), "--output",
                directory.resolve("out.csv").toString(), "--frequency", "day"));
        assertTrue(err.toString().contains("NA on 2024-03-02"), err.toString());
    }

    @Test
    void missingPeriodsAreZerosAndUnitsAreSeparate() throws IOException {
        // Unit a has rows only for some days; b only on the last day (its history is all zeros).
        Path input = write("in.csv", "date,unit,count",
                "2024-03-01,a,2", "2024-03-02,a,3", "2024-03-04,a,2", "2024-03-05,a,4", "2024-03-08,a,2",
                "2024-03-09,a,20", "2024-03-09,b,1");
        Path output = directory.resolve("out.csv");
        assertEquals(0, execute("--method", "ears-c1", "--frequency", "day", "--input", input.toString(),
                "--output", output.toString()), err::toString);
        // 9 days; C1 judges from the 8th day (7 days of history) on: 2 days × 2 units. The bound is
        // R's: earsC(sts(c(2,3,0,2,4,0,0,2,20), frequency = 365)) gives 6.5724973326062788.
        assertEquals(List.of("date,unit,observed,expected,threshold,alarm",
                "2024-03-08,a,2,1.5714285714285714,6.572497332606279,0",
                "2024-03-09,a,20,1.5714285714285714,6.572497332606279,1",
                "2024-03-08,b,0,0,0,0",
                "2024-03-09,b,1,0,0,1"), Files.readAllLines(output));
    }

    @Test
    void comparableDaysJudgeADayAsTheServiceDoes() throws IOException {
        // Workdays 10, rest days 2, from 1 July to 20 October 2024: 中秋 and 国庆 with their 调休
        // working weekends (14 and 29 September, 12 October); back to 10 after 国庆; one busy Saturday.
        var calendar = HolidayCalendar.china();
        List<String> lines = new ArrayList<>(List.of("date,unit,count"));
        for (LocalDate d = LocalDate.of(2024, 7, 1); !d.isAfter(LocalDate.of(2024, 10, 20));
             d = d.plusDays(1)) {
            boolean workday = calendar.dayType(d) == HolidayCalendar.DayType.WORKDAY;
            int count = d.equals(LocalDate.of(2024, 10, 19)) ? 10 : workday ? 10 : 2;
            lines.add(d + ",武清区," + count);
        }
        Path input = write("days.csv", lines.toArray(String[]::new));
        Path consecutive = directory.resolve("consecutive.csv");
        Path comparable = directory.resolve("comparable.csv");
        assertEquals(0, execute("--method", "ears-c2", "--min-sigma", "0.5", "--frequency", "day", "--range-start",
                "2024-10-08", "--input", input.toString(), "--output", consecutive.toString()), err::toString);
        assertEquals(0, execute("--method", "ears-c2", "--min-sigma", "0.5", "--frequency", "day", "--range-start",
                "2024-10-08", "--count-baseline", "comparable-days", "--input", input.toString(), "--output",
                comparable.toString()), err::toString);
        // R's consecutive days: the third workday after 国庆 is judged against seven days of holiday.
        assertEquals("1", alarmOn(consecutive, "2024-10-10"));
        // Comparable days: that workday against earlier workdays — quiet; the busy Saturday against rest days — an alarm.
        assertEquals("0", alarmOn(comparable, "2024-10-08"));
        assertEquals("0", alarmOn(comparable, "2024-10-10"));
        assertEquals("1", alarmOn(comparable, "2024-10-19"));
        assertEquals(1, execute("--method", "farrington", "--count-baseline", "comparable-days", "--input",
                input.toString(), "--output", comparable.toString()), "weekly series have no day types");
    }

    private static String alarmOn(Path results, String date) throws IOException {
        return Files.readAllLines(results).stream().filter(line -> line.startsWith(date + ","))
                .map(line -> line.substring(line.lastIndexOf(',') + 1)).findFirst().orElseThrow(() ->
                        new AssertionError(date + " not judged in " + results));
    }

    @Test
    void spreadsheetExportsWithByteOrderMarkAndQuotedUnitsAreRead() throws IOException {
        Path input = write("excel.csv", "\uFEFFdate,unit,count", "2024-01-01,\"120116,乳制品\",3");
        Path output = directory.resolve("out.csv");
        assertEquals(0, execute("--method", "cusum", "--input", input.toString(), "--output", output.toString()),
                err::toString);
        assertEquals(List.of("date,unit,observed,expected,threshold,alarm"), Files.readAllLines(output),
                "one week is too little history: nothing judged, nothing written");
    }

    @Test
    void rangeStartLimitsTheOutput() throws IOException {
        Run c1 = SurveillanceFixtures.runs().stream().filter(r -> r.fixture().equals("ha-berlin.ears-c1.csv"))
                .findFirst().orElseThrow();
        Path output = directory.resolve("out.csv");
        assertEquals(0, execute("--method", "ears-c1", "--input", SurveillanceFixtures.path(c1.input()).toString(),
                "--output", output.toString(), "--range-start", "2006-01-01"), err::toString);
        List<String> lines = Files.readAllLines(output);
        long inRange = SurveillanceFixtures.results(c1).stream().filter(r -> !r.date().isBefore(
                LocalDate.of(2006, 1, 1))).count();
        assertEquals(inRange, lines.size() - 1);
        assertTrue(lines.get(1).startsWith("2006-01-02,"), lines.get(1));
    }

    @Test
    void glrnbTakesItsParametersAsRNamesThemAndGivesRsAlarms() throws IOException {
        Run glr = SurveillanceFixtures.runs("glrnb-runs.csv").stream()
                .filter(r -> r.fixture().equals("ha-berlin.glrnb-glm.csv")).findFirst().orElseThrow();
        Path output = directory.resolve("glr.csv");
        assertEquals(0, execute("--method", "glrnb", "--alpha", "0.2", "--m", "glm", "--c-arl", "5", "--input",
                SurveillanceFixtures.path(glr.input()).toString(), "--output", output.toString(), "--range-start",
                glr.rangeStart().toString()), err::toString);
        List<String> alarmed = Files.readAllLines(output).stream().filter(line -> line.endsWith(",1"))
                .map(line -> line.substring(0, 10)).toList();
        List<String> rAlarms = SurveillanceFixtures.results(glr).stream().filter(r -> Boolean.TRUE.equals(r.alarm()))
                .map(r -> r.date().toString()).toList();
        assertFalse(rAlarms.isEmpty());
        assertEquals(rAlarms, alarmed, "the CLI's alarms are R's");
    }

    @Test
    void badInputAndMisplacedParametersAreReportedNotGuessed() throws IOException {
        Path good = write("good.csv", "date,unit,count", "2024-01-01,a,1");
        String out = directory.resolve("out.csv").toString();
        assertEquals(1, execute("--method", "ears-c1", "--b", "5", "--input", good.toString(), "--output", out));
        assertTrue(err.toString().contains("ears-c1 does not take option(s) [--b]"), err::toString);

        assertEquals(1, execute("--method", "shewhart", "--input", good.toString(), "--output", out));
        assertEquals(1, execute("--method", "ears-c1", "--input",
                write("dup.csv", "date,unit,count", "2024-01-01,a,1", "2024-01-01,a,2").toString(), "--output", out));
        assertEquals(1, execute("--method", "ears-c1", "--input",
                write("grid.csv", "date,unit,count", "2024-01-01,a,1", "2024-01-03,a,2").toString(), "--output", out));
        assertTrue(err.toString().contains("--frequency day"), err::toString);
        assertEquals(1, execute("--method", "ears-c1", "--input",
                write("neg.csv", "date,unit,count", "2024-01-01,a,-1").toString(), "--output", out));
        assertEquals(1, execute("--method", "ears-c1", "--input",
                write("hdr.csv", "day,unit,count", "2024-01-01,a,1").toString(), "--output", out));
        assertEquals(2, execute("--method", "ears-c1", "--input", good.toString())); // --output missing: usage error
    }

    @Test
    void helpListsTheRParameters() {
        StringWriter help = new StringWriter();
        var commandLine = BacktestCommand.commandLine();
        commandLine.setOut(new PrintWriter(help));
        assertEquals(0, commandLine.execute("--help"));
        for (String option : List.of("--method", "--input", "--output", "--frequency", "--range-start", "--count-baseline",
                "--history-days", "--alpha",
                "--baseline", "--min-sigma", "--k", "--h", "--m", "--trans", "--b", "--w", "--reweight",
                "--weights-threshold", "--power-trans", "--threshold-method", "--no-periods",
                "--past-weeks-not-included", "--trend", "--p-threshold-trend", "--limit54")) {
            assertTrue(help.toString().contains(option + "="), option);
        }
    }

    private int execute(String... args) {
        var commandLine = BacktestCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path write(String name, String... lines) throws IOException {
        return Files.write(directory.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }
}
