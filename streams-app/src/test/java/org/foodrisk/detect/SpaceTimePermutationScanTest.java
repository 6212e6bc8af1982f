package org.foodrisk.detect;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The space–time permutation scan against a worked example small enough to compute by brute force:
 * expectations cell by cell (μ_zd = n_z n_d / C), the statistic over every cylinder, and the exact
 * permutation p-value over every distinct assignment of the cases' days.
 */
class SpaceTimePermutationScanTest {

    private static final LocalDate D1 = LocalDate.of(2024, 7, 1);
    private static final List<String> ZONES = List.of("杨村街道", "下朱庄街道", "梅厂镇");
    /** counts[zone][day]: 杨村 0,1,3; 下朱庄 2,1,0; 梅厂 1,1,1 — 10 cases over 3 days. */
    private static final int[][] COUNTS = {{0, 1, 3}, {2, 1, 0}, {1, 1, 1}};
    private static final int MAX_DAYS = 3;

    private static List<SpaceTimePermutationScan.Case> cases(int[][] counts) {
        return cases(counts, ZONES);
    }

    private static List<SpaceTimePermutationScan.Case> cases(int[][] counts, List<String> zones) {
        List<SpaceTimePermutationScan.Case> out = new ArrayList<>();
        for (int z = 0; z < counts.length; z++) {
            for (int d = 0; d < counts[z].length; d++) {
                for (int k = 0; k < counts[z][d]; k++) {
                    out.add(new SpaceTimePermutationScan.Case(zones.get(z), D1.plusDays(d)));
                }
            }
        }
        return out;
    }

    /** Brute force for the worked example's cylinders. */
    private static double bruteForceStatistic(int[][] counts) {
        return bruteForceStatisticGeneral(counts, MAX_DAYS);
    }

    /** Every distinct way to give the cases (in zone order) the multiset of their days. */
    private static void enumerate(int[] zoneOfCase, int position, int[] remainingPerDay, int[][] counts,
                                  double observed, long[] tally) {
        if (position == zoneOfCase.length) {
            tally[0]++;
            if (bruteForceStatistic(counts) >= observed - 1e-9) {
                tally[1]++;
            }
            return;
        }
        for (int d = 0; d < remainingPerDay.length; d++) {
            if (remainingPerDay[d] > 0) {
                remainingPerDay[d]--;
                counts[zoneOfCase[position]][d]++;
                enumerate(zoneOfCase, position + 1, remainingPerDay, counts, observed, tally);
                counts[zoneOfCase[position]][d]--;
                remainingPerDay[d]++;
            }
        }
    }

    private static double exactPermutationP(int[][] counts) {
        double observed = bruteForceStatistic(counts);
        List<Integer> zoneOfCase = new ArrayList<>();
        int[] perDay = new int[counts[0].length];
        for (int z = 0; z < counts.length; z++) {
            for (int d = 0; d < counts[z].length; d++) {
                perDay[d] += counts[z][d];
                for (int k = 0; k < counts[z][d]; k++) {
                    zoneOfCase.add(z);
                }
            }
        }
        long[] tally = new long[2];
        enumerate(zoneOfCase.stream().mapToInt(Integer::intValue).toArray(), 0, perDay,
                new int[counts.length][counts[0].length], observed, tally);
        assertEquals(4200, tally[0], "10!/(3!·3!·4!) assignments of the days 3, 3, 4");
        return (double) tally[1] / tally[0];
    }

    private static List<Set<String>> singleZones() {
        return ZONES.stream().map(Set::of).toList();
    }

    @Test
    void theMostLikelyClusterAndItsStatisticAgreeWithBruteForce() {
        Optional<SpaceTimePermutationScan.Cluster> found = new SpaceTimePermutationScan(MAX_DAYS, 999, 1)
                .scan(cases(COUNTS), D1, D1.plusDays(2), singleZones());
        assertTrue(found.isPresent());
        SpaceTimePermutationScan.Cluster cluster = found.get();
        assertEquals(bruteForceStatistic(COUNTS), cluster.logLikelihoodRatio(), 1e-12);
        // By hand: 杨村 on the last day, c = 3, μ = 4·4/10 = 1.6, 3 ln(3/1.6) + 7 ln(7/8.4) = 0.6096.
        assertEquals(0.6096, cluster.logLikelihoodRatio(), 1e-4);
        assertEquals(Set.of("杨村街道"), cluster.zones());
        assertEquals(D1.plusDays(2), cluster.start());
        assertEquals(D1.plusDays(2), cluster.end());
        assertEquals(3, cluster.observed());
        assertEquals(1.6, cluster.expected(), 1e-12);
    }

