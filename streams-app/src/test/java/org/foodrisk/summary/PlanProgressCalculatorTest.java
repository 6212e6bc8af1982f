package org.foodrisk.summary;

import org.foodrisk.plan.AgencyNames;
import org.foodrisk.plan.Plan;
import org.foodrisk.plan.PlanCatalog;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 武清区2024年计划（十一）: 8489 batches in all, split 4800 市场监管 + 3689 农业农村. */
class PlanProgressCalculatorTest {

    private static final Plan WUQING = PlanCatalog.readBundled("wuqing-2024");
    /** 2024 is a leap year: 1 July is day 183 of 366, so half the year has passed. */
    private static final LocalDate MID_YEAR = LocalDate.of(2024, 7, 1);

    @Test
    void agencyTargetsAreJudgedOnTheResultsEachAgencyCommissioned() {
        SamplingTotals totals = new SamplingTotals(4000, 40, Map.of(), Map.of(
                AgencyNames.MARKET_REGULATION, 3000L, AgencyNames.AGRICULTURE, 1000L));
        List<TargetProgress> progress = new PlanProgressCalculator().progress(WUQING, "120114", MID_YEAR, totals);

        TargetProgress all = find(progress, "抽检量", null);
        assertEquals(4000, all.reached());
        assertEquals(4244.5, all.proRated());
        assertEquals(false, all.onTrack());

        TargetProgress market = find(progress, "抽检量", "区市场监管局");
        assertEquals(3000, market.reached());
        assertEquals(2400, market.proRated());
        assertEquals(true, market.onTrack());

        TargetProgress agriculture = find(progress, "抽检量", "区农业农村委");
        assertEquals(1000, agriculture.reached());
        assertEquals(1844.5, agriculture.proRated());
        assertEquals(false, agriculture.onTrack());
        assertNull(agriculture.note());
    }

    @Test
    void anAgencyIsNotJudgedWhileManyResultsNameNoAgency() {
        SamplingTotals totals = new SamplingTotals(4000, 40, Map.of(), Map.of(AgencyNames.MARKET_REGULATION, 3000L));
        List<TargetProgress> progress = new PlanProgressCalculator().progress(WUQING, "120114", MID_YEAR, totals);

        TargetProgress agriculture = find(progress, "抽检量", "区农业农村委");
        assertNull(agriculture.onTrack());
        assertTrue(agriculture.note().contains("1000批次结果未注明抽检机构"), agriculture.note());
        assertEquals(false, find(progress, "抽检量", null).onTrack(), "the district total is still judged");
    }

    @Test
    void agencyNamesAsLabsWriteThemMatchThePlansAgencies() {
        assertEquals(AgencyNames.key("区市场监管局"), AgencyNames.key("天津市武清区市场监督管理局"));
        assertEquals(AgencyNames.key("区农业农村委"), AgencyNames.key("武清区农业农村委员会"));
        assertEquals("某检测公司", AgencyNames.key(" 某检测公司 "));
        assertNull(AgencyNames.key(" "));
    }

    private static TargetProgress find(List<TargetProgress> progress, String metric, String agency) {
        return progress.stream().filter(p -> p.metric().equals(metric) && java.util.Objects.equals(p.agency(), agency))
                .findFirst().orElseThrow(() -> new AssertionError(metric + " " + agency + " not in " + progress));
    }
}
