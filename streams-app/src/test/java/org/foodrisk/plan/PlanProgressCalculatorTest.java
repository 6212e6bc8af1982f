package org.foodrisk.plan;

import org.foodrisk.ingest.Signal;
import org.foodrisk.ingest.SignalType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.foodrisk.ingest.LeanMeatPowder;
import org.foodrisk.ingest.SamplingPrograms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plan progress from sampling results, each target counting only what it names (issue 15): 武清 2024 （十一）
 * 8489 = 4800 市场监管 + 3689 农业农村; 蓟州 2018 3.8.1 and 3.6.2 (served for 2024); 西青 2021 （十八）（十三）.
 */
class PlanProgressCalculatorTest {

    private static final Plan WUQING = PlanCatalog.readBundled("wuqing-2024");
    private static final Plan JIZHOU = PlanCatalog.readBundled("jizhou-2018");
    private static final Plan XIQING = PlanCatalog.readBundled("xiqing-2021");
    /** 2024 is a leap year: 1 July is day 183 of 366, so half the year has passed. */
    private static final LocalDate MID_YEAR = LocalDate.of(2024, 7, 1);

    @Test
    void agencyTargetsAreJudgedOnTheResultsEachAgencyCommissioned() {
        Results r = new Results(WUQING);
        r.add(3000, result().agency("天津市武清区市场监督管理局"));
        r.add(1000, result().agency("武清区农业农村委员会").category("食用农产品").food("韭菜").program("例行监测"));
        List<TargetProgress> progress = r.progress("120114", MID_YEAR);

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
        Results r = new Results(WUQING);
        r.add(3000, result().agency("区市场监管局"));
        r.add(1000, result().agency(null).category("食用农产品").food("韭菜"));
        List<TargetProgress> progress = r.progress("120114", MID_YEAR);

        TargetProgress agriculture = find(progress, "抽检量", "区农业农村委");
        assertNull(agriculture.onTrack());
        assertTrue(agriculture.note().contains("1000批次结果未注明抽检机构"), agriculture.note());
        assertEquals(false, find(progress, "抽检量", null).onTrack(), "the district total is still judged");
    }

    @Test
    void wuqingAgricultureCountsQuantitativeTestsOfEdibleFarmProduceOnly() {
        Results r = new Results(WUQING);
        r.add(1000, result().agency("区农业农村委").category("食用农产品").food("韭菜").program("例行监测"));
        r.add(500, result().agency("区农业农村委").category("食用农产品").food("韭菜").program("快检"));
        r.add(300, result().agency("区农业农村委").category("粮食加工品").food("小麦粉"));
        List<TargetProgress> progress = r.progress("120114", MID_YEAR);
        assertEquals(1000, find(progress, "抽检量", "区农业农村委").reached(), "定量检测: no 快检, only 食用农产品");
        assertEquals(1300, find(progress, "抽检量", null).reached(), "the district's 抽检 counts no 快检 either");
    }

    @Test
    void jizhouPerThousandTargetsOfAllAgenciesCountEveryAgencysResults() {
        Results r = new Results(JIZHOU);
        r.add(1200, result().agency("蓟州区市场监督管理局").tested("非法添加"));
        r.add(500, result().agency("区农委").category("食用农产品").food("韭菜").tested("农药残留"));
        r.add(400, result().agency("区农委").category("食用农产品").food("猪肉").tested("兽药残留"));
        List<TargetProgress> progress = r.progress("120119", MID_YEAR);

        TargetProgress all = findScope(progress, "食品检验量（按常住人口）");
        // 2100 results for 795,516 residents: 2.6 份/千人 against 2 pro-rated (4 a year).
        assertEquals(2.6, all.reached());
        assertEquals(2.0, all.proRated());
        assertEquals(true, all.onTrack());
        TargetProgress residues = findScope(progress, "主要针对农药兽药残留的食品检验量");
        assertEquals(1.1, residues.reached(), "900 tested for 农药 or 兽药残留");
        assertEquals(1.0, residues.proRated());
        assertEquals(true, residues.onTrack());
        assertEquals("本区无2024年计划，按2018年计划（蓟州区2018年食品安全重点工作安排）的目标统计进展".replace("蓟州区2018年食品安全重点工作安排",
                JIZHOU.title()), all.planNote(), "a 2024 question answered by the 2018 plan says so");
    }