    @Test
    void theMonteCarloPValueAgreesWithTheExactPermutationDistribution() {
        double exact = exactPermutationP(COUNTS);
        int replicates = 9999;
        SpaceTimePermutationScan.Cluster cluster = new SpaceTimePermutationScan(MAX_DAYS, replicates, 20240701L)
                .scan(cases(COUNTS), D1, D1.plusDays(2), singleZones()).orElseThrow();
        double standardError = Math.sqrt(exact * (1 - exact) / replicates);
        assertTrue(Math.abs(cluster.pValue() - exact) <= 4 * standardError + 1.0 / replicates,
                "Monte Carlo " + cluster.pValue() + " vs exact " + exact);
        assertTrue(exact > 0.05, "three cases against 1.6 expected is no signal: exact p " + exact);
        assertEquals(1 / cluster.pValue(), cluster.recurrenceDays(), 1e-12);
    }

    @Test
    void aBurstInOneTownAfterQuietWeeksHasASmallPValue() {
        // 10 towns, one case each every day for 28 days, then 10 cases in the last town on day 29 (1 each elsewhere).
        List<String> towns = new ArrayList<>();
        for (int z = 0; z < 10; z++) {
            towns.add("镇" + z);
        }
        int days = 29;
        int[][] counts = new int[10][days];
        for (int[] town : counts) {
            Arrays.fill(town, 1);
        }
        counts[9][days - 1] = 10;
        SpaceTimePermutationScan.Cluster cluster = new SpaceTimePermutationScan(7, 999, 7)
                .scan(cases(counts, towns), D1, D1.plusDays(days - 1), towns.stream().map(Set::of).toList()).orElseThrow();
        assertEquals(Set.of("镇9"), cluster.zones());
        assertEquals(10, cluster.observed());
        double total = 10 * 28 + 19;
        assertEquals((28.0 + 10) * 19 / total, cluster.expected(), 1e-12, "n_z · n_d / C: 38 cases of the town, 19 of the day");
        assertTrue(cluster.pValue() <= 0.01, "p " + cluster.pValue());
        assertEquals(bruteForceStatisticGeneral(counts, 7), cluster.logLikelihoodRatio(), 1e-9);
    }

    @Test
    void fewTownsGiveTheScanLittlePower() {
        // 3 towns: 8 cases against 3.8 expected is no stronger than chance somewhere in a month of cylinders.
        int days = 29;
        int[][] counts = new int[3][days];
        for (int[] town : counts) {
            Arrays.fill(town, 1);
        }
        counts[2][days - 1] = 8;
        SpaceTimePermutationScan.Cluster cluster = new SpaceTimePermutationScan(7, 999, 7)
                .scan(cases(counts), D1, D1.plusDays(days - 1), singleZones()).orElseThrow();
        assertEquals((28.0 + 8) * 10 / (3 * 28 + 10), cluster.expected(), 1e-12);
        assertTrue(cluster.pValue() > 0.01, "p " + cluster.pValue());
    }

    @Test
    void noCylinderAboveExpectationIsNoCluster() {
        int[][] flat = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
        assertTrue(new SpaceTimePermutationScan(MAX_DAYS, 99, 1).scan(cases(flat), D1, D1.plusDays(2), singleZones())
                .isEmpty());
    }

    /** The maximum log GLR over single zones × the last 1..maxDays days, μ summed cell by cell. */
    private static double bruteForceStatisticGeneral(int[][] counts, int maxDays) {
        int zones = counts.length;
        int days = counts[0].length;
        double total = 0;
        double[] zoneTotal = new double[zones];
        double[] dayTotal = new double[days];
        for (int z = 0; z < zones; z++) {
            for (int d = 0; d < days; d++) {
                zoneTotal[z] += counts[z][d];
                dayTotal[d] += counts[z][d];
                total += counts[z][d];
            }
        }
        double max = 0;
        for (int z = 0; z < zones; z++) {
            for (int length = 1; length <= Math.min(maxDays, days); length++) {
                double c = 0;
                double mu = 0;
                for (int d = days - length; d < days; d++) {
                    c += counts[z][d];
                    mu += zoneTotal[z] * dayTotal[d] / total;
                }
                if (c > mu) {
                    max = Math.max(max, c * Math.log(c / mu) + (total - c) * Math.log((total - c) / (total - mu)));
                }
            }
        }
        return max;
    }
}
