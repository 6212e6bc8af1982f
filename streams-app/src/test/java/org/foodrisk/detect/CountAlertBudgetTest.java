package org.foodrisk.detect;

import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.foodrisk.detect.aberration.AberrationMethods;
import org.foodrisk.detect.aberration.CountSeries;
import org.foodrisk.detect.aberration.Frequency;
import org.foodrisk.ingest.SignalType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, "an alert budget": the daily count rule as the service runs it (EARS C2, min-sigma 0.5, 28 comparable days,
 * at least 3 events), with and without a budget, on outbreak-free series of comparable days — what the rule is given
 * once {@link ComparableDays} has taken out weekdays and holidays. Forty series with daily means from 0.1 to 4, ten
 * years each. The budget's promise is per series-day: at most {@code alpha} of the judged days alarm, so that a
 * district's series together spend at most budget per week.
 */
class CountAlertBudgetTest {

    /**
     * The rule's alpha, fixed here: 0.5 / (111 × 7), close to what count-alert-budget 0.5 gives in the service
     * (0.5 / (107 series × 7) = 6.7e-4; the figures in the README were measured with this one).
     */
    private static final double ALPHA = 0.5 / (111 * 7.0);
    private static final int DAYS = 3650;
    private static final int HISTORY = 28;

    @Test
    void theBudgetHoldsOnOutbreakFreeSeriesWhereTheMethodAloneSpendsFarMore() {
        CountAberrationRule withoutBudget = rule();
        CountAberrationRule withBudget = rule().withBudget(ALPHA);
        Random random = new Random(19L);
        long judged = 0;
        long alarmsWithout = 0;
        long alarmsWith = 0;
        for (int s = 0; s < 40; s++) {
            double mean = 0.1 + s * 0.1;
            PoissonDistribution poisson = PoissonDistribution.of(mean);
            long[] counts = new long[DAYS];
            for (int t = 0; t < DAYS; t++) {
                counts[t] = poisson.inverseCumulativeProbability(random.nextDouble());
            }
            for (int t = HISTORY; t < DAYS; t++) {
                CountSeries window = window(counts, t);
                judged++;
                if (withoutBudget.judge(SignalType.COMPLAINT, window).isPresent()) {
                    alarmsWithout++;
                }
                if (withBudget.judge(SignalType.COMPLAINT, window).isPresent()) {
                    alarmsWith++;
                }
            }
        }
        System.out.printf("count alert budget: %d series-days judged; EARS C2 alone %d alarms (%.5f), with the budget"
                + " %d (%.6f; alpha %.6f, allowed %.1f)%n", judged, alarmsWithout, (double) alarmsWithout / judged,
                alarmsWith, (double) alarmsWith / judged, ALPHA, ALPHA * judged);
        assertTrue(alarmsWith <= ALPHA * judged, "the budget holds: " + alarmsWith + " alarms, " + ALPHA * judged + " allowed");
        assertTrue(alarmsWithout > 10 * ALPHA * judged, "the method alone spends far more: " + alarmsWithout);
        assertTrue(alarmsWith > 0, "and the budgeted rule is not simply silent");
    }

    /**
     * What the budget does not fully promise: counts more variable than Poisson (a gamma-distributed daily rate,
     * variance mean + mean²/2, as complaints that come in bursts). The tail is widened by the comparable days' own
     * variance, but 28 days estimate it roughly: such series spend about three times alpha (15 times without the
     * widening). Measured here so that the README's figure has a test that fails if it changes.
     */
    @Test
    void overdispersedSeriesSpendMoreThanTheirShare() {
        CountAberrationRule withBudget = rule().withBudget(ALPHA);
        Random random = new Random(20L);
        long judged = 0;
        long alarms = 0;
        for (int s = 0; s < 40; s++) {
            double mean = 0.1 + s * 0.1;
            GammaDistribution rates = GammaDistribution.of(2, mean / 2);
            long[] counts = new long[DAYS];
            for (int t = 0; t < DAYS; t++) {
                counts[t] = PoissonDistribution.of(rates.inverseCumulativeProbability(random.nextDouble()))
                        .inverseCumulativeProbability(random.nextDouble());
            }
            for (int t = HISTORY; t < DAYS; t++) {
                judged++;
                if (withBudget.judge(SignalType.COMPLAINT, window(counts, t)).isPresent()) {
                    alarms++;
                }
            }
        }
        double rate = (double) alarms / judged;
        System.out.printf("count alert budget, overdispersed (size 2): %d of %d series-days (%.6f, %.1f × alpha)%n",
                alarms, judged, rate, rate / ALPHA);
        assertTrue(rate > ALPHA, "overdispersion spends more than the Poisson budget: " + rate);
        assertTrue(rate < 5 * ALPHA, "but stays near the three times alpha measured: " + rate);
    }

    @Test
    void anImprobableDayStillAlarmsAndCarriesItsTail() {
        long[] counts = new long[HISTORY + 1];
        for (int t = 0; t < HISTORY; t++) {
            counts[t] = t % 2; // 14 events in 28 comparable days
        }
        counts[HISTORY] = 7;
        CountAberrationRule.Verdict verdict = rule().withBudget(ALPHA).judge(SignalType.COMPLAINT, window(counts, HISTORY))
                .orElseThrow();
        // R: pnbinom(6, size = 14.5, mu = 14.5 / 28, lower.tail = FALSE)
        assertEquals(3.6552418563952581e-06, verdict.point().pValue(), 3.7e-15);
        // EARS C2 alarms on 4, but its tail (R: pnbinom(3, …) = 0.0026282435151589395) is not worth the budget.
        counts[HISTORY] = 4;
        assertTrue(rule().judge(SignalType.COMPLAINT, window(counts, HISTORY)).isPresent());
        assertTrue(rule().withBudget(ALPHA).judge(SignalType.COMPLAINT, window(counts, HISTORY)).isEmpty());
    }

    private static CountAberrationRule rule() {
        return new CountAberrationRule(AberrationMethods.create("ears-c2", Map.of("min-sigma", "0.5"), Frequency.DAY),
                HISTORY, 3);
    }

    /** The comparable days up to day {@code t}: the 28 before it and the day itself. */
    private static CountSeries window(long[] counts, int t) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate first = LocalDate.of(2020, 1, 1);
        for (int i = t - HISTORY; i <= t; i++) {
            dates.add(first.plusDays(i));
        }
        long[] slice = new long[HISTORY + 1];
        System.arraycopy(counts, t - HISTORY, slice, 0, HISTORY + 1);
        return new CountSeries("1201|餐饮食品", Frequency.DAY, dates, slice);
    }
}