    @Test
    void jizhouEdibleFarmProduceTargetCountsOnlyThatCategory() {
        Results r = new Results(JIZHOU);
        r.add(1500, result().agency("区市场监管局").category("乳制品").food("纯牛奶"));
        r.add(300, result().agency("区市场监管局").category("食用农产品").food("韭菜"));
        List<TargetProgress> progress = r.progress("120119", MID_YEAR);
        assertEquals(1800, findScope(progress, "生产经营环节食品检验量（全年）").reached());
        TargetProgress edible = findScope(progress, "生产经营环节食用农产品检验量（全年）");
        assertEquals(300, edible.reached());
        assertEquals(false, edible.onTrack(), "300 against 840 pro-rated");
    }

    @Test
    void agriculturalInputTargetsAreNotMeasurableFromFoodResults() {
        Results r = new Results(JIZHOU);
        r.add(500, result().agency("区农委").category("食用农产品").food("韭菜").tested("农药残留"));
        List<TargetProgress> progress = r.progress("120119", MID_YEAR);
        for (String scope : List.of("农药抽检", "兽药监督抽样", "兽药风险监测", "饲料、饲料添加剂和饲料原料监督检测及风险监测样品")) {
            TargetProgress input = findScope(progress, scope);
            assertEquals(false, input.measurable(), scope);
            assertNull(input.reached(), scope + ": never a 0 that reads as nothing done");
            assertNull(input.onTrack(), scope);
            assertTrue(input.note().startsWith("不可统计：") && input.note().contains("农业投入品"), input.note());
        }
    }

    @Test
    void pieceAndPortionTargetsAreCountedFromTheMatchingRecords() {
        Results r = new Results(JIZHOU);
        r.add(4000, result().agency("区农委").category("食用农产品").food("韭菜").subcategory("蔬菜").tested("农药残留"));
        r.add(100, result().agency("区农委").category("食用农产品").food("韭菜").tested("重金属"));
        r.add(300, result().agency("区农委").category("食用农产品").food("生鲜乳").program("快检").tested("兽药残留"));
        r.add(30000, result().agency("区农委").category("食用农产品").food("猪肉").program("快检").tested("兽药残留")
                .item("克伦特罗"));
        r.add(150, result().agency("区农委").category("食用农产品").food("羊肉").tested("兽药残留"));
        r.add(100, result().agency("区农委").category("食用农产品").food("草鱼").program("快检").tested("兽药残留"));
        r.add(40, result().agency("区农委").category("食用农产品").food("草鱼").stage("种植养殖").tested("兽药残留"));
        r.add(5, result().agency("区农委").category("食用农产品").food("鲫鱼").stage("流通").tested("兽药残留"));
        List<TargetProgress> progress = r.progress("120119", MID_YEAR);

        assertEquals(4000, findScope(progress, "区级、镇级和蔬菜基地蔬菜农残抽检样品").reached(), "蔬菜 tested for 农残");
        assertEquals(300, findScope(progress, "奶牛养殖小区和生鲜乳收购站生鲜乳快速检测样品").reached());
        assertEquals(150, findScope(progress, "猪肉、牛肉、羊肉药物残留检测样品").reached(), "the pork screens are 快检");
        assertEquals(30000, findScope(progress, "“瘦肉精”快速检测").reached());
        assertEquals(100, findScope(progress, "水产品速检样品").reached(), "草鱼 is a 水产品 (lexicon)");
        TargetProgress origin = findScope(progress, "水产品产地精确抽检（配合农业部渔业环境及水产品质量监督检验测试中心（天津））");
        assertEquals(40, origin.reached(), "产地: the 种植养殖 stage only");
        assertEquals("个", origin.unit());
        assertTrue(origin.judged());
    }

