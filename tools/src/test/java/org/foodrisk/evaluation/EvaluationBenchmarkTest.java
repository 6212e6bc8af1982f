package org.foodrisk.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.foodrisk.detect.aberration.AberrationMethod;
import org.foodrisk.detect.aberration.AberrationMethods;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.DetectionPoint;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.detect.aberration.PointStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluationBenchmarkTest {

    /** Small enough to run in seconds: 3 districts, 1 year of history, 24 outbreaks per stream. */
    private static final SimulationConfig SMALL = SimulationConfig.defaults(7).withDistricts(3).withOutbreaks(24)
            .withHistoryYears(1);

    private static final List<DetectorSpec> DAILY = List.of(DetectorSpec.daily("ears-c1"),
            DetectorSpec.daily("ears-c2"), DetectorSpec.daily("ears-c3"),
            new DetectorSpec("fusion", DetectorSpec.FUSION, Map.of(), Frequency.DAY));

    @Test
    void sameSeedGivesTheSameReportAndAnotherSeedAnotherOne() {
        String first = EvaluationCommand.run(SMALL, DAILY);
        assertEquals(first, EvaluationCommand.run(SMALL, DAILY));
        SimulationConfig otherSeed = new SimulationConfig(8, SMALL.districts(), SMALL.outbreaksPerStream(),
                SMALL.outbreaksPerDistrictYear(), SMALL.historyYears(), SMALL.sizeMultipliers(), SMALL.mode(),
                SMALL.onsetUnitDays(), SMALL.firstDay());
        assertNotEquals(first, EvaluationCommand.run(otherSeed, DAILY));
    }

    @Test
    void negativeBinomialDrawsHaveTheRequestedMeanAndDispersion() {
        RandomNumbers random = RandomNumbers.of(3, 1);
        int n = 200_000;
        double mean = 5;
        double dispersion = 3;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            long x = random.negativeBinomial(mean, dispersion);
            sum += x;
            sumSquares += (double) x * x;
        }
        double sampleMean = sum / n;
        double sampleVariance = (sumSquares - n * sampleMean * sampleMean) / (n - 1);
        assertEquals(mean, sampleMean, 0.05);
        assertEquals(dispersion, sampleVariance / sampleMean, 0.1);
    }

    @Test
    void outbreaksAddExactlyTheirCasesInsideTheirPeriodWithTheStreamsLags() {
        OutbreakSimulator simulator = new OutbreakSimulator(SMALL);
        SimulatedData with = simulator.simulate(1, true);
        SimulatedData without = simulator.simulate(1, false); // same run: same baseline draws
        List<StreamProfile> streams = with.streams();
        assertEquals(SMALL.outbreaksPerStream(), with.scoredOutbreaks().size());
        for (int r = 0; r < with.replicates(); r++) {
            for (int d = 0; d < with.districts().size(); d++) {
                for (int s = 0; s < streams.size(); s++) {
                    long[] difference = new long[with.days()];
                    long[] a = with.counts(r, d, s);
                    long[] b = without.counts(r, d, s);
                    for (int day = 0; day < difference.length; day++) {
                        difference[day] = a[day] - b[day];
                        assertTrue(difference[day] >= 0);
                    }
                    final int replicate = r;
                    final int district = d;
                    final int stream = s;
                    List<StreamOutbreak> here = with.outbreaks().stream()
                            .filter(o -> o.replicate() == replicate && o.district() == district)
                            .flatMap(o -> o.in(stream).stream()).toList();
                    long injected = 0;
                    for (StreamOutbreak appearance : here) {
                        long inPeriod = IntStream.rangeClosed(appearance.firstDay(), appearance.lastDay())
                                .mapToLong(day -> difference[day]).sum();
                        assertEquals(appearance.cases(), inPeriod, "outbreaks of one series must not overlap");
                        assertTrue(appearance.cases() >= OutbreakSimulator.MIN_CASES);
                        assertTrue(difference[appearance.lastDay()] > 0, "the period ends on the last case");
                        injected += appearance.cases();
                    }
                    assertEquals(injected, Arrays.stream(difference).sum(), "no cases outside outbreaks");
                }
            }
        }
        for (Outbreak outbreak : with.scoredOutbreaks()) {
            assertTrue(outbreak.startDay() >= with.evaluationStart() && outbreak.lastDay() < with.days());
            assertEquals(streams.size(), outbreak.appearances().size());
            for (StreamOutbreak appearance : outbreak.appearances()) {
                assertEquals(outbreak.startDay() + streams.get(appearance.stream()).onsetLagDays(),
                        appearance.firstDay());
            }
        }
    }

    @Test
    void largeOutbreaksAreDetectedMoreOftenThanSmallOnesAndMoreOftenThanByChance() {
        SimulationConfig config = SimulationConfig.defaults(11).withDistricts(4).withOutbreaks(64)
                .withHistoryYears(1).withSizeMultipliers(List.of(2.0, 10.0));
        DetectorResult earsC2 = Evaluation.simulate(config).evaluate(DetectorSpec.daily("ears-c2"));
        Tally small = earsC2.bySize().get(2.0);
        Tally large = earsC2.bySize().get(10.0);
        assertEquals(96, small.outbreaks());
        assertEquals(96, large.outbreaks());
        assertTrue(large.pod() > small.pod(), "POD k=10 " + large.pod() + " vs k=2 " + small.pod());
        assertTrue(large.pod() > large.chancePod() + 0.1, "detection must beat coincidence");
        assertTrue(large.delays().stream().allMatch(delay -> delay >= 0));
    }

    @Test
    void pointsWithoutEnoughHistoryAreNeverAlarms() {
        SimulationConfig noHistory = SMALL.withHistoryYears(0);
        Evaluation evaluation = Evaluation.simulate(noHistory);
        // per method: the points the method leaves unjudged carry no alarm
        for (String name : List.of("ears-c1", "ears-c2", "ears-c3", "cusum")) {
            AberrationMethod method = AberrationMethods.create(name, Map.of(), Frequency.DAY);
            long[] counts = evaluation.withOutbreaks().counts(0, 0, 0);
            List<LocalDate> dates = IntStream.range(0, counts.length).mapToObj(evaluation.withOutbreaks()::date)
                    .toList();
            List<DetectionPoint> points = method.detect(new CountSeries("x", Frequency.DAY, dates, counts), 0);
            assertTrue(points.stream().anyMatch(p -> p.status() == PointStatus.INSUFFICIENT_HISTORY), name);
            assertTrue(points.stream().filter(p -> p.status() == PointStatus.INSUFFICIENT_HISTORY)
                    .noneMatch(DetectionPoint::alarm), name);
        }
        // in the benchmark: unjudged points are counted as such, and a method that never has enough
        // history (Farrington needs 5 years) is reported as unavailable with no alarms
        DetectorResult earsC1 = evaluation.evaluate(DetectorSpec.daily("ears-c1"));
        assertTrue(earsC1.available());
        assertTrue(earsC1.total().insufficientPoints() > 0);
        DetectorResult farrington = evaluation.evaluate(
                new DetectorSpec("ff", "farrington-flexible", Map.of(), Frequency.WEEK));
        assertFalse(farrington.available());
        assertEquals(0, farrington.total().outbreakFreeAlarms() + farrington.total().falseAlarms());
    }

    @Test
    void anUnknownOrFailingMethodIsReportedNotAvailableAndTheOthersStillRun() {
        Evaluation evaluation = Evaluation.simulate(SMALL);
        List<DetectorResult> results = evaluation.evaluate(List.of(
                new DetectorSpec("missing", "no-such-method", Map.of(), Frequency.DAY), DetectorSpec.daily("ears-c2")));
        assertFalse(results.get(0).available());
        assertTrue(results.get(0).unavailable().orElseThrow().startsWith("not available"));
        assertTrue(results.get(1).available());
        String markdown = MarkdownReport.render(evaluation, results);
        assertTrue(markdown.contains("| missing | not available"));
    }

    @Test
    void fusionRaisesFewerAlertEpisodesThanItsStreamsDetectorAlone() {
        Evaluation evaluation = Evaluation.simulate(SMALL);
        DetectorResult perStream = evaluation.evaluate(DetectorSpec.daily("ears-c2"));
        DetectorResult fusion = evaluation.evaluate(new DetectorSpec("fusion", DetectorSpec.FUSION, Map.of(),
                Frequency.DAY));
        assertTrue(fusion.episodesPerDistrictWeek() < perStream.episodesPerDistrictWeek());
        assertEquals(SMALL.outbreaksPerStream(), fusion.total().outbreaks());
    }

    @Test
    void theCommandPrintsAndWritesTheMarkdownTable(@TempDir Path directory) throws Exception {
        Path output = directory.resolve("docs/evaluation.md");
        StringWriter printed = new StringWriter();
        CommandLine command = EvaluationCommand.commandLine();
        command.setOut(new PrintWriter(printed));
        command.setErr(new PrintWriter(new StringWriter()));
        int exit = command.execute("--seed", "3", "--districts", "2", "--outbreaks", "8", "--history-years", "1",
                "--output", output.toString());
        assertEquals(0, exit);
        String written = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(printed.toString(), written);
        assertTrue(written.contains("| detector | POD (95% CI; detected/outbreaks) | POD by chance "
                + "| false alarms/district/week | median delay (days) | alerts/district/week outbreak-free"));
        assertTrue(written.contains("| ears-c2 | "));
        assertTrue(written.contains("| fusion (≥2 streams' ears-c2 within 7 days) | "));
        assertTrue(written.contains("--seed 3 --districts 2 --outbreaks 8"));
    }
}
