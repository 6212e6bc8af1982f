package org.foodrisk.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.foodrisk.detect.aberration.Frequency;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 19, "the pooled model alarms in a new district's first weeks": every district judged as if it had joined on
 * the evaluated year's first day ({@link Evaluation#asNewDistricts}).
 */
class NewDistrictEvaluationTest {

    private static final int WEEKS = 13;

    /** Four districts, one year of history for the others, outbreaks of size 10 only: 3 replicates. */
    private static final SimulationConfig CONFIG = SimulationConfig.defaults(5).withDistricts(4).withOutbreaks(48)
            .withHistoryYears(1).withSizeMultipliers(List.of(10.0));

    private static final DetectorSpec POOLED_WEEKLY = new DetectorSpec("pooled weekly", DetectorSpec.POOLED,
            Map.of("alpha", "0.01"), Frequency.WEEK);

    private final Evaluation evaluation = Evaluation.simulate(CONFIG).asNewDistricts(WEEKS);

    @Test
    void onlyTheOutbreaksOfTheFirstWeeksAreScoredAndRatesAreOverThoseWeeks() {
        SimulatedData data = evaluation.withOutbreaks();
        int end = data.evaluationStart() + 7 * WEEKS;
        long inFirstWeeks = data.scoredOutbreaks().stream().flatMap(o -> o.appearances().stream())
                .filter(a -> a.firstDay() < end).count();
        assertTrue(inFirstWeeks > 0 && inFirstWeeks < data.scoredOutbreaks().size() * 3L,
                "some, not all, outbreaks begin in the first weeks: " + inFirstWeeks);
        DetectorResult earsC2 = evaluation.evaluate(DetectorSpec.daily("ears-c2"));
        assertEquals(inFirstWeeks, earsC2.total().outbreaks());
        assertEquals(CONFIG.districts() * data.replicates() * (double) WEEKS, earsC2.districtWeeks());
    }

    @Test
    void aNewDistrictHasNoHistoryForItsOwnSeries() {
        SimulatedData data = evaluation.withOutbreaks();
        int series = data.replicates() * CONFIG.districts() * data.streams().size() * 2; // both runs
        // EARS C2 needs the 7 days before a 2-day lag: with history every day is judged, a new district's first 9 not
        assertEquals(0, Evaluation.simulate(CONFIG).evaluate(DetectorSpec.daily("ears-c2")).total()
                .insufficientPoints());
        DetectorResult earsC2 = evaluation.evaluate(DetectorSpec.daily("ears-c2"));
        assertEquals(9L * series, earsC2.total().insufficientPoints());
        assertEquals((7L * WEEKS - 9) * series, earsC2.total().evaluatedPoints());
        // Farrington needs years of the district's own weeks: nothing judged
        DetectorResult farrington = evaluation.evaluate(new DetectorSpec("farrington", "farrington", Map.of(),
                Frequency.WEEK));
        assertFalse(farrington.available());
        assertTrue(farrington.unavailable().orElseThrow().startsWith("no point had enough history"));
    }

    @Test
    void thePooledModelJudgesANewDistrictFromItsFirstWeekAtTheAverageDistrictsLevel() {
        SimulatedData data = evaluation.withOutbreaks();
        int series = data.replicates() * CONFIG.districts() * data.streams().size() * 2;
        DetectorResult pooled = evaluation.evaluate(POOLED_WEEKLY);
        assertTrue(pooled.available());
        // new-units=city: weeks 1-4 at the average district's level scaled to its size, then at its own
        assertEquals(0L, pooled.total().insufficientPoints());
        assertEquals(WEEKS * (long) series, pooled.total().evaluatedPoints());
        Tally total = pooled.total();
        assertTrue(total.detected() > 0 && total.pod() > total.chancePod() + 0.1,
                "POD " + total.pod() + " against " + total.chancePod() + " by chance");
        assertTrue(total.delays().stream().allMatch(delay -> delay >= 6), "a week's alarm is known on its Sunday");
    }

    @Test
    void withNewUnitsWaitThePooledModelJudgesANewDistrictFromItsFifthWeek() {
        SimulatedData data = evaluation.withOutbreaks();
        int series = data.replicates() * CONFIG.districts() * data.streams().size() * 2;
        DetectorResult pooled = evaluation.evaluate(new DetectorSpec("pooled weekly, wait", DetectorSpec.POOLED,
                Map.of("alpha", "0.01", "new-units", "wait"), Frequency.WEEK));
        // min-periods 4: weeks 1-4 of each new district unjudged, weeks 5-13 judged beside the others' history
        assertEquals(4L * series, pooled.total().insufficientPoints());
        assertEquals((WEEKS - 4L) * series, pooled.total().evaluatedPoints());
        assertTrue(pooled.total().detected() > 0);
    }

    @Test
    void theCommandReportsNewDistrictsWhenAsked() {
        StringWriter printed = new StringWriter();
        CommandLine command = EvaluationCommand.commandLine();
        command.setOut(new PrintWriter(printed));
        command.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, command.execute("--seed", "3", "--districts", "2", "--outbreaks", "8", "--history-years",
                "1", "--new-district-weeks", "6"));
        String report = printed.toString();
        assertTrue(report.contains("--new-district-weeks 6`"), report);
        assertTrue(report.contains("**Every district as a new one**"));
        assertTrue(report.contains("replicates of a district's first 6 weeks"));
        assertTrue(report.contains("| farrington (weekly) | no point had enough history"));
        assertFalse(report.contains("2 years' window"), "the long-window pooled rows are left out");
        assertThrows(IllegalArgumentException.class, () -> Evaluation.simulate(CONFIG).asNewDistricts(53));
    }
}
