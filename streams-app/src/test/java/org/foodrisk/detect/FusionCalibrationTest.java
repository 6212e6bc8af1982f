package org.foodrisk.detect;

import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.foodrisk.reference.HolidayCalendar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, "an alert budget that holds on clean simulated data": a year of outbreak-free notable signals about
 * twenty foods of one district × category — common foods (猪肉: complaints most days, a post every few days, a failed
 * sample a month) and rare ones, fewer on weekends and holidays, lab results arriving two to six days after sampling,
 * case reports one to three days after onset, all folded in arrival order as the fusion processor does — and
 * {@link FusionRule} at its defaults fuses in no more food-weeks than its alpha allows per evaluation, over ten
 * simulated years. Measured 2026-12-07: 1 of 10,400 food-weeks for 14,819 evaluations. A first version that combined
 * only the streams it had found unusual fused in 5 food-weeks of one year's 1,494 evaluations (over its budget);
 * the rule before issue 19 (two streams, one with a failed sample or a burst, three signals) fused in 1,682 of the
 * 10,400 (printed beside, not asserted).
 */
class FusionCalibrationTest {

    private static final ZoneId TIANJIN = ZoneId.of("Asia/Shanghai");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration BASELINE = Duration.ofDays(84);
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2024, 12, 31);
    private static final String[] STREAMS = {"sampling", "illness", "complaint", "opinion"};
    /** Expected signals a workday per stream (order of STREAMS) for each of the twenty foods. */
    private static final double[][] RATES = rates();

    private static double[][] rates() {
        double[][] rates = new double[20][];
        for (int food = 0; food < 20; food++) {
            double scale = Math.pow(0.75, food); // from 猪肉-like (food 0) to foods seen a few times a year
            rates[food] = new double[] {0.05 * scale, 0.03 * scale, 0.8 * scale, 0.3 * scale};
        }
        return rates;
    }

    private record Arrival(RecentSignals.Notable notable, OffsetDateTime arrivesAt) {
    }

    @Test
    void outbreakFreeTrafficFusesInFewFoodWeeks() {
        int evaluations = 0;
        int fused = 0;
        int counted = 0;
        // Ten independent years (seeds), so the figure is not one draw's luck: a first version of the rule passed on
        // one seed and failed on the next.
        for (long seed = 1; seed <= 10; seed++) {
            Year year = simulate(seed);
            evaluations += year.evaluations();
            fused += year.fusedFoodWeeks();
            counted += year.countedFoodWeeks();
        }
        int foodWeeks = 10 * 20 * 52;
        System.out.printf("FusionCalibrationTest: %d signals (evaluations) in 10 years, %d of %d food-weeks fused "
                + "(%.4f; %.3f fusion alerts a week for the district × category); counting streams (the former rule): "
                + "%d food-weeks%n", evaluations, fused, foodWeeks, (double) fused / foodWeeks, fused / 520.0, counted);
        assertTrue(evaluations > 10_000, "a busy category: " + evaluations);
        // The budget: alpha (0.001) per evaluation — every arriving signal is one.
        assertTrue(fused <= 0.001 * evaluations, fused + " fused food-weeks for " + evaluations + " evaluations");
    }

    private record Year(int evaluations, int fusedFoodWeeks, int countedFoodWeeks) {
    }

    private static Year simulate(long seed) {
        List<Arrival> arrivals = traffic(new Random(seed));
        arrivals.sort(Comparator.comparing((Arrival a) -> a.arrivesAt().toInstant()).thenComparing(a -> a.notable().id()));
        FusionRule rule = new FusionRule(WEEK, 3, 0.001, 0.1, BASELINE, LevelPolicy.defaults(), TIANJIN);
        RecentSignals recent = RecentSignals.empty();
        Set<String> fusedFoodWeeks = new HashSet<>();
        Set<String> countedFoodWeeks = new HashSet<>();
        for (Arrival arrival : arrivals) {
            RecentSignals.Notable notable = arrival.notable();
            recent = recent.with(notable, WEEK.multipliedBy(2), BASELINE, TIANJIN);
            LocalDate day = notable.at().atZoneSameInstant(TIANJIN).toLocalDate();
            String foodWeek = notable.food() + "|" + day.get(IsoFields.WEEK_BASED_YEAR) + "-"
                    + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (rule.evaluate("120114", "武清区", "食用农产品", recent, notable).isPresent()) {
                fusedFoodWeeks.add(foodWeek);
            }
            if (fusedByCountingStreams(recent, notable)) {
                countedFoodWeeks.add(foodWeek);
            }
        }
        return new Year(arrivals.size(), fusedFoodWeeks.size(), countedFoodWeeks.size());
    }

    /**
     * The rule before issue 19, for comparison: signals about the food within a window either side, from two or
     * more streams, three or more in all, one stream with weight (a failed sample, or three reports in 72 hours).
     */
    private static boolean fusedByCountingStreams(RecentSignals recent, RecentSignals.Notable latest) {
        List<RecentSignals.Notable> related = recent.signals().stream()
                .filter(n -> latest.food().equals(n.food()))
                .filter(n -> !n.at().isBefore(latest.at().minus(WEEK)) && !n.at().isAfter(latest.at().plus(WEEK)))
                .toList();
        Set<String> streams = new HashSet<>();
        boolean weight = false;
        for (RecentSignals.Notable n : related) {
            streams.add(n.type());
            List<RecentSignals.Notable> same = related.stream().filter(o -> o.type().equals(n.type()))
                    .filter(o -> !o.at().isBefore(n.at()) && !o.at().isAfter(n.at().plusHours(72))).toList();
            weight |= "sampling".equals(n.type()) || same.size() >= 3;
        }
        return streams.size() >= 2 && weight && related.size() >= 3;
    }

    private static List<Arrival> traffic(Random random) {
        HolidayCalendar calendar = HolidayCalendar.china();
        List<Arrival> arrivals = new ArrayList<>();
        int n = 0;
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            double dayFactor = switch (calendar.dayType(day)) {
                case WORKDAY -> 1.0;
                case REST_DAY -> 0.6;
                case HOLIDAY -> 0.4;
            };
            for (int food = 0; food < RATES.length; food++) {
                for (int stream = 0; stream < STREAMS.length; stream++) {
                    long count = poisson(random, RATES[food][stream] * dayFactor);
                    for (int i = 0; i < count; i++) {
                        OffsetDateTime at = day.atTime(8 + random.nextInt(12), random.nextInt(60)).atZone(TIANJIN)
                                .toOffsetDateTime();
                        OffsetDateTime arrives = switch (STREAMS[stream]) {
                            case "sampling" -> at.plusDays(2 + random.nextInt(5));
                            case "illness" -> at.plusDays(1 + random.nextInt(3));
                            case "complaint" -> at.plusMinutes(random.nextInt(120));
                            default -> at.plusMinutes(random.nextInt(30));
                        };
                        String id = STREAMS[stream] + "-" + n++;
                        arrivals.add(new Arrival(new RecentSignals.Notable(STREAMS[stream], id, at, "食品" + food,
                                id, "sampling".equals(STREAMS[stream]) ? Boolean.FALSE : null), arrives));
                    }
                }
            }
        }
        return arrivals;
    }

    /** A Poisson draw by inversion (the library's quantile function), zero for a zero mean. */
    private static long poisson(Random random, double mean) {
        return mean <= 0 ? 0 : PoissonDistribution.of(mean).inverseCumulativeProbability(random.nextDouble());
    }
}