    @Test
    void passRatesScopedToBasesAndOriginCountOnlyThose() {
        Results r = new Results(JIZHOU);
        // Vegetable bases: 95 pass, 1 fails; the district's other 食用农产品 fail often.
        r.add(95, result().agency("区农委").category("食用农产品").food("韭菜").enterprise("蓟州区下营镇放心菜基地"));
        r.add(1, result().agency("区农委").category("食用农产品").food("韭菜").enterprise("蓟州区下营镇放心菜基地")
                .failed("农药残留"));
        r.add(50, result().agency("区市场监管局").category("食用农产品").food("韭菜").enterprise("某超市").failed("农药残留"));
        r.add(50, result().agency("区市场监管局").category("食用农产品").food("韭菜").enterprise("某超市"));
        // Fish farms: 20 at the farm pass; a 水产品 base fails for a heavy metal, not a drug residue.
        r.add(20, result().agency("区农委").category("食用农产品").food("草鱼").stage("种植养殖")
                .enterprise("蓟州区优势水产品养殖示范园区").tested("兽药残留"));
        r.add(1, result().agency("区农委").category("食用农产品").food("草鱼").stage("种植养殖")
                .enterprise("蓟州区某无公害养殖基地").failed("重金属"));
        r.add(10, result().agency("区市场监管局").category("食用农产品").food("草鱼").stage("流通")
                .enterprise("某农贸市场").failed("兽药残留"));
        List<TargetProgress> progress = r.progress("120119", MID_YEAR);

        TargetProgress base = findScope(progress, "放心菜基地产品抽检合格率");
        assertEquals(99.0, base.reached(), "95 of 96 at the bases, not 50 % of the whole 大类");
        assertEquals(true, base.onTrack());
        TargetProgress origin = findScope(progress, "水产品产地精确抽检合格率");
        assertEquals(95.2, origin.reached(), "20 of 21 at the farms; the 10 failed in 流通 are not 产地");
        assertEquals(false, origin.onTrack());
        TargetProgress drugs = findScope(progress,
                "无公害养殖基地、优势水产品养殖示范园区、农业部健康养殖示范场硝基呋喃类、孔雀石绿、氯霉素等药物残留抽检合格率");
        assertEquals(100.0, drugs.reached(), "the base's 重金属 failure is no drug residue");
        assertEquals(true, drugs.onTrack());
    }

    @Test
    void xiqingRoutineMonitoringRateCountsRoutineMonitoringOnly() {
        Results r = new Results(XIQING);
        r.add(97, result().agency("区农业农村委").category("食用农产品").food("韭菜").program("例行监测"));
        r.add(3, result().agency("区农业农村委").category("食用农产品").food("韭菜").program("例行监测").failed("农药残留"));
        r.add(20, result().agency("区市场监管局").category("食用农产品").food("韭菜").failed("农药残留"));
        r.add(99, result().agency("区市场监管局").category("乳制品").food("纯牛奶"));
        r.add(1, result().agency("区市场监管局").category("乳制品").food("纯牛奶").failed("微生物"));
        r.add(10, result().agency("区市场监管局").category("乳制品").food("纯牛奶").program("快检").failed("微生物"));
        List<TargetProgress> progress = r.progress("120111", LocalDate.of(2021, 7, 1));
        assertEquals(97.0, findScope(progress, "食用农产品例行监测合格率").reached());
        assertEquals(true, findScope(progress, "食用农产品例行监测合格率").onTrack());
        assertEquals(99.0, findScope(progress, "乳制品抽检合格率").reached(), "快检 screens are no 抽检");
        assertNull(findScope(progress, "乳制品抽检合格率").planNote(), "西青 2021 is its own plan for 2021");
    }

    @Test
    void resultsThatCannotSayWhetherTheyBelongKeepATargetUnjudged() {
        Results r = new Results(JIZHOU);
        r.add(300, result().agency("区农委").category("食用农产品").food("韭菜").tested("农药残留"));
        r.add(300, result().agency("区农委").category("食用农产品").food("韭菜"));
        TargetProgress residues = findScope(r.progress("120119", MID_YEAR), "主要针对农药兽药残留的食品检验量");
        assertNull(residues.onTrack());
        assertTrue(residues.note().contains("300份结果未注明检验项目"), residues.note());
    }

    @Test
    void resultsStoredBeforeTargetsWereTalliedKeepTargetsUnjudged() {
        SamplingTotals before = new SamplingTotals(4000, 40, Map.of(), Map.of(AgencyNames.MARKET_REGULATION, 4000L));
        TargetProgress market = find(new PlanProgressCalculator().progress(WUQING, "120114", MID_YEAR, before),
                "抽检量", "区市场监管局");
        assertNull(market.onTrack());
        assertTrue(market.note().contains("4000批次结果在按目标计数之前入库"), market.note());
    }

