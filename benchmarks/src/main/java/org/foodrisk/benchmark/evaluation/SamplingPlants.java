package org.foodrisk.benchmark.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.foodrisk.demo.DemoRecord;
import org.foodrisk.reference.District;
import org.foodrisk.topics.Topics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.Random;

/**
 * Planted lab results, written as FoodHazardClusterTopologyTest and LateReportsTopologyTest write
 * them: supervision sampling (区抽/市抽) at 流通, district, food, every item with its hazard class.
 */
final class SamplingPlants {

    private static final String LAB = "天津市食品安全检测技术研究院";
    private static final String LAB_CODE = "TJFS001";
    private static final List<String> GRAIN_FOODS = List.of("小麦粉", "大米", "挂面", "馒头", "米粉", "玉米粉");
    private static final List<String> STALL_MARKETS = List.of("综合农贸市场", "菜市场", "便民市场", "蔬菜批发市场");

    private final ZoneId zone;

    SamplingPlants(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * (a) Ten 韭菜 samples, one a day for ten days at ten different stalls, six of them failing for
     * 腐霉利 (农药残留); each reported 2–10 days after sampling.
     */
    Plant foodHazardCluster(int trial, District district, LocalDate day, SplittableRandom random) {
        String prefix = Plant.idPrefix(ScenarioClass.FOOD_HAZARD_CLUSTER, trial);
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        Collections.shuffle(order, new Random(random.nextLong()));
        List<Integer> failing = order.subList(0, 6);
        String market = district.name() + PlantRecords.pick(random, STALL_MARKETS);
        List<DemoRecord> records = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            boolean failed = failing.contains(k);
            ZonedDateTime sampled = day.plusDays(k).atTime(8 + random.nextInt(9), random.nextInt(60)).atZone(zone);
            ZonedDateTime reported = PlantRecords.labReport(sampled, 2 + random.nextInt(9), random);
            ObjectNode value = result(prefix + "-" + (k + 1), random.nextBoolean() ? "区抽" : "市抽", district,
                    market + (k + 1) + "号摊位", "食用农产品", "蔬菜", "韭菜", sampled, reported, failed);
            ArrayNode items = value.putArray("items");
            String procymidone = failed ? String.format(Locale.ROOT, "%.2f", 0.3 + random.nextDouble() * 1.2) : "未检出";
            item(items, "腐霉利", "农药残留", procymidone, "mg/kg", "0.2", !failed);
            item(items, "毒死蜱", "农药残留", "未检出", "mg/kg", "0.02", true);
            records.add(PlantRecords.record(Topics.SAMPLING_RESULTS, prefix + "-" + (k + 1), value, sampled, reported));
        }
        return new Plant(ScenarioClass.FOOD_HAZARD_CLUSTER, trial, district, day, records);
    }

    /**
     * (b) 4–6 粮食加工品 samples of one district taken on one working day, all failing (脱氢乙酸, a
     * preservative not allowed in these foods, one supplier's batch at several shops); one reported
     * 2–3 days later, the rest 5–8 days later — after the day was first judged.
     */
    Plant lateBatch(int trial, District district, LocalDate day, SplittableRandom random) {
        String prefix = Plant.idPrefix(ScenarioClass.LATE_BATCH, trial);
        int failures = 4 + random.nextInt(3);
        List<DemoRecord> records = new ArrayList<>();
        for (int k = 0; k < failures; k++) {
            ZonedDateTime sampled = day.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(zone);
            int delay = k == 0 ? 2 + random.nextInt(2) : 5 + random.nextInt(4);
            ZonedDateTime reported = PlantRecords.labReport(sampled, delay, random);
            String food = GRAIN_FOODS.get(k % GRAIN_FOODS.size());
            ObjectNode value = result(prefix + "-" + (k + 1), "区抽", district, district.name() + "粮油店" + prefix.substring(5) + k,
                    "粮食加工品", null, food, sampled, reported, true);
            item(value.putArray("items"), "脱氢乙酸及其钠盐(以脱氢乙酸计)", "食品添加剂",
                    String.format(Locale.ROOT, "%.2f", 0.6 + random.nextDouble()), "g/kg", "0.5", false);
            records.add(PlantRecords.record(Topics.SAMPLING_RESULTS, prefix + "-" + (k + 1), value, sampled, reported));
        }
        return new Plant(ScenarioClass.LATE_BATCH, trial, district, day, records);
    }

    /** A supervision sampling result at 流通 as the contract writes it (items added by the caller). */
    static ObjectNode result(String id, String program, District district, String business, String category,
                                     String subcategory, String food, ZonedDateTime sampled, ZonedDateTime reported,
                                     boolean failed) {
        ObjectNode value = PlantRecords.object();
        value.put("sampleId", id);
        value.put("program", program);
        value.put("agency", "区市场监管局");
        value.put("lab", LAB);
        value.put("labCode", LAB_CODE);
        value.put("districtCode", district.code());
        value.put("districtName", district.name());
        value.put("stage", "流通");
        value.putObject("enterprise").put("name", business);
        value.put("foodCategory", category);
        if (subcategory != null) {
            value.put("foodSubcategory", subcategory);
        }
        value.put("foodName", food);
        value.put("sampledAt", PlantRecords.iso(sampled));
        value.put("reportedAt", PlantRecords.iso(reported));
        value.put("verdict", failed ? "不合格" : "合格");
        return value;
    }

    static void item(ArrayNode items, String name, String hazardClass, String result, String unit, String limit,
                             boolean pass) {
        ObjectNode item = items.addObject();
        item.put("item", name);
        item.put("hazardClass", hazardClass);
        item.put("result", result);
        item.put("unit", unit);
        item.put("limit", limit);
        item.put("pass", pass);
    }
}
