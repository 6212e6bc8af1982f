package org.foodrisk.detect;

import org.foodrisk.ingest.SamplingPrograms;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoodHazardClusterRuleTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST = LocalDate.of(2024, 5, 1);
    private static final FoodHazardClusterRule RULE = new FoodHazardClusterRule(new BernoulliCusum(6, 4),
            new FailureBaseline(50), LevelPolicy.defaults());

    /** Binomial coefficient by the multiplicative formula, for the tails summed here. */
    private static double choose(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    private static double upperTail(int n, int x, double p) {
        double sum = 0;
        for (int k = x; k <= n; k++) {
            sum += choose(n, k) * Math.pow(p, k) * Math.pow(1 - p, n - k);
        }
        return sum;
    }

    @Test
    void theTailIsTheExactBinomialUpperTail() {
        assertEquals(upperTail(7, 3, 0.04), FoodHazardClusterRule.tail(7, 3, 0.04), 1e-12);
        assertEquals(upperTail(10, 6, 0.0103), FoodHazardClusterRule.tail(10, 6, 0.0103), 1e-15);
        assertEquals(1.0, FoodHazardClusterRule.tail(10, 0, 0.03));
    }

    @Test
    void thePriorIsTheNationalFailureMix() {
        assertEquals(0.0273 * 0.3766, FailureBaseline.priorMean("农药残留"), 1e-12);
        assertEquals(0.0273 * 0.0790, FailureBaseline.priorMean("兽药残留"), 1e-12);
        FailureBaseline baseline = new FailureBaseline(50);
        assertEquals(0.0273 * 0.3766, baseline.p0("农药残留", 0, 0), 1e-12, "no history: the prior");
        assertEquals((50 * 0.0273 * 0.3766 + 8) / (50 + 100), baseline.p0("农药残留", 100, 8), 1e-12);
    }

    private static FoodHazardDay day(int tested, int failed, int dayIndex) {
        FoodHazardDay d = FoodHazardDay.empty();
        for (int i = 0; i < tested; i++) {
            boolean fails = i < failed;
            String id = "S-" + dayIndex + "-" + i;
            d = d.add(1, List.of("农药残留"), fails ? Map.of("农药残留", List.of("腐霉利")) : Map.of(), id,
                    FIRST.plusDays(dayIndex).atTime(10, 0).atZone(ZONE).toOffsetDateTime(),
                    fails ? "摊位" + dayIndex + "-" + i : null, "韭菜 " + (fails ? "不合格 腐霉利" : "合格"));
        }
        return d;
    }

    @Test
    void aRunOfFailuresSignalsWithItsFiguresAndEveryFailureAsEvidence() {
        int[][] counts = {{2, 0}, {0, 0}, {1, 0}, {1, 1}, {2, 1}, {0, 0}, {1, 0}, {2, 1}, {1, 0}};
        List<FoodHazardDay> days = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            days.add(day(counts[i][0], counts[i][1], i));
        }
        FoodHazardClusterRule.Series series = new FoodHazardClusterRule.Series("120114", "武清区", "食用农产品", "韭菜",
                "农药残留", FIRST, days, 40, 0);
        double p0 = (50 * 0.0273 * 0.3766) / 90;
        // independent path: clamped sum of daily log-likelihood ratios at R = 6
        double p1 = 6 * p0 / (1 - p0 + 6 * p0);
        double s = 0;
        double peak = 0;
        for (int[] c : counts) {
            s = Math.max(0, s + c[1] * Math.log(p1 / p0) + (c[0] - c[1]) * Math.log((1 - p1) / (1 - p0)));
            peak = Math.max(peak, s);
        }
        FoodHazardClusterRule.Signalled signal = RULE.judge(series, FIRST.plusDays(7)).orElseThrow();
        assertEquals(peak, signal.statistic(), 1e-12);
        assertEquals(p0, signal.p0(), 1e-12);
        assertEquals(FIRST.plusDays(3), signal.runStart(), "the run starts with the first failure");
        assertEquals(FIRST.plusDays(8), signal.runEnd());
        assertEquals(3, signal.failed());
        assertEquals(7, signal.tested());
        assertEquals(upperTail(7, 3, p0), signal.pValue(), 1e-12);
        assertTrue(RULE.judge(series, FIRST.plusDays(9)).isEmpty(), "nothing new from a later day");

        Detection detection = RULE.detection(series, signal, "2024-05-04", ZONE);
        assertEquals("sampling.food-hazard-cluster|120114|韭菜|农药残留|2024-05-04", detection.dedupKey());
        assertEquals(AlertLevel.ORANGE, detection.level(), "p = " + signal.pValue() + " < 0.001");
        assertEquals("腐霉利", detection.substance());
        assertEquals(List.of("S-3-0", "S-4-0", "S-7-0"), detection.evidence().stream().map(Evidence::id).toList());
        assertTrue(detection.headline().contains("涉及3家经营者"), detection.headline());
        assertTrue(detection.detector().method().contains("不计快检、风险监测、你点我检"));
    }

    @Test
    void aBannedPesticideRaisesTheLevel() {
        List<FoodHazardDay> days = new ArrayList<>();
        FoodHazardDay d = FoodHazardDay.empty();
        for (int i = 0; i < 3; i++) {
            d = d.add(1, List.of("农药残留"), Map.of("农药残留", List.of("甲拌磷")), "K-" + i,
                    OffsetDateTime.parse("2024-05-01T10:00:00+08:00"), "摊位" + i, "韭菜 不合格 甲拌磷");
        }
        days.add(d);
        FoodHazardClusterRule.Series series = new FoodHazardClusterRule.Series("120114", "武清区", "食用农产品", "韭菜",
                "农药残留", FIRST, days, 2000, 200);
        FoodHazardClusterRule.Signalled signal = RULE.judge(series, FIRST).orElseThrow();
        // p0 = (0.514 + 200) / 2050 ≈ 0.0978: 3 of 3 has tail p0³ ≈ 9.4e-4 < 0.001, ORANGE; 甲拌磷 is on the banned list (CriticalHazards): RED
        assertEquals(Math.pow(signal.p0(), 3), signal.pValue(), 1e-12);
        assertEquals(AlertLevel.RED, RULE.detection(series, signal, "x", ZONE).level());
    }

    @Test
    void retractionsTakeBackWhatTheyCounted() {
        FoodHazardDay d = FoodHazardDay.empty()
                .add(1, List.of("农药残留"), Map.of("农药残留", List.of("腐霉利")), "A", null, "甲", "s")
                .add(1, List.of(), Map.of(), "B", null, null, "s");
        assertEquals(2, d.tested("农药残留"));
        assertEquals(1, d.tested("微生物"), "a result naming no items counts for every class");
        assertEquals(1, d.failed("农药残留"));
        FoodHazardDay retracted = d.add(-1, List.of("农药残留"), Map.of("农药残留", List.of("腐霉利")), "A", null, "甲", "s");
        assertEquals(0, retracted.failed("农药残留"));
        assertEquals(1, retracted.tested("农药残留"));
        assertTrue(retracted.failures().isEmpty());
    }

    @Test
    void anEpisodeKeepsItsIdUntilAGapOfQuiet() {
        FoodHazardEpisode first = new FoodHazardEpisode(null, null)
                .next(LocalDate.of(2024, 5, 11), LocalDate.of(2024, 5, 16), 30);
        assertEquals("2024-05-11", first.id());
        FoodHazardEpisode moved = first.next(LocalDate.of(2024, 5, 9), LocalDate.of(2024, 5, 19), 30);
        assertEquals("2024-05-11", moved.id(), "a late report moving the run's start keeps the alert");
        assertEquals("2024-05-19", moved.lastSignal());
        FoodHazardEpisode later = moved.next(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 3), 30);
        assertEquals("2024-07-01", later.id(), "six quiet weeks later: a new episode");
    }

    @Test
    void foodsAndProgramsAsTheRatesCountThem() {
        assertEquals("韭菜", FoodNames.normalise("韭菜（散装）", "蔬菜"));
        assertEquals("豇豆", FoodNames.normalise(" 豇豆(豆角) ", null));
        assertEquals("蔬菜", FoodNames.normalise(" ", "蔬菜"));
        assertNull(FoodNames.normalise(null, null));
        for (String counted : new String[] {"国抽", "省抽", "市抽", "区抽", "县抽", "监督抽查", "例行监测"}) {
            assertTrue(SamplingPrograms.countsInPassRates(counted), counted);
        }
        for (String not : new String[] {"快检", "风险监测", "你点我检"}) {
            assertTrue(!SamplingPrograms.countsInPassRates(not), not);
        }
        assertTrue(SamplingPrograms.countsInPassRates(null), "records stored before programs were read count as then");
    }
}