    @Test
    void agencyNamesAsLabsWriteThemMatchThePlansAgencies() {
        assertEquals(AgencyNames.key("区市场监管局"), AgencyNames.key("天津市武清区市场监督管理局"));
        assertEquals(AgencyNames.key("区农业农村委"), AgencyNames.key("武清区农业农村委员会"));
        assertEquals("某检测公司", AgencyNames.key(" 某检测公司 "));
        assertNull(AgencyNames.key(" "));
        assertTrue(AgencyNames.collective("各食品安全监管部门"));
        assertFalse(AgencyNames.collective("区农委"));
    }

    // --- helpers -------------------------------------------------------------------------

    private static TargetProgress find(List<TargetProgress> progress, String metric, String agency) {
        return progress.stream().filter(p -> p.metric().equals(metric) && Objects.equals(p.agency(), agency))
                .findFirst().orElseThrow(() -> new AssertionError(metric + " " + agency + " not in " + progress));
    }

    private static TargetProgress findScope(List<TargetProgress> progress, String scope) {
        return progress.stream().filter(p -> scope.equals(p.scope())).findFirst()
                .orElseThrow(() -> new AssertionError(scope + " not in " + progress));
    }

    private static Result result() {
        return new Result();
    }

    /** One sampling result as the extractor makes it (tags program:, subcategory:, tested:). */
    private static final class Result {
        String agency = "区市场监管局";
        String category = "乳制品";
        String food = "纯牛奶";
        String program = "区抽";
        String stage;
        String subcategory;
        String enterprise;
        List<String> tested = new ArrayList<>();
        List<Signal.Finding> findings = new ArrayList<>();
        String item;

        Result agency(String a) {
            agency = a;
            return this;
        }

        Result category(String c) {
            category = c;
            return this;
        }

        Result food(String f) {
            food = f;
            return this;
        }

        Result program(String p) {
            program = p;
            return this;
        }

        Result stage(String s) {
            stage = s;
            return this;
        }

        Result subcategory(String s) {
            subcategory = s;
            return this;
        }

        Result enterprise(String e) {
            enterprise = e;
            return this;
        }

        Result tested(String hazardClass) {
            tested.add(hazardClass);
            return this;
        }

        Result item(String name) {
            item = name;
            return this;
        }

        Result failed(String hazardClass) {
            tested.add(hazardClass);
            findings.add(new Signal.Finding("检验项目", hazardClass, "1", "mg/kg", "0.5", null, null, null));
            return this;
        }

        Signal signal(int n) {
            List<String> tags = new ArrayList<>();
            tags.add("program:" + program);
            if (subcategory != null) {
                tags.add("subcategory:" + subcategory);
            }
            tested.stream().distinct().forEach(c -> tags.add("tested:" + c));
            if (item != null && LeanMeatPowder.named(item)) {
                tags.add(LeanMeatPowder.TESTED_TAG);
            }
            return new Signal(SignalType.SAMPLING, "S-" + n, 1, OffsetDateTime.parse("2024-03-01T10:00:00+08:00"),
                    null, null, category, food, stage, agency, !findings.isEmpty(), findings, null, enterprise, null, 1,
                    tags, food);
        }
    }

    /** The year's results of a district, added up as the stores add them (TargetTally per result). */
    private static final class Results {
        final Plan plan;
        long tested;
        long failed;
        final Map<String, long[]> byCategory = new TreeMap<>();
        final Map<String, Long> byAgency = new TreeMap<>();
        Map<String, long[]> byTarget = new TreeMap<>();
        long tallied;
        int ids;

        Results(Plan plan) {
            this.plan = plan;
        }

        void add(int copies, Result result) {
            for (int i = 0; i < copies; i++) {
                Signal s = result.signal(ids++);
                byTarget = TargetTally.add(byTarget, TargetTally.of(plan, s), 1);
                if (!SamplingPrograms.countsInPassRates(s.tagValue("program"))) {
                    continue; // the totals keep to the programs of pass rates, as the plan-progress store does
                }
                tallied++;
                tested++;
                failed += s.failed() ? 1 : 0;
                long[] c = byCategory.computeIfAbsent(s.foodCategory(), k -> new long[2]);
                c[0]++;
                c[1] += s.failed() ? 1 : 0;
                String key = AgencyNames.key(s.agency());
                if (key != null) {
                    byAgency.merge(key, 1L, Long::sum);
                }
            }
        }

        List<TargetProgress> progress(String districtCode, LocalDate asOf) {
            return new PlanProgressCalculator().progress(plan, districtCode, asOf,
                    new SamplingTotals(tested, failed, byCategory, byAgency, byTarget, tallied));
        }
    }
}
