package org.foodrisk.detect;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The prospective space–time permutation scan statistic of Kulldorff M, Heffernan R, Hartman J,
 * Assunção R, Mostashari F (2005), "A space–time permutation scan statistic for disease outbreak
 * detection", PLoS Med 2(3):e59 — as SaTScan runs it and as NYC's health department runs it daily.
 * Cases only, no population: the expected count of zone z on day d is μ_zd = n_z · n_d / C (the
 * zone's total times the day's total over all cases C), i.e. no space–time interaction. Candidate
 * clusters are cylinders: a set of zones (here the caller's, e.g. each 街道/镇 alone) × the last 1 …
 * {@code maxDays} days (prospective: only clusters still going on the last day). For a cylinder A with
 * c_A cases and μ_A expected, the Poisson generalised likelihood ratio is
 * log GLR = c_A ln(c_A/μ_A) + (C − c_A) ln((C − c_A)/(C − μ_A)) when c_A > μ_A, else 0; the test
 * statistic is its maximum over all cylinders. Its p-value is Monte Carlo: the days of the cases are
 * randomly permuted among them (zones kept), which keeps every zone's and every day's total, and
 * p = (1 + replicates at least as large) / (1 + replicates). The recurrence interval of a daily
 * analysis is 1/p days.
 */
public final class SpaceTimePermutationScan {

    /** One case: its zone (town) and onset day. */
    public record Case(String zone, LocalDate day) {
    }

    /** The most likely cluster: its zones, days, counts, log GLR, p-value and recurrence interval (days). */
    public record Cluster(Set<String> zones, LocalDate start, LocalDate end, int observed, double expected,
                          double logLikelihoodRatio, double pValue, double recurrenceDays, int replicates) {
    }

    private final int maxDays;
    private final int replicates;
    private final long seed;

    /**
     * @param maxDays    longest cluster duration in days (Kulldorff et al. used up to 7 in NYC's daily run)
     * @param replicates Monte Carlo replicates (999 in the paper)
     * @param seed       the permutations' seed, so that a replay gives the same p-value
     */
    public SpaceTimePermutationScan(int maxDays, int replicates, long seed) {
        if (maxDays < 1 || replicates < 1) {
            throw new IllegalArgumentException("maxDays and replicates must be positive");
        }
        this.maxDays = maxDays;
        this.replicates = replicates;
        this.seed = seed;
    }

    /**
     * Scans the cases with onset in [studyStart, lastDay] for the most likely cluster ending on lastDay.
     * Empty when no cylinder has more cases than expected.
     */
    public Optional<Cluster> scan(List<Case> cases, LocalDate studyStart, LocalDate lastDay, List<Set<String>> zoneSets) {
        int days = (int) ChronoUnit.DAYS.between(studyStart, lastDay) + 1;
        Map<String, Integer> zoneIndex = new LinkedHashMap<>();
        List<int[]> kept = new ArrayList<>();
        for (Case c : cases) {
            long day = ChronoUnit.DAYS.between(studyStart, c.day());
            if (day < 0 || day >= days) {
                continue;
            }
            int zone = zoneIndex.computeIfAbsent(c.zone(), z -> zoneIndex.size());
            kept.add(new int[]{zone, (int) day});
        }
        int total = kept.size();
        if (total == 0) {
            return Optional.empty();
        }
        int[] caseZone = new int[total];
        int[] caseDay = new int[total];
        for (int i = 0; i < total; i++) {
            caseZone[i] = kept.get(i)[0];
            caseDay[i] = kept.get(i)[1];
        }
        int zones = zoneIndex.size();
        List<int[]> candidates = new ArrayList<>();
        for (Set<String> set : zoneSets) {
            int[] members = set.stream().filter(zoneIndex::containsKey).mapToInt(zoneIndex::get).toArray();
            if (members.length > 0) {
                candidates.add(members);
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        int windows = Math.min(maxDays, days);
        // Marginals are the same in every permutation, so each cylinder's expectation is fixed.
        double[] zoneTotals = new double[zones];
        double[] dayTotals = new double[days];
        for (int i = 0; i < total; i++) {
            zoneTotals[caseZone[i]]++;
            dayTotals[caseDay[i]]++;
        }
        double[][] expected = new double[candidates.size()][windows];
        for (int s = 0; s < candidates.size(); s++) {
            double zoneSum = 0;
            for (int z : candidates.get(s)) {
                zoneSum += zoneTotals[z];
            }
            double daySum = 0;
            for (int w = 0; w < windows; w++) {
                daySum += dayTotals[days - 1 - w];
                expected[s][w] = zoneSum * daySum / total;
            }
        }

        int[] best = new int[3]; // candidate, window, observed
        double observedMax = maximum(caseZone, caseDay, zones, days, candidates, expected, total, best);
        if (observedMax <= 0) {
            return Optional.empty();
        }
        int bestSet = best[0];
        int bestWindow = best[1];
        int bestObserved = best[2];

        SplittableRandom random = new SplittableRandom(seed);
        int[] permutedDays = caseDay.clone();
        int atLeast = 0;
        for (int r = 0; r < replicates; r++) {
            for (int i = total - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = permutedDays[i];
                permutedDays[i] = permutedDays[j];
                permutedDays[j] = t;
            }
            if (maximum(caseZone, permutedDays, zones, days, candidates, expected, total, null) >= observedMax - 1e-9) {
                atLeast++;
            }
        }
        double p = (1.0 + atLeast) / (1.0 + replicates);
        Set<String> clusterZones = new TreeSet<>();
        List<String> names = new ArrayList<>(zoneIndex.keySet());
        for (int z : candidates.get(bestSet)) {
            clusterZones.add(names.get(z));
        }
        return Optional.of(new Cluster(clusterZones, lastDay.minusDays(bestWindow), lastDay, bestObserved,
                expected[bestSet][bestWindow], observedMax, p, 1 / p, replicates));
    }

    /** The largest log GLR over all cylinders; fills {@code best} (candidate, window, observed) if given. */
    private static double maximum(int[] caseZone, int[] caseDay, int zones, int days, List<int[]> candidates,
                                  double[][] expected, int total, int[] best) {
        int windows = expected[0].length;
        // counts[z][w]: cases of zone z on the last w+1 days.
        int[][] counts = new int[zones][windows];
        for (int i = 0; i < caseZone.length; i++) {
            int back = days - 1 - caseDay[i];
            if (back < windows) {
                counts[caseZone[i]][back]++;
            }
        }
        double max = 0;
        for (int s = 0; s < candidates.size(); s++) {
            int observed = 0;
            for (int w = 0; w < windows; w++) {
                for (int z : candidates.get(s)) {
                    observed += counts[z][w];
                }
                double llr = logLikelihoodRatio(observed, expected[s][w], total);
                if (llr > max) {
                    max = llr;
                    if (best != null) {
                        best[0] = s;
                        best[1] = w;
                        best[2] = observed;
                    }
                }
            }
        }
        return max;
    }

    /** Kulldorff et al. 2005, equation for the Poisson GLR of a cylinder (0 unless more cases than expected). */
    static double logLikelihoodRatio(int observed, double expected, int total) {
        if (observed <= expected || expected <= 0) {
            return 0;
        }
        double inside = observed * Math.log(observed / expected);
        double outsideCases = total - observed;
        double outside = outsideCases == 0 ? 0 : outsideCases * Math.log(outsideCases / (total - expected));
        return inside + outside;
    }
}
