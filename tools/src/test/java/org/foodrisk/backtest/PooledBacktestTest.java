package org.foodrisk.backtest;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.foodrisk.reference.HolidayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, "the pooled model alarms in a new district's first weeks" and "the alert budget holds on clean
 * simulated data": {@code backtest --method pooled-nb} on daily counts simulated from a negative binomial with a
 * level per district, a weekday cycle and China's 2024 holidays (seeded, so the same on every run).
 */
class PooledBacktestTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final double THETA = 4;
    /** Relative level of each weekday, Monday first: fewer reports at the weekend. */
    private static final double[] WEEKDAY = {1.1, 1.05, 1.0, 1.0, 0.95, 0.55, 0.45};

    @TempDir
    Path directory;
    private final StringWriter err = new StringWriter();

    /** One district's expected count on a day: its level × the weekday × 0.5 on a holiday. */
    private static double mean(double level, LocalDate day) {
        double mean = level * WEEKDAY[day.getDayOfWeek().getValue() - 1];
        return HolidayCalendar.china().dayType(day) == HolidayCalendar.DayType.HOLIDAY ? mean * 0.5 : mean;
    }

    private static long negativeBinomial(UniformRandomProvider rng, double mean) {
        double rate = GammaDistribution.of(THETA, mean / THETA).createSampler(rng).sample();
        return rate == 0 ? 0 : PoissonDistribution.of(rate).createSampler(rng).sample();
    }

    @Test
    void aDistrictReportingForThreeWeeksIsJudgedAndItsOutbreakRaised() throws IOException {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20_261_207L);
        double[] levels = {6, 3, 9, 4, 2.5, 7};
        LocalDate last = LocalDate.of(2024, 6, 30);
        LocalDate newcomerFrom = LocalDate.of(2024, 6, 1);
        List<String> lines = new ArrayList<>(List.of("date,unit,count"));
        for (LocalDate day = FIRST; !day.isAfter(last); day = day.plusDays(1)) {
            for (int d = 0; d < levels.length; d++) {
                lines.add(day + ",D" + d + "," + negativeBinomial(rng, mean(levels[d], day)));
            }
            // A new district (level 5) reports from June 1; before, its rows say NA. On June 18-19, its 18th and
            // 19th days, an outbreak triples its counts.
            long count = negativeBinomial(rng, mean(5, day));
            boolean outbreak = day.equals(LocalDate.of(2024, 6, 18)) || day.equals(LocalDate.of(2024, 6, 19));
            lines.add(day + ",NEW," + (day.isBefore(newcomerFrom) ? "NA" : String.valueOf(outbreak ? count + 18 : count)));
        }
        Path input = Files.write(directory.resolve("counts.csv"), lines, StandardCharsets.UTF_8);
        Path output = directory.resolve("alarms.csv");

        assertEquals(0, execute("--method", "pooled-nb", "--frequency", "day", "--range-start", "2024-03-01",
                "--input", input.toString(), "--output", output.toString(), "--new-units", "wait"), err::toString);
        assertEquals(LocalDate.of(2024, 6, 15).toString(), newcomerRows(output).get(0)[0],
                "with --new-units wait, judged from its 15th day (14 periods to know its level)");

        assertEquals(0, execute("--method", "pooled-nb", "--frequency", "day", "--range-start", "2024-03-01",
                "--input", input.toString(), "--output", output.toString()), err::toString);
        List<String[]> newcomer = newcomerRows(output);
        assertEquals(LocalDate.of(2024, 6, 1).toString(), newcomer.get(0)[0],
                "judged from its first day, at the average unit's level until its own is known");
        List<String> alarmDays = newcomer.stream().filter(row -> row[5].equals("1")).map(row -> row[0]).toList();
        assertTrue(alarmDays.contains("2024-06-18") || alarmDays.contains("2024-06-19"),
                "the outbreak in its third week is raised: " + alarmDays + "\n" + String.join("\n",
                        newcomer.stream().map(row -> String.join(",", row)).toList()));
        assertTrue(alarmDays.stream().allMatch(day -> day.equals("2024-06-18") || day.equals("2024-06-19")),
                "and nothing else of it: " + alarmDays);
    }

    private static List<String[]> newcomerRows(Path output) throws IOException {
        return Files.readAllLines(output).stream().skip(1).map(line -> line.split(","))
                .filter(row -> row[1].equals("NEW")).toList();
    }

    @Test
    void falseAlarmsOnCleanDataStayWithinTheBudget() throws IOException {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        double[] levels = {1.5, 3, 6, 12, 2, 4, 8, 0.8};
        List<String> lines = new ArrayList<>(List.of("date,unit,count"));
        for (LocalDate day = FIRST; day.isBefore(FIRST.plusDays(364)); day = day.plusDays(1)) {
            for (int d = 0; d < levels.length; d++) {
                lines.add(day + ",D" + d + "," + negativeBinomial(rng, mean(levels[d], day)));
            }
        }
        Path input = Files.write(directory.resolve("clean.csv"), lines, StandardCharsets.UTF_8);
        Path output = directory.resolve("clean-alarms.csv");
        double budget = 0.1; // false alarms per district-week
        assertEquals(0, execute("--method", "pooled-nb", "--frequency", "day", "--range-start", "2024-02-01",
                "--alpha", String.valueOf(budget / 7), "--input", input.toString(), "--output", output.toString()),
                err::toString);
        List<String[]> rows = Files.readAllLines(output).stream().skip(1).map(line -> line.split(",")).toList();
        long alarms = rows.stream().filter(row -> row[5].equals("1")).count();
        double perDistrictWeek = alarms / (rows.size() / 7.0);
        System.out.printf("PooledBacktestTest: %d alarms in %d district-days of clean data: %.3f per district-week"
                + " (budget %.3f)%n", alarms, rows.size(), perDistrictWeek, budget);
        assertEquals(8 * (364 - 31), rows.size(), "every district judged every day from February on");
        assertTrue(perDistrictWeek <= budget * 1.3, perDistrictWeek + " false alarms per district-week against a"
                + " budget of " + budget);
        assertTrue(alarms > 0, "a calibrated tail still alarms by chance now and then");
    }

    @Test
    void aPastOutbreakDownweightedLetsTheNextOneThrough() throws IOException {
        // D2 (level 4) had a ten-day outbreak in April (+25 a day); in June two days at +16 come again. Fitted with
        // April at full weight, the model raises D2's level and takes April for dispersion (theta falls): June's
        // counts stay under a threshold of about 25 and pass as chance. Down-weighted (--downweight 2.58), the
        // threshold is about 15 and June is raised.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20_261_208L);
        double[] levels = {6, 3, 4, 9, 2.5, 7};
        List<String> lines = new ArrayList<>(List.of("date,unit,count"));
        LocalDate aprilFrom = LocalDate.of(2024, 4, 8);
        List<LocalDate> june = List.of(LocalDate.of(2024, 6, 18), LocalDate.of(2024, 6, 19));
        for (LocalDate day = FIRST; !day.isAfter(LocalDate.of(2024, 6, 30)); day = day.plusDays(1)) {
            for (int d = 0; d < levels.length; d++) {
                long count = negativeBinomial(rng, mean(levels[d], day));
                if (d == 2 && !day.isBefore(aprilFrom) && day.isBefore(aprilFrom.plusDays(10))) {
                    count += 25;
                } else if (d == 2 && june.contains(day)) {
                    count += 16;
                }
                lines.add(day + ",D" + d + "," + count);
            }
        }
        Path input = Files.write(directory.resolve("repeat.csv"), lines, StandardCharsets.UTF_8);
        List<String> plain = juneAlarms(input, "plain.csv");
        List<String> downweighted = juneAlarms(input, "downweighted.csv", "--downweight", "2.58");
        assertEquals(List.of(), plain.stream().filter(day -> june.contains(LocalDate.parse(day))).toList(),
                "April at full weight hides June: " + plain);
        assertTrue(downweighted.stream().anyMatch(day -> june.contains(LocalDate.parse(day))),
                "April down-weighted, June is raised: " + downweighted);
    }

    /** D2's alarm days from June 1 on. */
    private List<String> juneAlarms(Path input, String outputName, String... extra) throws IOException {
        Path output = directory.resolve(outputName);
        List<String> args = new ArrayList<>(List.of("--method", "pooled-nb", "--frequency", "day", "--range-start",
                "2024-06-01", "--input", input.toString(), "--output", output.toString()));
        args.addAll(List.of(extra));
        assertEquals(0, execute(args.toArray(String[]::new)), err::toString);
        return Files.readAllLines(output).stream().skip(1).map(line -> line.split(","))
                .filter(row -> row[1].equals("D2") && row[5].equals("1")).map(row -> row[0]).toList();
    }

    private int execute(String... args) {
        var commandLine = BacktestCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
